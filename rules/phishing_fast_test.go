package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestPhishLitsLettersAgree holds phishLits.each, which compares a
// literal without ASCII letters byte for byte even when folding, to the
// same index comparing every literal folded, on every line of the
// testdata pages (as written and upper-cased), for the brand names and
// every phrase section.
func TestPhishLitsLettersAgree(t *testing.T) {
	sets := []*phishLits{phishBrandsOf(DefaultData())[0].all.lits,
		newPhishLits([]string{"Amazon", "ａｍａｚｏｎ", "ログイン", "楽天", "apple", "ID", "A1", "1a", "-", "ＡＢ"})}
	for _, group := range []map[string]*phishLits{phishData().sets.words, phishData().sets.fields, phishData().sets.oneclick, phishData().sets.mail, phishData().sets.download} {
		for _, x := range group {
			sets = append(sets, x)
		}
	}
	var texts []string
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			for _, l := range append([]string{p.Title}, p.Lines...) {
				texts = append(texts, l, strings.ToUpper(l), phishLowerASCII(l))
			}
		}
	}
	texts = append(texts, "AMAZONログイン楽天", "Apple ID", "a1A1", "ａｍａｚｏｎ")
	type hit struct{ at, k int }
	hits := 0
	for _, x := range sets {
		all := *x
		all.letters = slices.Repeat([]bool{true}, len(x.list))
		for _, s := range texts {
			var got, want []hit
			x.each(s, true, func(at, k int) bool { got = append(got, hit{at, k}); return true })
			all.each(s, true, func(at, k int) bool { want = append(want, hit{at, k}); return true })
			if !slices.Equal(got, want) {
				t.Fatalf("%q: %v, all folded %v", Clip(s, 60), got, want)
			}
			hits += len(want)
		}
	}
	if hits < 1000 {
		t.Fatalf("only %d hits", hits)
	}
}
