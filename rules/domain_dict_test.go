package rules

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestHonestWordsNearKeywords runs every English dictionary word, as
// word.com and word.jp, through domain-lookalike: a plain word is never a
// look-alike. Words that collide with a brand keyword go to the [honest]
// section of domain_words.txt. It needs a word list (Debian's wamerican,
// /usr/share/dict/words) and is skipped without one.
func TestHonestWordsNearKeywords(t *testing.T) {
	f, err := os.Open("/usr/share/dict/words")
	if err != nil {
		t.Skip("no /usr/share/dict/words (apt-get install wamerican)")
	}
	defer f.Close()
	d := DefaultData()
	sc := bufio.NewScanner(f)
	seen := map[string]bool{}
	n := 0
	for sc.Scan() {
		w := strings.ToLower(sc.Text())
		if strings.Contains(w, "'") || !isASCIIString(w) || seen[w] || len(w) < 3 {
			continue
		}
		seen[w] = true
		n++
		for _, tld := range []string{".com", ".jp"} {
			if im, ok := d.Brands.Lookalike(w + tld); ok {
				t.Errorf("%s%s flagged as imitating %s (%s, kind %d)", w, tld, im.Brand.Name, im.Keyword, im.Kind)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("read only %d words", n)
	}
}
