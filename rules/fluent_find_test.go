package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFlPayFindIndexAgrees checks that the one-pass search for payment
// words finds what the word-by-word search finds, on every line of the
// shop fixtures and evaluation sites.
func TestFlPayFindIndexAgrees(t *testing.T) {
	v := flPayData()
	if v.lits == nil {
		t.Fatal("no index built")
	}
	slow := *v
	slow.lits = nil
	var files []string
	for _, g := range []string{"../testdata/sites/*/*.html", "../testdata/fluent/*/*.html", "../testdata/eval/shops/*/*.html"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	lines := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range NewPage("https://x.example/", 200, "text/html", string(body), false).Lines {
			c := flCompact(l)
			if got, want := v.find(c), slow.find(c); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q: index %v, word by word %v", filepath.Base(f), c, got, want)
			}
			lines++
		}
	}
	if lines < 500 {
		t.Fatalf("only %d lines checked", lines)
	}
}
