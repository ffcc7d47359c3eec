package checker

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopcheck/shopcheck/rules"
)

// scriptStubRunes is the most visible text a page may have and still be
// a stub whose script sends the browser on: a line or two ("移動しています…",
// "JavaScriptを有効にしてください").
const scriptStubRunes = 200

// scriptRedirectBytes caps how much of a stub's inline scripts is read.
const scriptRedirectBytes = 64 << 10

// scriptHits caps the location assignments looked at in one stub.
const scriptHits = 200

// scriptLongDelay is the longest a timer may wait and still count as
// sending the page on (a 15 s fallback, a 30 min session timer do not).
const scriptLongDelay = 10_000

// scriptLocation finds a string literal (or atob of one) given to the
// location in a script: location.href = "…", window.location = '…',
// location.replace("…"), top.location.assign(atob("…")). The three
// quoted forms are the first, second and third submatch. It is matched on
// a scan's bare view, whose literals are blanked: their text is read from
// the source at the same place.
var scriptLocation = regexp.MustCompile(`(?:\blocation(?:\s*\.\s*href)?\s*=|\blocation\s*\.\s*(?:replace|assign)\s*\()\s*(?:\(\s*)?(?:(?:window\s*\.\s*)?atob\s*\(\s*)?(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|` + "`([^`$\\n]*)`" + `)`)

// scriptLocationVar finds a variable given to the location
// (location.href = u, location.replace(u)); jsVarLiteralAt then finds the
// literal the variable was given before ("var u = '…'").
var scriptLocationVar = regexp.MustCompile(`(?:\blocation(?:\s*\.\s*href)?\s*=|\blocation\s*\.\s*(?:replace|assign)\s*\()\s*([A-Za-z_$][\w$]*)\s*(?:[;)}\n]|$)`)

