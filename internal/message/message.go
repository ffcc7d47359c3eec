// Package message reads an SMS or e-mail as people save or paste it (plain
// text, or an .eml file with MIME parts, transfer encodings and Japanese
// charsets) and turns it into text and the list of URLs in it, so that the
// message signs of package rules and the URL checks can run on it.
package message

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"golang.org/x/text/encoding/unicode"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopcheck/shopcheck/rules"
	"golang.org/x/net/html/charset"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// DefaultLimit is the number of bytes of a message read when the caller
// gives no limit: far more than any real mail's text, small enough that a
// hostile file cannot exhaust memory.
const DefaultLimit int64 = 10 << 20

// The limits on a message's structure: nested multiparts and parts beyond
// these are skipped.
const (
	maxDepth = 8
	maxParts = 200
)

// Message is a message ready for screening.
type Message struct {
	// From is the sender as written, decoded ("三井住友カード <info@x.cn>");
	// empty for an SMS or any text without mail headers.
	From string
	// FromDomain is the domain of the sender's address, lower case.
	FromDomain string
	// ReplyToDomain is the domain of the Reply-To address, lower case; ""
	// when there is none.
	ReplyToDomain string
	Subject       string
	// Text is the body as plain text: the text/plain parts, or the HTML
	// parts converted to text when they say more.
	Text string
	// Shown is what a mail client shows when the message has HTML parts
	// (HTML is true): their text without what they hide (display:none, …)
	// and the plain parts that are not their alternatives; it may be
	// empty (an image and hidden text). The message signs' warning test
	// reads it: hidden text can accuse but not excuse.
	Shown string
	HTML  bool
	// URLs are the links found in the text and in HTML links, in order
	// of appearance, without repeats. Bare domains are kept without a
	// scheme ("example.co.jp/xyz").
	URLs []string
	// Defanged are the URLs (of URLs) written only defanged (hxxps://,
	// example[.]top): people write an address so to quote it without
	// its being opened; a lure never breaks its own link. The message
	// signs tell a warning that quotes them from a lure passed on
	// defanged (rules.Mail.Quoted).
	Defanged []string
	// Attachments are the file names of attached parts.
	Attachments []string
	// Disguised are the HTML links whose text shows one web address and
	// whose href goes to another site.
	Disguised []rules.DisguisedLink
	// ShownOnly are the addresses that disguised links show and that the
	// message never links to (DropShownOnly takes a brand's out of URLs).
	ShownOnly []string
	// Truncated is true when the input was longer than the read limit and
	// only its beginning was read.
	Truncated bool
	// SkippedParts counts the MIME parts not read: nested deeper than
	// eight levels or after the 200th. Real mail never comes near either;
	// a mail built to hide its text there must not read as harmless.
	SkippedParts int
	// NotText is true when the input is no text at all (a screenshot of
	// the SMS, a PDF): nothing in it could be read, so nothing was judged.
	NotText bool
}

// Read reads a message from r, at most limit bytes (DefaultLimit when
// limit <= 0; the rest is dropped and Truncated set), and parses it.
func Read(r io.Reader, limit int64) (*Message, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading message: %w", err)
	}
	truncated := int64(len(raw)) > limit
	if truncated {
		raw = raw[:limit]
	}
	m := Parse(raw)
	m.Truncated = truncated
	return m, nil
}

// Parse parses a whole message: an e-mail with headers (RFC 5322, MIME) when
// it starts like one, plain text (an SMS, a pasted mail body) otherwise.
// It never fails: what cannot be decoded is read as well as it can be.
func Parse(raw []byte) *Message {
	if len(raw) >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
		// UTF-16 with its byte-order mark, as Windows Notepad saves
		// "Unicode" text: read as UTF-8 (its NUL bytes are no binary).
		if u, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw); err == nil {
			raw = u
		}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if m, ok := parseMail(raw, 0); ok {
		return m
	}
	if binaryFile(raw) {
		return &Message{NotText: true}
	}
	text := decodeText(raw, "")
	m := &Message{Text: text, URLs: ExtractURLs(text)}
	m.Defanged = defangedOnly(m.URLs, text)
	return m
}

