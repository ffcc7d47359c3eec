package rules

import (
	"net/url"
	"strings"
	"unicode"

	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Page is one fetched page, decoded to UTF-8 and parsed once, with the parts
// most rules need taken out in advance so that scoring costs little more
// than parsing.
type Page struct {
	URL         string
	Status      int
	ContentType string
	Truncated   bool
	// Doc is the parsed document; nil when the page is not HTML.
	Doc *goquery.Document
	// Title is the <title>, NFKC-normalised.
	Title string
	// Text is the visible text, NFKC-normalised, one line per block element,
	// runs of white space folded to one space.
	Text string
	// Lines is Text split into its lines (no empty ones).
	Lines []string
	// Headings holds the text of h1-h3 elements.
	Headings []string
	Links    []Link
	Images   []Image
	Forms    []Form
	// Drawings are the inline <svg> drawings that show words (a logo
	// drawn in SVG: its aria-label, <title> or <text>), as images with
	// that label for alt text and no Src; their words are in Text too,
	// as an image's alt text is. Kept apart from Images, whose file
	// names and alt texts the payment signs read.
	Drawings []Image
	// hid is what of the page no browser shows (page_hidden.go): nil
	// when nothing is hidden.
	hid *pageHidden
	// skip are elements document walks leave out: the hidden ones, in a
	// copy of the page made of what is shown (shownPage).
	skip map[*html.Node]bool

	// memo keeps what the signs derive from this page alone, so that a
	// page shared by several sites (a checker batch reuses a page parsed
	// at the same URL with the same bytes) is read once; nil in a Page
	// made as a struct literal, which then derives every time. The
	// exported fields must not change once a value has been derived.
	memo *pageMemo
}

// Link is an <a href> (or <area>) with its text.
type Link struct {
	Href string // absolute where it could be resolved
	Text string // NFKC-normalised text, or the alt/title of an image inside
	// Image is true when the link wraps an image (a product photo, a banner).
	Image bool
	// Frame is true for the src of an <iframe> or <frame>: a page shown
	// inside this one (a kit framed on a hacked site), not a link.
	Frame bool
}

// Image is an <img>.
type Image struct {
	Src string // absolute where it could be resolved
	Alt string
}

// Form is a <form>, or the inputs found outside any form (Orphan).
type Form struct {
	Action string // absolute; the page URL when empty
	Method string // lower case; "get" when empty
	Orphan bool
	Inputs []Input
}

// Input is one field of a form.
type Input struct {
	Tag          string // input, select, textarea
	Type         string // lower case; "text" when empty
	Name         string
	ID           string
	Placeholder  string
	Autocomplete string
	// Label is the text of the <label> for it, or the text just before it.
	Label string
}

// blockTags start a line of Text. The page walk uses tagClass, which must
// say the same (TestTagClassMatchesMaps).
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tr": true, "td": true, "th": true, "ul": true, "option": true,
	"button": true, "label": true, "caption": true, "title": true, "center": true,
}

// skipTags hold no visible text (the head, scripts, embedded objects).
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "svg": true, "iframe": true, "object": true,
}

// NFKC normalises s the way page text is normalised (full-width letters
// and digits to ASCII, half-width kana to full-width).
func NFKC(s string) string {
	i := stablePrefix(s)
	if i == len(s) {
		return s
	}
	out, ok := nfkcAppend(make([]byte, 0, len(s)+8), s, i, appendNFKCString)
	if !ok {
		return norm.NFKC.String(s)
	}
	return string(out)
}

// nfkcBytes is NFKC for bytes: b itself when it is already normal.
func nfkcBytes(b []byte) []byte {
	i := stablePrefix(b)
	if i == len(b) {
		return b
	}
	out, ok := nfkcAppend(make([]byte, 0, len(b)+8), b, i, appendNFKCBytes)
	if !ok {
		return norm.NFKC.Bytes(b)
	}
	return out
}

func appendNFKCString(out []byte, s string) []byte { return norm.NFKC.AppendString(out, s) }
func appendNFKCBytes(out []byte, b []byte) []byte  { return norm.NFKC.Append(out, b...) }

