package rules

import (
	"sync"
	"sync/atomic"
	"time"
)

// Site is everything the rules see of one target: the pages that were read,
// the URL, the domain and what WHOIS said. Rules must treat it as read-only.
type Site struct {
	// Target is the target as the user gave it.
	Target string
	// URL is the final URL of the first page (after redirects), or the
	// target's URL when nothing could be fetched.
	URL string
	// Host is the host name of URL, lower case, in Unicode form where it was IDN.
	Host string
	// ASCIIHost is Host in ASCII (punycode) form.
	ASCIIHost string
	// Domain is the registrable domain (eTLD+1) of Host, in ASCII form.
	Domain string
	// Redirects lists each URL passed through before URL.
	Redirects []string
	// Pages holds the pages read, the first page first. Empty when the
	// target could not be read.
	Pages []*Page
	// Alt is the first page as the other kind of browser saw it (smartphone
	// when Pages came from a desktop browser, or the other way round); nil
	// when no comparison was made.
	Alt *Page
	// AltMobile is true when Alt is the smartphone version.
	AltMobile bool
	// Whois is what the domain's registry said; nil when unknown.
	Whois *Whois
	// ClientIPs are the local addresses the fetcher connected from, so a page
	// that echoes the visitor's address can be recognised.
	ClientIPs []string
	// Now is the time of the check (capture time for stored evidence).
	Now time.Time
	// Data is the rule data (brands, lists, weights).
	Data *Data

	memo *siteMemo // nil: nothing is kept (a Site made without NewSite)
}

// NewSite returns an empty Site that keeps what several signs derive from
// it (its bank accounts, payment terms, seller disclosure), so that each is
// worked out once a check rather than once a sign. Fill it completely
// before the first rule runs: what is derived is derived from the pages
// present then.
func NewSite() *Site {
	sm := &siteWithMemo{} // one allocation for both
	sm.site.memo = &sm.memo
	return &sm.site
}

// siteWithMemo is a Site and its memo, allocated together.
type siteWithMemo struct {
	site Site
	memo siteMemo
}

// memoKey names a value derived from a site: an index into siteMemo, so
// that keeping a value costs no map (a check derives about ten).
type memoKey int

// The values derived from a site.
const (
	memoPayments memoKey = iota
	memoAccounts
	memoPricePairs
	memoDisclosures
	memoScamPages
	memoFlPayments
	memoFlCompactPages
	memoFlSiteImages
	memoPhishPresented
	memoPhishPageHosts
	memoSiteURLs
	memoLooksLikeShop
	memoCount
)

// siteMemo holds values derived from a complete site. It is safe for
// concurrent use, and what it holds depends only on the site, so every
// sign sees the same values whichever asked first. Each value has a field
// of its own type: keeping a slice or a struct in an interface would cost
// an allocation a value, and most are worked out for every site.
type siteMemo struct {
	mu   sync.Mutex
	have [memoCount]atomic.Bool

	payments     PaymentInfo
	accounts     []BankAccount
	pricePairs   []PricePair
	disclosures  []Disclosure
	scamPages    []bool
	flPayments   flPayments
	flCompact    []*flCompactPage
	flImages     []flPageImages
	phishPresent [][]phishPresentation
	phishHosts   []string
	siteURLs     []string
	looksShop    bool

	// Room for the per-page lists of a site of one page (most targets):
	// sitePerPage keeps them here rather than in a slice of their own.
	scamOne         [1]bool
	flCompactOne    [1]*flCompactPage
	flImagesOne     [1]flPageImages
	phishPresentOne [1][]phishPresentation
	phishHostsOne   [1]string
}

// siteDerive returns the value of site kept under key in the field slot
// gives, building it the first time. A Site made without NewSite (no
// memo) builds it every time.
func siteDerive[T any](s *Site, key memoKey, slot func(*siteMemo) *T, build func() T) T {
	m := s.memo
	if m == nil {
		return build()
	}
	return memoize(&m.mu, m.have[:], int(key), m, slot, build)
}

// memoize is the keeping shared by the site and page memos: the value of m
// under key, in the field slot gives, built the first time. It is built
// outside the lock (a build may derive other values of the same memo); if
// two goroutines build it at once, the first stored wins.
//
// A value kept is read without the lock: it is written once, under the
// lock, before have[key] is set, and a reader that sees have[key] set
// (an atomic load) sees the value written (Go's memory model: the store
// of the flag is synchronized before the load that observes it). Most
// derivations are read back several times a check, and a lock a read cost
// more than the reads.
func memoize[M, T any](mu *sync.Mutex, have []atomic.Bool, key int, m *M, slot func(*M) *T, build func() T) T {
	if have[key].Load() {
		return *slot(m)
	}
	v := build()
	mu.Lock()
	defer mu.Unlock()
	if have[key].Load() {
		return *slot(m) // built twice at once: keep the first
	}
	*slot(m) = v
	have[key].Store(true)
	return v
}

// sitePerPage is siteDerive for a list aligned with s.Pages, build(i, p)
// giving its element for page i. A site of one page keeps its list in the
// room one gives, inside the memo, instead of a slice of its own.
func sitePerPage[T any](s *Site, key memoKey, slot func(*siteMemo) *[]T, one func(*siteMemo) *[1]T, build func(i int, p *Page) T) []T {
	m := s.memo
	if m == nil || len(s.Pages) != 1 {
		return siteDerive(s, key, slot, func() []T {
			out := make([]T, len(s.Pages))
			for i, p := range s.Pages {
				out[i] = build(i, p)
			}
			return out
		})
	}
	if m.have[key].Load() { // see memoize
		return *slot(m)
	}
	v := build(0, s.Pages[0]) // outside the lock: builds may derive other values
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.have[key].Load() { // else built twice at once: keep the first
		r := one(m)
		r[0] = v
		*slot(m) = r[:]
		m.have[key].Store(true)
	}
	return *slot(m)
}

// WithoutPages returns a copy of s with no pages, for scoring the URL and
// domain alone; it keeps nothing derived from the pages.
func (s *Site) WithoutPages() *Site {
	c := *s
	c.Pages, c.Alt, c.memo = nil, nil, nil
	return &c
}

// Whois is what WHOIS or RDAP said about a domain.
type Whois struct {
	Created   time.Time `json:"-"`
	Registrar string    `json:"registrar,omitempty"`
	Server    string    `json:"server,omitempty"`
	// Raw is the answer as received, kept for evidence.
	Raw string `json:"-"`
}

// AgeDays is the domain's age in days at now, or -1 when the creation date
// is unknown.
func (w *Whois) AgeDays(now time.Time) int {
	if w == nil || w.Created.IsZero() {
		return -1
	}
	return int(now.Sub(w.Created).Hours() / 24)
}
