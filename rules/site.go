package rules

import "time"

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

// Landing returns the first page, or nil when none was read.
func (s *Site) Landing() *Page {
	if len(s.Pages) == 0 {
		return nil
	}
	return s.Pages[0]
}
