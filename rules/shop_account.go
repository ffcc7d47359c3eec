package rules

// Bank accounts printed on a shop's pages (振込先), and the signs about
// them: account-personal-name, account-name-mismatch, account-listed.

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// BankAccount is a transfer account printed on a site. The printed fields
// are NFKC text as found; the Key fields are normalised for comparison and
// campaign clustering (equal keys mean the same account).
type BankAccount struct {
	Bank   string // 三井住友銀行, ゆうちょ銀行, 〇〇信用金庫
	Branch string // 新宿支店, 〇一八店, or a branch number
	Type   string // 普通, 当座, 貯蓄 ("" when not printed)
	Number string // 1234567, or ゆうちょ 記号-番号 as 10120-12345671
	Holder string // the holder's name as printed

	BankKey   string // FoldKana of the bank without 銀行/信用金庫… suffix
	BranchKey string // FoldKana of the branch without 支店/店 suffix
	NumberKey string // digits only
	HolderKey string // FoldKana of the holder

	// Kind says who holds the account, by its name.
	Kind HolderKind
	// URL is the page where the account was found.
	URL string
}

// Key is one string for the account, for clustering: bank|branch|number|holder
// in normalised form.
func (a BankAccount) Key() string {
	return a.BankKey + "|" + a.BranchKey + "|" + a.NumberKey + "|" + a.HolderKey
}

// ClueKey is the account for campaign clustering: bank|number. The branch
// is left out, since one gang prints it as 渋谷支店, 234, シブヤ or not at
// all, and the holder, which it varies (ヤマダ タロウ, ヤマダ タロウ（代表）);
// an account number is its branch's, and two sites naming the same bank
// and number with different branches are worth an officer's look anyway.
// It is "" when the bank or the number is not known: a number alone would
// tie every site whose bank was not read (関西みらい銀行 and a half-width
// ﾐﾂｲｽﾐﾄﾓｷﾞﾝｺｳ with the same digits and other holders).
func (a BankAccount) ClueKey() string {
	if a.BankKey == "" || a.NumberKey == "" {
		return ""
	}
	return a.BankKey + "|" + a.NumberKey
}

// BankKeyName returns the name a reader knows for a bank's comparison form
// (NormalizeBankName: ユウチヨ for ゆうちょ銀行, PAYPAY for PayPay銀行), the
// key itself for a bank not listed here: campaign keys are shown to
// officers, to whom ユウチヨ reads as a typo.
func BankKeyName(key string) string {
	if n, ok := bankKeyNames()[key]; ok {
		return n
	}
	return key
}

var bankKeyNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"ゆうちょ銀行", "三井住友銀行", "みずほ銀行", "三菱UFJ銀行", "りそな銀行", "埼玉りそな銀行",
		"楽天銀行", "PayPay銀行", "住信SBIネット銀行", "auじぶん銀行", "セブン銀行", "イオン銀行", "ソニー銀行",
		"GMOあおぞらネット銀行", "ローソン銀行", "七十七銀行", "北洋銀行", "横浜銀行", "千葉銀行", "福岡銀行",
		"静岡銀行", "京都銀行", "常陽銀行", "広島銀行", "西日本シティ銀行", "北海道銀行", "東邦銀行", "群馬銀行",
		"足利銀行", "八十二銀行", "中国銀行", "伊予銀行", "百五銀行", "十六銀行", "南都銀行", "紀陽銀行"} {
		m[NormalizeBankName(n)] = n
	}
	return m
})

// HolderClueKey is the account for clustering by number and holder
// (1234567|ヤマダタロウ), "" without a holder: it joins two sites of one
// gang where one spells the bank otherwise (楽天銀行, Rakuten Bank) or
// leaves it out, which ClueKey cannot. Its first part is digits, so it
// never equals a ClueKey (whose first part is a bank's name).
func (a BankAccount) HolderClueKey() string {
	if a.HolderKey == "" || a.NumberKey == "" {
		return ""
	}
	return a.NumberKey + "|" + a.HolderKey
}

// Describe prints the account in one line for evidence:
// "三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ".
func (a BankAccount) Describe() string {
	var parts []string
	for _, p := range []string{a.Bank, a.Branch, a.Type, a.Number, a.Holder} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// shopBankSuffixes end bank names; shopBankKana are the hiragana names
// banks use before them (みずほ銀行, auじぶん銀行).
var (
	shopBankSuffixes = []string{"農業協同組合", "信用金庫", "信用組合", "労働金庫", "銀行", "信金", "信組", "ろうきん"}
	shopBankKana     = []string{"みずほ", "りそな", "ゆうちょ", "きらぼし", "じぶん", "みんなの", "あおぞら", "しずおか", "ちばぎん", "ひろぎん", "おきぎん", "みらい"}
)

// shopBankWords is a quick test for lines that may name a bank.
var shopBankWords = newShopLitIndex(append([]string{"ゆうちょ", "bank"}, shopBankSuffixes...))

// shopNameRune reports whether r may be part of a bank or branch name:
// kanji, katakana, the long vowel mark, latin letters, digits and &.
func shopNameRune(r rune) bool {
	return shopIsHan(r) || (r >= 'ァ' && r <= 'ヺ') || r == 'ー' ||
		r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '&')
}

