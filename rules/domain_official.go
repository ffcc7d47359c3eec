package rules

import (
	"strings"
)

// This file matches a host against the registrable labels of the brands'
// official domains, the way typo-squatting tools and phishers derive their
// names from them: dnstwist and its kin change the label of amazon.co.jp
// and keep the ending (amazom.co.jp, arnazon.co.jp, ama-zon.co.jp,
// ama.zon.co.jp, amazonco.jp). Because the ending is kept, a name under the
// official domain's own ending that is one such change away from its label
// is a look-alike even where the brand's name is short or a common word
// (appie.com beside apple.com, kddl.com beside kddi.com) and even under
// co.jp, where a brand-like name is otherwise taken for a group company.

// offLabel is the registrable label of one official domain.
type offLabel struct {
	brand  int
	domain string // amazon.co.jp
	raw    string // amazon: the label as registered (ASCII)
	label  string // the label folded (Fold), hyphens kept
	suffix string // co.jp
	// weak: the label is a weak keyword of a brand (apple, nomura,
	// visa): typos count only under its own ending, and only the kinds
	// a squatter's tool makes.
	weak bool
}

// short reports whether the label has four letters or fewer: such labels
// take typos only under their own ending, never a left-out letter
// (eon.com is E.ON, not AEON), and none at all under three letters.
func (o *offLabel) short() bool { return len(o.label) <= 4 }

// strong reports whether a look-alike of the label counts under any
// ending: it is distinctive (not weak) and five letters or more.
func (o *offLabel) strong() bool { return !o.weak && !o.short() }

// budget is the edit distance a typo of the label may have: none under
// four letters, two for distinctive labels of nine letters or more, one
// otherwise. A label with a short part (mizuho-bk, resona-gr, rakuten-sec)
// takes one: two changes would turn the short part into another group
// company's (mizuho-ls.co.jp, resona-am.co.jp).
func (o *offLabel) budget() int {
	n := len(o.label)
	switch {
	case n <= 3:
		return 0
	case n < 9 || o.weak:
		return 1
	}
	for _, t := range strings.Split(o.label, "-") {
		if len(t) <= 3 {
			return 1
		}
	}
	return 2
}

// offIndex indexes the official labels: by their look-alike skeleton
// (loose), without hyphens, run together with their ending (various) and
// by deletion neighbourhood for typos.
type offIndex struct {
	labels    []offLabel
	bySuffix  map[string]bool // label.suffix of every official domain (folded label)
	withSub   map[string][]offSub
	byLoose   map[string][]int32
	byJoined  map[string][]int32
	byVarious map[string][]int32
	dels      *delIndex
}

// offSub is an official domain given with a subdomain (line.naver.jp):
// its labels in front of another ending are a look-alike there.
type offSub struct {
	brand  int
	domain string
	sub    []string
}

// newOffIndex indexes the registrable labels of the brands' official
// domains (not of their infrastructure domains, and not of official
// domains given with a subdomain, like line.naver.jp, whose registrable
// part is another company's).
func newOffIndex(brands []Brand, weakWord func(string) bool) *offIndex {
	ox := &offIndex{byLoose: map[string][]int32{}, byJoined: map[string][]int32{},
		byVarious: map[string][]int32{}, dels: newDelIndex(), bySuffix: map[string]bool{},
		withSub: map[string][]offSub{}}
	seen := map[string]bool{}
	for bi, b := range brands {
		for _, d := range b.Domains {
			h, err := ParseHost(d)
			if err != nil || h.IP || h.Label == "" || h.Hosted || seen[h.ASCII] {
				continue
			}
			seen[h.ASCII] = true
			if len(h.Sub) > 0 {
				if _, err := ParseHost(h.Registrable); err == nil && !seen[h.Registrable] {
					ox.withSub[h.Label] = append(ox.withSub[h.Label], offSub{brand: bi, domain: h.ASCII, sub: h.Sub})
				}
				continue
			}
			o := offLabel{brand: bi, domain: h.ASCII, raw: h.Label, label: Fold(h.Label), suffix: h.Suffix}
			o.weak = weakWord(o.label)
			if len(o.label) < 2 {
				continue // a.co: one letter is no name to imitate
			}
			id := int32(len(ox.labels))
			ox.labels = append(ox.labels, o)
			ox.bySuffix[o.label+"."+o.suffix] = true
			ox.byLoose[loose(o.label)] = append(ox.byLoose[loose(o.label)], id)
			j := strings.ReplaceAll(o.label, "-", "")
			ox.byJoined[j] = append(ox.byJoined[j], id)
			if len(o.label) >= 3 {
				for _, v := range variousForms(o.label, o.suffix) {
					ox.byVarious[v] = append(ox.byVarious[v], id)
				}
			}
			ox.dels.add(o.label, o.budget(), id)
		}
	}
	return ox
}

