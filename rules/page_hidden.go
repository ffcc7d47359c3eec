package rules

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// This file works out what of a page no browser shows: elements hidden by
// their own markup (the hidden attribute, a <dialog> not open, an inline
// style of display:none, visibility:hidden, content-visibility:hidden, an
// opacity of 0.02 or less or a font size of 0) or by a rule of the page's
// own style sheets (page_css.go).
//
// Hidden text can accuse but not excuse. It stays in Text and Lines: a
// script may show it (a kit's next step, an honest page's accordion), and
// an honest shop's folded-away details are still its details. But a kit
// salts itself with a warning or a shop's words in display:none to pass as
// a warning page or a shop: the tests that let a page go read what is
// shown (ShownLines, shownHeadings), and the signs that a warning can
// excuse judge the shown page again when only hidden text excused it
// (shownToo, below; the rules' Check wraps it): a police page whose
// example and warning both unfold on a click stays excused; a kit whose
// lure is shown does not.

// pageHidden is what of a page is hidden.
type pageHidden struct {
	// lines are the lines of the text a browser shows: Text with the
	// text of hidden elements cut out where it stood.
	lines []string
	// headings are the h1-h3 headings shown, without hidden parts.
	headings []string
	// els are the outermost hidden elements.
	els map[*html.Node]bool
	// sure is the same for what is hidden beyond doubt (the hidden
	// attribute or an inline style no rule of the page can undo, a
	// closed dialog), nil when nothing is: the view shownToo also judges,
	// so that text wrongly taken for hidden cannot carry a lure past
	// a warning that is surely hidden.
	sure *pageHidden
}

// HasHidden reports whether some of p's text is hidden.
func (p *Page) HasHidden() bool { return p.hid != nil }

// ShownLines returns the lines of the text a browser shows: Lines when
// nothing is hidden, else the text with hidden elements' text cut out
// (a hidden span inside a line leaves the rest of the line).
func (p *Page) ShownLines() []string {
	if p.hid == nil {
		return p.Lines
	}
	return p.hid.lines
}

// shownHeadings returns the h1-h3 headings a browser shows.
func (p *Page) shownHeadings() []string {
	if p.hid == nil {
		return p.Headings
	}
	return p.hid.headings
}

// shownPage returns a copy of p with only what is shown: its lines,
// headings and text, and document walks (phishWalk) that skip hidden
// elements; p itself when nothing is hidden. The copy keeps nothing
// derived (a memo of its own).
func (p *Page) shownPage() *Page { return p.viewPage(p.hid) }

// surePage is shownPage leaving out only what is hidden beyond doubt; p
// itself when nothing is, or when that is all that is hidden (shownPage
// is the same).
func (p *Page) surePage() *Page {
	if p.hid == nil || p.hid.sure == nil || p.hid.sure == p.hid {
		return p
	}
	return p.viewPage(p.hid.sure)
}

func (p *Page) viewPage(h *pageHidden) *Page {
	if h == nil {
		return p
	}
	q := &pageWithMemo{page: *p}
	q.page.memo = &q.memo
	q.page.Lines = h.lines
	q.page.Text = strings.Join(h.lines, "\n")
	q.page.Headings = h.headings
	q.page.skip = h.els
	q.page.hid = nil
	return &q.page
}

