package checker

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// jsScan is one reading of a stub page's scripts, enough to tell which of
// their code runs when the page loads. Nothing is run or fully parsed:
// comments, strings, template literals and regular expression literals
// are told apart from code, brace blocks are found and classed by what
// opens them, and calls are indexed by the name called. Every step is
// linear in the script or bounded by jsScanBudget, whatever the script.
type jsScan struct {
	src string // the scripts as written
	// code is src with comments blanked; bare is code with the contents
	// of strings, template and regular expression literals blanked too
	// (quotes and slashes kept). Both keep src's positions.
	code, bare string
	frames     []jsFrame // in order of their opening brace
	starts     []int     // frames' starts, for binary search
	calls      map[string][]int
	assignRe   map[string]*regexp.Regexp // a variable's assignments, by name
	memo       map[int]bool
	busy       map[int]bool
	cut        bool // a cycle or the budget cut a reading short: do not remember it
	work       int
}

// jsFrame is one brace block: where it is, the block it is in, and what
// opened it: code that runs when the page loads ('r': a timer, the load
// event, a function called at once), code that never does on its own ('n':
// a click handler, a method), code that runs as its parent does ('i': an
// if, a loop, an object), or a named function ('f'), which runs when it is
// called from code that runs.
type jsFrame struct {
	start, end int
	parent     int
	kind       byte
	name       string
}

// jsScanBudget bounds the work of deciding what runs (frames visited and
// calls looked at): a script built to make the reading slow is given up.
const jsScanBudget = 50_000

// jsMaxFrames bounds the brace blocks read; a script with more is not
// read for hops at all (its blocks could not be told apart).
const jsMaxFrames = 8000

