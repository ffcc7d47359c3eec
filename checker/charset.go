package checker

import (
	"bytes"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// Japanese fraud sites are often old-fashioned or mass-produced: pages in
// Shift_JIS or EUC-JP, charsets declared only deep in the head, declared in
// the header but not in the page, or declared wrongly. Decode turns all of
// them into the same UTF-8 text so that the rules see the same words.

const (
	// metaScanMax bounds the part of the body searched for a <meta>
	// charset. The whole head is searched (not just the first 1024 bytes
	// browsers look at), but no head is this long.
	metaScanMax = 1 << 20
	// sniffSample is the part of the body each candidate charset is tried
	// on when guessing; the winner then decodes the whole body.
	sniffSample = 256 << 10
)

// Decode converts body to UTF-8 and names the charset it used
// ("utf-8", "shift_jis", "euc-jp", "iso-2022-jp", "windows-1252", ...).
//
// Order: a byte-order mark; the charset parameter of the HTTP Content-Type;
// a <meta charset> or <meta http-equiv="Content-Type"> anywhere in the head
// (or an <?xml encoding?> declaration); else UTF-8 if the body is valid
// UTF-8 (a character cut at the end, as happens at --max-body, is allowed);
// else the best of Shift_JIS, EUC-JP, ISO-2022-JP and windows-1252, tried
// strictly and scored. A declared charset is kept unless the body is not
// valid in it and another candidate decodes it without errors and reads
// more like text (servers that send "charset=UTF-8" by default for
// Shift_JIS pages are common). Shift_JIS means Windows-31J (CP932): NEC and
// IBM extensions (①, ㈱, 髙) decode. Invalid bytes become U+FFFD; Decode
// never fails.
func Decode(body []byte, contentType string) (text string, charsetName string) {
	if len(body) == 0 {
		return "", "utf-8"
	}
	if e, name, n := bomEncoding(body); e != nil {
		return decodeWith(e, name, body[n:]), name
	}
	if e, name := declaredCharset(body, contentType); e != nil {
		out := decodeWith(e, name, body)
		if decodeErrors(out) == 0 {
			return out, name
		}
		// Wrongly declared? Prefer a Japanese or UTF-8 reading that decodes
		// cleanly and reads better (windows-1252 never has errors, so it
		// does not get to override a declaration).
		if name == "iso-2022-jp" && isISO2022JP(body) {
			// Its escape sequences are there: a few stray ones do not
			// make 7-bit text UTF-8, which would show the escapes raw.
			return out, name
		}
		declared := candidate{enc: e, name: name}
		if len(body) <= sniffSample {
			declared = scored(declared, out, true) // out is what score would decode
		} else {
			declared = score(declared, body)
		}
		best := guess(body, &declared, japaneseCandidates...)
		if best.name != name && best.errors == 0 && best.score > declared.score {
			return best.decode(body), best.name
		}
		return out, name
	}
	if isISO2022JP(body) {
		return decodeWith(japanese.ISO2022JP, "iso-2022-jp", body), "iso-2022-jp"
	}
	if t := trimCutRune(body); utf8.Valid(t) {
		if len(t) == len(body) {
			return string(body), "utf-8" // valid as it is: no second check
		}
		return decodeWith(nil, "utf-8", body), "utf-8"
	}
	best := guess(body, nil, undeclaredCandidates...)
	return best.decode(body), best.name
}

// declaredCharset finds the charset named by the Content-Type header, else
// by the page itself. Unknown labels are ignored.
func declaredCharset(body []byte, contentType string) (encoding.Encoding, string) {
	if d, ok := commonContentTypes()[contentType]; ok {
		if d.enc != nil {
			return d.enc, d.name
		}
	} else if label := contentTypeCharset(contentType); label != "" {
		if e, name := lookupCharset(label); e != nil {
			return e, name
		}
	}
	if label := metaCharset(body); label != "" {
		if e, name := lookupCharset(label); e != nil {
			if strings.HasPrefix(name, "utf-16") {
				// A page read as ASCII cannot really be UTF-16; browsers
				// take such a meta as UTF-8.
				return encoding.Nop, "utf-8"
			}
			return e, name
		}
	}
	return nil, ""
}

// headerCharset is what a Content-Type says about the charset: the
// decoder and name lookupCharset gives for its charset parameter (nil when
// it names none, or none known).
type headerCharset struct {
	enc  encoding.Encoding
	name string
}

// commonContentTypes holds the answer for the Content-Types servers send
// most, worked out once the ordinary way (contentTypeCharset, then
// lookupCharset), so that most responses cost a map look-up instead of a
// media-type parse that allocates.
var commonContentTypes = sync.OnceValue(func() map[string]headerCharset {
	m := map[string]headerCharset{}
	for _, mt := range []string{"text/html", "application/xhtml+xml"} {
		m[mt] = headerCharset{}
		for _, cs := range []string{"utf-8", "UTF-8", "Utf-8", "utf8", "shift_jis", "Shift_JIS", "SHIFT_JIS",
			"Shift-JIS", "sjis", "x-sjis", "windows-31j", "euc-jp", "EUC-JP", "iso-2022-jp", "ISO-2022-JP",
			"iso-8859-1", "ISO-8859-1", "windows-1252", "us-ascii"} {
			for _, sep := range []string{"; charset=", ";charset=", "; Charset=", "; CHARSET="} {
				ct := mt + sep + cs
				var d headerCharset
				if label := contentTypeCharset(ct); label != "" {
					d.enc, d.name = lookupCharset(label)
				}
				m[ct] = d
			}
		}
	}
	return m
})

var ctCharsetRE = regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)`)

// contentTypeCharset is the charset parameter of a Content-Type value.
func contentTypeCharset(ct string) string {
	if !containsFoldASCII(ct, "charset") {
		return "" // neither the parser nor the pattern can find one
	}
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	if m := ctCharsetRE.FindStringSubmatch(ct); m != nil {
		return m[1]
	}
	return ""
}

var xmlDeclRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:+-]+)["']`)

