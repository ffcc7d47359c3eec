package rules

import (
	"strings"
	"unicode/utf8"
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
	// letters is the label folded letter by letter (foldLetters): icloud
	// stays lcloud where Fold reads ldoud, so that its typos are found
	// whichever way they are read (ic-loud, lcloub).
	letters string
	suffix  string // co.jp
	// sub are the subdomain labels of an official host given with one
	// (line of line.naver.jp, whose registrable part naver.jp is another
	// company's): a look-alike of its label counts only with them in
	// front (line.nauer.jp, line.naver.xyz).
	sub []string
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
	suffixes  map[string]bool // the endings of the official domains: typos count only there
	byLoose   map[string][]int32
	byJoined  map[string][]int32
	byVarious map[string][]int32
	dels      *delIndex
}

// newOffIndex indexes the registrable labels of the brands' official
// domains (Domains; not their infrastructure or group domains, whose names
// nobody imitates). An official host given with a subdomain whose
// registrable part is another company's (line.naver.jp) is indexed with
// its subdomain; one under another official domain (smt.docomo.ne.jp) is
// left to that domain.
func newOffIndex(brands []Brand, weakWord func(string) bool) *offIndex {
	// The maps are made to about the number of labels and forms they
	// hold (labels repeat under several endings; grown by doubling from
	// nothing, they cost most of this index's build).
	domains, every := 0, 0
	for _, b := range brands {
		domains += len(b.Domains)
		every += len(b.Domains) + len(b.InfraDomains) + len(b.GroupDomains)
	}
	ox := &offIndex{byLoose: make(map[string][]int32, domains/2), byJoined: make(map[string][]int32, domains/2),
		byVarious: make(map[string][]int32, 3*domains), bySuffix: make(map[string]bool, domains), suffixes: map[string]bool{},
		labels: make([]offLabel, 0, domains)}
	all := make(map[string]bool, every)
	for _, b := range brands {
		for _, ds := range [][]string{b.Domains, b.InfraDomains, b.GroupDomains} {
			for _, d := range ds {
				all[d] = true
			}
		}
	}
	underOfficial := func(host string) bool {
		for h := host; strings.Contains(h, "."); {
			h = h[strings.IndexByte(h, '.')+1:]
			if all[h] {
				return true
			}
		}
		return false
	}
	seen := make(map[string]bool, domains)
	// The deletion variants are indexed once the labels are known, in the
	// same order, into an index made to their number.
	type delForm struct {
		s     string
		depth int
		id    int32
	}
	var forms []delForm
	for bi, b := range brands {
		for _, d := range b.Domains {
			h, err := ParseHost(d)
			if err != nil || h.IP || h.Label == "" || h.Hosted || seen[h.ASCII] {
				continue
			}
			seen[h.ASCII] = true
			o := offLabel{brand: bi, domain: h.ASCII, raw: h.Label, label: Fold(h.Label), suffix: h.Suffix, sub: h.Sub,
				letters: foldLetters(h.Label)}
			if len(h.Sub) > 0 && underOfficial(h.ASCII) {
				continue // under another official domain (smt.docomo.ne.jp)
			}
			o.weak = weakWord(o.label)
			if len(o.label) < 2 {
				continue // a.co: one letter is no name to imitate
			}
			id := int32(len(ox.labels))
			ox.labels = append(ox.labels, o)
			ox.suffixes[o.suffix] = true
			if len(o.sub) == 0 {
				ox.bySuffix[o.label+"."+o.suffix] = true
			}
			ox.byLoose[loose(o.label)] = append(ox.byLoose[loose(o.label)], id)
			for _, form := range uniqueStrings(o.label, o.letters) {
				j := strings.ReplaceAll(form, "-", "")
				ox.byJoined[j] = append(ox.byJoined[j], id)
				forms = append(forms, delForm{form, o.budget(), id})
			}
			if len(o.label) >= 3 {
				for _, v := range variousForms(o.raw, o.suffix, h.Sub) {
					v = Fold(v)
					ox.byVarious[v] = append(ox.byVarious[v], id)
				}
			}
		}
	}
	variants := 0
	for _, f := range forms {
		variants += delVariants(len(f.s), f.depth)
	}
	ox.dels = newDelIndex(variants)
	for _, f := range forms {
		ox.dels.add(f.s, f.depth, f.id)
	}
	return ox
}

