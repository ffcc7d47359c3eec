package rules

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// supportRule is the sign of a tech-support scam (サポート詐欺): a fake
// virus or security alert that tells the visitor to call a number.
func supportRule() Rule {
	return Rule{
		ID: "support-scam", Severity: High, Points: 60, Topic: "scam", NeedsPage: true,
		Summary: Text{
			JA: "サポート詐欺の画面：「お使いのコンピューターはウイルスに感染しています」などの偽の警告と、電話をかけさせる番号（Microsoft・Windows・Appleなどの名前、「閉じないでください」などの脅し、画面を閉じさせないスクリプトを伴う）",
			EN: "a tech-support scam (サポート詐欺) page: a fake alert that the visitor's computer is infected or locked, and a phone number to call (with Microsoft, Windows or Apple named, \"do not close this window\" pressure, or scripts that keep the screen up)",
		},
		Message: Text{
			JA: "ウイルス感染などの偽の警告で電話をかけさせる「サポート詐欺」の画面です。表示された番号に電話せず、ブラウザのタブやウィンドウを閉じてください（閉じられないときは、パソコンではEscキーを長押しするか、Ctrl+Alt+Deleteからタスクマネージャーでブラウザを終了し、スマートフォンではそのタブを閉じてください）。電話してしまった、指示されたソフトを入れた、電子マネーを買ったときは、ネットから切断し、#9110か最寄りの警察署に相談してください",
			EN: "this is a tech-support scam (サポート詐欺) screen: a fake virus or security alert made to get you to call. Do not call the number shown; close the browser tab or window (if it will not close: on a PC hold Esc, or end the browser from Task Manager via Ctrl+Alt+Delete; on a phone close the tab). If you already called, installed software they asked for or bought electronic money, disconnect from the internet and consult #9110 or the nearest police station",
		},
		Check: shownToo(checkSupport, func(p *Page) bool {
			return supportPageAlarms(p) && supportWarningPage(p, oneclickHead(p))
		}),
	}
}

// supportPhoneRe finds phone numbers as the fake screens show them:
// Japanese ones (050-5438-9127, 0120‐123‐456, 050ー5438ー9127, +81-50-…:
// the address sign's expression, which takes the dashes and long marks
// pages write between the digits) and North American ones
// (+1-888-555-0199, 1 (888) 555-0199); the digits are counted after.
var supportPhoneRe = shopMustRe(flPhoneRe.String() + `|(?:\+?1[ .\-]?)?\(?[2-9][0-9]{2}\)?[ .\-]?[0-9]{3}[ .\-]?[0-9]{4}`)

// supportHits is what one page shows (the first line of each kind).
type supportHits struct {
	claim, call, number, vendor, pressure, trap string
	// malware is an alarm that names malware, not the device
	// (「トロイの木馬型スパイウェアが検出されました」); screen is a phrase only
	// the fake screens use (「このウィンドウを閉じないで」).
	malware, screen string
}