// metaCharset finds the charset a page declares for itself: an XML
// declaration, or the first <meta charset> / <meta http-equiv=content-type
// content="...charset=..."> before <body> or </head>, searched with an HTML
// tokenizer so that comments and scripts are skipped properly.
func metaCharset(body []byte) string {
	head := body[:min(len(body), metaScanMax)]
	if m := xmlDeclRE.FindSubmatch(head[:min(len(head), 512)]); m != nil {
		return string(m[1])
	}
	if !hasMetaTag(head) {
		return "" // no <meta> tag can start anywhere
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	z.SetMaxBuf(metaScanMax)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ""
		}
		if tt != html.EndTagToken && tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		// head, body and meta all have four letters: other tags are
		// passed over without TagName, which copies the name.
		if n := tagNameLen(z.Raw()); n >= 0 && n != 4 {
			continue
		}
		switch tt {
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					if cs == "" {
						cs = strings.TrimSpace(string(v))
					}
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if pragma {
				if m := ctCharsetRE.FindStringSubmatch(content); m != nil {
					return m[1]
				}
			}
		}
	}
}

// tagNameLen is the length in bytes of the tag name in a start or end
// tag's raw text ("<name ...>" or "</name>"), as the tokenizer delimits it
// (it ends at white space, '/' or '>'); -1 when raw is not of that shape.
func tagNameLen(raw []byte) int {
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	if len(raw) <= i || raw[0] != '<' {
		return -1
	}
	for n, c := range raw[i:] {
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return n
		}
	}
	return len(raw) - i
}

// containsFoldASCII reports whether s contains sub, ASCII letters matched
// without regard to case (sub is lower-case ASCII).
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
	}
	return false
}

// hasMetaTag reports whether "<meta" (in any case) occurs in b: without it
// no <meta> start tag can be there.
func hasMetaTag(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return false
		}
		b = b[i+1:]
		if hasPrefixFoldASCII(b, "meta") {
			return true
		}
	}
}

// hasPrefixFoldASCII reports whether s starts with prefix (lower-case
// ASCII), ASCII letters matched without regard to case.
func hasPrefixFoldASCII[S string | []byte](s S, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[j] {
			return false
		}
	}
	return true
}

// lookupCharset maps a charset label to a decoder and its canonical name.
// All the names Japanese pages use for Shift_JIS map to the WHATWG
// Shift_JIS decoder, which is Windows-31J (CP932).
func lookupCharset(label string) (encoding.Encoding, string) {
	l := strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch l {
	case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932", "ms_kanji",
		"csshiftjis", "x-ms-cp932", "cswindows31j", "sjis-win", "sjis-open", "shift_jisx0213":
		return japanese.ShiftJIS, "shift_jis"
	case "euc-jp", "eucjp", "x-euc-jp", "euc_jp", "ujis", "cseucpkdfmtjapanese", "eucjp-win", "eucjp-ms", "euc-jp-ms":
		return japanese.EUCJP, "euc-jp"
	case "iso-2022-jp", "csiso2022jp", "iso2022jp", "jis":
		return japanese.ISO2022JP, "iso-2022-jp"
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return encoding.Nop, "utf-8"
	}
	e, name := charset.Lookup(l)
	if e == nil || name == "replacement" {
		return nil, ""
	}
	if name == "utf-8" {
		return encoding.Nop, "utf-8"
	}
	return e, name
}

// bomEncoding recognises a byte-order mark, which outranks every
// declaration; n is its length.
func bomEncoding(b []byte) (e encoding.Encoding, name string, n int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		e, name = charset.Lookup("utf-16be")
		return e, name, 2
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		e, name = charset.Lookup("utf-16le")
		return e, name, 2
	}
	return nil, "", 0
}

