// Package rules holds shopcheck's warning signs: each sign is a small pure
// function over a parsed site, with its data in embedded files under data/.
package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says how much one sign weighs on its own.
type Severity string

// The severities a sign can have.
const (
	Low    Severity = "low"
	Medium Severity = "medium"
	High   Severity = "high"
)

// Text is a sentence in the two languages shopcheck speaks.
type Text struct {
	JA string `json:"ja"`
	EN string `json:"en"`
}

// In returns the text in lang ("ja" or "en"), falling back to Japanese.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	if t.JA == "" {
		return t.EN
	}
	return t.JA
}

// Word says a sign's weight in words other than a verdict's 高/中/低 (a
// strong sign can stand under a low verdict): 強/中/弱, strong/moderate/weak.
func (s Severity) Word(lang string) string {
	switch s {
	case High:
		return Text{JA: "強", EN: "strong"}.In(lang)
	case Medium:
		return Text{JA: "中", EN: "moderate"}.In(lang)
	case Low:
		return Text{JA: "弱", EN: "weak"}.In(lang)
	}
	return string(s)
}

// Sentence makes a sign's message read as a sentence, whichever way its
// text was written: a Japanese one ends with 。, an English one (which may
// quote Japanese: "the legal disclosure (特定商取引法の表記)") starts with a
// capital letter (unless it starts with a name, as example.com) and ends
// with a full stop.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	jp, latin := 0, 0
	for _, r := range s {
		switch {
		case isJapaneseRune(r):
			jp++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
	}
	if jp > 0 && jp*3 >= latin { // Japanese, with a name or a domain in it
		if strings.ContainsRune(".", last) {
			return s
		}
		if !strings.ContainsRune("。！？!?", last) {
			s += "。"
		}
		return s
	}
	if !strings.ContainsRune(".!?", last) {
		s += "."
	}
	word, _, _ := strings.Cut(s, " ")
	if strings.Trim(word, "abcdefghijklmnopqrstuvwxyz',;:") == "" && word != "" && word[0] >= 'a' && word[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// isJapaneseRune reports whether r is kana, a CJK ideograph or a
// full-width form.
func isJapaneseRune(r rune) bool {
	return r >= 0x3000 && r <= 0x30FF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFFEF
}

// IsZero reports whether t has no text in either language.
func (t Text) IsZero() bool { return t.JA == "" && t.EN == "" }

// Rule is one warning sign.
type Rule struct {
	ID       string
	Severity Severity
	Points   int
	// Topic names the advice topic that goes with the sign
	// (shopping, phishing, billing, spam, account).
	Topic string
	// Summary says what the sign looks for (for `shopcheck rules`).
	Summary Text
	// Message is shown when the sign fires, unless the finding has its own.
	Message Text
	// NeedsPage is true for signs that read page content; they are skipped
	// when no page could be read.
	NeedsPage bool
	// NotOnGovernment is true for the signs about a merchant's payment
	// terms and disclosure (transfer only, the account's holder, the
	// 特定商取引法 details and whether its address fits, a free-mail
	// contact): a site only a public body
	// can hold is no merchant, and its benefit forms and notices talk of
	// transfers to citizens' accounts (see GovernmentHost). The other signs
	// (cloaking, a listed fraud account, gift-card payment, copied
	// listings …) still read it: a hacked or taken-over public site can
	// host a fake shop.
	NotOnGovernment bool
	// AnyFraud is true for the signs about the domain or the way a site
	// hides (a new domain, a cheap ending, an IP address, cloaking, a
	// blocklist entry), which fake shops, phishing and one-click pages
	// share: their topic's advice is given only when no other sign names
	// one, so that a phishing page on a new domain gets the phishing
	// advice and not the shopping one beside it.
	AnyFraud bool
	// Check looks for the sign. It must not do I/O and must not change site.
	Check func(site *Site) []Finding
}

// Finding is one place where a rule fired.
type Finding struct {
	// Evidence is the text or value that matched, short enough for one line.
	Evidence string
	// EvidenceEN, when set, is Evidence for an English reader: the words
	// the sign itself wrote around what it found ("登録日" → "registered").
	// Text quoted from a page stays as the page has it.
	EvidenceEN string
	// URL is the page (or URL) where it was found.
	URL string
	// Severity and Points override the rule's when set (graded signs).
	Severity Severity
	Points   int
	// Message overrides the rule's message when set.
	Message Text
}

// Sign is a finding resolved against its rule, in one language: the shape
// of a sign in a result.
type Sign struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Points   int      `json:"points"`
	Message  string   `json:"message"`
	Evidence string   `json:"evidence"`
	URL      string   `json:"url"`
}

// quoteSentences is evidence made of sentences: each clipped to 60 runes and
// put in 「」, the empty ones left out and a repeated one given once, joined
// by " / " (「警視庁捜査二課です」 / 「あなた名義の口座が…」).
func quoteSentences(sentences ...string) string {
	var ev []string
	for _, s := range sentences {
		if s == "" {
			continue
		}
		if q := "「" + Clip(s, 60) + "」"; !phishHas(ev, q) {
			ev = append(ev, q)
		}
	}
	return strings.Join(ev, " / ")
}

// Clip shortens s to at most n runes, marking the cut with "…", and folds
// whitespace so evidence fits on one line.
//
// Most evidence is a page line, whose white space is folded already: such
// a text (valid UTF-8, single spaces between words, none at either end) is
// returned as it is, or cut where it would be, without building it anew
// (clipPlain, which TestClipAgrees holds it to).
func Clip(s string, n int) string {
	count, cut := 0, -1 // runes; the byte offset of rune n-1
	space := true       // the last rune was a space (true at the start: no leading space)
	for i := 0; i < len(s); {
		if count == n-1 {
			cut = i
		}
		if c := s[i]; c < utf8.RuneSelf {
			if clipSpace[c] {
				if c != ' ' || space {
					return clipPlain(s, n)
				}
				space = true
			} else {
				space = false
			}
			i++
			count++
			continue
		}
		size := clipRune(s, i)
		if size == 0 {
			return clipPlain(s, n) // invalid text is cut as runes; U+0085, U+3000 … fold
		}
		space = false
		i += size
		count++
	}
	if space && s != "" || n < 1 {
		return clipPlain(s, n)
	}
	if count <= n {
		return s
	}
	if cut = clipNumberEnd(s, cut); cut == len(s) {
		return s
	}
	return s[:cut] + "…"
}

// clipNumberEnd moves a cut that falls inside a number (a phone, an
// account, a sum: digits and hyphens) to the number's end, 16 bytes on at
// most: evidence that keeps 「090-1234-…」 of a scammer's phone loses what
// an officer needs.
func clipNumberEnd(s string, cut int) int {
	num := func(c byte) bool { return c >= '0' && c <= '9' || c == '-' }
	if cut <= 0 || cut >= len(s) || !num(s[cut-1]) || !num(s[cut]) {
		return cut
	}
	for end := cut; end < len(s) && end-cut < 16; end++ {
		if !num(s[end]) {
			return end
		}
		if end+1 == len(s) {
			return len(s)
		}
	}
	return cut // a run too long to be one number: cut where it was
}

// clipRune returns the length of the non-ASCII rune at s[i], or 0 when it
// is invalid or white space. A well-formed three-byte rune from U+3000 up
// (kana, kanji, full-width forms: most of Japanese text) is white space
// only as U+3000 itself, and is told by its bytes.
func clipRune(s string, i int) int {
	if c := s[i]; c >= 0xE3 && c < 0xF0 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		if c == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 0
		}
		return 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
		return 0
	}
	return size
}

// clipSpace marks the ASCII white space of unicode.IsSpace.
var clipSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// clipPlain is Clip the plain way: fold the white space, then cut the runes.
func clipPlain(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	// Cut the text as runes (invalid bytes become U+FFFD), then keep a
	// number whole.
	t := string(r)
	cut := clipNumberEnd(t, len(string(r[:n-1])))
	if cut == len(t) {
		return t
	}
	return t[:cut] + "…"
}