// shopNamesEnding returns the names in s that end in one of suffixes: the
// suffix and up to max name runes (and hiragana bank names) before it. A
// hand-written scan: the equivalent regular expression is slow in Go.
func shopNamesEnding(s string, suffixes []string, max int, kana []string) []string {
	type hit struct{ at, end int }
	var hitBuf [8]hit // on the stack for a line of a few names
	hits := hitBuf[:0]
	for _, x := range suffixes {
		for off := 0; ; {
			k := strings.Index(s[off:], x)
			if k < 0 {
				break
			}
			hits = append(hits, hit{off + k, off + k + len(x)})
			off += k + len(x)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// No two hits share both ends (the suffixes differ), so any sort
	// gives the one order; slices.SortFunc allocates nothing.
	slices.SortFunc(hits, func(a, b hit) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return b.end - a.end
	})
	var out []string
	last := -1
	for _, h := range hits {
		if h.at < last {
			continue // inside the previous name's suffix
		}
		last = h.end
		start, runes := h.at, 0
		for start > 0 && runes < max {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if shopNameRune(r) {
				start -= n
				runes++
				continue
			}
			matched := false
			for _, k := range kana {
				if strings.HasSuffix(s[:start], k) {
					start -= len(k)
					runes += utf8.RuneCountInString(k)
					matched = true
					break
				}
			}
			if !matched {
				break
			}
		}
		if start < h.at {
			out = append(out, s[start:h.end])
		}
	}
	return out
}

// shopBankCandidates returns what may be bank names in s: names ending in
// 銀行, 信用金庫, 信金, 信用組合, 労働金庫 …, ゆうちょ alone, and "… Bank".
func shopBankCandidates(s string) []string {
	if !shopBankWords.any(s) {
		return nil
	}
	out := shopNamesEnding(s, shopBankSuffixes, 14, shopBankKana)
	if i := strings.Index(s, "ゆうちょ"); i >= 0 && !strings.HasPrefix(s[i+len("ゆうちょ"):], "銀行") {
		out = append(out, "ゆうちょ")
	}
	for _, n := range shopNamesEnding(s, []string{" Bank", "Bank", " BANK", "BANK"}, 20, nil) {
		if shopHasLatin(strings.TrimSuffix(strings.TrimSuffix(n, "Bank"), "BANK")) {
			out = append(out, n)
		}
	}
	return out
}

// shopBankStop are bank-name matches that name no bank.
var shopBankStop = shopMustRe(`^(?:各|当|他|指定|都市|地方|ネット|主要|取引|一部|各種|提携|国内|海外|全国|ご指定|大手|民間|外国)?(?:銀行|信用金庫|信金)$|支払|方法|決済|払|振込|振替|送金|手数料|口座|名義|番号`)

// shopBankPrefix are words glued before a bank name that are not part of it.
var shopBankPrefix = shopMustRe(`^(?:お?振り?込み?先|下記|以下|指定|ご指定|当店|弊社|金融機関)`)

// shopAccountLabelRe finds the labels of account blocks.
var shopAccountLabelRe = shopMustRe(`(?i)口座番号|口座名義|名義人|名義|口座名|受取人|口座種[別目類]|預金種[別目類]|支店名|店番|記号|振込先|お振込先|銀行名|金融機関名?|account\s?(?:number|name|holder|no)|beneficiary|bank\s?name`)

var (
	shopBankLabel   = shopLabel(`銀行名|金融機関名|金融機関|振込先銀行|Bank\s?name|Bank`)
	shopBranchLabel = shopLabel(`支店名|支店|店名|Branch\s?name|Branch`)
	shopNumberLabel = shopLabel(`口座番号|口座No\.?|Account\s?number|Account\s?No\.?`)
	shopHolderLabel = shopLabel(`口座名義人|口座名義|名義人|名義|口座名|受取人名|受取人|Account\s?(?:name|holder)|Beneficiary(?:\s?name)?`)
)

// shopLabel builds a label pattern: the label, then an optional 名/名称 and
// an optional parenthesised note (口座名義(カナ)).
func shopLabel(alts string) *shopRe {
	return shopMustRe(`(?i)^(?:` + alts + `)(?:名称|の名称|名)?(?:\s?\([^)]{0,10}\))?`)
}

var (
	shopBranchRe = shopMustRe(`本店(?:営業部)?|[〇一二三四五六七八九]{3}(?:\s?\([^)]{0,12}\))?店|店番(?:号)?\s?[:]?\s?[0-9]{3}`)
	shopTypeRe   = shopMustRe(`普通預金|普通|当座預金|当座|貯蓄預金|貯蓄|(?i:savings|checking)`)
	// shopYuchoMarkRe and shopYuchoNumRe are ゆうちょ's 記号 and 番号 on
	// lines of their own.
	shopYuchoMarkRe = shopMustRe(`^\s*記号\s?[:：]?\s?(1[0-9]{4})\s*$`)
	shopYuchoNumRe  = shopMustRe(`^\s*番号\s?[:：]?\s?([0-9]{5,8})(?:[^0-9]|$)`)
	shopYuchoRe     = shopMustRe(`記号\s?[:]?\s?(1[0-9]{4})[^0-9]{0,12}?番号\s?[:]?\s?([0-9]{5,8})|(?:^|[^0-9-])(1[0-9]{4})-([0-9]{5,8})(?:[^0-9-]|$)`)
	shopNumberRe    = shopMustRe(`(?:^|[^0-9-])([0-9]{7})(?:[^0-9-]|$)`)
	shopDigits6_8   = shopMustRe(`[0-9]{6,8}`)
	// shopHolderCut ends a holder value at the next field printed on the
	// same line, or at the request that follows it with its particle
	// ("グエン ヴァン ナム にお振込みください").
	shopHolderCut = shopMustRe(`\s*(?:口座番号|銀行名|支店名|口座種|預金種|店番|振込手数料|※|(?:に|へ|まで|宛に|宛てに)?\s?\(?お?振り?込).*$`)
	// shopHolderInlineRe finds a labelled holder inside a line:
	// "… 口座番号：2345678 口座名義：カ)サクラシヨウジ".
	shopHolderInlineRe = shopMustRe(`(?:口座名義人?|名義人|受取人名?)\s?(?:\([^)]{0,10}\))?\s?[:]\s?(.+)$`)
	// shopHolderLead is a holder label left at the head of a value, as in
	// "… 普通 2468013 口座名義 ワン ショウ" (a label with no colon).
	shopHolderLead = shopMustRe(`^\s*(?:口座名義人?|名義人?|受取人名?|口座名)\s?(?:\([^)]{0,10}\))?\s?[:]?\s*`)
	// shopNameOnlyRe matches a line that is only a name (kana, kanji or
	// latin words, with spaces, dots and bank markers).
	shopNameOnlyRe = shopMustRe(`^[\p{Katakana}\p{Hiragana}\p{Han}ー A-Za-z().・]{2,40}$`)
)

// Accounts returns the bank accounts printed on the site's pages (pages
// about fraud skipped), one per account even when pages repeat it. Each
// needs at least a bank with a number or a holder, or a number with a
// holder.
func Accounts(site *Site) []BankAccount {
	return siteDerive(site, memoAccounts, func(m *siteMemo) *[]BankAccount { return &m.accounts }, func() []BankAccount { return accountsUncached(site) })
}

// accountsUncached does Accounts's work; Accounts keeps its answer for the site.
func accountsUncached(site *Site) []BankAccount {
	var out []BankAccount
	seen := map[string]bool{}
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) {
			continue
		}
		for _, a := range shopPageAccountsKept(p) {
			if seen[a.Key()] {
				continue
			}
			seen[a.Key()] = true
			out = append(out, a)
		}
	}
	return out
}

