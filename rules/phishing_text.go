package rules

import (
	"net"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"
)

// This file holds what the phishing, one-click, support-scam, clickfix, download and mail signs
// share: their phrase tables, brand-name matching, the "does this page
// present itself as brand X" test, the warning-page test and the field
// classifier. Identifiers carry a phish prefix so that they cannot collide
// with the helpers of the other sign files in this package.

// phishTables is the data of these signs, read once from the embedded files.
type phishTables struct {
	words    map[string][]string // phishing_words.txt sections
	fields   map[string][]string // phishing_fields.txt sections
	download map[string][]string // phishing_download.txt sections
	oneclick map[string][]string // oneclick_phrases.txt sections
	support  map[string][]string // support_phrases.txt sections
	clickfix map[string][]string // clickfix_phrases.txt sections
	mail     map[string][]string // message_phrases.txt sections
	aliases  map[string][]string // brand name -> extra names
	// gateways maps a domain to its kind ("payment", "forms" or
	// "banking": phishing_gateways.txt).
	gateways map[string]string
	// neutral holds the domains a brand's mail may link to besides its own.
	neutral []string
	// splitWords are words["split-words"] as pairs of runes.
	splitWords map[[2]rune]bool
	// service and noise are words["service"] and words["copyright-noise"],
	// longest first (so that longer words are removed before their parts).
	service, noise []string
	// sets indexes every section above for one-pass searching:
	// sets.words["login"].find(s) is phishFind(s, words["login"]).
	sets struct {
		words, fields, download, oneclick, support, mail map[string]*phishLits
		// claims is oneclick's registration and registration-weak lists
		// in one: where it finds nothing, neither list does (one pass
		// over an honest page's lines instead of two).
		claims *phishLits
	}
}

var phishData = sync.OnceValue(func() *phishTables {
	t := &phishTables{
		words:    phishSections("phishing_words.txt"),
		fields:   phishSections("phishing_fields.txt"),
		download: phishSections("phishing_download.txt"),
		oneclick: phishSections("oneclick_phrases.txt"),
		support:  phishSections("support_phrases.txt"),
		clickfix: phishSections("clickfix_phrases.txt"),
		mail:     phishSections("message_phrases.txt"),
		aliases:  map[string][]string{},
		gateways: map[string]string{},
	}
	for _, l := range lines("phishing_brand_aliases.txt") {
		name, list, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		for _, a := range strings.Split(list, ",") {
			if a = strings.TrimSpace(a); a != "" {
				t.aliases[strings.TrimSpace(name)] = append(t.aliases[strings.TrimSpace(name)], a)
			}
		}
	}
	for _, l := range lines("phishing_gateways.txt") {
		f := strings.Fields(l)
		kind := "payment"
		if len(f) > 1 {
			kind = f[1]
		}
		t.gateways[strings.ToLower(f[0])] = kind
	}
	for _, l := range lines("message_neutral_domains.txt") {
		t.neutral = append(t.neutral, strings.ToLower(strings.Fields(l)[0]))
	}
	index := phishIndexSections
	t.sets.words, t.sets.fields, t.sets.download = index(t.words), index(t.fields), index(t.download)
	t.sets.oneclick, t.sets.support, t.sets.mail = index(t.oneclick), index(t.support), index(t.mail)
	t.sets.claims = newPhishLits(slices.Concat(t.oneclick["registration"], t.oneclick["registration-weak"], t.oneclick["unpaid-claim"]))
	t.splitWords = map[[2]rune]bool{}
	for _, w := range t.words["split-words"] {
		if rs := []rune(w); len(rs) == 2 {
			t.splitWords[[2]rune{rs[0], rs[1]}] = true
		}
	}
	t.service = phishLongestFirst(t.words["service"])
	t.noise = phishLongestFirst(t.words["copyright-noise"])
	return t
})

// phishLongestFirst returns a copy of list sorted by length, longest first.
func phishLongestFirst(list []string) []string {
	out := append([]string(nil), list...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// phishIndexSections indexes each section's phrases for one-pass
// searching (newPhishLits).
func phishIndexSections(secs map[string][]string) map[string]*phishLits {
	out := make(map[string]*phishLits, len(secs))
	for k, list := range secs {
		out[k] = newPhishLits(list)
	}
	return out
}

// phishSections reads an embedded file made of [name] sections; each phrase
// is NFKC-normalised and lower-cased, as the text it is compared with.
func phishSections(name string) map[string][]string {
	out := sections(name)
	for k, ls := range out {
		for i, l := range ls {
			ls[i] = phishNorm(l)
		}
		out[k] = ls
	}
	return out
}

// phishFind returns the first phrase of list found in s (already in
// phishNorm form), or "". ASCII phrases must stand as words: "pin" is not
// found in "shipping".
func phishFind(s string, list []string) string {
	for _, p := range list {
		if phishContains(s, p) {
			return p
		}
	}
	return ""
}

// phishFindRaw returns the first phrase of list that s contains as
// written (no word bounds, no folding), or "".
func phishFindRaw(s string, list []string) string {
	for _, w := range list {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// phishContains reports whether phrase occurs in s; a phrase that starts or
// ends with an ASCII letter or digit must not touch another one there.
func phishContains(s, phrase string) bool {
	if phrase == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		if phishBounded(s, i, i+len(phrase)) {
			return true
		}
		off = i + 1
	}
}

// phishBounded reports whether s[i:j] is not glued to ASCII letters or
// digits at an end that is itself an ASCII letter or digit.
func phishBounded(s string, i, j int) bool {
	if i >= j {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[i:j])
	last, _ := utf8.DecodeLastRuneInString(s[i:j])
	if phishAlnum(first) && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); phishAlnum(r) {
			return false
		}
	}
	if phishAlnum(last) && j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); phishAlnum(r) {
			return false
		}
	}
	return true
}

func phishAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// phishCount returns the distinct phrases of list found in s.
func phishCount(s string, list []string) []string {
	var out []string
	for _, p := range list {
		if phishContains(s, p) {
			out = append(out, p)
		}
	}
	return out
}

// ---------------------------------------------------------------- brands

// phishBrand is a brand with every name it goes by, ready for matching.
type phishBrand struct {
	b     *Brand
	names []phishName
	// all indexes every brand's names (the same index in every element),
	// so that a page's texts are searched once for all of them.
	all *phishNameIndex
	// idx is the brand's place in the list (and in all's answers).
	idx int
}

// phishNameIndex finds, in one pass over a text, which brands it names,
// and answers the other questions asked of every brand at once: is a host
// official for any of them, is a copyright holder one of their names.
type phishNameIndex struct {
	// lits holds every name lower-cased with phishLowerASCII, once each.
	lits *phishLits
	// refs gives, for each literal of lits, the names written so.
	refs  [][]phishNameRef
	brand map[string][]string // lower-cased name -> brand names
	// holders maps phishHolderNorm of a name to the brands it names, with
	// the first rune of the name lower-cased (see isHolder).
	holders map[string][]phishHolderRef
	// holderWord holds the longest word of each key of holders.
	holderWord *phishLits
	// official holds every official, infrastructure and group domain of
	// every brand, as written in the brand data.
	official map[string]bool
}

// phishNameRef is one brand name behind a literal of phishNameIndex.
type phishNameRef struct {
	brand int // index into the brand list
	name  phishName
}

// phishHolderRef is one brand name as a copyright holder.
type phishHolderRef struct {
	brand int
	first rune
}

