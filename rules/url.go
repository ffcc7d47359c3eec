package rules

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"sync"
)

// urlRules are the URL's own warning signs and the blocklist. All but
// url-no-tls read only the URLs (target, redirects, final URL), so they are
// scored even when no page could be read.
func urlRules() []Rule {
	return []Rule{
		{
			ID: "url-ip-host", Severity: Medium, Points: 15, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "URL のホストが名前ではなく IP アドレス (0x7f000001 のような変わった書き方も含む)",
				EN: "the URL's host is an IP address instead of a name (odd spellings such as 0x7f000001 included)",
			},
			Message: Text{
				JA: "URL がドメイン名ではなく IP アドレスを直接指しています。正規の会社のサイトではまずありません。",
				EN: "The URL points at a bare IP address instead of a domain name, which a real company's site almost never does.",
			},
			Check: checkURLIPHost,
		},
		{
			ID: "url-shortener", Severity: Low, Points: 5, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "短縮 URL (bit.ly など) を通っていて、本当の行き先が見えない",
				EN: "the link went through a URL shortener (bit.ly and the like), which hides where it leads",
			},
			Message: Text{
				JA: "短縮 URL が使われていて、本当の行き先がリンクからはわかりません。",
				EN: "A URL shortener hides where the link really leads.",
			},
			Check: checkURLShortener,
		},
		{
			ID: "url-idn", Severity: Medium, Points: 10, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "ドメインに ASCII に似せた国際化文字 (ą、キリル文字の а など) が使われている (punycode: xn--)。日本語だけのドメインは対象外",
				EN: "the domain uses international letters that pass for ASCII (ą, Cyrillic а; punycode xn--); Japanese-script domains are not counted",
			},
			Message: Text{
				JA: "ドメインに、英字に見える別の文字が使われています。",
				EN: "The domain uses characters that look like English letters but are not.",
			},
			Check: checkURLIDN,
		},
		{
			ID: "url-userinfo", Severity: High, Points: 30, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "URL の @ の前に別の名前を置いて、接続先を偽っている (https://amazon.co.jp@evil.example/)",
				EN: "the URL puts a name before an @ to disguise where it leads (https://amazon.co.jp@evil.example/)",
			},
			Message: Text{
				JA: "URL の「@」より前は飾りで、実際には「@」の後ろのサイトに接続します。",
				EN: "Everything before the @ in the URL is decoration; the browser really goes to the site after the @.",
			},
			Check: checkURLUserinfo,
		},
		{
			ID: "url-no-tls", Severity: Medium, Points: 15, Topic: "phishing", NeedsPage: true,
			Summary: Text{
				JA: "暗号化されていない http:// のページでパスワードやカード番号を入力させる",
				EN: "a page on plain http:// asks for a password or card number",
			},
			Message: Text{
				JA: "暗号化されていない (http://) ページでパスワードやカード番号を入力させようとしています。",
				EN: "An unencrypted (http://) page asks for a password or card number.",
			},
			Check: checkURLNoTLS,
		},
		{
			ID: "url-suspicious-tld", Severity: Low, Points: 10, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "ドメインの末尾が、悪用の報告が特に多いもの (.top, .xyz, .icu など; url_suspicious_tlds.txt)",
				EN: "the domain ends in an ending (TLD) with many abuse reports (.top, .xyz, .icu, …; url_suspicious_tlds.txt)",
			},
			Message: Text{
				JA: "ドメインの末尾は、詐欺サイトでの悪用が特に多く報告されているものです。",
				EN: "The domain's ending is one reported especially often for fraud sites.",
			},
			Check: checkURLSuspiciousTLD,
		},
		{
			ID: "blocklist-hit", Severity: High, Points: 60, Topic: "phishing", AnyFraud: true,
			Summary: Text{
				JA: "ドメインまたは URL が --rules で与えたブロックリストに載っている",
				EN: "the domain or URL is on a blocklist given with --rules",
			},
			Message: Text{
				JA: "このドメインまたは URL は、詐欺サイトとしてブロックリストに載っています。",
				EN: "This domain or URL is on a blocklist of fraud sites.",
			},
			Check: checkBlocklist,
		},
	}
}