// binaryMagic are the first bytes of files people save instead of a
// message's text: images (a screenshot of the SMS), PDF, zip-based office
// files.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"), {0xFF, 0xD8, 0xFF}, []byte("GIF8"), []byte("%PDF"), []byte("PK\x03\x04"), []byte("RIFF"), []byte("BM"),
}

// binaryFile reports whether raw is a file, not text: it starts as an
// image, PDF or zip does, or holds a NUL byte in its first 8 KiB (no text
// encoding a message uses has one).
func binaryFile(raw []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(raw, m) && (len(m) > 2 || bytes.IndexByte(raw[:min(len(raw), 8<<10)], 0) >= 0) {
			return true
		}
	}
	if len(raw) >= 12 && string(raw[4:8]) == "ftyp" { // HEIC, MP4: an iPhone's screenshot or recording
		return true
	}
	return bytes.IndexByte(raw[:min(len(raw), 8<<10)], 0) >= 0
}

// Mail returns the message in the form the message signs read, with d as
// the rule data.
func (m *Message) Mail(d *rules.Data) *rules.Mail {
	return &rules.Mail{
		From: m.From, FromDomain: m.FromDomain, ReplyToDomain: m.ReplyToDomain, Subject: m.Subject, Text: m.Text, Shown: m.Shown, HTML: m.HTML,
		URLs: append([]string(nil), m.URLs...), Defanged: append([]string(nil), m.Defanged...),
		Attachments: append([]string(nil), m.Attachments...),
		Disguised:   append([]rules.DisguisedLink(nil), m.Disguised...), Data: d,
	}
}

// knownHeaders are headers one of which a mail must carry for the input to
// be read as a mail rather than as text that starts with "Word: ".
var knownHeaders = []string{"From", "To", "Subject", "Date", "Received", "Message-Id", "Mime-Version",
	"Content-Type", "Return-Path", "Delivered-To", "Reply-To", "Sender", "X-Mailer"}

// parseMail parses raw as an e-mail, depth levels down in another mail (a
// forwarded one); ok is false when it does not look like one.
func parseMail(raw []byte, depth int) (*Message, bool) {
	// An mbox "From " separator line may come first.
	if bytes.HasPrefix(raw, []byte("From ")) {
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	first, _, _ := bytes.Cut(raw, []byte("\n"))
	colon := bytes.IndexByte(first, ':')
	if colon <= 0 || bytes.ContainsAny(first[:colon], " \t") {
		return nil, false
	}
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		return nil, false
	}
	known := false
	for _, h := range knownHeaders {
		if _, ok := msg.Header[textproto.CanonicalMIMEHeaderKey(h)]; ok {
			known = true
			break
		}
	}
	if !known {
		return nil, false
	}
	m := &Message{}
	m.Subject = decodeHeader(msg.Header.Get("Subject"))
	m.From, m.FromDomain = parseFrom(msg.Header.Get("From"))
	_, m.ReplyToDomain = parseFrom(msg.Header.Get("Reply-To"))

	var c collector
	c.walk(textproto.MIMEHeader(msg.Header), msg.Body, depth)
	m.Text = c.text()
	m.Shown, m.HTML = c.shownText()
	m.Attachments = c.attachments
	m.SkippedParts = c.skipped
	m.URLs = c.urls(m.Text)
	m.Defanged = defangedOnly(m.URLs, append([]string{m.Text, strings.Join(c.html, "\n")}, c.hrefs...)...)
	m.Disguised = c.disguised
	m.ShownOnly = c.shownOnly()
	return m, true
}