// shopBankName returns the bank named in s (without glued prefixes such
// as 振込先), or "".
func shopBankName(s string) string {
	for _, m := range shopBankCandidates(s) {
		m = shopBankPrefix.ReplaceAllString(m, "")
		if m == "" || shopBankStop.MatchString(m) {
			continue
		}
		return m
	}
	if strings.Contains(s, "普通") || strings.Contains(s, "当座") {
		// An account written as SMS and chat write it, the bank's short
		// name without 銀行 (「三井住友 新宿 普通 7654321 ヤマモト ケンジ」,
		// 「SMBC 新宿 普通 …」): only with a type and a number after it.
		if m := shopShortBankRe.FindStringSubmatch(s); m != nil {
			return shopShortBanks[m[1]]
		}
	}
	return ""
}

// shopShortBanks maps the short names of the big banks, as an account
// line may give them, to their names; shopShortBankRe finds one before a
// branch word, an account type and a number.
var (
	shopShortBanks = map[string]string{
		"三井住友": "三井住友銀行", "SMBC": "三井住友銀行", "みずほ": "みずほ銀行", "三菱UFJ": "三菱UFJ銀行",
		"MUFG": "三菱UFJ銀行", "りそな": "りそな銀行", "楽天": "楽天銀行", "PayPay": "PayPay銀行",
	}
	shopShortBankRe = shopMustRe(`(?:^|[\s:：(（「])(三井住友|SMBC|みずほ|三菱UFJ|MUFG|りそな|楽天|PayPay)\s+\S{1,12}\s*(?:普通|当座)(?:預金)?\s*[0-9]{6,8}`)
)

// shopPageAccountsKept is shopPageAccounts, kept on the page (read only).
func shopPageAccountsKept(p *Page) []BankAccount {
	return pageDerive(p, pageAccounts, func(m *pageMemo) *[]BankAccount { return &m.accounts }, func() []BankAccount { return clip(shopPageAccounts(p)) })
}

// shopPageAccounts finds the account blocks of one page: runs of lines
// holding a bank name or an account label, no more than two lines apart,
// split where a second bank starts after a number or holder was read.
func shopPageAccounts(p *Page) []BankAccount {
	return shopLineAccounts(shopAccountLines(p), p.URL)
}

// shopLineAccounts is shopPageAccounts's work on lines (a page's, or a
// message's: mail-account-change reads the account a message gives), url
// the page's for the accounts found.
func shopLineAccounts(ls []string, url string) []BankAccount {
	ls = shopTransposeHeaderRows(ls)
	var out []BankAccount
	start, last := -1, -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		if a, ok := shopParseAccount(ls[start:end], url); ok {
			out = append(out, a)
		}
		start, last = -1, -1
	}
	for i, l := range ls {
		bank := shopBankName(l) != ""
		anchor := bank || shopAccountLabelRe.MatchString(l) ||
			start >= 0 && shopAccountFieldLine(l)
		if !anchor {
			if start >= 0 && i-last > 2 {
				flush(min(last+2, len(ls)))
			}
			continue
		}
		if start >= 0 && i-start >= shopMaxBlock {
			// No account takes this many lines: a list of banks, say.
			flush(i)
		}
		if start >= 0 && bank && i > start {
			// A new bank after a complete account starts a new block; so
			// does another bank than the one the block began with (a
			// ゆうちょ 振替 line the parser cannot complete, then the
			// 七十七銀行 account: the number is not ゆうちょ's).
			if a, ok := shopParseAccount(ls[start:i], url); ok && (a.Number != "" || a.Holder != "") {
				out = append(out, a)
				start, last = -1, -1
			} else if b := shopBankName(ls[start]); b != "" && b != shopBankName(l) {
				start, last = -1, -1
			}
		}
		if start < 0 {
			start = i
		}
		last = i
	}
	flush(min(last+2, len(ls)))
	return out
}

// shopTypeHeaderRe is an account type's column head, which the account
// labels do not take alone (種別: 口座種別 is one).
var shopTypeHeaderRe = shopMustRe(`^(?:口座|預金)?種[別目類]$`)

// shopHeaderCell reports whether l is an account table's column head: an
// account label with nothing after it.
func shopHeaderCell(l string) bool {
	return shopTypeHeaderRe.MatchString(l) || shopAccountLabelRe.MatchString(l) && shopBareAccountLabel(l)
}

// shopTransposeHeaderRows rewrites an account table printed as a row of
// column heads over a row of values (銀行名 支店名 口座種別 口座番号 口座名義 /
// 三井住友銀行 新宿支店 普通 2345678 ヤマモト ケンジ, one cell a line) as
// label-value lines (銀行名：三井住友銀行 …), blanking the values' lines, so
// that each value is read under its own head and not the next head's
// under the one before. ls itself is not changed.
func shopTransposeHeaderRows(ls []string) []string {
	var out []string
	for i := 0; i < len(ls); i++ {
		if !shopAccountLabelRe.MatchString(ls[i]) && !shopTypeHeaderRe.MatchString(ls[i]) {
			continue
		}
		k := 0
		for i+k < len(ls) && k < 8 && shopHeaderCell(ls[i+k]) {
			k++
		}
		if k < 2 || i+2*k > len(ls) || slices.ContainsFunc(ls[i+k:i+2*k], func(v string) bool {
			return v == "" || shopHeaderCell(v) || shopAccountLabelRe.MatchString(v) && RuneCount(v) <= 12 && !strings.ContainsAny(v, "0123456789")
		}) {
			if k > 1 {
				i += k - 1
			}
			continue
		}
		if out == nil {
			out = slices.Clone(ls)
		}
		for j := range k {
			out[i+j] = ls[i+j] + "：" + ls[i+k+j]
			out[i+k+j] = ""
		}
		i += 2*k - 1
	}
	if out == nil {
		return ls
	}
	return out
}

// shopAccountLines returns the page's lines with the labels of its form
// fields blanked. "口座名義（カナ） [      ]" on a refund or benefit form asks
// the visitor for an account: it names none, and the text after it (the
// form's 送信する button, the next field's label) is no holder. Only a
// bare account label is blanked: a field without a label of its own takes
// the text before it (an account line printed above a search box), and a
// line that names a bank, a number or a holder is kept whatever a field
// says of it (an aria-label copying the account would hide it).
func shopAccountLines(p *Page) []string {
	var labels map[string]bool
	for _, f := range p.Forms {
		for _, in := range f.Inputs {
			if in.Label == "" || !shopTypedField(in) {
				continue
			}
			if labels == nil {
				labels = map[string]bool{}
			}
			labels[in.Label] = true
		}
	}
	if labels == nil {
		return p.Lines
	}
	var out []string
	for i, l := range p.Lines {
		if labels[l] && shopBareAccountLabel(l) {
			if out == nil {
				out = slices.Clone(p.Lines)
			}
			out[i] = ""
		}
	}
	if out == nil {
		return p.Lines
	}
	return out
}