// nfkcAppend appends NFKC(s) to out (empty or normal), s[:i] being known
// stable. Japanese page text is mostly characters NFKC leaves alone (kana,
// kanji, ASCII, common marks) with full-width punctuation and letters
// between: runs of the first are copied, full-width ASCII and the
// ideographic space are mapped to ASCII, and only the rest goes through
// the normaliser. This is exact because each character copied or mapped
// starts a segment that nothing before it combines with, so
// NFKC(x+y) = NFKC(x)+NFKC(y) when y starts with one (TestNFKCStableRanges
// checks every such character against x/text); norm's Append joins each
// run it normalises to what is out so far (a combining mark after a copied
// or mapped character is composed with it there). ok is false on invalid UTF-8,
// left to the normaliser whole.
func nfkcAppend[S string | []byte](out []byte, s S, i int, normAppend func([]byte, S) []byte) (_ []byte, ok bool) {
	out = append(out, s[:i]...)
	for i < len(s) {
		if n := stableAt(s, i); n > 0 {
			j := i + n
			for j < len(s) {
				m := stableAt(s, j)
				if m == 0 {
					break
				}
				j += m
			}
			out = append(out, s[i:j]...)
			i = j
			continue
		}
		if c, n := simpleAt(s, i); n > 0 {
			out = append(out, c)
			i += n
			continue
		}
		k := i
		for {
			n := runeLen(s, k)
			if n == 0 {
				return out, false
			}
			if k += n; k == len(s) || segmentStart(s, k) {
				break
			}
		}
		out = normAppend(out, s[i:k])
		i = k
	}
	return out, true
}

// segmentStart reports whether the character at s[i] is one nfkcAppend
// copies or maps (and so starts a segment of its own).
func segmentStart[S string | []byte](s S, i int) bool {
	if stableAt(s, i) > 0 {
		return true
	}
	_, n := simpleAt(s, i)
	return n > 0
}

// runeLen is the length of the UTF-8 character at s[i], 0 if invalid.
func runeLen[S string | []byte](s S, i int) int {
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], s[i:min(len(s), i+utf8.UTFMax)])
	r, size := utf8.DecodeRune(buf[:n])
	if r == utf8.RuneError && size == 1 {
		return 0
	}
	return size
}

// simpleAt maps the character at s[i] if it is full-width ASCII
// (U+FF01-U+FF5E) or the ideographic space, whose NFKC is one ASCII
// character; n is its length, 0 for other characters.
func simpleAt[S string | []byte](s S, i int) (c byte, n int) {
	if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, 0
	}
	switch r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); {
	case s[i] == 0xEF && r >= 0xFF01 && r <= 0xFF5E:
		return byte(r - 0xFEE0), 3
	case s[i] == 0xE3 && r == 0x3000:
		return ' ', 3
	}
	return 0, 0
}

// nfkcStable reports whether s is certainly in NFKC already because each
// of its characters is ASCII or one of the common Japanese characters
// (kana, kanji, 、。「」【】・〒※ and the like) that NFKC leaves as they are
// and that nothing before them can combine with. It scans much faster than
// the normaliser's own check; a false answer only means more work.
func nfkcStable[S string | []byte](s S) bool { return stablePrefix(s) == len(s) }

// stablePrefix is the length of the longest prefix of s made of the
// characters nfkcStable accepts.
func stablePrefix[S string | []byte](s S) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) { // stableAt's 3-byte case, spelt out
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || !jaStable(rune(c&0x0F)<<12|rune(c1&0x3F)<<6|rune(c2&0x3F)) {
				break
			}
			i += 3
			continue
		}
		n := stableAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// stableAt is the length of the character at s[i] if nfkcStable accepts
// it, else 0.
func stableAt[S string | []byte](s S, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return 1
	case c >= 0xC2 && c < 0xE0:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 && jaStable(rune(c&0x1F)<<6|rune(s[i+1]&0x3F)) {
			return 2
		}
	case c >= 0xE0 && c < 0xF0:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			jaStable(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)) {
			return 3
		}
	}
	return 0
}

// jaStable reports whether r is one of the non-ASCII characters
// nfkcStable accepts (TestNFKCStableRanges checks each against x/text).
func jaStable(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return true
	case r >= 0x3041 && r <= 0x3096: // hiragana
		return true
	case r >= 0x30A1 && r <= 0x30FC: // katakana, ・, ー
		return true
	case r >= 0x3001 && r <= 0x3002, r == 0x3005, r == 0x3007, r >= 0x3008 && r <= 0x3012, r == 0x301C:
		return true // 、。々〇〈〉《》「」『』【】〒〜
	case r == 0x00A5, r == 0x00A9, r == 0x00AE, r == 0x00B1, r == 0x00D7, r == 0x00F7: // ¥©®±×÷
		return true
	case r == 0x203B, r >= 0x2190 && r <= 0x2193: // ※←↑→↓
		return true
	case r == 0x25A0, r == 0x25A1, r == 0x25B2, r == 0x25B3, r == 0x25BC, r == 0x25BD, r == 0x25C6, r == 0x25C7,
		r == 0x25CB, r == 0x25CE, r == 0x25CF, r == 0x2605, r == 0x2606: // ■□▲△▼▽◆◇○◎●★☆
		return true
	}
	return false
}