// DropShownOnly takes out of URLs the addresses in ShownOnly for which
// official reports true (a brand's official address that a link showed
// while going elsewhere): they are where the message pretends to lead,
// and checked they would come out clean, reassuring the reader. Other
// addresses shown stay: a fake shop's own address shown over a mail
// service's click counter must still be checked.
func (m *Message) DropShownOnly(official func(host string) bool) {
	drop := map[string]bool{}
	for _, u := range m.ShownOnly {
		if official(rules.LinkHost(u)) {
			drop[u] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := m.URLs[:0:0]
	for _, u := range m.URLs {
		if !drop[u] {
			kept = append(kept, u)
		}
	}
	m.URLs = kept
}

// wordDecoder decodes RFC 2047 encoded words in any charset the HTML
// standard knows (ISO-2022-JP, Shift_JIS, EUC-JP, UTF-8, …).
var wordDecoder = &mime.WordDecoder{
	CharsetReader: func(label string, r io.Reader) (io.Reader, error) {
		rd, err := charset.NewReaderLabel(label, r)
		if err != nil {
			return nil, fmt.Errorf("charset %q: %w", label, err)
		}
		return rd, nil
	},
}

// decodeHeader decodes a header value: RFC 2047 encoded words, and the
// raw ISO-2022-JP or 8-bit Shift_JIS that old Japanese mailers put there.
func decodeHeader(v string) string {
	if v == "" {
		return ""
	}
	if d, err := wordDecoder.DecodeHeader(v); err == nil {
		v = d
	}
	if strings.Contains(v, "\x1b$") || !utf8.ValidString(v) {
		v = decodeText([]byte(v), "")
	}
	return strings.Join(strings.Fields(v), " ")
}

// parseFrom returns a From header decoded ("Name <addr>") and the domain
// of its address.
func parseFrom(v string) (string, string) {
	if v == "" {
		return "", ""
	}
	p := mail.AddressParser{WordDecoder: wordDecoder}
	if a, err := p.Parse(v); err == nil {
		from := a.Address
		if a.Name != "" {
			from = decodeHeader(a.Name) + " <" + a.Address + ">"
		}
		return from, domainOf(a.Address)
	}
	// Not RFC 5322 (spammers' headers often are not): decode and take the
	// last thing that looks like an address.
	d := decodeHeader(v)
	addr := d
	if i, j := strings.LastIndex(d, "<"), strings.LastIndex(d, ">"); i >= 0 && j > i {
		addr = d[i+1 : j]
	} else if f := strings.Fields(d); len(f) > 0 {
		addr = f[len(f)-1]
	}
	return d, domainOf(addr)
}

// domainOf returns the lower-case domain of an address, without brackets
// and a trailing dot; "" when there is none.
func domainOf(addr string) string {
	i := strings.LastIndex(addr, "@")
	if i < 0 {
		return ""
	}
	d := strings.ToLower(strings.Trim(addr[i+1:], " <>\"'.[]"))
	if d == "" || strings.ContainsAny(d, " @") {
		return ""
	}
	return d
}

// collector gathers the text, links and attachment names of a mail's parts.
type collector struct {
	plain, html []string
	// shown are the text parts as a mail client shows them, in order: an
	// HTML part without its hidden text, a plain part unless it is the
	// alternative of an HTML part (alt: the multipart/alternative it is
	// in, 0 for none; altSeq numbers them).
	shown  []shownPart
	alt    int
	altSeq int
	hrefs  []string
	// altURLs are the addresses the HTML parts' images' alt texts hold,
	// and bare the HTML parts' text without those alt texts: an address
	// written only there (a kit's logo with alt="amazon.co.jp") is no
	// link of the message's.
	altURLs     []string
	bare        []string
	disguised   []rules.DisguisedLink
	attachments []string
	parts       int
	// skipped counts the parts left unread: nested deeper than maxDepth
	// or after the maxParts-th.
	skipped int
}

// walk reads one MIME entity (the message itself or a part).
func (c *collector) walk(h textproto.MIMEHeader, body io.Reader, depth int) {
	c.parts++
	if depth > maxDepth || c.parts > maxParts+1 { // the message itself is no part
		c.skipped++
		return
	}
	ctype := h.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || mt == "" {
		// A broken Content-Type: keep its type when that part was read
		// (「text/html; charset=」 is still HTML), and a charset that can
		// still be read.
		if !errors.Is(err, mime.ErrInvalidMediaParameter) || mt == "" {
			mt = "text/plain"
		}
		params = map[string]string{}
		if i := rules.IndexFold(ctype, "charset="); i >= 0 {
			if f := strings.Fields(ctype[i+len("charset="):]); len(f) > 0 {
				params["charset"] = strings.Trim(f[0], `"';`)
			}
		}
	}
	if strings.HasPrefix(mt, "multipart/") {
		boundary := params["boundary"]
		if boundary == "" {
			return
		}
		if mt == "multipart/alternative" {
			outer := c.alt
			c.altSeq++
			c.alt = c.altSeq
			defer func() { c.alt = outer }()
		}
		mr := multipart.NewReader(body, boundary)
		for {
			p, err := mr.NextPart()
			if err != nil {
				return // io.EOF, or a broken part: keep what was read
			}
			if c.parts > maxParts {
				c.skipped++ // counted, not read
				continue
			}
			c.walk(p.Header, p, depth+1)
		}
	}
	data, err := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
	if err != nil && len(data) == 0 {
		return
	}
	name := attachmentName(h, params)
	if name != "" {
		c.attachments = append(c.attachments, name)
	}
	switch {
	case mt == "message/rfc822":
		// A forwarded mail: its text and links are part of what was received.
		if depth >= maxDepth {
			c.skipped++
		} else if inner, ok := parseMail(data, depth+1); ok {
			c.skipped += inner.SkippedParts
			head := strings.TrimSpace("From: " + inner.From + "\nSubject: " + inner.Subject)
			c.plain = append(c.plain, head+"\n"+inner.Text)
			c.shown = append(c.shown, shownPart{text: head + "\n" + inner.Text, alt: c.alt})
			c.hrefs = append(c.hrefs, inner.URLs...)
			c.attachments = append(c.attachments, inner.Attachments...)
		}
	case mt == "text/html":
		page := rules.NewMailPage(decodeText(data, params["charset"]))
		if !isAttachment(h) {
			c.html = append(c.html, page.Text)
			// What a mail client shows: the hidden text left out (a
			// warning salted there must not excuse a lure; a
			// preheader's words, shown in the inbox list, are left out
			// too: nothing tells them from salt).
			c.shown = append(c.shown, shownPart{text: strings.Join(page.ShownLines(), "\n"), html: true, alt: c.alt})
		}
		bare := page.Text
		for _, im := range page.Images {
			if us := ExtractURLs(im.Alt); len(us) > 0 && len(c.altURLs) < maxURLs {
				c.altURLs = append(c.altURLs, us...)
				bare = "" // read again without the alt texts, below
			}
		}
		if bare == "" && !isAttachment(h) {
			bare = rules.NewMailPage(altAttrRe.ReplaceAllString(decodeText(data, params["charset"]), "")).Text
		}
		c.bare = append(c.bare, bare)
		for _, l := range page.Links {
			c.hrefs = append(c.hrefs, l.Href)
			if shown, ok := disguisedAs(l); ok && len(c.disguised) < maxURLs {
				c.disguised = append(c.disguised, rules.DisguisedLink{Shown: shown, Href: l.Href})
			}
		}
		for _, f := range page.Forms {
			if !f.Orphan {
				c.hrefs = append(c.hrefs, f.Action)
			}
		}
	case strings.HasPrefix(mt, "text/") && !isAttachment(h):
		t := decodeText(data, params["charset"])
		c.plain = append(c.plain, t)
		c.shown = append(c.shown, shownPart{text: t, alt: c.alt})
	}
}

// shownPart is a text part as a mail client shows it.
type shownPart struct {
	text string
	html bool
	alt  int
}

// shownText is what a mail client shows of a message with HTML parts
// (ok false for one without: all its text is shown): the HTML parts'
// shown text and the plain parts that are no HTML part's alternative
// (a multipart/mixed shows both), "" when that is nothing.
func (c *collector) shownText() (string, bool) {
	withHTML := map[int]bool{}
	for _, p := range c.shown {
		if p.html {
			withHTML[p.alt] = true
		}
	}
	if len(withHTML) == 0 {
		return "", false
	}
	var parts []string
	for _, p := range c.shown {
		if p.html || p.alt == 0 || !withHTML[p.alt] {
			parts = append(parts, p.text)
		}
	}
	return strings.TrimSpace(strings.Join(parts, "\n")), true
}

// text is the message's text: the plain parts, or the HTML parts' text when
// there is no plain part or it says much less (a "view this mail in HTML"
// stub).
func (c *collector) text() string {
	plain := strings.TrimSpace(strings.Join(c.plain, "\n"))
	html := strings.TrimSpace(strings.Join(c.html, "\n"))
	switch {
	case plain == "":
		return html
	case utf8.RuneCountInString(html) > 2*utf8.RuneCountInString(plain)+40, html != "" && !sameBothWays(rules.NFKC(plain), html):
		// The HTML says more, or something else: a mail client shows
		// the HTML, and a lure may hide behind a plain part that warns.
		return plain + "\n" + html
	}
	return plain
}

// sameBothWays reports whether two alternatives of one message say the
// same (sameWords each way; plain in NFKC form, as the HTML's text is).
func sameBothWays(plain, html string) bool { return sameWords(plain, html) && sameWords(html, plain) }

// sameWords reports whether most of a's lines (the first 50 of four
// letters or more) stand in b, spaces aside: asked both ways, whether two
// alternatives of one message say the same.
func sameWords(a, b string) bool {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	h := squeeze(b)
	if len(h) > 1<<20 {
		h = h[:1<<20]
	}
	seen, found := 0, 0
	for _, l := range strings.Split(a, "\n") {
		if l = squeeze(l); utf8.RuneCountInString(l) < 4 {
			continue
		}
		if seen++; seen > 50 {
			break
		}
		if strings.Contains(h, l) {
			found++
		}
	}
	return 2*found >= min(seen, 50)
}

// disguisedAs returns the web address a link's text shows when it is on
// another site than the link's href (「https://www.amazon.co.jp/」 linking
// to amazon-co-jp.account-verify.xyz).
func disguisedAs(l rules.Link) (string, bool) {
	if l.Image || !strings.Contains(l.Text, ".") {
		return "", false
	}
	shown := ExtractURLs(l.Text)
	if len(shown) != 1 {
		return "", false
	}
	to := ExtractURLs(l.Href)
	if len(to) != 1 || !strings.HasPrefix(to[0], "http") {
		return "", false
	}
	a, b := siteOf(shown[0]), siteOf(to[0])
	if a == "" || b == "" || a == b {
		return "", false
	}
	return shown[0], true
}

// siteOf is the registrable domain of a URL or bare domain, "" when it has
// none.
func siteOf(u string) string {
	d, err := publicsuffix.EffectiveTLDPlusOne(rules.LinkHost(u))
	if err != nil {
		return ""
	}
	return d
}

// shownOnly lists the addresses that disguised links show and that no link
// of the message goes to.
func (c *collector) shownOnly() []string {
	if len(c.disguised) == 0 {
		return nil
	}
	linked := map[string]bool{}
	for _, h := range c.hrefs {
		for _, u := range ExtractURLs(h) {
			linked[u] = true
		}
	}
	var out []string
	for _, d := range c.disguised {
		if !linked[d.Shown] {
			out = append(out, d.Shown)
		}
	}
	return out
}

// urls lists the URLs of the text, then those of HTML links and forms (only
// web URLs), without repeats.
func (c *collector) urls(text string) []string {
	html := strings.Join(c.html, "\n")
	altOnly := c.altOnly()
	var out []string
	seen := map[string]bool{}
	// The text's URLs, then those HTML parts' text holds that the plain
	// part lacks; not those written in images' alt text alone.
	for _, src := range []string{text, html} {
		for _, u := range ExtractURLs(src) {
			if !seen[u] && !altOnly[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	for _, h := range c.hrefs {
		for _, u := range ExtractURLs(h) {
			if !seen[u] && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	if len(out) > maxFound {
		out = out[:maxFound]
	}
	return out
}

// altOnly returns the URLs that the HTML parts' alt texts hold and the
// plain parts and the HTML parts' other text hold nowhere: a kit's logo
// with alt="amazon.co.jp" shows the brand's address, links nowhere, and
// listed beside the real link it would read as the mail's official
// address. An image inside a link keeps its href among the links.
func (c *collector) altOnly() map[string]bool {
	if len(c.altURLs) == 0 {
		return nil
	}
	elsewhere := map[string]bool{}
	for _, u := range ExtractURLs(strings.Join(c.plain, "\n") + "\n" + strings.Join(c.bare, "\n")) {
		elsewhere[u] = true
	}
	out := map[string]bool{}
	for _, u := range c.altURLs {
		if !elsewhere[u] {
			out[u] = true
		}
	}
	return out
}

// altAttrRe finds the alt attributes of a part's markup, taken out to read
// its text without them.
var altAttrRe = regexp.MustCompile(`(?i)\salt\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)

// isAttachment reports whether a part is an attachment rather than the
// message's own text.
func isAttachment(h textproto.MIMEHeader) bool {
	d, _, err := mime.ParseMediaType(h.Get("Content-Disposition"))
	return err == nil && d == "attachment"
}

// attachmentName returns the file name of a part (Content-Disposition
// filename, else Content-Type name), decoded; "" for an unnamed part.
func attachmentName(h textproto.MIMEHeader, ctParams map[string]string) string {
	name := ""
	if _, p, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil {
		name = p["filename"]
	}
	if name == "" {
		name = ctParams["name"]
	}
	return decodeHeader(name)
}

// transferDecoder undoes a Content-Transfer-Encoding. multipart.Reader has
// already undone quoted-printable on parts (and removed the header).
func transferDecoder(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Cleaner{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// base64Cleaner drops what a base64 body may carry besides the alphabet
// (line breaks, spaces, stray characters) so that one bad line does not
// lose the whole part.
type base64Cleaner struct{ r io.Reader }

func (b *base64Cleaner) Read(p []byte) (int, error) {
	for {
		n, err := b.r.Read(p)
		k := 0
		for _, ch := range p[:n] {
			if ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '+' || ch == '/' || ch == '=' {
				p[k] = ch
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// decodeText decodes b from the charset label (a MIME charset or HTML
// label); without a usable label it guesses among ISO-2022-JP, UTF-8,
// Shift_JIS and EUC-JP, the charsets Japanese mail and SMS exports use.
func decodeText(b []byte, label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label != "" && label != "us-ascii" && label != "ascii" {
		if enc, _ := charset.Lookup(label); enc != nil {
			if s, err := enc.NewDecoder().Bytes(b); err == nil && (label != "utf-8" || utf8.Valid(b)) {
				text := strings.ToValidUTF8(string(s), "\uFFFD")
				if odd := oddness(text); odd > 0 {
					// A label that lies (Shift_JIS bytes sent as
					// ISO-2022-JP, which is 7-bit): the reading that
					// fits far better wins.
					if g := guessDecode(b); oddness(g)*4 < odd {
						return g
					}
				}
				return text
			}
		}
	}
	return guessDecode(b)
}

// guessDecode decodes b in the charset that fits it best.
func guessDecode(b []byte) string {
	if bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@")) || bytes.Contains(b, []byte("\x1b(J")) {
		if s, err := japanese.ISO2022JP.NewDecoder().Bytes(b); err == nil {
			return string(s)
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	// UTF-8 with a stray byte (a message cut in the middle of a character,
	// or one junk byte added to slip past a check) is still UTF-8: it
	// competes with the Japanese encodings on how odd each reading is,
	// rather than losing to them at its first bad byte.
	best := strings.ToValidUTF8(string(b), "\uFFFD")
	bestBad := oddness(best)
	for _, enc := range []encoding.Encoding{japanese.ShiftJIS, japanese.EUCJP} {
		s, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			continue
		}
		if bad := oddness(string(s)); bad < bestBad {
			best, bestBad = string(s), bad
		}
	}
	return best
}

// oddness scores how unlike Japanese text a decoding is: undecodable bytes
// weigh most, then half-width katakana and other rare characters, which
// EUC-JP bytes read as Shift_JIS (and the other way round) turn into.
func oddness(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\uFFFD':
			n += 10
		case r >= 0xFF61 && r <= 0xFF9F: // half-width katakana
			n += 2
		case r < 0x80, r >= 0x3000 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xFF01 && r <= 0xFF5E:
		default:
			n++
		}
	}
	return n
}
