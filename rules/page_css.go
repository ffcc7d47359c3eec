package rules

import (
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// This file reads the page's own style sheets (<style> elements) for the
// rules that hide elements by a class, an id or a tag: a kit that salts
// itself with a hidden warning or shop text needs only
// <style>.x{display:none}</style>. Only selectors of one element (a tag,
// #id, .class, together: div.note#n) are read, outside @media and other
// at-rules; a rule that shows the element again (display:block,
// visibility:visible, opacity:1) wins where the cascade says it does
// (!important, specificity, then order), and so does the element's own
// inline style unless the sheet's rule is !important. Combinators,
// attributes and pseudo-classes are not followed: such rules are skipped,
// which leaves text counted as shown (and what the sheet hides counts as
// hidden only in doubt: page_hidden.go's sure view keeps it).

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
}

// styleSheet holds a page's rules, indexed by the key that must be on an
// element for one to match (its id, else its first class, else its tag).
type styleSheet struct {
	byID, byClass, byTag map[string][]int
	rules                []sheetRule
}

// newStyleSheet reads the rules that set display, visibility, opacity or
// content-visibility from the style texts; nil when none hides anything
// or sets a visibility (which may show an element under a hidden one).
func newStyleSheet(texts []string) *styleSheet {
	if !slices.ContainsFunc(texts, func(t string) bool {
		// (An escape may spell a hiding value: display:n\6f ne.)
		return sheetMayHide(t) || shopContainsLowerASCII(t, "visible") || strings.IndexByte(t, '\\') >= 0
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
	for i, r := range s.rules {
		switch {
		case r.id != "":
			s.byID[r.id] = append(s.byID[r.id], i)
		case len(r.classes) > 0:
			s.byClass[r.classes[0]] = append(s.byClass[r.classes[0]], i)
		default:
			s.byTag[r.tag] = append(s.byTag[r.tag], i)
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
	depth := 0         // inside at-rules not always in force (@media print)
	var inForce []bool // for each at-rule open, whether it is always in force
	var sels []sheetRule
	hides := false
	for len(s.rules) < sheetMaxRules {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			return hides
		case css.BeginAtRuleGrammar:
			always := atRuleAlways(data, p.Values())
			inForce = append(inForce, always)
			if !always {
				depth++
			}
		case css.EndAtRuleGrammar:
			if n := len(inForce); n > 0 {
				if !inForce[n-1] {
					depth--
				}
				inForce = inForce[:n-1]
			}
		case css.BeginRulesetGrammar:
			sels = nil
			if depth == 0 {
				sels = sheetSelectors(p.Values())
			}
		case css.EndRulesetGrammar:
			sels = nil
		case css.DeclarationGrammar:
			if len(sels) == 0 {
				continue
			}
			prop, hide, imp, ok := cssDeclaration(data, p.Values())
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
// only ordered apart, which is not read), and @media for screen or all
// media without conditions.
func atRuleAlways(name []byte, prelude []css.Token) bool {
	switch strings.ToLower(string(name)) {
	case "@layer":
		return true
	case "@media":
		var q strings.Builder
		for _, t := range prelude {
			if t.TokenType != css.WhitespaceToken && t.TokenType != css.CommentToken {
				q.WriteString(strings.ToLower(string(t.Data)))
			}
		}
		switch q.String() {
		case "screen", "all", "onlyscreen", "onlyall":
			return true
		}
	}
	return false
}

// sheetSelectors parses a selector list of one-element compounds; nil
// when any selector of the list is of another kind.
func sheetSelectors(toks []css.Token) []sheetRule {
	var out []sheetRule
	cur := sheetRule{}
	empty := true
	flush := func() bool {
		if empty {
			return false
		}
		out = append(out, cur)
		cur, empty = sheetRule{}, true
		return true
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.TokenType == css.WhitespaceToken:
			// Between compounds: a descendant combinator, unless a comma
			// or the end follows.
			if j := i + 1; j < len(toks) && toks[j].TokenType != css.CommaToken && !empty {
				return nil
			}
		case t.TokenType == css.CommaToken:
			if !flush() {
				return nil
			}
		case t.TokenType == css.IdentToken && empty:
			cur.tag, cur.spec, empty = strings.ToLower(string(t.Data)), cur.spec+1, false
		case t.TokenType == css.HashToken:
			cur.id, cur.spec, empty = string(t.Data[1:]), cur.spec+100, false
		case t.TokenType == css.DelimToken && string(t.Data) == "." && i+1 < len(toks) && toks[i+1].TokenType == css.IdentToken:
			i++
			cur.classes = append(cur.classes, string(toks[i].Data))
			cur.spec, empty = cur.spec+10, false
		default:
			return nil // a combinator, an attribute, a pseudo-class, *
		}
	}
	if !flush() {
		return nil
	}
	return out
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