// NewPage parses body (already decoded to UTF-8) as the HTML page found at
// pageURL. A body that is not HTML still yields a page with its text.
//
// The tree is walked once: the visible text is written and the elements the
// page's parts come from (base, title, headings, links, images, labels,
// forms and their fields) are noted in document order, which is the order
// CSS selector matching gives. Each part is then taken from its element.
//
// What a browser shows that is not in the markup as text is read too,
// within bounds (page_embed.go): the words of inline SVG drawings, the
// document of an iframe's srcdoc and the HTML a script writes with
// document.write of a literal string.
func NewPage(pageURL string, status int, contentType, body string, truncated bool) *Page {
	return newPage(pageURL, status, contentType, body, truncated, false, false)
}

// NewMailPage parses the HTML part of a mail (body decoded to UTF-8) as
// NewPage parses a page, but for what it hides: text put out of sight by
// its box (page_box.go: max-height:0, a colour on itself) counts as shown.
// Newsletters hide their preheader so, and an honest one's preheader
// often sums up its warning; only display:none, visibility, opacity and
// font size hide a mail's text.
func NewMailPage(body string) *Page {
	return newPage("", 0, "text/html", body, false, false, true)
}

// newPage is NewPage (NewMailPage with mail); with noEmbed it reads the
// markup alone, as the page was read before embedded content was (the
// tests compare that with their oracle).
func newPage(pageURL string, status int, contentType, body string, truncated, noEmbed, mail bool) *Page {
	pm := &pageWithMemo{} // one allocation for both
	pm.page = Page{URL: pageURL, Status: status, ContentType: contentType, Truncated: truncated, memo: &pm.memo}
	p := &pm.page
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		// The parser refuses elements nested over 512 deep, which a
		// browser shows as usual: a kit wrapped in 600 <div>s would
		// lose its form and title. Read it again without the wrappers.
		root, err = html.Parse(strings.NewReader(flattenDeep(body)))
	}
	if err != nil {
		p.Text = NFKC(body)
		p.Lines = splitLines(p.Text)
		return p
	}
	p.Doc = goquery.NewDocumentFromNode(root)
	w := &pageWalk{text: make([]byte, 0, len(body)/2), noEmbed: noEmbed, mail: mail}
	styles := pageStyles(root, body)
	w.sheet = newStyleSheet(styles)
	linked := strings.Contains(body, "stylesheet")
	w.cssDisplay, w.cssFont = linked, linked
	for _, t := range styles {
		w.cssDisplay = w.cssDisplay || shopContainsLowerASCII(t, "display")
		w.cssImportant = w.cssImportant || shopContainsLowerASCII(t, "important")
		w.cssFont = w.cssFont || shopContainsLowerASCII(t, "font")
	}
	w.walk(root, true)

	// The base URL is worked out on the first target to resolve: many
	// small pages have none.
	var res *resolver
	abs := func(ref string) string {
		if res == nil {
			base, _ := url.Parse(pageURL)
			if w.base != nil && base != nil {
				if u, err := base.Parse(strings.TrimSpace(attr(w.base, "href"))); err == nil {
					base = u
				}
			}
			res = newResolver(base)
		}
		return res.abs(ref)
	}
	p.Title = w.nodeText(w.title)

	// Text: NFKC first (it can turn characters into spaces), then every
	// line folded, empty ones dropped; Lines are slices of Text.
	p.hid = w.hiddenText() // before nfkcBytes, which may reuse w.text
	if p.Text = foldLines(nfkcBytes(w.text)); p.Text != "" {
		p.Lines = strings.Split(p.Text, "\n")
	}
	w.text = nil

	for _, h := range w.headings {
		if t := w.nodeText(h); t != "" {
			p.Headings = append(p.Headings, t)
		}
	}
	if p.hid != nil {
		w.setHeadings(p.hid)
	}
	if len(w.links) > 0 {
		p.Links = make([]Link, 0, len(w.links))
	}
	for _, a := range w.links {
		var hasImg bool
		w.scratch, hasImg = appendLinkText(w.scratch[:0], a)
		text := foldNFKC(w.scratch)
		if text == "" {
			// No text: the alt text of its images, else its title.
			w.scratch = w.scratch[:0]
			if hasImg {
				w.scratch = appendImgAlts(w.scratch, a)
			}
			if len(w.scratch) == 0 {
				w.scratch = append(w.scratch, attr(a, "title")...)
			}
			text = foldNFKC(w.scratch)
		}
		p.Links = append(p.Links, Link{Href: abs(attr(a, "href")), Text: text, Image: hasImg})
	}
	for _, f := range w.frames {
		if src := strings.TrimSpace(attr(f, "src")); src != "" && !strings.HasPrefix(strings.ToLower(src), "about:") {
			p.Links = append(p.Links, Link{Href: abs(src), Frame: true})
		}
	}
	for _, im := range w.imgs {
		src := attr(im, "src")
		if src == "" {
			src = attr(im, "data-src")
		}
		if src == "" {
			continue
		}
		p.Images = append(p.Images, Image{Src: abs(src), Alt: fold(NFKC(attr(im, "alt")))})
	}
	p.Forms = w.forms(pageURL, abs)
	if len(w.drawnWords) > 0 {
		p.Drawings = make([]Image, len(w.drawnWords))
		for i, l := range w.drawnWords {
			p.Drawings[i].Alt = l
		}
	}
	return p
}