// variousForms are the labels that run an official label together with
// its ending, as dnstwist's "various" fuzzer and phishers write them:
// amazonco (amazonco.jp), amazoncojp, amazon-co-jp, applecom, jcb-jp.
func variousForms(label, suffix string) []string {
	parts := strings.Split(suffix, ".")
	forms := []string{
		label + strings.Join(parts, ""),
		label + "-" + strings.Join(parts, "-"),
	}
	if len(parts) > 1 {
		forms = append(forms, label+parts[0], label+"-"+parts[0])
	}
	return uniqueStrings(forms...)
}

// loose maps a folded label to its look-alike skeleton: the letters that
// a squatter's tool puts for one another (dnstwist's ASCII glyphs) become
// one: m, nn, n and r; c and e; b and d; g and q; u and v; 3 and 8; 6 and
// 9. (Its pairs lb, dl, lh and lc for b, d, h and k are left to the typo
// checks: after Fold's i→l they would be read into names that have them.)
func loose(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'n':
			if i+1 < len(s) && s[i+1] == 'n' {
				i++
			}
		case 'm', 'r':
			c = 'n'
		case 'c':
			c = 'e'
		case 'b':
			c = 'd'
		case 'g':
			c = 'q'
		case 'v':
			c = 'u'
		case '3':
			c = '8'
		case '6':
			c = '9'
		}
		b = append(b, c)
	}
	return string(b)
}

// officialLabels compares the registrable label (and the subdomain labels
// just before it) with the official labels.
func (m *match) officialLabels() {
	ox := m.ix.off
	if ox == nil || len(m.fl) < 2 || len(m.fl) > 63 {
		return
	}
	// The label spelled with look-alike letters.
	for _, id := range ox.byLoose[loose(m.fl)] {
		m.offLookAlike(&ox.labels[id])
	}
	// Letter pairs put for one letter: lc for k, lh for h, lb for b, dl
	// for d (lcddi.com, softdanlc.co.jp).
	if strings.ContainsAny(m.fl, "lcd") {
		if alt := pairGlyphs.Replace(m.fl); alt != m.fl {
			for _, id := range ox.byLoose[loose(alt)] {
				if o := &ox.labels[id]; o.strong() {
					m.offerOff(o, ImitationHomoglyph, m.lab, homoglyphSwaps(m.lab, o.raw))
				}
			}
		}
	}
	// An official host with a subdomain (line.naver.jp) under a cheap
	// ending: line.naver.xyz.
	for _, ws := range ox.withSub[m.fl] {
		if n := len(m.h.Sub); n >= len(ws.sub) && strings.Join(m.h.Sub[n-len(ws.sub):], ".") == strings.Join(ws.sub, ".") && cheapEnding(m.h) {
			b := &m.ix.brands[ws.brand]
			m.offer(Imitation{Kind: ImitationOtherEnding, Brand: b, Official: ws.domain,
				Matched: m.h.Unicode, Keyword: ws.domain, Real: m.h.Suffix})
		}
	}
	// Hyphens put in (ama-zon.co.jp, mizuho-b-k.co.jp).
	if strings.Contains(m.fl, "-") {
		j := strings.ReplaceAll(m.fl, "-", "")
		for _, id := range ox.byJoined[j] {
			o := &ox.labels[id]
			if strings.Count(m.fl, "-") > strings.Count(o.label, "-") && m.sameOrStrong(o) {
				m.offerOff(o, ImitationHyphen, m.lab, nil)
			}
		}
	}
	// Dots put in: ama.zon.co.jp, smbc-c.ard.com.
	for k := 1; k <= 2 && k <= len(m.h.Sub); k++ {
		n := len(m.h.Sub)
		joined := Fold(strings.Join(m.uni[n-k:n], "")) + m.fl
		for _, id := range ox.byJoined[strings.ReplaceAll(joined, "-", "")] {
			o := &ox.labels[id]
			if joined == o.label && m.sameOrStrong(o) {
				m.offerOff(o, ImitationDotted, strings.Join(m.uni[n-k:n+1], "."), nil)
			}
		}
	}
	// The label run together with its ending: amazonco.jp, applecom.com.
	for _, id := range ox.byVarious[m.fl] {
		o := &ox.labels[id]
		m.offerOff(o, ImitationFakeSuffix, m.lab, nil)
	}
	m.offTypos()
}

