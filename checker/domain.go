package checker

import (
	"fmt"
	"net/url"

	"github.com/shopcheck/shopcheck/rules"
)

// domainOf is the registrable domain of u's host, as SiteForURL gives it,
// or "" when u has no valid host. The crawl asks it of every link, so it
// builds no Site.
func domainOf(u *url.URL) string {
	if u == nil || u.Hostname() == "" {
		return ""
	}
	h, err := rules.ParseHost(u.Hostname())
	if err != nil {
		return ""
	}
	return h.Registrable
}

// SiteForURL starts a Site for u: URL, Host (lower case, Unicode where it
// was an IDN), ASCIIHost and the registrable Domain (eTLD+1 in ASCII, the
// shared domains of hosting services counted as suffixes, so that
// evil.github.io is its own domain), so that the domain and URL signs can
// be scored even when no page is read. An IP host in any spelling
// (0x7f000001) is given in its canonical form in all three.
func SiteForURL(target string, u *url.URL, data *rules.Data) (*rules.Site, error) {
	s := rules.NewSite()
	s.Target, s.Data = target, data
	if u == nil {
		return s, fmt.Errorf("no URL")
	}
	s.URL = u.String()
	if u.Hostname() == "" {
		return s, fmt.Errorf("URL %q has no host", u.String())
	}
	h, err := rules.ParseHost(u.Hostname())
	if err != nil {
		return s, fmt.Errorf("URL %q: host %q is not a host name", u.String(), u.Hostname())
	}
	s.Host, s.ASCIIHost, s.Domain = h.Unicode, h.ASCII, h.Registrable
	return s, nil
}