// resolver makes link targets absolute against a page's base URL: what
// base.Parse(ref).String() gives (ref itself when that fails or there is
// no base). Most targets are plain paths ("/item/12.html", "img/a.jpg");
// for those the answer is the base's "scheme://host" and the resolved
// path, which net/url would return unchanged, put together directly
// (TestResolverMatchesURL compares the two ways).
type resolver struct {
	base   *url.URL
	prefix string // what String writes before the path, "" for no shortcut
	dir    string // the base's path up to its last '/', when plain
	relOK  bool   // relative paths can take the shortcut (dir is plain)
}

func newResolver(base *url.URL) *resolver {
	r := &resolver{base: base}
	if base == nil {
		return r
	}
	// The resolved URL has the base's scheme, user and host and a path
	// starting with '/': String writes the same before the path whatever
	// the path is, as for "/".
	u := url.URL{Scheme: base.Scheme, User: base.User, Host: base.Host, Path: "/"}
	r.prefix = strings.TrimSuffix(u.String(), "/")
	bp := base.EscapedPath()
	r.dir = bp[:strings.LastIndexByte(bp, '/')+1]
	r.relOK = r.dir == "" || r.dir[0] == '/' && plainPath(r.dir)
	return r
}

func (r *resolver) abs(ref string) string {
	ref = strings.TrimSpace(ref)
	if r.base == nil {
		return ref
	}
	if ref != "" && plainPath(ref) {
		if ref[0] == '/' {
			if len(ref) == 1 || ref[1] != '/' { // not "//host"
				return r.prefix + ref
			}
		} else if r.relOK {
			if r.dir == "" {
				return r.prefix + "/" + ref
			}
			return r.prefix + r.dir + ref
		}
	}
	u, err := r.base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

// plainPath reports whether p is made only of letters, digits, '-', '_',
// '~', '.' and '/', with no segment starting with '.': a path URL parsing
// takes as it is, that needs no escaping and has no dot segments to
// remove.
func plainPath(p string) bool {
	if p != "" && p[0] == '.' {
		return false
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '~':
		case c == '/':
			if i+1 < len(p) && p[i+1] == '.' {
				return false
			}
		case c == '.':
		default:
			return false
		}
	}
	return true
}

// pageWalk collects, in one walk of the tree, the visible text and the
// elements a page's parts are taken from, each list in document order.
type pageWalk struct {
	text []byte // visible text, before NFKC and folding
	// soft is len(text) just after the space a <span> ends with, 0 when
	// text does not end so: a browser puts no space between inline
	// elements, so one beside Japanese is taken back when the next text
	// comes (「ご登録が」「完了致しました」 in two spans; joinSoft).
	soft       int
	base       *html.Node
	title      *html.Node
	headings   []*html.Node // h1, h2, h3
	links      []*html.Node // a[href], area[href]
	frames     []*html.Node // iframe[src], frame[src]
	imgs       []*html.Node
	labels     []*html.Node // label[for]
	formEls    []formNodes
	open       []int        // indexes in formEls of the forms around the node walked
	orphans    []*html.Node // fields in no form and with no form attribute
	scratch    []byte       // an element's text while it is normalised
	drawnWords []string     // the words of <svg> drawings, in Drawings' order
	embed      embedState   // what has been read of embedded documents
	noEmbed    bool         // read the markup alone (the tests' oracle)
	mail       bool         // a mail's HTML: box recipes do not hide (NewMailPage)
	// hid and sure track the hidden elements' text, and that of those
	// hidden beyond doubt (page_hidden.go); cssDisplay and cssImportant
	// say whether the page's style sheets could undo a hidden attribute
	// (they set a display, or it links one) or an inline style (they say
	// !important).
	hid, sure                hideTrack
	cssDisplay, cssImportant bool
	// cssFont says whether a style sheet could size an element's font
	// (the page's own mention a font, or it links one).
	cssFont bool
	// visHidden is whether the walk is under a hidden visibility;
	// visSpans are the spans of text under one (page_hidden.go).
	visHidden bool
	visSpans  [][2]int
	belowSeen int         // elements anyBelow visited (page_hidden.go)
	sheet     *styleSheet // the page's rules that hide by class, id or tag
}

