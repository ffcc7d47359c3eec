package checker

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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

// scriptLocation finds a string literal (or atob of one) given to the
// location in a script: location.href = "…", window.location = '…',
// location.replace("…"), top.location.assign(atob("…")). The three
// quoted forms are the first, second and third submatch.
var scriptLocation = regexp.MustCompile(`(?:\blocation(?:\s*\.\s*href)?\s*=|\blocation\s*\.\s*(?:replace|assign)\s*\()\s*(?:atob\s*\(\s*)?(?:"((?:[^"\\\n]|\\.)+)"|'((?:[^'\\\n]|\\.)+)'|` + "`([^`$\\n]+)`" + `)`)

// scriptLocationVar finds a variable given to the location
// (location.href = u, location.replace(u)); jsVarLiteral then finds the
// literal the variable was given before ("var u = '…'").
var scriptLocationVar = regexp.MustCompile(`(?:\blocation(?:\s*\.\s*href)?\s*=|\blocation\s*\.\s*(?:replace|assign)\s*\()\s*([A-Za-z_$][\w$]*)\s*[;)\n}]`)

// scriptRedirect returns the absolute URL that a stub page's scripts send
// the browser to when it loads, or "" when the page is no stub or its
// scripts name no such address. Nothing is run: a string literal given to
// the location is read, as a meta refresh's URL is, and only where code
// runs on load (jsRunsOnLoad): not in a comment, a click handler or a
// function that nothing calls. Kits and the hops in front of them often
// send their visitors on this way, so the page that would be shown is the
// one to score. A page with text of its own or a form to fill in is no
// stub: a kit that sends its victims to the real bank after they type
// their password is scored as itself. An address put together at run time
// ("/" + lang) is not followed, nor one of a file (an .apk is left to the
// page's own download sign).
func scriptRedirect(page *rules.Page) string {
	if page == nil || page.Doc == nil || utf8.RuneCountInString(page.Text) > scriptStubRunes {
		return ""
	}
	for _, f := range page.Forms {
		for _, in := range f.Inputs {
			if in.Type != "hidden" && in.Type != "submit" && in.Type != "button" && in.Type != "image" && in.Type != "reset" {
				return ""
			}
		}
	}
	src := pageScripts(page)
	if src == "" {
		return ""
	}
	found := ""
	code := jsBlankComments(src)
	load := newJSFrames(code)
	type hit struct{ at, lit int } // where the location is given an address, and where its literal is
	var hits []hit
	for _, m := range scriptLocation.FindAllStringSubmatchIndex(code, 20) {
		hits = append(hits, hit{m[0], m[0]})
	}
	for _, m := range scriptLocationVar.FindAllStringSubmatchIndex(code, 20) {
		name := code[m[2]:m[3]]
		if name == "atob" || name == "true" || name == "false" || name == "null" || name == "undefined" {
			continue
		}
		re, err := regexp.Compile(`(?:^|[;{}\s,])(?:var|let|const)?\s*` + regexp.QuoteMeta(name) + `\s*=\s*["'\x60]`)
		if err != nil {
			continue
		}
		if vs := re.FindAllStringIndex(code[:m[0]], -1); len(vs) > 0 {
			hits = append(hits, hit{m[0], vs[len(vs)-1][0]})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	for _, h := range hits {
		if !load.runs(h.at) || jsBotBranch(code, h.at) {
			continue
		}
		var m []int
		if h.lit == h.at {
			m = scriptLocation.FindStringSubmatchIndex(code[h.at:])
		} else {
			m = jsVarLiteral.FindStringSubmatchIndex(code[h.lit:])
		}
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += h.lit
			}
		}
		for i := 2; i < len(m); i += 2 {
			if m[i] < 0 {
				continue
			}
			lit, rest := code[m[i]:m[i+1]], code[m[i+1]+1:]
			atob := strings.Contains(code[m[0]:m[i]], "atob")
			if atob {
				rest = strings.TrimLeft(rest, " \t\r\n")
				rest = strings.TrimPrefix(rest, ")")
			}
			if rest = strings.TrimLeft(rest, " \t\r\n"); rest != "" && strings.ContainsRune("+.[", rune(rest[0])) {
				break // only a piece of the address: "/" + lang + "/"
			}
			if atob {
				found = decodeBase64(lit)
			} else {
				found = jsUnescape(lit)
			}
			break
		}
		if found != "" {
			break
		}
	}
	if found == "" {
		return ""
	}
	base, err := url.Parse(page.URL)
	if err != nil {
		return ""
	}
	u, err := base.Parse(strings.TrimSpace(found))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || skipExt.MatchString(u.Path) {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// jsVarLiteral reads the literal a variable is given ("var u = '…'"), in
// the same three submatches as scriptLocation.
var jsVarLiteral = regexp.MustCompile(`^[;{}\s,]*(?:var|let|const)?\s*[A-Za-z_$][\w$]*\s*=\s*(?:"((?:[^"\\\n]|\\.)+)"|'((?:[^'\\\n]|\\.)+)'|` + "`([^`$\\n]+)`" + `)`)

// jsBotWords mark the condition of a branch that only robots take: a kit
// sends crawlers to a harmless page and people to itself. A branch for browsers without cookies is not a person's either.
var jsBotWords = regexp.MustCompile(`(?i)bot|crawl|spider|headless|webdriver|lighthouse|phantom|selenium|!\s*navigator\.cookieEnabled`)

// jsBotBranch reports whether the code at pos is what an if whose
// condition names robots does (with or without braces).
func jsBotBranch(code string, pos int) bool {
	before := strings.TrimRight(code[max(0, pos-400):pos], " \t\r\n{")
	if !strings.HasSuffix(before, ")") {
		return false
	}
	// The condition: back to the "if (" that opens it.
	depth := 0
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				head := strings.TrimRight(before[:i], " \t")
				return strings.HasSuffix(head, "if") && jsBotWords.MatchString(before[i:])
			}
		}
	}
	return false
}

