package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// runMessageCmd runs `shopcheck message ARGS...` with stdin and returns the
// exit code the program would give, stdout and stderr.
func runMessageCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return batchCLI(t, stdin, append([]string{"message"}, args...)...)
}

// decodeResults reads JSON Lines of results.
func decodeResults(t *testing.T, out string) []*checker.Result {
	t.Helper()
	var rs []*checker.Result
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r checker.Result
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("decoding %q: %v", out, err)
		}
		rs = append(rs, &r)
	}
	return rs
}

func signIDs(r *checker.Result) map[string]bool {
	m := map[string]bool{}
	for _, s := range r.Signs {
		m[s.ID] = true
	}
	return m
}

func mailFixture(name string) string { return filepath.Join("..", "..", "testdata", "mail", name) }

func TestMessageNoFetch(t *testing.T) {
	file := mailFixture("smbc-iso2022jp.eml")
	code, out, errs := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", file)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	rs := decodeResults(t, out)
	if len(rs) != 1 {
		t.Fatalf("%d results", len(rs))
	}
	r := rs[0]
	if r.Target != file || r.Risk != rules.RiskHigh || r.Error != nil {
		t.Errorf("target %q risk %q error %+v", r.Target, r.Risk, r.Error)
	}
	ids := signIDs(r)
	for _, id := range []string{"mail-credential-request", "mail-sender-mismatch", "mail-urgency", "mail-link-offbrand"} {
		if !ids[id] {
			t.Errorf("sign %s missing: %+v", id, r.Signs)
		}
	}
	if len(r.Links) != 1 || r.Links[0].Target != "https://smbc-card.vpass-login.cn/login?id=a9f3" || r.Links[0].Domain != "vpass-login.cn" {
		t.Fatalf("links = %+v", r.Links)
	}
	if len(r.Links[0].Pages) != 0 {
		t.Errorf("--no-fetch fetched: %+v", r.Links[0].Pages)
	}
	var topics []string
	for _, a := range r.Advice {
		topics = append(topics, a.Topic)
	}
	if len(topics) == 0 || topics[0] != "phishing" {
		t.Errorf("advice topics %q, want phishing first", topics)
	}
}

func TestMessageFromStdin(t *testing.T) {
	sms := "【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。hxxps://sagawa-exp[.]delivery-check[.]cn/?id=1"
	code, out, errs := runMessageCmd(t, sms, "--no-fetch", "--no-whois", "--json", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	rs := decodeResults(t, out)
	if len(rs) != 1 || rs[0].Target != "-" {
		t.Fatalf("results %+v", rs)
	}
	r := rs[0]
	if !signIDs(r)["mail-delivery-lure"] || len(r.Links) != 1 || r.Links[0].Target != "https://sagawa-exp.delivery-check.cn/?id=1" {
		t.Errorf("signs %+v links %+v", r.Signs, r.Links)
	}
	for _, s := range r.Signs {
		if strings.ContainsAny(s.Message, "のをにはが") {
			t.Errorf("message not in English: %q", s.Message)
		}
	}
}

func TestMessageCleanAndFailOn(t *testing.T) {
	clean := mailFixture("genuine-amazon.eml")
	code, out, _ := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", "--fail-on", "medium", clean)
	if code != exitOK {
		t.Fatalf("genuine mail: exit %d", code)
	}
	r := decodeResults(t, out)[0]
	if r.Risk != rules.RiskLow || len(r.Signs) != 0 {
		t.Errorf("genuine mail: risk %q signs %+v", r.Risk, r.Signs)
	}
	if len(r.Advice) != 1 || r.Advice[0].Topic != "phishing" {
		t.Errorf("advice %+v, want the general care of the phishing advice (not spam's: the mail is genuine)", r.Advice)
	}
	code, _, _ = runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", "--fail-on", "high", clean, mailFixture("sjis-fake-bill.eml"))
	if code != exitFailOn {
		t.Errorf("--fail-on high with a fake bill: exit %d, want %d", code, exitFailOn)
	}
}

func TestMessageUnreadableFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.eml")
	code, out, _ := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", missing)
	if code != exitTargetFail {
		t.Fatalf("exit %d, want %d", code, exitTargetFail)
	}
	r := decodeResults(t, out)[0]
	if r.Target != missing || r.Risk != rules.RiskError || r.Error == nil || r.Error.Code != checker.CodeInvalidTarget {
		t.Errorf("result %+v error %+v", r, r.Error)
	}
	code, _, _ = runMessageCmd(t, "", "-l", "-", "-")
	if code != exitUsage {
		t.Errorf("stdin as list and message: exit %d, want %d", code, exitUsage)
	}
}

