package checker

import (
	"github.com/shopcheck/shopcheck/internal/defang"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/shopcheck/shopcheck/rules"
)

// TargetKind says what a target names.
type TargetKind int

// The kinds of target.
const (
	TargetURL   TargetKind = iota // an http(s) URL or a bare domain
	TargetLocal                   // a saved .html file or a folder of them
	TargetWARC                    // a .warc or .warc.gz evidence file
)

// Target is a parsed target.
type Target struct {
	Raw string
	// Clean is Raw as an address (URL targets): the quotes, brackets,
	// full-width letters and defanging of a copied address undone. The
	// signs judge it, not Raw: «shop.example.jp» names no IDN host.
	Clean string
	Kind  TargetKind
	// URL is the URL to fetch (TargetURL).
	URL *url.URL
	// Bare is true when the user gave a domain without a scheme: https is
	// tried first, then http.
	Bare bool
	// Path is the local file or folder (TargetLocal, TargetWARC).
	Path string
}

// ParseTarget reads a target as the user gave it: an http(s) URL, a bare
// domain (with or without a path), a saved .html file or folder, or a
// .warc/.warc.gz file. Local paths win over domains when they exist.
func ParseTarget(raw string) (Target, error) { return parseTarget(raw, true) }

// ParseNameTarget reads a target as a URL or domain only: nothing is looked
// up on the local disk (the `domain` command screens millions of names).
func ParseNameTarget(raw string) (Target, error) { return parseTarget(raw, false) }