// parseLooseURL parses a URL or a bare host[/path] (taken as http).
func parseLooseURL(s string) (*url.URL, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil, false
	}
	return u, true
}

// hostOfURL parses the host of a URL or bare domain.
func hostOfURL(s string) (HostName, bool) {
	if host, ok := plainHost(s); ok {
		h, err := ParseHost(host)
		return h, err == nil
	}
	u, ok := parseLooseURL(s)
	if !ok {
		return HostName{}, false
	}
	h, err := ParseHost(u.Hostname())
	return h, err == nil
}

// plainHost returns the host of s without url.Parse when s is a plain
// http(s) URL or bare host name: letters, digits, dots, hyphens and
// underscores up to the end, a path, query or fragment, or a port.
// Anything else (user info, brackets, escapes, other schemes) is for
// url.Parse, which gives the same host for what plainHost takes.
func plainHost(s string) (string, bool) {
	s = strings.TrimSpace(s)
	rest := s
	if i := strings.Index(s, "://"); i >= 0 {
		switch strings.ToLower(s[:i]) {
		case "http", "https":
			rest = s[i+3:]
		default:
			return "", false
		}
	}
	i := 0
	for i < len(rest) {
		c := rest[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' {
			i++
			continue
		}
		break
	}
	if i == 0 {
		return "", false
	}
	if i < len(rest) {
		switch rest[i] {
		case '/', '?', '#':
		case ':':
			j := i + 1
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			if j < len(rest) && strings.IndexByte("/?#", rest[j]) < 0 {
				return "", false
			}
		default:
			return "", false
		}
		// What follows must be what url.Parse takes without a doubt:
		// printable ASCII, no escapes, spaces or backslashes.
		for _, c := range []byte(rest[i:]) {
			if c <= ' ' || c >= 0x7f || c == '%' || c == '\\' {
				return "", false
			}
		}
	}
	return rest[:i], true
}

func checkURLIPHost(site *Site) []Finding {
	for _, s := range siteURLs(site) {
		host, ok := plainHost(s)
		if !ok {
			u, good := parseLooseURL(s)
			if !good {
				continue
			}
			host = u.Hostname()
		}
		ip, ok := parseIPHost(host)
		if !ok {
			continue
		}
		if !publicIP(ip) && ip == strings.Trim(host, "[]") {
			// A plainly written loopback or private address is only ever
			// fetched with --allow-private, for a site served locally (a
			// test server, a copy on one's own machine); fraud sites are
			// public. An odd spelling (0x7f000001) still counts: hiding
			// an address is itself the sign.
			continue
		}
		ev := host
		if ip != strings.Trim(host, "[]") {
			ev = host + " = " + ip
		}
		return []Finding{{Evidence: ev, URL: s}}
	}
	return nil
}

// publicIP reports whether ip (as parseIPHost gives it) is a public
// unicast address.
func publicIP(ip string) bool {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return true
	}
	a = a.Unmap()
	return !(a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsUnspecified() ||
		a.IsMulticast() || netip.MustParsePrefix("100.64.0.0/10").Contains(a))
}

// shortener is an entry of url_shorteners.txt.
type shortener struct {
	brand string // the brand whose own shortener it is, or ""
}

var shorteners = sync.OnceValue(func() map[string]shortener {
	m := map[string]shortener{}
	for _, l := range lines("url_shorteners.txt") {
		name, brand, _ := strings.Cut(l, "=")
		m[strings.ToLower(strings.TrimSpace(name))] = shortener{brand: strings.TrimSpace(brand)}
	}
	return m
})

// shortenerOf returns the shortener entry for host: by the host, its
// registrable domain, or a "label.*" entry (urx.*).
func shortenerOf(h HostName) (string, shortener, bool) {
	m := shorteners()
	for _, k := range []string{h.ASCII, h.Registrable, h.Label + ".*"} {
		if s, ok := m[k]; ok && k != ".*" {
			return strings.TrimSuffix(k, ".*"), s, true
		}
	}
	return "", shortener{}, false
}

