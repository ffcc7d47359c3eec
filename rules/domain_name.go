package rules

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"
)

// HostName is a host name taken apart the way the domain signs look at it:
// in ASCII and Unicode form, with its registrable domain, the public suffix,
// the label in front of the suffix (the one a registrant chose) and the
// subdomain labels before it.
type HostName struct {
	// ASCII is the host in lower-case ASCII (punycode) form, no trailing dot.
	ASCII string
	// Unicode is the host as a browser would show it.
	Unicode string
	// Registrable is the registrable domain in ASCII form. Suffixes that a
	// hosting service hands out (github.io, pages.dev, web.app, …) count as
	// public suffixes, so that anyone's label in front of them is the
	// registrable part: evil.github.io, not github.io.
	Registrable string
	// Suffix is the public suffix (com, co.jp, github.io).
	Suffix string
	// Label is the label in front of Suffix, in ASCII form.
	Label string
	// Sub holds the labels before Label, left to right, in ASCII form.
	Sub []string
	// Hosted is true when Suffix is a hosting service's shared domain
	// rather than a registry's.
	Hosted bool
	// IP is true when the host is an IP address literal (in any spelling
	// a browser accepts, 0x7f000001 included).
	IP bool
}

// ErrBadHost is returned by ParseHost for input that is no host name.
var ErrBadHost = errors.New("not a host name")

// hostIDNA maps and checks host names the way a browser does for lookup,
// but lets through underscores and long labels, which real hosts have.
var hostIDNA = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.VerifyDNSLength(false),
)

// ParseHost normalises a host name (Unicode or punycode, any case, full-
// width characters and ideographic full stops allowed, a trailing dot or a
// port ignored) and takes it apart. It is cheap for plain ASCII names, which
// is what the domain command mostly sees.
func ParseHost(s string) (HostName, error) {
	var h HostName
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 {
			s = s[1:i]
		}
	}
	if s == "" || len(s) > 1024 {
		return h, ErrBadHost
	}
	if ip, ok := parseIPHost(s); ok {
		h.ASCII, h.Unicode, h.Registrable, h.IP = ip, ip, ip, true
		return h, nil
	}
	ascii, uni, err := normaliseHost(s)
	if err != nil {
		return h, err
	}
	h.ASCII, h.Unicode = ascii, uni
	if ip, ok := parseIPHost(ascii); ok { // full-width digits and the like
		h.ASCII, h.Unicode, h.Registrable, h.IP = ip, ip, ip, true
		return h, nil
	}
	suffix, hosted := suffixOf(ascii)
	h.Suffix, h.Hosted = suffix, hosted
	if len(ascii) <= len(suffix) {
		// The host is itself a public suffix (co.jp, github.io).
		h.Registrable = ascii
		return h, nil
	}
	rest := ascii[:len(ascii)-len(suffix)-1]
	if i := strings.LastIndexByte(rest, '.'); i >= 0 {
		h.Label = rest[i+1:]
		h.Sub = strings.Split(rest[:i], ".")
	} else {
		h.Label = rest
	}
	h.Registrable = ascii[len(rest)-len(h.Label):] // label.suffix, without a copy
	if !hosted && (strings.HasPrefix(h.Label, "-") || strings.HasSuffix(h.Label, "-")) {
		// No registry hands out -bad-.com (a hosting service's tenant
		// names, bad-.blogspot.com, may look so).
		return HostName{}, ErrBadHost
	}
	if strings.HasPrefix(h.Label, "xn--") {
		if _, err := idna.Punycode.ToUnicode(h.Label); err != nil {
			return HostName{}, ErrBadHost // xn--zz: no name encodes to it
		}
	}
	return h, nil
}

// normaliseHost returns the ASCII and Unicode forms of host.
func normaliseHost(s string) (ascii, uni string, err error) {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			if c >= 'A' && c <= 'Z' {
				continue
			}
			plain = false
			break
		}
	}
	if plain {
		ascii = strings.TrimSuffix(strings.ToLower(s), ".")
		if i := strings.LastIndexByte(ascii, ':'); i >= 0 {
			ascii = ascii[:i]
		}
		if badDots(ascii) {
			return "", "", ErrBadHost
		}
		if !strings.Contains(ascii, "xn--") {
			return ascii, ascii, nil
		}
	} else {
		s = norm.NFKC.String(s)
		s = strings.NewReplacer("。", ".", "｡", ".", "．", ".").Replace(s)
		if i := strings.LastIndexByte(s, ':'); i >= 0 && isDigits(s[i+1:]) {
			s = s[:i]
		}
		s = strings.TrimSuffix(strings.ToLower(s), ".")
		if s == "" || strings.ContainsAny(s, " \t\r\n/\\@?#%<>\"'`{}|^:") || strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return "", "", ErrBadHost
		}
		a, err := hostIDNA.ToASCII(s)
		if err != nil && a == "" {
			return "", "", ErrBadHost
		}
		ascii = strings.ToLower(a)
		if badDots(ascii) {
			return "", "", ErrBadHost
		}
	}
	u, err := hostIDNA.ToUnicode(ascii)
	if err != nil || u == "" {
		u = ascii
	}
	return ascii, u, nil
}