// formNodes is a <form> and the fields inside it.
type formNodes struct {
	form   *html.Node
	fields []*html.Node
}

// Tag classes for the text walk (see blockTags, skipTags).
const (
	tagBlock = 1 << iota // a line of its own
	tagSkip              // no visible text inside
	tagSpace             // a space after it (td, span)
)

// tagClass says what blockTags and skipTags say about a tag, and whether a
// space follows it, without a map look-up per element.
func tagClass(tag string) uint8 {
	switch tag {
	case "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
		"h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
		"tr", "th", "ul", "option", "button", "label", "caption", "title", "center":
		return tagBlock
	case "td":
		return tagBlock | tagSpace
	case "span":
		return tagSpace
	case "script", "style", "noscript", "template", "head", "svg", "iframe", "object":
		return tagSkip
	}
	return 0
}

// walk visits n and its subtree; visible is false inside elements whose
// text is not shown (their elements are still collected).
func (w *pageWalk) walk(n *html.Node, visible bool) {
	if visible && w.sure.depth == 0 && n.Type == html.ElementNode {
		// Inside an element hidden beyond doubt nothing more is asked;
		// inside one hidden less surely, whether an element in it is.
		hidden, sure, vis := w.hides(n)
		switch {
		case hidden:
			w.hid.enter(n, len(w.text))
			defer func() { w.hid.leave(len(w.text)) }()
			if sure {
				w.sure.enter(n, len(w.text))
				defer func() { w.sure.leave(len(w.text)) }()
			}
		case vis != 0 && w.hid.depth == 0 && (vis > 0) != w.visHidden:
			w.visFlip(n)
			defer w.visFlip(nil)
		}
	}
	class := uint8(0)
	switch n.Type {
	case html.TextNode:
		if visible {
			if w.soft >= 2 && w.soft == len(w.text) {
				w.joinSoft(n.Data)
			}
			w.text = append(w.text, n.Data...)
		}
		return
	case html.ElementNode:
		w.collect(n)
		class = tagClass(n.Data)
		if class&tagSkip != 0 {
			// Embedded content a browser shows (page_embed.go).
			switch {
			case w.noEmbed:
			case n.Data == "iframe":
				if visible && w.srcdoc(n) {
					w.framed(n, visible)
					return
				}
			case n.Data == "svg":
				if visible {
					w.svg(n)
				}
			case n.Data == "script":
				w.scriptWrites(n)
			}
			visible = false
		}
		if visible && n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key == "alt" && a.Val != "" {
					w.text = append(w.text, ' ')
					w.text = append(w.text, a.Val...)
					w.text = append(w.text, ' ')
				}
			}
		}
	}
	block := visible && class&tagBlock != 0
	if block {
		w.text = append(w.text, '\n')
	}
	isForm := n.Type == html.ElementNode && n.Data == "form"
	if isForm {
		w.open = append(w.open, len(w.formEls)-1)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, visible)
	}
	if isForm {
		w.open = w.open[:len(w.open)-1]
	}
	if block {
		w.text = append(w.text, '\n')
	} else if visible && class&tagSpace != 0 {
		if n.Data != "span" {
			w.text = append(w.text, ' ')
		} else if w.soft == 0 || w.soft != len(w.text) {
			// Spans ending together (<span><span>…</span></span>)
			// leave one soft space.
			w.text = append(w.text, ' ')
			w.soft = len(w.text)
		}
	}
}

// joinSoft takes back the space a <span> ended with when the text before
// it or next (the text about to be added) is Japanese: a browser shows
// 「ご請求額」「120,000」「円」 in adjacent spans as one run, and a space
// beside kana or kanji would break every phrase written across them.
// Latin words keep it (VISA and Master in two spans stay two words).
func (w *pageWalk) joinSoft(next string) {
	before, _ := utf8.DecodeLastRune(w.text[:w.soft-1])
	after, _ := utf8.DecodeRuneInString(next)
	if (japaneseRune(before) || japaneseRune(after)) && !unicode.IsSpace(before) && !unicode.IsSpace(after) {
		w.text = w.text[:w.soft-1]
		// Where hidden or shown text was marked to start or end after
		// the space, it now starts or ends before it.
		for _, spans := range [][][2]int{w.hid.spans, w.sure.spans, w.visSpans} {
			for i := range spans {
				for j := range spans[i] {
					if spans[i][j] == w.soft {
						spans[i][j]--
					}
				}
			}
		}
	}
	w.soft = 0
}

// japaneseRune reports whether r is written without spaces around it in
// Japanese: kana, kanji, the ideographic marks and the full-width forms.
func japaneseRune(r rune) bool {
	return r >= 0x3000 && r <= 0x30FF || r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF01 && r <= 0xFF9F
}

