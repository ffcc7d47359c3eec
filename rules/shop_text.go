package rules

// Text utilities shared by the fake-shop signs (and free for other signs to
// use): kana folding for comparing bank-account names, price parsing,
// phone, address and e-mail finders, sentence splitting and the "this is a
// warning about scams" test that keeps consumer pages from firing signs.

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Evidence is a piece of text found on a page, with the page's URL.
type Evidence struct {
	Text string
	URL  string
}

// NormalizeKana puts s in the form page text has (NFKC: half-width kana to
// full-width, full-width letters, digits and parentheses to ASCII) and also
// joins a dakuten or handakuten written apart (U+309B/U+309C, or U+3099/
// U+309A after a space as NFKC leaves them) onto the kana before it, so that
// "ｼﾖｳｼﾞ", "シヨウシ゛" and "シヨウジ" come out the same. White space is
// folded to single spaces.
func NormalizeKana(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsAny(s, "\u309b\u309c\uff9e\uff9f\u3099\u309a") {
		s = shopMarkJoiner.Replace(s)
	}
	s = NFKC(s)
	return fold(s)
}

// shopMarkJoiner turns the spacing (han)dakuten into the combining ones
// and drops the space that NFKC puts before a combining mark, so that
// composition can happen.
var shopMarkJoiner = strings.NewReplacer(
	"\u309b", "\u3099", "\u309c", "\u309a", "\uff9e", "\u3099", "\uff9f", "\u309a",
	" \u3099", "\u3099", " \u309a", "\u309a", "\u3000\u3099", "\u3099", "\u3000\u309a", "\u309a",
	" \u309b", "\u3099", " \u309c", "\u309a")

// shopSmallKana maps small kana to the large ones: bank systems print names in
// large kana only (ｼﾖｳｼﾞ for ショウジ), so comparisons use large kana.
var shopSmallKana = map[rune]rune{
	'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ',
	'ャ': 'ヤ', 'ュ': 'ユ', 'ョ': 'ヨ', 'ヮ': 'ワ', 'ヵ': 'カ', 'ヶ': 'ケ',
}