// scriptRedirects returns the absolute URLs that a stub page's scripts
// send the browser to when it loads, in the order the scripts name them
// (a caller takes the first it may follow), or nil when the page is no
// stub or its scripts name no such address. Nothing is run: a string
// literal given to the location is read, as a meta refresh's URL is, and
// only where code runs on load (jsScan): not in a comment or a string, a
// click handler, a method, a function nothing calls, a branch only robots
// take, or a timer of more than 10 s. Kits and the hops in front of them
// often send their visitors on this way, so the page that would be shown
// is the one to score. A page with text of its own or a form to fill in is
// no stub: a kit that sends its victims to the real bank after they type
// their password is scored as itself. An address put together at run time
// ("/" + lang) is not followed (one that only carries the query on, as
// "/kit" + location.search, is), nor one of a file (an .apk is left to the
// page's own download sign).
func scriptRedirects(page *rules.Page) []string {
	if !pageIsStub(page) {
		return nil
	}
	src := pageScripts(page)
	if src == "" {
		return nil
	}
	base := page.ParsedURL()
	if base == nil {
		return nil
	}
	var out []string
	for _, raw := range scriptHops(newJSScan(src)) {
		u, err := base.Parse(strings.TrimSpace(raw))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || skipPath(u.Path) {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		if s := u.String(); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// pageIsStub reports whether page has at most scriptStubRunes of text and
// nothing to fill in: a page that only hands the browser on, or shows
// another page in its place.
func pageIsStub(page *rules.Page) bool {
	if page == nil || page.Doc == nil || page.TextRunes() > scriptStubRunes {
		return false
	}
	for _, f := range page.Forms {
		for _, in := range f.Inputs {
			if in.Type != "hidden" && in.Type != "submit" && in.Type != "button" && in.Type != "image" && in.Type != "reset" {
				return false
			}
		}
	}
	return true
}

// scriptBuiltRunes is the most text a page built by scripts shows of its
// own: a title and a "turn JavaScript on" line, not a short page that says
// what it is (a one-click bill is brief, and its words are judged).
const scriptBuiltRunes = 50

// scriptBuilt reports whether page is a stub that runs scripts (its own,
// or loaded from files): what a browser shows there is built by code that
// shopcheck does not run, so the page's own text says next to nothing.
func scriptBuilt(page *rules.Page) bool {
	if !pageIsStub(page) || page.TextRunes() > scriptBuiltRunes {
		return false
	}
	found := false
	walkElements(page, func(n *html.Node) bool {
		found = n.DataAtom == atom.Script && rules.ScriptIsJS(n, true)
		return !found
	})
	return found
}

// frameHop returns the absolute URL of another site's page that a stub
// page shows in its place, "" when there is none: the one frame with an
// address of a frameset, or an iframe that is all the page's body shows
// (a kit framed on a throwaway or hacked site, stretched to the window by
// its style or a style sheet; wrappers around it, hidden elements, a
// tracking pixel and blank text do not count). The framed page is what the
// visitor sees. A frame beside anything shown (a menu, a heading: a video
// or a map on a short page), two frames with addresses, an iframe given a
// width or height in pixels, and a same-site frame (which the crawl reads
// as one of the site's pages) are not followed.
func frameHop(page *rules.Page) string {
	if !pageIsStub(page) {
		return ""
	}
	base := page.ParsedURL()
	if base == nil {
		return ""
	}
	var body *html.Node
	var frames []*html.Node // frames and iframes with an address, shown
	whole := walkElements(page, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Body:
			body = n
		case atom.Frame, atom.Iframe:
			if !emptyFrame(n) && !hiddenElement(n) {
				frames = append(frames, n)
			}
		}
		return true
	})
	if !whole || len(frames) != 1 {
		return ""
	}
	f := frames[0]
	if f.DataAtom == atom.Iframe && (body == nil || showsBeside(body, f) || sizedInPixels(f)) {
		return ""
	}
	return otherSiteFrame(base, f)
}

// unreadFrame returns the address of another site's page that a stub page
// frames but frameHop did not follow (it does not fill the page, or beside
// another), "" when there is none: the verdict then rests on a page whose
// content is elsewhere, and the result says so.
func unreadFrame(page *rules.Page) string {
	if !pageIsStub(page) {
		return ""
	}
	base := page.ParsedURL()
	if base == nil {
		return ""
	}
	found := ""
	walkElements(page, func(n *html.Node) bool {
		if (n.DataAtom == atom.Frame || n.DataAtom == atom.Iframe) && !sizedInPixels(n) && !tinyElement(n) {
			found = otherSiteFrame(base, n)
		}
		return found == ""
	})
	return found
}

// otherSiteFrame returns the absolute address of the http(s) page on
// another site that frame n shows (fragment dropped), "" when it shows a
// page of base's own site or none.
func otherSiteFrame(base *url.URL, n *html.Node) string {
	u, err := base.Parse(strings.TrimSpace(attrOf(n, "src")))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || domainOf(u) == domainOf(base) {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// emptyFrame reports whether frame n shows nothing: no address, or an
// about: one.
func emptyFrame(n *html.Node) bool {
	src := strings.ToLower(strings.TrimSpace(attrOf(n, "src")))
	return src == "" || strings.HasPrefix(src, "about:")
}

// walkElements calls visit with the page's elements in document order,
// until visit returns false, looking at no more than frameWalkBudget
// nodes; it reports whether the whole page was looked at.
func walkElements(page *rules.Page, visit func(n *html.Node) bool) bool {
	budget, stop := frameWalkBudget, false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if budget--; stop || budget < 0 {
			return
		}
		if n.Type == html.ElementNode && !visit(n) {
			stop = true
			return
		}
		for c := n.FirstChild; c != nil && !stop; c = c.NextSibling {
			walk(c)
		}
	}
	for _, root := range page.Doc.Nodes {
		walk(root)
	}
	return budget >= 0
}

// frameWalkBudget bounds the nodes walkElements looks at (for frameHop,
// unreadFrame and scriptBuilt): a stub has few, and a page built to have a
// million costs no more.
const frameWalkBudget = 5000

// showsBeside reports whether anything under n but the iframe f is shown:
// text other than blanks and zero-width characters, or an image, a field,
// a player or another frame that is not hidden or a tracking pixel. Other
// elements (wrappers, empty boxes) show what they hold; scripts, styles
// and metadata show nothing.
func showsBeside(n, f *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimFunc(c.Data, blankRune) != "" {
				return true
			}
		case html.ElementNode:
			if c == f {
				continue
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Link, atom.Meta, atom.Template, atom.Br:
				continue
			}
			if hiddenElement(c) || tinyElement(c) && (c.DataAtom == atom.Img || c.DataAtom == atom.Iframe) {
				continue // hidden, a tracking pixel, a 1x1 frame
			}
			if (c.DataAtom == atom.Iframe || c.DataAtom == atom.Frame) && emptyFrame(c) {
				continue // a frame of nothing
			}
			switch c.DataAtom {
			case atom.Img, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Video, atom.Audio,
				atom.Canvas, atom.Svg, atom.Object, atom.Embed, atom.Iframe, atom.Frame:
				return true // shows itself, whatever it holds
			}
			if showsBeside(c, f) { // a wrapper: what it holds, f aside
				return true
			}
		}
	}
	return false
}

