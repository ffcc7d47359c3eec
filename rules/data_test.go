package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadDataRulesFiles: a --rules file is one JSON object whose weights
// name real signs; an error names the file.
func TestLoadDataRulesFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) *os.File {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	for _, tc := range []struct {
		name, body, want string // want: "" for no error, else words of the error
	}{
		{"good.json", `{"weights": {"domain-lookalike": 50, "mail-fake-bill": 40}, "blocklist": ["evil.example"]}`, ""},
		{"typo.json", `{"weights": {"domain-lookalik": 50}}`, `typo.json: weights: "domain-lookalik" is no sign id`},
		{"two.json", `{"blocklist": ["a.example"]}` + "\n" + `{"blocklist": ["b.example"]}`, "two.json: more than one JSON object"},
		{"range.json", `{"weights": {"domain-new": 120}}`, `range.json: weight of "domain-new" is 120`},
		{"bad.json", `{"blocklist": [}`, "parsing " + filepath.Join(dir, "bad.json")},
	} {
		_, err := LoadData(write(tc.name, tc.body))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
	// A reader with no name is named by its place.
	if _, err := LoadData(strings.NewReader(`{}`), strings.NewReader(`{"x": 1}`)); err == nil || !strings.Contains(err.Error(), "rules file 2") {
		t.Errorf("unnamed reader: %v", err)
	}
}
