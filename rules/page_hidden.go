package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// This file works out what of a page no browser shows: elements hidden by
// their own markup (the hidden attribute, a <dialog> not open, an inline
// style of display:none, visibility:hidden, content-visibility:hidden,
// opacity:0 or a font size of 0)
// or by a rule of the page's own style sheets (page_css.go).
//
// Hidden text can accuse but not excuse. It stays in Text and Lines: a
// script may show it (a kit's next step, an honest page's accordion), and
// an honest shop's folded-away details are still its details. But a kit
// salts itself with a warning or a shop's words in display:none to pass as
// a warning page or a shop: the tests that let a page go read what is
// shown (ShownLines, shownHeadings), and the signs that a warning can
// excuse judge the shown page again when only hidden text excused it
// (shownToo in all.go): a police page whose example and warning both
// unfold on a click stays excused; a kit whose lure is shown does not.

// pageHidden is what of a page is hidden.
type pageHidden struct {
	// lines are the lines of the text a browser shows: Text with the
	// text of hidden elements cut out where it stood.
	lines []string
	// headings are the h1-h3 headings shown, without hidden parts.
	headings []string
	// els are the outermost hidden elements.
	els map[*html.Node]bool
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
func (p *Page) shownPage() *Page {
	if p.hid == nil {
		return p
	}
	q := &pageWithMemo{page: *p}
	q.page.memo = &q.memo
	q.page.Lines = p.hid.lines
	q.page.Text = strings.Join(p.hid.lines, "\n")
	q.page.Headings = p.hid.headings
	q.page.skip = p.hid.els
	q.page.hid = nil
	return &q.page
}

// hides reports whether element n is hidden: by its attributes and inline
// style, or by the page's style sheet where the inline style does not say.
func (w *pageWalk) hides(n *html.Node) bool {
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
	if style != "" && (sheetMayHide(style) || cssHas(style, "content-vis") || cssFontZeroHint(style) ||
		// A display or visibility may undo the hidden attribute or a
		// rule of the sheet.
		(attrHidden || w.sheet != nil) && (cssHas(style, "display") || cssHas(style, "visib") || cssHas(style, "opacity"))) {
		in = inlineVals(style)
	}
	var sh cssVals
	if w.sheet != nil {
		sh = w.sheet.vals(n)
	}
	pick := func(prop sheetProp) (set, hide bool) {
		if in.set[prop] {
			return true, in.hide[prop]
		}
		return sh.set[prop], sh.hide[prop]
	}
	if set, hide := pick(propDisplay); hide || !set && attrHidden {
		return true // the hidden attribute is display:none: a display set undoes it
	}
	if _, hide := pick(propOpacity); hide {
		return true
	}
	if _, hide := pick(propContent); hide {
		return true // its contents are not drawn
	}
	if in.hide[propFontSize] && !w.resizedBelow(n) {
		return true
	}
	if _, hide := pick(propVisibility); hide && !w.visibleBelow(n) {
		return true
	}
	return false
}

// resizedBelow reports whether an element under n may set its own font
// size (an inline font-size, or a class a style sheet may size): a list
// at font-size 0 that closes the gaps between items sized again.
func (w *pageWalk) resizedBelow(n *html.Node) bool {
	return w.anyBelow(n, func(c *html.Node) bool {
		for _, a := range c.Attr {
			if a.Key == "class" || a.Key == "style" && cssHas(a.Val, "font") {
				return true
			}
		}
		return false
	})
}

// visibleBelow reports whether an element under n is made visible again
// (visibility:visible inline or by the sheet), which a hidden parent's
// visibility allows.
func (w *pageWalk) visibleBelow(n *html.Node) bool {
	return w.anyBelow(n, func(c *html.Node) bool {
		for _, a := range c.Attr {
			if a.Key == "style" && cssHas(a.Val, "visib") {
				if v := inlineVals(a.Val); v.set[propVisibility] && !v.hide[propVisibility] {
					return true
				}
			}
		}
		if w.sheet != nil {
			v := w.sheet.vals(c)
			return v.set[propVisibility] && !v.hide[propVisibility]
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

// cssHas reports whether s holds word, ASCII case ignored.
func cssHas(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// cssFontZeroHint is the cheap test for an inline font size of 0: the
// property named, and a 0 somewhere after it.
func cssFontZeroHint(style string) bool {
	return cssHas(style, "font") && strings.Contains(style, "0")
}

// inlineMaxBytes caps the inline style read: real ones are a few hundred
// bytes; thousands of megabyte-long ones must not each be parsed whole.
const inlineMaxBytes = 8 << 10

// cssVals are the properties that hide, as one element's rules set them.
type cssVals struct {
	set, hide [propCount]bool
}

// inlineVals reads an inline style: the last declaration of each property
// wins, as in a browser.
func inlineVals(style string) cssVals {
	var v cssVals
	if !strings.ContainsAny(style, "/\\\"'(") {
		// No comment, escape, string or function: declarations split
		// at semicolons and their first colon, without a parser.
		for rest := style; rest != ""; {
			var decl string
			decl, rest, _ = strings.Cut(rest, ";")
			name, val, ok := strings.Cut(decl, ":")
			if !ok {
				continue
			}
			if prop, hide, ok := cssValue(strings.TrimSpace(name), val); ok {
				v.set[prop], v.hide[prop] = true, hide
			}
		}
		return v
	}
	p := css.NewParser(parse.NewInputString(style), true)
	for {
		gt, _, data := p.Next()
		if gt == css.ErrorGrammar {
			return v
		}
		if gt != css.DeclarationGrammar {
			continue
		}
		if prop, hide, ok := cssDeclaration(data, p.Values()); ok {
			v.set[prop], v.hide[prop] = true, hide
		}
	}
}

// cssDeclaration reads one declaration: which property it sets and
// whether its value hides (display:none, visibility:hidden or collapse,
// an opacity or font size of 0 in any unit).
func cssDeclaration(name []byte, vals []css.Token) (prop sheetProp, hides, ok bool) {
	var b []byte
	for _, t := range vals {
		if t.TokenType != css.WhitespaceToken && t.TokenType != css.CommentToken {
			b = append(b, t.Data...)
		}
	}
	return cssValue(string(name), string(b))
}

// cssValue reads a property's name and value (spaces aside, any case).
func cssValue(name, value string) (prop sheetProp, hides, ok bool) {
	if !cssHidingName(name) {
		return 0, false, false
	}
	v := strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(value), "")), "!important")
	switch strings.ToLower(name) {
	case "display":
		return propDisplay, v == "none", true
	case "visibility":
		return propVisibility, v == "hidden" || v == "collapse", true
	case "opacity":
		return propOpacity, cssZero(v), true
	case "font-size":
		return propFontSize, cssZero(v), true
	case "content-visibility":
		return propContent, v == "hidden", true
	}
	return 0, false, false
}

// cssHidingName is the cheap test of a property name: one of those that
// can hide (display, visibility, content-visibility, opacity, font-size).
func cssHidingName(name string) bool {
	switch len(name) {
	case 7, 9, 10, 18: // display, font-size, visibility, content-visibility; opacity is 7 too
		return true
	}
	return false
}

// cssZero reports whether a value is a number of 0 (0, .0, 0.0%, 0px).
func cssZero(v string) bool {
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || v[end] == '.' || end == 0 && (v[end] == '+' || v[end] == '-')) {
		end++
	}
	if end == 0 {
		return false
	}
	f, err := strconv.ParseFloat(v[:end], 64)
	return err == nil && f == 0
}

// enterHidden and leaveHidden mark where the text of a hidden element
// starts and ends (outermost elements only).
func (w *pageWalk) enterHidden(n *html.Node) {
	if w.inHidden == 0 {
		w.hidden = append(w.hidden, [2]int{len(w.text), -1})
		if w.hiddenEls == nil {
			w.hiddenEls = map[*html.Node]bool{}
		}
		w.hiddenEls[n] = true
	}
	w.inHidden++
}

func (w *pageWalk) leaveHidden() {
	if w.inHidden--; w.inHidden == 0 {
		w.hidden[len(w.hidden)-1][1] = len(w.text)
	}
}

// hiddenText works out, after the walk, what of the page is shown (nil
// when nothing is hidden). Call it before w.text is normalised in place.
func (w *pageWalk) hiddenText() *pageHidden {
	if len(w.hidden) == 0 {
		return nil
	}
	h := &pageHidden{els: w.hiddenEls}
	shown := make([]byte, 0, len(w.text))
	at := 0
	for _, sp := range w.hidden {
		// Cut out where it stood: a hidden span inside a line leaves the
		// line's rest joined, as a browser draws it.
		shown = append(shown, w.text[at:sp[0]]...)
		at = sp[1]
	}
	shown = append(shown, w.text[at:]...)
	if t := foldLines(nfkcBytes(shown)); t != "" {
		h.lines = strings.Split(t, "\n")
	}
	return h
}

// shownHeadings returns the text of the headings not inside a hidden
// element, without their hidden parts.
func (w *pageWalk) shownHeadings() []string {
	var out []string
	for _, h := range w.headings {
		if w.insideHidden(h) {
			continue
		}
		w.scratch = appendShownText(w.scratch[:0], h, w.hiddenEls)
		if t := foldNFKC(w.scratch); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// insideHidden reports whether n or an element above it is hidden.
func (w *pageWalk) insideHidden(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if w.hiddenEls[n] {
			return true
		}
	}
	return false
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
// on every page with hidden text that did not fire). Where a page with hidden text was let go,
// the sign is judged again on what the page shows: if it fires there, the
// excuse was hidden (a kit salted with a warning) and the finding stands;
// if the lure itself was hidden too (a police page's example that unfolds
// beside its warning), nothing fires.
func shownToo(check func(*Site) []Finding, excused func(*Page) bool) func(*Site) []Finding {
	return func(site *Site) []Finding {
		out := check(site)
		for _, p := range site.Pages {
			if p == nil || !p.HasHidden() || slices.ContainsFunc(out, func(f Finding) bool { return f.URL == p.URL }) || !excused(p) {
				continue
			}
			sp := p.shownPage()
			if excused(sp) {
				continue // the warning is shown: the excuse stands
			}
			one := *site
			one.Pages, one.memo = []*Page{sp}, nil
			out = append(out, check(&one)...)
		}
		return out
	}
}