// pageScripts joins the page's inline scripts, and the code of its body's
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
				if c := n.FirstChild; c != nil && c.Type == html.TextNode {
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

// jsBlankComments returns src with its comments turned into spaces (same
// length, so positions hold); strings and template literals are kept.
// Regular expression literals are not told from division: a quote inside
// one can throw the reading off, which at worst loses a hop.
func jsBlankComments(src string) string {
	b := []byte(src)
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"' || c == '\'' || c == '`':
			for i++; i < len(b) && b[i] != c; i++ {
				if b[i] == '\\' {
					i++
				} else if b[i] == '\n' && c != '`' {
					break
				}
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(string(b[i+2:]), "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return string(b)
}

// jsFrame is one brace block of a script: where it is, the block it is
// in, and whether its code runs when the page loads (run), never does
// (a click handler), runs as its parent does (an if, a loop), or is the
// body of a named function (fn), which runs when the function is called
// from code that runs.
type jsFrame struct {
	start, end int
	parent     int
	kind       byte // 'r' run, 'n' not, 'i' as the parent, 'f' named function
	name       string
}

// jsFrames are a script's blocks, the whole script being the first.
type jsFrames struct {
	code   string
	frames []jsFrame
	memo   map[int]bool
}

var (
	// jsFuncBefore matches the head of a function whose body the brace
	// opens: "function name(a, b)" or "(a) =>" / "a =>".
	jsFuncBefore = regexp.MustCompile(`(?:\bfunction\s*([A-Za-z_$][\w$]*)?\s*\([^()]*\)|(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>)\s*$`)
	// jsVarHead matches the start of a function expression kept in a
	// variable: "var go = ".
	jsVarHead = regexp.MustCompile(`(?:^|[;{}\s])(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*$`)
	// jsLoadContext matches what comes before a function that runs when
	// the page loads: a timer, the load events, jQuery's ready, or a
	// function called at once ("(function(){…})()", "!function(){…}()").
	jsLoadContext = regexp.MustCompile(`(?:\b(?:setTimeout|requestAnimationFrame)\s*\(|\bon(?:load|pageshow|DOMContentLoaded)\s*=|\baddEventListener\s*\(\s*["'](?:load|DOMContentLoaded|pageshow|readystatechange)["']\s*,|(?:\$|\bjQuery|\.ready)\s*\(|(?:^|[;{}=(,!+\s])[!+(]|\bvoid)\s*$`)
)

// newJSFrames reads the brace blocks of code (comments blanked).
func newJSFrames(code string) *jsFrames {
	fs := &jsFrames{code: code, frames: []jsFrame{{start: 0, end: len(code), parent: -1, kind: 'r'}}, memo: map[int]bool{}}
	stack := []int{0}
	for i := 0; i < len(code) && len(fs.frames) < 2000; i++ {
		switch c := code[i]; c {
		case '"', '\'', '`':
			for i++; i < len(code) && code[i] != c; i++ {
				if code[i] == '\\' {
					i++
				} else if code[i] == '\n' && c != '`' {
					break
				}
			}
		case '{':
			f := jsFrame{start: i, end: len(code), parent: stack[len(stack)-1], kind: 'i'}
			before := code[max(0, i-300):i]
			if m := jsFuncBefore.FindStringSubmatchIndex(before); m != nil {
				head := before[:m[0]]
				switch {
				case jsLoadContext.MatchString(head):
					f.kind = 'r'
				case m[2] >= 0 && jsStatementStart(head):
					f.kind, f.name = 'f', before[m[2]:m[3]]
				case jsVarHead.MatchString(head):
					// var go = function () {…}: a named function too
					f.kind, f.name = 'f', jsVarHead.FindStringSubmatch(head)[1]
				default:
					f.kind = 'n' // a handler or callback: runs when something happens
				}
			}
			fs.frames = append(fs.frames, f)
			stack = append(stack, len(fs.frames)-1)
		case '}':
			if len(stack) > 1 {
				fs.frames[stack[len(stack)-1]].end = i
				stack = stack[:len(stack)-1]
			}
		}
	}
	return fs
}

// jsStatementStart reports whether a function whose head follows head is
// a declaration (it starts a statement) rather than a value handed on.
func jsStatementStart(head string) bool {
	head = strings.TrimRight(head, " \t\r\n")
	return head == "" || strings.HasSuffix(head, ";") || strings.HasSuffix(head, "}") || strings.HasSuffix(head, "{")
}

// at is the innermost frame holding position pos.
func (fs *jsFrames) at(pos int) int {
	in := 0
	for i, f := range fs.frames {
		if f.start < pos && pos <= f.end {
			in = i // frames are in order of their start: the last one holding pos is innermost
		}
	}
	return in
}

// runs reports whether code at pos runs when the page loads.
func (fs *jsFrames) runs(pos int) bool { return fs.frameRuns(fs.at(pos), 0) }

func (fs *jsFrames) frameRuns(i, depth int) bool {
	if depth > 8 {
		return false
	}
	if v, ok := fs.memo[i]; ok {
		return v
	}
	f := fs.frames[i]
	var v bool
	switch {
	case f.kind == 'n':
		v = false
	case f.parent < 0:
		v = true
	case !fs.frameRuns(f.parent, depth+1):
		v = false
	case f.kind == 'f':
		v = fs.called(i, depth)
	default:
		v = true
	}
	fs.memo[i] = v
	return v
}

// called reports whether the named function of frame i is called, or
// handed to a timer or the load event, from code that runs (outside its
// own body).
func (fs *jsFrames) called(i, depth int) bool {
	f := fs.frames[i]
	name := regexp.QuoteMeta(f.name)
	re, err := regexp.Compile(`\b` + name + `\s*\(|(?:setTimeout\s*\(|onload\s*=|addEventListener\s*\(\s*["'](?:load|DOMContentLoaded)["']\s*,)\s*` + name + `\b`)
	if err != nil {
		return false
	}
	for _, m := range re.FindAllStringIndex(fs.code, 20) {
		if m[0] > f.start && m[0] < f.end {
			continue // inside its own body
		}
		if strings.HasPrefix(strings.TrimLeft(fs.code[max(0, m[0]-12):m[0]], " "), "function") ||
			strings.HasSuffix(strings.TrimRight(fs.code[max(0, m[0]-12):m[0]], " \t"), "function") {
			continue // its own declaration
		}
		if fs.frameRuns(fs.at(m[0]), depth+1) {
			return true
		}
	}
	return false
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