// hides reports whether element n is hidden: by its attributes and inline
// style, or by the page's style sheet where the inline style does not say.
func (w *pageWalk) hides(n *html.Node) (hidden, sure bool, vis int8) {
	var style string
	attrHidden := n.Data == "dialog" // a dialog is hidden until open
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			attrHidden = true
		case "open":
			if n.Data == "dialog" {
				attrHidden = false
			}
		case "style":
			style = a.Val
		}
	}
	var in cssVals
	if len(style) > inlineMaxBytes {
		style = style[:inlineMaxBytes]
	}
	// A hiding value, a font size maybe 0, or a property that may undo
	// what the hidden attribute, the sheet or a hidden visibility set
	// (content-visibility is among visib's).
	if style != "" && (sheetMayHide(style) || cssFontZeroHint(style) ||
		// An escape may spell a hiding value (display:n\6f ne).
		strings.IndexByte(style, '\\') >= 0 ||
		// A display or visibility may undo the hidden attribute or a
		// rule of the sheet.
		(attrHidden || w.sheet != nil) && (shopContainsLowerASCII(style, "display") || shopContainsLowerASCII(style, "visib") || shopContainsLowerASCII(style, "opacity")) ||
		// Under a hidden visibility, a child may show itself again.
		w.visHidden && shopContainsLowerASCII(style, "visib")) {
		in = inlineVals(style)
	}
	var sh cssVals
	if w.sheet != nil {
		sh = w.sheet.vals(n)
	}
	// pick says what wins for prop, and whether beyond doubt: an inline
	// style on a page whose own style sheets say nothing !important.
	pick := func(prop sheetProp) (set, hide, sure bool) {
		if in.set[prop] && !(sh.imp[prop] && !in.imp[prop]) {
			return true, in.hide[prop], !w.cssImportant // inline wins, but not over a sheet's !important
		}
		return sh.set[prop], sh.hide[prop], false
	}
	if set, hide, sure := pick(propDisplay); hide {
		return true, sure, 0
	} else if !set && attrHidden {
		// The hidden attribute is display:none: a display set undoes it,
		// here or (not read) in a linked sheet.
		return true, !w.cssDisplay, 0
	}
	if frame := n.Data == "iframe"; !w.mail && (style != "" && cssBoxHides(style, frame) || frame && zeroFrame(n) || sh.hide[propBox]) {
		return true, false, 0 // out of sight by its box (page_box.go)
	}
	if _, hide, sure := pick(propOpacity); hide && !fadeIn(n, style) {
		return true, sure, 0
	}
	if _, hide, sure := pick(propContent); hide {
		return true, sure, 0 // its contents are not drawn
	}
	if in.hide[propFontSize] && !w.resizedBelow(n) {
		return true, false, 0
	}
	// Visibility is inherited, and a child may show itself again: the
	// walk keeps it as state (visFlip).
	if set, hide, _ := pick(propVisibility); set {
		if hide && !fadeIn(n, style) {
			return false, false, 1
		}
		if !hide {
			return false, false, -1
		}
	}
	return false, false, 0
}

// fadeIn reports whether an element's transparency or hidden visibility
// looks like a scroll animation's first frame (WOW.js writes
// visibility:hidden and animation-name:none into the style, AOS sets
// opacity:0 and a transform on data-aos sections): a script shows it as
// the reader scrolls, so it counts as shown. Honest warning pages use
// these effects on their headings and advice; a kit could copy them, which
// the README's Limits say.
func fadeIn(n *html.Node, style string) bool {
	if style != "" && (shopContainsLowerASCII(style, "animation") || shopContainsLowerASCII(style, "transition") || shopContainsLowerASCII(style, "transform")) {
		return true
	}
	for _, a := range n.Attr {
		switch {
		case strings.HasPrefix(a.Key, "data-aos"), strings.HasPrefix(a.Key, "data-wow"), strings.HasPrefix(a.Key, "data-sal"),
			strings.HasPrefix(a.Key, "data-scroll"), strings.HasPrefix(a.Key, "data-animate"):
			return true
		case a.Key == "class":
			for _, c := range strings.Fields(strings.ToLower(a.Val)) {
				if c == "wow" || c == "aos-init" || strings.Contains(c, "fade") || strings.Contains(c, "reveal") ||
					strings.Contains(c, "animate") || strings.Contains(c, "inview") || strings.Contains(c, "scroll") {
					return true
				}
			}
		}
	}
	return false
}

// visFlip turns the walk's visibility state over at the current text
// offset, where an element's visibility (hides) differs from the one it
// inherits, and back where the element ends: opening a span of hidden
// text (n, when not nil, among the hidden elements for headings and
// document walks) or closing the open one. Such spans are cut out of the
// shown view, never the sure one (a rule not read may show them).
func (w *pageWalk) visFlip(n *html.Node) {
	if w.visHidden = !w.visHidden; w.visHidden {
		w.visSpans = append(w.visSpans, [2]int{len(w.text), -1})
		if n != nil {
			if w.hid.els == nil {
				w.hid.els = map[*html.Node]bool{}
			}
			w.hid.els[n] = true
		}
	} else {
		w.visSpans[len(w.visSpans)-1][1] = len(w.text)
	}
}

