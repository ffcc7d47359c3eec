package rules

import (
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// govData holds rules/data/domain_government.txt.
type govData struct {
	suffixes               []string
	prefecture, designated map[string]bool
}

var governmentData = sync.OnceValue(func() govData {
	s := sections("domain_government.txt")
	d := govData{prefecture: map[string]bool{}, designated: map[string]bool{}}
	for _, l := range s["suffix"] {
		d.suffixes = append(d.suffixes, "."+strings.ToLower(l))
	}
	for _, l := range s["prefecture"] {
		d.prefecture[strings.ToLower(l)] = true
	}
	for _, l := range s["designated"] {
		d.designated[strings.ToLower(l)] = true
	}
	return d
})

// GovernmentHost reports whether host is under a domain that only Japan's
// public bodies can hold (see rules/data/domain_government.txt):
// www.kokusen.go.jp, www.city.tome.miyagi.jp, www.pref.miyagi.jp. Such a
// site is no fake shop, and its own forms are no phishing.
func GovernmentHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if !strings.HasSuffix(host, ".jp") {
		return false
	}
	d := governmentData()
	for _, s := range d.suffixes {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	// The forms below start with one of four labels: a host without any
	// of them is not one (and needs no public-suffix look-up).
	if !strings.Contains(host, "pref.") && !strings.Contains(host, "city.") &&
		!strings.Contains(host, "town.") && !strings.Contains(host, "vill.") {
		return false
	}
	// The local-government form must be the registrable name itself:
	// tome.miyagi.jp is a public suffix (JPRS keeps municipality names
	// back), so city.tome.miyagi.jp is one; shop.miyagi.jp is anyone's
	// (都道府県型JPドメイン名), and its city.shop.miyagi.jp is its owner's.
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return false
	}
	labels := strings.Split(strings.TrimSuffix(reg, ".jp"), ".")
	l, rest := labels[0], labels[1:]
	switch {
	case l == "pref" && len(rest) == 1:
		return d.prefecture[rest[0]]
	case (l == "city" || l == "town" || l == "vill") && len(rest) == 2:
		return d.prefecture[rest[1]]
	case l == "city" && len(rest) == 1:
		return d.designated[rest[0]]
	}
	return false
}