// checkSupport fires where one of a page's first lines claims that the
// visitor's device is infected, locked or leaking now AND a phone number
// stands beside words telling them to call; strong (high 60) with a vendor's
// name, pressure or a script that keeps the screen up, weaker (medium 30)
// without. Warning pages, quotes, repair shops and antivirus vendors (who
// speak of infections in the conditional) stay silent: see
// data/support_phrases.txt.
func checkSupport(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if !supportPageAlarms(p) {
			continue
		}
		head := oneclickHead(p)
		trap := supportTraps(p)
		// A public body's own training page shows the fake screen with
		// its traps (IPA's 偽セキュリティ警告 体験サイト): there the warning
		// words still speak; a hacked public site's kit has none.
		hostile := supportHostile(trap) && !(site.Host != "" && GovernmentHost(site.Host))
		if !hostile && supportWarningPage(p, head) {
			continue
		}
		h := supportScan(p, head, hostile)
		h.trap = trap
		if h.claim == "" && h.malware != "" && h.vendor != "" &&
			(h.screen != "" || strings.Contains(h.trap, "autoplay") || strings.Contains(h.trap, "requestFullscreen")) {
			// No device named, but a vendor's alert that must not be
			// closed: the screen itself.
			h.claim = h.malware
		}
		if h.claim == "" || h.number == "" {
			continue
		}
		if !hostile && supportOwnNotice(p, h) {
			continue
		}
		if supportFixedLine(h.number) && h.trap == "" && h.pressure == "" {
			// A landline with an area code, and nothing that keeps the
			// screen up or presses: a repair shop's case study or a
			// university's notice, not the 050 or toll-free numbers the
			// fake screens rent. (A vendor's name or an alert title does
			// not tell them apart: shops title pages 【警告】Windows 10.)
			continue
		}
		ev := []string{"「" + Clip(h.claim, 60) + "」"}
		if c := supportCallEvidence(h.call, h.number); !phishHas(ev, "「"+c+"」") {
			ev = append(ev, "「"+c+"」")
		}
		evEN := append([]string(nil), ev...)
		if h.trap != "" {
			ev = append(ev, "画面を閉じさせない仕掛け（"+h.trap+"）")
			evEN = append(evEN, "tricks keeping the screen up ("+h.trap+")")
		}
		f := Finding{Evidence: strings.Join(ev, " / "), EvidenceEN: strings.Join(evEN, " / "), URL: p.URL}
		f.Message = Text{
			JA: "ウイルス感染などの偽の警告で電話をかけさせる「サポート詐欺」の画面です。表示された番号（" + h.number + "）に電話せず、ブラウザのタブやウィンドウを閉じてください（閉じられないときは、パソコンではEscキーを長押しするか、Ctrl+Alt+Deleteからタスクマネージャーでブラウザを終了し、スマートフォンではそのタブを閉じてください）。電話してしまった、指示されたソフトを入れた、電子マネーを買ったときは、ネットから切断し、#9110か最寄りの警察署に相談してください",
			EN: "this is a tech-support scam (サポート詐欺) screen: a fake virus or security alert made to get you to call. Do not call the number shown (" + h.number + "); close the browser tab or window (if it will not close: on a PC hold Esc, or end the browser from Task Manager via Ctrl+Alt+Delete; on a phone close the tab). If you already called, installed software they asked for or bought electronic money, disconnect from the internet and consult #9110 or the nearest police station",
		}
		if h.vendor == "" && h.pressure == "" && h.trap == "" {
			f.Severity, f.Points = Medium, 30
			f.Message = Text{
				JA: "あなたの機器がウイルスに感染した・ロックされたという警告と、電話番号を表示しています。サポート詐欺の疑いがあります。表示された番号（" + h.number + "）に電話しないでください",
				EN: "this page claims your computer is infected or locked and shows a number to call: a suspected tech-support scam (サポート詐欺). Do not call the number shown (" + h.number + ")",
			}
		}
		out = append(out, f)
	}
	return out
}

// supportCallEvidence quotes the line that says to call, short, with the
// number always in it: a long line is cut before the words that lead up
// to the number.
func supportCallEvidence(call, number string) string {
	if c := Clip(call, 40); strings.Contains(c, number) {
		return c
	}
	i := strings.Index(call, number)
	if i < 0 {
		return Clip(call, 40)
	}
	lead := call[:i]
	if r := []rune(lead); len(r) > 24 {
		lead = string(r[len(r)-24:])
		if sp := strings.IndexByte(lead, ' '); sp >= 0 && sp < 12 {
			lead = lead[sp+1:] // not in the middle of a word
		}
		lead = "…" + lead
	}
	return Clip(lead+number, 60)
}

// supportPageAlarms is supportAlarms(oneclickHead(p)), kept on the page.
func supportPageAlarms(p *Page) bool {
	return pageDerive(p, pageSupportAlarms, func(m *pageMemo) *bool { return &m.supportAlarms }, func() bool { return supportAlarms(oneclickHead(p)) })
}

// supportAlarms reports whether any of the lines holds an alarm phrase:
// the cheap test that lets every other page go at once.
func supportAlarms(head []string) bool {
	alarm := phishData().sets.support["alarm"]
	for _, l := range head {
		if phishHasLower(alarm, supportLine(l)) {
			return true
		}
	}
	return false
}

// supportLineBytes is how much of a line the sign reads: the whole of any
// page's line (a response is read up to --max-body, 5 MiB by default; the
// quote test walks a line once, so padding or decoys in front of a claim
// cost their length and hide nothing), and no more than 8 MiB of one.
const supportLineBytes = 8 << 20

// supportLine is l cut to supportLineBytes at a rune's start.
func supportLine(l string) string {
	if len(l) <= supportLineBytes {
		return l
	}
	cut := supportLineBytes
	for cut > 0 && !utf8.RuneStart(l[cut]) {
		cut--
	}
	return l[:cut]
}

