package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// trieEachByMap is trie.each written the plain way: every substring of s
// made of a-z0-9 looked up in a map of the keys (those with no other byte)
// to their ids, in the order the keys were given.
func trieEachByMap(keys []string, ids []int32, s string) []string {
	m := map[string][]int32{}
	for i, k := range keys {
		if trieValidLen(k) != len(k) {
			continue
		}
		id := int32(0)
		if ids != nil {
			id = ids[i]
		}
		m[k] = append(m[k], id)
	}
	var out []string
	for i := 0; i < len(s); i++ {
		for j := i + 1; j <= len(s) && trieSym(s[j-1]) >= 0; j++ {
			for _, id := range m[s[i:j]] {
				out = append(out, fmt.Sprint(i, j, id))
			}
		}
	}
	return out
}

// trieEach is what t.each reports for s, in the same form.
func trieEach(t *trie, s string) []string {
	var out []string
	t.each(s, func(start, end int, id int32) { out = append(out, fmt.Sprint(start, end, id)) })
	return out
}

// TestTrieAgreesWithMap checks the keyword tries of the brand data (and
// small tries with odd keys, repeated keys and empty keys) against plain
// map look-ups of every substring, on feed-like tokens and on the keys run
// together with each other, with digits and with odd bytes.
func TestTrieAgreesWithMap(t *testing.T) {
	ix := DefaultData().Brands.lookIndex()
	var strong, weak []string
	var strongIDs, weakIDs []int32
	for i, k := range ix.kws {
		switch {
		case k.weak && len(k.joined) >= 3:
			weak, weakIDs = append(weak, k.joined), append(weakIDs, int32(i))
		case !k.weak && len(k.joined) >= 4:
			strong, strongIDs = append(strong, k.joined), append(strongIDs, int32(i))
		}
	}
	odd := []string{"amazon", "ama", "amazon", "", "rakuten-card", "smbc.card", "ｓｍｂｃ", "smbc", "Apple", "visa1", "jcb"}
	cases := []struct {
		name string
		t    *trie
		keys []string
		ids  []int32
	}{
		{"strong", ix.trie, strong, strongIDs},
		{"weak", ix.weakTrie, weak, weakIDs},
		{"odd", newTrie(odd, []int32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), odd, []int32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"odd-nil-ids", newTrie(odd, nil), odd, nil},
		{"empty", newTrie(nil, nil), nil, nil},
	}
	var toks []string
	for _, n := range benchNames(3000) {
		for _, l := range strings.Split(n, ".") {
			toks = append(toks, splitTokens(Fold(l))...)
		}
	}
	keys := slices.Concat(strong, weak, odd)
	for i, k := range keys {
		q := keys[(i*7+3)%len(keys)]
		toks = append(toks, k, "x"+k+"0", k+q, q+"login"+k+k, k+"-"+q, k+"é"+q, strings.ToUpper(k)+q)
	}
	for _, c := range cases {
		for _, tok := range toks {
			got, want := trieEach(c.t, tok), trieEachByMap(c.keys, c.ids, tok)
			if !slices.Equal(got, want) {
				t.Fatalf("%s trie on %q: %v, the map look-ups give %v", c.name, tok, got, want)
			}
		}
	}
}

// TestLookIndexFirstUse matches names on a brand set whose look-alike
// index is not built yet from many goroutines at once (the first use
// builds it, once) and requires the answers of a set built beforehand.
func TestLookIndexFirstUse(t *testing.T) {
	names := append(benchNames(400), "smbc-card-login.com", "amazom.com", "xn--amzon-4wa.com",
		"amazon.co.jp.verify-xx.top", "rakuten-kakunin.top", "aeon-netservice.com", "jcb-login.top", "127.0.0.1")
	built := DefaultData()
	built.Brands.Warm()
	want := make([]string, len(names))
	for i, n := range names {
		im, ok := built.Brands.Lookalike(n)
		want[i] = fmt.Sprint(ok, im.Kind, im.Keyword, im.Official, im.Matched)
	}
	fresh := DefaultData()
	if fresh.Brands.look != nil {
		t.Fatal("LoadData built the look-alike index")
	}
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := range names {
				n := names[(i+g*53)%len(names)]
				im, ok := fresh.Brands.Lookalike(n)
				if got, w := fmt.Sprint(ok, im.Kind, im.Keyword, im.Official, im.Matched), want[(i+g*53)%len(names)]; got != w {
					errs <- fmt.Sprintf("%s: %s on first use, %s on a built index", n, got, w)
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