func parseTarget(raw string, local bool) (Target, error) {
	raw = strings.TrimSpace(raw)
	t := Target{Raw: raw, Clean: raw}
	if raw == "" {
		return t, Errorf(CodeInvalidTarget, "the target is empty")
	}
	// A file:// URL names a saved page (results name local pages so): it
	// is read as the path it stands for.
	if local && len(raw) > 7 && strings.EqualFold(raw[:7], "file://") {
		u, err := url.Parse(raw)
		if err != nil || u.Host != "" && u.Host != "localhost" {
			return t, Errorf(CodeInvalidTarget, "%q is not a local file URL (file:///path/page.html)", raw)
		}
		raw = filepath.FromSlash(u.Path)
		if !exists(raw) {
			return t, Errorf(CodeInvalidTarget, "no such file or folder: %s", raw)
		}
		t.Clean = raw
	}
	// A saved page keeps its name as it is (brackets, spaces and all: a
	// browser names it after the page's title, 「Vpass ログイン -
	// 三井住友カード.html」); an address with a scheme names no file, so
	// the disk is not asked about it.
	file := local && !strings.Contains(raw, "://") && exists(raw)
	if !file {
		raw = cleanTarget(raw)
		t.Clean = raw
	}
	if !file && strings.ContainsAny(raw, " \t\r\n") {
		return t, Errorf(CodeInvalidTarget, "%q contains white space; give one URL or domain a line", raw)
	}
	lower := strings.ToLower(raw)
	if !strings.Contains(raw, "://") {
		if local && !domainLike(lower) {
			if fi, err := os.Stat(raw); err == nil {
				switch {
				case !fi.IsDir() && !fi.Mode().IsRegular():
					// A named pipe (opening it waits for a writer, with
					// no deadline), a device or a socket: no saved page.
					return t, Errorf(CodeInvalidTarget, "%s is not a regular file (a pipe, a device or a socket): give a saved .html, .warc or .warc.gz file", raw)
				case strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz"):
					t.Kind, t.Path = TargetWARC, raw
				case fi.IsDir() || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
					t.Kind, t.Path = TargetLocal, raw
				default:
					return t, Errorf(CodeInvalidTarget, "%s is a local file but not an .html, .warc or .warc.gz file", raw)
				}
				return t, nil
			}
			if looksLikePath(raw) {
				return t, Errorf(CodeInvalidTarget, "no such file or folder: %s", raw)
			}
		} else if looksLikePath(raw) {
			return t, Errorf(CodeInvalidTarget, "%q is a file name, not a domain name", raw)
		}
		if a, err := netip.ParseAddr(strings.Trim(raw, "[]")); err == nil && a.Is6() {
			// A bare IPv6 address (2001:db8::1): a host, not a scheme.
			raw = "[" + a.String() + "]"
		} else if i := strings.Index(raw, ":"); i > 0 && !strings.Contains(raw[:i], ".") && !isPort(portOfBare(raw[i+1:])) {
			// mailto:, javascript:, data:, ftp: and friends.
			return t, Errorf(CodeUnsupportedScheme, "%q is not a web address (scheme %q); give an http or https URL", raw, raw[:i])
		}
		t.Bare = true
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return t, Errorf(CodeInvalidTarget, "%q is not a valid URL: %v", t.Raw, unwrapURLError(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return t, Errorf(CodeInvalidTarget, "%q has no scheme", t.Raw)
	default:
		return t, Errorf(CodeUnsupportedScheme, "%q uses %s:, which shopcheck does not fetch; give an http or https URL", t.Raw, u.Scheme)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := u.Hostname()
	if host == "" {
		return t, Errorf(CodeInvalidTarget, "%q has no host name", t.Raw)
	}
	if t.Bare && !strings.Contains(host, ".") && net.ParseIP(host) == nil && !strings.EqualFold(host, "localhost") {
		return t, Errorf(CodeInvalidTarget, "%q is neither a URL nor a domain name", t.Raw)
	}
	if !isASCII(host) {
		// Internationalised names are fetched and reported in punycode;
		// the Unicode form is shown by the url-idn sign.
		ascii, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return t, Errorf(CodeInvalidTarget, "%q is not a valid internationalised domain name: %v", host, err)
		}
		if p := u.Port(); p != "" {
			u.Host = ascii + ":" + p
		} else {
			u.Host = ascii
		}
	}
	if len(u.Hostname()) > 253 {
		return t, Errorf(CodeInvalidTarget, "%q has a host name longer than DNS allows (253 characters)", rules.Clip(t.Raw, 80))
	}
	if c, ok := badHostRune(u.Hostname()); ok {
		return t, Errorf(CodeInvalidTarget, "%q has a host name with a character no host name can have (%q); check the spelling", t.Raw, c)
	}
	if p := u.Port(); p != "" && !isPort(p) {
		return t, Errorf(CodeInvalidTarget, "%q has an invalid port %q", t.Raw, p)
	}
	if _, err := rules.ParseHost(u.Hostname()); err != nil {
		// An empty label (a..b.example) or punycode that decodes to
		// nothing (xn--zz): judged before any request, not after one.
		return t, Errorf(CodeInvalidTarget, "%q: %q is not a host name (an empty label, or punycode that is not a name); check the spelling", t.Raw, u.Hostname())
	}
	t.URL = u
	return t, nil
}

// exists reports whether path names a file or folder here.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// narrowHead maps the full-width letters, digits and marks of an address's
// scheme and host (ｈｔｔｐｓ：／／ｓｈｏｐ．ｅｘａｍｐｌｅ．ｊｐ, typed on a
// Japanese keyboard) to ASCII, up to the slash that starts the path: the
// path is the site's own, and /商品（新品） is another page than /商品(新品).
func narrowHead(s string) string {
	var b strings.Builder
	slashes := 0 // of "://", written
	for i, r := range s {
		n := r
		if r >= '\uFF01' && r <= '\uFF5E' {
			n = r - 0xFEE0
		}
		if n == '/' {
			if cur := b.String(); slashes == 0 && strings.HasSuffix(cur, ":") || slashes == 1 && strings.HasSuffix(cur, ":/") {
				slashes++
				b.WriteByte('/')
				continue
			}
			// The path starts: the rest as written.
			b.WriteByte('/')
			b.WriteString(s[i+utf8.RuneLen(r):])
			return b.String()
		}
		b.WriteRune(n)
	}
	return b.String()
}

// badHostRune returns the first character of host that no host name can
// hold: a DNS name (in its ASCII form) is letters, digits, hyphens, dots
// and, in practice, underscores; an IP address is checked by net.ParseIP.
// "amazon.co,jp" is a typo, not a look-alike of amazon.co.jp.
func badHostRune(host string) (rune, bool) {
	if mayBeIP(host) && net.ParseIP(host) != nil {
		return 0, false
	}
	for _, c := range host {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return c, true
		}
	}
	return 0, false
}

// cleanTarget undoes what copying an address out of a chat, a mail, a
// report or a spreadsheet does to it, so that the address itself is
// checked: full-width letters typed on a Japanese keyboard
// (ｈｔｔｐｓ：／／…), brackets and quotes around it (「…」, <…>, "…",
// the German „…“ and the French «…»),
// punctuation after it (。、」), the defanging of security reports
// (hxxp://, [.]) and a note after it in the same line ("URL<TAB>メモ").
// An address that needs none of this comes back as it was.
func cleanTarget(s string) string {
	if strings.ContainsFunc(s, ZeroWidth) {
		// Copied from a post or a chat with an invisible space beside
		// the address (U+200B): no address holds one.
		s = strings.TrimSpace(strings.Map(func(r rune) rune {
			if ZeroWidth(r) {
				return -1
			}
			return r
		}, s))
	}
	if strings.Contains(s, "\u3000") {
		s = strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " ")) // an ideographic space is a space
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r >= '\uFF01' && r <= '\uFF5E' }) {
		s = narrowHead(s)
	}
	if i := strings.IndexByte(s, '\t'); i > 0 {
		// A spreadsheet's columns: the address, then notes after a tab
		// (「メモ: 通報あり」, "see http://…"), whatever they hold.
		if head := strings.TrimSpace(s[:i]); !strings.ContainsAny(head, " \t") && (strings.Contains(head, ".") || strings.Contains(head, "://")) {
			s = head
		}
	}
	if !strings.ContainsAny(s, " \t") {
		// The common case: one word, no note.
	} else if f := strings.Fields(s); len(f) > 1 && (strings.Contains(f[0], ".") || strings.Contains(f[0], "://")) {
		// The address first, then a note about it: after a tab (a
		// spreadsheet's next column), or in Japanese ("通報 3件"). The
		// rest must look like no part of an address: "http://exa mple.jp/"
		// and "https://shop.example.jp/a b" stay errors.
		rest := strings.Join(f[1:], " ")
		note := strings.ContainsRune(s, '\t') || strings.ContainsFunc(rest, func(r rune) bool { return r >= 0x3000 })
		if note && !strings.ContainsAny(rest, "./:@") {
			s = f[0]
		}
	}
	for {
		before := s
		for _, pre := range []string{"「", "『", "（", "(", "<", "＜", "\"", "'", "“", "‘", "„", "‚", "«", "‹", "【", "〈", "《", "["} {
			if strings.HasPrefix(s, pre) && !(pre == "[" && strings.Contains(s, "]:")) {
				s = s[len(pre):]
			}
		}
		for _, suf := range []string{"」", "』", ">", "＞", "\"", "'", "”", "’", "“", "‘", "»", "›", "】", "〉", "》", "。", "、", "，", "．", ",", ".", "!", "！", "?", "？", ";", "；", "：", "…"} {
			s = strings.TrimSuffix(s, suf)
		}
		for _, pair := range [][2]string{{"(", ")"}, {"[", "]"}, {"（", "）"}} {
			if strings.HasSuffix(s, pair[1]) && strings.Count(s, pair[0]) < strings.Count(s, pair[1]) {
				s = s[:len(s)-len(pair[1])]
			}
		}
		if s == before {
			break
		}
	}
	return defang.Refang(s) // as a link in a message is: hxxps, [.], [dot], [:]//
}