// shopBareAccountLabel reports whether l is an account field's label and
// nothing else (口座名義(カナ), 支店名, 口座番号).
func shopBareAccountLabel(l string) bool {
	if RuneCount(l) > 30 {
		return false
	}
	one := []string{l}
	for _, re := range []*shopRe{shopHolderLabel, shopNumberLabel, shopBankLabel, shopBranchLabel} {
		if v, ok := shopLabelValue(one, 0, re); ok && v == "" {
			return true
		}
	}
	return false
}

// shopTypedField reports whether a form field takes what the visitor
// types or picks (a name, a number, a bank from a list), as opposed to a
// button, a hidden value or a tick box.
func shopTypedField(in Input) bool {
	switch in.Type {
	case "hidden", "submit", "button", "reset", "image", "checkbox", "radio", "file":
		return false
	}
	return true
}

// shopAccountFieldLine reports whether a line, inside an account block,
// holds a field printed without its label: a branch (ロック支店(203),
// 〇一八店) or an account type with a number (普通預金 7123456). Blocks
// printed one field a line, unlabelled, then hold together.
func shopAccountFieldLine(l string) bool {
	if RuneCount(l) > 40 {
		return false
	}
	if (strings.Contains(l, "支店") || strings.Contains(l, "出張所") || strings.Contains(l, "営業部")) &&
		len(shopNamesEnding(l, []string{"支店", "出張所", "営業部"}, 12, nil)) > 0 || shopBranchRe.MatchString(l) {
		return true
	}
	return shopTypeRe.MatchString(l) && (shopNumberRe.MatchString(l) || shopDigits6_8.MatchString(l))
}

// shopLabelledBankHead returns the bank's name at the head of a bank
// label's value that runs on with the other fields (振込先銀行：三井住友
// 新宿支店（店番号221）普通預金 口座番号…): what comes before the branch or
// the first space, when that is a short name without digits; "" otherwise.
func shopLabelledBankHead(v string) string {
	head := v
	if i := strings.IndexAny(head, " 　"); i > 0 {
		head = head[:i]
	}
	for _, b := range shopNamesEnding(head, []string{"支店", "出張所", "営業部"}, 12, nil) {
		if i := strings.Index(head, b); i >= 0 {
			head = head[:i]
		}
	}
	head = strings.TrimSpace(head)
	if n := RuneCount(head); n < 2 || n > 12 || strings.ContainsAny(head, "0123456789（()）:：") || shopBankStop.MatchString(head) {
		return ""
	}
	return head
}

// shopMaxBlock bounds an account block, so that a page listing many banks
// costs linear time.
const shopMaxBlock = 24

// shopParseAccount reads the fields of one account block.
func shopParseAccount(block []string, url string) (BankAccount, bool) {
	var a BankAccount
	text := strings.Join(block, "\n")
	gate := shopAccountLabelGate()
	for i := range block {
		if !gate.may(block[i]) {
			continue // none of the four labels below
		}
		if v, ok := shopLabelValue(block, i, shopBankLabel); ok && a.Bank == "" && v != "" {
			if b := shopBankName(v); b != "" {
				a.Bank = b
			} else if RuneCount(v) <= 20 && !strings.ContainsAny(v, "0123456789") {
				a.Bank = v
			} else if b := shopLabelledBankHead(v); b != "" {
				a.Bank = b
			}
		}
		if v, ok := shopLabelValue(block, i, shopBranchLabel); ok && a.Branch == "" && v != "" && RuneCount(v) <= 20 {
			a.Branch = strings.TrimSpace(shopHolderCut.ReplaceAllString(v, ""))
		}
		if v, ok := shopLabelValue(block, i, shopNumberLabel); ok && a.Number == "" {
			if m := shopYuchoRe.FindStringSubmatch(v); m != nil {
				a.Number = shopYuchoNumber(m)
			} else if d := shopDigits6_8.FindString(v); d != "" {
				a.Number = d
			}
		}
		if v, ok := shopLabelValue(block, i, shopHolderLabel); ok && a.Holder == "" {
			a.Holder = shopCleanHolder(v)
		}
	}
	if a.Bank == "" {
		a.Bank = shopBankName(text)
	}
	if a.Branch == "" {
		if bs := shopNamesEnding(text, []string{"支店", "出張所", "営業部"}, 12, nil); len(bs) > 0 {
			a.Branch = bs[0]
		} else {
			a.Branch = shopBranchRe.FindString(text)
		}
	}
	a.Type = shopTypeRe.FindString(text)
	numberLine, numberEnd := -1, -1
	if a.Number == "" {
		for i, l := range block {
			if m := shopYuchoRe.FindStringSubmatchIndex(l); m != nil {
				if m[2] >= 0 {
					a.Number = l[m[2]:m[3]] + "-" + l[m[4]:m[5]]
					numberEnd = m[5]
				} else {
					a.Number = l[m[6]:m[7]] + "-" + l[m[8]:m[9]]
					numberEnd = m[9]
				}
				numberLine = i
				break
			}
		}
	}
	if a.Number == "" {
		// 記号 and 番号 on lines of their own (「記号 14050」「番号 38817261」,
		// as a payee-change mail lists them: p45 m36).
		for i := 0; i+1 < len(block); i++ {
			k := shopYuchoMarkRe.FindStringSubmatch(block[i])
			if k == nil {
				continue
			}
			if m := shopYuchoNumRe.FindStringSubmatchIndex(block[i+1]); m != nil {
				a.Number = k[1] + "-" + block[i+1][m[2]:m[3]]
				numberLine, numberEnd = i+1, m[3]
				break
			}
		}
	}
	if a.Number == "" {
		for i, l := range block {
			if m := shopNumberRe.FindStringSubmatchIndex(l); m != nil {
				a.Number = l[m[2]:m[3]]
				numberLine, numberEnd = i, m[3]
				break
			}
		}
	}
	if a.Holder == "" {
		for _, l := range block {
			if m := shopHolderInlineRe.FindStringSubmatch(l); m != nil {
				if a.Holder = shopCleanHolder(m[1]); a.Holder != "" {
					break
				}
			}
		}
	}
	if a.Holder == "" && numberLine >= 0 {
		// "三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ": the name after
		// the number on its line, or alone on the next line.
		a.Holder = shopCleanHolder(block[numberLine][numberEnd:])
		if a.Holder == "" && numberLine+1 < len(block) {
			if next := block[numberLine+1]; shopNameOnlyRe.MatchString(next) && shopBankName(next) == "" &&
				!shopAccountLabelRe.MatchString(next) && shopNextLineName(next) {
				a.Holder = shopCleanHolder(next)
			}
		}
	}
	if !(a.Bank != "" && (a.Number != "" || a.Holder != "") || a.Number != "" && a.Holder != "") {
		return a, false
	}
	a.URL = url
	a.BankKey = NormalizeBankName(a.Bank)
	a.BranchKey = NormalizeBranchName(a.Branch)
	a.NumberKey = shopYuchoAccountNumber(a.BankKey, a.Number)
	a.HolderKey = FoldKana(a.Holder)
	a.Kind, _ = ClassifyHolder(a.Holder)
	return a, true
}