// eachBrand calls fn with the index of the brand of every name that
// occurs in s as phishBrand.occurrences would find it (case as written for
// short names, any case for long ones, ASCII names standing as words),
// once for each place and name, until fn returns false.
func (x *phishNameIndex) eachBrand(s string, fn func(brand int) bool) {
	x.lits.each(s, true, func(at, k int) bool {
		for _, r := range x.refs[k] {
			j := at + len(r.name.text)
			if !r.name.fold && s[at:j] != r.name.text {
				continue
			}
			if phishBounded(s, at, j) && !fn(r.brand) {
				return false
			}
		}
		return true
	})
}

// anyName reports whether s names any brand (see eachBrand).
func (x *phishNameIndex) anyName(s string) bool {
	found := false
	x.eachBrand(s, func(int) bool { found = true; return false })
	return found
}

// firstBrand returns the lowest index of a brand named in s, or -1: the
// brand a loop over the list asking occurrences of each would stop at.
func (x *phishNameIndex) firstBrand(s string) int {
	best := -1
	x.eachBrand(s, func(b int) bool {
		if best < 0 || b < best {
			best = b
		}
		return best != 0
	})
	return best
}

// anyOfficial reports whether host is an official domain of any brand:
// phishOfficialHost with one look-up per label of host instead of one
// comparison per brand domain.
func (x *phishNameIndex) anyOfficial(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if len(h) > 253 || UserContentHost(h) {
		return false // no name DNS can hold; or anyone's to publish on
	}
	for {
		if x.official[h] {
			return true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			return false
		}
		h = h[i+1:]
	}
}

// holderBrands calls fn with each brand for which isHolder(holder) holds.
func (x *phishNameIndex) holderBrands(holder string, fn func(brand int)) {
	if holder == "" {
		return
	}
	for _, r := range x.holders[holder] {
		if strings.ContainsRune(holder, r.first) {
			fn(r.brand)
		}
	}
}

// phishName is one name of a brand. Names of four characters or fewer
// ("ANA", "JCB", "LINE", "VISA") are matched with their case as written,
// longer ones with any case; ASCII names must stand as words either way.
type phishName struct {
	text string // NFKC; lower case when fold
	fold bool
}

// phishBrandsOf returns the brands of the site's data (the shipped data
// when the site carries none), with their aliases.
func phishBrandsOf(d *Data) []phishBrand {
	if d == nil || d.Brands == nil {
		d = phishDefaultData()
	}
	return d.derived("phishBrands", func() any { return buildPhishBrands(d) }).([]phishBrand)
}

// buildPhishBrands does phishBrandsOf's work, once per Data.
func buildPhishBrands(d *Data) []phishBrand {
	al := phishData().aliases
	all := d.Brands.All()
	out := make([]phishBrand, 0, len(all))
	for i := range all {
		b := &all[i]
		seen := map[string]bool{}
		pb := phishBrand{b: b}
		cands := append([]string{b.Name}, b.Names...)
		cands = append(cands, al[b.Name]...)
		for _, n := range cands {
			n = strings.Join(strings.Fields(NFKC(n)), " ")
			if strings.Contains(n, " / ") || utf8.RuneCountInString(n) < 2 {
				continue
			}
			fold := utf8.RuneCountInString(n) > 4
			if fold {
				n = strings.ToLower(n)
			}
			if seen[n] {
				continue
			}
			seen[n] = true
			pb.names = append(pb.names, phishName{text: n, fold: fold})
		}
		// Longest names first, so that "三井住友カード" is taken before "SMBC".
		sort.SliceStable(pb.names, func(i, j int) bool { return len(pb.names[i].text) > len(pb.names[j].text) })
		out = append(out, pb)
	}
	idx := &phishNameIndex{brand: map[string][]string{}, holders: map[string][]phishHolderRef{}, official: map[string]bool{}}
	var lits []string
	at := map[string]int{}
	for bi, pb := range out {
		for _, n := range pb.names {
			l := phishLowerASCII(n.text)
			k, ok := at[l]
			if !ok {
				k = len(lits)
				at[l] = k
				lits = append(lits, l)
				idx.refs = append(idx.refs, nil)
			}
			idx.refs[k] = append(idx.refs[k], phishNameRef{brand: bi, name: n})
			idx.brand[l] = append(idx.brand[l], pb.b.Name)
			first, _ := utf8.DecodeRuneInString(strings.ToLower(n.text))
			hn := phishHolderNorm(n.text)
			idx.holders[hn] = append(idx.holders[hn], phishHolderRef{brand: bi, first: first})
		}
		for _, ds := range [][]string{pb.b.Domains, pb.b.InfraDomains, pb.b.GroupDomains} {
			for _, d := range ds {
				idx.official[d] = true
			}
		}
	}
	idx.lits = newPhishLits(lits)
	var words []string
	seenWord := map[string]bool{}
	for h := range idx.holders {
		long := ""
		for _, w := range strings.Fields(h) {
			if len(w) > len(long) {
				long = w
			}
		}
		if long != "" && !seenWord[long] {
			seenWord[long] = true
			words = append(words, long)
		}
	}
	sort.Strings(words)
	idx.holderWord = newPhishLits(words)
	for i := range out {
		out[i].all, out[i].idx = idx, i
	}
	return out
}

var phishDefaultData = sync.OnceValue(DefaultData)

// phishOccurrence is one place a brand name was found in a text.
type phishOccurrence struct {
	name          string
	before, after string // the text around it, lower case
}

// phishLowerASCII lower-cases the ASCII letters of s and leaves every other
// byte as it is: brand names differ in case only in Latin letters, and
// offsets stay the same (strings.ToLower is many times slower on Japanese
// text, and may change its length).
func phishLowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// occurrences returns where any of the brand's names occurs in s (NFKC).
func (pb phishBrand) occurrences(s string) []phishOccurrence {
	return pb.occurrencesIn(s, phishLowerASCII(s))
}

// occurrencesIn is occurrences with s already lower-cased as lower.
func (pb phishBrand) occurrencesIn(s, lower string) []phishOccurrence {
	var out []phishOccurrence
	var taken []bool
	for _, n := range pb.names {
		hay := s
		if n.fold {
			hay = lower
		}
		if len(hay) != len(s) { // lower-casing changed the length: search as is
			hay = s
		}
		for off := 0; off < len(hay); {
			i := strings.Index(hay[off:], n.text)
			if i < 0 {
				break
			}
			i += off
			j := i + len(n.text)
			off = i + 1
			if (taken != nil && taken[i]) || !phishBounded(hay, i, j) {
				continue
			}
			if taken == nil {
				taken = make([]bool, len(s)+1)
			}
			for k := i; k < j; k++ {
				taken[k] = true
			}
			out = append(out, phishOccurrence{
				name:   s[i:j],
				before: phishLowerASCII(s[:i]),
				after:  phishLowerASCII(s[j:]),
			})
		}
	}
	return out
}

// isProduct reports whether an occurrence of a brand name is a product,
// payment or federated-login mention ("Apple製品", "Amazon Pay",
// "LINEでログイン", "Sign in with Apple") rather than the page presenting
// itself as the brand.
func (o phishOccurrence) isProduct() bool {
	after := strings.TrimLeft(o.after, " ・")
	for _, w := range phishData().words["product"] {
		if strings.HasPrefix(after, w) && (!phishAlnum(rune(w[len(w)-1])) || phishBounded(after, 0, len(w))) {
			return true
		}
	}
	before := strings.TrimRight(o.before, " ")
	for _, w := range []string{"with", "via", "using", "for"} {
		if strings.HasSuffix(before, w) && phishBounded(before, len(before)-len(w), len(before)) {
			return true
		}
	}
	return false
}

// mentions reports whether s names the brand other than as a product.
func (pb phishBrand) mentions(s string) bool {
	for _, o := range pb.occurrences(s) {
		if !o.isProduct() {
			return true
		}
	}
	return false
}