// variousForms are the labels that run an official label together with
// its ending (or its subdomain), as dnstwist's "various" fuzzer and
// phishers write them: amazonco (amazonco.jp), amazoncojp, amazon-co-jp,
// applecom, jcb-jp, linenaver.
func variousForms(label, suffix string, sub []string) []string {
	parts := strings.Split(suffix, ".")
	forms := []string{
		label + strings.Join(parts, ""),
		label + "-" + strings.Join(parts, "-"),
	}
	if len(parts) > 1 {
		forms = append(forms, label+parts[0], label+"-"+parts[0])
	}
	if len(sub) > 0 {
		// The subdomain run into the label: linenaver.jp, line-naver.jp.
		forms = append(forms, strings.Join(sub, "")+label, strings.Join(sub, "-")+"-"+label)
	}
	return uniqueStrings(forms...)
}

// loose maps a folded label to its look-alike skeleton: the letters that
// a squatter's tool puts for one another (dnstwist's ASCII glyphs) become
// one: m, n and r, and runs of them (nn, rn, rr); c and e; b and d; g and
// q; u and v; 3 and 8; 6 and 9. Its letter pairs for one letter (lb, dl,
// lh, lc) are undone separately (pairGlyphs): after Fold's i→l they would
// be read into names that have them (kddi folds to kddl).
func loose(s string) string { return string(appendLoose(nil, s)) }

// appendLoose appends loose(s) to b.
func appendLoose(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
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
		if c == 'n' && len(b) > 0 && b[len(b)-1] == 'n' {
			continue // nn for m, rn, mr, …: one n
		}
		b = append(b, c)
	}
	return b
}

// officialLabels compares the registrable label (and the subdomain labels
// just before it) with the official labels.
func (m *match) officialLabels() {
	ox := m.ix.off
	if ox == nil || len(m.fl) < 2 || len(m.fl) > 63 {
		return
	}
	// The label spelled with look-alike letters.
	var buf [64]byte
	for _, id := range ox.byLoose[string(appendLoose(buf[:0], m.fl))] {
		if o := &ox.labels[id]; m.subOK(o, 0) {
			m.offLookAlike(o)
		}
	}
	// Letter pairs put for one letter: lc for k, lh for h, lb for b, dl
	// for d (lcddi.com, softdanlc.co.jp).
	if hasPairGlyph(m.lab) {
		if alt := Fold(pairGlyphs.Replace(m.lab)); alt != m.fl {
			for _, id := range ox.byLoose[string(appendLoose(buf[:0], alt))] {
				if o := &ox.labels[id]; (o.strong() || !o.weak && m.h.Suffix == o.suffix) && m.subOK(o, 0) {
					m.offerOff(o, ImitationHomoglyph, m.lab, homoglyphSwaps(m.lab, o.raw))
				}
			}
		}
	}
	// Hyphens put in (ama-zon.co.jp, mizuho-b-k.co.jp) or left out
	// (rakutenbank.co.jp).
	forms := []string{m.fl}
	if isASCIIString(m.lab) && len(m.lab) != len(m.fl) {
		forms = append(forms, foldLetters(m.lab)) // Fold read a pair as one letter
	}
	for _, form := range forms {
		for _, id := range ox.byJoined[strings.ReplaceAll(form, "-", "")] {
			o := &ox.labels[id]
			if strings.Count(form, "-") != strings.Count(o.label, "-") && m.sameOrStrong(o) && m.subOK(o, 0) {
				im := m.offImitation(o, ImitationHyphen, m.lab, nil)
				if strings.Count(form, "-") < strings.Count(o.label, "-") {
					im.Edit = "hyphen-omitted"
				}
				m.offer(im)
			}
		}
	}
	// Dots put in: ama.zon.co.jp, smbc-c.ard.com.
	for k := 1; k <= 2 && k <= len(m.h.Sub); k++ {
		n := len(m.h.Sub)
		joined := Fold(strings.Join(m.uni[n-k:n], "") + m.lab)
		for _, id := range ox.byJoined[strings.ReplaceAll(joined, "-", "")] {
			o := &ox.labels[id]
			if joined == o.label && m.sameOrStrong(o) && m.subOK(o, k) {
				m.offerOff(o, ImitationDotted, strings.Join(m.uni[n-k:n+1], "."), nil)
			}
		}
	}
	// The label run together with its ending: amazonco.jp, applecom.com.
	for _, id := range ox.byVarious[m.fl] {
		if o := &ox.labels[id]; len(o.sub) == 0 || m.h.Suffix == o.suffix || cheapEnding(m.h) {
			m.offerOff(o, ImitationFakeSuffix, m.lab, nil)
		}
	}
	m.offTypos()
}

// subOK reports whether o's subdomain labels, if it has any, stand in
// front of the label (after the last skip labels, which a dot put into
// the label made: line.na.ver.jp).
func (m *match) subOK(o *offLabel, skip int) bool {
	if len(o.sub) == 0 {
		return true
	}
	n := len(m.h.Sub) - skip
	if n < len(o.sub) {
		return false
	}
	for i, l := range o.sub {
		if m.h.Sub[n-len(o.sub)+i] != l {
			return false
		}
	}
	return true
}

