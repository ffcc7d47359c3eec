package rules

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A kit can keep what it is from a reader of the page's markup while a
// browser shows it all: the brand drawn as an inline <svg>, the whole kit
// in an <iframe srcdoc="…">, or the page written by
// document.write(atob("…")). NewPage reads each of these as the browser
// shows it, within the bounds below, so that a hostile page cannot make
// the reading cost more than a page of its size.
const (
	// embedMaxDepth is how deep a srcdoc may sit in srcdocs and still be
	// read (HTML written by scripts is bounded by embedMaxDocs).
	embedMaxDepth = 3
	// embedMaxDocs is the most srcdocs and written documents read on one
	// page.
	embedMaxDocs = 16
	// embedMaxBytes is the most HTML read from srcdocs and written
	// documents on one page, all together; a longer one is read up to it.
	embedMaxBytes = 512 << 10
	// scriptWriteMaxBytes is the longest inline script looked at for a
	// document.write of a literal (a kit's is one statement).
	scriptWriteMaxBytes = 256 << 10

	// svgMaxLooked is the most inline <svg> drawings looked at on one
	// page, svgMaxLabels the most whose words are read (a page of icons
	// has dozens; its logo comes first).
	svgMaxLooked = 64
	svgMaxLabels = 12
	// svgLabelRunes is the most of one drawing's label read: a logo's
	// name, not a chart's captions.
	svgLabelRunes = 40
	// svgMaxTextBytes is the most of the words drawn by <text> elements read
	// into a page's text, all drawings together: a billing notice drawn
	// as a picture of words is read as the page it is.
	svgMaxTextBytes = 16 << 10
	// svgMaxNodes is the most nodes of one drawing looked at for <text>:
	// a sprite or a map of thousands of paths costs no more.
	svgMaxNodes = 200
)

// embedState bounds what one page walk reads of embedded documents.
type embedState struct {
	depth int // srcdocs and written documents around the node walked
	docs  int // read so far
	bytes int // read so far
	svgs  int // drawings looked at so far
	// svgText is the bytes of drawn words read into the text so far.
	svgText int
	// bodyAt is where HTML written by a script in the head goes: before
	// this child of the body (nil: at its end), once worked out.
	body, bodyAt *html.Node
	bodyFound    bool
}

// take reserves room for an embedded document of n bytes and returns how
// many of them may be read, 0 when none may.
func (e *embedState) take(n int) int {
	if n == 0 || e.depth >= embedMaxDepth || e.docs >= embedMaxDocs || e.bytes >= embedMaxBytes {
		return 0
	}
	n = min(n, embedMaxBytes-e.bytes)
	e.docs++
	e.bytes += n
	return n
}

// parseEmbedded parses src as a document of its own and returns the
// children of its body, detached: what a frame or a written document
// shows. Its head (title, styles) is not shown in the page and is dropped.
func parseEmbedded(src string) []*html.Node {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil // nested past the parser's limit: not read
	}
	var body *html.Node
	for h := root.FirstChild; h != nil && body == nil; h = h.NextSibling {
		if h.Type == html.ElementNode && h.Data == "html" {
			for c := h.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "body" || c.Data == "frameset") {
					body = c
					break
				}
			}
		}
	}
	if body == nil {
		return nil
	}
	var out []*html.Node
	for c := body.FirstChild; c != nil; {
		next := c.NextSibling
		body.RemoveChild(c)
		out = append(out, c)
		c = next
	}
	return out
}