// pure reports whether the text segment s is made only of the brand's name
// and words of the [service] list ("三井住友カード 会員ログイン", "Apple ID -
// サインイン", "ようこそ Amazon へ"): such a segment presents the page as the brand.
func (pb phishBrand) pure(s string, extra ...string) bool {
	occ := pb.occurrences(s)
	if len(occ) == 0 {
		return false
	}
	rest := s
	for _, o := range occ {
		if o.isProduct() {
			return false
		}
		rest = strings.Replace(rest, o.name, " ", 1)
	}
	rest = phishNorm(rest)
	for _, w := range extra {
		rest = phishRemoveWord(rest, w)
	}
	for _, w := range phishData().service {
		rest = phishRemoveWord(rest, w)
	}
	for _, r := range rest {
		if !(unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return false
		}
	}
	return true
}

// phishRemoveWord removes every occurrence of w from s that stands as a word
// (see phishBounded), leaving a space in its place.
func phishRemoveWord(s, w string) string {
	if !strings.Contains(s, w) {
		return s
	}
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			break
		}
		i += off
		if phishBounded(s, i, i+len(w)) {
			s = s[:i] + " " + s[i+len(w):]
			off = i + 1
			continue
		}
		off = i + 1
	}
	return s
}

// phishSegments splits a title into the parts sites join with separators
// ("ログイン | 三井住友カード", "Amazon.co.jp: サインイン").
func phishSegments(s string) []string {
	f := func(r rune) bool {
		switch r {
		case '|', '｜', '¦', '–', '—', '【', '】', '[', ']', '«', '»', '〈', '〉', '《', '》', '〔', '〕':
			return true
		}
		return false
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, f) {
		for _, p := range strings.Split(part, " - ") {
			for _, q := range strings.Split(p, ": ") {
				if q = strings.TrimSpace(q); q != "" {
					out = append(out, q)
				}
			}
		}
	}
	return out
}

// ---------------------------------------------------------- presentation

// How much of a page the presentation test reads. A page presents itself
// in its title, its top headings, its masthead and first lines, its logo
// and its footer; product lists further down add nothing but cost, so the
// reading stops there however long the page is.
const (
	phishViewLines    = 300 // first lines read for buttons, labels and captions
	phishViewFooter   = 100 // last lines read for the copyright line
	phishViewHeadings = 40  // headings read
	phishViewImages   = 6   // first images read for the logo
	phishMastLines    = 3   // first lines that make the masthead
	phishLogoImages   = 3   // first images that may be the page's own logo
)

// phishPresentation is one way a page presents itself as a brand.
type phishPresentation struct {
	brand *Brand
	// how: "title", "heading", "login", "copyright", "logo" or "masthead".
	how      string
	evidence string
}

// phishPresentedOn is phishPresentedUncached for a page of site, with the
// site's brands and the page's host, worked out once a check for all its
// pages (the credential and impersonation signs both ask, page by page).
func phishPresentedOn(site *Site, p *Page) []phishPresentation {
	brands := phishBrandsOf(site.Data)
	if site.memo == nil {
		return phishPresentedUncached(p, brands, phishPageHost(p, site))
	}
	// By page, aligned with site.Pages: a site has a few pages, so finding
	// one by a scan costs less than a map a site.
	all := sitePerPage(site, memoPhishPresented, func(m *siteMemo) *[][]phishPresentation { return &m.phishPresent }, func(m *siteMemo) *[1][]phishPresentation { return &m.phishPresentOne },
		func(_ int, q *Page) []phishPresentation {
			if q == nil {
				return nil
			}
			return phishPresentedUncached(q, brands, phishPageHost(q, site))
		})
	if i := phishPageIndex(site, p); i >= 0 && i < len(all) {
		return all[i]
	}
	return phishPresentedUncached(p, brands, phishPageHost(p, site))
}

// phishPresentedUncached returns how page p presents itself as brands that
// are not official on host, at most one presentation per brand (the
// strongest: title, heading and login wording before copyright before logo
// and masthead). It returns nothing when host is an official domain of any
// brand: a brand's own site naming a partner is not impersonation. An
// empty host is a saved page of unknown origin: official nowhere.
func phishPresentedUncached(p *Page, brands []phishBrand, host string) []phishPresentation {
	if len(brands) == 0 || phishOfficialHost(brands, host) {
		return nil
	}
	return phishPresentedPage(p, brands)
}

// phishPageBrands is a page's presentations for one brand list.
type phishPageBrands struct {
	brands []phishBrand
	out    []phishPresentation
}

// phishPresentedPage is how page p presents itself as brands, wherever it
// is served (the host only decides whether to ask): kept on the page for
// the first brand list asked (a batch has one Data), read only.
func phishPresentedPage(p *Page, brands []phishBrand) []phishPresentation {
	kept := pageDerive(p, pagePhishPresented, func(m *pageMemo) *phishPageBrands { return &m.phish }, func() phishPageBrands {
		return phishPageBrands{brands, clip(phishPresentedView(p, brands))}
	})
	if len(kept.brands) == len(brands) && &kept.brands[0] == &brands[0] {
		return kept.out
	}
	return phishPresentedView(p, brands)
}

// phishPresentedView does phishPresentedPage's work (brands not empty).
func phishPresentedView(p *Page, brands []phishBrand) []phishPresentation {
	v := newPhishPageView(p, brands) // on the stack: a view is read here only
	if v.named == nil {
		return nil // no brand named, none a copyright holder
	}
	var out []phishPresentation
	for i, pb := range brands {
		// A brand neither named in the texts read nor the holder of a
		// copyright line passes none of presentedAs's tests.
		if !v.named[i] && !v.holderOf[i] {
			continue
		}
		if pr, ok := v.presentedAs(pb); ok {
			out = append(out, pr)
		}
	}
	return out
}

// phishLine is a line with its lower-case form, and the page's own text
// when it was read otherwise (phishSeen): "" when it is text.
type phishLine struct{ text, lower, shown string }

// show is the line as the page has it, for the evidence.
func (l phishLine) show() string {
	if l.shown != "" {
		return l.shown
	}
	return l.text
}

// phishPageView is what of a page the presentation test reads, prepared
// once per page rather than once per brand, with the disguises of
// phishUnmask undone. Of the headings and lines it keeps only those that
// name a brand: every test of presentedAs looks for a brand's name in the
// text it reads (or for the brand as a copyright holder), so the others
// cannot present the page as anyone, and a page that names no brand costs
// one pass over its texts.
type phishPageView struct {
	title    string
	titleEv  string      // the title for the evidence (phishSeen)
	titleSeg []phishLine // the title's segments, when the title names a brand
	h1       []phishLine // each h1 naming a brand, with its segments in h1Seg
	h1Seg    [][]phishLine
	login    []phishLine // headings with login wording naming a brand, with their segments
	loginSeg [][]phishLine
	short    []phishLine               // short lines naming a brand: buttons, labels, captions
	mast     [phishMastLines]phishLine // the first lines, when short: the masthead (nmast of them)
	nmast    int
	holders  []phishLine // copyright lines (text) and their holders (lower)
	logo     *Image      // the first image with alt text, unless it is one of a row of badges
	// logoFile is the source of a logo without alt text whose file name
	// gave its brand (phishLogoFile), "" otherwise: logo then holds the
	// brand's name as its alt text.
	logoFile string
	// titleOnly says whether the title names nobody but is login words
	// only (a logo may then present the page): 0 not worked out yet, 1
	// no, 2 yes.
	titleOnly int8
	// named has a true for each brand (by its index) named in a text
	// above; holderOf for each brand some copyright holder above is. Both
	// are nil until a brand is named or a holder (most pages name none).
	named, holderOf []bool
}