// blankRune reports whether r shows nothing: white space and the
// zero-width characters pages are padded with.
func blankRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) // format characters: zero-width space, joiners, U+2060, BOM
}

// hiddenElement reports whether n is hidden by its own markup: the hidden
// attribute, display:none or visibility:hidden, or a zero width or height.
func hiddenElement(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	st := strings.ReplaceAll(strings.ToLower(attrOf(n, "style")), " ", "")
	if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") || strings.Contains(st, "opacity:0;") ||
		strings.HasSuffix(st, "opacity:0") || offScreen.MatchString(st) {
		return true
	}
	w, h := styleSize(n, "width"), styleSize(n, "height")
	return w == "0" || w == "0px" || h == "0" || h == "0px"
}

// offScreen finds a style that moves an element out of sight
// (left:-9999px, text-indent:-9999px, top:-10000px).
var offScreen = regexp.MustCompile(`(?:left|top|text-indent|margin-left):-[0-9]{4,}`)

// tinyElement reports whether n is at most a pixel wide or high (a
// tracking pixel).
func tinyElement(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		switch strings.TrimSuffix(styleSize(n, k), "px") {
		case "0", "1":
			return true
		}
	}
	return false
}

// sizedInPixels reports whether an iframe is given a width or height in
// pixels (width="560", style="height:315px"): an embed, not the window.
func sizedInPixels(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		v := styleSize(n, k)
		if v == "" || v == "auto" || strings.ContainsAny(v, "%") || strings.Contains(v, "vw") || strings.Contains(v, "vh") {
			continue // relative to the window (calc(100vh - 4px) too)
		}
		if px, err := strconv.Atoi(strings.TrimSuffix(v, "px")); err == nil && px >= 600 {
			continue // as large as a window (height="1200")
		}
		return true
	}
	return false
}

// styleSize returns n's width or height as its style declares it, else as
// its attribute gives it, lower case, without blanks ("100%", "560px",
// "560"); "" when neither.
func styleSize(n *html.Node, prop string) string {
	for _, decl := range strings.Split(strings.ToLower(attrOf(n, "style")), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.TrimSpace(k) == prop {
			return strings.ReplaceAll(strings.TrimSuffix(strings.TrimSpace(v), "!important"), " ", "")
		}
	}
	return strings.ToLower(strings.TrimSpace(attrOf(n, prop)))
}

// attrOf returns n's attribute key, "" when it has none.
func attrOf(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

// attrOK returns n's attribute key and whether n has it (a boolean
// attribute such as hidden has an empty value).
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// scriptRedirect is the first of scriptRedirects, or "".
func scriptRedirect(page *rules.Page) string {
	if hs := scriptRedirects(page); len(hs) > 0 {
		return hs[0]
	}
	return ""
}

// scriptHops returns the literal addresses (unescaped, or decoded from
// atob) that location assignments running on load give, in order.
func scriptHops(s *jsScan) []string {
	type hit struct{ at, lit int } // where the location is given an address, and where its literal is
	var hits []hit
	for _, m := range scriptLocation.FindAllStringIndex(s.bare, scriptHits) {
		hits = append(hits, hit{m[0], m[0]})
	}
	for _, m := range scriptLocationVar.FindAllStringSubmatchIndex(s.bare, scriptHits) {
		if lit := jsVarLiteralAt(s, s.bare[m[2]:m[3]], m[0]); lit >= 0 {
			hits = append(hits, hit{m[0], lit})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		if !s.runs(h.at) || jsBotBranch(s, h.at) || !jsArrowRuns(s, h.at) {
			continue
		}
		re := scriptLocation
		if h.lit != h.at {
			re = jsVarLiteral
		}
		m := re.FindStringSubmatchIndex(s.bare[h.lit:])
		if m == nil {
			continue
		}
		for i := 2; i < len(m); i += 2 {
			if m[i] < 0 {
				continue
			}
			from, to := h.lit+m[i], h.lit+m[i+1]
			lit := s.src[from:to]
			atob := jsAtobBefore.MatchString(s.code[h.lit:from])
			rest := strings.TrimLeft(s.bare[min(to+1, len(s.bare)):], " \t\r\n")
			if atob {
				rest = strings.TrimLeft(strings.TrimPrefix(rest, ")"), " \t\r\n")
			}
			if strings.HasPrefix(rest, "+") && !jsCarriesQuery(lit, rest) {
				break // only a piece of the address: "/" + lang + "/"
			}
			if strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "[") {
				break // a method of the string, an index: not the address itself
			}
			if atob {
				lit = decodeBase64(lit)
			} else {
				lit = jsUnescape(lit)
			}
			if lit != "" {
				out = append(out, lit)
			}
			break
		}
	}
	return out
}

// jsCarriesQuery reports whether an address literal followed by "+ …" is
// whole, the rest only carrying the query or a value of it on: the
// literal already holds a "?" or "#" ("?t=" + Date.now()), or what is added
// is the page's own query or fragment ("/kit" + location.search).
func jsCarriesQuery(lit, rest string) bool {
	if strings.ContainsAny(lit, "?#") {
		return true
	}
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "+"), " \t\r\n")
	return lit != "/" && jsQueryExpr.MatchString(rest)
}