// shopNotNameRe finds the words of a heading or a link that may follow an
// account printed without its holder (お届けについて, 特定商取引法に基づく表記
// ご利用ガイド, 会社概要, 返品・交換): no holder's name holds them.
var shopNotNameRe = shopMustRe(`について|表記|ガイド|概要|案内|方法|送料|配送|返品|交換|規約|ポリシー|問い?合わ?せ|注意|連絡|営業日|特定商取引|カート|ログイン|会員|ページ|トップ|ホーム|メニュー|ニュース|お知らせ|(?i)guide|policy|contact|about|home|shipping|returns`)

// shopNextLineName reports whether the line after an account's number,
// unlabelled, may be its holder's name: a company's name, or one with no
// hiragana (holders are written in katakana, kanji or Latin letters; a
// heading or a link list has particles) and none of a heading's words.
func shopNextLineName(l string) bool {
	if IsCorporateName(l) {
		return true
	}
	return !shopHasHiragana(l) && !shopNotNameRe.MatchString(l)
}

// shopYuchoAccountNumber is the number part of an account's key: its
// digits, and for a ゆうちょ 記号-番号 (12340-88776651) the account number
// other banks transfer to (8877665: the 番号 without its last digit, seven
// digits), so that a gang printing one account both ways (「記号 12340 番号
// 88776651」, 「二三八店 普通 8877665」) is one campaign, and a fraud list's
// entry matches either. A bank not named (a list entry's number alone) is
// taken for ゆうちょ: no other bank numbers accounts 5-and-8 digits so.
func shopYuchoAccountNumber(bankKey, number string) string {
	kigo, bango, ok := strings.Cut(number, "-")
	if !ok || bankKey != "" && bankKey != NormalizeBankName("ゆうちょ銀行") || len(kigo) != 5 || kigo[0] != '1' || len(bango) < 2 || len(bango) > 8 {
		return shopDigitsOnly(number)
	}
	n := shopDigitsOnly(bango[:len(bango)-1])
	if len(n) != len(bango)-1 {
		return shopDigitsOnly(number)
	}
	return strings.Repeat("0", max(0, 7-len(n))) + n
}

// shopYuchoNumber prints a ゆうちょ 記号-番号 match as 記号-番号.
func shopYuchoNumber(m []string) string {
	if m[1] != "" {
		return m[1] + "-" + m[2]
	}
	return m[3] + "-" + m[4]
}

// shopCleanHolder trims a holder value: separators, a trailing 様 or 宛,
// the fields that follow on the same line, and values that are not names.
func shopCleanHolder(v string) string {
	// A name ends before the sentence does (「… ヤマダ タロウ。ご不明な点は
	// 090-…」).
	v, _, _ = strings.Cut(v, "。")
	// A name quoted ends with its quote (「…普通 1234567 ニシムラ タカシ」など
	// の個人名義口座への): what follows is the sentence's.
	v, _, _ = strings.Cut(v, "」")
	v, _, _ = strings.Cut(v, "』")
	// Fields between slashes (「口座番号：1234567／名義：タナカ タロウ」): the
	// label follows the separator.
	v = shopHolderLead.ReplaceAllString(strings.TrimLeft(v, " |/、,"), "")
	v = shopHolderCut.ReplaceAllString(v, "")
	v = strings.Trim(v, " :|/、,")
	v = strings.TrimSuffix(strings.TrimSuffix(v, "様"), "宛")
	if i := shopOuterClose(v); i >= 0 {
		// The close of a bracket around the whole account line
		// (「銀行振込（北洋銀行 … ノムラ リヨウ）」, 「…サトウ アカリ）、
		// クレジットカード」 where the list of methods goes on, and
		// 「…カ）エテルナギンザ）。通販は…」 where the text does).
		rest := strings.TrimSpace(v[i+1:])
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || strings.ContainsRune("、,/|;・。", r) {
			v = v[:i]
		}
	}
	v = strings.TrimSpace(v)
	if k := strings.LastIndexByte(v, '('); k > 0 && strings.HasSuffix(v, ")") && shopHasHiragana(v[k:]) {
		// A note after the name (「コバヤシ ケンジ（弊社代表 小林健二の
		// 名義口座となります）」), not a mark or a reading.
		v = strings.TrimSpace(v[:k])
	} else if k > 0 && strings.HasSuffix(v, ")") && shopKanjiPersonName(v[:k]) && shopKanaName(v[k+1:len(v)-1]) {
		// A name in kanji with its reading (「佐藤 健二（サトウ ケンジ）」):
		// the account is held in the reading, as the bank prints it
		// (p45 m36; a holder key with the kanji kept no other message's).
		v = strings.TrimSpace(v[k+1 : len(v)-1])
	}
	if v == "" || RuneCount(v) > 40 || strings.ContainsAny(v, "0123456789@") {
		return ""
	}
	return v
}

// shopKanjiPersonName reports whether s reads as a person's name in
// kanji: two to six kanji (a space between family and given name
// allowed), not ending as a body's name does (日本赤十字社, 〇〇協会, 〇〇寺).
func shopKanjiPersonName(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	n := RuneCount(s)
	if n < 2 || n > 6 || strings.ContainsFunc(s, func(r rune) bool { return !shopIsHan(r) && r != '々' }) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("社会団所院寺局部課庁省店堂館園協組校署", last)
}

// shopKanaName reports whether s is a name in kana (spaces and ・ between
// its words allowed): a reading. shopCleanHolder asks only of brackets
// without hiragana, so it is a katakana reading there.
func shopKanaName(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !shopIsKana(r) && r != ' ' && r != '　' && r != '・'
	})
}