func checkURLShortener(site *Site) []Finding {
	for _, s := range siteURLs(site) {
		if host, ok := plainHost(s); ok && !mayBeShortener(host) {
			continue
		}
		h, ok := hostOfURL(s)
		if !ok || h.IP {
			continue
		}
		name, sh, ok := shortenerOf(h)
		if !ok {
			continue
		}
		f := Finding{Evidence: Clip(s, 120), URL: s}
		if sh.brand != "" {
			f.Message = Text{
				JA: fmt.Sprintf("短縮 URL (%s) が使われています。%s 自身の短縮 URL ですが、行き先はリンクからはわかりません。", name, sh.brand),
				EN: fmt.Sprintf("A URL shortener (%s) is used. It is %s's own, but where it leads cannot be seen from the link.", name, sh.brand),
			}
		}
		return []Finding{f}
	}
	return nil
}

// mayBeShortener reports whether a plain host name could be a shortener's:
// whether it, a domain above it, or one of its labels as "label.*" is in
// url_shorteners.txt. Most names are not, and need no parsing.
func mayBeShortener(host string) bool {
	m := shorteners()
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for h := host; h != ""; {
		dot := strings.IndexByte(h, '.')
		if _, ok := m[h]; ok {
			return true
		}
		if dot < 0 {
			break
		}
		if _, ok := m[h[:dot]+".*"]; ok {
			return true
		}
		h = h[dot+1:]
	}
	return false
}

// IDNDisguise reports whether the Unicode label uses letters that pass for
// ASCII (Latin with diacritics, Cyrillic, Greek, other alphabets), and
// names the scripts. Labels in Japanese script (with ASCII letters or
// digits) are honest Japanese IDNs and do not count.
func IDNDisguise(label string) ([]string, bool) {
	scripts := Scripts(label)
	latinExt := false
	for _, r := range label {
		if r >= 0x80 && r <= 0x24F {
			latinExt = true
		}
	}
	for _, s := range scripts {
		switch s {
		case "Cyrillic", "Greek", "Other":
			return scripts, true
		}
	}
	return scripts, latinExt
}

func checkURLIDN(site *Site) []Finding {
	for _, s := range siteURLs(site) {
		if host, ok := plainHost(s); ok && !strings.Contains(strings.ToLower(host), "xn--") {
			continue // plain ASCII: nothing to disguise
		}
		h, ok := hostOfURL(s)
		if !ok || h.IP || !strings.Contains(h.ASCII, "xn--") {
			continue
		}
		ulabels := strings.Split(h.Unicode, ".")
		var scripts []string
		disguised := false
		for _, l := range ulabels {
			if isASCIIString(l) {
				continue
			}
			sc, d := IDNDisguise(l)
			if d {
				disguised = true
				scripts = sc
			}
		}
		if !disguised {
			continue
		}
		mixed := ""
		if len(scripts) > 1 {
			mixed = " [" + strings.Join(scripts, "+") + "]"
		}
		return []Finding{{
			Evidence: h.ASCII + " → " + h.Unicode + mixed,
			URL:      s,
			Message: Text{
				JA: fmt.Sprintf("%s はブラウザでは %s と表示されます。英字に見える別の文字が使われています。", h.ASCII, h.Unicode),
				EN: fmt.Sprintf("%s is shown by browsers as %s: it uses characters that look like English letters but are not.", h.ASCII, h.Unicode),
			},
		}}
	}
	return nil
}

func checkURLUserinfo(site *Site) []Finding {
	for _, s := range siteURLs(site) {
		if _, ok := plainHost(s); ok {
			continue // no @ in it
		}
		u, ok := parseLooseURL(s)
		if !ok || u.User == nil {
			continue
		}
		shown := u.User.Username()
		if p, ok := u.User.Password(); ok {
			shown += ":" + p
		}
		real := u.Hostname()
		return []Finding{{
			Evidence: Clip(shown, 60) + "@" + real,
			URL:      s,
			Message: Text{
				JA: fmt.Sprintf("URL の「%s@」は飾りで、実際の接続先は %s です。", Clip(shown, 60), real),
				EN: fmt.Sprintf("The %q before the @ is decoration: the URL really leads to %s.", Clip(shown, 60), real),
			},
		}}
	}
	return nil
}