// jsQueryExpr matches the page's own query or fragment.
var jsQueryExpr = regexp.MustCompile(`^(?:(?:window|document)\s*\.\s*)?location\s*\.\s*(?:search|hash)\b`)

// jsAtobBefore matches "atob(" and its quote just before a literal.
var jsAtobBefore = regexp.MustCompile(`\batob\s*\(\s*["'` + "`" + `]$`)

// jsVarLiteral reads the literal a variable is given ("var u = '…'"), in
// the same three submatches as scriptLocation.
var jsVarLiteral = regexp.MustCompile(`^[;{}\s,(]*(?:var|let|const)?\s*[A-Za-z_$][\w$]*\s*=\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|` + "`([^`$\\n]*)`" + `)`)

// jsVarLiteralAt returns where the last "name = '…'" before pos starts,
// when a literal is what the variable was last given, or -1: also when it
// was given anything else after it (u = u + lang, u += lang), an address
// made at run time.
func jsVarLiteralAt(s *jsScan, name string, pos int) int {
	if name == "atob" || name == "true" || name == "false" || name == "null" || name == "undefined" {
		return -1
	}
	re := s.assignRe[name]
	if re == nil {
		var err error
		if re, err = regexp.Compile(`(?:^|[;{}\s,(])(?:var|let|const)?\s*` + regexp.QuoteMeta(name) + `\s*[-+*/|&]?=[^=]`); err != nil {
			return -1
		}
		s.assignRe[name] = re
	}
	from := max(0, pos-jsVarWindow) // the assignment is near its use
	all := re.FindAllStringIndex(s.bare[from:pos], 100)
	// The last assignment that runs on load (one in a handler or an
	// uncalled function is a decoy).
	for i := len(all) - 1; i >= 0; i-- {
		at := from + all[i][0]
		if !s.runs(at + 1) {
			continue
		}
		if m := jsVarLiteral.FindStringIndex(s.bare[at:pos]); m == nil {
			return -1 // the last thing it was given is no literal
		}
		return at
	}
	return -1
}

// jsVarWindow is how far before its use a variable's literal is looked
// for.
const jsVarWindow = 4096

// jsBotWords mark the condition of a branch that only robots take: a kit
// sends crawlers to a harmless page and people to itself. "bot" is a word
// of its own or the end of one (isBot, googlebot), not bottomMargin.
var jsBotWords = regexp.MustCompile(`(?i)bots?(?:[^a-z]|$)|crawl|spider|headless|webdriver|lighthouse|phantom|selenium|puppeteer`)

// jsMember matches the object names that may come before "location".
var jsMember = regexp.MustCompile(`(?:\b(?:window|document|top|self|parent)\s*\.\s*)+$`)

// jsBotBranch reports whether the location assignment at pos is what an
// if whose condition tests for robots does: the if just before it
// (without braces), or the one opening the block it is in. A negated test
// (!isBot, webdriver === false) is the people's branch; a branch for
// browsers without cookies is a robot's.
func jsBotBranch(s *jsScan, pos int) bool {
	start := max(0, pos-400)
	before := s.bare[start:pos]
	if m := jsMember.FindStringIndex(before); m != nil {
		before = before[:m[0]]
	}
	if cond, ok := jsIfCondition(s, start, strings.TrimRight(before, " \t\r\n")); ok && jsRobotTest(cond) {
		return true
	}
	// The blocks the assignment is in, when an if opened one.
	for i, n := s.at(pos), 0; i > 0 && n < 50; i, n = s.frames[i].parent, n+1 {
		f := s.frames[i]
		from := max(0, f.start-400)
		if cond, ok := jsIfCondition(s, from, s.bare[from:f.start]); ok && jsRobotTest(cond) {
			return true
		}
	}
	return false
}

