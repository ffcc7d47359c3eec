package main

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestRulesTableLanguage: the rules table speaks the language asked for,
// weights in other words than a verdict's, and says points can vary.
func TestRulesTableLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
		not  string
	}{
		{"ja", []string{"強さ", "点は各兆候の標準の点数", "payment-transfer-only  強"}, "risk: high"},
		{"en", []string{"WEIGHT", "usual points", "payment-transfer-only  strong"}, "危険度"},
	} {
		code, out, _ := runCLI(strings.NewReader(""), "rules", "--lang", tc.lang)
		if code != exitOK {
			t.Fatalf("%s: exit %d", tc.lang, code)
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, w := range tc.want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s: %q missing in:\n%s", tc.lang, w, out)
			}
		}
		if strings.Contains(out, tc.not) {
			t.Errorf("%s: %q in:\n%s", tc.lang, tc.not, out)
		}
	}
}

// failWriter fails every write, as a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestWriteFailureIsNoUsageError: a command that cannot write its output
// says so and exits 1, without the usage hint of a mistyped command line.
func TestWriteFailureIsNoUsageError(t *testing.T) {
	for _, args := range [][]string{{"rules"}, {"rules", "--json"}, {"advice", "shopping"}} {
		var errOut strings.Builder
		code := run(context.Background(), args, &Streams{In: strings.NewReader(""), Out: failWriter{}, Err: &errOut})
		if code != exitUsage || !strings.Contains(errOut.String(), "writing the output") || strings.Contains(errOut.String(), "--help") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}