// pairGlyphs undoes dnstwist's letter pairs for one letter.
var pairGlyphs = strings.NewReplacer("lc", "k", "lh", "h", "lb", "b", "dl", "d")

// sameOrStrong reports whether a look-alike of o counts under m's ending:
// under o's own ending always, under another only for a strong label.
func (m *match) sameOrStrong(o *offLabel) bool {
	return m.h.Suffix == o.suffix || o.strong()
}

// offLookAlike handles a label whose look-alike skeleton is o's.
func (m *match) offLookAlike(o *offLabel) {
	unicode := !isASCIIString(m.lab)
	switch {
	case m.fl == o.label && m.lab == o.raw:
		// The label itself, under another ending.
		if m.h.Suffix == o.suffix || o.strong() || m.jpAt {
			return // the keyword checks handle distinctive names
		}
		if cheapEnding(m.h) || !o.weak && countryEnding(m.h) {
			m.offerOff(o, ImitationOtherEnding, m.lab, nil)
		}
	case m.fl == o.label:
		// Look-alike letters that Fold reads as the label's: app1e,
		// аррӏе (Cyrillic), rnufg.
		if unicode || len(o.label) >= 3 && m.sameOrStrong(o) {
			m.offerOff(o, ImitationHomoglyph, m.lab, homoglyphSwaps(m.lab, o.raw))
		}
	case unicode || len(o.label) >= 4 && m.sameOrStrong(o):
		// Letters a squatter's tool puts for one another (m for n, c for
		// e): one of them is a typo (amazom), more a look-alike
		// spelling (anazom, arnazor); a weak or short name takes one.
		d := osa(m.fl, o.label, 1)
		switch {
		case d == 1 && (!isASCIIString(m.lab) || o.strong() || squatTypo(m.lab, o.raw, false, !o.short())):
			im := m.offImitation(o, ImitationTypo, m.lab, nil)
			im.Distance, im.Edit = 1, classifyEdit(m.fl, o.label)
			m.offer(im)
		case o.strong(), !o.weak && m.h.Suffix == o.suffix && len(m.lab) <= len(o.raw)+1 && !words().honest[m.fl]:
			// Distinctive names of four letters take more swaps under
			// their own ending only: kbbi.com, annzn.to.
			m.offerOff(o, ImitationHomoglyph, m.lab, homoglyphSwaps(m.lab, o.raw))
		}
	}
}

