package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// paymentFastCrafted are pages that fire a payment sign in a way the
// testdata may not (each of the sign's ways must be in the comparison for
// it to catch a test that misses one): sign is the sign each fires.
var paymentFastCrafted = []struct{ sign, body string }{
	// Card logos and card payment said unavailable, no bank transfer
	// named: payment-method-mismatch's second finding alone.
	{"payment-method-mismatch", `<header><img src="/img/visa.png" alt="VISA"><img src="/img/master.png" alt="Mastercard"></header><h1>雑貨の店</h1><p>ただいまクレジットカード決済はご利用いただけません。代金引換をご利用ください。</p>`},
	// A gift card listed in a payment-terms section, in no sentence
	// asking for one: payment-gift-card's terms finding alone.
	{"payment-gift-card", `<h1>雑貨の店</h1><p>お支払い方法</p><p>Amazonギフト券</p><p>配送について</p>`},
	// Bank transfer named in capitals only.
	{"payment-transfer-only", `<h1>雑貨の店</h1><p>お支払いはBANK TRANSFER ONLY.</p>`},
}

// paymentFastSites is every testdata folder as one site, every one of its
// pages as a site alone, then each page of paymentFastCrafted (i >=
// n-len(paymentFastCrafted)), each built anew by mk (pages keep what they
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
	for _, c := range paymentFastCrafted {
		sets = append(sets, []memoDoc{{"https://shop.example.jp/", "text/html; charset=utf-8", "<html><body>" + c.body + "</body></html>"}})
	}
	return len(sets), func(i int) *Site { return memoSite("shop.example.jp", memoParse(sets[i]), data) }
}

// paymentFastMustFire fails t when the crafted page of site i (an index
// of paymentFastSites) is meant to fire sign and want is empty.
func paymentFastMustFire(t *testing.T, n, i int, sign string, want []Finding) {
	t.Helper()
	if k := i - (n - len(paymentFastCrafted)); k >= 0 && paymentFastCrafted[k].sign == sign && len(want) == 0 {
		t.Errorf("crafted page %d does not fire %s: the comparison misses that way", k, sign)
	}
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
		paymentFastMustFire(t, n, i, "payment-transfer-only", want)
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
		got, want := checkPaymentMismatch(site), flPaymentMismatch(mk(i))
		paymentFastMustFire(t, n, i, "payment-method-mismatch", want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("mismatch %s: %v, without the test %v", site.Pages[0].URL, got, want)
		} else if len(want) > 0 {
			fired[0]++
		}
		if !flMayMismatch(site) {
			skipped[0]++
		}
		got, want = checkGiftCardPayment(site), flGiftCardPayment(mk(i))
		paymentFastMustFire(t, n, i, "payment-gift-card", want)
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

// TestFlNegationHintsCover checks that every string flNegation matches
// holds one of flNegationHints, on which flMayNegate, flAppendMentions
// and flMayMismatch rely to skip the expression.
func TestFlNegationHintsCover(t *testing.T) {
	flNegation.finite()
	if flNegation.fin == nil || flNegation.rest != nil {
		t.Fatal("flNegation is no finite set of strings: its matches cannot be listed")
	}
	ws := flNegation.fin.words()
	for _, w := range ws {
		if !flMayNegate(w) {
			t.Errorf("flNegation matches %q, which holds no hint of flNegationHints", w)
		}
	}
	if len(ws) < 100 {
		t.Fatalf("only %d strings listed for flNegation", len(ws))
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

// TestShopTransferFilterIsTheTables: the gate of payment-transfer-only
// takes bank transfer's expression alone (so that a page naming no
// transfer needs no table of every method); its prefilter must be the one
// of that expression in shopPayMethods, or the gate and the reading that
// follows it would disagree on what names a transfer. Likewise the
// gift-card names that mark lines (flGiftNames, made without flGiftData's
// expressions) must be flGiftData's own.
func TestShopTransferFilterIsTheTables(t *testing.T) {
	tab := shopPayMethods()
	i := slices.Index(tab.ids, MethodTransfer)
	if i < 0 {
		t.Fatalf("no %s line in shop_payment_methods.txt", MethodTransfer)
	}
	want, got := tab.res[i].prefilter().idx, shopTransferFilter()
	if (want == nil) != (got == nil) {
		t.Fatalf("prefilter alone %v, in the table %v", got != nil, want != nil)
	}
	if want != nil && !reflect.DeepEqual(want.groups, got.groups) {
		t.Errorf("the transfer prefilter alone differs from the table's:\n%q\n%q", got.groups, want.groups)
	}
	_, names := flGiftList()
	if v := flGiftData(); !reflect.DeepEqual(v.names.all, flGiftNames().all) || len(names) == 0 {
		t.Errorf("flGiftNames differs from flGiftData's names")
	}
}