// hasPairGlyph reports whether s has one of pairGlyphs' letter pairs.
func hasPairGlyph(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if c, n := s[i], s[i+1]; c == 'l' && (n == 'c' || n == 'h' || n == 'b') || c == 'd' && n == 'l' {
			return true
		}
	}
	return false
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
		if m.h.Suffix == o.suffix || m.jpAt || o.strong() && len(o.sub) == 0 {
			return // the keyword checks handle distinctive names
		}
		if cheapEnding(m.h) || countryEnding(m.h) && (!o.weak || !genericCountry[m.h.Suffix]) {
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
		case o.strong(), !o.weak && m.h.Suffix == o.suffix && utf8.RuneCountInString(m.lab) <= len(o.raw)+1 && !words().honest[m.fl]:
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
// where a Japanese brand's short or common name is an imitation too: but
// not jp, where the brand itself may hold it, nor a country's ending under
// a second level (co.uk, com.au), where global brands keep their country
// sites.
func countryEnding(h HostName) bool {
	return len(h.Suffix) == 2 && isASCIIString(h.Suffix) && h.Suffix != "jp"
}

// genericCountry are country endings sold and used as generic ones (io for
// start-ups, tv for video, me for personal pages): a common word there is
// mostly someone's own name (apple.tv, line.me).
var genericCountry = map[string]bool{
	"io": true, "co": true, "me": true, "tv": true, "ai": true, "cc": true, "to": true, "fm": true,
	"ly": true, "gg": true, "ws": true, "la": true, "ac": true, "sh": true, "im": true, "is": true,
	"so": true, "vc": true, "am": true, "st": true, "nu": true, "tk": true,
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
	if len(s) < 3 || !ox.suffixes[m.h.Suffix] || words().honest[s] {
		return // no official domain has this ending, or an honest word
	}
	// The label folded as a whole and letter by letter: rakutrn is
	// rakutm to Fold, a letter from rakuten only letter by letter.
	forms := []string{s}
	if isASCIIString(m.lab) && len(m.lab) != len(s) {
		forms = append(forms, foldLetters(m.lab)) // Fold read a pair as one letter
	}
	var buf [8]int32
	ids := buf[:0]
	for _, f := range forms {
		ids = ox.typoCandidates(f, ids)
	}
	for _, id := range ids {
		o := &ox.labels[id]
		if o.suffix != m.h.Suffix || s == o.label || !m.subOK(o, 0) {
			continue
		}
		budget := o.budget()
		d, edit, form := budget+2, "", ""
		for i, f := range forms {
			l := o.label
			if i > 0 {
				l = o.letters
			}
			if strings.ReplaceAll(f, "-", "") == strings.ReplaceAll(l, "-", "") && strings.Count(f, "-") != strings.Count(l, "-") {
				continue // hyphens put in or left out: the hyphen checks' part
			}
			fd, fedit := osa(f, l, budget), ""
			switch {
			case fd > budget && budget == 1 && len(f) == len(l)+2 && pluralOf(f, l):
				fd, fedit = 2, "plural"
			case fd > budget:
				continue
			case fd == 1:
				fedit = classifyEdit(f, l)
			}
			if fd < d {
				d, edit, form = fd, fedit, f
			}
		}
		if d > budget && edit != "plural" || d == 0 || form == "" {
			continue
		}
		if d <= budget && (len(m.lab)-len(o.raw) > budget || len(o.raw)-len(m.lab) > budget) {
			continue // a typo only of what Fold made of it (loud is no icloud)
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
	// Vowel swaps make other words of word-like names (aion.com beside
	// aeon.com): they count for distinctive names and for initials with
	// one vowel at most (mifg.jp beside mufg.jp).
	vowels := !o.weak && (!o.short() || strings.Count(o.raw, "a")+strings.Count(o.raw, "e")+
		strings.Count(o.raw, "i")+strings.Count(o.raw, "o")+strings.Count(o.raw, "u") <= 1)
	return squatTypo(m.lab, o.raw, vowels, !o.short())
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
			x == 's' || // dnstwist's plural
			keyNear(l[i], x) || i > 0 && keyNear(l[i-1], x)
	case len(c) == len(l) && i < len(c):
		if c[i+1:] == l[i+1:] {
			a, b := l[i], c[i]
			if twistSubst(a, b) {
				return true
			}
			return vowels && strings.IndexByte("aeiou", a) >= 0 && strings.IndexByte("aeiou", b) >= 0
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