// jsIfCondition returns the condition of the "if (…)" that before (a text
// of bare starting at start) ends with, read from code.
func jsIfCondition(s *jsScan, start int, before string) (string, bool) {
	before = strings.TrimRight(before, "{ \t\r\n")
	if !strings.HasSuffix(before, ")") {
		return "", false
	}
	open := matchOpen(before)
	if open < 0 || !strings.HasSuffix(strings.TrimRight(before[:open], " \t"), "if") {
		return "", false
	}
	return strings.TrimSpace(s.code[start+open+1 : start+len(before)-1]), true
}

// jsRobotTest reports whether an if's condition holds for robots: an
// operand tests for one (isBot, /bot|crawl/.test(ua), navigator.webdriver,
// no cookies) and none is the negated test that lets people through.
func jsRobotTest(cond string) bool {
	positive, negative := false, false
	for _, op := range jsOperands.Split(cond, -1) {
		op = strings.TrimSpace(op)
		falsy := jsFalseCompare.MatchString(op)
		neg := strings.HasPrefix(strings.TrimLeft(op, "("), "!") != falsy // !x, x === false; !x === false is x
		switch {
		case strings.Contains(op, "cookieEnabled"):
			if neg {
				positive = true // no cookies: a robot's
			}
		case jsBotWords.MatchString(op):
			if neg {
				negative = true
			} else {
				positive = true
			}
		}
	}
	return positive && !negative
}

var (
	// jsOperands splits a condition at its && and ||.
	jsOperands = regexp.MustCompile(`&&|\|\|`)
	// jsFalseCompare matches a comparison with false.
	jsFalseCompare = regexp.MustCompile(`(?:===?|!==?)\s*false\b|\bfalse\s*(?:===?|!==?)`)
)

// jsArrowRuns reports whether the statement holding pos, when it is the
// body of an arrow function without braces (btn.onclick = () =>
// location.href = "…"), is one that runs on load (a timer's).
func jsArrowRuns(s *jsScan, pos int) bool {
	begin := strings.LastIndexAny(s.bare[:pos], ";{}\n") + 1
	stmt := s.bare[begin:pos]
	i := strings.LastIndex(stmt, "=>")
	if i < 0 {
		return true
	}
	params := strings.TrimRight(stmt[:i], " \t\r")
	head := ""
	if strings.HasSuffix(params, ")") {
		open := matchOpen(params)
		if open < 0 {
			return false
		}
		head = params[:open]
	} else if m := jsIdentEnd.FindStringIndex(params); m != nil {
		head = params[:m[0]]
	}
	return jsLoadContext.MatchString(tail(s.code[begin:begin+len(head)], 80))
}

// pageScripts joins the page's inline scripts (JavaScript only: not a
// template or JSON data in a script element), and the code of its body's
// onload attribute (which runs when the page loads), up to
// scriptRedirectBytes.
func pageScripts(page *rules.Page) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if b.Len() >= scriptRedirectBytes {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if c := n.FirstChild; c != nil && c.Type == html.TextNode && rules.ScriptIsJS(n, true) {
					b.WriteString(c.Data)
					b.WriteString("\n;\n")
				}
				return
			case atom.Body:
				for _, a := range n.Attr {
					if a.Key == "onload" {
						b.WriteString(a.Val)
						b.WriteString("\n;\n")
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, root := range page.Doc.Nodes {
		walk(root)
	}
	s := b.String()
	if len(s) > scriptRedirectBytes {
		s = s[:scriptRedirectBytes]
	}
	return s
}

// decodeBase64 decodes what a script hands to atob: standard base64, with
// or without padding ("" when it is not base64).
func decodeBase64(s string) string {
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(strings.TrimSpace(s), "="))
	if err != nil {
		return ""
	}
	return string(b)
}

// jsUnescape undoes the escapes a JavaScript string literal may use in a
// URL: \/ \\ \" \' \xHH \uHHHH. Others lose their backslash.
func jsUnescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'x', 'u':
			n := 2
			if s[i] == 'u' {
				n = 4
			}
			if i+n < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += n
					continue
				}
			}
			b.WriteByte(s[i])
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