// cutUTF8 is s cut to at most n bytes, at a character boundary.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// srcdoc reads iframe n's srcdoc, if it has one that may be read, into
// the tree as the iframe's children (the fallback text the parser put
// there is dropped) and reports whether it did. A browser shows a srcdoc
// in place of the frame's src: a kit put there is the page the visitor
// sees, its text, forms and fields.
func (w *pageWalk) srcdoc(n *html.Node) bool {
	src, ok := attrOK(n, "srcdoc")
	if !ok || strings.TrimSpace(src) == "" {
		return false
	}
	m := w.embed.take(len(src))
	if m == 0 {
		return false
	}
	nodes := parseEmbedded(cutUTF8(src, m))
	if len(nodes) == 0 {
		return false
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	for _, c := range nodes {
		n.AppendChild(c)
	}
	return true
}

// scriptWrites reads what script n writes into the page, when the script
// is nothing but document.write calls of literal strings (decoded by
// atob, unescape or decodeURIComponent at most: see scriptWriteArg), and
// puts it into the tree where the browser puts it: after the script, or
// at the start of the body for a script in the head. Nothing is run; a
// script that does anything else is not read.
func (w *pageWalk) scriptWrites(n *html.Node) {
	c := n.FirstChild
	if c == nil || c.Type != html.TextNode || c.NextSibling != nil || len(c.Data) > scriptWriteMaxBytes ||
		!scriptStartsWrite(c.Data) || hasAttr(n, "src") || !ScriptIsJS(n, false) || ancestor(n, "template") != nil {
		return
	}
	written, ok := scriptWriteLiteral(c.Data)
	if !ok {
		return
	}
	m := w.embed.take(len(written))
	if m == 0 {
		return
	}
	nodes := parseEmbedded(cutUTF8(written, m))
	if len(nodes) == 0 {
		return
	}
	parent, before := n.Parent, n.NextSibling
	if ancestor(n, "head") != nil {
		parent, before = w.headWriteTarget(n)
		if parent == nil {
			return
		}
	}
	for _, c := range nodes {
		parent.InsertBefore(c, before)
	}
}

// scriptStartsWrite reports whether a script's first statement may be a
// document.write or a variable given a literal for one (var, let, const):
// a test of its first bytes, so that most of an ordinary page's scripts
// cost nothing more.
func scriptStartsWrite(src string) bool {
	s := strings.TrimLeft(src, " \t\r\n")
	if t, ok := strings.CutPrefix(s, "<!--"); ok {
		s = strings.TrimLeft(t, " \t\r\n")
	}
	s = strings.TrimPrefix(s, "window.")
	return strings.HasPrefix(s, "document.write") || strings.HasPrefix(s, "var ") ||
		strings.HasPrefix(s, "let ") || strings.HasPrefix(s, "const ")
}

// headWriteTarget is where HTML written from the head goes: the start of
// the body, after what earlier head scripts wrote.
func (w *pageWalk) headWriteTarget(n *html.Node) (parent, before *html.Node) {
	e := &w.embed
	if !e.bodyFound {
		e.bodyFound = true
		for h := n; h != nil; h = h.Parent {
			if h.Type == html.ElementNode && h.Data == "html" {
				for c := h.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "body" {
						e.body, e.bodyAt = c, c.FirstChild
					}
				}
				break
			}
		}
	}
	return e.body, e.bodyAt
}

// ScriptIsJS reports whether script element n holds JavaScript by its type
// attribute: none, an empty one or a JavaScript type (parameters after ;
// ignored), and a module when modules is true. A module runs deferred, so
// its document.write writes nothing into the page; a script hop may still
// come from one.
func ScriptIsJS(n *html.Node, modules bool) bool {
	t, ok := attrOK(n, "type")
	if !ok {
		return true
	}
	t = strings.ToLower(strings.TrimSpace(t))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript", "application/x-javascript", "text/jscript":
		return true
	case "module":
		return modules
	}
	return false
}

// scriptWriteLiteral returns what a script made only of
// document.write(…) / document.writeln(…) statements writes, each
// argument a literal (see scriptWriteArg); ok is false for any other
// script. An HTML comment around the code (<!-- … //-->) is allowed.
func scriptWriteLiteral(src string) (string, bool) {
	s := strings.TrimSpace(src)
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	s = strings.TrimSuffix(strings.TrimSpace(s), "//")
	var out strings.Builder
	var vars map[string]string
	held := 0 // bytes of the values in vars
	for {
		s = strings.TrimLeft(s, " \t\r\n;")
		if s == "" {
			break
		}
		if name, rest, ok := scriptVarDecl(s); ok {
			// var p = '…'; document.write(atob(p)): a variable given a
			// literal (or literals, decoded) before the write uses it.
			v, rest, ok := scriptWriteArg(rest, 0, vars)
			if !ok || len(vars) >= scriptWriteMaxVars {
				return "", false
			}
			if vars == nil {
				vars = map[string]string{}
			}
			if held += len(v); held > scriptWriteMaxBytes {
				return "", false // the values held stay within a script's size
			}
			vars[name] = v
			s = rest
			continue
		}
		rest, ok := strings.CutPrefix(s, "window.")
		if !ok {
			rest = s
		}
		rest, ok = strings.CutPrefix(rest, "document.write")
		if !ok {
			return "", false
		}
		rest, ln := strings.CutPrefix(rest, "ln")
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, "(") {
			return "", false
		}
		v, rest, ok := scriptWriteArg(rest[1:], 0, vars)
		if !ok {
			return "", false
		}
		rest = strings.TrimLeft(rest, " \t\r\n")
		if !strings.HasPrefix(rest, ")") {
			return "", false
		}
		out.WriteString(v)
		if ln {
			out.WriteByte('\n')
		}
		if out.Len() > scriptWriteMaxBytes {
			return "", false
		}
		s = rest[1:]
	}
	if out.Len() == 0 {
		return "", false
	}
	return latin1IfNotUTF8(out.String()), true
}

