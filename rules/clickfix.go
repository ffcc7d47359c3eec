package rules

import (
	"encoding/base64"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// clickfixRule is the sign of the ClickFix lure (the fake CAPTCHA that
// JPCERT/CC and IPA warned about in 2025): a page that poses as a human
// check and has the visitor open the Run box (Win+R) and paste (Ctrl+V) a
// command that its script has put on the clipboard.
func clickfixRule() Rule {
	return Rule{
		ID: "clickfix", Severity: High, Points: 60, Topic: "phishing", NeedsPage: true,
		Summary: Text{
			JA: "ClickFix（偽のCAPTCHA・ロボット確認画面）：「ロボットではありません」などの確認を装い、Windowsキー＋R（ファイル名を指定して実行）やターミナルを開いてCtrl＋Vで貼り付け・Enterさせる指示、またはスクリプトがPowerShell・mshtaなどのコマンドをクリップボードに書き込む仕掛け",
			EN: "ClickFix (a fake CAPTCHA or \"I'm not a robot\" check): instructions to open the Run box (Windows+R) or a terminal and paste with Ctrl+V, on a page posing as a human check, or a script that writes a PowerShell, mshta or similar command to the clipboard",
		},
		Message: Text{
			JA: clickfixMessageJA,
			EN: clickfixMessageEN,
		},
		Check: shownToo(checkClickfix, clickfixExcused),
	}
}

const (
	clickfixMessageJA = "「ロボットではありません」などの偽の確認画面で、攻撃者が用意したコマンドをあなたのパソコンで実行させる手口（ClickFix）です。画面の指示どおりにWindowsキー＋Rなどのキーを押したり、Ctrl＋Vで貼り付けたりせず、このタブを閉じてください。すでに実行してしまったときは、そのパソコンをネットワーク（LANケーブルやWi-Fi）から切り離し、そのパソコンではパスワードを入力しないでください（パスワードの変更は別の機器から）。#9110か最寄りの警察署に相談してください"
	clickfixMessageEN = "this is a fake verification screen (ClickFix): it poses as an \"I'm not a robot\" check to make you run an attacker's command on your own PC. Do not press the keys it names (Windows+R and the like) and do not paste anything with Ctrl+V; close the tab. If you already did, disconnect that PC from the network (cable and Wi-Fi), do not type any password on it (change passwords from another device), and consult #9110 or the nearest police station"
)

// clickfixTables is clickfix_phrases.txt ready for matching: every section
// but [command] with its spaces taken out (as clickfixCompact does to the
// text).
type clickfixTables struct {
	run, console, paste, human, captcha, warning, reported []string
	// command holds [command]'s phrases, spaces kept; a phrase written
	// "a ... b" is a, then b later (commandThen[i] is b, or "").
	command, commandThen []string
}

var clickfixData = sync.OnceValue(func() *clickfixTables {
	secs := phishData().clickfix
	compact := func(list []string) []string {
		out := make([]string, 0, len(list))
		for _, l := range list {
			if c := clickfixCompact(l); c != "" && !phishHas(out, c) {
				out = append(out, c)
			}
		}
		return out
	}
	t := &clickfixTables{
		run: compact(secs["run"]), console: compact(secs["console"]), paste: compact(secs["paste"]),
		human: compact(secs["human"]), captcha: compact(secs["captcha"]),
		warning: compact(secs["warning"]), reported: compact(secs["reported"]),
	}
	for _, c := range secs["command"] {
		a, b, _ := strings.Cut(c, " ... ")
		t.command = append(t.command, strings.TrimSpace(a))
		t.commandThen = append(t.commandThen, strings.TrimSpace(b))
	}
	return t
})

// clickfixCompact is s (in phishNorm form) with every space taken out:
// 「Windows キー + R」 and "Win + R" read as the phrases list them.
func clickfixCompact(s string) string {
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

// clickfixPasteBytes are byte strings one of which any text holding a
// [paste] phrase holds (before case folding and space removal): the
// test that lets almost every page skip the line-by-line reading.
var clickfixPasteBytes = []string{"貼り付け", "貼りつけ", "はりつけ", "ペースト", "paste", "Paste", "PASTE",
	"+V", "+v", "+ V", "+ v", "とV", "とv", "と V", "と v", "⌘"}

// clickfixRunBytes are the same for the [run] and [console] phrases.
var clickfixRunBytes = []string{"win", "Win", "WIN", "⊞", "ファイル名を指定して実行", "実行ダイアログ",
	"un dialog", "un Dialog", "UN DIALOG", "ターミナル", "erminal", "ERMINAL", "owershell", "owerShell",
	"OWERSHELL", "コマンドプロンプト", "ommand prompt", "ommand Prompt", "OMMAND PROMPT", "cmd.exe", "CMD.EXE"}

// clickfixPasteIndex and clickfixRunIndex index the two lists, so that a
// page's text is scanned once for each (ASCII case folded: Paste, PASTE).
var (
	clickfixPasteIndex = sync.OnceValue(func() *shopLitIndex { return newShopLitIndex(clickfixPasteBytes) })
	clickfixRunIndex   = sync.OnceValue(func() *shopLitIndex { return newShopLitIndex(clickfixRunBytes) })
)

// clickfixNear is how many lines apart a run instruction and a paste
// instruction may stand (the steps of one numbered list).
const clickfixNear = 5

// clickfixBrandLines is how many of the first lines are read for a
// [captcha] brand name (a kit poses as Cloudflare at its top).
const clickfixBrandLines = 30

// checkClickfix fires on a page that (a) tells the visitor to open the Run
// box or a console and paste, posing as a human check, or (b) writes a
// command to the clipboard from a script or an attribute on a page with
// CAPTCHA words. See data/clickfix_phrases.txt.
func checkClickfix(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if f, ok := clickfixPage(p); ok {
			out = append(out, f)
		}
	}
	return out
}

// clickfixPage judges one page; the verdict is kept on the page (a shop's
// shared pages were read again by the check of each of its product pages,
// their whole text twice for the paste and run words).
func clickfixPage(p *Page) (Finding, bool) {
	f := pageDerive(p, pageClickfix, func(m *pageMemo) **Finding { return &m.clickfix }, func() *Finding {
		if f, ok := clickfixPageUncached(p); ok {
			return &f
		}
		return nil
	})
	if f == nil {
		return Finding{}, false
	}
	return *f, true
}

func clickfixPageUncached(p *Page) (Finding, bool) {
	pasteWords := clickfixPasteIndex().any(p.Text) && clickfixRunIndex().any(p.Text)
	cb := clickfixClipboard(p)
	if !pasteWords && cb.cmd == "" {
		return Finding{}, false // the cheap way out of nearly every page
	}
	d := clickfixData()
	head, comp := clickfixHead(p)
	// human and brand are the lines (or title, heading) that pose as a
	// human check: a [human] phrase, a [captcha] brand near the top.
	human := ""
	for i, c := range comp {
		if phishFindRaw(c, d.human) != "" {
			human = head[i]
			break
		}
	}
	brand := ""
	for _, t := range append([]string{p.Title}, p.Headings...) {
		if phishFindRaw(clickfixCompact(phishNorm(t)), d.captcha) != "" {
			brand = t
			break
		}
	}
	for i := 0; brand == "" && i < len(comp) && i <= clickfixBrandLines; i++ {
		if phishFindRaw(comp[i], d.captcha) != "" {
			brand = head[i]
		}
	}
	scriptHuman := cb.cmd != "" && phishFindRaw(clickfixCompact(phishNorm(cb.script)), d.human) != ""
	// A command that fetches and runs code, put on the clipboard without
	// being shown on the page (atob, a hidden field, a script's string):
	// an install guide's copy button copies the command it shows (scoop's
	// irm … | iex), a kit's hides what it has the reader paste, whatever
	// the page poses as (a fake Google Meet "fix", a "browser check").
	hiddenRun := cb.cmd != "" && clickfixRuns(cb.cmd) && !clickfixShown(p, cb.cmd) && clickfixRunKey(comp)
	brandOnly := brand != "" && human == "" && !scriptHuman
	if brandOnly {
		// A Cloudflare or reCAPTCHA name alone is no human check for the
		// steps: tech articles about Cloudflare explain Win+R (review 19).
		brand = ""
	}

	var ev, evEN []string
	// (b) a command on the clipboard, on a page posing as a human check
	// (its words may stand in the script itself: "# I'm not a robot").
	if cb.cmd != "" {
		// A CAPTCHA brand alone is context only for a command that
		// fetches and runs code (iex, mshta, | sh): an install note's copy
		// button copies curl … | sudo tee.
		ctx := human != "" || scriptHuman || hiddenRun || brandOnly && clickfixRuns(cb.cmd)
		if ctx {
			// Long enough for the address it fetches (what an officer
			// follows up), which comes after the switches.
			c := "「" + Clip(strings.Join(strings.Fields(cb.cmd), " "), 100) + "」"
			ev = append(ev, "クリップボードに書き込むコマンド: "+c)
			evEN = append(evEN, "command written to the clipboard: "+c)
		}
	}
	// (a) the instructions: open the Run box or a console, then paste.
	if pasteWords {
		if run, paste := clickfixSteps(head, comp, human != "" || hiddenRun, brand != ""); run != "" &&
			(len(ev) > 0 || !clickfixWarningPage(p, head, comp)) {
			q := "「" + Clip(run, 40) + "」"
			if paste != run {
				q += " / 「" + Clip(paste, 40) + "」"
			}
			ctx := human
			if ctx == "" {
				ctx = brand
			}
			if c := "「" + Clip(ctx, 30) + "」"; ctx != "" && ctx != run && ctx != paste {
				q = c + " / " + q
			}
			ev = append(ev, "指示: "+q)
			evEN = append(evEN, "instructions: "+q)
		}
	}
	if len(ev) == 0 {
		return Finding{}, false
	}
	return Finding{Evidence: strings.Join(ev, " / "), EvidenceEN: strings.Join(evEN, " / "), URL: p.URL}, true
}

// clickfixSteps returns the line telling the reader to open the Run box
// (or a console) and the line telling them to paste, no more than
// clickfixNear lines apart, or "" when the page has no such pair. A [run]
// key counts on a page with a [human] phrase or a [captcha] brand, a
// [console] word only with a [human] phrase. Lines that report an
// instruction (「…と表示」「…よう指示」) are no instruction.
func clickfixSteps(head, comp []string, human, brand bool) (run, paste string) {
	d := clickfixData()
	if !human && !brand {
		return "", ""
	}
	for i, c := range comp {
		strong := phishFindRaw(c, d.run) != ""
		if !strong && !(human && phishFindRaw(c, d.console) != "") {
			continue
		}
		if phishFindRaw(c, d.reported) != "" {
			continue
		}
		for j := max(0, i-clickfixNear); j < len(comp) && j <= i+clickfixNear; j++ {
			if phishFindRaw(comp[j], d.paste) != "" && phishFindRaw(comp[j], d.reported) == "" {
				return head[i], head[j]
			}
		}
	}
	return "", ""
}

// clickfixWarningPage reports whether p warns about the lure rather than
// being it: two [warning] phrases in its first lines or one in its title
// or a heading, or support-scam's warning-page test (which holds the
// phishing signs' own).
func clickfixWarningPage(p *Page, head, comp []string) bool {
	d := clickfixData()
	for _, t := range append([]string{p.Title}, p.Headings...) {
		if t != "" && phishFindRaw(clickfixCompact(phishNorm(t)), d.warning) != "" {
			return true
		}
	}
	var seen []string
	for _, c := range comp {
		for _, w := range d.warning {
			if strings.Contains(c, w) && !phishHas(seen, w) {
				seen = append(seen, w)
			}
		}
	}
	if len(seen) >= 2 {
		return true
	}
	return supportWarningPage(p, head)
}

// clickfixCB is what a page writes to the clipboard: cmd is the first
// command found, script the script or attribute that writes it.
type clickfixCB struct {
	cmd, script string
}

// clickfixScriptBytes is how much of one inline script is read.
const clickfixScriptBytes = 200000

// clickfixClipboard finds a command that the page's inline scripts, on*
// attributes or data-clipboard-text attributes write to the clipboard;
// a hidden textarea or input holding one counts on a page that writes to
// the clipboard at all (document.execCommand("copy") after .select()).
// No script is run: their text is read. It allocates nothing on a page
// without a clipboard write.
func clickfixClipboard(p *Page) clickfixCB {
	var cb clickfixCB
	write := false
	writer := ""
	var fields [8]string // the first textareas' and inputs' values, read only after a write
	nf := 0
	phishWalk(p, func(e *html.Node) bool {
		switch e.Data {
		case "script":
			if c := e.FirstChild; c != nil && c.Type == html.TextNode && ScriptIsJS(e, true) {
				s := c.Data
				if len(s) > clickfixScriptBytes {
					s = s[:clickfixScriptBytes]
				}
				if clickfixWrites(s) {
					write = true
					if writer == "" {
						writer = s
					}
					if cb.cmd == "" {
						if cmd := clickfixCommandIn(s); cmd != "" {
							cb.cmd, cb.script = cmd, s
						}
					}
				}
			}
		case "textarea":
			if c := e.FirstChild; nf < len(fields) && c != nil && c.Type == html.TextNode {
				fields[nf] = c.Data
				nf++
			}
		case "input":
			if v, ok := attrOK(e, "value"); nf < len(fields) && ok && v != "" {
				fields[nf] = v
				nf++
			}
		}
		for _, a := range e.Attr {
			switch {
			case len(a.Key) > 2 && a.Key[0] == 'o' && a.Key[1] == 'n':
				if clickfixWrites(a.Val) {
					write = true
					if writer == "" {
						writer = a.Val
					}
					if cb.cmd == "" {
						if cmd := clickfixCommandIn(a.Val); cmd != "" {
							cb.cmd, cb.script = cmd, a.Val
						}
					}
				}
			case a.Key == "data-clipboard-text":
				write = true
				if cb.cmd == "" && clickfixCommandLit(a.Val) {
					cb.cmd, cb.script = a.Val, a.Val
				}
			case a.Key == "data-clipboard-target":
				write = true
			}
		}
		return true
	})
	for _, f := range fields[:nf] {
		if cb.cmd != "" || !write {
			break
		}
		if clickfixCommandLit(f) {
			cb.cmd, cb.script = f, writer
		}
	}
	return cb
}

// clickfixWrites reports whether script text s writes to the clipboard:
// navigator.clipboard.writeText, clipboardData.setData, a ClipboardItem,
// document.execCommand("copy") (kits spell it in pieces: "exec"+"Command").
func clickfixWrites(s string) bool {
	if strings.Contains(s, "lipboard") || strings.Contains(s, "execCommand") {
		return true
	}
	cp := strings.Contains(s, "copy") // each scan counts on a long bundle
	if cp && strings.Contains(s, "exec") && (strings.Contains(s, "'copy'") || strings.Contains(s, `"copy"`)) {
		return true
	}
	// 'clip'+'board', "exec"+"Command": glued again only where a piece of
	// the names stands and two literals meet at a plus.
	return (cp || strings.Contains(s, "board") || strings.Contains(s, "ommand")) &&
		clickfixSplit(s) && clickfixWritesPlain(clickfixJoin(s))
}

// clickfixSplit reports whether s holds two string literals glued with a
// plus ('clip'+'board'): a walk over its plus signs, so that a long
// script with "copyright" in it costs no regular expression.
func clickfixSplit(s string) bool {
	for off := 0; ; {
		i := strings.IndexByte(s[off:], '+')
		if i < 0 {
			return false
		}
		i += off
		off = i + 1
		l, r := i-1, i+1
		for l >= 0 && (s[l] == ' ' || s[l] == '\t' || s[l] == '\n') {
			l--
		}
		for r < len(s) && (s[r] == ' ' || s[r] == '\t' || s[r] == '\n') {
			r++
		}
		if l >= 0 && r < len(s) && s[l] == s[r] && (s[l] == '\'' || s[l] == '"' || s[l] == '`') {
			return true
		}
	}
}

func clickfixWritesPlain(s string) bool {
	return strings.Contains(s, "lipboard") || strings.Contains(s, "execCommand") ||
		(strings.Contains(s, "'copy'") || strings.Contains(s, `"copy"`)) && strings.Contains(s, "exec")
}

// clickfixJoin is s with its split string literals glued (clickfixJoins).
func clickfixJoin(s string) string {
	if !clickfixSplit(s) {
		return s
	}
	for _, re := range clickfixJoins {
		if re.MatchString(s) {
			s = re.ReplaceAllString(s, "")
		}
	}
	return s
}

// clickfixJoins glue string literals split to pass filters
// ('power'+'shell', "ms"+"hta").
var clickfixJoins = [3]*shopRe{
	shopMustRe(`'\s*\+\s*'`), shopMustRe(`"\s*\+\s*"`), shopMustRe("`\\s*\\+\\s*`"),
}

// clickfixRunKey reports whether a line names the Run box's keys
// ([run]: Win+R, Win+X, ⊞), not a console alone: an installer says "open
// PowerShell and paste", a kit has the reader press the keys.
func clickfixRunKey(comp []string) bool {
	d := clickfixData()
	for _, c := range comp {
		if phishFindRaw(c, d.run) != "" && phishFindRaw(c, d.reported) == "" {
			return true
		}
	}
	return false
}

// clickfixShown reports whether the page shows command cmd in its text
// (spaces and letter case aside): its start, up to 40 characters.
func clickfixShown(p *Page, cmd string) bool {
	c := strings.ToLower(clickfixCompact(strings.Join(strings.Fields(NFKC(cmd)), " ")))
	if r := []rune(c); len(r) > 40 {
		c = string(r[:40])
	}
	return c != "" && strings.Contains(strings.ToLower(clickfixCompact(strings.Join(strings.Fields(p.Text), " "))), c)
}

// clickfixRuns reports whether a command fetches or decodes code and runs
// it: what a ClickFix kit's command does, and an install note's does not.
func clickfixRuns(cmd string) bool {
	c := strings.ToLower(strings.Join(strings.Fields(cmd), " "))
	for _, w := range []string{"iex", "invoke-expression", "mshta", " -enc", " -e ", "frombase64", "| sh", "|sh", "| bash", "|bash",
		"rundll32", "regsvr32", "certutil", "bitsadmin", "start-process", "msiexec", "| powershell", "|powershell", "| pwsh", "|pwsh",
		"| cmd", "|cmd", "-w hidden", "-windowstyle hidden", " -nop"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// clickfixCommandIn returns the first string literal of script s that
// holds a command (clickfixCommandLit), the argument of atob("…") read
// decoded too; "" when none does.
func clickfixCommandIn(s string) string {
	s = clickfixJoin(s)
	for i := 0; i < len(s); i++ {
		q := s[i]
		if q != '\'' && q != '"' && q != '`' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != q && (q == '`' || s[j] != '\n') {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(s) {
			break
		}
		lit := s[i+1 : j]
		if strings.Contains(lit, `\`) {
			lit = strings.NewReplacer(`\"`, `"`, `\'`, `'`, `\\`, `\`, `\n`, " ", "\\`", "`").Replace(lit)
		}
		if strings.HasSuffix(strings.TrimRight(s[:i], " \t"), "atob(") {
			if b, err := base64.StdEncoding.DecodeString(lit); err == nil && clickfixCommandLit(string(b)) {
				return string(b)
			}
		}
		if clickfixCommandLit(lit) {
			return lit
		}
		i = j
	}
	return ""
}

// clickfixCommandLit reports whether s reads as a command line with a
// [command] word: a word of it and a space, a pipe or a semicolon (a
// syntax highlighter's 'powershell' is a language's name, no command).
func clickfixCommandLit(s string) bool {
	if !strings.ContainsAny(s, " \t|;") {
		return false
	}
	l := strings.ToLower(s)
	d := clickfixData()
	for k, w := range d.command {
		i := clickfixIndexWord(l, w)
		if i < 0 {
			continue
		}
		if then := d.commandThen[k]; then == "" || strings.Contains(l[i+len(w):], then) {
			return true
		}
	}
	return false
}

// clickfixIndexWord is the index of the first occurrence of w in s that is
// not glued to ASCII letters or digits ("iex" is not in "iexplore"), or -1.
func clickfixIndexWord(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		if phishBounded(s, i, i+len(w)) {
			return i
		}
		off = i + 1
	}
}

// clickfixExcused is clickfixWarningPage on a page's head, for shownToo:
// only where the steps are read (a command on the clipboard is judged
// without it).
func clickfixExcused(p *Page) bool {
	if !clickfixPasteIndex().any(p.Text) || !clickfixRunIndex().any(p.Text) {
		return false
	}
	head, comp := clickfixHead(p)
	return clickfixWarningPage(p, head, comp)
}

// clickfixHead returns the page's head (oneclickHead) and each of its
// lines compacted (clickfixCompact of the phishNorm form), which the
// steps and the warning test read.
func clickfixHead(p *Page) (head, comp []string) {
	head = oneclickHead(p)
	comp = make([]string, len(head))
	for i, l := range head {
		comp[i] = clickfixCompact(phishNorm(supportLine(l)))
	}
	return head, comp
}