// framed walks iframe n, whose srcdoc is now its children, as a block of
// the page.
func (w *pageWalk) framed(n *html.Node, visible bool) {
	w.embed.depth++
	if visible {
		w.text = append(w.text, '\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, visible)
	}
	if visible {
		w.text = append(w.text, '\n')
	}
	w.embed.depth--
}

// svg reads the words of drawing n into the text and notes it among the
// drawings: the first svgMaxLabels of those with words among the first
// svgMaxLooked. A labelled drawing (aria-label, <title>) gives its label,
// as an image its alt text; one that draws words with <text> gives each
// as a line, up to svgMaxTextBytes a page (a one-click bill drawn as a
// picture of words, ev09), its label being their start.
func (w *pageWalk) svg(n *html.Node) {
	e := &w.embed
	if e.svgs >= svgMaxLooked || len(w.drawnWords) >= svgMaxLabels {
		return
	}
	e.svgs++
	label, drawn := svgLabel(n)
	if label == "" {
		return
	}
	w.drawnWords = append(w.drawnWords, label)
	if drawn && e.svgText < svgMaxTextBytes {
		for _, t := range svgTexts(n, svgMaxTextBytes-e.svgText) {
			e.svgText += len(t)
			w.text = append(w.text, '\n')
			w.text = append(w.text, t...)
			w.text = append(w.text, '\n')
		}
		return
	}
	w.text = append(w.text, ' ')
	w.text = append(w.text, label...)
	w.text = append(w.text, ' ')
}

// collect notes element n in the lists it belongs to.
func (w *pageWalk) collect(n *html.Node) {
	switch n.Data {
	case "base":
		if w.base == nil && hasAttr(n, "href") {
			w.base = n
		}
	case "title":
		if w.title == nil {
			w.title = n
		}
	case "h1", "h2", "h3":
		w.headings = append(w.headings, n)
	case "a", "area":
		if hasAttr(n, "href") {
			w.links = append(w.links, n)
		}
	case "iframe", "frame":
		if hasAttr(n, "src") {
			w.frames = append(w.frames, n)
		}
	case "img":
		w.imgs = append(w.imgs, n)
	case "label":
		if hasAttr(n, "for") {
			w.labels = append(w.labels, n)
		}
	case "form":
		w.formEls = append(w.formEls, formNodes{form: n})
	case "input", "select", "textarea":
		for _, i := range w.open {
			w.formEls[i].fields = append(w.formEls[i].fields, n)
		}
		if len(w.open) == 0 && attr(n, "form") == "" {
			w.orphans = append(w.orphans, n)
		}
	}
}

// forms builds the page's forms from the collected elements: each <form>
// with its fields, then the fields outside any form as one Orphan form.
func (w *pageWalk) forms(pageURL string, abs func(string) string) []Form {
	var labels map[string]string
	for _, l := range w.labels {
		if labels == nil {
			labels = make(map[string]string, len(w.labels))
		}
		labels[attr(l, "for")] = w.nodeText(l)
	}
	input := func(n *html.Node) Input {
		in := Input{Tag: n.Data}
		in.Type = strings.ToLower(strings.TrimSpace(attr(n, "type")))
		if in.Type == "" {
			in.Type = "text"
			if in.Tag != "input" {
				in.Type = in.Tag
			}
		}
		if in.Type == "text" && inputMasked(attr(n, "style")) {
			// A text box drawn as dots (-webkit-text-security): a
			// password field that password-field filters miss.
			in.Type = "password"
		}
		in.Name = attr(n, "name")
		in.ID = attr(n, "id")
		in.Placeholder = NFKC(attr(n, "placeholder"))
		in.Autocomplete = strings.ToLower(attr(n, "autocomplete"))
		if l, ok := labels[in.ID]; ok && in.ID != "" {
			in.Label = l
		} else if pl := ancestor(n, "label"); pl != nil {
			in.Label = w.nodeText(pl)
		} else {
			in.Label = w.textBefore(n)
		}
		if in.Label == "" {
			v, ok := attrOK(n, "aria-label")
			if !ok {
				v = attr(n, "title")
			}
			in.Label = fold(NFKC(v))
		}
		return in
	}
	var forms []Form
	for _, f := range w.formEls {
		action := strings.TrimSpace(attr(f.form, "action"))
		method, ok := attrOK(f.form, "method")
		if !ok {
			method = "get"
		}
		form := Form{Method: strings.ToLower(strings.TrimSpace(method))}
		if action == "" {
			form.Action = pageURL
		} else {
			form.Action = abs(action)
		}
		if len(f.fields) > 0 {
			form.Inputs = make([]Input, 0, len(f.fields))
		}
		for _, n := range f.fields {
			form.Inputs = append(form.Inputs, input(n))
		}
		forms = append(forms, form)
	}
	if len(w.orphans) > 0 {
		orphan := Form{Action: pageURL, Method: "get", Orphan: true, Inputs: make([]Input, 0, len(w.orphans))}
		for _, n := range w.orphans {
			orphan.Inputs = append(orphan.Inputs, input(n))
		}
		forms = append(forms, orphan)
	}
	return forms
}

// textBefore returns the text of the nearest preceding sibling (or the
// parent's preceding text) of an input, as a stand-in for a missing label.
// It never reads before the input's form (the article above a comment form
// is no label), and a paragraph longer than labels are (labelMaxRunes) is
// prose, not a label: "".
func (w *pageWalk) textBefore(n *html.Node) string {
	for depth := 0; depth < 3 && n != nil && n.Data != "form"; depth++ {
		if prev := prevElement(n); prev != nil {
			if t := w.nodeText(prev); t != "" {
				if proseTags[prev.Data] && utf8.RuneCountInString(t) > labelMaxRunes {
					return "" // a paragraph, not a label
				}
				return Clip(t, 60) // a label cell may be long: 「暗証番号（4桁の数字）を半角で…」
			}
		}
		for sib := n.PrevSibling; sib != nil; sib = sib.PrevSibling {
			if sib.Type == html.TextNode {
				if t := fold(NFKC(sib.Data)); t != "" {
					return Clip(t, 60)
				}
			} else {
				break
			}
		}
		if n = n.Parent; n != nil && n.Type != html.ElementNode {
			n = nil
		}
	}
	return ""
}

// labelMaxRunes is the longest paragraph that textBefore takes for a
// field's label: 「クレジットカード番号（半角数字・ハイフンなし）」 is 24. Text in
// a table or list cell (th, td, dt, label) is a label however long.
const labelMaxRunes = 40

// proseTags are the elements whose text before a field is a paragraph when
// it is long.
var proseTags = map[string]bool{"p": true, "div": true, "section": true, "article": true, "blockquote": true, "li": true, "ul": true, "ol": true}

// nodeText is the text of all text nodes under n (scripts included, as
// jQuery's text() has it), NFKC-normalised and folded; "" for nil.
func (w *pageWalk) nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	w.scratch = appendText(w.scratch[:0], n)
	return foldNFKC(w.scratch)
}

