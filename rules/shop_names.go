package rules

// Names of account holders and sellers: is a name a company, a platform's
// collection account, a shop's trade name (屋号), or a person?

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// HolderKind is what an account holder's name says about who holds it.
type HolderKind string

// The kinds of holder.
const (
	// HolderCorporate: a company or other legal person (株式会社, カ), …).
	HolderCorporate HolderKind = "corporate"
	// HolderPlatform: a marketplace, shop platform or payment agent's
	// collection account (ラクテン, ベイス, GMO …).
	HolderPlatform HolderKind = "platform"
	// HolderBusiness: a trade name (屋号) with no person's name.
	HolderBusiness HolderKind = "business"
	// HolderSoleProprietor: a trade name followed by a person's name
	// ("ヤマダシヨウテン ヤマダタロウ"): the account is a person's.
	HolderSoleProprietor HolderKind = "sole-proprietor"
	// HolderPersonal: a person's name (ヤマダ タロウ, 山田 太郎, TARO YAMADA).
	HolderPersonal HolderKind = "personal"
	// HolderUnknown: none of the above can be told.
	HolderUnknown HolderKind = "unknown"
)

// Personal reports whether the account is held by a person (a sole
// proprietor included).
func (k HolderKind) Personal() bool { return k == HolderPersonal || k == HolderSoleProprietor }

// shopNameTables are the name lists, loaded once from data/.
type shopNameTables struct {
	fullForms []string // folded kana/kanji full corporate forms
	abbrevs   []string // folded abbreviations (カ, ユ, 株 …)
	// abbrevForms are the abbreviations as bank kana print them, made
	// once: "カ)" before a name, "(カ" after it, "(カ)" inside.
	abbrevForms []shopAbbrevForms
	// fullIndex finds where a full form may occur (case folded more
	// than strings.Contains: a hit is checked the plain way).
	fullIndex *shopLitIndex
	latinRe   *shopRe  // latin corporate forms as whole words (Co., Ltd., Inc.)
	business  []string // folded business words (associations' too)
	// association are the folded words of not-for-profit bodies, in the
	// data file's order.
	association []string
	platforms   []string // folded platform names
}

var shopNames = sync.OnceValue(func() *shopNameTables {
	t := &shopNameTables{}
	var latin []string
	for _, l := range lines("shop_corporate_abbrev.txt") {
		full, abbr, hasEq := strings.Cut(l, "=")
		full = strings.TrimSpace(full)
		if !hasEq && shopHasLatin(full) {
			latin = append(latin, shopLatinPattern(full))
			continue
		}
		t.fullForms = append(t.fullForms, FoldKana(full))
		for _, a := range strings.Fields(abbr) {
			if shopHasLatin(a) {
				latin = append(latin, shopLatinPattern(a))
			} else {
				t.abbrevs = append(t.abbrevs, FoldKana(a))
			}
		}
	}
	for _, a := range t.abbrevs {
		t.abbrevForms = append(t.abbrevForms, shopAbbrevForms{a: a, before: a + ")", after: "(" + a, inside: "(" + a + ")"})
	}
	var fulls []string
	for _, f := range t.fullForms {
		if f != "" {
			fulls = append(fulls, f)
		}
	}
	t.fullIndex = newShopLitIndex(fulls)
	// Longest first, so that "Co., Ltd." is removed whole, not as "Ltd.".
	sort.Slice(latin, func(i, j int) bool { return len(latin[i]) > len(latin[j]) })
	t.latinRe = shopMustRe(`(?i)(?:^|[^A-Za-z0-9])(` + strings.Join(latin, "|") + `)(?:[^A-Za-z0-9]|$)`)
	for _, l := range lines("shop_business_words.txt") {
		t.business = append(t.business, FoldKana(l))
	}
	for _, l := range lines("shop_association_words.txt") {
		t.business = append(t.business, FoldKana(l))
		t.association = append(t.association, FoldKana(l))
	}
	for _, l := range lines("shop_platform_holders.txt") {
		t.platforms = append(t.platforms, FoldKana(l))
	}
	return t
})