// cardAutocomplete are the autocomplete tokens of password and card fields.
var cardAutocomplete = map[string]bool{
	"current-password": true, "new-password": true, "cc-number": true, "cc-csc": true,
	"cc-exp": true, "cc-exp-month": true, "cc-exp-year": true,
}

// cardFieldNames are name/id fragments of card-number and security-code
// fields, lower case without separators.
var cardFieldNames = []string{"cardnumber", "cardno", "ccnumber", "ccnum", "creditcard", "cvv", "cvc", "securitycode", "cardcode"}

// secretField reports whether in asks for a password or card data, and
// says which.
func secretField(in Input) (string, bool) {
	if in.Type == "password" {
		return "password", true
	}
	for _, tok := range strings.Fields(strings.ToLower(in.Autocomplete)) {
		if cardAutocomplete[tok] {
			return tok, true
		}
	}
	for _, s := range []string{in.Name, in.ID} {
		n := strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(s))
		for _, c := range cardFieldNames {
			if n != "" && strings.Contains(n, c) {
				return s, true
			}
		}
	}
	return "", false
}

// secretFieldName is what secret a field asks for, in Japanese and
// English: by its type, autocomplete or name (secretField), else by its
// label or placeholder as the phishing signs read them (カード番号 on a
// field named "cc").
func secretFieldName(in Input) (ja, en string, ok bool) {
	if what, ok := secretField(in); ok {
		k := phishCred(0)
		switch {
		case what == "password" || strings.HasSuffix(what, "-password"):
			k = credPassword
		case what == "cc-number":
			k = credCard
		case what == "cc-csc":
			k = credCSC
		case strings.HasPrefix(what, "cc-exp"):
			k = credExpiry
		}
		if k != 0 {
			return phishCredName(k, "ja"), phishCredName(k, "en"), true
		}
		return what, what, true
	}
	switch k := phishClassify(in); k {
	case credPassword, credCard, credExpiry, credCSC, credPIN, credPIN2:
		return phishCredName(k, "ja"), phishCredName(k, "en"), true
	}
	return "", "", false
}

func checkURLNoTLS(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		pageHTTP := strings.HasPrefix(strings.ToLower(p.URL), "http://")
		for _, f := range p.Forms {
			actionHTTP := strings.HasPrefix(strings.ToLower(f.Action), "http://")
			if !pageHTTP && !actionHTTP {
				continue
			}
			for _, in := range f.Inputs {
				whatJA, whatEN, ok := secretFieldName(in)
				if !ok {
					continue
				}
				where, whereEN := p.URL, p.URL
				if actionHTTP && !pageHTTP {
					where, whereEN = "フォームの送信先 → "+f.Action, "form → "+f.Action
				}
				out = append(out, Finding{URL: p.URL,
					Evidence:   Clip(fmt.Sprintf("%s（入力欄: %s）", where, whatJA), 160),
					EvidenceEN: Clip(fmt.Sprintf("%s (field: %s)", whereEN, whatEN), 160)})
				break
			}
		}
	}
	return out
}

var suspiciousTLDs = sync.OnceValue(func() map[string]bool { return set("url_suspicious_tlds.txt") })

func checkURLSuspiciousTLD(site *Site) []Finding {
	for _, s := range siteURLs(site) {
		if host, ok := plainHost(s); ok {
			host = strings.ToLower(strings.TrimSuffix(host, "."))
			if !suspiciousTLDs()[host[strings.LastIndexByte(host, '.')+1:]] {
				continue // the ending as written is the ending
			}
		}
		h, ok := hostOfURL(s)
		if !ok || h.IP {
			continue
		}
		tld := h.ASCII[strings.LastIndexByte(h.ASCII, '.')+1:]
		if suspiciousTLDs()[tld] {
			return []Finding{{Evidence: "." + tld + " (" + h.Unicode + ")", URL: s, Message: Text{
				JA: "ドメインの末尾（." + tld + "）は、詐欺サイトでの悪用が特に多く報告されているものです。",
				EN: "The domain's ending (." + tld + ") is one reported especially often for fraud sites.",
			}}}
		}
	}
	return nil
}