// resizedBelow reports whether an element under n may set its own font
// size: a list at font-size 0 that closes the gaps between items sized
// again. An element's inline style must give a size other than 0
// (font-weight is no size); any element may be sized where a style sheet
// could (the page's own mention a font, or it links one). An empty
// <span class="x"> or a <b style="font-weight:bold"> in a salt hidden at
// font-size 0 shows nothing (review 21).
func (w *pageWalk) resizedBelow(n *html.Node) bool {
	if w.cssFont {
		return w.anyBelow(n, func(*html.Node) bool { return true })
	}
	return w.anyBelow(n, func(c *html.Node) bool {
		for _, a := range c.Attr {
			if a.Key == "style" && shopContainsLowerASCII(a.Val, "font") {
				in := inlineVals(a.Val)
				if in.set[propFontSize] && !in.hide[propFontSize] {
					return true
				}
			}
		}
		return false
	})
}

// belowBudget is how many elements anyBelow may visit on one page: past
// it, fn is taken to hold (the element counts as shown), so that a page of
// nested elements each asking costs no more.
const belowBudget = 200_000

// anyBelow reports whether fn holds for an element under n.
func (w *pageWalk) anyBelow(n *html.Node, fn func(*html.Node) bool) bool {
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if w.belowSeen++; w.belowSeen > belowBudget || fn(c) || visit(c) {
				return true
			}
		}
		return false
	}
	return visit(n)
}

// cssFontZeroHint is the cheap test for an inline font size of 0: the
// property named, and a 0 somewhere after it.
func cssFontZeroHint(style string) bool {
	return shopContainsLowerASCII(style, "font") && strings.Contains(style, "0")
}

// inlineMaxBytes caps the inline style read: real ones are a few hundred
// bytes; thousands of megabyte-long ones must not each be parsed whole.
const inlineMaxBytes = 8 << 10

// cssVals are the properties that hide, as one element's rules set them,
// and which of them were set !important.
type cssVals struct {
	set, hide, imp [propCount]bool
}

// put sets a property as a later declaration does: it wins unless the
// one before was !important and it is not.
func (v *cssVals) put(prop sheetProp, hide, important bool) {
	if v.imp[prop] && !important {
		return
	}
	v.set[prop], v.hide[prop], v.imp[prop] = true, hide, important
}

// inlineVals reads an inline style: the last declaration of each property
// wins, as in a browser.
func inlineVals(style string) cssVals {
	var v cssVals
	// Without a comment, escape, string or function, declarations are
	// split at semicolons and their first colon, without a parser.
	inlineDecls(style, "/\\\"'(", func(name, value string) {
		if prop, hide, imp, ok := cssValue(name, value); ok {
			v.put(prop, hide, imp)
		}
	})
	return v
}

// inlineDecls calls fn with the name and value of each declaration of an
// inline style, escapes undone and comments dropped. A style holding none
// of the characters of slow is split at its semicolons and their first
// colons; others are read by the CSS parser.
func inlineDecls(style, slow string, fn func(name, value string)) {
	if !strings.ContainsAny(style, slow) {
		for rest := style; rest != ""; {
			var decl string
			decl, rest, _ = strings.Cut(rest, ";")
			if name, val, ok := strings.Cut(decl, ":"); ok {
				fn(strings.TrimSpace(name), val)
			}
		}
		return
	}
	p := css.NewParser(parse.NewInputString(style), true)
	for {
		gt, _, data := p.Next()
		if gt == css.ErrorGrammar {
			return
		}
		if gt == css.DeclarationGrammar {
			fn(cssUnescape(string(data)), cssUnescape(cssJoin(p.Values())))
		}
	}
}

// cssJoin is a declaration's value as written, comments left out.
func cssJoin(vals []css.Token) string {
	var b []byte
	for _, t := range vals {
		if t.TokenType != css.CommentToken {
			b = append(b, t.Data...)
		}
	}
	return string(b)
}

