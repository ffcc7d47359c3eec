package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestStyleSheetHides: a page's <style> rules that hide by class, id, tag,
// attributes or one combinator put the text of the elements they match in
// Hidden; rules shown again by the cascade, by the element's own style or
// only under @media, and selectors of other kinds, do not.
func TestStyleSheetHides(t *testing.T) {
	for _, c := range []struct {
		name, style, body string
		hidden            []string
	}{
		{"a class", `.x{display:none}`, `<p class="x">a</p><p>b</p>`, []string{"a"}},
		{"an id, visibility", `#d { visibility : hidden }`, `<div id="d"><p>a</p></div><p>b</p>`, []string{"a"}},
		{"tag and class, opacity, !important", `p.note{opacity:0 !important}`, `<p class="note x">a</p><div class="note">b</div>`, []string{"a"}},
		{"a list, comments", `/* x */ .a, .b {color:red; display: none;}`, `<p class="a">a</p><p class="b">b</p><p class="c">c</p>`, []string{"a", "b"}},
		{"upper-case property and value", `.X{DISPLAY:NONE}`, `<p class="X">a</p>`, []string{"a"}},
		{"mixed case", `.m{Display:NoNe} .v{visibility:HiDDen}`, `<p class="m">a</p><p class="v">b</p>`, []string{"a", "b"}},
		{"shown again later", `.x{display:none} .x{display:block}`, `<p class="x">a</p>`, nil},
		{"shown again by a more specific rule first", `p.x{display:block} .x{display:none}`, `<p class="x">a</p><div class="x">b</div>`, []string{"b"}},
		{"an id beats a later class", `#k{display:block} .x{display:none}`, `<p id="k" class="x">a</p>`, nil},
		{"the element's own style wins", `.x{display:none}`, `<p class="x" style="display:block">a</p>`, nil},
		{"only on phones", `@media (max-width:600px){.pc{display:none}}`, `<p class="pc">a</p>`, nil},
		{"only in print", `@media print{.np{display:none}}`, `<p class="np">a</p>`, nil},
		{"on every screen", `@media screen{.s{display:none}}`, `<p class="s">a</p><p>b</p>`, []string{"a"}},
		{"all media", `@media all { .s { display: none } }`, `<p class="s">a</p><p>b</p>`, []string{"a"}},
		{"in a cascade layer", `@layer x{.s{display:none}}`, `<p class="s">a</p><p>b</p>`, []string{"a"}},
		{"a width every screen has", `@media (min-width: 1px){.s{display:none}} @media screen and (max-width:9999px) and (min-width:0){.t{opacity:0}}`, `<p class="s">a</p><p class="t">b</p><p>c</p>`, []string{"a", "b"}},
		{"in em, in a list", `@media print, (min-width:1em){.s{display:none}}`, `<p class="s">a</p><p>b</p>`, []string{"a"}},
		{"desktops only", `@media (min-width:768px){.sp{display:none}}`, `<p class="sp">a</p>`, nil},
		{"phones only", `@media screen and (max-width: 767px){.pc{display:none}}`, `<p class="pc">a</p>`, nil},
		{"other features are not worked out", `@media (orientation:landscape){.a{display:none}} @media not print{.b{display:none}} @media (width >= 1px){.c{display:none}} @media (min-width:1px) and (hover:hover){.d{display:none}}`, `<p class="a">a</p><p class="b">b</p><p class="c">c</p><p class="d">d</p>`, nil},
		{"a layer inside print", `@media print{@layer x{.s{display:none}}} .t{display:none}`, `<p class="s">a</p><p class="t">b</p>`, []string{"b"}},
		{"an escaped value", `.e{display:n\6f ne}`, `<p class="e">a</p><p>b</p>`, []string{"a"}},
		{"a descendant", `.menu .sub{display:none} .a .b{display:none}`, `<div class="menu"><p class="sub">a</p></div><p class="a b">b</p>`, []string{"a"}},
		{"a child, a sibling", `#w > p{display:none} h2 + p{visibility:hidden}`, `<div id="w"><p>a</p><div><p>b</p></div></div><h2>c</h2><p>d</p><p>e</p>`, []string{"a", "d"}},
		{"an attribute on a tag", `p[data-w]{display:none}`, `<p data-w="1">a</p><p>b</p><div data-w>c</div>`, []string{"a"}},
		{"an attribute alone", `[data-w="x"]{display:none}`, `<p data-w="x">a</p><p data-w="y">b</p>`, []string{"a"}},
		{"under an id, by tag", `#g div{opacity:0}`, `<section id="g"><div>a</div></section><div>b</div>`, []string{"a"}},
		{"shown again by a descendant rule", `.x{display:none} .w .x{display:block}`, `<div class="w"><p class="x">a</p></div><p class="x">b</p>`, []string{"b"}},
		{"a framework's cloak is not read", `[v-cloak]{display:none} [x-cloak]{display:none !important} .ng-cloak{display:none}`, `<div id="app" v-cloak><p>a</p></div><div x-cloak>b</div><div class="ng-cloak">c</div>`, nil},
		{"a visually-hidden class", `.sr-only{position:absolute;width:1px;height:1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);border:0} .off{position:absolute;left:-9999px} #z{transform:scale(0)}`, `<span class="sr-only">a</span><p class="off">b</p><p id="z">c</p><p>d</p>`, []string{"a", "b", "c"}},
		{"a class placing a box on the page", `.ok{position:absolute;left:10px;top:0} .w{width:0}`, `<p class="ok">a</p><p class="w">b</p>`, nil},
		{"a recipe split over two rules, by the half that gives it away", `.s{position:absolute} .s{left:-9999px} .i{text-indent:-9999px}`, `<p class="s">a</p><h1 class="i">b</h1>`, []string{"a", "b"}},
		{"the placing half alone", `.s{position:absolute;overflow:hidden} .t{left:-9999px}`, `<p class="s">a</p>`, nil},
		{"three compounds are not read", `.a .b .c{display:none}`, `<div class="a"><div class="b"><p class="c">a</p></div></div>`, nil},
		{"an attribute under a class is not read", `.a [data-w]{display:none}`, `<div class="a"><p data-w>a</p></div>`, nil},
		{"a state is not read", `.x:hover{display:none} .w .x:first-child{display:none} *{display:none} .w *{display:none}`, `<div class="w"><p class="x">a</p></div>`, nil},
		{"a class not on the element", `.y{display:none}`, `<p class="x">a</p>`, nil},
		{"a style in the body", ``, `<style>.late{display:none}</style><p class="late">a</p><p>b</p>`, []string{"a"}},
		{"a style tag in mixed case", ``, `<sTyLe>.m{display:none}</sTyLe><p class="m">a</p><p>b</p>`, []string{"a"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := c.body
			if c.style != "" {
				body = "<html><head><style>" + c.style + "</style></head><body>" + body + "</body></html>"
			}
			p := NewPage("https://shop.example.jp/", 200, "text/html", body, false)
			if got := hiddenOf(p); !reflect.DeepEqual(got, c.hidden) {
				t.Errorf("hidden %q, want %q", got, c.hidden)
			}
		})
	}
}