// FoldKana returns the comparison form of a name: NormalizeKana, hiragana
// to katakana, small kana to large, latin letters upper-cased, and spaces,
// middle dots, long-vowel marks, hyphens, periods and commas removed.
// Parentheses are kept (they carry the corporate markers of bank kana
// such as "カ)"). "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ たろう" and "ヤマダ・タロウ" all
// fold to "ヤマダタロウ"; "ショウジ" and "ｼﾖｳｼﾞ" to "シヨウジ".
func FoldKana(s string) string {
	s = NormalizeKana(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'ぁ' && r <= 'ゖ':
			r += 'ァ' - 'ぁ'
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		if l, ok := shopSmallKana[r]; ok {
			r = l
		}
		switch r {
		case ' ', '・', '･', 'ー', '-', '‐', '‑', '–', '—', '―', '−', '.', ',', '、', '。', '\u3099', '\u309a':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shopIsKana reports whether r is a hiragana or katakana letter or the long
// vowel mark.
func shopIsKana(r rune) bool {
	return (r >= 'ぁ' && r <= 'ゖ') || (r >= 'ァ' && r <= 'ヺ') || r == 'ー' || r == 'ゝ' || r == 'ゞ' || r == 'ヽ' || r == 'ヾ'
}

// shopIsHan reports whether r is a CJK ideograph (including 々).
//
// Below U+2E80 nothing is; U+4E00 to U+9FFF (the unified ideographs) all
// are, and the kana of U+3040 to U+30FF none: those answer without the
// table search (TestShopIsHanAgrees holds them to it).
func shopIsHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r >= 0x3040 && r <= 0x30FF:
		return false
	}
	return unicode.Is(unicode.Han, r) || r == '々'
}

// shopAppendSentences appends to dst the sentences of a line, split at 。!?
// (NFKC has made the full-width marks ASCII), each keeping its mark: with
// a buffer on the caller's stack, a line of a few sentences costs no
// allocation.
func shopAppendSentences(dst []string, line string) []string {
	start := 0
	for i, r := range line {
		if r == '。' || r == '!' || r == '?' {
			end := i + utf8.RuneLen(r)
			dst = shopAddSentence(dst, line[start:end])
			start = end
		}
	}
	return shopAddSentence(dst, line[start:])
}

// shopAddSentence appends sentence s to dst, trimmed, unless empty. A
// "sentence" longer than any real one (a hostile page's endless line) is
// read in pieces, so that work per sentence stays bounded.
func shopAddSentence(dst []string, s string) []string {
	for len(s) > shopMaxSentence {
		cut := strings.LastIndex(s[:shopMaxSentence], "、")
		if cut <= 0 {
			cut = shopMaxSentence
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		} else {
			cut += len("、")
		}
		if p := strings.TrimSpace(s[:cut]); p != "" {
			dst = append(dst, p)
		}
		s = s[cut:]
	}
	if s = strings.TrimSpace(s); s != "" {
		dst = append(dst, s)
	}
	return dst
}

// shopMaxSentence bounds the bytes of one sentence (about 400 kana or kanji).
const shopMaxSentence = 1200

// shopScamWordRe finds words that mark a sentence as a warning about fraud
// (consumer pages, police pages and news quote every fraud phrase), or a
// firm's own 「振込を求めたりすることはありません」.
var shopScamWordRe = shopMustRe(`(?i)詐欺|偽サイト|偽物サイト|偽ショップ|ニセサイト|不審な|怪しい|あやしい|要注意|注意喚起|ご注意|注意して|注意が必要|被害|手口|特徴|危険|疑い|可能性があります|見分け方|チェックポイント|(?:求め|要求し|勧誘し)(?:たり|る)(?:する)?ことは(?:一切|決して|絶対に)?(?:ありません|ございません)|\bscam|\bfraud|\bbeware|\bwarning sign`)

// shopScamContext reports whether a sentence warns about fraud rather than
// describing the site's own terms.
func shopScamContext(s string) bool { return shopScamWordRe.MatchString(s) }

// shopScamPageRe finds titles of pages that are about fraud.
var shopScamPageRe = shopMustRe(`(?i)詐欺|偽サイト|偽ショップ|ニセサイト|偽(?:の)?(?:ショッピング|通販|EC|ブランド|オンラインショップ)サイト|架空請求|悪質商法|注意喚起|被害|手口|見分け方|消費者センター|消費生活センター|消費者ホットライン|国民生活センター|\bscams?\b|\bfraud`)

// shopAsksIfScamRe finds a title that asks whether a site is a fraud
// (このサイトは詐欺ですか？, 偽サイトでしょうか, 怪しいですか).
var shopAsksIfScamRe = shopMustRe(`(?:詐欺|偽|ニセ|怪しい|あやしい)(?:サイト|ショップ|通販)?(?:ですか|でしょうか|かどうか)`)

// shopScamPage reports whether p is a page about fraud (a warning, a news item,
// a police or consumer page): its title or first heading asks whether a
// site is a fraud, five of its lines or more use warning words, or its
// title, first heading or three lines do and it does no business of its own
// (shopDoesBusiness). The rules that read a shop's own terms skip
// such pages. A fake shop that titles itself 「…｜偽サイトにご注意ください」
// still sells: its terms are read.
func shopScamPage(p *Page) bool {
	// A warning hidden in display:none excuses nothing (page_hidden.go).
	heads := p.shownHeadings()
	headWarns := len(heads) > 0 && shopScamPageRe.MatchString(heads[0])
	warns := headWarns || shopScamPageRe.MatchString(p.Title)
	lines := p.ShownLines()
	if headWarns {
		// A page whose first heading shown warns may fold its advice
		// away (an accordion): its hidden lines count too. A title is
		// not enough: fake shops title themselves 「…｜偽サイトにご注意」.
		lines = p.Lines
	}
	n := 0
	for _, l := range lines {
		if shopScamPageRe.MatchString(l) {
			if n++; n >= 5 {
				break
			}
		}
	}
	if shopAsksIfScamRe.MatchString(p.Title) || len(heads) > 0 && shopAsksIfScamRe.MatchString(heads[0]) {
		// 「このサイトは詐欺ですか？」: a question board or a blog asking
		// about a shop, whose terms it quotes; no shop asks that of
		// itself.
		return true
	}
	switch {
	case n >= 5:
		// Warnings all through the page: a consumer centre's, even
		// where it quotes a fake's terms on lines of their own.
		return true
	case headWarns && shopScamPageRe.MatchString(p.Title):
		// Title and first heading both about fraud (「激安のお米サイトで
		// 買いかけた話【詐欺サイトの見分け方】」): a blog or a news item
		// that quotes a fake's terms on lines of their own (「支払い方法：
		// 銀行振込」). Only a cart says it sells.
		return !flCartWords.MatchString(flCompact(flPrefix(p.Text, 500_000)))
	case warns || n >= 3:
		return !shopDoesBusiness(p)
	}
	return false
}

// shopTermLineRe finds a line that states the page's own payment terms or
// transfer account under a label (「お支払い方法：銀行振込」「振込先：…」), as
// a shop's page does and a warning, which quotes such terms inside its
// sentences, does not.
var shopTermLineRe = shopMustRe(`^(?:お?支払(?:い)?方法|決済方法|お?振込先|お?振込み先)\s*[:：]`)

// shopDoesBusiness reports whether page p sells: a cart, or a line
// stating its payment terms or transfer account. (Prices do not tell: a
// consumer centre's page quotes the fakes' 「定価 ¥38,000 → ¥5,980」.)
func shopDoesBusiness(p *Page) bool {
	if flCartWords.MatchString(flCompact(flPrefix(p.Text, 500_000))) {
		return true
	}
	for _, l := range p.Lines {
		if shopTermLineRe.MatchString(l) {
			return true
		}
	}
	return false
}

// Price is one price found in a text.
type Price struct {
	Yen        int    // the amount in yen
	Text       string // the price as printed
	Start, End int    // byte offsets of Text in the searched string
}

// shopPriceRe matches yen prices after NFKC: ¥1,234, \1234, 1,234円,
// 1234円(税込), 1万2,000円. The tax notes are not part of the match.
var shopPriceRe = shopMustRe(`([0-9]{1,5})万([0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,4})?\s?円|[¥\\]\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})(?:\s?円)?|([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})\s?円|(?i:JPY)\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})`)

// ParsePrices finds the yen prices in s (NFKC text, so ￥ is already ¥ and
// full-width digits are ASCII; raw text is normalised first when it holds
// full-width forms, and the offsets then refer to the normalised text).
// Numbers glued to other digits or letters (model numbers) are skipped.
func ParsePrices(s string) []Price {
	if strings.IndexByte(s, 0xEF) >= 0 && strings.ContainsAny(s, "￥０１２３４５６７８９，") {
		s = NFKC(s)
	}
	var out []Price
	var locBuf [8]shopPriceLoc
	for _, m := range shopAppendPriceLocs(locBuf[:0], s) {
		if m[0] > 0 && s[m[0]] >= '0' && s[m[0]] <= '9' {
			// Digits inside a longer number (a product code, 12¥…) are
			// none of its prices; a yen sign starts a new one even right
			// after digits (「¥16,500¥2,980」: minified markup's
			// <s>¥16,500</s><span>¥2,980</span> joined).
			prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
			if prev >= '0' && prev <= '9' || prev == ',' || prev == '.' {
				continue
			}
		}
		var yen int
		switch {
		case m[2] >= 0: // 万
			man, _ := strconv.Atoi(s[m[2]:m[3]])
			yen = man * 10000
			if m[4] >= 0 {
				rest, _ := strconv.Atoi(strings.ReplaceAll(s[m[4]:m[5]], ",", ""))
				yen += rest
			}
		default:
			for g := 6; g <= 10; g += 2 {
				if m[g] >= 0 {
					yen, _ = strconv.Atoi(strings.ReplaceAll(s[m[g]:m[g+1]], ",", ""))
					break
				}
			}
		}
		if yen <= 0 {
			continue
		}
		out = append(out, Price{Yen: yen, Text: s[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	return out
}

// FormatYen prints an amount the way shops do: ¥38,000.
func FormatYen(yen int) string {
	d := strconv.Itoa(yen)
	var b strings.Builder
	b.WriteString("¥")
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// shopDashes are the characters pages use as the hyphen in phone numbers and
// addresses (after NFKC, so the full-width ones are gone already except
// those NFKC keeps).
const shopDashes = "‐‑‒–—―−ーｰ─━"

// shopNormDashes turns dash-like characters between two digits into '-'
// ("03ー1234ー5678", "03−1234−5678").
//
// Valid text is read in place: every dash is three bytes, and a digit is
// one, so a dash between digits is a digit, a dash, a digit in the bytes.
// Most texts hold dashes (ー is in every other katakana word) but none
// between digits, and come back as they are without the copy to runes and
// back that shopNormDashesRunes makes (which also turns broken UTF-8 into
// U+FFFD: such text still goes that way). TestShopNormDashesAgrees holds
// the two to one answer.
func shopNormDashes(s string) string {
	if !utf8.ValidString(s) {
		return shopNormDashesRunes(s)
	}
	var b strings.Builder
	last := 0
	for i := 1; i+3 < len(s); i++ {
		if s[i] < 0xE2 || !shopIsDigitByte(s[i-1]) || !shopIsDigitByte(s[i+3]) {
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[i:]); n != 3 || !strings.ContainsRune(shopDashes, r) {
			continue
		}
		if last == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteByte('-')
		last = i + 3
		i += 2
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// shopIsDigitByte reports whether b is an ASCII digit.
func shopIsDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// shopNormDashesRunes is shopNormDashes the plain way, over the runes of s
// (invalid bytes become U+FFFD when s holds a dash).
func shopNormDashesRunes(s string) string {
	if !strings.ContainsAny(s, shopDashes) {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if strings.ContainsRune(shopDashes, rs[i]) && shopIsDigit(rs[i-1]) && shopIsDigit(rs[i+1]) {
			rs[i] = '-'
		}
	}
	return string(rs)
}

func shopIsDigit(r rune) bool { return r >= '0' && r <= '9' }

// shopPhoneRe matches Japanese phone numbers with or without separators
// (03-1234-5678, (03)1234-5678, 03(1234)5678, 090.8765.4321), or in +81
// form; the digit count is checked afterwards.
var shopPhoneRe = shopMustRe(`(?:\+81[- ]?\(?0?\)?|\(0|0)[0-9]{1,4}\)?[- .]?\(?[0-9]{1,4}\)?[- .]?[0-9]{3,4}`)

// shopMaxTries bounds the places where the windowed finders run their
// expression, so that a hostile page of "@@@…" or "0 0 0 …" costs little.
const shopMaxTries = 2000

// shopPhoneAt is shopPhoneRe anchored.
var shopPhoneAt = shopMustRe(`^(?:` + shopPhoneRe.String() + `)`)

// shopPhoneLocs finds the matches of shopPhoneRe by trying the anchored
// form where a number can start (0, +, or "(0"), not after a digit: far
// cheaper than running the expression over a whole page.
func shopPhoneLocs(s string) [][]int {
	var out [][]int
	tries := 0
	for i := 0; i < len(s) && tries < shopMaxTries; i++ {
		c := s[i]
		if c != '0' && c != '+' && c != '(' {
			continue
		}
		if i > 0 && shopIsDigit(rune(s[i-1])) {
			continue
		}
		tries++
		end := min(len(s), i+32)
		if m := shopPhoneAt.FindStringIndex(s[i:end]); m != nil {
			out = append(out, []int{i, i + m[1]})
			i += m[1] - 1
		}
	}
	return out
}

// FindPhones returns the Japanese phone numbers in s as printed (after
// NFKC and dash normalisation): 10 digits for fixed lines and 0120/0570
// numbers, 11 for mobiles and IP phones. Postcodes, dates and account
// numbers do not match.
func FindPhones(s string) []string {
	s = shopNormDashes(NFKC(s))
	var out []string
	for _, loc := range shopPhoneLocs(s) {
		if loc[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
			if shopIsDigit(prev) || prev == '-' || prev == '.' || prev == '/' {
				continue
			}
		}
		if loc[1] < len(s) {
			next, _ := utf8.DecodeRuneInString(s[loc[1]:])
			if shopIsDigit(next) || (next == '-' || next == '.') && loc[1]+1 < len(s) && shopIsDigit(rune(s[loc[1]+1])) {
				continue
			}
		}
		m := s[loc[0]:loc[1]]
		d := PhoneDigits(m)
		if len(d) == 10 || len(d) == 11 && (strings.HasPrefix(d, "0") && strings.ContainsAny(d[1:2], "5789")) {
			out = append(out, m)
		}
	}
	return out
}

// PhoneDigits returns the digits of a phone number in domestic form:
// "+81 3-1234-5678" gives "0312345678".
func PhoneDigits(s string) string {
	s = NFKC(s)
	var b strings.Builder
	intl := false
	if i := strings.Index(s, "+81"); i >= 0 {
		s = s[i+3:]
		intl = true
	}
	for _, r := range s {
		if shopIsDigit(r) {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if intl && !strings.HasPrefix(d, "0") {
		d = "0" + d
	}
	return d
}

// shopPrefectures are the 47 prefectures, for finding addresses.
var shopPrefectures = strings.Join(prefectureNames, "|")

// shopAddressCities are the cities whose addresses are often written
// without the prefecture: the designated cities (政令指定都市, then a ward)
// and Tokyo's 23 special wards.
var shopAddressCities = strings.Join(addressCityNames, "|")

// shopAddressTail is what follows the prefecture and city of an address:
// a block number with 丁目, 番, 号 or a hyphen, or a plain number ending
// the address (軽井沢町軽井沢1323), and the rest of the line.
const shopAddressTail = `[^\n]{0,40}?(?:(?:[0-9]+|[一二三四五六七八九十〇]+)\s?(?:丁目|番地|番|号|-\s?[0-9]|の[0-9])|[0-9]+(?:\s|$|\)|、|,))[^\n]{0,40}`

// shopAddressRe matches a street address down to the block number: a
// prefecture, then a city, ward, town or village (or a district), then
// the tail; or one of shopAddressCities, then the tail.
var shopAddressRe = shopMustRe(`(?:` + shopPrefectures + `)\s?[^\n]{0,20}?[市区町村郡]` + shopAddressTail + `|(?:` + shopAddressCities + `)` + shopAddressTail)

// shopPrefIndex finds where addresses may start: the prefectures and
// shopAddressCities.
var shopPrefIndex = newShopLitIndex(append(strings.Split(shopPrefectures, "|"), strings.Split(shopAddressCities, "|")...))

// shopAddressAt is shopAddressRe anchored, run where an address may start.
var shopAddressAt = shopMustRe(`^(?:(?:` + shopPrefectures + `)\s?[^\n]{0,20}?[市区町村郡]` + shopAddressTail + `|(?:` + shopAddressCities + `)` + shopAddressTail + `)`)

// shopAddressAfterPref and shopAddressAfterCity are the two branches of
// shopAddressAt without their leading names: what must follow a
// prefecture, and what must follow one of shopAddressCities. No name of
// either list begins another (TestShopAddressNamesApart), so at a place
// where FindAddress found a prefecture only the first branch can match,
// and it matches there exactly when the prefecture's branch matches after
// it; likewise for a city. The regexp then runs without the ninety names
// of the alternation, whose program it otherwise clears and walks on every
// try.
var (
	shopAddressAfterPref = shopMustRe(`^\s?[^\n]{0,20}?[市区町村郡]` + shopAddressTail)
	shopAddressAfterCity = shopMustRe(`^` + shopAddressTail)
)

// shopIsPrefecture tells the prefectures of shopPrefIndex from the cities.
var shopIsPrefecture = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(shopPrefectures, "|") {
		m[p] = true
	}
	return m
}()

// FindAddress returns the first full address (prefecture, city and block
// number) in s, or "". Dashes between digits are normalised first.
func FindAddress(s string) string {
	s = shopNormDashes(s)
	found, tries := "", 0
	shopPrefIndex.each(s, func(at int, name string) {
		if found != "" || tries >= shopMaxTries {
			return
		}
		tries++
		end := min(len(s), at+400)
		for end < len(s) && !utf8.RuneStart(s[end]) {
			end++
		}
		// shopAddressAt.FindString(s[at:end]), the name's branch only.
		after := shopAddressAfterCity
		if shopIsPrefecture[name] {
			after = shopAddressAfterPref
		}
		from := at + len(name)
		if loc := after.FindStringIndex(s[from:end]); loc != nil {
			found = strings.TrimSpace(s[at : from+loc[1]])
		}
	})
	return found
}

// shopEmailRe matches e-mail addresses, also with the "[at]"/"(at)" and
// "＠" disguises (NFKC makes ＠ an @).
var shopEmailRe = shopMustRe(`(?i)[a-z0-9][a-z0-9._%+\-]*\s?(?:@|\[at\]|\(at\)|＠)\s?[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,}`)

// shopAtSigns are the ways pages write the @ of an address.
var shopAtSigns = newShopLitIndex([]string{"@", "[at]", "(at)", "＠"})

// FindEmails returns the e-mail addresses in s, lower-cased, with
// "[at]"-style disguises undone. The expression runs only on a window
// around each @, so that long texts cost little.
func FindEmails(s string) []string {
	var out []string
	done, tries := -1, 0
	shopAtSigns.each(s, func(at int, sign string) {
		if at < done || tries >= shopMaxTries {
			return
		}
		tries++
		lo, hi := max(0, at-64), min(len(s), at+256)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		hi = min(hi, shopEmailDomainEnd(s, at+len(sign)))
		w := s[lo:hi]
		for _, loc := range shopEmailRe.Regexp().FindAllStringIndex(w, -1) {
			if lo+loc[0] > at || lo+loc[1] <= at {
				continue
			}
			m := strings.ToLower(w[loc[0]:loc[1]])
			for _, d := range []string{"[at]", "(at)", "＠"} {
				m = strings.Replace(m, d, "@", 1)
			}
			out = append(out, strings.ReplaceAll(m, " ", ""))
			done = lo + loc[1]
		}
	})
	return out
}

// shopUndecorate strips the bullets, brackets and markers that precede
// labels in disclosures: "■販売業者", "【所在地】", "・電話番号".
func shopUndecorate(l string) string {
	for l != "" {
		r, n := utf8.DecodeRuneInString(l)
		switch r {
		case ' ', '■', '□', '●', '○', '◆', '◇', '▼', '▽', '▲', '△', '★', '☆', '※', '・', '*', '-', '＊', '【', '[', '〔', '<', '≪', '《', '「':
			l = l[n:]
			continue
		}
		break
	}
	return l
}

// shopLabelValue reads "label: value" forms from lines[i]: when the line
// begins with a match of labelRe (after bullets), the value is what
// follows on the line after a separator, or, when the label stands alone
// (a table heading cell, a <dt>), the next line. ok is false when line i
// does not start with the label.
func shopLabelValue(lines []string, i int, labelRe *shopRe) (value string, ok bool) {
	return shopLabelValueOf(lines, i, labelRe, nil)
}

// shopLabelValueOf is shopLabelValue for a label made of two: labelRe,
// or where it does not begin the line, orElse (nil: none). For labels
// that are one anchored alternation split in two (the alternatives of
// orElse last), that is the match of the whole: the first alternative
// that matches wins, and what may follow it does not depend on which.
func shopLabelValueOf(lines []string, i int, labelRe, orElse *shopRe) (value string, ok bool) {
	l := shopUndecorate(lines[i])
	// Labels are short: match on the head of the line only (an anchored
	// expression still costs the whole input in Go's backtracker).
	head := l
	if len(head) > 120 {
		cut := 120
		for cut > 0 && !utf8.RuneStart(head[cut]) {
			cut--
		}
		head = head[:cut]
	}
	loc := labelRe.FindStringIndex(head)
	if loc == nil && orElse != nil {
		loc = orElse.FindStringIndex(head)
	}
	if loc == nil || loc[0] != 0 {
		return "", false
	}
	rest := l[loc[1]:]
	if rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(shopLabelSeps, r) {
			return "", false // "販売業者の皆様へ": not a label
		}
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, shopLabelSeps))
	if rest != "" {
		return rest, true
	}
	if i+1 < len(lines) {
		return strings.TrimSpace(lines[i+1]), true
	}
	return "", true
}

// shopLabelSeps are the characters that may follow a label.
const shopLabelSeps = " :：|｜】]〕)>≫》」\t=/"

// shopClip is Clip for texts that may be huge: only the head of s is
// looked at.
func shopClip(s string, n int) string {
	if limit := 8 * n; len(s) > limit {
		for limit > 0 && !utf8.RuneStart(s[limit]) {
			limit--
		}
		s = s[:limit] + "…"
	}
	return Clip(s, n)
}

// shopDigitsOnly keeps the ASCII digits of s (after NFKC).
func shopDigitsOnly(s string) string {
	var b strings.Builder
	for _, r := range NFKC(s) {
		if shopIsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// shopEmailDomainEnd is where the domain after an at sign ending at from
// ends at the latest: past one optional space (\s), the run of what
// shopEmailRe's domain may hold (ASCII letters, digits, dots and hyphens,
// and the Kelvin sign and long s that (?i) lets stand for k and s). Every
// match of shopEmailRe that starts before the sign either ends before it
// or holds it and ends within that run (its local part cannot cross a
// sign, and it has no assertions), so FindEmails need not give the regexp
// the text after it: the window's matches up to the one holding the sign
// stay the same.
func shopEmailDomainEnd(s string, from int) int {
	i := from
	if i < len(s) && shopPerlSpace(s[i]) {
		i++
	}
	for i < len(s) {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-':
			i++
		case strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		case strings.HasPrefix(s[i:], "\u017f"):
			i += len("\u017f")
		default:
			return i
		}
	}
	return i
}

// shopLitIndex finds a set of literals (ASCII letters compared in lower
// case) in one pass over a string: a bitmap of their first runes, then the
// literals starting with a marked rune.
type shopLitIndex struct {
	first [1 << 16 / 64]uint64
	// rank counts the marked runes of the bitmap's words before each: the
	// literals starting with a marked rune c are groups[rank[c/64] + the
	// marked runes before c in its word], found without hashing (the
	// scan asks at every kana and kanji a literal starts with).
	rank   [1 << 16 / 64]uint16
	groups [][]string
	// follow has a bitmap for each group of the hashes (shopFollowHash)
	// of the two bytes after the first rune of each of its literals, or
	// nil for a group with a literal that ends before them. A scan asks
	// it before comparing the group's literals: "c" begins 78 payment
	// literals and お 28, and each c or お of a page was compared with
	// all of them (2.2 comparisons a rune over the testdata pages).
	follow []*[4]uint64
}

// shopFollowHash is the hash of two bytes after a literal's first rune,
// ASCII letters in lower case.
func shopFollowHash(a, b byte) uint {
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	return (uint(a)*31 + uint(b)) & 255
}

// group returns the index of the group of literals starting with the
// marked rune c.
func (x *shopLitIndex) group(c rune) int {
	w := c / 64
	return int(x.rank[w]) + bits.OnesCount64(x.first[w]&(1<<(c%64)-1))
}

// mayFollow reports whether a literal of group g may start at s[i], whose
// first rune ends at s[j]: false when the two bytes from s[j] follow the
// first rune of none of them.
func (x *shopLitIndex) mayFollow(g int, s string, j int) bool {
	f := x.follow[g]
	if f == nil {
		return true
	}
	if j+1 >= len(s) {
		return false
	}
	h := shopFollowHash(s[j], s[j+1])
	return f[h/64]&(1<<(h%64)) != 0
}

// newShopLitIndex indexes lits; nil when one starts outside the BMP.
func newShopLitIndex(lits []string) *shopLitIndex {
	x := &shopLitIndex{}
	by := map[rune][]string{}
	for _, l := range lits {
		l = shopLowerASCII(l)
		f, _ := utf8.DecodeRuneInString(l)
		if f >= 1<<16 || l == "" {
			return nil
		}
		x.first[f/64] |= 1 << (f % 64)
		by[f] = append(by[f], l)
	}
	n := 0
	for w, bitsOf := range x.first {
		x.rank[w] = uint16(n)
		for ; bitsOf != 0; bitsOf &= bitsOf - 1 {
			g := by[rune(w*64+bits.TrailingZeros64(bitsOf))]
			x.groups = append(x.groups, g)
			f := new([4]uint64)
			for _, l := range g {
				_, k := utf8.DecodeRuneInString(l)
				if k+1 >= len(l) {
					f = nil
					break
				}
				h := shopFollowHash(l[k], l[k+1])
				f[h/64] |= 1 << (h % 64)
			}
			x.follow = append(x.follow, f)
			n++
		}
	}
	return x
}

// shopNextRune decodes the rune at s[i], ASCII letters lower-cased, and
// says how far to step: a byte over invalid UTF-8, as the regexp engine
// does, so that a prefilter never steps over a place where a match could
// start. c is -1 for a rune outside the BMP or an invalid byte.
func shopNextRune(s string, i int) (c rune, n int) {
	b := s[i]
	if b < utf8.RuneSelf {
		c = rune(b)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c, 1
	}
	// Two and three bytes by hand (all of Japanese text): utf8's decoder
	// costs twice as much. The checks are utf8's: continuation bytes, no
	// overlong forms, no surrogates.
	switch {
	case b >= 0xE0 && b < 0xF0 && i+2 < len(s):
		b1, b2 := s[i+1], s[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			c = rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if c >= 0x800 && (c < 0xD800 || c > 0xDFFF) {
				return c, 3
			}
		}
		return -1, 1
	case b >= 0xC0 && b < 0xE0 && i+1 < len(s):
		if b1 := s[i+1]; b1&0xC0 == 0x80 {
			if c = rune(b&0x1F)<<6 | rune(b1&0x3F); c >= 0x80 {
				return c, 2
			}
		}
		return -1, 1
	}
	_, n = utf8.DecodeRuneInString(s[i:])
	return -1, n // outside the BMP, or invalid
}

// scan returns the first place at or after i where a literal of group g
// may start (its first rune starts the group and the two bytes after that
// rune pass the group's filter) and the place after that rune; g is -1
// when there is none.
//
// It reads ASCII and the three-byte runes of Japanese text in place
// (shopNextRune is too big to be inlined, and a call a rune was a third of
// a scan); a three-byte form that shopNextRune turns away (overlong, a
// surrogate) is read as a rune here, but no literal starts with it
// (literals are well-formed) nor with either of its last two bytes, so the
// places found are the same.
func (x *shopLitIndex) scan(s string, i int) (at, next, g int) {
	for i < len(s) {
		var c rune
		n := 1
		if b := s[i]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			c = rune(b)
		} else if b&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			c, n = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else {
			c, n = shopNextRune(s, i)
		}
		if c >= 0 && x.first[c/64]&(1<<(c%64)) != 0 {
			if g := x.group(c); x.mayFollow(g, s, i+n) {
				return i, i + n, g
			}
		}
		i += n
	}
	return len(s), len(s), -1
}

// any reports whether s contains one of the literals.
func (x *shopLitIndex) any(s string) bool {
	for i := 0; ; {
		at, next, g := x.scan(s, i)
		if g < 0 {
			return false
		}
		for _, l := range x.groups[g] {
			if len(s)-at >= len(l) && shopEqualLowerASCII(s[at:at+len(l)], l) {
				return true
			}
		}
		i = next
	}
}

// each calls fn with the offset and literal of every occurrence in s
// (overlapping ones included).
func (x *shopLitIndex) each(s string, fn func(at int, lit string)) {
	for i := 0; ; {
		at, next, g := x.scan(s, i)
		if g < 0 {
			return
		}
		for _, l := range x.groups[g] {
			if len(s)-at >= len(l) && shopEqualLowerASCII(s[at:at+len(l)], l) {
				fn(at, l)
			}
		}
		i = next
	}
}

// shopRequiredLits returns strings of which every match of re contains at
// least one; ok is false when there are none (re can match without any
// literal, e.g. a character class or an empty string).
func shopRequiredLits(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if shopFoldsNonASCII(re) {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		// A small class such as [¥\\]: each of its runes.
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n == 0 || n > 8 {
			return nil, false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				lits = append(lits, string(c))
			}
		}
		return lits, true
	case syntax.OpCapture, syntax.OpPlus:
		return shopRequiredLits(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return shopRequiredLits(re.Sub[0])
		}
	case syntax.OpConcat:
		// The most selective of: each part's literals, and the exact
		// strings of each run of finite parts (振り?込み? gives 振込,
		// 振込み, 振り込, 振り込み rather than 振 or 込 alone).
		best, bestLen := []string(nil), -1
		consider := func(l []string) {
			short := len(l[0])
			for _, s := range l {
				short = min(short, len(s))
			}
			if short > bestLen {
				best, bestLen = l, short
			}
		}
		for _, sub := range re.Sub {
			if l, ok := shopRequiredLits(sub); ok {
				consider(l)
			}
		}
		for i := range re.Sub {
			prod := []string{""}
			for j := i; j < len(re.Sub); j++ {
				e, ok := shopExact(re.Sub[j])
				if !ok {
					break
				}
				var next []string
				for _, a := range prod {
					for _, b := range e {
						next = append(next, a+b)
					}
				}
				if len(next) > 64 {
					break
				}
				prod = next
				if !slices.Contains(prod, "") {
					consider(prod)
				}
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := shopRequiredLits(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	}
	return nil, false
}

// shopFoldsNonASCII reports whether the literal re folds case for a letter
// outside ASCII ((?i)ä also matches Ä), which the prefilter, lower-casing
// ASCII only, cannot compare.
func shopFoldsNonASCII(re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase == 0 {
		return false
	}
	for _, r := range re.Rune {
		if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

// shopExact returns every string re matches when they are few (a literal,
// a small class, an optional part, a small alternation); ok is false
// otherwise. Letters under (?i) are given in lower case: the prefilter
// compares lower-cased text.
func shopExact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if shopFoldsNonASCII(re) {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		if l, ok := shopRequiredLits(re); ok {
			return l, true
		}
	case syntax.OpCapture:
		return shopExact(re.Sub[0])
	case syntax.OpQuest:
		e, ok := shopExact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return append([]string{""}, e...), true
	case syntax.OpConcat:
		prod := []string{""}
		for _, sub := range re.Sub {
			e, ok := shopExact(sub)
			if !ok {
				return nil, false
			}
			var next []string
			for _, a := range prod {
				for _, b := range e {
					next = append(next, a+b)
				}
			}
			if len(next) > 64 {
				return nil, false
			}
			prod = next
		}
		return prod, true
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			e, ok := shopExact(sub)
			if !ok {
				return nil, false
			}
			all = append(all, e...)
		}
		if len(all) > 64 {
			return nil, false
		}
		return all, true
	}
	return nil, false
}

// shopFirstRunes returns the runes a match of re can begin with (both
// cases of letters under (?i)), whether re can match the empty string,
// and ok false when the set is unbounded (a large character class).
func shopFirstRunes(re *syntax.Regexp) (runes []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		c := re.Rune[0]
		runes = []rune{c}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				runes = append(runes, f)
			}
		}
		return runes, false, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > 64 {
			return nil, false, false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				runes = append(runes, c)
			}
		}
		return runes, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return shopFirstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		runes, _, ok = shopFirstRunes(re.Sub[0])
		return runes, true, ok
	case syntax.OpRepeat:
		runes, nullable, ok = shopFirstRunes(re.Sub[0])
		return runes, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			rs, null, ok := shopFirstRunes(sub)
			if !ok {
				return nil, false, false
			}
			runes = append(runes, rs...)
			if !null {
				return runes, false, true
			}
		}
		return runes, true, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			rs, null, ok := shopFirstRunes(sub)
			if !ok {
				return nil, false, false
			}
			runes = append(runes, rs...)
			nullable = nullable || null
		}
		return runes, nullable, true
	}
	return nil, false, false
}

// shopLowerASCII lower-cases the ASCII letters of s (without allocating
// when there are none).
func shopLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' {
					return r + 'a' - 'A'
				}
				return r
			}, s)
		}
	}
	return s
}

// shopEqualLowerASCII reports whether s, with its ASCII letters
// lower-cased, equals lower (already lower case), without allocating.
func shopEqualLowerASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// shopOddFold reports whether s holds the Kelvin sign or the long s, which
// (?i) matches with k and s but the prefilters, comparing ASCII in lower
// case, do not. Text after NFKC never does.
func shopOddFold(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// shopScamOn is shopScamPage(p) for a page of site, worked out once a check:
// every sign that reads the shop's own terms asks it of every page.
func shopScamOn(site *Site, p *Page) bool {
	scam := sitePerPage(site, memoScamPages, func(m *siteMemo) *[]bool { return &m.scamPages }, func(m *siteMemo) *[1]bool { return &m.scamOne },
		func(_ int, q *Page) bool { return q != nil && shopScamPageKept(q) })
	for i, q := range site.Pages { // a few pages: cheaper than a map
		if q == p && i < len(scam) {
			return scam[i]
		}
	}
	return shopScamPageKept(p)
}

// shopScamPageKept is shopScamPage, kept on the page.
func shopScamPageKept(p *Page) bool {
	return pageDerive(p, pageScam, func(m *pageMemo) *bool { return &m.scam }, func() bool { return shopScamPage(p) })
}
