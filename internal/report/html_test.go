package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// hostileResults are results whose every string a criminal could choose
// carries markup.
func hostileResults() []*checker.Result {
	rs := sampleResults()
	rs = append(rs, &checker.Result{
		Target: `"><script>document.body.dataset.pwned=1</script>`, URL: `javascript:alert(1)`, Domain: `<b onmouseover=alert(3)>d</b>`,
		Risk: rules.RiskHigh, Score: 90, Redirects: []string{`https://x.example/"><iframe src=//evil>`},
		Whois: &checker.WhoisInfo{Created: "2026-01-01", Registrar: `<svg onload=alert(4)>`},
		Signs: []rules.Sign{{ID: "oneclick-billing", Severity: rules.High, Points: 60, Message: `</td></tr></table><a href="https://evil.example">click</a>`,
			Evidence: `<style>body{display:none}</style><link rel=stylesheet href=//evil/x.css>`, URL: `https://evil.example/"onclick="x`}},
		Error: &checker.ErrorInfo{Code: "read", Message: `<img src=x onerror=alert(5)>`}, HopError: `the page sends the browser on to https://h.example/<script>alert(9)</script>`, ScriptBuilt: true,
		DisclosureImage: `https://d.example/<script>alert(10)</script>`,
		Clues:           []checker.Clue{{Kind: "phone", Value: `<img src=y onerror=alert(6)>`}},
		Links: []*checker.Result{nil, {Target: `https://l.example/<script>alert(7)</script>`, Risk: rules.RiskHigh, Score: 60,
			Signs: []rules.Sign{{ID: "oneclick-billing", Severity: rules.High}}},
			{Target: `https://q.example/<script>alert(8)</script>`, Risk: rules.RiskHigh, Score: 50, Quoted: true}},
	})
	return rs
}

