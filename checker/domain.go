package checker

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/shopcheck/shopcheck/rules"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// SiteForURL starts a Site for u: URL, Host (Unicode), ASCIIHost and the
// registrable Domain (eTLD+1, ASCII), so that the domain and URL signs can
// be scored even when no page is read.
func SiteForURL(target string, u *url.URL, data *rules.Data) (*rules.Site, error) {
	s := &rules.Site{Target: target, Data: data}
	if u == nil {
		return s, fmt.Errorf("no URL")
	}
	s.URL = u.String()
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return s, fmt.Errorf("URL %q has no host", u.String())
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		s.Host, s.ASCIIHost, s.Domain = ip.String(), ip.String(), ip.String()
		return s, nil
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		// Keep going with what we have: a malformed IDN is itself a sign.
		ascii = host
	}
	uni, err := idna.Display.ToUnicode(ascii)
	if err != nil {
		uni = host
	}
	s.Host, s.ASCIIHost = uni, ascii
	if d, err := publicsuffix.EffectiveTLDPlusOne(ascii); err == nil {
		s.Domain = d
	} else {
		s.Domain = ascii
	}
	return s, nil
}