// cssUnescape undoes CSS escapes as a browser reads them: a backslash and
// one to six hex digits (and one white space after them) is that code
// point, a backslash and any other character that character
// (display:n\6f ne is display:none). s is returned as it is when it has no
// backslash.
func cssUnescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(s) && j < i+7 && isHexDigit(s[j]) {
			j++
		}
		if j == i+1 { // not hex: the character itself
			i++
			b.WriteByte(s[i])
			continue
		}
		n, _ := strconv.ParseUint(s[i+1:j], 16, 32)
		r := rune(n)
		if r == 0 || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			r = unicode.ReplacementChar
		}
		b.WriteRune(r)
		if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		i = j - 1
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cssValue reads a property's name and value: the property, whether the
// value hides, whether it is !important, and ok when the declaration is
// one of the properties read with a value a browser takes (one it would
// drop, display:bogus or display:&nbsp;none, is ignored as it is there).
// CSS-wide keywords (inherit, initial, revert …) are ignored too.
func cssValue(name, value string) (prop sheetProp, hides, important, ok bool) {
	if !cssHidingName(name) {
		return 0, false, false, false
	}
	v := strings.ToLower(cssSqueeze(value))
	if w, found := strings.CutSuffix(v, "!important"); found {
		v, important = w, true
	}
	switch strings.ToLower(name) {
	case "display":
		if v == "none" {
			return propDisplay, true, important, true
		}
		return propDisplay, false, important, cssDisplayKeywords(v)
	case "visibility":
		return propVisibility, v == "hidden" || v == "collapse", important, v == "visible" || v == "hidden" || v == "collapse"
	case "content-visibility":
		return propContent, v == "hidden", important, v == "visible" || v == "auto" || v == "hidden"
	case "opacity":
		f, ok := cssNumber(cssCalcOf(v, value))
		return propOpacity, ok && f <= 0.02, important, ok
	case "font-size":
		f, ok := cssNumber(cssCalcOf(v, value))
		return propFontSize, ok && f <= 0, important, v != "" && !cssWide(v)
	case "font":
		// The shorthand sets the size too (font:0/0 a).
		size, ok := cssFontShorthandSize(value)
		if !ok {
			return 0, false, false, false
		}
		f, ok := cssNumber(size)
		return propFontSize, ok && f <= 0, important, ok
	}
	return 0, false, false, false
}

// cssCalcOf returns what a calc() value computes to (cssCalc), read from
// the value as written (raw: the spaces around + and - matter), and the
// squeezed value v as it is otherwise (a calc() not worked out then reads
// as no number).
func cssCalcOf(v, raw string) string {
	if !strings.HasPrefix(v, "calc(") {
		return v
	}
	if n, ok := cssCalc(cssWithoutImportant(strings.ToLower(raw))); ok {
		return n
	}
	return v
}