// shopHasHiragana reports whether s holds a hiragana letter.
func shopHasHiragana(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Hiragana, r) }) >= 0
}

// shopOuterClose returns the index of the first ')' of a holder value
// that closes no '(' of it and is no company mark (the カ) of カ)ヤマダ,
// which a name follows), -1 when there is none.
func shopOuterClose(v string) int {
	depth := 0
	for i, r := range v {
		switch {
		case r == '(':
			depth++
		case r != ')':
		case depth > 0:
			depth--
		case !shopMarkIs(v[:i]):
			return i
		}
	}
	return -1
}

// shopMarkIs reports whether head, the value before a ')', is a corporate
// abbreviation (カ, ユ, 株 …): bank kana print the mark before the name.
func shopMarkIs(head string) bool {
	word := FoldKana(strings.TrimSpace(head))
	return word != "" && slices.Contains(shopNames().abbrevs, word)
}

// NormalizeBankName is the comparison form of a bank name: folded, without the
// 銀行/信用金庫/信金/… suffix, so that "三井住友銀行" and "三井住友" match.
func NormalizeBankName(bank string) string {
	f := FoldKana(bank)
	for _, suf := range []string{"銀行", "信用金庫", "信金", "信用組合", "信組", "労働金庫", "BANK"} {
		f = strings.TrimSuffix(f, suf)
	}
	return f
}

// NormalizeBranchName is the comparison form of a branch: folded, without the
// 支店/店/出張所 suffix.
func NormalizeBranchName(branch string) string {
	f := FoldKana(branch)
	for _, suf := range []string{"支店", "出張所", "店"} {
		f = strings.TrimSuffix(f, suf)
	}
	return f
}

// shopAccountEvidence prints an account for evidence:
// 「口座名義：ヤマダ ハナコ (三井住友銀行 新宿支店)」.
func shopAccountEvidence(a BankAccount) string {
	return fmt.Sprintf("口座名義: %s (%s)", a.Holder, shopAccountWhere(a))
}

// shopAccountEvidenceEN is shopAccountEvidence for an English reader.
func shopAccountEvidenceEN(a BankAccount) string {
	return fmt.Sprintf("account holder: %s (%s)", a.Holder, shopAccountWhere(a))
}

// shopAccountWhere is where an account is kept: its bank and branch, or
// its number when neither is known.
func shopAccountWhere(a BankAccount) string {
	if where := strings.TrimSpace(a.Bank + " " + a.Branch); where != "" {
		return where
	}
	return a.Number
}

// shopPersonalRule is account-personal-name.
func shopPersonalRule() Rule {
	return Rule{
		ID: "account-personal-name", Severity: Medium, Points: 15, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "振込先口座の名義が会社ではなく個人名",
			EN: "the transfer account is held in an individual's name, not a company's",
		},
		Message: Text{
			JA: "振込先の口座名義が個人名です。詐欺サイトでは、販売業者と関係のない個人名義の口座がよく使われます。「特定商取引法に基づく表記」の販売者（店主）と同じ人か確かめてください。",
			EN: "The transfer account is in a private person's name. Fraudulent shops often use accounts of people unrelated to the seller: check that it is the same person as the seller (owner) in the legal disclosure (特定商取引法に基づく表記).",
		},
		Check: func(site *Site) []Finding {
			var fs []Finding
			var after *Evidence
			read := false // Payments only for a site with a personal account (few)
			for _, a := range Accounts(site) {
				if !a.Kind.Personal() || a.Holder == "" {
					continue
				}
				if !read {
					after, read = Payments(site).AfterDelivery, true
				}
				if after != nil {
					// Paid after the goods arrive (an enclosed slip, a
					// farm's invoice): whose account it is puts nothing
					// at risk, and the usual warning would mislead.
					fs = append(fs, Finding{Evidence: shopAccountEvidence(a) + " ※後払い: " + shopClip(after.Text, 60), URL: a.URL,
						EvidenceEN: shopAccountEvidenceEN(a) + " — paid after delivery: " + shopClip(after.Text, 60),
						Severity:   Low, Points: 5, Message: Text{
							JA: "振込先は個人名義の口座ですが、支払いは商品が届いてからの後払いです。届いた商品を確かめてから払えるので、前払いの振込より安心な払い方です。",
							EN: "The transfer account is in a private person's name, but payment is made after the goods arrive: you can check what you received before paying, which is safer than paying in advance.",
						}})
					continue
				}
				ev, evEN := shopAccountEvidence(a), shopAccountEvidenceEN(a)
				if a.Kind == HolderSoleProprietor {
					ev += " ※屋号+個人名 (個人事業主の口座)"
					evEN += " — a trade name and a person's name (a sole proprietor's account)"
				}
				f := Finding{Evidence: ev, EvidenceEN: evEN, URL: a.URL}
				line := shopOwnersAccount(site, a)
				if line == "" {
					// The reader can compare what the tool cannot (佐藤 由美
					// beside サトウ ユミ): the seller the disclosure names.
					if who := shopDisclosedPerson(site); who != "" {
						f.EvidenceEN += " / the seller in the disclosure: " + shopClip(who, 60)
						f.Evidence += " / 特商法表記の販売者: " + shopClip(who, 60)
					}
				}
				if line == "" && shopOthersOffered(site) {
					// The buyer need not pay into it: cards, cash on
					// delivery or a platform's checkout are offered too
					// (a doujin circle's BOOTH beside its own mail order).
					f.Severity, f.Points = Low, 5
					f.Message = Text{
						JA: "振込先の口座名義が個人名です。このサイトでは振込のほかの支払方法（カード・代金引換など）も選べると書かれています。振込を選ぶなら、販売者本人の口座か確かめてください。届かなかったとき、前払いの振込はカードや代金引換より取り戻しにくい払い方です。",
						EN: "The transfer account is in a private person's name. The site says other ways to pay (card, cash on delivery …) can be chosen too; if you choose the transfer, check that the account is the seller's own. A prepaid transfer is harder to get back than a card payment or cash on delivery if nothing arrives.",
					}
				}
				if line != "" {
					// The seller is a person (a farm, a sole trader) who
					// prints the holder's reading as their own: the
					// account is the seller's, not somebody else's.
					f.Evidence += " ※表記の販売者本人: " + shopClip(line, 60)
					f.EvidenceEN += " — the seller named in the disclosure: " + shopClip(line, 60)
					f.Severity, f.Points = Low, 5
					f.Message = Text{
						JA: "振込先は、特定商取引法の表記にある販売者本人（個人の店）の名義です。個人の店ではふつうのことですが、前払いの振込は、カードや代金引換と違って取り戻しにくい払い方です。",
						EN: "The transfer account is held by the seller named in the legal disclosure (a one-person shop). That is normal for such shops, but a prepaid transfer is harder to get back than a card payment or cash on delivery.",
					}
				}
				fs = append(fs, f)
			}
			return fs
		},
	}
}