// cheapEnding reports whether h's ending is one where a short or common
// brand name (jcb, visa, apple, nomura) is an imitation rather than
// someone else's name: a hosting service's shared domain, an ending of
// url_suspicious_tlds.txt, or a generic ending other than the big old
// ones (com, net, org) and the restricted ones (edu, gov, aero, …). Under
// country endings and com, net and org, such names mostly belong to others
// (jcb.co.uk is J.C. Bamford's, aeon.co a magazine).
func cheapEnding(h HostName) bool {
	tld := h.Suffix[strings.LastIndexByte(h.Suffix, '.')+1:]
	switch {
	case h.Hosted || suspiciousTLDs()[tld]:
		return true
	case strings.Contains(h.Suffix, ".") || !isASCIIString(tld) || strings.HasPrefix(tld, "xn--"):
		return false
	}
	return len(tld) >= 3 && !honestEndings[tld]
}

// countryEnding reports whether h's ending is a country's own (de, cn),
// where a distinctive four-letter brand name (smbc, mufg, kddi) is an
// imitation too: but not jp, where the brand itself may hold it.
func countryEnding(h HostName) bool {
	return len(h.Suffix) == 2 && isASCIIString(h.Suffix) && h.Suffix != "jp"
}

// honestEndings are generic endings where a short brand-like name is
// mostly someone else's: the old open ones and the restricted ones.
var honestEndings = map[string]bool{
	"com": true, "net": true, "org": true, "edu": true, "gov": true, "mil": true, "int": true,
	"arpa": true, "aero": true, "coop": true, "museum": true, "jobs": true, "travel": true,
	"mobi": true, "cat": true, "tel": true, "post": true, "bank": true, "insurance": true,
}

// offTypos finds official labels within their typo budget of the label,
// under the same ending (typos under another ending are the keyword
// checks' part).
func (m *match) offTypos() {
	ox := m.ix.off
	s := m.fl
	if len(s) < 3 || words().honest[s] {
		return
	}
	var buf [8]int32
	for _, id := range ox.typoCandidates(s, buf[:0]) {
		o := &ox.labels[id]
		if o.suffix != m.h.Suffix || s == o.label || len(m.lab)-len(o.raw) > o.budget() || len(o.raw)-len(m.lab) > o.budget() {
			continue
		}
		if strings.ReplaceAll(s, "-", "") == strings.ReplaceAll(o.label, "-", "") {
			continue // hyphens put in or left out: the hyphen checks' part
		}
		budget := o.budget()
		d := osa(s, o.label, budget)
		edit := ""
		switch {
		case d <= budget:
			if d == 1 {
				edit = classifyEdit(s, o.label)
			}
		case budget == 1 && len(s) == len(o.label)+2 && pluralOf(s, o.label):
			d, edit = 2, "plural"
		default:
			continue
		}
		if !m.squatEdit(o, d) {
			continue
		}
		im := m.offImitation(o, ImitationTypo, m.lab, nil)
		im.Distance, im.Edit = d, edit
		m.offer(im)
	}
}

// squatEdit reports whether a typo of o is one that counts for it. Labels
// of seven letters or more take any typo within their budget; shorter ones
// only those that a squatter's tool makes (squatTypo), since honest names
// differ from short ones by other changes (kepco.co.jp and hepco.co.jp
// are power companies like tepco.co.jp); weak and four-letter labels take
// no vowel for a vowel (namura.co.jp is a shipyard, not nomura.co.jp's),
// and four-letter ones no left-out letter (eon.com is E.ON, not aeon.com).
func (m *match) squatEdit(o *offLabel, d int) bool {
	switch {
	case d != 1:
		return !o.weak && !o.short()
	case len(o.label) >= 7 && !o.weak:
		return true
	case !isASCIIString(m.lab):
		return true // look-alike letters with one typo
	}
	common := o.weak || o.short()
	return squatTypo(m.lab, o.raw, !common, !o.short())
}