// scriptWriteMaxVars bounds the variables a written script may declare.
const scriptWriteMaxVars = 16

// scriptVarDecl reads "var NAME =" (or let, const) at the start of s and
// returns the name and what follows the =.
func scriptVarDecl(s string) (name, rest string, ok bool) {
	for _, kw := range []string{"var ", "let ", "const "} {
		if t, found := strings.CutPrefix(s, kw); found {
			t = strings.TrimLeft(t, " \t")
			i := 0
			for i < len(t) && jsIdentByte(t[i], i > 0) {
				i++
			}
			if i == 0 {
				return "", "", false
			}
			r := strings.TrimLeft(t[i:], " \t")
			if !strings.HasPrefix(r, "=") || strings.HasPrefix(r, "==") {
				return "", "", false
			}
			return t[:i], r[1:], true
		}
	}
	return "", "", false
}

// jsIdentByte reports whether b may stand in a JavaScript identifier (ASCII
// only): a letter, _ or $, and after the first byte a digit too.
func jsIdentByte(b byte, notFirst bool) bool {
	return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || notFirst && b >= '0' && b <= '9'
}

// scriptWriteDecoders are the functions scriptWriteArg applies to a
// literal, by name. Values are kept as bytes: atob gives a string of
// bytes, which pages turn into text with decodeURIComponent(escape(…)),
// so escape is taken as doing nothing and the bytes are read as UTF-8
// at the end.
var scriptWriteDecoders = map[string]func(string) (string, bool){
	"atob": func(s string) (string, bool) {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, s)
		s = strings.TrimRight(s, "=")
		b, err := base64.RawStdEncoding.DecodeString(s)
		return string(b), err == nil
	},
	"unescape":           percentDecode,
	"decodeURIComponent": percentDecode,
	"decodeURI":          percentDecode,
	"escape":             func(s string) (string, bool) { return s, true },
}

// scriptWriteArg reads one argument of document.write at the start of s:
// a string literal, a variable of vars (given a literal earlier in the
// script), those joined by +, or a decoder of scriptWriteDecoders applied
// to such an argument (at most four deep). It returns the value and the
// rest of s.
func scriptWriteArg(s string, depth int, vars map[string]string) (val, rest string, ok bool) {
	if depth > 4 {
		return "", "", false
	}
	var out strings.Builder
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		var v string
		if s != "" && (s[0] == '"' || s[0] == '\'' || s[0] == '`') {
			v, s, ok = jsStringLiteral(s)
		} else {
			i := 0
			for i < len(s) && (s[i] == '.' || jsIdentByte(s[i], i > 0)) {
				i++
			}
			name := s[:i]
			dec := scriptWriteDecoders[strings.TrimPrefix(name, "window.")]
			if dec == nil {
				// A variable given a literal earlier in the script.
				j := i
				v, known := vars[s[:j]]
				if !known {
					return "", "", false
				}
				out.WriteString(v)
				if out.Len() > scriptWriteMaxBytes {
					return "", "", false
				}
				s = strings.TrimLeft(s[j:], " \t\r\n")
				if !strings.HasPrefix(s, "+") {
					return out.String(), s, true
				}
				s = s[1:]
				continue
			}
			s = strings.TrimLeft(s[i:], " \t")
			if !strings.HasPrefix(s, "(") {
				return "", "", false
			}
			v, s, ok = scriptWriteArg(s[1:], depth+1, vars)
			if !ok {
				return "", "", false
			}
			s = strings.TrimLeft(s, " \t\r\n")
			if !strings.HasPrefix(s, ")") {
				return "", "", false
			}
			s = s[1:]
			v, ok = dec(v)
		}
		if !ok {
			return "", "", false
		}
		out.WriteString(v)
		if out.Len() > scriptWriteMaxBytes {
			return "", "", false // joined variables grow no bigger than a script may be
		}
		s = strings.TrimLeft(s, " \t\r\n")
		if !strings.HasPrefix(s, "+") {
			return out.String(), s, true
		}
		s = s[1:]
	}
}

