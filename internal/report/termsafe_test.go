package report

import (
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

func TestTerminalSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"普通の文 plain\ttext\n", "普通の文 plain\ttext\n"},
		{"clear\x1b[2J screen", "clear\ufffd[2J screen"},
		{"title\x1b]0;PWN\x07", "title\ufffd]0;PWN\ufffd"},
		{"link \x1b]8;;https://evil.example\x1b\\CLICK", "link \ufffd]8;;https://evil.example\ufffd\\CLICK"},
		{"cr\rback\bdel\x7f", "cr\ufffdback\ufffddel\ufffd"},
		{"c1 \u009b31m", "c1 \ufffd31m"},
		{"rlo \u202egnp.exe isolate \u2067x\u2069", "rlo \ufffdgnp.exe isolate \ufffdx\ufffd"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"zero width joiner \u200d and marks \u200e stay", "zero width joiner \u200d and marks \u200e stay"},
	} {
		if got := TerminalSafe(c.in); got != c.want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The text views write what a criminal's page or message says: an escape
// in evidence or in a target never reaches the terminal.
func TestTextViewsAreTerminalSafe(t *testing.T) {
	res := &checker.Result{Target: "http://evil\x1b]0;PWN\x07.example/", Risk: rules.RiskHigh, Score: 60,
		Signs: []rules.Sign{{ID: "mail-urgency", Severity: rules.Medium, Points: 20, Message: "m", Evidence: "本日中\x1b[2J\u202eに"}}}
	for _, detailed := range []bool{true, false} {
		var b strings.Builder
		w, err := New("text", &b, Options{Lang: "ja", Detailed: detailed})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07\u202e") {
			t.Errorf("detailed %v: raw control characters written: %q", detailed, b.String())
		}
	}
}