// decodeWith decodes b with e; UTF-8 (e nil or Nop, or name "utf-8") is
// only made valid.
func decodeWith(e encoding.Encoding, name string, b []byte) string {
	if e == nil || e == encoding.Nop || name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
		if utf8.Valid(b) {
			return string(b)
		}
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		// x/text decoders replace bad input rather than fail; keep
		// whatever came out, valid.
		return string(bytes.ToValidUTF8(out, []byte("\uFFFD")))
	}
	return string(out)
}

// decodeErrors counts the replacement characters in decoded text, not
// counting one at the very end (a character cut by the body limit).
func decodeErrors(s string) int {
	n := strings.Count(s, "\uFFFD")
	if n > 0 && strings.HasSuffix(s, "\uFFFD") {
		n--
	}
	return n
}

// trimCutRune drops an incomplete UTF-8 sequence at the end of b (a body
// cut at the byte limit) so that validity is judged on the rest.
func trimCutRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return b
		}
		if c >= 0xC0 { // a lead byte: is its sequence complete?
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// isISO2022JP reports whether b is 7-bit text with the escape sequences of
// ISO-2022-JP (such text is also valid UTF-8, so this is checked first).
func isISO2022JP(b []byte) bool {
	if !bytes.Contains(b, []byte("\x1b$B")) && !bytes.Contains(b, []byte("\x1b$@")) {
		return false
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// candidate is one guessed charset with its score on the sample.
type candidate struct {
	enc    encoding.Encoding
	name   string
	errors int
	score  int
	// text is what was scored: the first sniffSample bytes decoded, the
	// whole body when whole is set (then a winner is not decoded again).
	text  string
	whole bool
}

// japaneseCandidates are the charsets tried when the page does not say (or
// says wrongly) what it is written in.
var japaneseCandidates = []candidate{
	{enc: encoding.Nop, name: "utf-8"},
	{enc: japanese.ShiftJIS, name: "shift_jis"},
	{enc: japanese.EUCJP, name: "euc-jp"},
}

// undeclaredCandidates add windows-1252 as the last resort for pages in no
// Japanese charset (a foreign shop's Latin-1 page).
var undeclaredCandidates = []candidate{
	japaneseCandidates[0], japaneseCandidates[1], japaneseCandidates[2],
	{enc: charmap.Windows1252, name: "windows-1252"},
}

// guess tries each candidate charset on the start of b and returns the
// best (the first of equals).
func guess(b []byte, known *candidate, cands ...candidate) candidate {
	var best candidate
	for i, c := range cands {
		if known != nil && c.name == known.name {
			c = *known // scored already (the declared charset)
		} else {
			c = score(c, b)
		}
		if i == 0 || c.score > best.score {
			best = c
		}
	}
	return best
}

// score decodes the start of b with c and scores the result: decoding
// errors weigh most, then how much the text looks like Japanese (kana and
// kanji count for; half-width katakana, private-use and control characters
// count against).
func score(c candidate, b []byte) candidate {
	return scored(c, decodeWith(c.enc, c.name, b[:min(len(b), sniffSample)]), len(b) <= sniffSample)
}

// scored scores out, the start of a body (all of it when whole) decoded
// with c.
func scored(c candidate, out string, whole bool) candidate {
	c.errors = decodeErrors(out)
	c.score = plausibility(out) - 50*c.errors
	c.text, c.whole = out, whole
	return c
}

// decode returns body decoded with c: the text it was scored on when that
// was the whole body.
func (c candidate) decode(body []byte) string {
	if c.whole {
		return c.text
	}
	return decodeWith(c.enc, c.name, body)
}

// plausibility scores decoded text by the characters in it.
func plausibility(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r < 0x80:
		case r >= 0x3040 && r <= 0x309F: // hiragana
			score += 2
		case r >= 0x30A0 && r <= 0x30FF, r >= 0x3000 && r <= 0x303F, r >= 0x4E00 && r <= 0x9FFF:
			score++ // katakana, CJK punctuation, common kanji
		case r >= 0xFF61 && r <= 0xFF9F: // half-width katakana: rare in real pages
			score--
		case r >= 0x80 && r <= 0x9F, r >= 0xE000 && r <= 0xF8FF:
			score -= 3 // C1 controls, private use: a wrong guess
		}
	}
	return score
}

// genericTypes are Content-Types that say nothing about the content, so
// the body is sniffed.
var genericTypes = map[string]bool{
	"": true, "application/octet-stream": true, "binary/octet-stream": true,
	"application/unknown": true, "unknown/unknown": true, "*/*": true, "application/x-unknown": true,
}

// IsHTML reports whether a response is an HTML page: Content-Type text/html
// or application/xhtml+xml, or, when the type is missing or generic
// (application/octet-stream), a body that sniffs as HTML.
func IsHTML(contentType string, body []byte) bool {
	// The media type as mime.ParseMediaType gives it (lower case, trimmed)
	// whether or not the parameters parse, without parsing them.
	base, _, _ := strings.Cut(contentType, ";")
	mt := strings.ToLower(strings.TrimSpace(base))
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	}
	if !genericTypes[mt] {
		return false
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}
