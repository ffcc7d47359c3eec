package rules

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestFoldKana(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"},
		{"やまだ たろう", "ヤマダタロウ"},
		{"ヤマダ・タロウ", "ヤマダタロウ"},
		{"ショウジ", "シヨウジ"},
		{"ｼﾖｳｼﾞ", "シヨウジ"},
		{"シヨウシ゛", "シヨウジ"},            // spacing dakuten U+309B
		{"シヨウシ\u3099", "シヨウジ"},       // combining dakuten
		{"ハ゜ン", "パン"},                // spacing handakuten U+309C
		{"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "カ)ヤマダシヨウジ"}, // half-width parenthesis
		{"（カ）ヤマダ", "(カ)ヤマダ"},         // full-width parentheses
		{"ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシヤ"},
		{"Taro Yamada", "TAROYAMADA"},
		{"キャッシュ", "キヤツシユ"},
		{"コーヒー", "コヒ"},
	}
	for _, c := range cases {
		if got := FoldKana(c.in); got != c.want {
			t.Errorf("FoldKana(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// NFKC'd page text of a spacing dakuten is a space plus the combining
	// mark; it must join too.
	if got := NormalizeKana(NFKC("カ゛ス")); got != "ガス" {
		t.Errorf("NormalizeKana(NFKC(カ゛ス)) = %q, want ガス", got)
	}
}

func TestParsePrices(t *testing.T) {
	cases := []struct {
		in   string
		want []int
	}{
		{"¥1,234", []int{1234}},
		{"1,234円", []int{1234}},
		{"￥1,234(税込)", []int{1234}},
		{"1234円(税込)", []int{1234}},
		{"１，２３４円", []int{1234}},
		{"定価 ¥38,000 → ¥4,980", []int{38000, 4980}},
		{"1万2,000円", []int{12000}},
		{"3万円", []int{30000}},
		{"\\980", []int{980}},
		{"JPY 5,500", []int{5500}},
		{"型番 AB1234 送料0円", nil},    // 0 is no price
		{"品番12345円", []int{12345}}, // kanji before digits is fine
		{"2024年1月1日", nil},
		{"70%OFF", nil},
	}
	for _, c := range cases {
		var got []int
		for _, p := range ParsePrices(c.in) {
			got = append(got, p.Yen)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParsePrices(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := FormatYen(1580000); got != "¥1,580,000" {
		t.Errorf("FormatYen = %q", got)
	}
	if got := FormatYen(980); got != "¥980" {
		t.Errorf("FormatYen = %q", got)
	}
}

func TestFindPhones(t *testing.T) {
	cases := []struct {
		in   string
		want []string // digits
	}{
		{"TEL 03-1234-5678", []string{"0312345678"}},
		{"電話：０３－１２３４－５６７８", []string{"0312345678"}},
		{"03ー1234ー5678", []string{"0312345678"}},
		{"03−1234−5678", []string{"0312345678"}},
		{"(03)1234-5678", []string{"0312345678"}},
		{"03(6802)1234", []string{"0368021234"}},
		{"０３（６８０２）１２３４", []string{"0368021234"}},
		{"携帯 090-1234-5678", []string{"09012345678"}},
		// rev25 QA: dots between the groups (℡ is TEL after NFKC); a date,
		// a version and a longer dotted number are no phone.
		{"℡ 090.8765.4321", []string{"09087654321"}},
		{"03.1234.5678まで", []string{"0312345678"}},
		{"更新日 2026.12.01 ver 0.12.3456", nil},
		{"03.1234.5678.9", nil},
		{"0120-123-456", []string{"0120123456"}},
		{"+81 3-1234-5678", []string{"0312345678"}},
		{"0312345678", []string{"0312345678"}},
		{"〒060-0001", nil},    // postcode
		{"口座番号 1234567", nil}, // account number
		{"2024-01-01", nil},
		{"03-1234-56789", nil}, // too long
	}
	for _, c := range cases {
		var got []string
		for _, p := range FindPhones(c.in) {
			got = append(got, PhoneDigits(p))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("FindPhones(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestFindAddress(t *testing.T) {
	full := []string{
		"〒160-0023 東京都新宿区西新宿1丁目2-3",
		"東京都港区六本木三丁目2番1号",
		"宮城県仙台市青葉区中央2-5-10",
		"大阪府大阪市北区梅田１－２－３",
		"北海道札幌市中央区北1条西2丁目",
		"神奈川県横浜市西区みなとみらい2ー3ー1",
		"長野県北佐久郡軽井沢町軽井沢1323",
		"札幌市中央区南7条西12丁目3-18",
		"横浜市西区北幸2-8-29",
		"新宿区西新宿2-8-1",
	}
	for _, a := range full {
		if FindAddress(NFKC(a)) == "" {
			t.Errorf("FindAddress(%q) found nothing", a)
		}
	}
	partial := []string{
		"東京都新宿区",    // no block number
		"札幌市中央区",    // no block number
		"港区の3店舗で販売", // a ward, no block number
		"東京都内に3店舗",  // no city
		"都道府県・市区町村から番地まで1つずつ",    // not an address
		"所在地：請求があれば遅滞なく開示いたします。", // withheld
	}
	for _, a := range partial {
		if got := FindAddress(NFKC(a)); got != "" {
			t.Errorf("FindAddress(%q) = %q, want none", a, got)
		}
	}
}

func TestFindEmails(t *testing.T) {
	got := FindEmails(NFKC("連絡先：Shop.Info@Example.co.jp / support[at]gmail.com / ｉｎｆｏ＠ｙａｈｏｏ．ｃｏ．ｊｐ"))
	want := []string{"shop.info@example.co.jp", "support@gmail.com", "info@yahoo.co.jp"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindEmails = %v, want %v", got, want)
	}
	if got := FindEmails("@gmail.com などのフリーメール"); len(got) != 0 {
		t.Errorf("a bare domain is no address: %v", got)
	}
}

func TestShopSentences(t *testing.T) {
	got := shopSentences("クレジットカードは使えません。銀行振込のみです! 本当? はい")
	want := []string{"クレジットカードは使えません。", "銀行振込のみです!", "本当?", "はい"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shopSentences = %q, want %q", got, want)
	}
}

func TestFreeMailDomain(t *testing.T) {
	free := []string{"a@gmail.com", "a@yahoo.co.jp", "a@gmx.de", "a@gmx.co.uk", "a@yandex.ru", "a@qq.com", "a@outlook.jp", "a@Hotmail.co.jp", "b@mail.yahoo.co.jp"}
	for _, e := range free {
		if !FreeMailDomain(e) {
			t.Errorf("%s should be free mail", e)
		}
	}
	paid := []string{"a@docomo.ne.jp", "a@ezweb.ne.jp", "a@yamabiko-shop.co.jp", "a@gmx.example.com", "a@notgmail.com", "a@gmail.com.evil.example",
		"store@shopping.yahoo.co.jp", "store@x.shopping.yahoo.co.jp"}
	for _, e := range paid {
		if FreeMailDomain(e) {
			t.Errorf("%s should not be free mail", e)
		}
	}
}

// shopCorpus returns lines to test the text helpers on: every line of every
// fixture site, each whole page text, and lines made to trip the
// prefilters (upper case, full-width forms, near misses).
func shopCorpus(t *testing.T) []string {
	var out []string
	for _, name := range []string{"fake-utf8", "honest-company", "sole-proprietor", "base-shop"} {
		_, _, pages := shopFixturePages(t, name)
		for _, p := range pages {
			out = append(out, p.Text, p.Title)
			out = append(out, p.Lines...)
		}
	}
	out = append(out,
		"PAYMENT: WE ONLY ACCEPT BANK TRANSFER", "Visa・MasterCard・JCB", "ADD TO CART", "税込価格 1,000円",
		"振り込め詐欺", "お振込み先：ゆうちょ銀行", "SCAM ALERT", "Mail: SHOP@EXAMPLE.COM", "shop [at] example.com",
		"TEL：０３－１２３４－５６７８", "(03)1234-5678 / +81 90-1234-5678", "〒100-0001 東京都千代田区千代田1-1",
		"札幌市中央区南7条西12丁目3-18", "中央区銀座4-6-16 (本店)", "振込先 普通 2468013 口座名義 ワン ショウ",
		"予約商品のお支払いは銀行振込のみ", "商品到着後にお振込みください", "銀行振込(後払い)",
		"", "a", "銀", "ー", "\xff\xfe broken utf-8 \xe3\x81", "𠮟る ABC 𩸽")
	return out
}

// TestShopRePrefilterAgrees checks that the literal prefilters never change
// an answer: every expression of the shop signs, with and without its
// prefilter, on the corpus.
func TestShopRePrefilterAgrees(t *testing.T) {
	res := []*shopRe{shopScamWordRe, shopScamPageRe, shopPriceRe, shopPhoneRe, shopEmailRe,
		shopPayNegRe, shopPayPosRe, shopPayCondRe, shopPayOnlyRe, shopPayOnlyBeforeRe, shopRefundRe,
		shopPayWordRe, shopQuestionRe, shopAccountLabelRe, shopBankLabel, shopBranchLabel, shopNumberLabel,
		shopHolderLabel, shopBranchRe, shopTypeRe, shopYuchoRe, shopNumberRe, shopHolderCut, shopNameOnlyRe,
		shopHolderInlineRe, shopBankStop, shopBankPrefix, shopDiscTitleRe, shopDiscHrefRe, shopSellerLabel,
		shopManagerLabel, shopAddressLabel, shopPhoneLabel, shopMailLabelRe, shopWithheldRe, shopPlatformWordRe,
		shopMailAdviceRe, shopCartRe, shopRegularRe, shopSaleRe, shopRepresentativeRe, shopNames().latinRe,
		shopOnlyCondRe, shopPayAfterRe, shopPayOnlyStrongRe, shopHolderLead, shopAddressRe}
	res = append(res, shopPayMethods().res...)
	prefiltered := 0
	for _, r := range res {
		// The finite matcher answering for the whole expression is the
		// fastest prefilter of all: it leaves nothing to the regexp.
		if f := r.finite(); f.fin != nil && f.rest == nil && f.fin.tail == nil || r.prefilter().idx != nil || r.prefilter().anchored {
			prefiltered++
		}
	}
	if prefiltered < len(res)/2 {
		t.Errorf("only %d of %d expressions have a prefilter", prefiltered, len(res))
	}
	for _, s := range shopCorpus(t) {
		for _, r := range res {
			if got, want := r.MatchString(s), r.Regexp().MatchString(s); got != want {
				t.Errorf("%s on %q: MatchString %v, want %v", r, Clip(s, 40), got, want)
			}
			if got, want := r.FindAllStringIndex(s, -1), r.Regexp().FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: FindAllStringIndex %v, want %v", r, Clip(s, 40), got, want)
			}
			var got [][]int
			for _, m := range r.appendAll(nil, s) {
				got = append(got, []int{m[0], m[1]})
			}
			if want := r.Regexp().FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: appendAll %v, want %v", r, Clip(s, 40), got, want)
			}
		}
	}
}

// TestShopFindersAgree checks the windowed finders against running their
// expressions over the whole text.
func TestShopFindersAgree(t *testing.T) {
	for _, s := range shopCorpus(t) {
		if got, want := FindPhones(s), shopFindPhonesSlow(s); !reflect.DeepEqual(got, want) {
			t.Errorf("FindPhones(%q) = %q, want %q", Clip(s, 40), got, want)
		}
		if got, want := FindAddress(s), strings.TrimSpace(shopAddressRe.Regexp().FindString(shopNormDashes(s))); got != want {
			t.Errorf("FindAddress(%q) = %q, want %q", Clip(s, 40), got, want)
		}
		var wantMail []string
		for _, m := range shopEmailRe.Regexp().FindAllString(s, -1) {
			m = strings.ToLower(m)
			for _, d := range []string{"[at]", "(at)", "＠"} {
				m = strings.Replace(m, d, "@", 1)
			}
			wantMail = append(wantMail, strings.ReplaceAll(m, " ", ""))
		}
		if got := FindEmails(s); !reflect.DeepEqual(got, wantMail) {
			t.Errorf("FindEmails(%q) = %q, want %q", Clip(s, 40), got, wantMail)
		}
		// The payment search equals running every method's expression.
		var want []string
		for _, m := range shopFindMethodsSlow(s) {
			want = append(want, m.id+":"+s[m.start:m.end])
		}
		var got []string
		for _, m := range shopFindMethods(s) {
			got = append(got, m.id+":"+s[m.start:m.end])
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("shopFindMethods(%q) = %q, want %q", Clip(s, 40), got, want)
		}
	}
}

// shopFindPhonesSlow is FindPhones running its expression over the whole
// text.
func shopFindPhonesSlow(s string) []string {
	s = shopNormDashes(NFKC(s))
	var out []string
	for _, loc := range shopPhoneRe.Regexp().FindAllStringIndex(s, -1) {
		if loc[0] > 0 && strings.ContainsAny(s[loc[0]-1:loc[0]], "0123456789-./") {
			continue
		}
		if loc[1] < len(s) && (shopIsDigit(rune(s[loc[1]])) || s[loc[1]] == '-' && loc[1]+1 < len(s) && shopIsDigit(rune(s[loc[1]+1]))) {
			continue
		}
		m := s[loc[0]:loc[1]]
		d := PhoneDigits(m)
		if len(d) == 10 || len(d) == 11 && strings.ContainsAny(d[1:2], "5789") {
			out = append(out, m)
		}
	}
	return out
}

// shopSentences is shopAppendSentences into a new slice.
func shopSentences(line string) []string { return shopAppendSentences(nil, line) }

// shopFindMethods is shopAppendMethods into a new slice.
func shopFindMethods(s string) []shopPayMention { return shopAppendMethods(nil, s) }

// shopFindMethodsSlow is shopFindMethods without the literal index.
func shopFindMethodsSlow(s string) []shopPayMention {
	t := shopPayMethods()
	var all []shopPayMention
	for k, re := range t.res {
		for _, m := range re.Regexp().FindAllStringIndex(s, -1) {
			id := t.ids[k]
			after := s[m[1]:]
			if id != MethodTransfer && strings.HasPrefix(after, "銀行") || id == MethodTransfer && strings.HasPrefix(after, "め") {
				continue
			}
			all = append(all, shopPayMention{id: id, start: m[0], end: m[1]})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []shopPayMention
	for _, m := range all {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}
