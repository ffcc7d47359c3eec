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

// actionWordsPlain is actionWords as first written: every piece of two to
// sixteen bytes looked up in the three lists, from every place.
func actionWordsPlain(t string) (act, svc bool) {
	w := words()
	if w.action[t] {
		return true, true
	}
	if w.service[t] {
		return false, true
	}
	if len(t) < 5 || len(t) > 40 {
		return false, false
	}
	var ok [41][3]bool
	ok[0][0] = true
	for i := 0; i < len(t); i++ {
		for l := 2; l <= 16 && i+l <= len(t); l++ {
			p := t[i : i+l]
			lvl := -1
			switch {
			case w.action[p]:
				lvl = 2
			case w.service[p]:
				lvl = 1
			case w.filler[p]:
				lvl = 0
			}
			if lvl < 0 {
				continue
			}
			for k := 0; k < 3; k++ {
				if ok[i][k] {
					ok[i+l][max(k, lvl)] = true
				}
			}
		}
	}
	return ok[len(t)][2], ok[len(t)][1] || ok[len(t)][2]
}

// TestActionWordsAgrees holds actionWords to the plain way on feed-like
// tokens and on the phishing, service and filler words run together with
// each other, with digits and with other letters.
func TestActionWordsAgrees(t *testing.T) {
	var toks []string
	for _, n := range benchNames(5000) {
		for _, l := range strings.Split(n, ".") {
			toks = append(toks, splitTokens(Fold(l))...)
		}
	}
	w := words()
	var ws []string
	for p := range w.plain {
		ws = append(ws, p)
	}
	slices.Sort(ws)
	for i, p := range ws {
		q, r := ws[(i*7+3)%len(ws)], ws[(i*13+5)%len(ws)]
		toks = append(toks, p, p+q, q+p+r, "x"+p+q, p+"1"+q, p+q+"zz", r+"ab"+p, p+q+r+p+q+r)
	}
	hits := 0
	for _, tok := range toks {
		a1, s1 := actionWords(tok)
		a2, s2 := actionWordsPlain(tok)
		if a1 != a2 || s1 != s2 {
			t.Errorf("actionWords(%q) = %v %v, the plain way %v %v", tok, a1, s1, a2, s2)
		}
		if a2 || s2 {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("only %d of %d tokens hold a word: the test tells little", hits, len(toks))
	}
}