// supportWarningPage reports whether p warns about support scams (or fraud
// at large) rather than being one: two of its warning phrases (サポート詐欺,
// 偽の警告, 電話しないで …) in the head, or one in the title or a heading
// (one in the body is no veto: a kit adds 「偽のサポートには電話しないで
// ください」 to pass), or the phishing signs' warning test holds. A title or
// heading whose only warning word is one the fake screens use themselves
// (注意) does not count.
func supportWarningPage(p *Page, head []string) bool {
	sup := phishData().sets.support
	norm := make([]string, len(head))
	for i, l := range head {
		norm[i] = phishNorm(supportLine(l))
	}
	if supportWarnings(norm) >= 2 {
		// Two warnings (「偽の警告です」「電話をかけないで」): a page about
		// the scam. One alone is no veto: a kit adds 「偽のサポートには
		// 電話しないでください」 to pass.
		return true
	}
	for _, t := range append([]string{p.Title}, p.Headings...) {
		if t = phishNorm(t); t != "" && sup["warning"].has(t) && !phishNegated(t) {
			return true
		}
	}
	lines := norm
	if p.Title != "" && len(lines) > 0 {
		lines = lines[1:] // oneclickHead put the title first
	}
	if strong, weak := phishWarningText(lines); 2*strong+weak >= 3 {
		return true
	}
	for _, t := range append([]string{p.Title}, phishH1(p, 5)...) {
		t = phishNorm(t)
		if t == "" || phishNegated(t) {
			continue
		}
		for _, w := range phishData().sets.words["warning-title"].all(t) {
			if !phishHas(phishData().support["alert-title"], w) {
				return true
			}
		}
	}
	return false
}

// supportHostile reports whether trap (supportTraps's list) holds two of
// the ways a fake screen keeps itself up: asking before the page may be
// left, going full screen, an alarm sound in a loop. No warning page, help
// desk or block page does two of them (a video in a loop is a page's
// background, and is not counted); a page that does is judged by its
// screen, whatever words it adds to pass: a warning in its title or in
// hidden text, its claim in brackets, an extension number.
func supportHostile(trap string) bool {
	n := 0
	for _, kind := range []string{"onbeforeunload", "requestFullscreen", "<audio autoplay loop>"} {
		if strings.Contains(trap, kind) {
			n++
		}
	}
	return n >= 2
}

// supportOwnNotice reports whether p is an organisation's notice to its own
// people (a company's IT department with an extension number, a
// university's help desk) or a filtering service's block page: an
// [own-notice] phrase in the title, one of the first headings, the claim's
// line or the line that says to call.
func supportOwnNotice(p *Page, h supportHits) bool {
	texts := []string{p.Title, h.claim, h.call}
	texts = append(texts, p.Headings[:min(len(p.Headings), phishViewHeadings)]...)
	for _, t := range texts {
		if t != "" && supportOwnLine(phishNorm(supportLine(t))) {
			return true
		}
	}
	return false
}

// supportExtension is an extension number (内線 2100, (内線21)), which no
// fake screen gives; 内線 alone (「内線不要」) is none.
var supportExtension = shopMustRe(`内線\s?(?:番号\s?[:：]?\s?)?[0-9]`)

// supportOwnLine reports whether line n (in phishNorm form) is one of an
// organisation's own notice: an [own-notice] phrase or an extension
// number, on a line that names no [vendor] (a kit speaks as Microsoft or
// Apple and may add 社内 or フィルタリング to pass; an IT department or a
// filtering service speaks as itself).
func supportOwnLine(n string) bool {
	sup := phishData().sets.support
	return (sup["own-notice"].has(n) || supportExtension.MatchString(n)) && !sup["vendor"].has(n)
}

// supportWarnings counts the distinct [warning] phrases (サポート詐欺, 偽の
// 警告, 電話しないで …) of lines (in phishNorm form), lines that deny being
// fraud left out: two make a page or a message a warning about the scam.
func supportWarnings(lines []string) int {
	return phishDistinct(phishData().sets.support["warning"], lines)
}

// phishDistinct counts the distinct phrases of list in lines (phishNorm
// form), lines that deny being fraud (phishNegated) left out: the warning
// tests of several signs count two.
func phishDistinct(list *phishLits, lines []string) int {
	var seen []string
	for _, l := range lines {
		if phishNegated(l) {
			continue
		}
		for _, w := range list.all(l) {
			if !phishHas(seen, w) {
				seen = append(seen, w)
			}
		}
	}
	return len(seen)
}

