package rules

import (
	"reflect"
	"testing"
)

// TestFlPaymentsOnePage holds the one-page way of flPaymentsOfUncached
// (the page's terms and statements taken as kept on the page) to the
// copying way, flPaymentsJoined(site, false), on every testdata page
// served alone.
func TestFlPaymentsOnePage(t *testing.T) {
	data := DefaultData()
	names, docs := memoCorpus(t)
	n, withTerms := 0, 0
	for _, name := range names {
		for _, d := range docs[name] {
			mk := func() *Site {
				return memoSite("shop.example.jp", memoParse([]memoDoc{d}), data)
			}
			shared, copied := flPaymentsOf(mk()), flPaymentsJoined(mk(), false)
			if !reflect.DeepEqual(shared, copied) {
				t.Errorf("%s: flPaymentsOf = %+v, copying way %+v", d.url, shared, copied)
			}
			n++
			if len(shared.terms) > 0 {
				withTerms++
			}
		}
	}
	if n < 20 || withTerms < 5 {
		t.Fatalf("only %d pages, %d with payment terms", n, withTerms)
	}
}

// TestFlPairsAgrees holds flPairs to flSentencePairs on every line of the
// testdata pages and on lines made to end oddly.
func TestFlPairsAgrees(t *testing.T) {
	lines := []string{"", " ", "。", "a。 ", "お支払い方法: 銀行振込。カード可! 代引き?", "  。  。", "x!y?z", "\xe3\x80"}
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			lines = append(lines, p.Lines...)
		}
	}
	type pair struct{ s, cs string }
	for _, l := range lines {
		cs := flCompact(l)
		var want, got []pair
		for s, c := range flSentencePairs(l, cs) {
			want = append(want, pair{s, c})
		}
		for it := flPairsOf(l, cs); it.next(); {
			got = append(got, pair{it.sent, it.compact})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: flPairs %q, flSentencePairs %q", l, got, want)
		}
	}
}

// TestFlMethodsCoverNames: every method the vocabulary may name has a bit
// of flMethods.
func TestFlMethodsCoverNames(t *testing.T) {
	for m := range flMethodNames {
		if flMethodBit(m) == 0 {
			t.Errorf("method %q has no bit in flMethodOrder", m)
		}
	}
	if got := (flMethodBit("bank") | flMethodBit("card")).count(); got != 2 {
		t.Errorf("count = %d, want 2", got)
	}
}
