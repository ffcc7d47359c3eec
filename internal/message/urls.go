package message

import (
	"github.com/shopcheck/shopcheck/internal/defang"
	"net"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"

	"github.com/shopcheck/shopcheck/rules"
)

// maxURLs caps the links of one message that are fetched; PickURLs chooses
// them when there are more, and the others are screened by name alone.
const maxURLs = 100

// maxFound caps the URLs taken from one message's text: the message's own
// signs read them all, and the links checked are chosen among them.
const maxFound = 1000

// PickURLs chooses at most n of urls to fetch and returns the rest apart,
// each in the message's order. A message padded with a hundred harmless
// links before its lure would otherwise hide the lure past the cap: the
// first URL of each registrable domain comes first, then the others.
func PickURLs(urls []string, n int) (picked, rest []string) {
	if len(urls) <= n {
		return urls, nil
	}
	first := make([]bool, len(urls))
	seen := map[string]bool{}
	k := 0
	for i, u := range urls {
		d := registrable(u)
		if !seen[d] && k < n {
			seen[d], first[i] = true, true
			k++
		}
	}
	for i := range urls {
		if !first[i] && k < n {
			first[i] = true
			k++
		}
	}
	for i, u := range urls {
		if first[i] {
			picked = append(picked, u)
		} else {
			rest = append(rest, u)
		}
	}
	return picked, rest
}

// registrable is the registrable domain of a URL's host (rules.LinkHost,
// rules.ParseHost: a free host's name counts as its own), or its host when
// it has none, or the URL itself when it has no host.
func registrable(raw string) string {
	host := rules.LinkHost(raw)
	if host == "" {
		return raw
	}
	if h, err := rules.ParseHost(host); err == nil && h.Registrable != "" {
		return h.Registrable
	}
	return host
}

// maxHost is the longest host name DNS can hold: a longer "host" is no
// address, and every check of a name costs in its length.
const maxHost = 253

// fullWidthBrackets keeps full-width parentheses, angle brackets and
// quotes apart from a URL glued to them: NFKC makes （ an ASCII (, which a
// path may hold ("…?no=3381（e-Taxから" is the URL …?no=3381, then text).
// The defanging forms written with them (（．）, （ｄｏｔ）) are kept whole;
// ［］ and ｛｝ are left to the defanging (ｈｘｘｐｓ［：］／／).
var fullWidthBrackets = strings.NewReplacer(
	"（．）", "（．）", "（ｄｏｔ）", "（ｄｏｔ）", "（dot）", "（dot）", "（.）", "（.）", "（：）", "（：）",
	"（", " （", "）", "） ", "＜", " ＜", "＞", "＞ ", "＂", " ＂ ", "＇", " ＇ ")

