package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// This file reads the page's own style sheets (<style> elements) for the
// rules that hide elements by a class, an id or a tag: a kit that salts
// itself with a hidden warning or shop text needs only
// <style>.x{display:none}</style>. Selectors of one element (a tag, #id,
// .class, together: div.note#n), of two joined by a combinator (.w p,
// #w > div) and with attributes (p[data-w], [data-w]) are read (see
// sheetSelector), outside @media and other at-rules not always in force;
// a rule that shows the element again (display:block,
// visibility:visible, opacity:1) wins where the cascade says it does
// (!important, specificity, then order), and so does the element's own
// inline style unless the sheet's rule is !important. Longer chains,
// pseudo-classes and the universal selector are not followed: such rules
// are skipped, which leaves text counted as shown (and what the sheet
// hides counts as hidden only in doubt: page_hidden.go's sure view keeps
// it).

// sheetMaxBytes caps the style text read on a page, sheetMaxRules the
// rules kept: beyond them the rest is not read.
const (
	sheetMaxBytes = 256 << 10
	sheetMaxRules = 512
)

// sheetProp is a property that can hide an element.
type sheetProp uint8

const (
	propDisplay sheetProp = iota
	propVisibility
	propOpacity
	propContent  // content-visibility
	propFontSize // inline styles only: sheets set it to 0 to close gaps
	propBox      // sheets only: a visually-hidden recipe (page_box.go)
	propCount
)

// sheetRule is one selector of a rule that sets a property.
type sheetRule struct {
	tag, id string
	classes []string
	spec    int // id 100, class 10, tag 1 (enough for one compound)
	order   int
	prop    sheetProp
	hides   bool
	imp     bool // !important: beats the rules that are not, and inline styles
	// sel matches the whole selector when it is more than tag, id and
	// classes (a combinator, attributes): tag, id and classes are then
	// its last compound's, the quick test before it.
	sel cascadia.Sel
}

// styleSheet holds a page's rules, indexed by the key that must be on an
// element for one to match (its id, else its first class, else its tag;
// attrs: none, a selector of attributes alone).
type styleSheet struct {
	byID, byClass, byTag map[string][]int
	attrs                []int
	rules                []sheetRule
	// matches is how many more times a selector may be matched whole
	// (sheetMaxMatches a page): past it, such rules are not applied.
	matches int
}

// sheetMaxMatches bounds the whole-selector matches on one page: each
// may walk an element's ancestors (the parser keeps 512 at most).
const sheetMaxMatches = 20000

// newStyleSheet reads the rules that set display, visibility, opacity or
// content-visibility, and those holding a visually-hidden recipe
// (page_box.go), from the style texts; nil when none hides anything or
// sets a visibility (which may show an element under a hidden one).
func newStyleSheet(texts []string) *styleSheet {
	if !slices.ContainsFunc(texts, func(t string) bool {
		// (An escape may spell a hiding value: display:n\6f ne.)
		return sheetMayHide(t) || shopContainsLowerASCII(t, "visible") || strings.IndexByte(t, '\\') >= 0 ||
			// The visually-hidden recipes (page_box.go); text the colour of
			// its background alone, in a sheet with none of these words,
			// is not looked for.
			shopContainsLowerASCII(t, "absolute") || shopContainsLowerASCII(t, "fixed") ||
			shopContainsLowerASCII(t, "clip") || shopContainsLowerASCII(t, "scale") || shopContainsLowerASCII(t, "indent")
	}) {
		return nil
	}
	s := &styleSheet{}
	budget := sheetMaxBytes
	hides := false
	for _, t := range texts {
		if budget <= 0 {
			break
		}
		if len(t) > budget {
			t = t[:budget]
		}
		budget -= len(t)
		hides = s.read(t) || hides
	}
	if !hides {
		return nil
	}
	s.byID, s.byClass, s.byTag = map[string][]int{}, map[string][]int{}, map[string][]int{}
	s.matches = sheetMaxMatches
	for i, r := range s.rules {
		switch {
		case r.id != "":
			s.byID[r.id] = append(s.byID[r.id], i)
		case len(r.classes) > 0:
			s.byClass[r.classes[0]] = append(s.byClass[r.classes[0]], i)
		case r.tag != "":
			s.byTag[r.tag] = append(s.byTag[r.tag], i)
		default:
			s.attrs = append(s.attrs, i)
		}
	}
	return s
}