// supportScan looks for each kind in the page's head. On a hostile page
// (supportHostile) a claim counts even in quotation marks.
func supportScan(p *Page, head []string, hostile bool) supportHits {
	sup := phishData().sets.support
	var h supportHits
	prev := ""
	callAt, callLine := -10, "" // the last line telling the reader to call
	for i, l := range head {
		l = supportLine(l)
		n := phishNorm(l)
		before := prev
		prev = n
		if h.claim == "" && supportClaim(n, before, hostile) {
			h.claim = l
		}
		if h.malware == "" && sup["malware"].has(n) && supportAlarmed(n, hostile) {
			h.malware = l
		}
		if h.screen == "" && sup["screen"].has(n) {
			h.screen = l
		}
		if h.number == "" {
			if num := supportNumber(n); num != "" {
				switch {
				case sup["call"].has(n) && (i-callAt > 3 || utf8.RuneCountInString(l) > 24):
					h.number, h.call = num, l
				case i-callAt <= 3:
					// 「サポートにお電話ください」 a few lines above the
					// number (a note on the fee between, or a bare
					// 「☎ 050-…」): both quoted.
					h.number, h.call = num, callLine+" "+l
				}
			}
		}
		if sup["call"].has(n) {
			callAt, callLine = i, l
		}
		if h.vendor == "" && sup["vendor"].has(n) {
			h.vendor = l
		}
		if h.pressure == "" && sup["pressure"].has(n) {
			h.pressure = l
		}
	}
	return h
}

// supportClaim reports whether line n (in phishNorm form; before is the
// line above) claims that the visitor's device is infected, locked or
// leaking: an alarm phrase, not quoted unless evenQuoted, with the device
// named on the line or the one before.
func supportClaim(n, before string, evenQuoted bool) bool {
	sup := phishData().sets.support
	if !sup["device"].has(n) && !sup["device"].has(before) {
		return false
	}
	return supportAlarmed(n, evenQuoted)
}

// supportAlarmed reports whether line n holds an alarm phrase that is not
// quoted (or any alarm phrase, with evenQuoted). The quotation marks before
// each match are counted as the line is walked once, match by match (a line
// of alarms behind an open 「 costs its length, not its length for every
// match).
func supportAlarmed(n string, evenQuoted bool) bool {
	sup := phishData().sets.support
	var q supportQuotes
	for i, m := range supportMarks {
		q.last[i] = strings.LastIndex(n, m)
	}
	from := 0
	claim := false
	sup["alarm"].each(n, false, func(at, k int) bool { // in text order
		for i, m := range supportMarks {
			q.open[i] += strings.Count(n[from:at], m)
		}
		from = at
		end := at + len(sup["alarm"].list[k])
		if phishBounded(n, at, end) && (evenQuoted || !supportQuoted(n, end, &q)) {
			claim = true
		}
		return !claim
	})
	return claim
}

// supportQuotes is what supportQuoted knows of a line's quotation marks:
// how many of each stand before the alarm, and where the last of each is.
type supportQuotes struct {
	open, last [5]int
}

// supportMarks are the quotation marks counted before an alarm: 「 」 『 』
// and the straight double quote.
var supportMarks = [5]string{"「", "」", "『", "』", `"`}