// appendText appends the text of n and all text nodes under it to b.
func appendText(b []byte, n *html.Node) []byte {
	if n.Type == html.TextNode {
		b = append(b, n.Data...)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b = appendText(b, c)
	}
	return b
}

// appendLinkText appends the text under a link to b and says whether an
// <img> is among the link's descendants.
func appendLinkText(b []byte, n *html.Node) ([]byte, bool) {
	img := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b = append(b, c.Data...)
			continue
		case html.ElementNode:
			if c.Data == "img" {
				img = true
			}
		}
		var sub bool
		b, sub = appendLinkText(b, c)
		img = img || sub
	}
	return b, img
}

// appendImgAlts appends the alt text of every <img> under n to b.
func appendImgAlts(b []byte, n *html.Node) []byte {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "img" {
			b = append(b, attr(c, "alt")...)
		}
		b = appendImgAlts(b, c)
	}
	return b
}

// attrOK is the value of n's first attribute named key (whatever its
// namespace, as CSS attribute selectors and goquery's Attr match it).
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

// attrOr is attrOK with a value for a missing attribute (goquery's AttrOr).
func attrOr(n *html.Node, key, missing string) string {
	if v, ok := attrOK(n, key); ok {
		return v
	}
	return missing
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOK(n, key)
	return ok
}

// ancestor is the nearest element above n with the given tag, or nil.
func ancestor(n *html.Node, tag string) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return p
		}
	}
	return nil
}

// prevElement is the nearest element before n among its siblings, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = fold(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// fold trims s and folds runs of white space (including U+3000) to one space.
// It gives what strings.Join(strings.Fields(s), " ") gives, without
// copying s when it is already folded.
func fold(s string) string {
	if isFolded(s) {
		return s
	}
	b := foldInPlace([]byte(s), false)
	return string(b)
}

