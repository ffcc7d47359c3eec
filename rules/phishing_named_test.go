package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPhishNamedIndexAgrees checks that the one-pass brand index finds the
// same brands as searching each brand's names one by one, on every page of
// the phishing fixtures and the evaluation corpus.
func TestPhishNamedIndexAgrees(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/phishing/*/*.html", "../testdata/eval/phishing/*.html"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d pages found", len(files))
	}
	brands := phishBrandsOf(DefaultData())
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v := newPhishPageView(NewPage("https://x.example/", 200, "text/html", string(body), false), brands)
		if v.namedSet == nil {
			t.Fatalf("%s: no index", f)
		}
		for _, pb := range brands {
			slow := false
			for _, n := range pb.names {
				slow = slow || strings.Contains(v.hay, phishLowerASCII(n.text))
			}
			if v.namedSet[pb.b.Name] != slow {
				t.Errorf("%s: %s named %v by the index, %v one by one", filepath.Base(f), pb.b.Name, v.namedSet[pb.b.Name], slow)
			}
		}
	}
}
