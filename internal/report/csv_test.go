package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

func sampleResults() []*checker.Result {
	return []*checker.Result{
		{
			Target: "shop.example", URL: "https://shop.example/top", Domain: "shop.example", Risk: rules.RiskHigh, Score: 85,
			Signs: []rules.Sign{
				{ID: "account-listed", Severity: rules.High, Points: 60, Message: "口座が既知の詐欺口座です", Evidence: ""},
				{ID: "payment-transfer-only", Severity: rules.High, Points: 25, Message: "銀行振込のみ", Evidence: "お支払い: 銀行振込のみ\n（前払い）", URL: "https://shop.example/tokushoho"},
			},
			Clues: []checker.Clue{{Kind: "account", Value: "0001|100|1234567"}},
		},
		{
			Target: "=cmd|' /C calc'!A0", Risk: rules.RiskError,
			Error: &checker.ErrorInfo{Code: "invalid-target", Message: "not a URL"},
		},
		{
			Target: "evil.example", URL: "https://evil.example/", Domain: "evil.example", Risk: rules.RiskMedium, Score: 40,
			Signs: []rules.Sign{{ID: "phishing-brand-impersonation", Severity: rules.High, Points: 40, Message: "m",
				Evidence: `<script>alert(1)</script><img src=x onerror=alert(2)>"quoted", =SUM(A1)`}},
		},
	}
}

func TestCSV(t *testing.T) {
	var out countingWriter
	w, err := New("csv", &out, Options{Lang: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sampleResults() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(out.calls) != 4 {
		t.Fatalf("%d writes, want 4 (header, then one a row)", len(out.calls))
	}
	for _, c := range out.calls {
		if bytes.Count(c, []byte("\n")) != 1 || !bytes.HasSuffix(c, []byte("\n")) {
			t.Errorf("write %q is not one whole line", c)
		}
	}
	data := out.String()
	if !strings.HasPrefix(data, "\ufefftarget,url,domain,risk,score,signs,evidence,error\n") {
		t.Fatalf("no BOM and header: %q", data[:40])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CSVHeader,
		{"shop.example", "https://shop.example/top", "shop.example", "high", "85", "account-listed payment-transfer-only",
			"payment-transfer-only: お支払い: 銀行振込のみ （前払い）", ""},
		{"'=cmd|' /C calc'!A0", "", "", "error", "0", "", "", "invalid-target: not a URL"},
		{"evil.example", "https://evil.example/", "evil.example", "medium", "40", "phishing-brand-impersonation",
			`phishing-brand-impersonation: <script>alert(1)</script><img src=x onerror=alert(2)>"quoted", =SUM(A1)`, ""},
	}
	for i := range want {
		if strings.Join(recs[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("row %d:\n got %q\nwant %q", i, recs[i], want[i])
		}
	}
}

func TestCSVContinuedHasNoHeader(t *testing.T) {
	var out bytes.Buffer
	w := NewCSVContinued(&out, Options{})
	w.Write(sampleResults()[0])
	if strings.Contains(out.String(), "\ufeff") || strings.HasPrefix(out.String(), "target,") {
		t.Errorf("a continued file got a BOM or header again: %q", out.String())
	}
}

func TestCSVCellRoundTrip(t *testing.T) {
	for _, s := range []string{"", "a", "=1+1", "+81", "-x", "@SUM", "'", "''", "'=x", "'x", "\ttab", "a'b", "https://a.example/?q='x'"} {
		cell := CSVCell(s)
		if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
			t.Errorf("CSVCell(%q) = %q starts a formula", s, cell)
		}
		if back := UnCSVCell(cell); back != s {
			t.Errorf("UnCSVCell(CSVCell(%q)) = %q", s, back)
		}
	}
	if got := CSVCell("-"); got != "-" {
		t.Errorf("CSVCell(-) = %q: standard input's target is no formula", got)
	}
	if got := CSVCell("two\r\nlines\nhere"); got != "two lines here" {
		t.Errorf("line breaks: %q", got)
	}
}

// TestCSVEvidenceNoTerminalEscapes: a page's escape sequences and direction
// overrides quoted in the evidence do not reach the file (QA rev24: a CSV
// viewed with cat ran them); the target stays as given, for --resume.
func TestCSVEvidenceNoTerminalEscapes(t *testing.T) {
	var out strings.Builder
	w, err := New("csv", &out, Options{Lang: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	r := &checker.Result{Target: "esc.example", Risk: rules.RiskMedium, Score: 40,
		Signs: []rules.Sign{{ID: "payment-transfer-only", Evidence: "銀行振込のみ\x1b]0;owned\x07\x1b[2J \u202eevil"}},
		Error: &checker.ErrorInfo{Code: "read", Message: "bad \x1b[31mred"}}
	if err := w.Write(r); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); strings.ContainsAny(s, "\x1b\x07\u202e") || !strings.Contains(s, "銀行振込のみ") {
		t.Errorf("escapes reached the CSV: %q", s)
	}
}