// cssWithoutImportant returns a lower-case value as written, trimmed and
// without a closing !important (spaces allowed after the !).
func cssWithoutImportant(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.LastIndexByte(v, '!'); i >= 0 && cssSqueeze(v[i+1:]) == "important" {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// cssCalcMax bounds the calc() worked out: its length and its nesting.
const (
	cssCalcMaxLen   = 256
	cssCalcMaxDepth = 16
)

// cssCalc works out a calc() of numbers as a browser does (calc(1 - 1),
// calc(0.5 * 0), calc((1 - 1) / 2), calc(10px - 10px)): + and - between
// spaces, * and /, parentheses and nested calc(); the terms added must
// have the same unit (or none), a unit is multiplied or divided by plain
// numbers only, and nothing is divided by 0. It returns the result as
// cssNumber reads it ("0", "0px"); false for anything else (a var(), a
// percentage beside a length, a malformed expression), which a browser
// may compute otherwise.
func cssCalc(v string) (string, bool) {
	if len(v) > cssCalcMaxLen {
		return "", false
	}
	c := calcParser{s: v}
	if !c.take("calc(") {
		return "", false
	}
	r, ok := c.sum(0)
	if !ok || !c.take(")") || c.i != len(c.s) {
		return "", false
	}
	return strconv.FormatFloat(r.n, 'g', -1, 64) + r.unit, true
}

// calcValue is a number and its unit ("" for none).
type calcValue struct {
	n    float64
	unit string
}

// calcParser reads a calc() expression from s at i.
type calcParser struct {
	s string
	i int
}

func (c *calcParser) spaces() bool {
	start := c.i
	for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == '\t' || c.s[c.i] == '\n' || c.s[c.i] == '\r' || c.s[c.i] == '\f') {
		c.i++
	}
	return c.i > start
}

func (c *calcParser) take(tok string) bool {
	if strings.HasPrefix(c.s[c.i:], tok) {
		c.i += len(tok)
		return true
	}
	return false
}

// sum reads terms joined by + and - (each between spaces).
func (c *calcParser) sum(depth int) (calcValue, bool) {
	c.spaces()
	r, ok := c.product(depth)
	if !ok {
		return r, false
	}
	for {
		save := c.i
		if !c.spaces() || c.i >= len(c.s) || c.s[c.i] != '+' && c.s[c.i] != '-' {
			c.i = save
			c.spaces()
			return r, true
		}
		op := c.s[c.i]
		c.i++
		if !c.spaces() {
			return r, false // 1 -1: a browser drops it
		}
		t, ok := c.product(depth)
		if !ok || t.unit != r.unit {
			return r, false
		}
		if op == '+' {
			r.n += t.n
		} else {
			r.n -= t.n
		}
	}
}

// product reads values joined by * and /.
func (c *calcParser) product(depth int) (calcValue, bool) {
	r, ok := c.value(depth)
	if !ok {
		return r, false
	}
	for {
		save := c.i
		c.spaces()
		if c.i >= len(c.s) || c.s[c.i] != '*' && c.s[c.i] != '/' {
			c.i = save
			return r, true
		}
		op := c.s[c.i]
		c.i++
		c.spaces()
		t, ok := c.value(depth)
		if !ok {
			return r, false
		}
		switch {
		case op == '*' && (r.unit == "" || t.unit == ""):
			r = calcValue{r.n * t.n, r.unit + t.unit}
		case op == '/' && t.unit == "" && t.n != 0:
			r.n /= t.n
		default:
			return r, false
		}
	}
}

// value reads a number with its unit, or a parenthesised or nested calc().
func (c *calcParser) value(depth int) (calcValue, bool) {
	if depth >= cssCalcMaxDepth {
		return calcValue{}, false
	}
	if c.take("(") || c.take("calc(") {
		r, ok := c.sum(depth + 1)
		if !ok || !c.take(")") {
			return r, false
		}
		return r, true
	}
	start := c.i
	if c.i < len(c.s) && (c.s[c.i] == '+' || c.s[c.i] == '-') {
		c.i++
	}
	for c.i < len(c.s) && (c.s[c.i] >= '0' && c.s[c.i] <= '9' || c.s[c.i] == '.') {
		c.i++
	}
	// An exponent (1e-9): e, a sign maybe, then digits; else e starts a
	// unit (em).
	if e := c.i; e+1 < len(c.s) && c.s[e] == 'e' {
		d := e + 1
		if c.s[d] == '+' || c.s[d] == '-' {
			d++
		}
		if d < len(c.s) && c.s[d] >= '0' && c.s[d] <= '9' {
			c.i = d
			for c.i < len(c.s) && c.s[c.i] >= '0' && c.s[c.i] <= '9' {
				c.i++
			}
		}
	}
	num := c.s[start:c.i]
	ustart := c.i
	for c.i < len(c.s) && (c.s[c.i] >= 'a' && c.s[c.i] <= 'z' || c.s[c.i] == '%') {
		c.i++
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return calcValue{}, false
	}
	return calcValue{n, c.s[ustart:c.i]}, true
}

// cssFontShorthandSize returns the font size of a font shorthand's value
// (its style, variant and weight come first, the size next, a line height
// after a slash, the family last): the first word that is a length, a
// percentage or 0. Weights are numbers without a unit and never 0.
func cssFontShorthandSize(value string) (string, bool) {
	v := cssWithoutImportant(strings.ToLower(value))
	for _, w := range strings.Fields(strings.ReplaceAll(v, "/", " / ")) {
		if w == "/" {
			return "", false // a line height before any size: not a font shorthand read here
		}
		if w[0] >= '0' && w[0] <= '9' || w[0] == '.' {
			if n, ok := cssNumber(w); ok && (n == 0 || strings.TrimLeft(w, "0123456789.+-eE") != "") {
				return w, true
			}
		}
	}
	return "", false
}

// cssSqueeze removes CSS white space (space, tab, line breaks; not a
// no-break space, which CSS does not take for one).
func cssSqueeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			return -1
		}
		return r
	}, s)
}

// cssWide reports whether v is a CSS-wide keyword.
func cssWide(v string) bool {
	switch v {
	case "inherit", "initial", "unset", "revert", "revert-layer":
		return true
	}
	return false
}

// cssDisplayKeywords reports whether v (squeezed) is a display value other
// than none that a browser takes.
func cssDisplayKeywords(v string) bool {
	switch v {
	case "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table", "inline-table",
		"table-row", "table-cell", "table-row-group", "table-header-group", "table-footer-group", "table-column",
		"table-column-group", "table-caption", "list-item", "contents", "flow-root", "run-in", "ruby", "ruby-base",
		"ruby-text", "ruby-base-container", "ruby-text-container", "math", "blockflow", "inlineflow", "blockflex",
		"inlineflex", "blockgrid", "inlinegrid", "inlineflow-root", "blockflow-root":
		return true
	}
	return false
}

