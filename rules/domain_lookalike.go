package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ImitationKind says how a domain imitates a brand.
type ImitationKind int

// The ways a domain imitates a brand, strongest first.
const (
	// ImitationNone: no imitation found.
	ImitationNone ImitationKind = iota
	// ImitationHomoglyph: spelled with look-alike characters (Cyrillic а
	// for a, rn for m, 0 for o).
	ImitationHomoglyph
	// ImitationSubdomain: an official domain placed in front of another
	// domain (amazon.co.jp.verify-xx.top).
	ImitationSubdomain
	// ImitationOtherEnding: the brand's own label under another ending
	// (smbc-card.cn, rakuten.top, mizuhobank.com, rakuten.github.io).
	ImitationOtherEnding
	// ImitationFakeSuffix: a fake Japanese ending glued on
	// (amazon-co-jp.net, amazon.co-jp.com).
	ImitationFakeSuffix
	// ImitationTypo: one or two letters left out, added, doubled, changed
	// or swapped (amazom.com, smbc-crad.com).
	ImitationTypo
	// ImitationHyphen: a hyphen put into the brand's name (ama-zon.com).
	ImitationHyphen
	// ImitationPlusWords: the brand's name with other words
	// (smbc-card-login.com, rakuten-kakunin.top, amazonsupport.net).
	ImitationPlusWords
	// ImitationJapaneseName: the brand's Japanese name as an IDN
	// (アマゾン-ログイン.com).
	ImitationJapaneseName
	// ImitationSubdomainWord: the brand's name as a subdomain of an
	// unrelated domain, with a phishing word (amazon.secure-xx.top).
	ImitationSubdomainWord
	// ImitationDotted: a dot put into the official label, so that its
	// first letters become a subdomain (ama.zon.co.jp, smbc-c.ard.com).
	ImitationDotted
)

// Imitation is the result of a domain-lookalike match.
type Imitation struct {
	Kind ImitationKind
	// Brand is the brand imitated; Official the official domain whose
	// name is imitated.
	Brand    *Brand
	Official string
	// Host is the host that imitates, in display form.
	Host string
	// Matched is the part of the host that imitates (a label or token, as
	// written); Keyword the brand's spelling it imitates.
	Matched, Keyword string
	// Distance is the edit distance of a typo.
	Distance int
	// Edit names a one-letter typo: omission, insertion, repetition,
	// replacement, transposition.
	Edit string
	// Words are the words added beside the brand's name.
	Words []string
	// Reordered is set when the name's words stand in another order
	// (yamato-kuroneko for kuroneko-yamato), words added or not.
	Reordered bool
	// Swaps are the look-alike characters, as "а→a".
	Swaps []string
	// Real is the registrable domain that really owns the host, when the
	// brand's name sits in front of it (subdomain kinds) or the ending
	// that replaced the official one (other ending).
	Real string
	// Hosted is the shared domain of a free hosting service the name sits
	// on (github.io), or "".
	Hosted string
	rank   int
}

// keyword is one spelling of a brand's name inside domain names.
type keyword struct {
	raw    string   // as written in the data (smbc-card)
	word   string   // folded, hyphens kept
	joined string   // folded, hyphens removed
	toks   []string // folded, split at hyphens
	brands []int
	// official[j] is officialFor(brands[j]): worked out once, since it
	// parses the brand's domains.
	official []string
	weak     bool
}

// officialSeq is an official domain split into folded tokens
// (amazon.co.jp -> amazon co jp).
type officialSeq struct {
	brand  int
	domain string
	toks   []string
}

// jaName is a brand's name in Japanese script.
type jaName struct {
	brand int
	name  string
}

// lookIndex finds the brands a host name may imitate without comparing the
// name with every brand: exact keywords by map, keywords inside longer
// tokens by a trie, typos by a deletion neighbourhood (SymSpell) index.
type lookIndex struct {
	brands   []Brand
	kws      []keyword
	byWord   map[string][]int32 // folded word or joined -> keywords
	byHead   map[string][]int32 // first token of multi-token keywords
	byTok    map[string][]int32 // any token of multi-token keywords
	trie     *trie              // joined strong keywords, for substrings
	weakTrie *trie              // joined weak keywords of three letters or more
	dels     *delIndex          // strong keywords by deletion variants, for typos
	seqHead  map[string][]int   // first token -> official sequences
	seqs     []officialSeq
	jaNames  []jaName
	official map[int]map[string]bool // brand -> folded labels of its official domains
	off      *offIndex               // the official domains' registrable labels
}

// typoBudget is the edit distance allowed for a typo of a keyword of n
// letters: none up to 4 (too many honest names are one letter from a
// four-letter name), 1 up to 8, 2 from 9.
func typoBudget(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 8:
		return 1
	}
	return 2
}