var (
	// jsLoadContext matches what comes before a function that runs when
	// the page loads: a timer, the load events, jQuery's ready, or a
	// function called at once ("(function(){…})()", "!function(){…}()").
	jsLoadContext = regexp.MustCompile(`(?:\b(?:setTimeout|setInterval|requestAnimationFrame)\s*\(|\bon(?:load|pageshow|DOMContentLoaded)\s*=|\baddEventListener\s*\(\s*["'](?:load|DOMContentLoaded|pageshow|readystatechange)["']\s*,|(?:\$|\bjQuery|\.ready)\s*\(|(?:^|[;{}=(,!+\s])[!+(]|\bvoid)\s*$`)
	// jsVarHead matches the start of a function expression kept in a
	// variable: "var go = ".
	jsVarHead = regexp.MustCompile(`(?:^|[;{}\s])(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*$`)
	// jsFuncHead matches "function name" (or "function") at the end of the
	// text before a parameter list.
	jsFuncHead = regexp.MustCompile(`\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)?\s*$`)
	// jsIdentEnd matches an identifier at the end of a text.
	jsIdentEnd = regexp.MustCompile(`[A-Za-z_$][\w$]*$`)
	// jsCall matches a call "name(" and a name handed to a timer or the
	// load event.
	jsCall = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(|(?:setTimeout\s*\(|onload\s*=|addEventListener\s*\(\s*["'](?:load|DOMContentLoaded)["']\s*,)\s*([A-Za-z_$][\w$]*)`)
)

// jsTimer marks a frame opened by a timer until its delay is read.
const jsTimer = "\x00timer"

var (
	// jsTimerHead matches a timer's start before the function it runs.
	jsTimerHead = regexp.MustCompile(`\b(?:window\s*\.\s*)?set(?:Timeout|Interval)\s*\(\s*$`)
	// jsTimerDelay reads the delay after a timer's function: a number,
	// or a product of them (30 * 60 * 1000, 15e3).
	jsTimerDelay = regexp.MustCompile(`^\s*\)?\s*,\s*([0-9][0-9.eE*\s]*)`)
)

// jsDelay evaluates a timer's delay written as numbers and "*".
func jsDelay(expr string) float64 {
	v := 1.0
	for _, part := range strings.Split(expr, "*") {
		f, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil {
			return 0
		}
		v *= f
	}
	return v
}

// jsBlockWords open blocks that run as their parent does.
var jsBlockWords = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "with": true}

// newJSScan reads src (at most scriptRedirectBytes long).
func newJSScan(src string) *jsScan {
	s := &jsScan{src: src, memo: map[int]bool{}, busy: map[int]bool{}, calls: map[string][]int{}, assignRe: map[string]*regexp.Regexp{}}
	s.blank()
	s.readFrames()
	s.readCalls()
	return s
}

// blank makes code and bare in one pass over src.
func (s *jsScan) blank() {
	code, bare := []byte(s.src), []byte(s.src)
	n := len(code)
	space := func(b []byte, from, to int) {
		for k := from; k < to && k < n; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	last := byte(0) // the last code byte that is not a space: tells a regex from a division
	for i := 0; i < n; i++ {
		c := code[i]
		switch {
		case c == '/' && i+1 < n && code[i+1] == '/':
			j := i
			for j < n && code[j] != '\n' {
				j++
			}
			space(code, i, j)
			space(bare, i, j)
			i = j - 1
			continue
		case c == '/' && i+1 < n && code[i+1] == '*':
			j := strings.Index(s.src[i+2:], "*/")
			end := n
			if j >= 0 {
				end = i + 2 + j + 2
			}
			space(code, i, end)
			space(bare, i, end)
			i = end - 1
			continue
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for j < n && code[j] != c && (c == '`' || code[j] != '\n') {
				if code[j] == '\\' {
					j++
				}
				j++
			}
			space(bare, i+1, j)
			i = min(j, n-1)
			last = c
			continue
		case c == '/' && (strings.IndexByte("(,=:[!&|?{};+-*%<>~^\x00", last) >= 0 || jsRegexAfterWord(code[:i])):
			// A regular expression literal: up to the closing slash, past
			// escapes and character classes.
			j, class := i+1, false
			for j < n && code[j] != '\n' && (class || code[j] != '/') {
				switch code[j] {
				case '\\':
					j++
				case '[':
					class = true
				case ']':
					class = false
				}
				j++
			}
			space(bare, i+1, j)
			i = min(j, n-1)
			last = '/'
			continue
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			last = c
		}
	}
	s.code, s.bare = string(code), string(bare)
}

// jsRegexWords are the keywords after which a "/" starts a regular
// expression, not a division (return /x/.test(u)).
var jsRegexWords = map[string]bool{"return": true, "typeof": true, "case": true, "in": true, "of": true, "void": true,
	"delete": true, "throw": true, "new": true, "instanceof": true, "yield": true, "await": true, "else": true, "do": true}

// jsRegexAfterWord reports whether code (up to a "/") ends with one of
// jsRegexWords.
func jsRegexAfterWord(code []byte) bool {
	end := len(code)
	for end > 0 && (code[end-1] == ' ' || code[end-1] == '\t') {
		end--
	}
	start := end
	for start > 0 && (code[start-1] >= 'a' && code[start-1] <= 'z') {
		start--
	}
	if start > 0 && (code[start-1] == '_' || code[start-1] == '$' || code[start-1] == '.' ||
		code[start-1] >= 'A' && code[start-1] <= 'Z' || code[start-1] >= '0' && code[start-1] <= '9') {
		return false // part of a longer name or a property
	}
	return start < end && jsRegexWords[string(code[start:end])]
}

// readFrames finds the brace blocks of bare and classes each.
func (s *jsScan) readFrames() {
	b := s.bare
	s.frames = []jsFrame{{start: 0, end: len(b), parent: -1, kind: 'r'}}
	stack := []int{0}
	for i := 0; i < len(b) && len(s.frames) < jsMaxFrames; i++ {
		switch b[i] {
		case '{':
			f := jsFrame{start: i, end: len(b), parent: stack[len(stack)-1], kind: 'i'}
			f.kind, f.name = s.classify(i)
			s.frames = append(s.frames, f)
			stack = append(stack, len(s.frames)-1)
		case '}':
			if len(stack) > 1 {
				f := &s.frames[stack[len(stack)-1]]
				f.end = i
				if f.name == jsTimer {
					f.name = ""
					if d := jsTimerDelay.FindStringSubmatch(b[i+1 : min(len(b), i+60)]); d != nil && jsDelay(d[1]) > scriptLongDelay {
						f.kind = 'n' // a fallback or a session timer, not the page's hop
					}
				}
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(s.frames) >= jsMaxFrames {
		s.frames = s.frames[:1] // not read: every location in it counts as top level, and none runs
		s.frames[0].kind = 'n'
	}
	s.starts = make([]int, len(s.frames))
	for i, f := range s.frames {
		s.starts[i] = f.start
	}
}

// classify says what the brace at pos opens.
func (s *jsScan) classify(pos int) (kind byte, name string) {
	before := strings.TrimRight(s.bare[max(0, pos-400):pos], " \t\r\n")
	var head string // the text before a function's head
	switch {
	case strings.HasSuffix(before, "=>"):
		params := strings.TrimRight(before[:len(before)-2], " \t\r\n")
		if strings.HasSuffix(params, ")") {
			open := matchOpen(params)
			if open < 0 {
				return 'i', ""
			}
			head = params[:open]
		} else if m := jsIdentEnd.FindStringIndex(tail(params, 64)); m != nil {
			head = params[:len(params)-len(tail(params, 64))+m[0]]
		} else {
			return 'i', ""
		}
	case strings.HasSuffix(before, ")"):
		open := matchOpen(before)
		if open < 0 {
			return 'i', ""
		}
		pre := strings.TrimRight(before[:open], " \t\r\n")
		end := tail(pre, 80) // the regular expressions read only the end
		off := len(pre) - len(end)
		if m := jsFuncHead.FindStringSubmatchIndex(end); m != nil {
			head = pre[:off+m[0]]
			if m[2] >= 0 {
				name = end[m[2]:m[3]]
			}
			break
		}
		if w := jsIdentEnd.FindString(end); w != "" && !jsBlockWords[w] {
			return 'n', "" // a method: runs when something calls it
		}
		return 'i', ""
	default:
		return 'i', "" // else, try, an object literal, a block
	}
	// A function: what it is handed to or kept in says whether it runs.
	start := max(0, pos-400) // head is a beginning of before, which starts there
	ctx := tail(s.code[start:start+len(head)], 80)
	if t := strings.TrimRight(ctx, " \t\r\n"); strings.HasSuffix(t, "async") && !jsIdentByte(t, len(t)-6) {
		ctx = t[:len(t)-5] // async function, async () =>: what comes before counts
	}
	switch {
	case jsTimerHead.MatchString(ctx):
		return 'r', jsTimer // its delay is read when the block closes
	case jsLoadContext.MatchString(ctx):
		return 'r', ""
	case name != "" && jsStatementStart(ctx):
		return 'f', name
	}
	if m := jsVarHead.FindStringSubmatch(ctx); m != nil {
		return 'f', m[1]
	}
	return 'n', "" // a handler or callback: runs when something happens
}

// jsIdentByte reports whether s[i] is a byte of a name (false out of s).
func jsIdentByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// tail is the last n bytes of s (all of it when shorter): the regular
// expressions anchored at a text's end read no more than they need.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// matchOpen returns the index of the "(" that the ")" ending t closes, or
// -1 when there is none.
func matchOpen(t string) int {
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// jsStatementStart reports whether a function whose head follows head is
// a declaration (it starts a statement) rather than a value handed on.
func jsStatementStart(head string) bool {
	head = strings.TrimRight(head, " \t\r\n")
	return head == "" || strings.HasSuffix(head, ";") || strings.HasSuffix(head, "}") || strings.HasSuffix(head, "{")
}

// readCalls indexes the calls of bare by the name called.
func (s *jsScan) readCalls() {
	for _, m := range jsCall.FindAllStringSubmatchIndex(s.code, 20000) {
		// Matched on code (the load event's name is a string), kept only
		// where bare agrees that this is code, not a string's contents.
		at, name := -1, ""
		switch {
		case m[2] >= 0:
			at, name = m[2], s.code[m[2]:m[3]]
			pre := strings.TrimRight(s.bare[max(0, at-20):at], " \t\r\n")
			if strings.HasSuffix(pre, "function") || strings.HasSuffix(pre, ".") {
				continue // the function's own declaration, or another object's method (history.go)
			}
		case m[4] >= 0:
			at, name = m[4], s.code[m[4]:m[5]]
		}
		if at >= 0 && s.bare[at] == s.code[at] && s.bare[at] != ' ' {
			s.calls[name] = append(s.calls[name], at)
		}
	}
}

// at is the innermost frame holding pos.
func (s *jsScan) at(pos int) int {
	i := sort.SearchInts(s.starts, pos) - 1 // the last frame opened before pos
	for i > 0 && s.frames[i].end < pos {
		i = s.frames[i].parent
		s.work++ // deep nesting costs: counted against the budget
	}
	return max(i, 0)
}

// runs reports whether code at pos runs when the page loads.
func (s *jsScan) runs(pos int) bool {
	i := s.at(pos)
	if s.work > jsScanBudget {
		return false
	}
	return s.frameRuns(i)
}

func (s *jsScan) frameRuns(i int) bool {
	if v, ok := s.memo[i]; ok {
		return v
	}
	if s.busy[i] || s.work > jsScanBudget {
		s.cut = true
		return false
	}
	s.work++
	s.busy[i] = true
	cutBefore := s.cut
	s.cut = false
	f := s.frames[i]
	var v bool
	switch {
	case f.kind == 'n':
		v = false
	case f.parent < 0:
		v = true
	case !s.frameRuns(f.parent):
		v = false
	case f.kind == 'f':
		v = s.called(i)
	default:
		v = true
	}
	delete(s.busy, i)
	if !s.cut {
		s.memo[i] = v // a reading cut short by a cycle may change later
	}
	s.cut = s.cut || cutBefore
	return v
}

// called reports whether the named function of frame i is called (or
// handed to a timer or the load event) from code that runs, outside its
// own body.
func (s *jsScan) called(i int) bool {
	f := s.frames[i]
	for _, at := range s.calls[f.name] {
		if s.work++; s.work > jsScanBudget {
			s.cut = true
			return false
		}
		if at > f.start && at < f.end {
			continue // inside its own body
		}
		if fi := s.at(at); s.work <= jsScanBudget && s.frameRuns(fi) {
			return true
		}
	}
	return false
}