// mark makes named and holderOf when first needed.
func (v *phishPageView) mark(brands int) {
	if v.named == nil {
		flags := make([]bool, 2*brands) // one array for both
		v.named, v.holderOf = flags[:brands:brands], flags[brands:]
	}
}

// newPhishPageView prepares page p for presentedAs; brands must come from
// phishBrandsOf (their name index is used).
func newPhishPageView(p *Page, brands []phishBrand) phishPageView {
	x := brands[0].all
	title, titleEv := phishSeen(p.Title)
	v := phishPageView{title: title, titleEv: titleEv}
	// note marks the brands s names and reports whether there were any.
	note := func(s string) bool {
		found := false
		x.eachBrand(s, func(b int) bool {
			v.mark(len(brands))
			v.named[b], found = true, true
			return true
		})
		return found
	}
	line := func(s, shown string) phishLine {
		l := phishLine{text: s, lower: phishLowerASCII(s)}
		if shown != s {
			l.shown = shown
		}
		return l
	}
	segs := func(s string) []phishLine {
		var out []phishLine
		for _, seg := range phishSegments(s) {
			out = append(out, line(seg, seg))
		}
		return out
	}
	if note(title) {
		// A name found in a segment is found in the whole title (the
		// separators are no letters), so a title naming nobody has no
		// segment to test.
		v.titleSeg = segs(title)
	}
	var h1Buf [4]string
	for _, t := range phishAppendH1(h1Buf[:0], p, phishViewHeadings) {
		t, shown := phishSeen(t)
		if t != "" && note(t) {
			v.h1 = append(v.h1, phishLine{text: t, shown: shown})
			v.h1Seg = append(v.h1Seg, segs(t))
		}
	}
	var login *phishLits
	for i, h := range p.Headings {
		if i >= phishViewHeadings {
			break
		}
		u, shown := phishSeen(h)
		if !x.anyName(u) {
			continue
		}
		if login == nil {
			login = phishData().sets.words["login"]
		}
		if login.has(phishNorm(h)) {
			note(u)
			v.login = append(v.login, phishLine{text: u, shown: shown})
			v.loginSeg = append(v.loginSeg, segs(u))
		}
	}
	mastNamed := false
	for i, l := range p.Lines {
		if i >= phishViewLines {
			break
		}
		if !phishShortLine(l) {
			continue
		}
		l, shown := phishSeen(l)
		named := note(l)
		if named {
			v.short = append(v.short, line(l, shown))
		}
		if i < phishMastLines {
			v.mast[v.nmast] = line(l, shown)
			v.nmast++
			mastNamed = mastNamed || named
		}
	}
	// The copyright line is in the footer, or at the top of a short page.
	x.eachHolder(p, func(l, holder string) bool {
		v.holders = append(v.holders, phishLine{text: l, lower: holder})
		x.holderBrands(holder, func(b int) {
			v.mark(len(brands))
			v.holderOf[b] = true
		})
		return true
	})
	// The logo presents the page only when its alt text names the brand,
	// and the masthead only when one of its lines does: without either,
	// where the logo is and whether the top is a row of badges does not
	// matter.
	altNamed := false
	for i := 0; i < len(p.Images) && i < phishLogoImages && !altNamed; i++ {
		alt, _ := phishUnmask(p.Images[i].Alt)
		altNamed = x.anyName(alt)
	}
	if altNamed || mastNamed {
		logo, badges := phishLogo(p, brands, v.masthead())
		if badges {
			v.nmast = 0
		}
		if v.logo = logo; v.logo != nil {
			note(v.logo.Alt)
		}
	}
	// A logo without alt text whose file is named for a brand
	// (logo_mufg_bank.png), on a page that names no brand and whose title
	// is login words only (「ログイン」): kits strip the alt text that
	// would name the brand and keep the file.
	if v.logo == nil && v.named == nil && len(p.Images) > 0 && phishOnlyService(title) {
		// A logo with alt text that names no brand (a shop's 「ショップ
		// ロゴ」) is the page's logo, whatever the files after it.
		if logo, _ := phishLogo(p, brands, v.masthead()); logo == nil {
			if im, b := phishLogoFile(p, brands); im != nil {
				v.logo, v.logoFile = im, im.Src
				v.mark(len(brands))
				v.named[b] = true
			}
		}
	}

	return v
}

// masthead is the masthead's lines.
func (v *phishPageView) masthead() []phishLine { return v.mast[:v.nmast] }

// titleOnlyService reports whether the view's title names nobody but is
// login words only (phishOnlyService), worked out the first time asked.
func (v *phishPageView) titleOnlyService() bool {
	if v.titleOnly == 0 {
		v.titleOnly = 1
		if phishOnlyService(v.title) {
			v.titleOnly = 2
		}
	}
	return v.titleOnly == 2
}