// cssHidingName is the cheap test of a property name: one of those that
// can hide (display, visibility, content-visibility, opacity, font-size,
// font).
func cssHidingName(name string) bool {
	switch len(name) {
	case 4, 7, 9, 10, 18: // font, display, font-size, visibility, content-visibility; opacity is 7 too
		return true
	}
	return false
}

// cssNumber reads a number with an optional unit or percent (0, .5,
// -1, 0.0%, 0px), a percentage as a fraction of 1; ok is false for
// anything else (calc(), a keyword).
func cssNumber(v string) (float64, bool) {
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || v[end] == '.' || end == 0 && (v[end] == '+' || v[end] == '-')) {
		end++
	}
	if end == 0 {
		return 0, false
	}
	// An exponent (0e5, 1e-9): e, a sign maybe, then digits.
	if e := end; e+1 < len(v) && (v[e] == 'e' || v[e] == 'E') {
		d := e + 1
		if v[d] == '+' || v[d] == '-' {
			d++
		}
		if d < len(v) && v[d] >= '0' && v[d] <= '9' {
			end = d
			for end < len(v) && v[end] >= '0' && v[end] <= '9' {
				end++
			}
		}
	}
	f, err := strconv.ParseFloat(v[:end], 64)
	if err != nil {
		return 0, false
	}
	unit := v[end:]
	switch {
	case unit == "%":
		f /= 100
	case unit != "" && strings.Trim(unit, "abcdefghijklmnopqrstuvwxyz") != "":
		return 0, false
	}
	return f, true
}

// hideTrack records, during the walk, the spans of text (offsets into
// w.text) of the outermost elements of one kind of hiding, and those
// elements; depth is how deep the walk is in one.
type hideTrack struct {
	spans [][2]int
	els   map[*html.Node]bool
	depth int
}

// enter and leave mark where the text of a hidden element starts and ends.
func (t *hideTrack) enter(n *html.Node, at int) {
	if t.depth == 0 {
		t.spans = append(t.spans, [2]int{at, -1})
		if t.els == nil {
			t.els = map[*html.Node]bool{}
		}
		t.els[n] = true
	}
	t.depth++
}

func (t *hideTrack) leave(at int) {
	if t.depth--; t.depth == 0 {
		t.spans[len(t.spans)-1][1] = at
	}
}

// cut returns the lines (normalised as Text's are) of text with the
// spans cut out where they stood: a hidden span inside a line leaves the
// line's rest joined, as a browser draws it. Call it before text is
// normalised in place.
func (t *hideTrack) cut(text []byte, more ...[2]int) []string {
	spans := t.spans
	if len(more) > 0 {
		// Other spans (visibility's) may overlap these: sorted, merged.
		spans = append(slices.Clone(t.spans), more...)
		slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	}
	shown := make([]byte, 0, len(text))
	at := 0
	for _, sp := range spans {
		if sp[0] > at {
			shown = append(shown, text[at:sp[0]]...)
		}
		at = max(at, sp[1])
	}
	shown = append(shown, text[at:]...)
	if s := foldLines(nfkcBytes(shown)); s != "" {
		return strings.Split(s, "\n")
	}
	return nil
}

