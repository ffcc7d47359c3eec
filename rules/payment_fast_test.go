package rules

import (
	"reflect"
	"strings"
	"testing"
)

// paymentFastSites is every testdata folder as one site and every one of
// its pages as a site alone, each built anew by mk (pages keep what they
// derive).
func paymentFastSites(t *testing.T) (n int, mk func(i int) *Site) {
	data := DefaultData()
	names, docs := memoCorpus(t)
	var sets [][]memoDoc
	for _, name := range names {
		sets = append(sets, docs[name])
		for _, d := range docs[name] {
			sets = append(sets, []memoDoc{d})
		}
	}
	return len(sets), func(i int) *Site { return memoSite("shop.example.jp", memoParse(sets[i]), data) }
}

// TestShopTransferOnlyFastAgrees holds payment-transfer-only, which skips
// reading the payments of a site naming no bank transfer, to its check
// without that test, on every testdata site and page.
func TestShopTransferOnlyFastAgrees(t *testing.T) {
	rule := shopTransferOnlyRule()
	n, mk := paymentFastSites(t)
	skipped, fired := 0, 0
	for i := range n {
		site := mk(i)
		got, want := rule.Check(site), shopTransferOnly(mk(i))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, without the test %v", site.Pages[0].URL, got, want)
		}
		if !shopMayNameTransfer(site) {
			skipped++
		}
		if len(want) > 0 {
			fired++
		}
	}
	t.Logf("%d sites: skipped %d, fired %d", n, skipped, fired)
	if skipped == 0 || fired == 0 || skipped == n {
		t.Fatalf("%d sites skipped, %d fired: the comparison proves little", skipped, fired)
	}
}

// TestFlPaymentFastAgrees holds payment-method-mismatch and
// payment-gift-card, which skip reading the payments of a site that
// cannot fire them, to their checks without those tests, on every
// testdata site and page.
func TestFlPaymentFastAgrees(t *testing.T) {
	n, mk := paymentFastSites(t)
	var skipped, fired [2]int
	for i := range n {
		site := mk(i)
		if got, want := checkPaymentMismatch(site), flPaymentMismatch(mk(i)); !reflect.DeepEqual(got, want) {
			t.Errorf("mismatch %s: %v, without the test %v", site.Pages[0].URL, got, want)
		} else if len(want) > 0 {
			fired[0]++
		}
		if !flMayMismatch(site) {
			skipped[0]++
		}
		got, want := checkGiftCardPayment(site), flGiftCardPayment(mk(i))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("gift card %s: %v, without the test %v", site.Pages[0].URL, got, want)
		} else if len(want) > 0 {
			fired[1]++
		}
		if !flNamesGiftCard(site) {
			skipped[1]++
		}
	}
	t.Logf("%d sites: skipped %v, fired %v", n, skipped, fired)
	if skipped[0] == 0 || fired[0] == 0 || skipped[1] == 0 || fired[1] == 0 || skipped[0] == n || skipped[1] == n {
		t.Fatalf("skipped %v, fired %v: the comparison proves little", skipped, fired)
	}
}

// TestFlMismatchWordsAgrees holds the one-pass search of flMayMismatch to
// flMayNegate and a search for each bank-transfer word, on every compact
// line of the testdata pages.
func TestFlMismatchWordsAgrees(t *testing.T) {
	names, docs := memoCorpus(t)
	hits := 0
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			for _, l := range append(p.Lines, "ない", "口座振込", "お振込み", "x") {
				cs := flCompact(l)
				want := flMayNegate(cs)
				for _, w := range flPayData().bank {
					want = want || strings.Contains(cs, w)
				}
				if got := flMismatchWords().any(cs); got != want {
					t.Errorf("%q: %v, word by word %v", cs, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits < 100 {
		t.Fatalf("only %d lines hold a word", hits)
	}
}