// ZeroWidth reports whether r is an invisible character that copying a
// link from a post or a chat may bring along: zero-width space, joiners,
// word joiner, byte-order mark. The reports drop them when they show a
// list line.
func ZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// domainLike reports whether a target given without a scheme reads as a
// domain name under a real public suffix (fake-shop.jp, shop.example.com)
// rather than as a file: such a name is checked on the web even when a
// folder of that name is here (wget --mirror makes one); ./fake-shop.jp
// names the folder.
func domainLike(lower string) bool {
	if strings.ContainsAny(lower, "/\\") || !strings.Contains(lower, ".") {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".warc", ".warc.gz"} {
		if strings.HasSuffix(lower, ext) {
			return false
		}
	}
	host := lower
	if h, _, err := net.SplitHostPort(lower); err == nil {
		host = h
	}
	ps, icann := publicsuffix.PublicSuffix(host)
	return icann && ps != host
}

// looksLikePath reports whether a target given without a scheme names a
// local file or folder (that is missing, or it would have been read) rather
// than a web address.
func looksLikePath(s string) bool {
	l := strings.ToLower(s)
	first, _, _ := strings.Cut(s, "/")
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "~") || strings.Contains(s, string(filepath.Separator)+".") ||
		strings.HasSuffix(l, ".html") && strings.Contains(s, "/") && !strings.Contains(first, ".") && !isHostPort(first) ||
		strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz") ||
		// page.html alone: no top-level domain is html or htm, so a
		// name like this is a file, not a host.
		(strings.HasSuffix(l, ".html") || strings.HasSuffix(l, ".htm")) && !strings.ContainsAny(s, "/:?#")
}

// isHostPort reports whether s is a name and a port, like localhost:8080:
// the start of an address given without its scheme, not a folder.
func isHostPort(s string) bool {
	i := strings.LastIndex(s, ":")
	return i > 0 && isPort(s[i+1:])
}

// portOfBare is what follows a host's colon in an address given without
// its scheme, up to its path, query or fragment: the port, if it is one.
func portOfBare(s string) string {
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		return s[:i]
	}
	return s
}

func isPort(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return n > 0 && n < 65536
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