func shopHasLatin(s string) bool {
	for _, r := range s {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shopLatinPattern turns a latin corporate form into a pattern that
// allows the dots, commas and spaces to vary: "Co., Ltd." matches
// "CO.,LTD", "Co. Ltd" and "co ltd".
func shopLatinPattern(form string) string {
	var b strings.Builder
	for _, r := range NFKC(form) {
		switch r {
		case '.':
			b.WriteString(`\.?`)
		case ',':
			b.WriteString(`,?`)
		case ' ':
			b.WriteString(`\s*`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// shopLatinWords splits s into its runs of latin letters and digits, upper case.
func shopLatinWords(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(NFKC(s)), func(r rune) bool {
		return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
}

// IsCorporateName reports whether a name (a seller or an account holder)
// carries a corporate form: 株式会社, (株), ㈱, カ), (カ, Co., Ltd., LLC …
// (data/shop_corporate_abbrev.txt).
func IsCorporateName(name string) bool {
	_, ok := shopCorporateMarker(name)
	return ok
}

// shopAbbrevForms are an abbreviation and its forms with parentheses.
type shopAbbrevForms struct{ a, before, after, inside string }

// shopCorporateMarker returns the corporate form found in name.
func shopCorporateMarker(name string) (string, bool) {
	t := shopNames()
	f := FoldKana(name)
	// The lists are read in order (the first form listed wins) only where
	// they can answer: a full form where the index finds one (or has
	// none to offer), an abbreviation where a parenthesis is.
	if t.fullIndex == nil || t.fullIndex.any(f) {
		for _, full := range t.fullForms {
			if full != "" && strings.Contains(f, full) {
				return full, true
			}
		}
	}
	if strings.ContainsAny(f, "()") {
		for _, a := range t.abbrevForms {
			if strings.HasPrefix(f, a.before) || strings.HasSuffix(f, a.after) || strings.Contains(f, a.inside) {
				return a.a, true
			}
		}
	}
	if m := t.latinRe.FindStringSubmatch(NFKC(name)); m != nil {
		return m[1], true
	}
	return "", false
}

// shopNameCore is a name's comparison form without its corporate forms
// and their bank abbreviations: "カ)ヤマダシヨウジ" gives "ヤマダシヨウジ",
// "株式会社グリーン" gives "グリン", "ABC Co., Ltd." gives "ABC".
func shopNameCore(name string) string {
	t := shopNames()
	n := NFKC(name)
	for {
		loc := t.latinRe.FindStringSubmatchIndex(n)
		if loc == nil {
			break
		}
		n = n[:loc[2]] + " " + n[loc[3]:]
	}
	f := FoldKana(n)
	for _, full := range t.fullForms {
		if full != "" {
			f = strings.ReplaceAll(f, full, "")
		}
	}
	for _, a := range t.abbrevForms {
		if !strings.ContainsAny(f, "()") {
			break // every form has a parenthesis
		}
		f = strings.ReplaceAll(f, a.inside, "")
		if strings.HasPrefix(f, a.before) {
			f = f[len(a.a)+1:]
		}
		if strings.HasSuffix(f, a.after) {
			f = f[:len(f)-len(a.a)-1]
		}
	}
	return strings.Trim(f, "()")
}

// shopPlatformName returns the platform named in a holder, or "".
func shopPlatformName(name string) string {
	f := FoldKana(name)
	words := shopLatinWords(name)
	for _, p := range shopNames().platforms {
		if shopHasLatin(p) && !strings.ContainsFunc(p, func(r rune) bool { return r >= 0x80 }) {
			for _, w := range words {
				if w == p {
					return p
				}
			}
			continue
		}
		if strings.Contains(f, p) {
			return p
		}
	}
	return ""
}

// shopBusinessWord returns the business word found in a name, or "".
func shopBusinessWord(name string) string {
	f := FoldKana(name)
	words := shopLatinWords(name)
	for _, b := range shopNames().business {
		if shopHasLatin(b) {
			for _, w := range words {
				if w == b {
					return b
				}
			}
			continue
		}
		if strings.Contains(f, b) {
			return b
		}
	}
	return ""
}

// shopRepresentativeRe finds the "representative" markers banks print
// between a trade name and its owner: ダイ), (ダイ), 代表, 代表者.
var shopRepresentativeRe = shopMustRe(`\(?ダイ\)|\(ダイ\)?|代表者?|代\)`)

// shopBusinessKanji are kanji that make a short kanji name a business, not
// a person (山田商店, 青空工房); surname kanji such as 屋, 堂, 部, 田 are not
// among them.
const shopBusinessKanji = "商店舗社販業製営貿協団局院庫館房工産企研"

// ClassifyHolder tells what kind of holder an account name is (see
// HolderKind). note is a short reason for evidence ("屋号+個人名").
func ClassifyHolder(holder string) (kind HolderKind, note string) {
	n := NormalizeKana(holder)
	if n == "" {
		return HolderUnknown, ""
	}
	if p := shopPlatformName(n); p != "" {
		return HolderPlatform, p
	}
	if m, ok := shopCorporateMarker(n); ok {
		return HolderCorporate, m
	}
	n = strings.TrimSpace(shopRepresentativeRe.ReplaceAllString(n, " "))
	tokens := strings.FieldsFunc(n, func(r rune) bool {
		return r == ' ' || r == '・' || r == '/' || r == ',' || r == '、' || r == '(' || r == ')'
	})
	for _, t := range tokens {
		// A not-for-profit body's word anywhere (シュウキョウホウジン
		// before ホウジン): the body's account, whatever names stand by.
		f := FoldKana(t)
		for _, w := range shopNames().association {
			if strings.Contains(f, w) {
				return HolderBusiness, w
			}
		}
	}
	var rest []string
	business := ""
	for _, t := range tokens {
		if b := shopBusinessWord(t); b != "" {
			business = b
			continue
		}
		rest = append(rest, t)
	}
	if business != "" {
		if len(rest) > 0 && shopLooksPerson(rest) {
			return HolderSoleProprietor, "屋号+個人名"
		}
		return HolderBusiness, business
	}
	if shopLooksPerson(tokens) {
		return HolderPersonal, ""
	}
	return HolderUnknown, ""
}

// shopScript says what a token is written in: "kana", "han" (kanji with
// or without kana, as 山田 or 田中 ゆう子), "latin", or "" for a mix with
// digits or symbols.
func shopScript(tok string) string {
	kana, han, latin := 0, 0, 0
	for _, r := range tok {
		switch {
		case shopIsKana(r):
			kana++
		case shopIsHan(r):
			han++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		default:
			return ""
		}
	}
	switch {
	case latin > 0 && kana+han == 0:
		return "latin"
	case latin > 0:
		return ""
	case han > 0:
		return "han"
	case kana > 0:
		return "kana"
	}
	return ""
}

// shopLooksPerson reports whether tokens look like a person's name: one to
// four tokens of kana or kanji (姓 名, or one run such as ヤマダタロウ or
// 山田太郎) or two to four latin words, of a person's length, with no
// business kanji.
func shopLooksPerson(tokens []string) bool {
	if len(tokens) == 0 || len(tokens) > 4 {
		return false
	}
	total, hanTotal := 0, 0
	latin := 0
	for _, t := range tokens {
		sc := shopScript(t)
		switch sc {
		case "":
			return false
		case "latin":
			latin++
			if n := len(t); n < 2 || n > 15 {
				return false
			}
		case "han":
			if strings.ContainsAny(t, shopBusinessKanji) {
				return false
			}
			hanTotal += RuneCount(t)
		}
		total += RuneCount(t)
	}
	if latin > 0 {
		return latin == len(tokens) && len(tokens) >= 2
	}
	if hanTotal > 0 {
		return total >= 2 && total <= 8
	}
	return total >= 3 && total <= 16
}

// shopCoreScript says whether a folded core is all kana, all latin, or has
// kanji ("han"); "" when empty.
func shopCoreScript(core string) string {
	kana, latin, han := false, false, false
	for _, r := range core {
		switch {
		case shopIsKana(r):
			kana = true
		case shopIsHan(r):
			han = true
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			latin = true
		}
	}
	switch {
	case han:
		return "han"
	case kana && !latin:
		return "kana"
	case latin && !kana:
		return "latin"
	case kana && latin:
		return "mixed"
	}
	return ""
}

// shopLongestCommon is the length in runes of the longest common substring
// of a and b.
func shopLongestCommon(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	best := 0
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best = cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// shopNamesDiffer compares a seller's name with an account holder's. It
// answers only when the names can be compared: both in kana, both in latin
// letters, or both in kanji; a kanji company name cannot be compared with
// a kana holder (the reading of a kanji name is not known). Names sharing
// a run of three kana or latin characters, or two kanji (a family name),
// or one containing the other, are taken as the same party.
func shopNamesDiffer(seller, holder string) (differ, comparable bool) {
	a, b := shopNameCore(seller), shopNameCore(holder)
	sa, sb := shopCoreScript(a), shopCoreScript(b)
	if sa == "" || sa != sb || sa == "mixed" {
		return false, false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return false, true
	}
	need := 3
	if sa == "han" {
		need = 2
	}
	if m := min(RuneCount(a), RuneCount(b)); m < need {
		need = m
	}
	return shopLongestCommon(a, b) < need, true
}

// shopCompaniesDiffer compares a company seller whose name mixes kanji and
// kana (株式会社タカミヤ商会) with a company holder printed in kana, as banks
// print them (カ）ミライトレーデイング): the reading of the kanji is not
// known, but the kana of the name is, and a holder that holds none of its
// runs of three kana or more is another company. It answers only when the
// seller's name has such a run.
func shopCompaniesDiffer(seller, holder string) (differ, comparable bool) {
	a, b := shopKanaFold.Replace(shopNameCore(shopDropBracketed(seller))), shopKanaFold.Replace(shopNameCore(holder))
	if shopCoreScript(a) != "han" || shopCoreScript(b) != "kana" {
		return false, false
	}
	var runs []string
	start := -1
	for i, r := range a + "\x00" {
		if shopIsKana(r) && r != '・' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && RuneCount(a[start:i]) >= 3 {
			runs = append(runs, a[start:i])
		}
		start = -1
	}
	if len(runs) == 0 {
		// An all-kanji company's account is held in its kanji's
		// reading: a holder in a loanword's kana (a long-vowel mark,
		// a small vowel, ヴ: カ）ケイワイトレーディング for 株式会社北海農機販売;
		// or such a word as banks print it, shopLoanwordRe) is another
		// company (a corporate mule account, p43 page22).
		if !strings.ContainsFunc(a, shopIsKana) && shopLoanword(shopNameCore(holder)) {
			return true, true
		}
		return false, false
	}
	for _, run := range runs {
		// The holder holds the run, or ends in it cut short as banks cut
		// long names (ヤマダインタナシヨナルトレデイ for …トレデイング): two
		// thirds of the run at least.
		if strings.Contains(b, run) || shopEndsInPrefix(b, run, max(3, (2*RuneCount(run)+2)/3)) {
			return false, true
		}
	}
	return true, true
}

// shopLoanword reports whether kana name n holds what no kanji's reading
// does: a long-vowel mark, a small vowel or ヴ (トレーディング, ジャパン), or
// one of the loanwords of company names as banks print them, marks dropped
// and small kana made large (shopLoanwordRe: トレデイング, ジヤパン).
func shopLoanword(n string) bool {
	return strings.ContainsAny(n, "ーｰァィゥェォｧｨｩｪｫヴ") || shopLoanwordRe.MatchString(n)
}

// shopLoanwordRe finds company names' loanwords written as a bank prints
// them (no long-vowel marks, no small kana).
var shopLoanwordRe = shopMustRe(`トレデイング|ジヤパン|インタ-?ナシヨナル|コ-?ポレ-?シヨン|ホ-?ルデイングス|エンタ-?プライズ|カンパニ|サ-?ビス|システム|グル-?プ|テクノロジ|ソリユ-?シヨン|マネジメント|コンサルテイング|プランニング|デザイン|オフイス|ネツトワ-?ク|エンジニアリング|ロジステイクス|インベストメント|パ-?トナ-?ズ`)

// shopEndsInPrefix reports whether b ends with the first n runes of run
// or more: a name the bank cut in the middle of run.
func shopEndsInPrefix(b, run string, n int) bool {
	rs := []rune(run)
	for k := len(rs) - 1; k >= n; k-- {
		if strings.HasSuffix(b, string(rs[:k])) {
			return true
		}
	}
	return false
}

// shopBracketed is a bracketed part of a seller's name.
var shopBracketed = shopMustRe(`[(（【\[][^)）】\]]*[)）】\]]`)

// shopDropBracketed drops the bracketed parts of a seller's name that are
// not its reading: a shop name beside the company's (株式会社山田商事（ショッ
// プ名：ハッピーマート）) is another name, a reading (（ヤマダショウジ）) is
// the one a bank prints.
func shopDropBracketed(seller string) string {
	return shopBracketed.Regexp().ReplaceAllStringFunc(seller, func(m string) string {
		_, open := utf8.DecodeRuneInString(m)
		_, closing := utf8.DecodeLastRuneInString(m)
		inner := m[open : len(m)-closing]
		for _, r := range inner {
			if !shopIsKana(r) && r != ' ' && r != '　' {
				return " "
			}
		}
		return " " + inner + " "
	})
}

// shopKanaFold spells kana the way banks print them: old kana as today's,
// and ヴィ as ビ and ヴ as ブ (the core has ィ as イ already). Iteration
// marks become a separator: they end a run, so a name is compared on
// less, never on two runs joined.
var shopKanaFold = strings.NewReplacer("ヱ", "エ", "ゑ", "エ", "ヰ", "イ", "ゐ", "イ",
	"ヴイ", "ビ", "ヴア", "バ", "ヴエ", "ベ", "ヴオ", "ボ", "ヴ", "ブ", "ゔ", "ブ",
	"ヽ", "・", "ヾ", "・", "ゝ", "・", "ゞ", "・")
