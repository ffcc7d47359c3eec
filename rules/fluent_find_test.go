package rules

import (
	"reflect"
	"strings"
	"testing"
)

// TestFlPayFindIndexAgrees checks that the one-pass search for payment
// words finds what the word-by-word search finds, on every line of the
// saved pages (whole lines and sentences).
func TestFlPayFindIndexAgrees(t *testing.T) {
	v := flPayData()
	if v.set == nil {
		t.Fatal("no index built")
	}
	slow := *v
	slow.set = nil
	pages, err := flAllTestPages()
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, p := range pages {
		for _, l := range p.Lines {
			cs := []string{flCompact(l)}
			for _, sent := range flSentences(l) {
				cs = append(cs, flCompact(sent))
			}
			for _, c := range cs {
				if got, want := v.find(c), slow.find(c); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %q: one pass %v, word by word %v", p.URL, c, got, want)
				}
			}
			lines++
		}
	}
	if lines < 500 {
		t.Fatalf("only %d lines checked", lines)
	}
}

// TestFlLongestAtGreedy checks the one-pass find against every occurrence
// of every word, kept leftmost first and longest first without overlaps, on
// words that overlap each other.
func TestFlLongestAtGreedy(t *testing.T) {
	words := []string{"カード", "クレジットカード", "ド決済", "決済", "jcb", "cb", "b", "ab"}
	v := &flPayVocab{words: words, set: newFlLitSet(words)}
	brute := func(s string) [][2]int {
		var all [][2]int
		for i := 0; i < len(s); i++ {
			best := 0
			for _, w := range words {
				if strings.HasPrefix(s[i:], w) && len(w) > best {
					best = len(w)
				}
			}
			if best > 0 {
				all = append(all, [2]int{i, i + best})
			}
		}
		var out [][2]int
		for _, h := range all {
			if len(out) == 0 || h[0] >= out[len(out)-1][1] {
				out = append(out, h)
			}
		}
		return out
	}
	for _, s := range []string{"", "b", "ab", "jcbb", "クレジットカード決済", "カード決済", "クレジットカ", "abjcbカード", "ド決済決済", "xxド決", "aab"} {
		if got, want := v.find(s), brute(s); !reflect.DeepEqual(got, want) {
			t.Errorf("find(%q) = %v, want %v", s, got, want)
		}
	}
}