// sheetMayHide is the cheap test of a style text: one without a value
// that hides (none, hidden, collapse, a 0 opacity) hides nothing.
// CSS keywords are read in any case (NoNe).
func sheetMayHide(t string) bool {
	for i := 0; i < len(t); i++ {
		var w string
		switch t[i] | 0x20 {
		case 'n':
			w = "none"
		case 'h':
			w = "hidden"
		case 'c':
			w = "collapse"
		case 'o':
			w = "opacity"
		default:
			continue
		}
		if len(t)-i >= len(w) && strings.EqualFold(t[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// read adds the rules of one style text and reports whether one hides
// or sets a visibility (which may show an element again).
func (s *styleSheet) read(text string) bool {
	p := css.NewParser(parse.NewInputString(text), false)
	var inForce []bool // for each at-rule open, whether it is always in force
	var sels []sheetRule
	var box boxDecls // the box properties of the rule being read
	hides := false
	for len(s.rules) < sheetMaxRules {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			return hides
		case css.BeginAtRuleGrammar:
			inForce = append(inForce, atRuleAlways(data, p.Values()))
		case css.EndAtRuleGrammar:
			if n := len(inForce); n > 0 {
				inForce = inForce[:n-1]
			}
		case css.BeginRulesetGrammar:
			sels, box = nil, boxDecls{}
			if !slices.Contains(inForce, false) { // not inside @media print and the like
				sels = sheetSelectors(p.Values())
			}
		case css.EndRulesetGrammar:
			// A visually-hidden recipe in one rule (a box moved off the
			// page, clipped to nothing, scaled to 0), or the half of one
			// that gives it away (hidesInSheet).
			if len(sels) > 0 && box.hidesInSheet() {
				hides = true
				for _, r := range sels {
					r.prop, r.hides, r.order = propBox, true, len(s.rules)
					s.rules = append(s.rules, r)
				}
			}
			sels = nil
		case css.DeclarationGrammar:
			if len(sels) == 0 {
				continue
			}
			name, value := cssUnescape(string(data)), cssUnescape(cssJoin(p.Values()))
			box.set(name, value)
			prop, hide, imp, ok := cssValue(name, value)
			if !ok || prop == propFontSize {
				continue
			}
			// Kept: a rule that hides, and one that shows an element
			// under a hidden visibility again.
			hides = hides || hide || prop == propVisibility
			for _, r := range sels {
				r.prop, r.hides, r.imp, r.order = prop, hide, imp, len(s.rules)
				s.rules = append(s.rules, r)
			}
		}
	}
	return hides
}

// atRuleAlways reports whether the rules inside an at-rule apply on any
// screen, as rules outside it do: @layer (a cascade layer: in force,
// only ordered apart, which is not read), and @media whose query holds on
// a phone and on a desktop alike (mediaEverywhere).
func atRuleAlways(name []byte, prelude []css.Token) bool {
	switch strings.ToLower(string(name)) {
	case "@layer":
		return true
	case "@media":
		// The query in lower case, spaces kept between words and dropped
		// inside parentheses: "screen and (min-width:1px)".
		var q strings.Builder
		depth := 0
		for _, t := range prelude {
			switch t.TokenType {
			case css.CommentToken:
				continue
			case css.WhitespaceToken:
				if depth == 0 {
					q.WriteByte(' ')
				}
				continue
			case css.LeftParenthesisToken:
				depth++
			case css.RightParenthesisToken:
				depth--
			}
			q.WriteString(strings.ToLower(string(t.Data)))
		}
		return mediaEverywhere(q.String())
	}
	return false
}

// The viewport widths, in CSS pixels, of a phone and of a desktop: a
// media query that holds at both is in force wherever people read the
// page.
const (
	mediaPhoneWidth   = 360
	mediaDesktopWidth = 1366
)

// mediaEverywhere reports whether a media query list holds on a phone and
// on a desktop screen (mediaPhoneWidth, mediaDesktopWidth): screen, all,
// and conditions on the width that both meet (min-width:1px,
// max-width:9999px: a kit's way to hide a warning from readers but not
// from a reader of style sheets that skips @media). Any other type,
// feature or form (print, orientation, not, the range syntax) is not
// worked out: false.
func mediaEverywhere(q string) bool {
	for _, item := range strings.Split(q, ",") {
		if mediaQueryEverywhere(item) {
			return true
		}
	}
	return false
}

// mediaQueryEverywhere is mediaEverywhere for one query of a list: an
// optional only, an optional screen or all, then width features joined by
// and.
func mediaQueryEverywhere(q string) bool {
	parts := strings.Fields(strings.NewReplacer("(", " (", ")", ") ").Replace(q))
	if len(parts) > 0 && parts[0] == "only" {
		parts = parts[1:]
	}
	if len(parts) > 0 && (parts[0] == "screen" || parts[0] == "all") {
		parts = parts[1:]
		if len(parts) == 0 {
			return true
		}
		if parts[0] != "and" {
			return false
		}
		parts = parts[1:]
	}
	if len(parts)%2 == 0 {
		return false // nothing left, or an and with nothing after it
	}
	for i, p := range parts {
		if i%2 == 1 && p != "and" || i%2 == 0 && !mediaWidthEverywhere(p) {
			return false
		}
	}
	return true
}

// mediaWidthEverywhere reports whether one feature, "(min-width:Npx)" or
// "(max-width:Npx)" (px, em or rem), holds on a phone and on a desktop.
func mediaWidthEverywhere(f string) bool {
	f, ok := strings.CutPrefix(f, "(")
	if !ok {
		return false
	}
	if f, ok = strings.CutSuffix(f, ")"); !ok {
		return false
	}
	name, val, ok := strings.Cut(f, ":")
	if !ok {
		return false
	}
	val = strings.TrimSpace(val)
	scale := 1.0
	switch {
	case strings.HasSuffix(val, "rem"):
		val, scale = strings.TrimSuffix(val, "rem"), 16
	case strings.HasSuffix(val, "em"):
		val, scale = strings.TrimSuffix(val, "em"), 16
	case strings.HasSuffix(val, "px"):
		val = strings.TrimSuffix(val, "px")
	case val != "0":
		return false
	}
	n, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return false
	}
	n *= scale
	for _, w := range [...]float64{mediaPhoneWidth, mediaDesktopWidth} {
		switch strings.TrimSpace(name) {
		case "min-width":
			if w < n {
				return false
			}
		case "max-width":
			if w > n {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// sheetSelectors parses a selector list (sheetSelector each); nil when
// any selector of the list is of a kind not read.
func sheetSelectors(toks []css.Token) []sheetRule {
	var out []sheetRule
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].TokenType != css.CommaToken {
			continue
		}
		r, ok := sheetSelector(toks[start:i])
		if !ok {
			return nil
		}
		out = append(out, r)
		start = i + 1
	}
	return out
}

// sheetSelector parses one selector. One of one element (a tag, #id,
// .class, together: div.note#n) is read as it is. One of two compounds
// joined by a combinator (.notice p, #w > div, h2 + p) or with attributes
// (p[data-w], [data-w]) is matched by cascadia, indexed by the key of its
// last compound (its id, a class or its tag); one with attributes alone
// must be a single compound. Longer chains (whose matching grows with the
// page's depth to a power), pseudo-classes (:hover is a state the page
// does not start in), the universal selector, functions, escapes and
// frameworks' cloaks are not read.
func sheetSelector(toks []css.Token) (sheetRule, bool) {
	for len(toks) > 0 && toks[0].TokenType == css.WhitespaceToken {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].TokenType == css.WhitespaceToken {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 || slices.ContainsFunc(toks, func(t css.Token) bool { return shopContainsLowerASCII(string(t.Data), "cloak") }) {
		// [v-cloak], [x-cloak], .ng-cloak: a framework's page, hidden
		// until its script has drawn it, which shopcheck never runs.
		return sheetRule{}, false
	}
	if r, ok := sheetCompound(toks, false); ok {
		return r, true
	}
	var text strings.Builder
	compounds, last, bracket := 1, 0, false
	for i, t := range toks {
		switch t.TokenType {
		case css.LeftBracketToken:
			bracket = true
		case css.RightBracketToken:
			bracket = false
		case css.WhitespaceToken, css.DelimToken:
			d := string(t.Data)
			if bracket || t.TokenType == css.DelimToken && d != ">" && d != "+" && d != "~" {
				break
			}
			// A combinator (spaces around one are one): the next
			// compound starts after it.
			if i > last {
				compounds++
			}
			last = i + 1
		}
		text.Write(t.Data)
	}
	sel := text.String()
	if compounds > 2 || strings.ContainsAny(sel, ":*()\\") {
		return sheetRule{}, false
	}

	m, err := cascadia.Parse(sel)
	if err != nil {
		return sheetRule{}, false
	}
	// The last compound's tag, id and classes are the key.
	r, ok := sheetCompound(toks[last:], true)
	if !ok || r.tag == "" && r.id == "" && len(r.classes) == 0 && compounds > 1 {
		return sheetRule{}, false // tried on every element, through its ancestors
	}
	sp := m.Specificity()
	r.sel, r.spec = m, sp[0]*100+sp[1]*10+sp[2]
	return r, true
}

// sheetCompound parses a selector of one element: a tag, #id, .class,
// together (div.note#n); with attrs, attribute selectors ([data-w="x"])
// are passed over.
func sheetCompound(toks []css.Token, attrs bool) (sheetRule, bool) {
	cur := sheetRule{}
	bracket := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case attrs && t.TokenType == css.LeftBracketToken:
			bracket = true
		case attrs && t.TokenType == css.RightBracketToken:
			bracket = false
		case bracket:
		case t.TokenType == css.IdentToken && i == 0:
			cur.tag, cur.spec = strings.ToLower(string(t.Data)), cur.spec+1
		case t.TokenType == css.HashToken:
			cur.id, cur.spec = string(t.Data[1:]), cur.spec+100
		case t.TokenType == css.DelimToken && string(t.Data) == "." && i+1 < len(toks) && toks[i+1].TokenType == css.IdentToken:
			i++
			cur.classes = append(cur.classes, string(toks[i].Data))
			cur.spec += 10
		default:
			return sheetRule{}, false // a combinator, an attribute, a pseudo-class, *
		}
	}
	return cur, true
}

// vals returns what the sheet's winning rules set for element n, for each
// property the one sheetBeats picks (!important, specificity, order).
func (s *styleSheet) vals(n *html.Node) cssVals {
	var id, class string
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			id = a.Val
		case "class":
			class = a.Val
		}
	}
	classes := strings.Fields(class)
	var win [propCount]int // index+1 of the winning rule of each property
	try := func(list []int) {
		for _, i := range list {
			r := &s.rules[i]
			if r.tag != "" && r.tag != n.Data || r.id != "" && r.id != id || !sheetHasAll(classes, r.classes) {
				continue
			}
			if r.sel != nil {
				if s.matches <= 0 {
					continue
				}
				s.matches--
				if !r.sel.Match(n) {
					continue
				}
			}
			if w := win[r.prop]; w == 0 || sheetBeats(r, &s.rules[w-1]) {
				win[r.prop] = i + 1
			}
		}
	}
	if id != "" {
		try(s.byID[id])
	}
	for _, c := range classes {
		try(s.byClass[c])
	}
	try(s.byTag[n.Data])
	if len(s.attrs) > 0 && len(n.Attr) > 0 {
		try(s.attrs)
	}
	var v cssVals
	for prop, w := range win {
		if w != 0 {
			r := &s.rules[w-1]
			v.set[prop], v.hide[prop], v.imp[prop] = true, r.hides, r.imp
		}
	}
	return v
}

// sheetBeats reports whether rule r wins over rule q in the cascade:
// !important first, then specificity, then the later.
func sheetBeats(r, q *sheetRule) bool {
	if r.imp != q.imp {
		return r.imp
	}
	return r.spec > q.spec || r.spec == q.spec && r.order > q.order
}

// sheetHasAll reports whether every class of want is among have.
func sheetHasAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// pageStyles returns the texts of the <style> elements under root, when
// the body has any (a cheap test first: most pages' hiding is inline).
func pageStyles(root *html.Node, body string) []string {
	if phishIndexFoldASCII(body, "<style", 3) < 0 { // any case: the parser takes <sTyLe>
		return nil
	}
	var out []string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "style" {
				if t := c.FirstChild; t != nil && t.Type == html.TextNode {
					out = append(out, t.Data)
				}
				continue
			}
			if c.Type == html.ElementNode || c.Type == html.DocumentNode {
				visit(c)
			}
		}
	}
	visit(root)
	return out
}