// foldNFKC is fold(NFKC(string(b))); b is overwritten.
func foldNFKC(b []byte) string {
	b = foldInPlace(nfkcBytes(b), false)
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

// foldLines folds each line of b as fold does, drops the empty ones and
// joins the rest with newlines: strings.Join of the non-empty
// fold(line) for each line of strings.Split(b, "\n"). b is overwritten.
func foldLines(b []byte) string {
	b = foldInPlace(b, true)
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

// isFolded reports whether s has no white space but single ASCII spaces
// between other characters.
func isFolded(s string) bool {
	prevSpace := true // a leading space is not folded
	for i := 0; i < len(s); i++ {
		n := spaceLen(s, i)
		if n == 0 {
			prevSpace = false
			continue
		}
		if n > 1 || s[i] != ' ' || prevSpace {
			return false
		}
		prevSpace = true
	}
	return !prevSpace || len(s) == 0
}

// asciiSpace is strings.Fields' (and unicode.IsSpace's) ASCII white space.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// spaceLen is the length of the white-space character (unicode.IsSpace)
// that starts at s[i], 0 when there is none. The non-ASCII ones are
// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
// and U+3000; their lead bytes are never inside another character, so the
// bytes can be tested where they are without decoding what comes before.
func spaceLen[S string | []byte](s S, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		return int(asciiSpace[c])
	}
	switch c {
	case 0xC2:
		if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
			return 2
		}
	case 0xE1:
		if i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80 {
			return 3
		}
	case 0xE2:
		if i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			if c1 == 0x80 && (c2 >= 0x80 && c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) || c1 == 0x81 && c2 == 0x9F {
				return 3
			}
		}
	case 0xE3:
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// foldInPlace folds white space in b as fold does, writing over b (the
// result is never longer). With lines, a newline ends a line instead: each
// line is folded on its own and empty lines are dropped. White space is
// what strings.Fields splits on: unicode.IsSpace, an invalid byte counting
// as a non-space character.
func foldInPlace(b []byte, lines bool) []byte {
	out := 0
	lineEmpty := true // nothing written on the current output line yet
	pending := false  // white space seen since the last character written
	for i := 0; i < len(b); {
		if b[i] == '\n' && lines {
			lineEmpty, pending = true, false
			i++
			continue
		}
		if n := spaceLen(b, i); n > 0 {
			pending = true
			i += n
			continue
		}
		// A run of other characters: the separator it needs, then the run.
		j := i + 1
		for ; j < len(b); j++ {
			// spaceLen(b, j) > 0, spelt out for the common bytes.
			c := b[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] != 0 {
					break
				}
			} else if c == 0xE3 {
				if j+2 < len(b) && b[j+1] == 0x80 && b[j+2] == 0x80 {
					break
				}
			} else if (c == 0xC2 || c == 0xE1 || c == 0xE2) && spaceLen(b, j) > 0 {
				break
			}
		}
		if lineEmpty {
			if out > 0 {
				b[out] = '\n'
				out++
			}
			lineEmpty = false
		} else if pending {
			b[out] = ' '
			out++
		}
		pending = false
		out += copy(b[out:], b[i:j])
		i = j
	}
	return b[:out]
}

// flattenDeep returns body with the start and end tags of elements nested
// deeper than flattenDepth dropped, their contents kept, except the tags a
// page's parts come from (forms and their fields, links, images, scripts,
// the title). Only a page the parser refused is read this way.
func flattenDeep(body string) string {
	// Beyond flattenDepth only the tags a page's parts come from are
	// kept, and beyond flattenHard none: 600 nested <label>s would
	// still be refused.
	const flattenDepth, flattenHard = 256, 480
	var b strings.Builder
	b.Grow(len(body))
	z := html.NewTokenizer(strings.NewReader(body))
	var open []bool // for each open element: whether its tags were dropped
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if flattenVoid[string(name)] {
				break
			}
			drop := len(open) >= flattenHard || len(open) >= flattenDepth && !flattenKeep[string(name)]
			open = append(open, drop)
			if drop {
				continue
			}
		case html.EndTagToken:
			if len(open) > 0 {
				drop := open[len(open)-1]
				open = open[:len(open)-1]
				if drop {
					continue
				}
			}
		}
		b.Write(raw)
	}
	return b.String()
}

// flattenVoid are the elements that have no end tag; flattenKeep the ones
// whose tags flattenDeep keeps at any depth.
var (
	flattenVoid = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
	flattenKeep = map[string]bool{"form": true, "select": true, "option": true, "textarea": true, "button": true,
		"label": true, "a": true, "script": true, "style": true, "title": true, "iframe": true, "frame": true}
)

// IndexFold is the byte offset in s of the first instance of sub, ASCII
// letters matched in either case, or -1. Unlike an index into
// strings.ToLower(s), it is an offset into s itself: lowering changes the
// length of invalid bytes and of some letters (a hostile header's
// 「Content-TYpe:\x8bChArset=」 sliced out of range).
func IndexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// inputMasked reports whether an inline style draws a text box's characters
// as dots, as a password box does (-webkit-text-security: disc, circle or
// square; none leaves them readable).
func inputMasked(style string) bool {
	i := IndexFold(style, "text-security")
	if i < 0 {
		return false
	}
	v := strings.ToLower(style[i+len("text-security"):])
	v = strings.TrimLeft(v, " \t:")
	return strings.HasPrefix(v, "disc") || strings.HasPrefix(v, "circle") || strings.HasPrefix(v, "square")
}