// Blocklist is a blocklist ready for lookups: domain entries in a map
// (a host matches itself and every parent domain, so a lookup costs the
// number of labels, not the length of the list), URL entries as prefixes.
type Blocklist struct {
	domains map[string]string // ASCII domain -> entry as given
	urls    []blockURL
}

type blockURL struct {
	prefix    string // normalised; without "scheme://" when anyScheme
	anyScheme bool
	entry     string
}

// NewBlocklist parses list: a domain entry matches itself and its
// subdomains, an entry with a path or scheme matches URLs that start with
// it. Blank lines, comments and entries that are neither are skipped.
func NewBlocklist(list []string) *Blocklist {
	b := &Blocklist{domains: map[string]string{}}
	for _, e := range list {
		e = strings.TrimSpace(e)
		if e == "" || strings.HasPrefix(e, "#") {
			continue
		}
		eu, ok := parseLooseURL(strings.TrimPrefix(strings.TrimPrefix(e, "*."), "."))
		if !ok {
			continue
		}
		eh, err := ParseHost(eu.Hostname())
		if err != nil {
			continue
		}
		if !strings.Contains(e, "://") && strings.Trim(eu.EscapedPath(), "/") == "" && eu.RawQuery == "" {
			if _, dup := b.domains[eh.ASCII]; !dup {
				b.domains[eh.ASCII] = e
			}
			continue
		}
		en := normalURL(eu, eh)
		bu := blockURL{prefix: en, entry: e}
		if !strings.Contains(e, "://") {
			// No scheme given: either scheme matches.
			bu.prefix, bu.anyScheme = en[strings.Index(en, "://")+3:], true
		}
		b.urls = append(b.urls, bu)
	}
	return b
}

// Len is the number of entries.
func (b *Blocklist) Len() int {
	if b == nil {
		return 0
	}
	return len(b.domains) + len(b.urls)
}

// Match reports the entry that u (a URL or a bare domain) is on.
func (b *Blocklist) Match(u string) (string, bool) {
	if b.Len() == 0 {
		return "", false
	}
	pu, ok := parseLooseURL(u)
	if !ok {
		return "", false
	}
	h, err := ParseHost(pu.Hostname())
	if err != nil {
		return "", false
	}
	for d := h.ASCII; d != ""; {
		if e, ok := b.domains[d]; ok {
			return e, true
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
	}
	if len(b.urls) == 0 {
		return "", false
	}
	norm := normalURL(pu, h)
	bare := norm[strings.Index(norm, "://")+3:]
	for _, bu := range b.urls {
		if bu.anyScheme && strings.HasPrefix(bare, bu.prefix) || !bu.anyScheme && strings.HasPrefix(norm, bu.prefix) {
			return bu.entry, true
		}
	}
	return "", false
}

// BlocklistMatch reports the blocklist entry that u (a URL or a bare
// domain) is on. For many lookups, build a Blocklist once instead.
func BlocklistMatch(list []string, u string) (string, bool) {
	return NewBlocklist(list).Match(u)
}

// normalURL writes u with a lower-case scheme and ASCII host, without
// userinfo, for prefix comparison.
func normalURL(u *url.URL, h HostName) string {
	host := h.ASCII
	scheme := strings.ToLower(u.Scheme)
	if p := u.Port(); p != "" && !(scheme == "https" && p == "443" || scheme == "http" && p == "80") {
		host += ":" + p // the default port is the address without one
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	s := scheme + "://" + host + path
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s
}

func checkBlocklist(site *Site) []Finding {
	if site.Data == nil || len(site.Data.Blocklist) == 0 {
		return nil
	}
	bl := site.Data.blocklist
	if bl == nil { // Data not made by LoadData
		bl = NewBlocklist(site.Data.Blocklist)
	}
	for _, s := range siteURLs(site) {
		if e, ok := bl.Match(s); ok {
			return []Finding{{Evidence: Clip(s, 100) + " ∈ " + Clip(e, 80), URL: s}}
		}
	}
	return nil
}