// badDots reports a name that is empty, has an empty label, or is longer
// than DNS allows (253 bytes, 63 a label): no such name resolves, and
// bounding the length bounds the work of the look-alike matcher.
func badDots(s string) bool {
	if s == "" || len(s) > 253 || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return true
	}
	for len(s) > 0 {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			i = len(s)
		}
		if i > 63 {
			return true
		}
		s = s[min(i+1, len(s)):]
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// suffixOf returns host's public suffix, counting the shared domains of
// hosting services (from the Public Suffix List's private section and
// domain_free_hosts.txt) as suffixes; hosted is true for those.
func suffixOf(host string) (suffix string, hosted bool) {
	ps, icann := publicsuffix.PublicSuffix(host)
	hosted = !icann && strings.Contains(ps, ".")
	// A free host that the Public Suffix List does not know (yet): look
	// only when the domain registrable under the list is one of theirs.
	if len(host) <= len(ps)+1 {
		return ps, hosted
	}
	reg := host[strings.LastIndexByte(host[:len(host)-len(ps)-1], '.')+1:]
	if !freeHostRegs()[reg] {
		return ps, hosted
	}
	free := freeHosts()
	for h := host; ; {
		dot := strings.IndexByte(h, '.')
		if dot < 0 || len(h) <= len(ps) {
			break
		}
		if free[h] {
			return h, true
		}
		h = h[dot+1:]
	}
	return ps, hosted
}

// freeHostRegs are the domains registrable under the Public Suffix List
// that the free hosts of domain_free_hosts.txt sit under (fc2.com for
// web.fc2.com): suffixOf looks for a free host only below these.
var freeHostRegs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for h := range freeHosts() {
		if reg, err := publicsuffix.EffectiveTLDPlusOne(h); err == nil {
			m[reg] = true
		}
	}
	return m
})

// RegistryDomain returns the domain a registry holds a record for: the
// registrable domain by the registries' own suffixes only, so that
// evil.github.io gives github.io. It is what WHOIS and RDAP are asked about.
func RegistryDomain(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	ps, icann := publicsuffix.PublicSuffix(host)
	for !icann && strings.Contains(ps, ".") {
		// A private suffix: look at the registry suffix above it.
		ps, icann = publicsuffix.PublicSuffix(ps[strings.IndexByte(ps, '.')+1:])
	}
	if len(host) <= len(ps) {
		return host
	}
	rest := host[:len(host)-len(ps)-1]
	if i := strings.LastIndexByte(rest, '.'); i >= 0 {
		rest = rest[i+1:]
	}
	return rest + "." + ps
}

// parseIPHost recognises an IP address literal in the spellings a browser
// accepts (WHATWG URL host parsing): dotted decimal, IPv6, and the odd IPv4
// forms in hex, octal or as one number (0x7f000001, 0177.0.0.1, 2130706433,
// 127.1). It returns the canonical form.
func parseIPHost(s string) (string, bool) {
	s = strings.TrimSuffix(strings.Trim(s, "[]"), ".")
	if !strings.Contains(s, ":") {
		// Cheap way out for names: an IPv4 host's last label is a number.
		last := s[strings.LastIndexByte(s, '.')+1:]
		for i := 0; i < len(last); i++ {
			c := last[i] | 0x20
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == 'x') {
				return "", false
			}
		}
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().String(), true
	}
	a, ok := ParseIPv4(s)
	if !ok {
		return "", false
	}
	return a.String(), true
}