// phishShortLine reports whether a line is short and without sentence
// punctuation: a button, a label or a caption, not an article's prose
// quoting a lure. It is utf8.RuneCountInString(l) <= 40 &&
// !phishSentencePunct(l) in one pass over l, rune by rune as the count
// steps (kana and kanji taken three bytes at once): every E3 byte, with
// which the punctuation starts, begins a step, since no rune holds it
// inside. TestPhishShortLineAgrees holds it to the two passes.
func phishShortLine(l string) bool {
	if len(l) > 4*40 {
		return false
	}
	runes := 0
	for i := 0; i < len(l); runes++ {
		c := l[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if flCaseless3(l, i) {
			if c == 0xE3 && l[i+1] == 0x80 {
				if d := l[i+2]; d == 0x82 || d >= 0x8C && d <= 0x8F {
					return false // 。「」『』
				}
			}
			i += 3
			continue
		}
		_, w := utf8.DecodeRuneInString(l[i:])
		i += w
	}
	return runes <= 40
}

// phishSentencePunct is strings.ContainsAny(l, "。「」『』") by bytes: the
// five are U+3002 and U+300C to U+300F, encoded E3 80 82 and E3 80 8C to
// E3 80 8F.
func phishSentencePunct(l string) bool {
	for off := 0; ; {
		i := strings.Index(l[off:], "\xe3\x80")
		if i < 0 || off+i+2 >= len(l) {
			return false
		}
		i += off
		if c := l[i+2]; c == 0x82 || c >= 0x8C && c <= 0x8F {
			return true
		}
		off = i + 2
	}
}

// eachHolder calls fn with each copyright line of the page's first and
// last lines (the footer, or the top of a short page), its disguises
// undone, and its holder, when the holder may be a brand's name (see
// brandHolder; a holder naming no brand presents the page as no one),
// until fn returns false.
func (x *phishNameIndex) eachHolder(p *Page, fn func(line, holder string) bool) {
	for i, l := range p.Lines {
		if i >= phishViewLines && i < len(p.Lines)-phishViewFooter {
			continue
		}
		if !phishCopyrightLine(l) {
			continue
		}
		l, _ = phishUnmask(l)
		if holder, ok := x.brandHolder(l); ok && holder != "" && !fn(l, holder) {
			return
		}
	}
}

// phishCopyrightLine reports whether a line has a copyright sign, "(c)" or
// "copyright" in any case: what strings.ToLower(l) containing them would
// say, without lower-casing every line. Only two runes lower-case to ASCII
// letters (İ to i, the Kelvin sign to k); a line with either is
// lower-cased as before.
func phishCopyrightLine(l string) bool {
	if !phishMayCopyright(l) {
		return false // most lines: one pass instead of five searches
	}
	return phishCopyrightSearch(l)
}

// phishCopyrightSearch is phishCopyrightLine's searches, without the gate
// that spares most lines them.
func phishCopyrightSearch(l string) bool {
	if strings.Contains(l, "©") || phishIndexFoldASCII(l, "(c)", 0) >= 0 || phishIndexFoldASCII(l, "copyright", 3) >= 0 {
		return true
	}
	if phishLowersToASCII(l) {
		low := strings.ToLower(l)
		return strings.Contains(low, "copyright") || strings.Contains(low, "(c)")
	}
	return false
}

// phishMayCopyright reports whether l holds a byte without which
// phishCopyrightLine cannot hold: '(' for "(c)", 'y' or 'Y' for
// "copyright", C2 for ©. (Lower-casing makes ASCII of İ and the Kelvin
// sign only, i and k, so a line without '(' and 'y' has neither "(c)" nor
// "copyright" lower-cased either.) Four byte searches (the fast assembly
// one) cost less than phishCopyrightLine's searches for the strings, and
// than one loop over the bytes. TestPhishCopyrightLineAgrees holds
// phishCopyrightLine with it to phishCopyrightLine without it.
func phishMayCopyright(l string) bool {
	return strings.IndexByte(l, '(') >= 0 || strings.IndexByte(l, 'y') >= 0 || strings.IndexByte(l, 'Y') >= 0 || strings.IndexByte(l, 0xC2) >= 0
}

// phishIndexFoldASCII returns where w (lower-case ASCII) first occurs in s
// with ASCII letters compared in any case, or -1. The search runs on w's
// k-th byte (in either case) with the fast byte search, so k should name
// a byte that is rare in the text searched.
func phishIndexFoldASCII(s, w string, k int) int {
	lo, up := w[k], w[k]
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	next := func(c byte, from int) int {
		if i := strings.IndexByte(s[from:], c); i >= 0 {
			return from + i
		}
		return len(s)
	}
	nl, nu := next(lo, min(k, len(s))), len(s)
	if up != lo {
		nu = next(up, min(k, len(s)))
	}
	for {
		i := min(nl, nu)
		if i >= len(s) {
			return -1
		}
		if phishHasPrefix(s, i-k, w, true) {
			return i - k
		}
		if i == nl {
			nl = next(lo, i+1)
		} else {
			nu = next(up, i+1)
		}
	}
}

// phishLogo returns the page's own logo as a brand would show it: among
// the page's first images, the first with alt text that is marked as a logo
// (its file name, alt text or a surrounding element's id or class says
// logo, or it sits in an h1 or the page header). A banner or a row of
// badges is no logo: when the first images, or the masthead lines, name
// two or more brands or card networks (VISA, Mastercard, JCB, …: what a
// payment form accepts), there is none, and badges reports that the
// masthead is such a row too.
//
// Only the first phishLogoImages images can be the logo, so only their
// places are looked up: the walk stops at the last of them that the page
// has, and a page without images is not walked.
// TestPhishLogoPlacesAgree holds it to looking up the first
// phishViewImages (phishLogoUpTo).
func phishLogo(p *Page, brands []phishBrand, mast []phishLine) (logo *Image, badges bool) {
	return phishLogoUpTo(p, brands, mast, min(phishLogoImages, len(p.Images)))
}

// phishLogoUpTo is phishLogo looking up where the first places images sit.
func phishLogoUpTo(p *Page, brands []phishBrand, mast []phishLine, places int) (logo *Image, badges bool) {
	named := map[string]bool{}
	networks := phishData().sets.words["card-network"]
	note := func(text string) {
		lower := phishNorm(text)
		if n := networks.find(lower); n != "" {
			named["network:"+n] = true
			return
		}
		if b := brands[0].all.firstBrand(text); b >= 0 {
			named[brands[b].b.Name] = true
		}
	}
	// Where each of the first images sits, in the order of p.Images
	// (images without a source are not in it).
	var marked []bool
	if places > 0 {
		phishWalk(p, func(n *html.Node) bool {
			if n.Data == "img" && (phishAttr(n, "src") != "" || phishAttr(n, "data-src") != "") {
				marked = append(marked, phishLogoPlace(n))
			}
			return len(marked) < places
		})
	}
	for i := range p.Images {
		if i >= phishViewImages {
			break
		}
		alt, _ := phishUnmask(p.Images[i].Alt)
		if alt == "" {
			continue
		}
		note(alt)
		place := i < len(marked) && marked[i]
		src := strings.ToLower(p.Images[i].Src)
		if logo == nil && i < phishLogoImages && (place || strings.Contains(src, "logo") ||
			strings.Contains(strings.ToLower(alt), "logo") || strings.Contains(alt, "ロゴ")) {
			im := p.Images[i]
			im.Alt = alt
			logo = &im
		}
	}
	// Logos drawn in SVG (Page.Drawings) name brands as images do: a row
	// of them is a row of badges (a comparison site's card logos).
	for i, d := range p.Drawings {
		if i >= phishViewImages {
			break
		}
		if alt, _ := phishUnmask(d.Alt); alt != "" {
			note(alt)
		}
	}
	for _, l := range mast {
		note(l.text)
	}
	if len(named) >= 2 {
		return nil, true
	}
	return logo, false
}

// phishLogoFile returns the page's first image when it has no alt text and
// its file name is a logo's (a "logo" word) holding one of a brand's
// keywords as a word of its own (logo_mufg_bank.png, smbc-logo.svg; four
// letters at least), with the brand's first name for its alt text, and
// that brand's index; nil and -1 otherwise. Only the first: a kit's logo
// heads its page, while an honest login page's "log in with" buttons
// (logo_yahoo.png, logo_amazon_pay.png) come after the site's own logo.
func phishLogoFile(p *Page, brands []phishBrand) (*Image, int) {
	if len(p.Images) == 0 || strings.TrimSpace(p.Images[0].Alt) != "" {
		return nil, -1
	}
	im := p.Images[0]
	base := strings.ToLower(path.Base(im.Src))
	if j := strings.LastIndexByte(base, '.'); j > 0 {
		base = base[:j]
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	if !slices.Contains(words, "logo") {
		return nil, -1
	}
	for _, w := range words {
		if len(w) < 4 || w == "logo" {
			continue
		}
		for bi, pb := range brands {
			if len(pb.b.Names) > 0 && slices.Contains(pb.b.Keywords, w) {
				im.Alt = pb.b.Names[0]
				return &im, bi
			}
		}
	}
	return nil, -1
}

// phishLogoPlace reports whether an image sits where a site puts its own
// logo: in an h1 or a header element, or in an element whose id or class
// says logo or header.
func phishLogoPlace(img *html.Node) bool {
	n := img
	for depth := 0; depth < 4 && n != nil && n.Type == html.ElementNode; depth, n = depth+1, n.Parent {
		switch n.Data {
		case "h1", "header":
			return true
		case "body", "main", "article", "section", "form":
			return false
		}
		a := strings.ToLower(phishAttr(n, "id") + " " + phishAttr(n, "class"))
		if strings.Contains(a, "logo") || strings.Contains(a, "header") || strings.Contains(a, "brand") {
			return true
		}
	}
	return false
}

// phishWalk calls fn on the element nodes of p's document in document
// order until fn returns false. A plain walk costs far less than a
// selector on a long page, and stops as soon as it has what it needs.
func phishWalk(p *Page, fn func(n *html.Node) bool) {
	if p.Doc == nil || len(p.Doc.Nodes) == 0 {
		return
	}
	root := p.Doc.Nodes[0]
	for n := root; n != nil; {
		skip := p.skip != nil && p.skip[n] // a hidden element of a shown copy
		if n.Type == html.ElementNode && !skip && !fn(n) {
			return
		}
		if n.FirstChild != nil && !skip {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// phishAttr returns the value of an element's attribute, or "".
func phishAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// phishTopElements is how many elements from the top of a document the
// searches for the page's own h1 read: a page says what it is at its top.
const phishTopElements = 5000

// phishH1 returns the text of the page's first max h1 elements among its
// first phishTopElements elements, NFKC-normalised and folded; an h1 that
// is an image gives its alt text.
func phishH1(p *Page, max int) []string { return phishAppendH1(nil, p, max) }

// phishAppendH1 is phishH1 appending to dst (a buffer on the caller's
// stack). An h1 of one text node, folded already, costs no allocation.
func phishAppendH1(dst []string, p *Page, max int) []string {
	seen, found := 0, 0
	phishWalk(p, func(n *html.Node) bool {
		if seen++; seen > phishTopElements {
			return false
		}
		if n.Data != "h1" {
			return true
		}
		var text, alts phishTextAcc
		phishH1Texts(n.FirstChild, &text, &alts, p.skip)
		t := text.String()
		if strings.TrimSpace(t) == "" {
			// A heading that is an image: its alt text is the heading.
			t = alts.String()
		}
		if t = fold(NFKC(t)); t != "" {
			dst = append(dst, t)
			found++
		}
		return found < max
	})
	return dst
}

// phishH1Texts adds the text nodes under c and its siblings to text, and
// the alt text of their images, each after a space, to alts; scripts and
// styles are skipped, and so are the elements of skip.
func phishH1Texts(c *html.Node, text, alts *phishTextAcc, skip map[*html.Node]bool) {
	for ; c != nil; c = c.NextSibling {
		switch {
		case skip != nil && skip[c]:
		case c.Type == html.TextNode:
			text.add(c.Data)
		case c.Type == html.ElementNode && c.Data == "img":
			alts.add(" ")
			alts.add(phishAttr(c, "alt"))
		case c.Type == html.ElementNode && c.Data != "script" && c.Data != "style":
			phishH1Texts(c.FirstChild, text, alts, skip)
		}
	}
}

// phishTextAcc puts strings together, building a new one only from the
// second on: one string is kept as it is.
type phishTextAcc struct {
	first string
	n     int
	b     strings.Builder
}

// add appends s to the text.
func (a *phishTextAcc) add(s string) {
	switch a.n {
	case 0:
		a.first = s
	case 1:
		a.b.WriteString(a.first)
		fallthrough
	default:
		a.b.WriteString(s)
	}
	a.n++
}

// String returns the text put together: the one string added as it is.
func (a *phishTextAcc) String() string {
	if a.n <= 1 {
		return a.first
	}
	return a.b.String()
}

// presentedAs tests, strongest first, whether the page presents itself as
// the brand.
func (v *phishPageView) presentedAs(pb phishBrand) (phishPresentation, bool) {
	pr := phishPresentation{brand: pb.b}
	// The copyright line naming the brand as holder, on a page whose title
	// names the brand or nobody. A group company's own service carries the
	// parent's copyright under its own name (My Y!mobile, © SoftBank
	// Corp.); a kit's title names the brand or says nothing but ログイン.
	holder := func() bool {
		if !v.holderOf[pb.idx] || !v.titleOnlyService() && !pb.mentions(v.title) {
			return false
		}
		for _, h := range v.holders {
			if pb.isHolder(h.lower) {
				pr.how, pr.evidence = "copyright", h.text
				return true
			}
		}
		return false
	}
	if !v.named[pb.idx] {
		return pr, holder()
	}
	// The title, in its segments.
	for _, seg := range v.titleSeg {
		if pb.pure(seg.text) {
			pr.how, pr.evidence = "title", "ページの題名: "+v.titleEv
			return pr, true
		}
	}
	// Headings: an h1 made of the brand's name, or any heading made of the
	// brand's name and login wording ("Vpassログイン"). A heading that is
	// only a brand name below h1 is usually a shop's product category.
	for i, h := range v.h1 {
		for _, seg := range v.h1Seg[i] {
			if pb.pure(seg.text) {
				pr.how, pr.evidence = "heading", "h1: "+h.show()
				return pr, true
			}
		}
	}
	for i, h := range v.login {
		for _, seg := range v.loginSeg[i] {
			if pb.pure(seg.text) {
				pr.how, pr.evidence = "heading", "heading: "+h.show()
				return pr, true
			}
		}
	}
	// Login wording naming the brand on a short line (a button, a label, a
	// caption): "Vpassにログイン", "三井住友カード会員ログイン", "Sign in to Apple".
	for _, l := range v.short {
		for _, o := range pb.occurrencesIn(l.text, l.lower) {
			if !o.isProduct() && phishLoginPhrase(o) {
				pr.how, pr.evidence = "login", l.show()
				return pr, true
			}
		}
	}
	if holder() {
		return pr, true
	}
	// A logo whose alt text is the brand, on a page whose title names the
	// brand or says nothing but login words. Only the page's first images
	// are taken for its own logo: a shop's own logo comes first, card-brand
	// badges and product-brand logos later, and the shop's title names the
	// shop.
	if v.logo != nil && (v.titleOnlyService() || pb.mentions(v.title)) &&
		pb.pure(v.logo.Alt, "logo", "ロゴ", "画像", "image", "mark", "マーク") {
		pr.how, pr.evidence = "logo", "logo alt: "+v.logo.Alt
		if v.logoFile != "" {
			pr.evidence = "logo file: " + path.Base(v.logoFile)
		}
		return pr, true
	}
	// The masthead: one of the page's first lines is the brand's name
	// alone ("ETC利用照会サービス" in the header bar). Weaker than the
	// others: it counts only beside a field asking for a secret.
	for _, l := range v.masthead() {
		if pb.pure(l.text) {
			pr.how, pr.evidence = "masthead", "header: "+l.show()
			return pr, true
		}
	}
	return pr, false
}

// phishUnmask undoes the disguises kits put in brand names so that filters
// miss them: invisible format characters (zero-width spaces and joiners,
// soft hyphens, byte-order marks) are dropped, and Cyrillic or Greek
// letters that look like Latin ones ("Аmazon" with a Cyrillic А) are read
// as those in a word that has Latin letters too or is made of look-alikes
// only (a Russian word is left as it is). It reports whether it changed
// anything. Text without such characters is returned as it is, at the cost
// of one scan.
func phishUnmask(s string) (string, bool) {
	if !phishMasked(s) {
		return s, false
	}
	glyphs := phishHomoglyphs()
	rs := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.Is(unicode.Cf, r) {
			changed = true
			i++
			continue
		}
		if !unicode.IsLetter(r) || r >= 0x3000 {
			b.WriteRune(r)
			i++
			continue
		}
		// A word of alphabet letters (format characters inside it
		// dropped): its look-alikes are read as Latin when it has a Latin
		// letter too, or when every letter of it is a look-alike.
		j := i
		ascii, all := false, true
		for ; j < len(rs) && (unicode.IsLetter(rs[j]) && rs[j] < 0x3000 || unicode.Is(unicode.Cf, rs[j])); j++ {
			if unicode.Is(unicode.Cf, rs[j]) {
				continue
			}
			_, look := glyphs[rs[j]]
			ascii = ascii || rs[j] < utf8.RuneSelf
			all = all && (look || rs[j] < utf8.RuneSelf)
		}
		mix := ascii || all
		for k := i; k < j; k++ {
			switch a, look := glyphs[rs[k]]; {
			case unicode.Is(unicode.Cf, rs[k]):
				changed = true
			case look && mix:
				b.WriteByte(a)
				changed = true
			default:
				b.WriteRune(rs[k])
			}
		}
		i = j
	}
	return b.String(), changed
}

// phishMasked reports whether s has a rune phishUnmask may change: a
// format character (soft hyphen, zero-width space, byte-order mark, …) or
// a Greek or Cyrillic letter. ASCII and the runes U+3000 to U+EFFF (kana,
// CJK ideographs and punctuation: most of a Japanese page), which hold
// neither (TestPhishMaskedRange checks it), are passed over without
// decoding.
func phishMasked(s string) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			continue
		}
		if b >= 0xE3 && b <= 0xEE && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xAD && (r <= 0x52F && r >= 0x370 || r == 0xAD || unicode.Is(unicode.Cf, r)) {
			return true
		}
		i += n
	}
	return false
}

// phishHomoglyphs maps the Greek and Cyrillic letters whose confusable
// skeleton (Unicode TR 39) is one ASCII letter to that letter.
var phishHomoglyphs = sync.OnceValue(func() map[rune]byte {
	m := map[rune]byte{}
	for r := rune(0x370); r <= 0x52F; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		sk := confusables.Skeleton(string(r))
		if len(sk) == 1 && sk[0] < utf8.RuneSelf && unicode.IsLetter(rune(sk[0])) {
			m[r] = sk[0]
		}
	}
	return m
})

