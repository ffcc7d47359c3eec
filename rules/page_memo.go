package rules

import "sync"

// pageKey names a value derived from one page alone (its lines, links,
// images, title, URL, document and the package's immutable tables, never
// the site holding it): an index into pageMemo.
type pageKey int

// The values derived from a page.
const (
	pageScam             pageKey = iota // bool: shopScamPage
	pageAccounts                        // []BankAccount: shopPageAccounts
	pagePricePairs                      // []PricePair: shopPagePairs then shopTablePairs
	pageDisclosure                      // pageDisc: shopPageDisclosure(p, false)
	pageDisclosureLinked                // pageDisc: shopPageDisclosure(p, true)
	pageDiscLinks                       // []string: shopNormURL of the disclosure links
	pagePayments                        // *shopPagePay: the payment mentions
	pageLang                            // *shopPageLang: JapaneseStats's counts
	pageFlCompact                       // *flCompactPage: newFlCompactPage
	pageFlPayments                      // *flPagePay: what a page says about payment
	pagePhishPresented                  // *phishPageBrands: phishPresentedPage
	pageFlImages                        // flPageImages: flImagesOf(p.Doc)
	pageKeyCount
)

// pageMemo holds values derived from one page. A checker batch hands the
// same *Page to every site that crawled the same URL and body, and those
// sites are scored at once on several goroutines: the memo is safe for
// concurrent use, and what it holds depends only on the page, so every
// site and sign sees the same value whichever asked first.
type pageMemo struct {
	mu   sync.Mutex
	have [pageKeyCount]bool
	v    [pageKeyCount]any
}

// derive returns the value kept under key, building it the first time. A
// Page made as a struct literal (no memo) builds it every time. Values
// kept are shared by every caller: slices are returned clipped (len ==
// cap) so that an append copies, and nobody writes into them.
func (p *Page) derive(key pageKey, build func() any) any {
	m := p.memo
	if m == nil {
		return build()
	}
	m.mu.Lock()
	v, ok := m.v[key], m.have[key]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = build() // outside the lock: builds may derive other values of the page
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.have[key] {
		return m.v[key] // built twice at once: keep the first
	}
	m.v[key], m.have[key] = v, true
	return v
}

// clip returns s with its capacity cut to its length, so that a caller
// appending to a shared value copies it rather than writing past its end.
func clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }
