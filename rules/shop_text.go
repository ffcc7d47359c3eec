package rules

// Text utilities shared by the fake-shop signs (and free for other signs to
// use): kana folding for comparing bank-account names, price parsing,
// phone, address and e-mail finders, sentence splitting and the "this is a
// warning about scams" test that keeps consumer pages from firing signs.

import (
	"regexp"
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
	s = strings.NewReplacer("\u309b", "\u3099", "\u309c", "\u309a", "\uff9e", "\u3099", "\uff9f", "\u309a").Replace(s)
	// NFKC of the spacing marks is a space plus the combining mark; drop
	// the space so that composition can happen.
	s = strings.NewReplacer(" \u3099", "\u3099", " \u309a", "\u309a", "\u3000\u3099", "\u3099", "\u3000\u309a", "\u309a").Replace(s)
	s = NFKC(s)
	return fold(s)
}

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
func shopIsHan(r rune) bool { return unicode.Is(unicode.Han, r) || r == '々' }

// shopSentences splits a line into sentences at 。!? (NFKC has made the
// full-width marks ASCII), keeping the mark with its sentence.
func shopSentences(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if r == '。' || r == '!' || r == '?' {
			end := i + utf8.RuneLen(r)
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// shopScamWordRe finds words that mark a sentence as a warning about fraud
// (consumer pages, police pages and news quote every fraud phrase).
var shopScamWordRe = regexp.MustCompile(`(?i)詐欺|偽サイト|偽物サイト|偽ショップ|ニセサイト|不審な|怪しい|あやしい|要注意|注意喚起|ご注意|注意して|注意が必要|被害|手口|特徴|危険|疑い|可能性があります|見分け方|チェックポイント|\bscam|\bfraud|\bbeware|\bwarning sign`)

// shopScamContext reports whether a sentence warns about fraud rather than
// describing the site's own terms.
func shopScamContext(s string) bool { return shopScamWordRe.MatchString(s) }

// shopScamPageRe finds titles of pages that are about fraud.
var shopScamPageRe = regexp.MustCompile(`(?i)詐欺|偽サイト|偽ショップ|ニセサイト|注意喚起|被害|手口|見分け方|消費者センター|国民生活センター|\bscam|\bfraud`)

// shopScamPage reports whether p is a page about fraud (a warning, a news item,
// a police or consumer page): its title or first heading says so, or at
// least three of its lines use warning words. The rules that read a shop's
// own terms skip such pages.
func shopScamPage(p *Page) bool {
	if shopScamPageRe.MatchString(p.Title) {
		return true
	}
	if len(p.Headings) > 0 && shopScamPageRe.MatchString(p.Headings[0]) {
		return true
	}
	n := 0
	for _, l := range p.Lines {
		if shopScamPageRe.MatchString(l) {
			if n++; n >= 3 {
				return true
			}
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
var shopPriceRe = regexp.MustCompile(`([0-9]{1,5})万([0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,4})?\s?円|[¥\\]\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})(?:\s?円)?|([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})\s?円|(?i:JPY)\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})`)

// ParsePrices finds the yen prices in s (NFKC text, so ￥ is already ¥ and
// full-width digits are ASCII; raw text is normalised first when it holds
// full-width forms, and the offsets then refer to the normalised text).
// Numbers glued to other digits or letters (model numbers) are skipped.
func ParsePrices(s string) []Price {
	if strings.ContainsAny(s, "￥０１２３４５６７８９，") {
		s = NFKC(s)
	}
	var out []Price
	for _, m := range shopPriceRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 {
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
func shopNormDashes(s string) string {
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

// shopPhoneRe matches Japanese phone numbers with or without separators, or
// in +81 form; the digit count is checked afterwards.
var shopPhoneRe = regexp.MustCompile(`(?:\+81[- ]?\(?0?\)?|\(0|0)[0-9]{1,4}\)?[- ]?[0-9]{1,4}[- ]?[0-9]{3,4}`)

// FindPhones returns the Japanese phone numbers in s as printed (after
// NFKC and dash normalisation): 10 digits for fixed lines and 0120/0570
// numbers, 11 for mobiles and IP phones. Postcodes, dates and account
// numbers do not match.
func FindPhones(s string) []string {
	s = shopNormDashes(NFKC(s))
	var out []string
	for _, loc := range shopPhoneRe.FindAllStringIndex(s, -1) {
		if loc[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
			if shopIsDigit(prev) || prev == '-' || prev == '.' || prev == '/' {
				continue
			}
		}
		if loc[1] < len(s) {
			next, _ := utf8.DecodeRuneInString(s[loc[1]:])
			if shopIsDigit(next) || next == '-' && loc[1]+1 < len(s) && shopIsDigit(rune(s[loc[1]+1])) {
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
const shopPrefectures = `北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県`

// shopAddressRe matches a street address down to the block number:
// prefecture, then a city, ward, town or village (or a district), then a
// number with 丁目, 番, 号 or a hyphen, or a plain number ending the address
// (軽井沢町軽井沢1323).
var shopAddressRe = regexp.MustCompile(`(?:` + shopPrefectures + `)\s?[^\n]{0,20}?[市区町村郡][^\n]{0,40}?(?:(?:[0-9]+|[一二三四五六七八九十〇]+)\s?(?:丁目|番地|番|号|-\s?[0-9]|の[0-9])|[0-9]+(?:\s|$|\)|、|,))[^\n]{0,40}`)

// FindAddress returns the first full address (prefecture, city and block
// number) in s, or "". Dashes between digits are normalised first.
func FindAddress(s string) string {
	s = shopNormDashes(s)
	return strings.TrimSpace(shopAddressRe.FindString(s))
}

// shopEmailRe matches e-mail addresses, also with the "[at]"/"(at)" and "＠"
// disguises (NFKC makes ＠ an @).
var shopEmailRe = regexp.MustCompile(`(?i)[a-z0-9][a-z0-9._%+\-]*\s?(?:@|\[at\]|\(at\)|＠)\s?[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,}`)

// FindEmails returns the e-mail addresses in s, lower-cased, with
// "[at]"-style disguises undone.
func FindEmails(s string) []string {
	var out []string
	for _, m := range shopEmailRe.FindAllString(s, -1) {
		m = strings.ToLower(m)
		for _, d := range []string{"[at]", "(at)", "＠"} {
			m = strings.Replace(m, d, "@", 1)
		}
		m = strings.ReplaceAll(m, " ", "")
		out = append(out, m)
	}
	return out
}

// shopDecorRe strips the bullets, brackets and markers that precede labels in
// disclosures: "■販売業者", "【所在地】", "・電話番号".
var shopDecorRe = regexp.MustCompile(`^[\s■□●○◆◇▼▽▲△★☆※・*\-＊【\[〔<≪《「]+`)

// shopLabelValue reads "label: value" forms from lines[i]: when the line begins
// with a match of labelRe (after bullets), the value is what follows on the
// line after a separator, or, when the label stands alone (a table
// heading cell, a <dt>), the next line. ok is false when line i does not
// start with the label.
func shopLabelValue(lines []string, i int, labelRe *regexp.Regexp) (value string, ok bool) {
	l := shopDecorRe.ReplaceAllString(lines[i], "")
	loc := labelRe.FindStringIndex(l)
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

// shopRunes is the number of runes in s.
func shopRunes(s string) int { return utf8.RuneCountInString(s) }

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