// TestMessageScreenshot: a screenshot given as a message is an error
// record (nothing could be read), not a message with no signs.
func TestMessageScreenshot(t *testing.T) {
	shot := filepath.Join(t.TempDir(), "sms.png")
	if err := os.WriteFile(shot, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", shot)
	r := decodeResults(t, out)[0]
	if code != exitTargetFail || r.Risk != rules.RiskError || r.Error == nil || r.Error.Code != checker.CodeInvalidTarget {
		t.Errorf("exit %d, risk %s, error %+v: want an invalid-target record", code, r.Risk, r.Error)
	}
}

func TestMessageList(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.txt")
	body := "# messages\n" + mailFixture("sms-bank-warning.txt") + "\n\n" + mailFixture("sms-sagawa-defanged.txt") + "\n"
	if err := os.WriteFile(list, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", "-l", list)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rs := decodeResults(t, out)
	if len(rs) != 2 {
		t.Fatalf("%d results", len(rs))
	}
	for _, r := range rs {
		switch filepath.Base(r.Target) {
		case "sms-bank-warning.txt":
			if len(r.Signs) != 0 {
				t.Errorf("bank warning: signs %+v", r.Signs)
			}
		case "sms-sagawa-defanged.txt":
			if !signIDs(r)["mail-delivery-lure"] {
				t.Errorf("smishing: signs %+v", r.Signs)
			}
		default:
			t.Errorf("unexpected target %q", r.Target)
		}
	}
}

// With fetching, a link's page decides the risk: a harmless-looking SMS
// whose link is a one-click billing page is high.
func TestMessageFetchesLinks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "phishing", "oneclick", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	sms := "動画の続きはこちら " + srv.URL + "/touroku"
	code, out, errs := runMessageCmd(t, sms, "--no-whois", "--no-cloaking", "--allow-private", "--max-pages", "1", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := decodeResults(t, out)[0]
	if len(r.Signs) != 0 {
		t.Errorf("the text alone should be clean: %+v", r.Signs)
	}
	if len(r.Links) != 1 || len(r.Links[0].Pages) != 1 || !signIDs(r.Links[0])["oneclick-billing"] {
		t.Fatalf("links %+v", r.Links)
	}
	if r.Risk != rules.RiskHigh || r.Score != r.Links[0].Score {
		t.Errorf("risk %q score %d, want the link's high %d", r.Risk, r.Score, r.Links[0].Score)
	}
	if r.Advice[0].Topic != "billing" {
		t.Errorf("advice %+v", r.Advice)
	}
}

func TestMessageTextOutput(t *testing.T) {
	code, out, errs := runMessageCmd(t, "", "--no-fetch", "--no-whois", mailFixture("sjis-fake-bill.eml"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "sjis-fake-bill.eml") || !strings.Contains(out, "架空請求") {
		t.Errorf("text output:\n%s", out)
	}
}

// TestMessageAdviceOrder: the advice for being cheated comes before the
// spam advice that an executable attachment's sign brings.
func TestMessageAdviceOrder(t *testing.T) {
	code, out, _ := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", mailFixture("nta-spoofed-attachment.eml"))
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	r := decodeResults(t, out)[0]
	var topics []string
	for _, a := range r.Advice {
		topics = append(topics, a.Topic)
	}
	if len(topics) < 2 || topics[0] == "spam" || topics[len(topics)-1] != "spam" {
		t.Errorf("advice topics %v: want spam last", topics)
	}
}

// TestMessageSkippedParts: a mail that hides its text in parts nested
// deeper than any real mail's is no harmless "low": it is an error record
// that says what was not read.
func TestMessageSkippedParts(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: x@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i, i+1)
	}
	b.WriteString("--b16\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nお客様のアカウントがロックされました。24時間以内にご確認ください https://x.example.top/\r\n")
	path := filepath.Join(t.TempDir(), "deep.eml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMessageCmd(t, "", "--no-fetch", "--no-whois", "--json", path)
	r := decodeResults(t, out)[0]
	if code != exitTargetFail || r.Risk != rules.RiskError || r.Error == nil || r.Error.Code != checker.CodeRead || !strings.Contains(r.Error.Message, "not read") {
		t.Errorf("exit %d, risk %s, error %+v; want an error record (read)", code, r.Risk, r.Error)
	}
	if !strings.Contains(errOut, "not read") {
		t.Errorf("stderr %q does not say parts were not read", errOut)
	}
}

// TestMessageNotesWholeLines: messages screened at once each note on
// stderr that only their beginning was read; the notes come out whole, one
// a line (run with -race: they were written unlocked from the workers).
func TestMessageNotesWholeLines(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 16 {
		f := filepath.Join(dir, fmt.Sprintf("m%02d.txt", i))
		if err := os.WriteFile(f, []byte(strings.Repeat("お荷物のお届けにあがりましたが不在のため持ち帰りました。", 100)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	_, _, errOut := runMessageCmd(t, "", append([]string{"--no-fetch", "--no-whois", "--json", "--max-body", "1024", "-c", "8"}, files...)...)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 16 {
		t.Fatalf("%d lines on stderr, want 16:\n%s", len(lines), errOut)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "shopcheck: ") || !strings.HasSuffix(l, "only its beginning was read") {
			t.Errorf("broken note %q", l)
		}
	}
}

// TestMessageScamAdvice: a fake police officer's or a 'grandson's' message
// gets the impostor-scam advice, not the fake-bill advice (QA rev24: 「契約は
// まず成立していません」 and the IP-address line were given to both).
func TestMessageScamAdvice(t *testing.T) {
	for _, sms := range []string{
		"警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。至急 03-1234-5678 まで連絡してください。",
		"おばあちゃん、スマホ壊れて番号変わった。会社のお金を落としちゃって今日中に100万円必要なんだ。誰にも言わないで。",
	} {
		code, out, errs := runMessageCmd(t, sms, "--no-fetch", "--no-whois", "--json")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		r := decodeResults(t, out)[0]
		if r.Risk != rules.RiskHigh || len(r.Advice) == 0 || r.Advice[0].Topic != "scam" {
			t.Errorf("%s: risk %s, advice %+v; want high and the scam advice first", sms, r.Risk, r.Advice)
		}
	}
}

// TestMessageEmpty: an empty file or an empty paste is no message to call
// low (QA rev24: 「低」 and exit 0 for nothing read): an error record saying
// the text was empty, exit 2.
func TestMessageEmpty(t *testing.T) {
	for _, stdin := range []string{"", " \n\n"} {
		code, out, _ := runMessageCmd(t, stdin, "--no-fetch", "--no-whois", "--json")
		if code != exitTargetFail {
			t.Fatalf("%q: exit %d, want 2", stdin, code)
		}
		r := decodeResults(t, out)[0]
		if r.Risk != rules.RiskError || r.Error == nil || r.Error.Code != "invalid-target" || !strings.HasPrefix(r.Error.Message, "empty: ") {
			t.Errorf("%q: risk %s error %+v", stdin, r.Risk, r.Error)
		}
	}
	code, out, _ := runMessageCmd(t, "", "--no-fetch", "--no-whois")
	if code != exitTargetFail || !strings.Contains(out, "本文が空でした") {
		t.Errorf("text view, exit %d:\n%s", code, out)
	}
}