// joinWrapped joins a URL that a phone or mail program broke after a
// hyphen at the end of a line ("https://sagawa-exp.co.jp.redelivery-" /
// "center.top/r"): no host label ends in a hyphen, so the next line goes
// on with it.
func joinWrapped(t string) string {
	if !strings.Contains(t, "-\n") && !strings.Contains(t, "-\r\n") {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	start := 0 // of the text not yet written
	// One pass: each hyphen at a line's end looks back only over its own
	// word, so the work is linear in the text whatever it holds.
	for i := 0; i < len(t); i++ {
		if t[i] != '-' {
			continue
		}
		next := i + 1
		if next < len(t) && t[next] == '\r' {
			next++
		}
		if next >= len(t) || t[next] != '\n' {
			continue
		}
		next++
		word := t[start+strings.LastIndexAny(t[start:i], " \t\n　")+1 : i]
		host, isURL := word, strings.HasPrefix(word, "www.")
		if k := strings.Index(word, "://"); k >= 0 {
			host, isURL = word[k+3:], true
		}
		// Only a break in the host: one in the path may be the path's
		// own hyphen before text.
		if isURL && !strings.ContainsAny(host, "/?#") && next < len(t) && isLDH(t[next]) {
			b.WriteString(t[start : i+1])
			start = next // the host goes on on the next line
			i = next - 1
		}
	}
	b.WriteString(t[start:])
	return b.String()
}

// schemeStart finds the start of a URL with a scheme.
var schemeStart = regexp.MustCompile(`(?i)https?://`)

// ambiguousTLDs are top-level domains that are also common file extensions
// (README.md, main.rs, archive.zip): a bare name ending in one counts as a
// domain only with a path after it or "www." before it.
var ambiguousTLDs = map[string]bool{
	"zip": true, "mov": true, "py": true, "sh": true, "md": true, "rs": true, "pl": true,
	"so": true, "ps": true, "ai": true, "cs": true, "mp": true, "pm": true, "ts": true, "tf": true,
}

// ExtractURLs returns the URLs in text, in order, without repeats: URLs
// with a scheme (also defanged: hxxps, [.], (dot), [:]//), full-width ones
// (ｈｔｔｐｓ：／／…, read through NFKC), cut where Japanese text or
// punctuation is glued to them, and bare domains with a known top-level
// domain (example.co.jp/xyz, kept without a scheme). Host names are
// lower-cased; the rest of a URL is kept as written.
func ExtractURLs(text string) []string { return extractURLs(text, true) }

// extractURLs is ExtractURLs, undoing defanged spellings only when refang
// is true.
func extractURLs(text string, refang bool) []string {
	t := norm.NFKC.String(fullWidthBrackets.Replace(text))
	if refang {
		t = defang.Refang(t)
	}
	t = joinWrapped(t)

	type found struct {
		pos int
		url string
	}
	var all []found
	// URLs with a scheme; their spans are blanked so that the bare-domain
	// pass does not take their hosts again. A scheme inside a URL already
	// taken (a redirect parameter) is part of that URL.
	masked := []byte(t)
	covered := 0
	for _, loc := range schemeStart.FindAllStringIndex(t, -1) {
		if loc[0] < covered {
			continue
		}
		u, end := scanURL(t, loc[0], loc[1])
		for i := loc[0]; i < end; i++ {
			masked[i] = ' '
		}
		covered = end
		if u != "" {
			all = append(all, found{loc[0], u})
		}
	}
	mt := string(masked)
	for _, loc := range bareCandidates(mt) {
		if u := bareURL(mt, loc[0], loc[1]); u != "" {
			all = append(all, found{loc[0], u})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	var out []string
	seen := map[string]bool{}
	for _, f := range all {
		if !seen[f.url] && len(out) < maxFound {
			seen[f.url] = true
			out = append(out, f.url)
		}
	}
	return out
}

// scanURL reads the URL whose scheme spans t[start:afterScheme] and returns
// it cleaned, and where it ends in t.
func scanURL(t string, start, afterScheme int) (string, int) {
	scheme := strings.ToLower(t[start:afterScheme])
	i := afterScheme
	// Authority: ASCII host characters, and letters of any script for IDN
	// hosts; Japanese punctuation and spaces end it.
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r < utf8.RuneSelf {
			if !isAuthorityByte(byte(r)) {
				break
			}
		} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i += n
	}
	auth := cutGluedText(t[afterScheme:i])
	end := afterScheme + len(auth)
	if end == i && i < len(t) && strings.IndexByte("/?#", t[i]) >= 0 {
		// Path, query and fragment: ASCII URL characters only.
		for i < len(t) && isPathByte(t[i]) {
			i++
		}
		end = i
	}
	raw := trimURLEnd(t[afterScheme:end])
	end = afterScheme + len(raw)
	host := raw
	if j := strings.IndexAny(host, "/?#"); j >= 0 {
		host = host[:j]
	}
	hostOnly := host
	if j := strings.LastIndexByte(hostOnly, '@'); j >= 0 {
		hostOnly = hostOnly[j+1:]
	}
	if h, _, err := net.SplitHostPort(hostOnly); err == nil {
		hostOnly = h
	}
	hostOnly = strings.Trim(hostOnly, "[]")
	if hostOnly == "" || len(hostOnly) > maxHost || (!strings.Contains(hostOnly, ".") && !strings.Contains(hostOnly, ":") && hostOnly != "localhost") {
		return "", end
	}
	return scheme + lowerHost(host) + raw[len(host):], end
}

// lowerHost lower-cases the host part of an authority, leaving userinfo
// as written.
func lowerHost(auth string) string {
	if j := strings.LastIndexByte(auth, '@'); j >= 0 {
		return auth[:j+1] + strings.ToLower(auth[j+1:])
	}
	return strings.ToLower(auth)
}

// cutGluedText cuts Japanese (or other non-ASCII) text glued to the end of
// a host: in "example.comからログイン" the host is example.com, because "com"
// is a top-level domain and "から…" follows it. An IDN host ("例え.jp",
// "アマゾン.com") is kept whole.
func cutGluedText(auth string) string {
	if isASCII(auth) {
		return auth
	}
	// Find a label that starts with ASCII letters and runs on into
	// non-ASCII: if those letters are a top-level domain, cut there.
	labelStart := 0
	for i := 0; i <= len(auth); i++ {
		if i < len(auth) && auth[i] != '.' {
			continue
		}
		label := auth[labelStart:i]
		if labelStart > 0 && label != "" && !isASCII(label) {
			k := 0
			for k < len(label) && label[k] < utf8.RuneSelf && isLDH(label[k]) {
				k++
			}
			if k > 0 && knownTLD(strings.ToLower(label[:k])) {
				return auth[:labelStart+k]
			}
		}
		if labelStart == 0 && label != "" && !isASCII(label) {
			// Japanese right after the scheme: nothing to take unless it is
			// an IDN label followed by more labels.
			if !strings.Contains(auth, ".") {
				return ""
			}
		}
		labelStart = i + 1
	}
	return auth
}

// bareCandidates returns the spans of mt that may be bare host names: runs
// of ASCII letters, digits, hyphens and dots that hold a dot, trimmed of
// dots and hyphens at either end.
func bareCandidates(mt string) [][2]int {
	var out [][2]int
	for i := 0; i < len(mt); {
		if !isLDH(mt[i]) && mt[i] != '.' {
			i++
			continue
		}
		j := i
		for j < len(mt) && (isLDH(mt[j]) || mt[j] == '.') {
			j++
		}
		s, e := i, j
		for s < e && (mt[s] == '.' || mt[s] == '-') {
			s++
		}
		for e > s && (mt[e-1] == '.' || mt[e-1] == '-') {
			e--
		}
		if e-s <= maxHost && strings.Contains(mt[s:e], ".") && !strings.Contains(mt[s:e], "..") && validLabels(mt[s:e]) {
			out = append(out, [2]int{s, e})
		}
		i = j
	}
	return out
}

// validLabels reports whether every label of host is 1-63 characters and
// does not start or end with a hyphen, and the last one starts with a letter.
func validLabels(host string) bool {
	labels := strings.Split(host, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
	}
	last := labels[len(labels)-1]
	c := last[0] | 0x20
	return c >= 'a' && c <= 'z'
}

// bareURL returns the bare domain (with any port and path) found at
// mt[s:e], or "" when it is not one: preceded by a letter, digit, dot, @
// or slash; followed by @ (an e-mail address's local part); a top-level
// domain that is not known, or nothing under the public suffix; without a
// path or "www.", a name with capitals (a company name such as
// Amazon.co.jp) or one ending in a TLD that is also a file extension.
func bareURL(mt string, s, e int) string {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(mt[:s])
		if r == ':' && !afterScheme(mt[:s-1]) {
			// "URL：www.example.com/login", "サイト:example.com": a label,
			// not a scheme (mailto:, tel:) or a password.
		} else if r < utf8.RuneSelf && (isLDH(byte(r)) || strings.ContainsRune(".@/:_%=&?#", r)) {
			return ""
		}
	}
	if e < len(mt) && (mt[e] == '@' || mt[e] == '-' || mt[e] == '_') {
		return ""
	}
	host := strings.ToLower(mt[s:e])
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if !knownTLD(tld) {
		return ""
	}
	if _, err := publicsuffix.EffectiveTLDPlusOne(host); err != nil {
		return ""
	}
	i := e
	if i+1 < len(mt) && mt[i] == ':' && mt[i+1] >= '0' && mt[i+1] <= '9' {
		i++
		for i < len(mt) && mt[i] >= '0' && mt[i] <= '9' {
			i++
		}
	}
	hasPath := i < len(mt) && mt[i] == '/'
	if hasPath {
		for i < len(mt) && isPathByte(mt[i]) {
			i++
		}
	}
	if !hasPath && !strings.HasPrefix(host, "www.") {
		// A name written with capitals and no path is a company or product
		// name that happens to be a domain (Amazon.co.jp, Booking.com).
		if ambiguousTLDs[tld] || mt[s:e] != host {
			return ""
		}
	}
	return trimURLEnd(host + mt[e:i])
}

// afterScheme reports whether before (the text up to a colon) ends in a
// URI scheme that takes no "//" (mailto:x.jp, tel:, sms:): what follows
// such a colon is no web address. Any other word before a colon is a
// label (URL：, サイト:, 予備URL：).
func afterScheme(before string) bool {
	i := len(before)
	for i > 0 && isLDH(before[i-1]) {
		i--
	}
	switch strings.ToLower(before[i:]) {
	case "mailto", "tel", "sms", "smsto", "ftp", "file", "data", "javascript", "callto", "skype", "line", "fax", "news", "nntp":
		return true
	}
	return false
}

// knownTLD reports whether tld is a top-level domain of the ICANN section of
// the public suffix list.
func knownTLD(tld string) bool {
	if tld == "" {
		return false
	}
	ps, icann := publicsuffix.PublicSuffix(tld)
	return icann && ps == tld
}

// trimURLEnd drops the punctuation that ends a sentence rather than the
// URL, and closing brackets that were not opened inside it.
func trimURLEnd(u string) string {
	for u != "" {
		last := u[len(u)-1]
		switch last {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*', '`':
			u = u[:len(u)-1]
			continue
		case ')', ']', '}', '>':
			open := map[byte]byte{')': '(', ']': '[', '}': '{', '>': '<'}[last]
			if strings.Count(u, string(open)) < strings.Count(u, string(last)) {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return u
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isLDH reports whether c may appear in a host label.
func isLDH(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// isAuthorityByte reports whether c may appear in a URL's authority
// (userinfo, host, port).
func isAuthorityByte(c byte) bool {
	return isLDH(c) || strings.IndexByte("._~%!$&'()*+,;=:@[]", c) >= 0
}

// isPathByte reports whether c may appear in a URL's path, query or
// fragment as written in text.
func isPathByte(c byte) bool {
	return isLDH(c) || strings.IndexByte("._~%!$&'()*+,;=:@/?#[]", c) >= 0
}

// defangedOnly returns those of urls (found in texts with ExtractURLs)
// that texts write only defanged (hxxps://, [.], (dot)), not as working
// links.
func defangedOnly(urls []string, texts ...string) []string {
	written := map[string]bool{}
	for _, t := range texts {
		for _, u := range extractURLs(t, false) {
			written[u] = true
		}
	}
	var out []string
	for _, u := range urls {
		if !written[u] {
			out = append(out, u)
		}
	}
	return out
}