func newLookIndex(brands []Brand) *lookIndex {
	// The maps are made to about the number of names they hold (the
	// brand data has some two keywords a brand name, the official
	// domains share labels): grown by doubling from nothing, they cost a
	// third of the index's build in a fresh process.
	names, domains := 0, 0
	for _, b := range brands {
		names += len(b.WeakKeywords) + len(b.Keywords) + len(b.Domains)
		domains += len(b.Domains)
	}
	ix := &lookIndex{
		brands:   brands,
		byWord:   make(map[string][]int32, names/2),
		byHead:   map[string][]int32{},
		byTok:    map[string][]int32{},
		seqHead:  make(map[string][]int, domains/2),
		official: make(map[int]map[string]bool, len(brands)),
		kws:      make([]keyword, 0, names/2),
		seqs:     make([]officialSeq, 0, domains),
	}
	kwID := make(map[string]int, names/2) // folded word -> index in kws
	add := func(bi int, raw string, weak bool) {
		raw = strings.ToLower(strings.TrimSpace(raw))
		if h, err := ParseHost(raw); err == nil && !h.IP {
			raw = h.Unicode
		}
		word := strings.Trim(Fold(raw), "-.")
		joined := strings.ReplaceAll(word, "-", "")
		if len(joined) < 2 || strings.Contains(word, ".") {
			return
		}
		if len(joined) <= 3 {
			weak = true
		}
		if id, ok := kwID[word]; ok {
			k := &ix.kws[id]
			if !containsInt(k.brands, bi) {
				k.brands = append(k.brands, bi)
			}
			k.weak = k.weak || weak
			return
		}
		kwID[word] = len(ix.kws)
		ix.kws = append(ix.kws, keyword{raw: raw, word: word, joined: joined,
			toks: strings.Split(word, "-"), brands: []int{bi}, weak: weak})
	}
	for bi, b := range brands {
		for _, k := range b.WeakKeywords {
			add(bi, k, true)
		}
		for _, k := range b.Keywords {
			add(bi, k, false)
		}
		ix.official[bi] = make(map[string]bool, len(b.Domains))
		for _, d := range b.Domains {
			h, err := ParseHost(d)
			if err != nil || h.IP || h.Label == "" {
				continue
			}
			ix.official[bi][Fold(h.Label)] = true
			// An official label is a keyword too, unless it is too short
			// to tell (a.co, lin.ee), listed as weak, or another
			// company's (naver in line.naver.jp).
			if len(h.Sub) == 0 && len(strings.ReplaceAll(h.Label, "-", "")) >= 4 {
				add(bi, h.Label, false)
			}
			var toks []string
			for _, l := range append(append([]string{}, h.Sub...), h.Label) {
				toks = append(toks, strings.Split(Fold(l), "-")...)
			}
			toks = append(toks, strings.Split(h.Suffix, ".")...)
			ix.seqs = append(ix.seqs, officialSeq{brand: bi, domain: d, toks: toks})
		}
		for _, n := range b.Names {
			n = strings.ToLower(norm.NFKC.String(n))
			if utf8.RuneCountInString(n) >= 2 && !isASCIIString(n) {
				ix.jaNames = append(ix.jaNames, jaName{brand: bi, name: strings.ReplaceAll(n, " ", "")})
			}
		}
	}
	// A keyword listed as weak anywhere is weak everywhere: "line" is weak
	// for LINE even if another brand's data lists it plainly.
	var strongKeys, weakKeys []string
	var strongIDs, weakIDs []int32
	variants := 0
	for i := range ix.kws {
		if k := &ix.kws[i]; !k.weak {
			for _, form := range uniqueStrings(k.word, k.joined) {
				variants += delVariants(len(form), typoBudget(len(form)))
			}
		}
	}
	ix.dels = newDelIndex(variants)
	for i := range ix.kws {
		k := &ix.kws[i]
		id := int32(i)
		ix.byWord[k.word] = append(ix.byWord[k.word], id)
		if k.joined != k.word {
			ix.byWord[k.joined] = append(ix.byWord[k.joined], id)
		}
		if len(k.toks) > 1 {
			ix.byHead[k.toks[0]] = append(ix.byHead[k.toks[0]], id)
			for _, t := range uniqueStrings(k.toks...) {
				ix.byTok[t] = append(ix.byTok[t], id)
			}
		}
		if k.weak {
			if len(k.joined) >= 3 {
				weakKeys, weakIDs = append(weakKeys, k.joined), append(weakIDs, id)
			}
			continue
		}
		if len(k.joined) >= 4 {
			strongKeys, strongIDs = append(strongKeys, k.joined), append(strongIDs, id)
		}
		for _, form := range uniqueStrings(k.word, k.joined) {
			ix.dels.add(form, typoBudget(len(form)), id)
		}
	}
	ix.trie, ix.weakTrie = newTrie(strongKeys, strongIDs), newTrie(weakKeys, weakIDs)
	for i, s := range ix.seqs {
		ix.seqHead[s.toks[0]] = append(ix.seqHead[s.toks[0]], i)
	}
	for i := range ix.kws {
		k := &ix.kws[i]
		k.official = make([]string, len(k.brands))
		for j, bi := range k.brands {
			k.official[j] = officialFor(&brands[bi], k)
		}
	}
	ix.off = newOffIndex(brands, func(label string) bool {
		for _, id := range ix.byWord[label] {
			if ix.kws[id].weak && ix.kws[id].word == label {
				return true
			}
		}
		return false
	})
	return ix
}

// Lookalike reports whether host imitates one of the brands, and how. An
// official domain or a subdomain of one never does, nor does a domain in
// domain_allow.txt; an IP address or a bare public suffix has no name to
// imitate.
func (bs *BrandSet) Lookalike(host string) (Imitation, bool) {
	h, err := ParseHost(host)
	if err != nil {
		return Imitation{}, false
	}
	return bs.LookalikeHost(h)
}

// LookalikeHost is Lookalike for a host already parsed. Answers are kept
// by host (BrandSet.seen), so the pages of one site match its name once.
func (bs *BrandSet) LookalikeHost(h HostName) (Imitation, bool) {
	if bs == nil || h.IP || h.Label == "" {
		return Imitation{}, false
	}
	key := h.ASCII + "\x00" + h.Unicode
	bs.seenMu.Lock()
	a, hit := bs.seen[key]
	bs.seenMu.Unlock()
	if !hit {
		a.im, a.ok = bs.lookalikeHost(h)
		bs.seenMu.Lock()
		if len(bs.seen) >= seenMax || bs.seen == nil {
			bs.seen = make(map[string]lookAnswer)
		}
		bs.seen[key] = a
		bs.seenMu.Unlock()
	}
	// The caller's copy: its lists may be appended to.
	a.im.Words, a.im.Swaps = slices.Clip(a.im.Words), slices.Clip(a.im.Swaps)
	return a.im, a.ok
}

// lookalikeHost matches h against the brands' names (LookalikeHost's work).
func (bs *BrandSet) lookalikeHost(h HostName) (Imitation, bool) {
	if bs.officialHost(h) || allowed(h.ASCII) {
		return Imitation{}, false
	}
	// A match comes from a pool: its label and token lists keep their
	// arrays from name to name (no Imitation holds one of them).
	m := matchPool.Get().(*match)
	defer matchPool.Put(m)
	m.init(bs.lookIndex(), h)
	m.run()
	if m.best.Kind == ImitationNone {
		return Imitation{}, false
	}
	im := m.best
	im.Host = h.Unicode
	if h.Hosted {
		im.Hosted = h.Suffix
	}
	return im, true
}

// match holds the work of matching one host.
type match struct {
	ix   *lookIndex
	h    HostName
	uni  []string // Unicode labels, aligned with ASCII ones
	lab  string   // the registrable label, lower-case Unicode
	fl   string   // the registrable label, folded
	toks []string // fl split at hyphens
	raws []string // lab split at hyphens (as written)
	sub  []string // folded tokens of the subdomain labels
	subR []string // the same as written
	// rawsBuf and tmp keep arrays for init to reuse (see matchPool).
	rawsBuf, tmp []string
	// act: a phishing word ([action]) stands somewhere in the host; svc:
	// a phishing or service word does. Worked out when first needed.
	act, svc, actDone bool
	jpAt              bool // the suffix is a Japanese attribute domain (co.jp, …)
	best              Imitation
}

// matchPool holds matches whose lists are reused.
var matchPool = sync.Pool{New: func() any { return new(match) }}

// init sets m up to match host h. Whatever m held before is forgotten;
// only the arrays of its lists are reused.
func (m *match) init(ix *lookIndex, h HostName) {
	uni, toks, raws, sub, subR, tmp := m.uni[:0], m.toks[:0], m.rawsBuf[:0], m.sub[:0], m.subR[:0], m.tmp[:0]
	*m = match{ix: ix, h: h, rawsBuf: raws, tmp: tmp}
	m.uni = appendSplit(uni, h.Unicode, '.')
	if h.Unicode != h.ASCII {
		// The ASCII labels replace the Unicode ones when they do not
		// align; counted first, so the Unicode list is kept otherwise.
		if strings.Count(h.ASCII, ".") != len(m.uni)-1 {
			m.uni = appendSplit(m.uni[:0], h.ASCII, '.')
		}
	}
	n := len(h.Sub)
	m.lab = m.uni[n]
	m.fl = Fold(m.lab)
	m.toks = appendTokens(toks, m.fl)
	if m.lab == m.fl {
		m.raws = m.toks // the same split (neither is changed later)
	} else if m.rawsBuf = appendTokens(m.rawsBuf, m.lab); len(m.rawsBuf) != len(m.toks) {
		m.raws = m.toks
	} else {
		m.raws = m.rawsBuf
	}
	m.sub, m.subR = sub, subR
	for _, l := range m.uni[:n] {
		// fl's tokens go to sub; rl's to subR, or fl's again when the
		// counts differ.
		at := len(m.sub)
		m.sub = appendTokens(m.sub, Fold(l))
		m.tmp = appendTokens(m.tmp[:0], l)
		if len(m.tmp) != len(m.sub)-at {
			m.subR = append(m.subR, m.sub[at:]...)
		} else {
			m.subR = append(m.subR, m.tmp...)
		}
	}
	if len(m.sub) == 0 {
		m.sub, m.subR = nil, nil // as the plain appends left them
	}
	m.jpAt = jpAttributeSuffix[h.Suffix]
}

