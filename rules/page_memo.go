package rules

import (
	"net/url"
	"sync"
	"sync/atomic"
)

// pageKey names a value derived from one page alone (its lines, links,
// images, title, URL, document and the package's immutable tables, never
// the site holding it): an index into pageMemo.
type pageKey int

// The values derived from a page.
const (
	pageScam             pageKey = iota // bool: shopScamPage
	pageAccounts                        // []BankAccount: shopPageAccounts
	pagePricePairs                      // []PricePair: shopPagePairs then shopTablePairs
	pageDisclosure                      // *Disclosure: shopPageDisclosure(p, false), nil when none
	pageDisclosureLinked                // *Disclosure: shopPageDisclosure(p, true), nil when none
	pageDiscLinks                       // []string: shopNormURL of the disclosure links
	pagePayments                        // shopPagePay: the payment mentions
	pageLang                            // shopPageLang: JapaneseStats's counts
	pageFlCompact                       // *flCompactPage: newFlCompactPage
	pageFlPayments                      // flPagePay: what a page says about payment
	pagePhishPresented                  // phishPageBrands: phishPresentedPage
	pageFlImages                        // flPageImages: flImagesOf(p.Doc)
	pageParsedURL                       // *url.URL: url.Parse(p.URL), nil when it fails
	pageTextRunes                       // int: RuneCount(p.Text)
	pagePlatformPhones                  // []string: shopPagePlatformPhones
	pageInStoreOnly                     // bool: shopPageInStoreOnly
	pageSellerEmails                    // []string: shopPageSellerEmails
	pageOneclickClaims                  // bool: oneclickClaims
	pageInvestHinted                    // bool: investHinted
	pageSupportAlarms                   // bool: supportPageAlarms
	pagePhones                          // []string: shopPagePhones
	pageClickfix                        // *Finding: clickfixPage, nil when it does not fire
	pageKeyCount
)

// pageWithMemo is a Page and its memo, allocated together.
type pageWithMemo struct {
	page Page
	memo pageMemo
}

// pageMemo holds values derived from one page. A checker batch hands the
// same *Page to every site that crawled the same URL and body, and those
// sites are scored at once on several goroutines: the memo is safe for
// concurrent use, and what it holds depends only on the page, so every
// site and sign sees the same value whichever asked first. Each value has
// a field of its own type (no interface boxing: a page scored once pays
// little for the memo).
type pageMemo struct {
	mu   sync.Mutex
	have [pageKeyCount]atomic.Bool

	scam       bool
	accounts   []BankAccount
	pricePairs []PricePair
	disc       *Disclosure // nil: the page holds none
	discLinked *Disclosure
	discLinks  []string
	payments   shopPagePay
	lang       shopPageLang
	flCompact  *flCompactPage
	flPayments flPagePay
	phish      phishPageBrands
	flImages   flPageImages
	parsedURL  *url.URL
	textRunes  int

	platformPhones []string
	inStoreOnly    bool
	sellerEmails   []string
	phones         []string
	clickfix       *Finding

	// The cheap tests that let nearly every page go at once by three
	// phishing signs, each asked once or twice a check of every page.
	oneclickClaims, investHinted, supportAlarms bool
}

// TextRunes is the number of runes of the page's text (RuneCount(p.Text)),
// counted once: the fetcher and several signs ask whether a page is short.
func (p *Page) TextRunes() int {
	return pageDerive(p, pageTextRunes, func(m *pageMemo) *int { return &m.textRunes }, func() int { return RuneCount(p.Text) })
}

// ParsedURL is url.Parse(p.URL), parsed once and kept on the page; nil
// when the URL does not parse. Read only: never modify it.
func (p *Page) ParsedURL() *url.URL { return pageURLOf(p) }

// pageURLOf is url.Parse(p.URL), kept on the page (read only: never
// modify it); nil when the URL does not parse.
func pageURLOf(p *Page) *url.URL {
	return pageDerive(p, pageParsedURL, func(m *pageMemo) **url.URL { return &m.parsedURL }, func() *url.URL {
		u, err := url.Parse(p.URL)
		if err != nil {
			return nil
		}
		return u
	})
}

// pageDerive returns the value of p kept under key in the field slot
// gives, building it the first time. A Page made as a struct literal (no
// memo) builds it every time. Values kept are shared by every caller:
// slices are kept clipped (len == cap) so that an append copies, and
// nobody writes into them.
func pageDerive[T any](p *Page, key pageKey, slot func(*pageMemo) *T, build func() T) T {
	m := p.memo
	if m == nil {
		return build()
	}
	return memoize(&m.mu, m.have[:], int(key), m, slot, build)
}

// clip returns s with its capacity cut to its length, so that a caller
// appending to a shared value copies it rather than writing past its end.
func clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

// keepClone returns a copy of s of its exact length, to be kept (s is
// often a buffer on the caller's stack), or nil when s is empty.
func keepClone[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	out := make(S, len(s))
	copy(out, s)
	return out
}