func renderHTML(t *testing.T, rs []*checker.Result, lang string, withTally bool) string {
	t.Helper()
	var out countingWriter
	w, err := New("html", &out, Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	tally := NewTally(0)
	for _, r := range rs {
		tally.Add(r, true)
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if withTally {
		if err := w.(SummaryWriter).WriteSummary(tally); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Every row is one write of whole lines.
	for _, c := range out.calls {
		if !bytes.HasSuffix(c, []byte("\n")) {
			t.Errorf("a write does not end a line: %q", c[max(0, len(c)-40):])
		}
	}
	return out.String()
}

// elements parses doc and returns its elements by tag.
func elements(t *testing.T, doc string) map[string][]*html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out[n.Data] = append(out[n.Data], n)
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("element <%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src") && n.Data != "meta" {
					t.Errorf("element <%s> loads or links %s=%q", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func TestHTMLEscapesEverything(t *testing.T) {
	doc := renderHTML(t, hostileResults(), "ja", true)
	els := elements(t, doc)
	for _, tag := range []string{"img", "iframe", "svg", "link", "a", "b onmouseover"} {
		if len(els[tag]) != 0 {
			t.Errorf("hostile <%s> made it into the report", tag)
		}
	}
	if n := len(els["script"]); n != 1 {
		t.Errorf("%d script elements, want only the report's own", n)
	}
	if n := len(els["style"]); n != 1 {
		t.Errorf("%d style elements, want only the report's own", n)
	}
	if n := len(els["table"]); n != 2 { // the results and the top signs
		t.Errorf("%d tables: a message closed the results table early", n)
	}
	rows := 0
	for _, tr := range els["tr"] {
		for _, a := range tr.Attr {
			if a.Key == "data-risk" {
				rows++
			}
		}
	}
	if rows != 4 {
		t.Errorf("%d result rows, want 4", rows)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(5)&gt;", "&lt;svg onload=alert(4)&gt;", "https://l.example/&lt;script&gt;alert(7)&lt;/script&gt;", "hxxps://q[.]example/&lt;script&gt;alert(8)&lt;/script&gt;", "https://h.example/&lt;script&gt;alert(9)&lt;/script&gt;", "https://d.example/&lt;script&gt;alert(10)&lt;/script&gt;"} {
		if !strings.Contains(doc, want) {
			t.Errorf("escaped text %q missing: the evidence must still be shown", want)
		}
	}
}

func TestHTMLContentSecurityPolicyMatchesItsOwnCode(t *testing.T) {
	doc := renderHTML(t, sampleResults(), "en", true)
	m := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindStringSubmatch(doc)
	st := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(doc)
	if m == nil || st == nil {
		t.Fatal("no inline script or style")
	}
	for _, code := range []string{m[1], st[1]} {
		sum := sha256.Sum256([]byte(code))
		h := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
		if !strings.Contains(doc, "&#39;"+h+"&#39;") && !strings.Contains(doc, "'"+h+"'") {
			t.Errorf("CSP does not allow the inline code with digest %s", h)
		}
	}
	if !strings.Contains(doc, "default-src &#39;none&#39;") && !strings.Contains(doc, "default-src 'none'") {
		t.Error("CSP does not forbid everything else")
	}
}

func TestHTMLSummaryAndCampaigns(t *testing.T) {
	rs := sampleResults()
	twin := *rs[0]
	twin.Target, twin.URL = "twin.example", "https://twin.example/" // another site with the same account
	rs = append(rs, &twin)
	doc := renderHTML(t, rs, "en", true)
	for _, want := range []string{
		`data-risk="high">high <b>2</b>`, `data-risk="error">could not be checked <b>1</b>`,
		"Campaign 1: 2 targets", "<code>0001 / 100 / 1234567</code>",
		`data-q="shop.example"`, `data-q="twin.example"`,
		`<option value="payment-transfer-only">payment-transfer-only (2)</option>`,
		`<span class="sign s-high">strong +25</span>`, // a sign's weight, not a verdict's word
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if ja := renderHTML(t, rs, "ja", true); !strings.Contains(ja, `<span class="sign s-high">強 +25</span>`) {
		t.Error("the Japanese report lacks 強 +25")
	}
	// Without a tally (the writer used outside a batch) there is still a
	// summary of counts, but no campaigns.
	doc = renderHTML(t, rs, "en", false)
	if !strings.Contains(doc, `data-risk="high">high <b>2</b>`) || strings.Contains(doc, "Campaign 1") {
		t.Error("summary without a tally is wrong")
	}
}

func TestHTMLEmpty(t *testing.T) {
	doc := renderHTML(t, nil, "ja", true)
	els := elements(t, doc)
	if len(els["table"]) != 1 || len(els["script"]) != 1 || !strings.HasSuffix(doc, "</html>\n") {
		t.Errorf("an empty report is not a whole document:\n%s", doc)
	}
}

// TestHTMLInChromium loads the report in headless Chromium: it must load,
// run its script to the end (data-ready="1"), show every row and apply a
// filter and a sort given in the URL. Skipped when /usr/bin/chromium is
// absent (Debian: apt-get install -y chromium).
func TestHTMLInChromium(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no /usr/bin/chromium: install Debian's chromium package to run this test")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	rs := hostileResults()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(renderHTML(t, rs, "ja", true)), 0o644); err != nil {
		t.Fatal(err)
	}
	dump := func(fragment string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+path+fragment)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.String())
		}
		return string(out)
	}

	dom := dump("")
	if !strings.Contains(dom, `data-ready="1"`) {
		t.Fatalf("the report's script did not run to the end (no data-ready=\"1\"):\n%.2000s", dom)
	}
	if strings.Contains(dom, "data-pwned") {
		t.Error("a target's markup ran as script")
	}
	if !strings.Contains(dom, `<b id="shown">4</b>`) {
		t.Errorf("the script does not show 4 rows:\n%s", regexp.MustCompile(`<b id="shown">[^<]*</b>`).FindString(dom))
	}
	els := elements(t, dom)
	if len(els["img"])+len(els["iframe"])+len(els["svg"])+len(els["a"]) != 0 {
		t.Error("hostile elements in the rendered page")
	}
	if n := strings.Count(dom, "<tr data-risk="); n != 4 {
		t.Errorf("%d rows in the rendered page, want 4", n)
	}
	// Without a sort asked for, the riskiest rows first (QA rev24: rows
	// stood in the order the checks finished).
	var order []string
	for _, m := range regexp.MustCompile(`<tr data-risk="(\w+)"`).FindAllStringSubmatch(dom, -1) {
		order = append(order, m[1])
	}
	rank := map[string]int{"high": 3, "medium": 2, "low": 1, "error": 0}
	for i := 1; i < len(order); i++ {
		if rank[order[i]] > rank[order[i-1]] {
			t.Errorf("rows not riskiest first by default: %v", order)
			break
		}
	}

	dom = dump("#risk=high&sort=-score")
	if !strings.Contains(dom, `<b id="shown">2</b>`) {
		t.Errorf("filter risk=high: want 2 shown, got %s", regexp.MustCompile(`<b id="shown">[^<]*</b>`).FindString(dom))
	}
	for _, m := range regexp.MustCompile(`<tr data-risk="(\w+)"[^>]*>`).FindAllStringSubmatch(dom, -1) {
		if hidden := strings.Contains(m[0], "hidden"); hidden != (m[1] != "high") {
			t.Errorf("filter risk=high: row %s", m[0])
		}
	}
	scores := regexp.MustCompile(`<td data-v="(\d+)" class="num">`).FindAllStringSubmatch(dom, -1)
	var got []string
	for _, s := range scores {
		got = append(got, s[1])
	}
	if strings.Join(got, ",") != "90,85,40,0" {
		t.Errorf("sort=-score: scores in order %v, want 90,85,40,0", got)
	}
}

// TestHTMLForTheReader: what an officer reading the Japanese report trips
// on (QA rev24): a message link's risk in Japanese, an error's meaning in
// Japanese beside its code, each top sign's summary, a disclosure digest
// said to be one, and the rows searchable by their evidence.
func TestHTMLForTheReader(t *testing.T) {
	rs := sampleResults()
	msg := &checker.Result{Target: "sms.txt", Risk: rules.RiskHigh, Score: 90, Signs: []rules.Sign{},
		Links: []*checker.Result{{Target: "https://kit.example.top/", Risk: rules.RiskHigh, Score: 90}},
		Clues: []checker.Clue{{Kind: "disclosure", Value: "4eb758f5abfe04c83bba15d5aa"}}}
	twin := &checker.Result{Target: "twin.example", Risk: rules.RiskHigh, Score: 90, Signs: []rules.Sign{},
		Clues: []checker.Clue{{Kind: "disclosure", Value: "4eb758f5abfe04c83bba15d5aa"}}}
	doc := renderHTML(t, append(rs, msg, twin), "ja", true)
	for _, want := range []string{
		`<span class="risk r-high">高</span> 90`,
		"URLまたはドメイン名として読めませんでした",
		"同じ文面（SHA-256 4eb758f5abfe…）",
		"銀行振込（前払い）だけ",
		"r.textContent.toLowerCase()",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Japanese report lacks %q", want)
		}
	}
}