// TestStyleSheetBounded: a sheet of many rules and a huge one are read up
// to their caps, without error.
func TestStyleSheetBounded(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		b.WriteString(".c")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("{display:none}")
	}
	b.WriteString(strings.Repeat("/* filler */", 40000))
	b.WriteString(".last{display:none}")
	p := NewPage("https://shop.example.jp/", 200, "text/html", "<style>"+b.String()+"</style><p class=c>a</p><p class=last>b</p>", false)
	if got := hiddenOf(p); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("hidden %q, want the first rules only", got)
	}
}

// TestStyleSheetMatchesBounded: the selectors matched whole (a
// combinator) stop being applied past sheetMaxMatches on a page: 101 rules
// keyed by p, 300 paragraphs, each trying them all.
func TestStyleSheetMatchesBounded(t *testing.T) {
	var sheet, body strings.Builder
	for i := range 100 {
		fmt.Fprintf(&sheet, ".k%d p{display:none}", i)
	}
	sheet.WriteString(".w p{display:none}")
	body.WriteString(`<div class="w">`)
	for i := range 300 {
		fmt.Fprintf(&body, "<p>line %d</p>", i)
	}
	body.WriteString("</div>")
	p := NewPage("https://shop.example.jp/", 200, "text/html", "<style>"+sheet.String()+"</style>"+body.String(), false)
	got := len(hiddenOf(p))
	if want := sheetMaxMatches / 101; got != want {
		t.Errorf("%d paragraphs hidden, want %d (the first ones, until the matches run out)", got, want)
	}
}

// hiddenOf returns the lines of p that are not among its shown lines (each
// line of these tests is one element's).
func hiddenOf(p *Page) []string {
	shown := map[string]bool{}
	for _, l := range p.ShownLines() {
		shown[l] = true
	}
	var out []string
	for _, l := range p.Lines {
		if !shown[l] {
			out = append(out, l)
		}
	}
	return out
}

// TestMediaEverywhere: media queries that hold on a phone and a desktop
// alike (360 and 1366 CSS pixels wide), and those that do not or are not
// worked out.
func TestMediaEverywhere(t *testing.T) {
	for q, want := range map[string]bool{
		"screen": true, "all": true, "only screen": true, "only all": true,
		"(min-width:0)": true, "(min-width:360px)": true, "(min-width:361px)": false,
		"(max-width:1366px)": true, "(max-width:1365px)": false, "(max-width:100rem)": true,
		"only screen and (min-width:1px) and (max-width:5000px)": true,
		"print":                         false,
		"print,screen":                  true,
		"":                              false,
		"screen and":                    false,
		"(min-width:1px) and":           false,
		"screen (min-width:1px)":        false,
		"not screen":                    false,
		"(min-width:1vw)":               false,
		"(min-width:abc)":               false,
		"(min-height:1px)":              false,
		"screen and (min-width:1px) or": false,
	} {
		if got := mediaEverywhere(q); got != want {
			t.Errorf("mediaEverywhere(%q) = %v, want %v", q, got, want)
		}
	}
}

// FuzzStyleSheet: any style text and markup parse without a panic, and a
// calc() or media query is worked out or refused, never more.
func FuzzStyleSheet(f *testing.F) {
	for _, s := range []string{
		`.k div{display:none}`, `#k > p + a ~ b{visibility:hidden}`, `[data-w="x"]{opacity:calc(1 - 1)}`,
		`@media (min-width:1px){.s{display:none}}`, `.k{position:absolute;left:-9999px}`, `p[a][b] q{display:none}`,
		`.a{opacity:calc((((0))))}`, `@media screen and (max-width: 10em), print{.x{display:none}}`,
	} {
		f.Add(s, `<div class="k" id="k" data-w="x"><p>a</p><div>b</div></div><p class="s x a">c</p>`)
	}
	f.Fuzz(func(t *testing.T, sheet, body string) {
		NewPage("https://shop.example.jp/", 200, "text/html", "<style>"+sheet+"</style>"+body, false)
		cssCalc(sheet)
		mediaEverywhere(sheet)
	})
}