// phishOnlyService reports whether a title is empty or made only of login
// and service words ("ログイン", "本人確認"), naming no one.
func phishOnlyService(title string) bool {
	rest := phishNorm(title)
	for _, w := range phishData().service {
		rest = phishRemoveWord(rest, w)
	}
	for _, r := range rest {
		if !(unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return false
		}
	}
	return true
}

// phishLoginPhrase reports whether a brand name occurrence is the object of
// login wording: "〇〇にログイン", "〇〇会員ログイン", "〇〇ログイン", "Sign in to 〇〇".
// "〇〇でログイン" (log in with the brand's account: a federated login button
// on someone else's site) does not count.
func phishLoginPhrase(o phishOccurrence) bool {
	after := strings.TrimLeft(o.after, " ")
	for _, w := range []string{"にログイン", "へログイン", "にサインイン", "へサインイン", "会員ログイン",
		"ログイン", "サインイン", "会員専用ページ", "login", "log in", "sign in"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	before := strings.TrimRight(o.before, " ")
	for _, w := range []string{"sign in to", "log in to", "login to", "sign into", "log into", "welcome to", "ようこそ"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// phishCopyrightHolder returns the holder of a copyright line ("© 2024
// Sumitomo Mitsui Card Co., Ltd. All Rights Reserved." gives "sumitomo
// mitsui card"): the line without the sign, years and company words.
func phishCopyrightHolder(line string) (string, bool) {
	l, ok := phishAfterCopyright(line)
	if !ok {
		return "", false
	}
	return phishHolderNorm(l), true
}

// phishAfterCopyright returns a copyright line in phishNorm form after its
// sign (©, (c) or "copyright"); ok is false for a line without one, or one
// too long to be a copyright notice.
func phishAfterCopyright(line string) (string, bool) {
	l := phishNorm(line)
	i := strings.Index(l, "©")
	switch {
	case i >= 0:
		l = l[i+len("©"):]
	case strings.HasPrefix(l, "(c)"):
		l = l[3:]
	case strings.HasPrefix(l, "copyright"):
		l = l[len("copyright"):]
	default:
		return "", false
	}
	if utf8.RuneCountInString(l) > 120 {
		return "", false
	}
	return l, true
}

// brandHolder is phishCopyrightHolder for the holders that may be a
// brand's name: it reports false, without stripping the company words,
// when no brand's normalised name can be the holder, because the longest
// word of none occurs in the line (every word of a holder is a piece of
// the line in phishNorm form: stripping only blanks parts out).
func (x *phishNameIndex) brandHolder(line string) (string, bool) {
	l, ok := phishAfterCopyright(line)
	if !ok {
		return "", false
	}
	l = phishNorm(l)
	found := false
	x.holderWord.each(l, false, func(int, int) bool { found = true; return false })
	if !found {
		return "", false
	}
	return phishHolderNormed(l), true
}

// phishHolderNorm strips the company words, years and punctuation of a
// copyright holder or brand name, so that they can be compared.
func phishHolderNorm(s string) string {
	return phishHolderNormed(phishNorm(s))
}

// phishHolderNormed is phishHolderNorm of a text already in phishNorm
// form.
func phishHolderNormed(s string) string {
	s = strings.ReplaceAll(s, "(c)", " ")
	s = strings.ReplaceAll(s, "©", " ")
	for _, w := range phishData().noise {
		s = phishRemoveWord(s, w)
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isHolder reports whether a normalised copyright holder is one of the
// brand's names.
func (pb phishBrand) isHolder(holder string) bool {
	if pb.all != nil {
		found := false
		pb.all.holderBrands(holder, func(b int) { found = found || b == pb.idx })
		return found
	}
	return pb.isHolderSlow(holder)
}

// isHolderSlow is isHolder without the index: each name normalised and
// compared in turn (what the index answers in one look-up).
func (pb phishBrand) isHolderSlow(holder string) bool {
	if holder == "" {
		return false
	}
	for _, n := range pb.names {
		// Cheap test first: the holder must share the name's first letter.
		if r, _ := utf8.DecodeRuneInString(strings.ToLower(n.text)); !strings.ContainsRune(holder, r) {
			continue
		}
		if phishHolderNorm(n.text) == holder {
			return true
		}
	}
	return false
}

// ------------------------------------------------------------- warnings

// phishWarningLine reports whether a line is the fraud's own claim to be
// genuine (「これは架空請求ではありません」), which must not count as a warning.
func phishNegated(line string) bool {
	return phishData().sets.words["negation"].has(line)
}

// phishWarningText weighs text (lines in phishNorm form) as an explanation
// of or warning about fraud: it returns the number of distinct strong and
// weak warning phrases found, lines that deny being fraud or excuse those
// who paid ([warning-void]: a bill's own courtesy) left out.
func phishWarningText(lines []string) (strong, weak int) {
	w := phishData().sets.words
	seen := map[string]bool{}
	for _, l := range lines {
		if phishNegated(l) || w["warning-void"].has(l) {
			continue
		}
		for _, p := range w["warning-strong"].all(l) {
			if !seen[p] {
				seen[p] = true
				strong++
			}
		}
		for _, p := range w["warning-weak"].all(l) {
			if !seen[p] {
				seen[p] = true
				weak++
			}
		}
	}
	return strong, weak
}

// phishWarningLines is how many of a page's first lines the warning test
// reads: a warning or news article says what it is near its top.
const phishWarningLines = 400

// phishWarningPage reports whether p is a warning, news or explanation page
// about fraud: its title or h1 says so, or its first lines add up as a
// warning.
func phishWarningPage(p *Page) bool {
	tops := append([]string{p.Title}, phishH1(p, 5)...)
	for _, t := range tops {
		t = phishNorm(t)
		if t != "" && !phishNegated(t) && phishData().sets.words["warning-title"].has(t) {
			return true
		}
	}
	lines := p.Lines
	if len(lines) > phishWarningLines {
		lines = lines[:phishWarningLines]
	}
	norm := make([]string, len(lines))
	for i, l := range lines {
		norm[i] = phishNorm(l)
	}
	// Strong phrases weigh 2, weak ones 1; 3 makes a warning page.
	strong, weak := phishWarningText(norm)
	return 2*strong+weak >= 3
}

// ----------------------------------------------------------------- hosts

// phishPageHost is the host a page was served from: its URL's host, or the
// site's when the page has no web URL (a saved file).
func phishPageHost(p *Page, site *Site) string {
	// Worked out once a site for all its pages (three signs ask, page by
	// page, and parsing a URL costs more than the rest of their work on a
	// page naming no brand). A site without a memo gets no map.
	if site.memo == nil {
		return phishPageHostUncached(p, site)
	}
	hosts := sitePerPage(site, memoPhishPageHosts, func(m *siteMemo) *[]string { return &m.phishHosts }, func(m *siteMemo) *[1]string { return &m.phishHostsOne },
		func(_ int, sp *Page) string { return phishPageHostUncached(sp, site) })
	if i := phishPageIndex(site, p); i >= 0 && i < len(hosts) {
		return hosts[i]
	}
	return phishPageHostUncached(p, site)
}

// phishPageIndex returns the index of p among site.Pages, or -1 (nil
// pages are never found: a map keyed by page did not hold them either).
func phishPageIndex(site *Site, p *Page) int {
	if p == nil {
		return -1
	}
	for i, q := range site.Pages {
		if q == p {
			return i
		}
	}
	return -1
}

// phishPageHostUncached does phishPageHost's work for one page.
func phishPageHostUncached(p *Page, site *Site) string {
	if p != nil {
		if u := pageURLOf(p); u != nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" {
			return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
		}
	}
	h := site.ASCIIHost
	if h == "" {
		h = site.Host
	}
	if h == "" {
		if u, err := url.Parse(site.URL); err == nil {
			h = u.Hostname()
		}
	}
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// phishHostLabel names host in evidence; "" is a saved page whose origin
// is unknown.
// phishHostLabelEN is phishHostLabel for an English reader.
func phishHostLabelEN(host string) string {
	if host == "" {
		return "origin unknown (a saved page)"
	}
	return host
}

// phishEvidenceEN says a presentation's evidence with an English label
// (the page's own words stay as they are).
func phishEvidenceEN(ev string) string {
	if rest, ok := strings.CutPrefix(ev, "ページの題名: "); ok {
		return "page title: " + rest
	}
	return ev
}

func phishHostLabel(host string) string {
	if host == "" {
		return "配信元不明（保存されたページ）"
	}
	return host
}

// phishRegDomain returns the registrable domain (eTLD+1) of host, or host
// itself when it has none (an IP address, a bare public suffix).
func phishRegDomain(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if net.ParseIP(host) != nil {
		return host
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}

// phishOfficialList names a brand's first official domains for evidence
// and messages (some brands have dozens).
func phishOfficialList(b *Brand) string {
	const show = 3
	if len(b.Domains) <= show {
		return strings.Join(b.Domains, ", ")
	}
	return strings.Join(b.Domains[:show], ", ") + ", …"
}

// phishUnder reports whether host is domain or one of its subdomains.
func phishUnder(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// ---------------------------------------------------------------- fields

// phishCred is a set of the kinds of secrets form fields ask for.
type phishCred uint16

// The kinds of secrets, as classified from a field.
const (
	credPassword phishCred = 1 << iota
	credCard
	credExpiry
	credCSC
	credPIN
	credPIN2
	credRandom
	credOTP
	credAccount
	credBirth
)

// phishCredOrder is the order kinds are tried in, with their section name
// in phishing_fields.txt and how evidence names them.
var phishCredOrder = []struct {
	kind    phishCred
	section string
	ja, en  string
}{
	{credPIN2, "pin2", "第二暗証番号", "second PIN"},
	{credRandom, "random", "乱数表", "security number card (乱数表)"},
	{credOTP, "otp", "ワンタイムパスワード", "one-time password"},
	{credPIN, "pin", "暗証番号", "PIN"},
	{credCSC, "csc", "セキュリティコード", "security code"},
	{credExpiry, "expiry", "有効期限", "expiry date"},
	{credCard, "card", "カード番号", "card number"},
	{credAccount, "account", "口座番号", "bank account number"},
	{credBirth, "birth", "生年月日", "date of birth"},
	{credPassword, "password", "パスワード", "password"},
}

// phishClassify says which secret a form field asks for, from its label,
// placeholder, autocomplete value, name and id, and type; 0 for none.
func phishClassify(in Input) phishCred {
	switch in.Type {
	case "hidden", "submit", "button", "image", "reset", "checkbox", "radio", "file", "search", "color", "range", "email", "url":
		return 0
	}
	f := phishData().fields
	fs := phishData().sets.fields
	label := phishNorm(in.Label + " \n " + in.Placeholder)
	if fs["label:none"].has(label) {
		return 0
	}
	for _, k := range phishCredOrder {
		if fs["label:"+k.section].has(label) {
			return k.kind
		}
	}
	switch ac := in.Autocomplete; {
	case strings.Contains(ac, "cc-number"):
		return credCard
	case strings.Contains(ac, "cc-csc"):
		return credCSC
	case strings.Contains(ac, "cc-exp"):
		return credExpiry
	case strings.Contains(ac, "current-password"), strings.Contains(ac, "new-password"):
		return credPassword
	case strings.Contains(ac, "one-time-code"):
		return credOTP
	case strings.Contains(ac, "bday"):
		return credBirth
	}
	toks := phishNameTokens(in.Name + " " + in.ID)
	has := func(list []string) bool {
		for _, t := range toks {
			for _, w := range list {
				if t == w {
					return true
				}
			}
		}
		return false
	}
	if has(f["name:none"]) {
		return 0
	}
	for _, k := range phishCredOrder {
		if has(f["name:"+k.section]) {
			return k.kind
		}
	}
	if in.Type == "password" {
		return credPassword
	}
	return 0
}

// phishNameTokens splits name and id attributes into lower-case words at
// punctuation, digits-to-letters and camelCase, and adds each adjacent pair
// joined ("cardNumber2" gives card, number, 2, cardnumber, number2).
func phishNameTokens(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			if prev >= '0' && prev <= '9' {
				flush()
			}
			cur = append(cur, r)
		case r >= 'A' && r <= 'Z':
			if prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' {
				flush()
			}
			cur = append(cur, r)
		case r >= '0' && r <= '9':
			if !(prev >= '0' && prev <= '9') {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	out := append([]string{}, words...)
	for i := 0; i+1 < len(words); i++ {
		out = append(out, words[i]+words[i+1])
	}
	if len(words) > 0 {
		out = append(out, strings.Join(words, ""))
	}
	return out
}

// phishFormCreds is what one form asks for.
type phishFormCreds struct {
	form  *Form
	kinds phishCred
	// fields names each secret field as shown to the visitor (its label,
	// or the kind when it has none).
	fields []string
	// pinCard is true when a PIN field's own label speaks of a card, cash
	// card, ATM or bank account (「キャッシュカードの暗証番号」).
	pinCard bool
}

// phishFormsCreds classifies every form of p.
func phishFormsCreds(p *Page) []phishFormCreds {
	var out []phishFormCreds
	for i := range p.Forms {
		f := &p.Forms[i]
		fc := phishFormCreds{form: f}
		for _, in := range f.Inputs {
			k := phishClassify(in)
			if k == 0 {
				continue
			}
			fc.kinds |= k
			name := Clip(strings.TrimSpace(in.Label), 24)
			if !phishWordy(name) {
				name = Clip(in.Placeholder, 24)
			}
			if !phishWordy(name) {
				name = phishCredName(k, "ja")
			}
			if !phishHas(fc.fields, name) {
				fc.fields = append(fc.fields, name)
			}
			if k == credPIN {
				l := phishNorm(in.Label + " " + in.Placeholder)
				if phishFind(l, []string{"キャッシュカード", "atm", "カード", "口座", "銀行"}) != "" {
					fc.pinCard = true
				}
			}
		}
		if fc.kinds != 0 {
			out = append(out, fc)
		}
	}
	return out
}

// phishWordy reports whether s has a letter in it (a label, not the
// digits of a neighbouring select's options).
func phishWordy(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// phishCredName names a kind in lang.
func phishCredName(k phishCred, lang string) string {
	for _, c := range phishCredOrder {
		if c.kind == k {
			if lang == "en" {
				return c.en
			}
			return c.ja
		}
	}
	return ""
}

func phishHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