// appendSplit appends the parts of s between sep bytes to dst, as
// strings.Split(s, string(sep)) returns them.
func appendSplit(dst []string, s string, sep byte) []string {
	for {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// actionWords reports whether token t is, or splits into words among
// which is, a phishing word (act: loginpage, kakuninsupport) or a phishing
// or service word (svc: netservice).
func actionWords(t string) (act, svc bool) {
	w := words()
	if w.action[t] {
		return true, true
	}
	if w.service[t] {
		return false, true
	}
	if len(t) < 5 || len(t) > 40 {
		return false, false
	}
	// ok[i][k]: t[:i] splits into words; k = 0 none, 1 a service word,
	// 2 a phishing word among them (the highest seen).
	// Only a place where t splits so far (ok[i] set) can start a word,
	// and a word is in plain before it is in any of the three lists: for
	// most tokens (honest names) that is a few look-ups at the start
	// rather than three for every piece of two to sixteen bytes.
	var ok [41][3]bool
	ok[0][0] = true
	for i := 0; i < len(t); i++ {
		if !ok[i][0] && !ok[i][1] && !ok[i][2] {
			continue
		}
		for l := 2; l <= 16 && i+l <= len(t); l++ {
			p := t[i : i+l]
			if !w.plain[p] {
				continue
			}
			lvl := -1
			switch {
			case w.action[p]:
				lvl = 2
			case w.service[p]:
				lvl = 1
			case w.filler[p]:
				lvl = 0
			}
			if lvl < 0 {
				continue
			}
			for k := 0; k < 3; k++ {
				if ok[i][k] {
					ok[i+l][max(k, lvl)] = true
				}
			}
		}
	}
	return ok[len(t)][2], ok[len(t)][1] || ok[len(t)][2]
}

// splitTokens splits s at hyphens and underscores, dropping empty parts.
func splitTokens(s string) []string {
	if strings.IndexByte(s, '-') < 0 && strings.IndexByte(s, '_') < 0 {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	return appendTokens(nil, s)
}

// appendTokens appends splitTokens(s) to dst.
func appendTokens(dst []string, s string) []string {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' || s[i] == '_' {
			if i > start {
				dst = append(dst, s[start:i])
			}
			start = i + 1
		}
	}
	return dst
}

// jpAttributeSuffix are the .jp attribute domains: each needs a registered
// Japanese organisation of that kind and allows one domain per
// organisation, so a brand-like name under them belongs to a real group
// company (mizuho-tb.co.jp, rakuten-sonpo.co.jp), not a phisher.
var jpAttributeSuffix = map[string]bool{
	"co.jp": true, "ne.jp": true, "or.jp": true, "ac.jp": true, "go.jp": true,
	"ed.jp": true, "gr.jp": true, "lg.jp": true, "ad.jp": true,
}

func (m *match) offer(im Imitation) {
	im.rank = int(im.Kind)
	switch {
	case im.Kind == ImitationDotted:
		im.rank = int(ImitationHyphen)
	case im.Kind == ImitationTypo && im.Distance > 1:
		im.rank = int(ImitationDotted) + 1
	}
	switch {
	case m.best.Kind == ImitationNone, im.rank < m.best.rank:
		m.best = im
	case im.rank == m.best.rank && len(im.Keyword) > len(m.best.Keyword):
		// The longer keyword says more: smbc-card rather than smbc.
		m.best = im
	case im.rank == m.best.rank && len(im.Keyword) == len(m.best.Keyword) &&
		strings.HasPrefix(im.Official, im.Keyword+".") && !strings.HasPrefix(m.best.Official, m.best.Keyword+"."):
		// Of two brands with the same keyword, the one whose official
		// domain it is: smbc is smbc.co.jp's before smbc-card.com's.
		m.best = im
	}
}

func (m *match) run() {
	m.subdomainOfficial()
	m.labelExact()
	m.fakeSuffix()
	m.plusWords()
	if !m.jpAt {
		m.typos()
	}
	m.officialLabels()
	m.subdomainWords()
	m.japaneseNames()
}

// subdomainOfficial looks for an official domain's labels in the subdomain
// part: amazon.co.jp.verify-xx.top, www-smbc-card-com.example.net; or
// ending in the registrable label, the official domain with only an
// ending after it (smbc.co.jp.com, whose registrable domain is jp.com;
// mufg.jp.info).
func (m *match) subdomainOfficial() {
	for i, t := range m.sub {
		for _, si := range m.ix.seqHead[t] {
			s := m.ix.seqs[si]
			if hasSeqAt(m.sub, i, s.toks) {
				b := &m.ix.brands[s.brand]
				m.offer(Imitation{Kind: ImitationSubdomain, Brand: b, Official: s.domain,
					Matched: strings.Join(m.subR[i:i+len(s.toks)], "."), Keyword: s.domain,
					Real: m.h.Registrable})
				return
			}
			if n := len(s.toks); len(m.toks) == 1 && n == len(m.sub)-i+1 && s.toks[n-1] == m.fl && hasSeqAt(m.sub, i, s.toks[:n-1]) {
				b := &m.ix.brands[s.brand]
				m.offer(Imitation{Kind: ImitationSubdomain, Brand: b, Official: s.domain,
					Matched: strings.Join(m.subR[i:], ".") + "." + m.lab, Keyword: s.domain,
					Real: m.h.Registrable})
				return
			}
		}
	}
}

func hasSeqAt(toks []string, i int, seq []string) bool {
	if i+len(seq) > len(toks) {
		return false
	}
	for j, s := range seq {
		if toks[i+j] != s {
			return false
		}
	}
	return true
}

// labelExact looks at the registrable label as a whole: the brand's own
// label under another ending, spelled with look-alike characters, or with
// a hyphen put in.
func (m *match) labelExact() {
	joined := strings.Join(m.toks, "")
	for _, id := range m.ix.byWord[m.fl] {
		m.exactKeyword(id, m.lab, m.fl == m.ix.kws[id].word)
	}
	if joined != m.fl {
		for _, id := range m.ix.byWord[joined] {
			k := &m.ix.kws[id]
			if k.weak || m.jpAt || k.joined != joined || strings.Contains(k.word, "-") {
				continue
			}
			b := &m.ix.brands[k.brands[0]]
			m.offer(Imitation{Kind: ImitationHyphen, Brand: b, Official: k.official[0],
				Matched: m.lab, Keyword: k.raw})
		}
	}
}

// exactKeyword handles a label (or token) whose fold equals keyword id.
func (m *match) exactKeyword(id int32, written string, sameShape bool) {
	k := &m.ix.kws[id]
	swaps := homoglyphSwaps(written, k.raw)
	unicodeSwap := !isASCIIString(written)
	for bj, bi := range k.brands {
		b := &m.ix.brands[bi]
		switch {
		case len(swaps) > 0 && (unicodeSwap || !k.weak):
			// A homoglyph of a brand is never honest, weak name or not;
			// ASCII look-alikes (0 for o) only count for distinctive names.
			m.offer(Imitation{Kind: ImitationHomoglyph, Brand: b, Official: k.official[bj],
				Matched: written, Keyword: k.raw, Swaps: swaps})
		case len(swaps) == 0 && !k.weak && !m.jpAt && sameShape && m.otherEndingCounts(k):
			m.offer(Imitation{Kind: ImitationOtherEnding, Brand: b, Official: k.official[bj],
				Matched: written, Keyword: k.raw, Real: m.h.Suffix})
		}
	}
}

// otherEndingCounts reports whether the brand's label under another ending
// counts: always for names of five letters or more; for four-letter names
// (aeon, smbc, mufg), which are also words and initials elsewhere, only
// under an ending mostly used for abuse or a free hosting domain.
func (m *match) otherEndingCounts(k *keyword) bool {
	if len(k.joined) >= 5 || m.h.Hosted {
		return true
	}
	tld := m.h.Suffix[strings.LastIndexByte(m.h.Suffix, '.')+1:]
	return suspiciousTLDs()[tld]
}

// fakeSuffix finds a fake Japanese ending: the official domain run into
// one label (amazon-co-jp.net, www-jcb-co-jp.top), or a registrable label
// that fakes an ending with a brand's name in front (amazon.co-jp.com).
func (m *match) fakeSuffix() {
	for i, t := range m.toks {
		for _, si := range m.ix.seqHead[t] {
			s := m.ix.seqs[si]
			if len(s.toks) < 2 || !hasSeqAt(m.toks, i, s.toks) {
				continue
			}
			b := &m.ix.brands[s.brand]
			act, _ := m.actions()
			weak := len(s.toks) < 3 && !act && m.isWeakToken(t)
			if weak || m.jpAt {
				continue
			}
			m.offer(Imitation{Kind: ImitationFakeSuffix, Brand: b, Official: s.domain,
				Matched: m.lab, Keyword: s.domain})
		}
	}
	if words().fakeSuffix[m.fl] {
		for i, t := range m.sub {
			for _, id := range m.ix.byWord[t] {
				k := &m.ix.kws[id]
				b := &m.ix.brands[k.brands[0]]
				m.offer(Imitation{Kind: ImitationFakeSuffix, Brand: b, Official: k.official[0],
					Matched: m.subR[i] + "." + m.h.Registrable, Keyword: k.raw})
			}
		}
	}
}

func (m *match) isWeakToken(t string) bool {
	for _, id := range m.ix.byWord[t] {
		if m.ix.kws[id].weak {
			return true
		}
	}
	return false
}

// plusWords finds the brand's name beside other words in the registrable
// label: as whole tokens (smbc-card-login, login-amazon, card-smbc) or run
// together with phishing or filler words (amazonlogin, smbccardjp).
func (m *match) plusWords() {
	if len(m.toks) > 1 {
		for i, t := range m.toks {
			for _, id := range m.ix.byWord[t] {
				m.plusWordsAt(id, i, 1)
			}
			for _, id := range m.ix.byHead[t] {
				if k := &m.ix.kws[id]; hasSeqAt(m.toks, i, k.toks) {
					m.plusWordsAt(id, i, len(k.toks))
				}
			}
			if !m.jpAt {
				for _, id := range m.ix.byTok[t] {
					m.reordered(id)
				}
			}
		}
	}
	// Keywords inside longer tokens: in the folded tokens, and in tokens
	// folded letter by letter (smbclogin, whose "cl" Fold reads as d).
	m.inTokens(m.toks)
	if len(m.toks) > 1 {
		m.multiRunTogether(m.toks)
	}
	if isASCIIString(m.lab) {
		if nt := splitTokens(foldLetters(m.lab)); len(nt) == len(m.toks) && !slices.Equal(nt, m.toks) {
			m.inTokens(nt)
			if len(nt) > 1 {
				m.multiRunTogether(nt)
			}
		}
	}
}

// inTokens finds keywords run together with other words inside the tokens
// toks of the label: distinctive ones (amazonlogin, smbccardjp) in the
// trie of keywords, weak ones (jcblogin, loginapple) in the trie of weak
// keywords, beside phishing words only.
func (m *match) inTokens(toks []string) {
	for ti, t := range toks {
		if len(t) < 5 {
			continue
		}
		visit := func(start, end int, id int32) {
			if start == 0 && end == len(t) {
				return // the whole token: handled above
			}
			k := &m.ix.kws[id]
			pre, post := t[:start], t[end:]
			switch {
			case m.jpAt:
				if !m.strictOthers(m.officialHere(k), pre, post, toks[:ti], toks[ti+1:]) {
					return
				}
			case k.weak:
				if !segmentable(pre, k, m.ix) || !segmentable(post, k, m.ix) {
					return
				}
				a1, s1 := actionWords(pre)
				a2, s2 := actionWords(post)
				a3, s3 := m.actions()
				if !(a1 || a2 || a3 || len(k.joined) >= 5 && (s1 || s2 || s3)) {
					return
				}
			case segmentable(pre, k, m.ix) && segmentable(post, k, m.ix):
			case (start == 0 || end == len(t)) && m.suspiciousEnding():
				// Under an ending mostly used for abuse, a brand's name
				// run together with any letters: rakutenzpgeq.top (not
				// amazonite.shop).
			default:
				return
			}
			others := []string{}
			if start > 0 {
				others = append(others, pre)
			}
			if end < len(t) {
				others = append(others, post)
			}
			for j, o := range toks {
				if j != ti {
					others = append(others, o)
				}
			}
			if m.fanOnly(others) {
				return
			}
			raw := m.raws[ti]
			written := raw
			if len(raw) == len(t) {
				written = raw[start:end]
			}
			m.offerPlus(id, written, addedWords(m.raws, ti, raw, start, end, len(t)), false)
		}
		m.ix.trie.each(t, visit)
		m.ix.weakTrie.each(t, visit)
	}
}

// multiRunTogether finds a keyword of several tokens whose last token runs
// into a word (rakuten-cardlogin) or whose first token has a word run in
// front (loginrakuten-card).
func (m *match) multiRunTogether(toks []string) {
	for i, t := range toks {
		for _, id := range m.ix.byHead[t] {
			k := &m.ix.kws[id]
			n := len(k.toks)
			if k.weak || i+n > len(toks) || !hasSeqAt(toks, i, k.toks[:n-1]) {
				continue
			}
			last := toks[i+n-1]
			if rest := strings.TrimPrefix(last, k.toks[n-1]); rest != last && rest != "" {
				m.runTogether(toks, id, i, n, rest)
			}
		}
		if i+1 >= len(toks) {
			continue
		}
		for _, id := range m.ix.byTok[toks[i+1]] {
			k := &m.ix.kws[id]
			n := len(k.toks)
			if k.weak || i+n > len(toks) || k.toks[1] != toks[i+1] || !hasSeqAt(toks, i+1, k.toks[1:]) {
				continue
			}
			if rest := strings.TrimSuffix(t, k.toks[0]); rest != t && rest != "" {
				m.runTogether(toks, id, i, n, rest)
			}
		}
	}
}

// runTogether offers keyword id found over tokens [i, i+n) with rest run
// into its first or last token, when rest and the other tokens are words
// that count beside it.
func (m *match) runTogether(toks []string, id int32, i, n int, rest string) {
	k := &m.ix.kws[id]
	others := []string{rest}
	for j, o := range toks {
		if j < i || j >= i+n {
			others = append(others, o)
		}
	}
	if m.jpAt {
		if !m.strictOthers(m.officialHere(k), others) {
			return
		}
	} else {
		ok := true
		for _, o := range others {
			ok = ok && segmentable(o, k, m.ix)
		}
		if !ok && !(len(others) == 1 && m.suspiciousEnding()) || m.fanOnly(others) {
			// Other letters count under an ending mostly used for
			// abuse only: otp-authgzce.cyou.
			return
		}
	}
	m.offerPlus(id, k.raw, others, false)
}

// strictOthers reports whether the words beside a brand's name in a label
// under a .jp attribute domain (co.jp, ne.jp, …) make it a phishing name:
// they must all be phishing words of the [strict] list or the fillers of
// [strictfiller] (jp, official), run together or not, and one at least a
// phishing word. Every organisation there has one domain, so a brand's
// name beside any other word is mostly a group company's
// (rakuten-sonpo.co.jp, mizuho-tb.co.jp); beside "login" it is not.
//
// fillerOnly: the brand's name is the label of its official domain under
// this very ending (amazon under co.jp), so that fillers alone count too
// (amazon-jp.co.jp): no group company takes its parent's name plus "jp".
func (m *match) strictOthers(fillerOnly bool, groups ...any) bool {
	act := fillerOnly
	check := func(t string) bool {
		if t == "" {
			return true
		}
		ok, a := strictWords(t)
		act = act || a
		return ok
	}
	for _, g := range groups {
		switch g := g.(type) {
		case string:
			if !check(g) {
				return false
			}
		case []string:
			for _, t := range g {
				if !check(t) {
					return false
				}
			}
		}
	}
	return act
}

// strictWords reports whether t splits into [strict] phishing words,
// [strictfiller] words and digits (ok), and whether a phishing word is
// among them (act).
func strictWords(t string) (ok, act bool) {
	w := words()
	if len(t) > 40 {
		return false, false
	}
	// can[i][k]: t[:i] splits, k = 1 when a phishing word is among them.
	var can [41][2]bool
	can[0][0] = true
	for i := 0; i < len(t); i++ {
		if !can[i][0] && !can[i][1] {
			continue
		}
		j := i
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j > i {
			can[j][0] = can[j][0] || can[i][0]
			can[j][1] = can[j][1] || can[i][1]
		}
		for l := 2; l <= 16 && i+l <= len(t); l++ {
			p := t[i : i+l]
			switch {
			case w.strict[p]:
				can[i+l][1] = true
			case w.strictFiller[p]:
				can[i+l][0] = can[i+l][0] || can[i][0]
				can[i+l][1] = can[i+l][1] || can[i][1]
			}
		}
	}
	return can[len(t)][0] || can[len(t)][1], can[len(t)][1]
}

// officialHere reports whether keyword k is the label of one of its
// brand's official domains under m's very ending (amazon under co.jp),
// and long enough (five letters or more, or distinctive) to stand for the
// brand with fillers alone.
func (m *match) officialHere(k *keyword) bool {
	if k.weak && len(k.joined) < 5 && m.h.Suffix != "go.jp" {
		return false // nta-support.go.jp: only the state registers go.jp
	}
	return m.ix.off != nil && m.ix.off.bySuffix[k.word+"."+m.h.Suffix]
}

// suspiciousEnding reports whether the host's ending is one of
// url_suspicious_tlds.txt, mostly used for abuse.
func (m *match) suspiciousEnding() bool {
	return suspiciousTLDs()[m.h.Suffix[strings.LastIndexByte(m.h.Suffix, '.')+1:]]
}

// fanOnly reports whether the words beside a keyword are all words of a
// fan or review site (amazon-review.com, rakuten-sale.jp), which do not
// make a look-alike; under an ending mostly used for abuse (amazon-sale.top)
// or a shop's ending (amazon-sale.shop: a fan site is no shop) they do not
// excuse it.
func (m *match) fanOnly(others []string) bool {
	if m.suspiciousEnding() || m.h.Suffix == "shop" || m.h.Suffix == "store" {
		return false
	}
	return allIn(others, words().fan)
}

// weakOK reports whether a weak keyword has the company it needs: a
// phishing word ([action]) for names of up to four letters (jcb-login), a
// phishing or service word for longer ones (apple-support,
// sagawa-delivery), whose collisions with honest names are fewer; an
// ending of url_suspicious_tlds.txt (jcb-kvtk.top); or another keyword of
// the same brand as a token of its own (nta-kokuzei, kokuzei-nta: the
// agency's two names together are no one else's).
func (m *match) weakOK(k *keyword) bool {
	act, svc := m.actions()
	if m.suspiciousEnding() || m.brandAgain(k) {
		return true
	}
	if len(k.joined) >= 5 {
		return svc
	}
	return act
}

// brandAgain reports whether a token of the label other than k's own is
// a keyword of one of k's brands.
func (m *match) brandAgain(k *keyword) bool {
	for _, t := range m.toks {
		if slices.Contains(k.toks, t) {
			continue
		}
		for _, id := range m.ix.byWord[t] {
			for _, b := range m.ix.kws[id].brands {
				if slices.Contains(k.brands, b) {
					return true
				}
			}
		}
	}
	return false
}

// actions reports whether a phishing word (act) or a phishing or service
// word (svc) stands anywhere in the host.
func (m *match) actions() (act, svc bool) {
	if !m.actDone {
		m.actDone = true
		for _, ts := range [][]string{m.toks, m.sub} {
			for _, t := range ts {
				a, s := actionWords(t)
				m.act = m.act || a
				m.svc = m.svc || s
			}
		}
	}
	return m.act, m.svc
}

// reordered handles a multi-token keyword whose tokens all stand in the
// label, in another order: card-smbc, login-card-smbc.
func (m *match) reordered(id int32) {
	k := &m.ix.kws[id]
	if k.weak {
		return
	}
	for i := range m.toks {
		if hasSeqAt(m.toks, i, k.toks) {
			return // in its own order: plusWordsAt's
		}
	}
	used := make([]bool, len(m.toks))
	for _, kt := range k.toks {
		found := false
		for j, t := range m.toks {
			if !used[j] && t == kt {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return
		}
	}
	var others []string
	for j, u := range used {
		if !u {
			others = append(others, m.raws[j])
		}
	}
	if len(others) > 0 && m.fanOnly(others) {
		return
	}
	m.offerPlus(id, k.raw, others, true)
}

// plusWordsAt handles keyword id found as tokens [i, i+n) of the label.
func (m *match) plusWordsAt(id int32, i, n int) {
	k := &m.ix.kws[id]
	var others, othersR []string
	for j, t := range m.toks {
		if j < i || j >= i+n {
			others = append(others, t)
			othersR = append(othersR, m.raws[j])
		}
	}
	if len(others) == 0 {
		return
	}
	if m.jpAt {
		if !m.strictOthers(m.officialHere(k), others) {
			return
		}
	} else if k.weak && !m.weakOK(k) {
		return
	}
	if m.fanOnly(others) {
		return
	}
	m.offerPlus(id, strings.Join(m.raws[i:i+n], "-"), othersR, false)
}

// offerPlus offers keyword id written as written with the words added
// beside it; reordered says its words stand in another order.
func (m *match) offerPlus(id int32, written string, added []string, reordered bool) {
	k := &m.ix.kws[id]
	swaps := homoglyphSwaps(written, k.raw)
	for bj, bi := range k.brands {
		b := &m.ix.brands[bi]
		im := Imitation{Kind: ImitationPlusWords, Brand: b, Official: k.official[bj],
			Matched: m.lab, Keyword: k.raw, Words: added, Reordered: reordered}
		if len(swaps) > 0 {
			// A short weak name respelled in ASCII is too often a
			// word of its own (iine-pay, lsa-login); a longer one
			// beside the words it needs (plusWordsAt's weakOK) is an
			// imitation: orlco-card.
			if k.weak && isASCIIString(written) && len(k.joined) < 5 {
				continue
			}
			im.Kind, im.Swaps = ImitationHomoglyph, swaps
		}
		m.offer(im)
	}
}

func addedWords(raws []string, ti int, raw string, start, end, n int) []string {
	var out []string
	for j, r := range raws {
		if j != ti {
			out = append(out, r)
			continue
		}
		if len(raw) != n {
			continue
		}
		if start > 0 {
			out = append(out, raw[:start])
		}
		if end < n {
			out = append(out, raw[end:])
		}
	}
	return out
}

// segmentable reports whether s splits into phishing or filler words,
// digits, or the brand's own keywords (amazonamazon, smbccardlogin).
func segmentable(s string, k *keyword, ix *lookIndex) bool {
	if s == "" {
		return true
	}
	w := words()
	n := len(s)
	ok := make([]bool, n+1)
	ok[0] = true
	for i := 0; i < n; i++ {
		if !ok[i] {
			continue
		}
		j := i
		for j < n && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i {
			ok[j] = true
		}
		for l := 1; l <= 16 && i+l <= n; l++ {
			p := s[i : i+l]
			if w.plain[p] || sameBrandKeyword(p, k, ix) {
				ok[i+l] = true
			}
		}
	}
	return ok[n]
}

func sameBrandKeyword(p string, k *keyword, ix *lookIndex) bool {
	for _, id := range ix.byWord[p] {
		for _, b := range ix.kws[id].brands {
			if containsInt(k.brands, b) {
				return true
			}
		}
	}
	return false
}

// typos looks for a strong keyword within its typo budget of the label,
// the label without hyphens, each token beside only phishing or filler
// words, and each token's core once such words are taken off its ends.
func (m *match) typos() {
	w := words()
	type cand struct {
		s, written string
		added      []string
	}
	var csBuf [4]cand // most names give one or two: no allocation
	cs := append(csBuf[:0], cand{s: m.fl, written: m.lab})
	if j := strings.Join(m.toks, ""); j != m.fl {
		cs = append(cs, cand{s: j, written: m.lab})
	}
	for i, t := range m.toks {
		var others []string
		for j, o := range m.toks {
			if j != i {
				others = append(others, m.raws[j])
				if !w.plain[o] && !isDigitsString(o) {
					others = nil
					break
				}
			}
		}
		if len(m.toks) > 1 && others != nil {
			cs = append(cs, cand{s: t, written: m.raws[i], added: others})
		}
		if (len(m.toks) == 1 || others != nil) && len(t) >= 7 {
			if core, pre, post := trimWords(t); core != t && len(core) >= 5 {
				added := append([]string{}, others...)
				if pre != "" {
					added = append(added, pre)
				}
				if post != "" {
					added = append(added, post)
				}
				cs = append(cs, cand{s: core, written: core, added: added})
			}
		}
	}
	var seen [8]int32
	for _, c := range cs {
		if len(c.s) < 5 || len(c.s) > 40 || w.honest[c.s] || len(m.ix.byWord[c.s]) > 0 {
			// Too short, an honest word, or a keyword itself (found as
			// such by the other checks).
			continue
		}
		ids := m.ix.typoCandidates(c.s, seen[:0])
		for _, id := range ids {
			k := &m.ix.kws[id]
			form := k.word
			if !strings.Contains(c.s, "-") {
				form = k.joined
			} else if !strings.Contains(k.word, "-") {
				continue // ama-zon: a hyphen put in, not a typo
			}
			d := osa(c.s, form, typoBudget(len(form)))
			if d < 1 || d > typoBudget(len(form)) {
				continue
			}
			if typoInWord(c.s, k.raw, w) {
				// saison-cake, epos-care: the brand's own name intact
				// beside another word than the keyword's card; the
				// weak brand name's rules judge that.
				continue
			}
			if len(form) <= 6 && isASCIIString(c.written) && len(c.written) == len(c.s) &&
				!squatTypo(c.written, strings.ReplaceAll(k.raw, "-", ""), true, true) && !squatTypo(c.written, k.raw, true, true) {
				// A short name takes only a squatter's typos: kepco.com
				// is not tepco's.
				continue
			}
			edit := ""
			if d == 1 {
				edit = classifyEdit(c.s, form)
			}
			for bj, bi := range k.brands {
				b := &m.ix.brands[bi]
				m.offer(Imitation{Kind: ImitationTypo, Brand: b, Official: k.official[bj],
					Matched: c.written, Keyword: k.raw, Distance: d, Edit: edit, Words: c.added})
			}
		}
	}
}

// typoInWord reports whether s (a typo candidate in Fold's form, hyphens
// or not) differs from keyword raw (brand and word: saison-card,
// eposcard) only in the place of its word, the brand's part written
// exactly and another known word in the word's place: saison-cake,
// saisoncafe and epos-care are the brand's name beside another word (a
// cake shop, a care home), which the weak brand name's rules judge, not a
// misspelt keyword. A misspelt name (saisom-card) or word (eposcrad)
// stays a typo.
func typoInWord(s, raw string, w *wordLists) bool {
	s = strings.ReplaceAll(s, "-", "")
	name, word, ok := strings.Cut(raw, "-")
	if !ok {
		// eposcard: the name, then a word of the lists.
		for i := 3; i+3 <= len(raw); i++ {
			if w.plain[Fold(raw[i:])] {
				name, word, ok = raw[:i], raw[i:], true
				break
			}
		}
	}
	if !ok || strings.Contains(word, "-") {
		return false
	}
	name, word = Fold(name), Fold(word)
	if !w.plain[word] || !strings.HasPrefix(s, name) {
		return false
	}
	other := s[len(name):]
	return other != word && (w.plain[other] || w.honest[other] || w.fan[other])
}

// trimWords takes phishing and filler words (and digits) off both ends of
// t, longest first, and returns what is left with what was taken.
func trimWords(t string) (core, pre, post string) {
	w := words()
	core = t
	for changed := true; changed; {
		changed = false
		if l := w.trimEdge(core, min(len(core)-1, 12), false); l >= 2 {
			pre += core[:l]
			core = core[l:]
			changed = true
		}
		if l := w.trimEdge(core, min(len(core)-1, 12), true); l >= 2 {
			post = core[len(core)-l:] + post
			core = core[:len(core)-l]
			changed = true
		}
		if len(core) < 5 {
			return t, "", ""
		}
	}
	return core, pre, post
}

// trimEdge returns the length of the longest trimmable prefix of s (its
// suffix with tail) of two to max bytes, 0 for none: one walk of a trie
// rather than a map look-up a length.
func (w *wordLists) trimEdge(s string, max int, tail bool) int {
	t, has := w.trimPre, strings.HasPrefix
	if tail {
		t, has = w.trimSuf, strings.HasSuffix
	}
	best, n := 0, int32(0)
	for j := 0; j < max && j < len(s); j++ {
		b := s[j]
		if tail {
			b = s[len(s)-1-j]
		}
		c := trieSym(b)
		if c < 0 {
			break
		}
		if n = t.child(n, c); n == 0 {
			break
		}
		if j >= 1 && t.ends(n) {
			best = j + 1
		}
	}
	for _, o := range w.trimOdd {
		if len(o) > best && len(o) >= 2 && len(o) <= max && has(s, o) {
			best = len(o)
		}
	}
	return best
}

// subdomainWords finds the brand's name as a whole subdomain label of an
// unrelated domain beside a phishing word: amazon.secure-xx.top,
// smbc-login.example.com, jcb.kakunin-xx.net.
func (m *match) subdomainWords() {
	if len(m.sub) == 0 {
		return
	}
	_, svc := m.actions()
	random := randomLabel(m.h.Label)
	cheap := cheapEnding(m.h) || random
	if !svc && !cheap {
		return
	}
	suspicious := m.suspiciousEnding() || random
	for i, t := range m.sub {
		// Keywords of several tokens: smbcgroup-point-mypage.xx.club.
		for _, id := range m.ix.byHead[t] {
			k := &m.ix.kws[id]
			if !k.weak && hasSeqAt(m.sub, i, k.toks) {
				b := &m.ix.brands[k.brands[0]]
				m.offer(Imitation{Kind: ImitationSubdomainWord, Brand: b, Official: k.official[0],
					Matched: strings.Join(m.subR[i:i+len(k.toks)], "-"), Keyword: k.raw, Real: m.h.Registrable})
			}
		}
		for _, id := range m.ix.byWord[t] {
			k := &m.ix.kws[id]
			if k.word != t || k.weak && !m.weakOK(k) || !svc && len(k.joined) < 5 && !(suspicious && !k.weak) {
				continue
			}
			for bj, bi := range k.brands {
				b := &m.ix.brands[bi]
				im := Imitation{Kind: ImitationSubdomainWord, Brand: b, Official: k.official[bj],
					Matched: m.subR[i], Keyword: k.raw, Real: m.h.Registrable}
				if swaps := homoglyphSwaps(m.subR[i], k.raw); len(swaps) > 0 {
					im.Swaps = swaps
				}
				m.offer(im)
			}
		}
	}
}

// randomLabel reports whether a registrable label looks typed at random:
// five letters or more with at most one vowel (kkoqp, xjwqe, lkjhg), as
// throwaway domains under com carry a brand in front (mizuho.kkoqp.com).
// Japanese names in romaji are full of vowels; company initials (smbc,
// kddi) are shorter.
func randomLabel(label string) bool {
	if len(label) < 5 {
		return false
	}
	vowels := 0
	for i := 0; i < len(label); i++ {
		switch c := label[i]; {
		case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u':
			vowels++
		case c < 'a' || c > 'z':
			return false // digits, hyphens, punycode: not this pattern
		}
	}
	return vowels <= 1
}

// japaneseNames finds a brand's Japanese name in an IDN label: the name
// alone (アマゾン.com) or beside a Japanese phishing word (楽天-ログイン.net).
func (m *match) japaneseNames() {
	if isASCIIString(m.lab) {
		return
	}
	lab := strings.ReplaceAll(m.lab, "-", "")
	for _, jn := range m.ix.jaNames {
		i := strings.Index(lab, jn.name)
		if i < 0 {
			continue
		}
		rest := lab[:i] + lab[i+len(jn.name):]
		if rest != "" && !jaActionIn(rest) {
			continue
		}
		b := &m.ix.brands[jn.brand]
		m.offer(Imitation{Kind: ImitationJapaneseName, Brand: b, Official: b.Domains[0],
			Matched: m.lab, Keyword: jn.name})
	}
}

func jaActionIn(s string) bool {
	for _, a := range words().actionJA {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// typoCandidates returns the strong keywords that may be within their typo
// budget of s: those sharing a deletion variant with it.
func (ix *lookIndex) typoCandidates(s string, out []int32) []int32 {
	maxDel := 1
	if len(s)+2 >= 9 {
		maxDel = 2
	}
	return ix.dels.candidates(s, maxDel, out)
}

// osa is the optimal-string-alignment (restricted Damerau-Levenshtein)
// distance of a and b, or max+1 when it is larger than max.
func osa(a, b string, max int) int {
	la, lb := len(a), len(b)
	if d := la - lb; d > max || -d > max {
		return max + 1
	}
	if la > 62 || lb > 62 || max > 60 {
		return max + 1
	}
	// Distances of at most 63 fit a byte: small rows keep the frame small
	// (the matcher runs on a fresh goroutine's stack for each name).
	var rows [3][64]uint8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= lb; j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= la; i++ {
		cur[0] = uint8(i)
		rowMin := uint8(i)
		for j := 1; j <= lb; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if int(prev[lb]) > max {
		return max + 1
	}
	return int(prev[lb])
}

// classifyEdit names the one edit that turns keyword k into s.
func classifyEdit(s, k string) string {
	switch {
	case len(s) == len(k)-1:
		return "omission"
	case len(s) == len(k)+1:
		for i := 0; i < len(k); i++ {
			if s[i] != k[i] {
				if i > 0 && s[i] == s[i-1] || s[i] == k[i] {
					return "repetition"
				}
				return "insertion"
			}
		}
		if s[len(s)-1] == s[len(s)-2] {
			return "repetition"
		}
		return "insertion"
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] != k[i] {
			if s[i] == k[i+1] && s[i+1] == k[i] && s[i+2:] == k[i+2:] {
				return "transposition"
			}
			break
		}
	}
	return "replacement"
}

// homoglyphSwaps lists the look-alike characters by which written differs
// from keyword while folding to the same letters, as "а→a" (Cyrillic а for
// Latin a), "rn→m", "0→o". Nil when written is spelled like keyword.
func homoglyphSwaps(written, keyword string) []string {
	written = strings.ReplaceAll(written, "-", "")
	keyword = strings.ReplaceAll(keyword, "-", "")
	if strings.EqualFold(written, keyword) {
		return nil
	}
	var out []string
	wr, kr := []rune(strings.ToLower(written)), []rune(strings.ToLower(keyword))
	i, j := 0, 0
	for i < len(wr) && j < len(kr) {
		if wr[i] == kr[j] {
			i, j = i+1, j+1
			continue
		}
		// Two written letters for one (rn for m, vv for w, cl for d).
		if i+1 < len(wr) && foldASCII(string(wr[i:i+2])) == foldASCII(string(kr[j])) && len(foldASCII(string(wr[i:i+2]))) == 1 {
			out = append(out, string(wr[i:i+2])+"→"+string(kr[j]))
			i, j = i+2, j+1
			continue
		}
		if j+1 < len(kr) && foldASCII(string(kr[j:j+2])) == Fold(string(wr[i])) && len(foldASCII(string(kr[j:j+2]))) == 1 {
			out = append(out, string(wr[i])+"→"+string(kr[j:j+2]))
			i, j = i+1, j+2
			continue
		}
		out = append(out, string(wr[i])+"→"+string(kr[j]))
		i, j = i+1, j+1
	}
	if len(out) == 0 && len(wr) != len(kr) {
		return []string{written + "→" + keyword}
	}
	return slices.Compact(slices.Sorted(slices.Values(out))) // "а→a" once, however often a is swapped
}

// officialFor picks the official domain of b that keyword k names: the one
// whose label it is, else one whose label contains it, else the first.
func officialFor(b *Brand, k *keyword) string {
	for _, d := range b.Domains {
		if h, err := ParseHost(d); err == nil && (h.Label == k.raw || Fold(h.Label) == k.word) {
			return d
		}
	}
	for _, d := range b.Domains {
		if strings.Contains(strings.ReplaceAll(d, "-", ""), k.joined) {
			return d
		}
	}
	return b.Domains[0]
}

func allIn(ss []string, set map[string]bool) bool {
	for _, s := range ss {
		if !set[s] {
			return false
		}
	}
	return true
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func uniqueStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigitsString(s string) bool { return isDigits(s) }

// trie finds keywords inside a token: a byte trie over a-z0-9 walked from
// each start position. It is built whole from its keys (newTrie), its
// nodes counted first, so that the start-up pays two arrays of the right
// size, not a growing array of nodes and a slice a node.
type trie struct {
	// next holds trieSyms entries a node: next[n*trieSyms+c] is the child
	// of node n by symbol c, 0 for none (node 0, the root, is no child).
	next []int32
	// ids[first[n]:first[n+1]] are the ids of the keys ending at node n,
	// in the order the keys were given.
	first, ids []int32
}

// trieSyms is the size of the trie's alphabet: a-z and 0-9.
const trieSyms = 36

// newTrie builds the trie of keys, keys[i] found with id ids[i] (0 for
// all when ids is nil). A key with a byte outside a-z0-9 adds the nodes of
// the part before that byte, and is not found.
func newTrie(keys []string, ids []int32) *trie {
	// The nodes are the distinct non-empty prefixes (up to a key's first
	// odd byte), plus the root: in sorted order, a key adds the bytes
	// after its common prefix with the key before it.
	sorted := make([]string, len(keys))
	for i, k := range keys {
		sorted[i] = k[:trieValidLen(k)]
	}
	slices.Sort(sorted)
	nodes, prev := 1, ""
	for _, k := range sorted {
		l := 0
		for l < len(k) && l < len(prev) && k[l] == prev[l] {
			l++
		}
		nodes += len(k) - l
		prev = k
	}
	t := &trie{next: make([]int32, nodes*trieSyms), first: make([]int32, nodes+1)}
	ends := make([]int32, len(keys)) // the node a key ends at, -1 for none
	used := int32(1)
	for i, k := range keys {
		v, n := trieValidLen(k), int32(0)
		for j := 0; j < v; j++ {
			p := &t.next[int(n)*trieSyms+trieSym(k[j])]
			if *p == 0 {
				*p = used
				used++
			}
			n = *p
		}
		ends[i] = -1
		if v == len(k) {
			ends[i] = n
			t.first[n+1]++
		}
	}
	for n := 1; n <= nodes; n++ {
		t.first[n] += t.first[n-1]
	}
	t.ids = make([]int32, t.first[nodes])
	fill := make([]int32, nodes) // ids already placed at each node
	for i, n := range ends {
		if n < 0 {
			continue
		}
		if ids != nil {
			t.ids[t.first[n]+fill[n]] = ids[i]
		}
		fill[n]++
	}
	return t
}

// trieValidLen is the length of the part of s before its first byte
// outside a-z0-9.
func trieValidLen(s string) int {
	for i := 0; i < len(s); i++ {
		if trieSym(s[i]) < 0 {
			return i
		}
	}
	return len(s)
}

func trieSym(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

// child returns node n's child by symbol c (a trieSym), 0 for none.
func (t *trie) child(n int32, c int) int32 { return t.next[int(n)*trieSyms+c] }

// ends reports whether a key ends at node n.
func (t *trie) ends(n int32) bool { return t.first[n+1] > t.first[n] }

// each calls f for every keyword found in s, with its byte range.
func (t *trie) each(s string, f func(start, end int, id int32)) {
	for i := 0; i < len(s); i++ {
		n := int32(0)
		for j := i; j < len(s); j++ {
			c := trieSym(s[j])
			if c < 0 {
				break
			}
			n = t.child(n, c)
			if n == 0 {
				break
			}
			for _, id := range t.ids[t.first[n]:t.first[n+1]] {
				f(i, j+1, id)
			}
		}
	}
}

// wordLists are the word lists of domain_words.txt, folded like labels.
type wordLists struct {
	action, service, filler, fan, honest, fakeSuffix map[string]bool
	strict, strictFiller                             map[string]bool
	// trim holds the words trimWords may take off a token's ends: the
	// phishing and service words, and the fillers of three letters or
	// more (or jp). Two-letter fillers would cut honest words (resonat-or).
	trim map[string]bool
	// trimPre and trimSuf hold trim's words forwards and backwards, for
	// trimWords; trimOdd those with a byte the tries do not take.
	trimPre, trimSuf *trie
	trimOdd          []string
	// plain is action, service and filler in one set.
	plain    map[string]bool
	actionJA []string
}

var words = sync.OnceValue(func() *wordLists {
	w := &wordLists{action: map[string]bool{}, service: map[string]bool{}, filler: map[string]bool{}, fan: map[string]bool{},
		honest: map[string]bool{}, fakeSuffix: map[string]bool{}, strict: map[string]bool{}, strictFiller: map[string]bool{}}
	sets := map[string]map[string]bool{
		"action": w.action, "service": w.service, "filler": w.filler, "fan": w.fan, "honest": w.honest,
		"fakesuffix": w.fakeSuffix, "strict": w.strict, "strictfiller": w.strictFiller,
	}
	for name, ls := range sections("domain_words.txt") {
		switch set, ok := sets[name]; {
		case name == "action_ja":
			for _, l := range ls {
				w.actionJA = append(w.actionJA, strings.ToLower(norm.NFKC.String(l)))
			}
		case ok:
			for _, l := range ls {
				set[Fold(strings.ToLower(l))] = true
			}
		case name == "" && len(ls) == 0:
		default:
			panic("rules: domain_words.txt: unknown section [" + name + "]")
		}
	}
	w.trim = map[string]bool{}
	for p := range w.filler {
		if len(p) >= 3 || p == "jp" {
			w.trim[p] = true
		}
	}
	for _, set := range []map[string]bool{w.action, w.service} {
		for p := range set {
			w.trim[p] = true
		}
	}
	var pre, suf []string
	for p := range w.trim {
		if trieValidLen(p) < len(p) {
			w.trimOdd = append(w.trimOdd, p)
			continue
		}
		rev := make([]byte, len(p))
		for i := 0; i < len(p); i++ {
			rev[len(p)-1-i] = p[i]
		}
		pre, suf = append(pre, p), append(suf, string(rev))
	}
	w.trimPre, w.trimSuf = newTrie(pre, nil), newTrie(suf, nil)
	w.plain = map[string]bool{}
	for _, set := range []map[string]bool{w.action, w.service, w.filler} {
		for p := range set {
			w.plain[p] = true
		}
	}
	return w
})

// allowed reports whether host is in domain_allow.txt or under a domain
// there.
func allowed(host string) bool {
	a := allowList()
	for h := host; h != ""; {
		if a[h] {
			return true
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 {
			break
		}
		h = h[dot+1:]
	}
	return false
}

var allowList = sync.OnceValue(func() map[string]bool { return set("domain_allow.txt") })