// shopOthersOffered reports whether the site offers a way to pay that is no
// prepayment into someone's account (shopOtherMethods), and no sentence
// saying transfer is the only one outweighs it (OnlyOverrides): the test
// payment-transfer-only makes.
func shopOthersOffered(site *Site) bool {
	info := Payments(site)
	return shopOtherMethods(info) > 0 && !info.OnlyOverrides
}

// shopOwnersAccount returns the seller as the disclosure names it when the
// personal account's holder is the person it names, in the same reading,
// when the seller is no company: the seller field itself (山元いちご園（代表
// 山本 健一／ヤマモト ケンイチ）against ヤマモト ケンイチ), or the 運営責任者 or
// 代表者 line of a shop name, which names no person (「販売業者：手作り工房
// あかり」「運営責任者：佐藤 明里」 against サトウ アカリ: the law asks a
// one-person shop for the owner's name, and the owner's own account is
// what such shops are paid into). "" otherwise. A company that takes
// payment into a person's account stays as it is. A fake shop may print
// its money mule's name there, as it may in the seller field: the other
// signs carry it then.
func shopOwnersAccount(site *Site, a BankAccount) string {
	if utf8.RuneCountInString(a.HolderKey) < 4 {
		return ""
	}
	for _, d := range Disclosures(site) {
		if d.Seller == "" || IsCorporateName(d.Seller) || shopAccountLineRe.MatchString(d.Seller) {
			continue
		}
		if strings.Contains(FoldKana(d.Seller), a.HolderKey) {
			return d.Seller
		}
		if a.Kind == HolderSoleProprietor && shopSameTradeWord(d.Seller, a.HolderKey) {
			return d.Seller
		}
		if shopSameSurname(d.Seller, a) {
			return d.Seller
		}
		if m := d.Manager; m != "" && !IsCorporateName(m) && (strings.Contains(FoldKana(m), a.HolderKey) || shopSameSurname(m, a)) {
			return d.Seller + "（" + m + "）"
		}
	}
	return ""
}

// shopSurnames is data/shop_surnames.txt: each surname with its readings,
// folded (FoldKana), longest first by bytes (all kanji: 佐々木 before 佐々).
var shopSurnames = sync.OnceValue(func() []shopSurname {
	var out []shopSurname
	for _, l := range lines("shop_surnames.txt") {
		f := strings.Fields(l)
		if len(f) < 2 {
			panic("rules: shop_surnames.txt: want SURNAME READING...: " + l)
		}
		n := shopSurname{kanji: f[0]}
		for _, r := range f[1:] {
			n.readings = append(n.readings, FoldKana(r))
		}
		out = append(out, n)
	}
	slices.SortStableFunc(out, func(a, b shopSurname) int { return len(b.kanji) - len(a.kanji) })
	return out
})

type shopSurname struct {
	kanji    string
	readings []string
}

// shopSameSurname reports whether the seller's own field names a person
// (a surname of the table followed by a space or a given name in kanji)
// whose surname's reading begins the personal account's holder (after
// the trade name, for a 屋号+個人名 holder): 「ベーカリー 麦のき（渋谷 陽介）」
// beside シブヤ ヨウスケ.
func shopSameSurname(seller string, a BankAccount) bool {
	if !strings.ContainsFunc(seller, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return false
	}
	held := ""
	for _, n := range shopSurnames() {
		i := strings.Index(seller, n.kanji)
		if i < 0 {
			continue
		}
		if i > 0 {
			// The surname starts a name: after a bracket, a space, a
			// label or the start, not inside a word (山田 in 小山田).
			p, _ := utf8.DecodeLastRuneInString(seller[:i])
			if unicode.Is(unicode.Han, p) || unicode.In(p, unicode.Hiragana, unicode.Katakana) {
				continue
			}
		}
		next, _ := utf8.DecodeRuneInString(seller[i+len(n.kanji):])
		if next != ' ' && next != '　' && !unicode.Is(unicode.Han, next) {
			continue
		}
		if held == "" {
			if held = shopHolderSurname(a); held == "" {
				return false
			}
		}
		for _, r := range n.readings {
			if r == held {
				return true
			}
		}
	}
	return false
}

// shopHolderSurname is the reading of the surname a personal holder begins
// with (after the trade name of a 屋号+個人名 holder): the name's first word
// when the bank spaced it (ハラダ ミキ), else the longest reading of the
// table that begins it (ハラダミキ is ハラダ, not ハラ); "" when none does.
func shopHolderSurname(a BankAccount) string {
	words := strings.Fields(NormalizeKana(a.Holder))
	if a.Kind == HolderSoleProprietor && len(words) > 1 {
		words = words[1:] // the trade name first
	}
	if len(words) > 1 {
		return FoldKana(words[0])
	}
	key := FoldKana(strings.Join(words, ""))
	best := ""
	for _, n := range shopSurnames() {
		for _, r := range n.readings {
			if len(r) > len(best) && strings.HasPrefix(key, r) && len(key) > len(r) {
				best = r
			}
		}
	}
	return best
}

// shopTradeReadings is data/shop_trade_readings.txt: a trade name's last
// word and its reading, folded (FoldKana).
var shopTradeReadings = sync.OnceValue(func() [][2]string {
	var out [][2]string
	for _, l := range lines("shop_trade_readings.txt") {
		f := strings.Fields(l)
		if len(f) != 2 {
			panic("rules: shop_trade_readings.txt: want WORD READING: " + l)
		}
		out = append(out, [2]string{f[0], FoldKana(f[1])})
	}
	return out
})

// shopSameTradeWord reports whether the seller's trade name and a 屋号 +
// 個人名 holder (folded) end their trade names in the same generic word,
// each after a name of its own: 林牧場 beside ハヤシボクジヨウハヤシカズオ,
// あやめ書房 beside アヤメシヨボウイトウタケシ.
func shopSameTradeWord(seller, holderKey string) bool {
	for _, p := range shopTradeReadings() {
		i := strings.Index(seller, p[0])
		j := strings.Index(holderKey, p[1])
		if i <= 0 || j <= 0 || len(holderKey) <= j+len(p[1]) {
			continue
		}
		// The names before the word: compared when the seller's is
		// written in kana or Latin letters (グリーン商店 is not
		// ヤマダシヨウテン); a kanji name cannot be, and stands.
		from := 0
		if k := strings.LastIndexAny(seller[:i], " 　(（:："); k >= 0 {
			_, w := utf8.DecodeRuneInString(seller[k:])
			from = k + w
		}
		name := strings.TrimSpace(seller[from:i])
		if !strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Han, r) }) && FoldKana(name) != holderKey[:j] {
			continue
		}
		return true
	}
	return false
}