// jsStringLiteral reads the JavaScript string literal at the start of s
// (quoted by ", ' or a backquote without ${…}) and returns its value, as
// UTF-8 (a \xHH escape as the byte, as atob's result is kept), and the
// rest of s.
func jsStringLiteral(s string) (val, rest string, ok bool) {
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q:
			return b.String(), s[i+1:], true
		case c == '\n' && q != '`', c == '$' && q == '`' && i+1 < len(s) && s[i+1] == '{':
			return "", "", false
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		if i++; i >= len(s) {
			return "", "", false
		}
		switch c = s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b', 'f', 'v', '0':
		case '\n':
		case 'x':
			if i+2 >= len(s) {
				return "", "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return "", "", false
			}
			b.WriteByte(byte(v))
			i += 2
		case 'u':
			var r uint64
			var err error
			if i+1 < len(s) && s[i+1] == '{' {
				j := strings.IndexByte(s[i:], '}')
				if j < 0 {
					return "", "", false
				}
				r, err = strconv.ParseUint(s[i+2:i+j], 16, 32)
				i += j
			} else {
				if i+4 >= len(s) {
					return "", "", false
				}
				r, err = strconv.ParseUint(s[i+1:i+5], 16, 32)
				i += 4
			}
			if err != nil {
				return "", "", false
			}
			b.WriteRune(rune(r))
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

// percentDecode decodes %XX (a byte) and %uXXXX (a character) escapes, as
// unescape and decodeURIComponent do; other text is kept.
func percentDecode(s string) (string, bool) {
	if !strings.Contains(s, "%") {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			if i+5 < len(s) && s[i+1] == 'u' {
				if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += 5
					continue
				}
			}
			if i+2 < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
					b.WriteByte(byte(v))
					i += 2
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String(), true
}

// latin1IfNotUTF8 reads s as UTF-8 when it is valid, else byte by byte
// as Latin-1 (what atob's bytes are to a browser).
func latin1IfNotUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// svgLabel returns what an inline <svg> drawing shows as words, "" when
// it shows none or is hidden: its aria-label, else its own <title>, else
// the words drawn by its <text> elements (svgTexts), NFKC-folded and cut to
// svgLabelRunes. A drawing of paths alone has no label. drawn says whether
// the label is the drawn words (and the drawing has words beyond it that
// a reader sees: svgTexts).
func svgLabel(n *html.Node) (label string, drawn bool) {
	if svgHidden(n) {
		return "", false
	}
	var b []byte
	if v := strings.TrimSpace(attr(n, "aria-label")); v != "" {
		b = append(b, v...)
	} else {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "title" {
				b = appendText(b, c)
				break
			}
		}
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		b = b[:0]
		for _, t := range svgTexts(n, 4*svgLabelRunes) {
			b = append(b, ' ')
			b = append(b, t...)
		}
		drawn = true
	}
	if len(b) == 0 {
		return "", false
	}
	s := fold(NFKC(cutUTF8(string(b), 8*svgLabelRunes)))
	if utf8.RuneCountInString(s) > svgLabelRunes {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:svgLabelRunes]))
	}
	return s, drawn
}

// svgHidden reports whether drawing n is hidden by its own attributes.
func svgHidden(n *html.Node) bool {
	if strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") || hasAttr(n, "hidden") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// svgTexts returns the words drawn by the <text> elements of drawing n, one
// string a <text> (its <tspan>s joined), at most max bytes in all: not those
// kept in <defs> or <symbol> for use elsewhere (an icon sprite says
// nothing), and at most svgMaxNodes nodes looked at (a map of thousands of
// paths costs no more).
func svgTexts(n *html.Node, max int) []string {
	var out []string
	budget, size := svgMaxNodes, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && budget > 0 && size < max; c = c.NextSibling {
			budget--
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "defs", "symbol", "mask", "clippath", "pattern", "marker", "style", "script", "title", "desc", "metadata":
				continue
			case "text":
				t := strings.TrimSpace(string(appendText(nil, c)))
				if t == "" {
					continue
				}
				t = cutUTF8(t, max-size)
				size += len(t)
				out = append(out, t)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}
