package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// phEvalRow is one line of testdata/eval/EXPECTED.tsv.
type phEvalRow struct {
	path  string // under testdata/eval
	url   string // the URL a page is served as; "" for a message
	fraud bool   // expected medium or high (true) or low (false)
	note  string
}

// phEvalDir is the evaluation corpus.
var phEvalDir = filepath.Join("..", "..", "testdata", "eval")

// phEvalRows reads the expectation table.
func phEvalRows(t *testing.T) []phEvalRow {
	t.Helper()
	f, err := os.Open(filepath.Join(phEvalDir, "EXPECTED.tsv"))
	if err != nil {
		t.Fatalf("opening the expectation table: %v", err)
	}
	defer f.Close()
	var rows []phEvalRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 3 || (col[2] != "fraud" && col[2] != "clean") {
			t.Fatalf("EXPECTED.tsv line %d: want path, URL, fraud|clean, note: %q", n, line)
		}
		r := phEvalRow{path: col[0], fraud: col[2] == "fraud"}
		if col[1] != "-" {
			r.url = col[1]
		}
		if len(col) > 3 {
			r.note = col[3]
		}
		if _, err := os.Stat(filepath.Join(phEvalDir, r.path)); err != nil {
			t.Fatalf("EXPECTED.tsv line %d: %v", n, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading the expectation table: %v", err)
	}
	return rows
}

// phEvalVerdict is the risk a result comes to once the points that only the
// test's plain-http serving adds (url-no-tls on a page meant for https) are
// taken off; pageOnly is the risk of the page's own content signs alone
// (phishing, one-click, support-scam, clickfix, download, investment,
// fake-police, public-office and dark-job signs), without URL and domain
// signs.
func phEvalVerdict(r phEvalRow, res *checker.Result) (risk, pageOnly rules.Risk, signs []string) {
	https := strings.HasPrefix(r.url, "https://")
	total, page := 0, 0
	for _, s := range res.Signs {
		if https && s.ID == "url-no-tls" {
			continue
		}
		total += s.Points
		signs = append(signs, fmt.Sprintf("%s(%d)", s.ID, s.Points))
		switch {
		case strings.HasPrefix(s.ID, "phishing-"), strings.HasPrefix(s.ID, "oneclick-"),
			s.ID == "form-posts-offsite", s.ID == "download-app", s.ID == "support-scam", s.ID == "clickfix",
			s.ID == "investment-lure", s.ID == "fake-police", s.ID == "public-office-form", s.ID == "dark-job":
			page += s.Points
		}
	}
	if res.Risk == rules.RiskError {
		return rules.RiskError, rules.RiskError, signs
	}
	return rules.RiskOf(min(total, 100)), rules.RiskOf(min(page, 100)), signs
}

// TestEvalPhishingCorpus runs the CLI over the evaluation corpus of
// testdata/eval: every page with `check` under the host it is meant to be
// served from, every message with `message --no-fetch`. Every fraud page
// must come out medium or high and at most one fraud message may be missed
// (the acceptance of issue 4); no genuine page, warning or honest site may
// come out above low.
func TestEvalPhishingCorpus(t *testing.T) {
	rows := phEvalRows(t)
	var pages, mails []phEvalRow
	for _, r := range rows {
		if r.url != "" {
			pages = append(pages, r)
		} else {
			mails = append(mails, r)
		}
	}

	// One server plays every host: it answers host+path with the page
	// meant to be there, and 404 otherwise.
	files := map[string]string{}
	for _, r := range pages {
		u, err := url.Parse(r.url)
		if err != nil {
			t.Fatalf("%s: %v", r.url, err)
		}
		files[strings.ToLower(u.Hostname())+u.EscapedPath()] = filepath.Join(phEvalDir, r.path)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		host := strings.ToLower(req.Host)
		if h, _, ok := strings.Cut(host, ":"); ok {
			host = h
		}
		name, ok := files[host+req.URL.EscapedPath()]
		if !ok {
			http.NotFound(w, req)
			return
		}
		body, err := os.ReadFile(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(body)
	}))
	defer srv.Close()
	port := strings.TrimPrefix(srv.URL, "http://127.0.0.1:")

	args := []string{"check", "--json", "--allow-private", "--no-whois", "--no-progress", "--no-cloaking", "-l", "-"}
	seen := map[string]bool{}
	var list strings.Builder
	target := map[string]phEvalRow{}
	for _, r := range pages {
		u, _ := url.Parse(r.url)
		host := strings.ToLower(u.Hostname())
		if !seen[host] {
			seen[host] = true
			args = append(args, "--resolve", host+":"+port+":127.0.0.1")
		}
		local := "http://" + host + ":" + port + u.RequestURI()
		target[local] = r
		list.WriteString(local + "\n")
	}
	pageRes := phEvalRun(t, args, list.String())

	margs := []string{"message", "--json", "--no-fetch", "--no-whois", "--no-progress"}
	for _, r := range mails {
		p := filepath.Join(phEvalDir, r.path)
		target[p] = r
		margs = append(margs, p)
	}
	mailRes := phEvalRun(t, margs, "")

	var missedMails, missedPages, falseAlarms, pageOnlyMissed []string
	check := func(kind string, res map[string]*checker.Result) {
		for tgt, r := range target {
			if (kind == "page") != (r.url != "") {
				continue
			}
			got, ok := res[tgt]
			if !ok {
				t.Errorf("%s: no result", r.path)
				continue
			}
			risk, pageOnly, signs := phEvalVerdict(r, got)
			if len(got.Links) > 0 {
				for _, l := range got.Links {
					if l.Risk.Rank() > risk.Rank() {
						risk = l.Risk
					}
					for _, s := range l.Signs {
						signs = append(signs, "link:"+s.ID)
					}
				}
			}
			line := fmt.Sprintf("%s → %s %v", r.path, risk, signs)
			switch {
			case r.fraud && risk.Rank() < rules.RiskMedium.Rank():
				if kind == "page" {
					missedPages = append(missedPages, line)
				} else {
					missedMails = append(missedMails, line)
				}
			case !r.fraud && risk.Rank() > rules.RiskLow.Rank():
				falseAlarms = append(falseAlarms, line)
			}
			if kind == "page" && r.fraud && pageOnly.Rank() < rules.RiskMedium.Rank() {
				pageOnlyMissed = append(pageOnlyMissed, line)
			}
			t.Logf("%-5s %-6s %s", map[bool]string{true: "fraud", false: "clean"}[r.fraud], risk, line)
		}
	}
	check("page", pageRes)
	check("mail", mailRes)
	sort.Strings(missedPages)
	sort.Strings(missedMails)
	sort.Strings(falseAlarms)
	sort.Strings(pageOnlyMissed)

	nFraudPages, nFraudMails := 0, 0
	for _, r := range rows {
		switch {
		case r.fraud && r.url != "":
			nFraudPages++
		case r.fraud:
			nFraudMails++
		}
	}
	t.Logf("corpus: %d pages (%d fraud), %d messages (%d fraud); missed pages %d, missed messages %d, false alarms %d; fraud pages below medium on their content signs alone: %d",
		len(pages), nFraudPages, len(mails), nFraudMails, len(missedPages), len(missedMails), len(falseAlarms), len(pageOnlyMissed))
	for _, l := range missedPages {
		t.Errorf("fraud page missed: %s", l)
	}
	if len(missedMails) > 1 {
		for _, l := range missedMails {
			t.Errorf("fraud message missed: %s", l)
		}
	} else if len(missedMails) == 1 {
		t.Logf("one fraud message missed (the acceptance allows one): %s", missedMails[0])
	}
	for _, l := range falseAlarms {
		t.Errorf("false alarm: %s", l)
	}
	// Look-alike host names carry many of the kits; the pages' own signs
	// must find them on hosts that look like nothing too.
	for _, l := range pageOnlyMissed {
		t.Errorf("fraud page below medium on its content signs alone: %s", l)
	}
}

// phEvalRun runs the CLI in-process and returns its JSON results by target.
func phEvalRun(t *testing.T, args []string, stdin string) map[string]*checker.Result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &Streams{In: strings.NewReader(stdin), Out: &out, Err: &errOut})
	if code != exitOK {
		t.Fatalf("%s: exit %d; stderr: %s", args[0], code, errOut.String())
	}
	res := map[string]*checker.Result{}
	dec := json.NewDecoder(&out)
	for dec.More() {
		var r checker.Result
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("%s: broken JSON: %v", args[0], err)
		}
		if r.Error != nil {
			t.Errorf("%s: error %s: %s", r.Target, r.Error.Code, r.Error.Message)
		}
		res[r.Target] = &r
	}
	return res
}