// squatTypo reports whether c is one edit of l of the kinds typo-squatting
// tools make: a key next to the intended one put in its place or beside
// it, one bit flipped, a look-alike letter, a letter doubled, two swapped,
// a letter added at the end, a vowel for a vowel (vowels) or a letter left
// out (omission). Both are lower-case ASCII.
func squatTypo(c, l string, vowels, omission bool) bool {
	i := 0
	for i < len(c) && i < len(l) && c[i] == l[i] {
		i++
	}
	switch {
	case len(c) == len(l)-1:
		return omission && c[i:] == l[i+1:]
	case len(c) == len(l)+1:
		if c[i+1:] != l[i:] {
			return false
		}
		x := c[i]
		return i == len(l) || // added at the end
			x == l[i] || i > 0 && x == l[i-1] || // doubled
			keyNear(l[i], x) || i > 0 && keyNear(l[i-1], x)
	case len(c) == len(l) && i < len(c):
		if c[i+1:] == l[i+1:] {
			a, b := l[i], c[i]
			vowel := strings.IndexByte("aeiou", a) >= 0 && strings.IndexByte("aeiou", b) >= 0
			if vowel && !vowels {
				return false
			}
			return vowel || twistSubst(a, b)
		}
		return i+1 < len(c) && c[i] == l[i+1] && c[i+1] == l[i] && c[i+2:] == l[i+2:]
	}
	return false
}

// twistSubst reports whether b is put for a by a squatter's tool: a key
// next to it, one bit flipped, or a look-alike letter.
func twistSubst(a, b byte) bool {
	if keyNear(a, b) {
		return true
	}
	if x := a ^ b; x&(x-1) == 0 {
		return true
	}
	return loose(string(a)) == loose(string(b)) || Fold(string(a)) == Fold(string(b))
}

// keyboardRows are the letter and digit rows of the QWERTY, QWERTZ and
// AZERTY layouts, each shifted half a key to the right of the one above.
var keyboardRows = [][4]string{
	{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
	{"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
	{"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"},
}

// keyNeighbours[a] holds the keys next to a on any of the layouts.
var keyNeighbours = func() [256]string {
	var out [256]string
	for _, rows := range keyboardRows {
		for r, row := range rows {
			for c := 0; c < len(row); c++ {
				add := func(rr, cc int) {
					if rr < 0 || rr >= len(rows) || cc < 0 || cc >= len(rows[rr]) {
						return
					}
					k := rows[rr][cc]
					if strings.IndexByte(out[row[c]], k) < 0 {
						out[row[c]] += string(k)
					}
				}
				add(r, c-1)
				add(r, c+1)
				add(r-1, c)
				add(r-1, c+1)
				add(r+1, c-1)
				add(r+1, c)
			}
		}
	}
	return out
}()

func keyNear(a, b byte) bool { return strings.IndexByte(keyNeighbours[a], b) >= 0 }

// pluralOf reports whether s is l with "s" or "es" put in after one of its
// letters (dnstwist's plural: amazeson, raksuten).
func pluralOf(s, l string) bool {
	for i := 1; i < len(l); i++ {
		if s == l[:i]+"es"+l[i:] {
			return true
		}
	}
	return false
}

// offerOff offers an imitation of o's official domain.
func (m *match) offerOff(o *offLabel, kind ImitationKind, matched string, swaps []string) {
	m.offer(m.offImitation(o, kind, matched, swaps))
}

func (m *match) offImitation(o *offLabel, kind ImitationKind, matched string, swaps []string) Imitation {
	im := Imitation{Kind: kind, Brand: &m.ix.brands[o.brand], Official: o.domain,
		Matched: matched, Keyword: o.raw, Swaps: swaps}
	if kind == ImitationOtherEnding {
		im.Real = m.h.Suffix
	}
	return im
}

// typoCandidates returns the official labels that share a deletion
// variant with s.
func (ox *offIndex) typoCandidates(s string, out []int32) []int32 {
	maxDel := 1
	if len(s) >= 7 {
		maxDel = 2
	}
	return ox.dels.candidates(s, maxDel, out)
}
