package checker

import (
	"net/netip"
	"strings"

	"golang.org/x/net/idna"

	"github.com/shopcheck/shopcheck/rules"
)

// This file decides which addresses the fetcher may connect to. A page on
// the internet must not be able to make shopcheck read the machine it runs
// on, the local network or a cloud metadata service (169.254.169.254), so
// every address that is dialled has to be a public unicast one unless the
// user passes --allow-private.

// addrRange is one block of non-public addresses and what it is called.
type addrRange struct {
	prefix netip.Prefix
	kind   string
}

func mustRanges(list ...string) []addrRange {
	out := make([]addrRange, 0, len(list)/2)
	for i := 0; i < len(list); i += 2 {
		out = append(out, addrRange{netip.MustParsePrefix(list[i]), list[i+1]})
	}
	return out
}

// v4NonPublic holds the IPv4 blocks of the IANA special-purpose registry
// (RFC 6890 and later) that are not globally reachable, plus multicast and
// the reserved class E block. More specific entries come first so that the
// name given is the precise one.
var v4NonPublic = mustRanges(
	"0.0.0.0/32", "unspecified",
	"0.0.0.0/8", "\"this network\"",
	"10.0.0.0/8", "private",
	"100.64.0.0/10", "shared (carrier-grade NAT)",
	"127.0.0.0/8", "loopback",
	"169.254.0.0/16", "link-local",
	"172.16.0.0/12", "private",
	"192.0.0.0/24", "IETF protocol assignment",
	"192.0.2.0/24", "documentation",
	"192.88.99.0/24", "deprecated 6to4 relay",
	"192.168.0.0/16", "private",
	"198.18.0.0/15", "benchmarking",
	"198.51.100.0/24", "documentation",
	"203.0.113.0/24", "documentation",
	"224.0.0.0/4", "multicast",
	"255.255.255.255/32", "broadcast",
	"240.0.0.0/4", "reserved",
)

// v6NonPublic holds the IPv6 blocks inside global unicast space (2000::/3)
// that are not public, and the special blocks outside it that get their own
// name. Everything outside 2000::/3 that is not listed is "reserved".
var v6NonPublic = mustRanges(
	"::/128", "unspecified",
	"::1/128", "loopback",
	"::ffff:0:0:0/96", "IPv4-translated",
	"64:ff9b:1::/48", "local-use NAT64",
	"100::/64", "discard-only",
	// Teredo (2001::/32), benchmarking (2001:2::/48), ORCHID and other
	// protocol assignments: no shop is served from here, and Teredo
	// addresses embed IPv4 addresses that may point inside.
	"2001::/23", "IETF protocol assignment (Teredo, benchmarking)",
	"2001:db8::/32", "documentation",
	"3fff::/20", "documentation",
	"fc00::/7", "private (unique local)",
	"fe80::/10", "link-local",
	"fec0::/10", "site-local",
	"ff00::/8", "multicast",
)

var (
	nat64Prefix  = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour    = netip.MustParsePrefix("2002::/16")
	globalUnicst = netip.MustParsePrefix("2000::/3")
)

// NonPublicReason says why a is not a public address ("loopback",
// "private", "link-local", ...), or returns "" when a is public and may be
// fetched from. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are judged by
// their IPv4 address, and so are the IPv4 addresses embedded in NAT64
// (64:ff9b::/96) and 6to4 (2002::/16) addresses.
func NonPublicReason(a netip.Addr) string {
	if !a.IsValid() {
		return "invalid"
	}
	if a.Zone() != "" {
		// A zone only makes sense for link-local and other scoped addresses.
		if r := NonPublicReason(a.WithZone("")); r != "" {
			return r
		}
		return "scoped (has a zone)"
	}
	if a.Is4In6() {
		if r := NonPublicReason(a.Unmap()); r != "" {
			return "IPv4-mapped " + r
		}
		return ""
	}
	if a.Is4() {
		for _, r := range v4NonPublic {
			if r.prefix.Contains(a) {
				return r.kind
			}
		}
		return ""
	}
	if nat64Prefix.Contains(a) {
		b := a.As16()
		if r := NonPublicReason(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})); r != "" {
			return "NAT64 form of a " + r
		}
		return ""
	}
	for _, r := range v6NonPublic {
		if r.prefix.Contains(a) {
			return r.kind
		}
	}
	if sixToFour.Contains(a) {
		b := a.As16()
		if r := NonPublicReason(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})); r != "" {
			return "6to4 form of a " + r
		}
		return ""
	}
	if !globalUnicst.Contains(a) {
		return "reserved"
	}
	return ""
}