// supportQuoted reports whether the alarm ending at end in n is quoted:
// inside a quotation opened before it (q counts the marks before it) and
// closed after it on the line (a mark left unclosed is no quotation:
// a kit's stray 「 must not hide its claim), or followed by 「と表示」
// 「という」….
func supportQuoted(n string, end int, q *supportQuotes) bool {
	if q.open[0] > q.open[1] && q.last[1] >= end || q.open[2] > q.open[3] && q.last[3] >= end ||
		q.open[4]%2 == 1 && q.last[4] >= end {
		return true
	}
	// The words after the alarm's own ending (危険にさらされ|ています、
	// という): a few characters on, up to the end of the clause.
	after := n[end:]
	if len(after) > 36 {
		cut := 36
		for cut > 0 && !utf8.RuneStart(after[cut]) {
			cut--
		}
		after = after[:cut]
	}
	if i := strings.IndexAny(n[end:], "。.!?"); i >= 0 && n[end+i] != '?' {
		// The next sentence asks what to do about it (an FAQ's
		// 「…発見されました。どうすればよいですか？」), not a kit's offer
		// (「今すぐ修復しますか？」).
		next := n[end+i+1:]
		if j := strings.IndexAny(next, "。.!?"); j >= 0 {
			next = next[:j+1]
		}
		for _, w := range phishData().support["asks-what"] {
			if strings.Contains(next, w) {
				return true
			}
		}
	}
	if i := strings.IndexAny(after, "。.!?"); i >= 0 {
		if after[i] == '?' {
			return true // the alarm's own sentence is a question
		}
		after = after[:i]
	}
	for _, tail := range []string{"ていました", "ています", "ている", "ました", "ます"} {
		if strings.HasPrefix(after, tail) {
			after = after[len(tail):]
			break
		}
	}
	for _, w := range phishData().support["condition-after"] {
		if strings.HasPrefix(after, w) {
			return true // 「…見つかりました場合」: a condition, not a claim
		}
	}
	const marks = "」』”»\"'、, "
	after = strings.TrimLeft(after, marks)
	for _, tail := range []string{"ていました", "ています", "ている", "ました", "ます"} {
		if strings.HasPrefix(after, tail) {
			after = strings.TrimLeft(after[len(tail):], marks)
			break
		}
	}
	for _, w := range phishData().support["quote-after"] {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// supportNumber returns the first phone number on line n with 10 to 13
// digits that is not part of a longer run of digits, or "".
func supportNumber(n string) string {
	if !strings.ContainsAny(n, "0123456789") {
		return ""
	}
	for _, loc := range supportPhoneRe.FindAllStringIndex(n, 10) {
		if loc[0] > 0 && shopIsDigit(rune(n[loc[0]-1])) || loc[1] < len(n) && shopIsDigit(rune(n[loc[1]])) {
			continue
		}
		m := n[loc[0]:loc[1]]
		digits := 0
		for i := 0; i < len(m); i++ {
			if shopIsDigit(rune(m[i])) {
				digits++
			}
		}
		if digits >= 10 && digits <= 13 {
			return strings.TrimSpace(m)
		}
	}
	return ""
}

// supportFixedLine reports whether number is a Japanese landline with an
// area code (022-…, 03-…, +81 3 …), not an IP phone (050), a toll-free
// (0120, 0800), navi-dial (0570) or mobile (070, 080, 090) number or a
// foreign one.
func supportFixedLine(number string) bool {
	n := flDigits(number)
	if strings.HasPrefix(number, "+") || strings.HasPrefix(number, "+81") {
		if !strings.HasPrefix(n, "81") {
			return false // another country's
		}
		n = "0" + n[2:]
	}
	if !strings.HasPrefix(n, "0") {
		return false
	}
	for _, p := range []string{"050", "0120", "0800", "0570", "070", "080", "090"} {
		if strings.HasPrefix(n, p) {
			return false
		}
	}
	return true
}

// supportTraps names what in the page's markup keeps the screen up: a
// script that asks before the page may be left, goes full screen or fills
// the history, or a sound that plays by itself in a loop.
func supportTraps(p *Page) string {
	var found []string
	add := func(s string) {
		if !phishHas(found, s) {
			found = append(found, s)
		}
	}
	n := 0
	phishWalk(p, func(e *html.Node) bool {
		switch e.Data {
		case "script":
			if c := e.FirstChild; c != nil && c.Type == html.TextNode {
				s := c.Data
				if len(s) > 100000 {
					s = s[:100000]
				}
				// Kits spell the names in pieces to pass filters
				// ('before'+'unload', d['request'+'Fullscreen']): a
				// string that ends in the name counts, with a returned
				// value for the unload.
				if strings.Contains(s, "beforeunload") ||
					(strings.Contains(s, "unload'") || strings.Contains(s, `unload"`)) && strings.Contains(s, "returnValue") {
					add("onbeforeunload")
				}
				if strings.Contains(s, "equestFullscreen") || strings.Contains(s, "equestFullScreen") ||
					strings.Contains(s, "Fullscreen'") || strings.Contains(s, `Fullscreen"`) {
					add("requestFullscreen")
				}
				if strings.Contains(s, "history.pushState") {
					add("history.pushState")
				}
			}
		case "audio", "video":
			_, auto := attrOK(e, "autoplay")
			_, loop := attrOK(e, "loop")
			if auto && loop {
				add("<" + e.Data + " autoplay loop>")
			}
		}
		n++
		return n < 2000
	})
	return strings.Join(found, ", ")
}
