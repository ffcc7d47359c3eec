// Package defang undoes the spellings that people and security teams use
// to make links unclickable (hxxps://, [.], (dot), [:]//), the same way
// wherever a link is read: a target on the command line or in a list, a
// link in a message.
package defang

import (
	"regexp"
	"strings"
)

// Refang returns s with its defanged spellings undone. A defanged scheme
// (hxxps, hXXp, h**p, hxp, in any case) counts only where a scheme is:
// followed by its colon, and not inside a word or an address (amazon-hxp.xyz
// and ?q=hxp:1 stay); the rest is a literal replacer, one pass.
func Refang(s string) string {
	if mayHaveScheme(s) && scheme.MatchString(s) {
		s = scheme.ReplaceAllStringFunc(s, func(m string) string {
			sm := scheme.FindStringSubmatch(m)
			if sm[3] == "" { // the bare "hxxp:" form
				sm = []string{sm[0], sm[4], sm[5], sm[6]}
			}
			secure := ""
			if sm[2] != "" {
				secure = "s"
			}
			colon := "://"
			if sm[3] == ":" {
				colon = ":"
			}
			return sm[1] + "http" + secure + colon
		})
	}
	if !strings.ContainsAny(s, "[({") { // every spelling the replacer undoes has one
		return s
	}
	return refang.Replace(s)
}

// mayHaveScheme reports whether s has an "h" followed by x, * or _, where
// every defanged scheme starts: most targets and links have none, and are
// then not run through the scheme expression at all.
func mayHaveScheme(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i]|0x20 == 'h' {
			switch s[i+1] {
			case 'x', 'X', '*', '_':
				return true
			}
		}
	}
	return false
}

// defangedColons are the spellings of "://" that make a link unclickable.
var defangedColons = []string{"[:]//", "[://]", "(:)//", "(://)", "{:}//", "[:/]/", "[:]/ /"}

// scheme matches a defanged scheme where a scheme can start, then its
// colon: followed by "//" in any spelling, after anything but a letter or
// digit ("1.hxxps://", "URL=hxxps://"); as a bare "hxxp:", only where no
// address goes on (not "?q=hxp:1").
var scheme = func() *regexp.Regexp {
	var colons []string
	for _, c := range defangedColons {
		colons = append(colons, regexp.QuoteMeta(c))
	}
	return regexp.MustCompile(`(?i)(^|[^a-z0-9])h(?:xx|x|\*\*|__)p(s?)(` + strings.Join(colons, "|") + `|://)|(^|[^a-z0-9._~%+=&/?#@\-])h(?:xx|x|\*\*|__)p(s?)(:)`)
}()

// refang undoes the rest: "://" and "." and "/" and ":" in their defanged
// spellings.
var refang = func() *strings.Replacer {
	var pairs []string
	for _, c := range defangedColons {
		pairs = append(pairs, c, "://")
	}
	for _, d := range []string{"[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}", "[DOT]", "(DOT)", "{DOT}", "[Dot]", "(Dot)"} {
		pairs = append(pairs, " "+d+" ", ".", " "+d, ".", d+" ", ".", d, ".")
	}
	pairs = append(pairs, "[/]", "/", "[:]", ":")
	return strings.NewReplacer(pairs...)
}()

// Defang writes an address so that it cannot be opened by a click: its
// scheme as hxxp(s) and the dots of its host as [.]
// (https://kit.example.top/login -> hxxps://kit[.]example[.]top/login),
// the form a warning quotes a lure's address in. Refang undoes it.
func Defang(s string) string {
	rest, scheme := s, ""
	if i := strings.Index(s, "://"); i > 0 {
		scheme, rest = s[:i], s[i+3:]
	}
	host, path := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	host = strings.ReplaceAll(host, ".", "[.]")
	switch strings.ToLower(scheme) {
	case "http":
		return "hxxp://" + host + path
	case "https":
		return "hxxps://" + host + path
	case "":
		return host + path
	}
	return scheme + "://" + host + path
}