// IsPublicAddr reports whether a is a public unicast address that the
// fetcher may connect to without --allow-private.
func IsPublicAddr(a netip.Addr) bool { return NonPublicReason(a) == "" }

// ParseHostIP reads host (a URL host without port and brackets) as an IP
// address. Besides the usual forms it accepts every IPv4 spelling that
// inet_aton and browsers accept: one to four parts, each decimal, octal
// (leading 0) or hex (leading 0x), the last part filling the remaining
// bytes, so "0x7f000001", "2130706433", "0177.0.0.1" and "127.1" are all
// 127.0.0.1. Such spellings are how a link hides a private address, so the
// fetcher reads them before anything else.
func ParseHostIP(host string) (netip.Addr, bool) {
	if !mayBeIP(host) {
		return netip.Addr{}, false // a name (and no error made to say so)
	}
	h := strings.TrimPrefix(strings.TrimSuffix(host, "]"), "[")
	if a, err := netip.ParseAddr(h); err == nil {
		return a, true
	}
	return rules.ParseIPv4(host)
}

// looksNumericHost reports whether host ends in a label that is a number
// (decimal or 0x hex). WHATWG URL parsing treats such a host as an IPv4
// address; when it does not parse as one the host is invalid, and the
// fetcher refuses it rather than asking DNS about "1.2.3.256".
func looksNumericHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	last := host[strings.LastIndexByte(host, '.')+1:]
	if last == "" {
		return false
	}
	if len(last) >= 2 && (last[:2] == "0x" || last[:2] == "0X") {
		for _, c := range last[2:] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
		return true
	}
	for _, c := range last {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// mayBeIP reports whether host may be an IP address in some spelling: an
// IPv6 address has a colon, and every spelling of an IPv4 address ends in
// a number (looksNumericHost). Most hosts are names, which it tells apart
// without the parsers' errors.
func mayBeIP(host string) bool {
	return strings.IndexByte(host, ':') >= 0 || looksNumericHost(host)
}

// canonicalHost lower-cases host, converts an internationalised name to
// its ASCII (punycode) form and drops a trailing dot, so that names are
// compared as DNS compares them.
func canonicalHost(host string) string {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if plainLDH(h) {
		return h // what ToASCII would give (or h itself, on its error)
	}
	if a, err := idna.Lookup.ToASCII(h); err == nil && a != "" {
		h = strings.TrimSuffix(a, ".")
	}
	return h
}

// plainLDH reports whether h is lower-case ASCII letters, digits, dots,
// hyphens and underscores with no punycode label: a name ToASCII leaves
// as it is.
func plainLDH(h string) bool {
	for i := 0; i < len(h); i++ {
		if c := h[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return !strings.Contains(h, "xn--")
}

// isLoopbackHost reports whether host (canonical) is a loopback address
// written as such, or localhost.
func isLoopbackHost(host string) bool {
	if a, ok := ParseHostIP(host); ok {
		return a.Unmap().IsLoopback()
	}
	return isLocalhostName(host)
}

// isLocalhostName reports whether host is "localhost" or a name under it
// (RFC 6761: such names always mean this machine, whatever DNS says), so
// they are refused without a DNS query.
func isLocalhostName(host string) bool {
	h := canonicalHost(host)
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}