// ParseIPv4 reads s as an IPv4 address in any spelling that inet_aton and
// browsers (WHATWG URL host parsing) accept: one to four parts, each
// decimal, octal (leading 0) or hex (leading 0x; "0x" alone is 0), the
// last part filling the remaining bytes, a trailing dot allowed. So
// "0x7f000001", "2130706433", "0177.0.0.1" and "127.1" are all 127.0.0.1.
// The fetcher's address guard and the url-ip-host sign share it, so that
// what one takes for an address the other does too.
func ParseIPv4(s string) (netip.Addr, bool) {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return netip.Addr{}, false
	}
	if _, ok := ipv4Part(s[strings.LastIndexByte(s, '.')+1:]); !ok {
		return netip.Addr{}, false // a name: its last label is no number
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var vals [4]uint64
	for i, p := range parts {
		v, ok := ipv4Part(p)
		if !ok {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	n := len(parts)
	for _, v := range vals[:n-1] {
		if v > 255 {
			return netip.Addr{}, false
		}
	}
	if vals[n-1] >= 1<<(8*(5-n)) {
		return netip.Addr{}, false
	}
	ip := vals[n-1]
	for i, v := range vals[:n-1] {
		ip |= v << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}), true
}

// ipv4Part reads one part of an IPv4 address: "0x1f" (hex; "0x" alone is
// 0, as in browsers), "017" (octal) or "15" (decimal).
func ipv4Part(p string) (uint64, bool) {
	if p == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(p) >= 2 && (p[:2] == "0x" || p[:2] == "0X"):
		base, p = 16, p[2:]
		if p == "" {
			return 0, true
		}
	case len(p) >= 2 && p[0] == '0':
		base, p = 8, p[1:]
	}
	for i := 0; i < len(p); i++ {
		// Not a digit (nor, after 0x, a hex one): no number, and no
		// error made to say so. ParseUint still rejects 8 and 9 in octal.
		if c := p[i] | 0x20; !(p[i] >= '0' && p[i] <= '9' || base == 16 && c >= 'a' && c <= 'f') {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(p, base, 64) // no sign, no underscores with an explicit base
	if err != nil {
		return 0, false
	}
	return v, true
}

// Fold maps a label to the form in which look-alike spellings meet: lower
// case, diacritics dropped (ą→a), each non-ASCII letter replaced by its
// prototype from the Unicode confusables table (UTS #39; Cyrillic а→a,
// Greek ο→o) or from domain_homoglyphs.txt, then the ASCII look-alikes
// rn→m, vv→w, cl (c1, ci)→d, 0→o and 1/i/|→l. Brand keywords are folded the same way, so a label whose fold
// equals a keyword's but whose spelling differs is a homoglyph.
func Fold(label string) string {
	ascii := true
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		label = unicodePrototypes(label)
	}
	return foldASCII(label)
}

// unicodePrototypes replaces each non-ASCII rune by an ASCII look-alike
// where one exists.
func unicodePrototypes(label string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(label) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if s, ok := extraGlyphs()[r]; ok {
			b.WriteString(s)
			continue
		}
		// Drop diacritics first: ą, á, ä → a.
		base := norm.NFD.String(string(r))
		var kept []rune
		for _, br := range base {
			if !unicode.Is(unicode.Mn, br) {
				kept = append(kept, br)
			}
		}
		s := string(kept)
		if len(kept) == 1 && kept[0] >= utf8.RuneSelf {
			s = strings.ToLower(confusables.Skeleton(s))
			s = strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Mn, r) {
					return -1
				}
				return r
			}, norm.NFD.String(s))
		}
		if x, ok := extraGlyphs()[[]rune(s + " ")[0]]; ok && utf8.RuneCountInString(s) == 1 {
			s = x
		}
		b.WriteString(s)
	}
	return b.String()
}

// foldASCII lower-cases and maps the ASCII look-alikes; other bytes pass.
func foldASCII(s string) string {
	var buf [64]byte // a label fits: no allocation but the result's
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if i+1 < len(s) {
			n := s[i+1] | 0x20
			switch {
			case c == 'r' && n == 'n':
				b = append(b, 'm')
				i++
				continue
			case c == 'v' && n == 'v':
				b = append(b, 'w')
				i++
				continue
			case c == 'c' && (n == 'l' || n == '1' || n == 'i' || n == '|'):
				b = append(b, 'd')
				i++
				continue
			}
		}
		switch c {
		case '0':
			c = 'o'
		case '1', 'i', '|':
			c = 'l'
		}
		b = append(b, c)
	}
	return string(b)
}

// foldLetters is foldASCII letter by letter, without its letter pairs
// (rn, vv, cl): smbclogin stays smbclogln, where Fold reads smbdogln.
func foldLetters(s string) string {
	var buf [64]byte
	b := buf[:]
	if len(s) > len(buf) {
		b = make([]byte, len(s))
	}
	b = b[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '0':
			c = 'o'
		}
		if c == '1' || c == 'i' || c == '|' {
			c = 'l'
		}
		b[i] = c
	}
	return string(b)
}

// Scripts names the writing systems of the letters in label (Latin,
// Cyrillic, Greek, Han, Hiragana, Katakana, Other), digits and hyphens not
// counted.
func Scripts(label string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range label {
		var s string
		switch {
		case r < utf8.RuneSelf:
			if !unicode.IsLetter(r) {
				continue
			}
			s = "Latin"
		case unicode.Is(unicode.Latin, r):
			s = "Latin"
		case unicode.Is(unicode.Cyrillic, r):
			s = "Cyrillic"
		case unicode.Is(unicode.Greek, r):
			s = "Greek"
		case unicode.Is(unicode.Han, r):
			s = "Han"
		case unicode.Is(unicode.Hiragana, r):
			s = "Hiragana"
		case unicode.Is(unicode.Katakana, r), r == 'ー':
			s = "Katakana"
		case !unicode.IsLetter(r):
			continue
		default:
			s = "Other"
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// extraGlyphs are the look-alike letters of domain_homoglyphs.txt, which
// the confusables table leaves non-ASCII.
var extraGlyphs = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for _, l := range lines("domain_homoglyphs.txt") {
		f := strings.Fields(l)
		if len(f) == 2 && utf8.RuneCountInString(f[0]) == 1 {
			m[[]rune(f[0])[0]] = f[1]
		}
	}
	return m
})

// freeHosts are the shared domains of free hosting and dynamic-DNS
// services that the Public Suffix List lacks (domain_free_hosts.txt).
var freeHosts = sync.OnceValue(func() map[string]bool { return set("domain_free_hosts.txt") })