// shopDisclosedPerson returns the seller the disclosure names, with its
// manager when they differ ("" when there is no disclosure or it names a
// company): shown beside a personal account's holder for the reader to
// compare, as kanji and the bank's kana cannot be compared here.
func shopDisclosedPerson(site *Site) string {
	for _, d := range Disclosures(site) {
		if d.Seller == "" || IsCorporateName(d.Seller) || shopAccountLineRe.MatchString(d.Seller) {
			continue
		}
		if d.Manager != "" && !strings.Contains(d.Seller, d.Manager) {
			return d.Seller + "（" + d.Manager + "）"
		}
		return d.Seller
	}
	return ""
}

// shopAccountLineRe marks a line that prints a transfer account.
var shopAccountLineRe = shopMustRe(`口座|振込|振替|普通|当座|銀行|支店|金庫`)

// shopMismatchRule is account-name-mismatch.
func shopMismatchRule() Rule {
	return Rule{
		ID: "account-name-mismatch", Severity: High, Points: 25, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "振込先口座の名義が特定商取引法の表記の販売業者と違う（会社なのに個人名義など）",
			EN: "the account holder is not the seller named in the 特定商取引法 disclosure (e.g. a company seller with a personal account)",
		},
		Message: Text{
			JA: "振込先口座の名義が、特定商取引法の表記にある販売業者と一致しません。",
			EN: "The transfer account's holder does not match the seller named in the legal disclosure.",
		},
		Check: func(site *Site) []Finding {
			accounts := Accounts(site)
			if len(accounts) == 0 {
				return nil
			}
			seller := ""
			for _, d := range Disclosures(site) {
				if d.Seller != "" {
					seller = d.Seller
					break
				}
			}
			if seller == "" {
				return nil
			}
			var fs []Finding
			for _, a := range accounts {
				if a.Holder == "" || a.Kind == HolderPlatform {
					continue
				}
				if !IsCorporateName(seller) && shopOwnersAccount(site, a) != "" {
					// The holder is the person the disclosure names for a
					// shop name (its owner): no other person's account.
					continue
				}
				fire := false
				if IsCorporateName(seller) && a.Kind.Personal() {
					fire = true
				} else if differ, ok := shopNamesDiffer(seller, a.Holder); ok && differ {
					fire = true
				} else if differ, ok := shopCompaniesDiffer(seller, a.Holder); ok && differ && IsCorporateName(seller) && a.Kind == HolderCorporate {
					fire = true
				}
				if fire {
					fs = append(fs, Finding{
						Evidence:   fmt.Sprintf("販売業者: %s / 口座名義: %s", shopClip(seller, 40), a.Holder),
						EvidenceEN: fmt.Sprintf("seller: %s / account holder: %s", shopClip(seller, 40), a.Holder),
						URL:        a.URL,
					})
				}
			}
			return fs
		},
	}
}

// shopListedRule is account-listed.
func shopListedRule() Rule {
	return Rule{
		ID: "account-listed", Severity: High, Points: 60, Topic: "shopping", NeedsPage: true,
		Summary: Text{
			JA: "振込先口座が既知の詐欺口座リスト（--rules で指定）に一致",
			EN: "the transfer account matches a known-fraud account list given with --rules",
		},
		Message: Text{
			JA: "振込先口座が、詐欺に使われた口座のリストに一致します。振り込まないでください。",
			EN: "The transfer account matches a list of accounts used in fraud. Do not pay into it.",
		},
		Check: func(site *Site) []Finding {
			if site.Data == nil || len(site.Data.FraudAccounts) == 0 {
				return nil
			}
			var fs []Finding
			for _, a := range Accounts(site) {
				for _, f := range site.Data.FraudAccounts {
					if fields, ok := AccountMatches(a, f); ok {
						fs = append(fs, Finding{
							Evidence:   fmt.Sprintf("%s (一致: %s)", a.Describe(), strings.Join(fields, "・")),
							EvidenceEN: fmt.Sprintf("%s (matching: %s)", a.Describe(), strings.Join(fields, ", ")),
							URL:        a.URL,
						})
						break
					}
				}
			}
			return fs
		},
	}
}

// AccountMatches reports whether a printed account matches a listed one,
// and on which fields. Empty fields of the listed account match anything,
// but a listed account with every field empty matches nothing; a field
// the listed account has must be printed and equal: numbers on digits,
// holders on folded kana, banks without their 銀行 suffix, branches
// without 支店.
func AccountMatches(a BankAccount, f Account) (fields []string, ok bool) {
	check := func(name, want, got string) bool {
		if want == "" {
			return true
		}
		if got == "" || want != got {
			return false
		}
		fields = append(fields, name)
		return true
	}
	if f.Bank == "" && f.Branch == "" && f.Number == "" && f.Holder == "" {
		return nil, false
	}
	branch := NormalizeBranchName(f.Branch)
	if a.BranchKey == "" && a.NumberKey != "" || !shopBranchComparable(branch, a.BranchKey) {
		// 渋谷 against 234 or シブヤ, or a branch not printed beside a
		// number: cannot tell, so no mismatch.
		branch = ""
	}
	if !check("番号", shopYuchoAccountNumber(NormalizeBankName(f.Bank), f.Number), a.NumberKey) ||
		!check("名義", FoldKana(f.Holder), a.HolderKey) ||
		!check("銀行", NormalizeBankName(f.Bank), a.BankKey) ||
		!check("支店", branch, a.BranchKey) {
		return nil, false
	}
	return fields, true
}

// shopBranchComparable reports whether two normalised branch names are
// written alike, so that their difference means another branch: both
// numbers, both with kanji, or both in kana or latin letters. A branch is
// printed as 渋谷支店, 234支店 or シブヤ, and no table here tells which
// number or reading a name has.
func shopBranchComparable(a, b string) bool {
	kind := func(s string) int {
		switch {
		case s == "":
			return 0
		case shopDigitsOnly(s) == s:
			return 1
		case strings.ContainsFunc(s, shopIsHan):
			return 2
		}
		return 3
	}
	return kind(a) == kind(b) || kind(a) == 0 || kind(b) == 0
}