// headings returns the text of the headings not inside an element of t,
// without such elements' text.
func (t *hideTrack) headings(w *pageWalk) []string {
	var out []string
	for _, h := range w.headings {
		if t.inside(h) {
			continue
		}
		w.scratch = appendShownText(w.scratch[:0], h, t.els)
		if s := foldNFKC(w.scratch); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// inside reports whether n or an element above it is one of t's.
func (t *hideTrack) inside(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if t.els[n] {
			return true
		}
	}
	return false
}

// hiddenText works out, after the walk, what of the page is shown (nil
// when nothing is hidden). Call it before w.text is normalised in place.
func (w *pageWalk) hiddenText() *pageHidden {
	if w.visHidden {
		w.visSpans[len(w.visSpans)-1][1] = len(w.text) // open at the end (a truncated page)
	}
	if len(w.hid.spans) == 0 && len(w.visSpans) == 0 {
		return nil
	}
	h := &pageHidden{els: w.hid.els, lines: w.hid.cut(w.text, w.visSpans...)}
	switch {
	case len(w.sure.spans) == 0:
	case len(w.visSpans) == 0 && slices.Equal(w.sure.spans, w.hid.spans):
		h.sure = h // every hiding is certain: the same view
	default:
		// Some are not (a sure span may also lie inside an unsure one:
		// the same count of spans is no same view).
		h.sure = &pageHidden{els: w.sure.els, lines: w.sure.cut(w.text)}
	}
	return h
}

// setHeadings fills the views' headings once the page's are known.
func (w *pageWalk) setHeadings(h *pageHidden) {
	h.headings = w.hid.headings(w)
	if h.sure != nil && h.sure != h {
		h.sure.headings = w.sure.headings(w)
	}
}

// appendShownText is appendText leaving out hidden elements.
func appendShownText(b []byte, n *html.Node, hidden map[*html.Node]bool) []byte {
	if n.Type == html.TextNode {
		b = append(b, n.Data...)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !hidden[c] {
			b = appendShownText(b, c, hidden)
		}
	}
	return b
}

// shownToo wraps the check of a page sign that a warning page excuses
// (excused is its warning test, behind the sign's own cheap test: it runs
// on every page with hidden text that did not fire). Where a page with
// hidden text was let go, the sign is judged again on what the page shows
// (and on what is left once only what is surely hidden is taken out): if
// it fires there, the excuse was hidden (a kit salted with a warning) and
// the finding stands; if the lure itself was hidden too (a police page's
// example that unfolds beside its warning), nothing fires.
func shownToo(check func(*Site) []Finding, excused func(*Page) bool) func(*Site) []Finding {
	return func(site *Site) []Finding {
		out := check(site)
		for _, p := range site.Pages {
			if p == nil || !p.HasHidden() || slices.ContainsFunc(out, func(f Finding) bool { return f.URL == p.URL }) || !excused(p) {
				continue
			}
			for _, sp := range []*Page{p.shownPage(), p.surePage()} {
				if sp == p || excused(sp) {
					continue // the warning is shown: the excuse stands
				}
				one := *site
				one.Pages, one.memo = []*Page{sp}, nil
				if f := check(&one); len(f) > 0 {
					out = append(out, f...)
					break
				}
			}
		}
		return out
	}
}

// hiddenNote is what a sign's evidence gets when it quotes text that its
// page holds only hidden (evidenceHidden): a person looking at the page
// will not find it there, and should know why. Some of it may show later
// (a kit's next step after a click): it is hidden when the page opens.
var hiddenNote = Text{
	JA: "（この根拠には、ページを開いたときには表示されない隠された文字が含まれます）",
	EN: " (this includes text the page hides when it opens)",
}

// evidenceHidden reports whether evidence quotes text that page p holds
// only hidden: a piece of the evidence (between quotation marks, slashes
// or a label's colon) whose first twelve runes, eight at least, stand in
// a line of p that a browser does not show and in no line it shows.
func evidenceHidden(p *Page, evidence string) bool {
	if p == nil || p.hid == nil || evidence == "" {
		return false
	}
	shown := p.ShownLines()
	isShown := make(map[string]bool, len(shown))
	for _, l := range shown {
		isShown[l] = true
	}
	var hidden []string // lines cut out of what is shown, or cut short in it
	for _, l := range p.Lines {
		if !isShown[l] {
			hidden = append(hidden, l)
		}
	}
	if len(hidden) == 0 {
		return false
	}
	in := func(lines []string, s string) bool {
		for _, l := range lines {
			if strings.Contains(l, s) {
				return true
			}
		}
		return false
	}
	for _, piece := range strings.FieldsFunc(evidence, evidenceBreak) {
		probe := flHeadRunes(strings.TrimSpace(piece), 12)
		if utf8.RuneCountInString(probe) < 8 {
			continue
		}
		if in(hidden, probe) && !in(shown, probe) {
			return true
		}
	}
	return false
}

// evidenceBreak marks where evidence puts pieces of a page's text side by
// side: quotation marks, slashes, colons, an ellipsis.
func evidenceBreak(r rune) bool {
	switch r {
	case '「', '」', '『', '』', '/', ':', '：', '…', '→', '←', '"':
		return true
	}
	return false
}
