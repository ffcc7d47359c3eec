package rules

import (
	"reflect"
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
		{"携帯 090-1234-5678", []string{"09012345678"}},
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
	}
	for _, a := range full {
		if FindAddress(NFKC(a)) == "" {
			t.Errorf("FindAddress(%q) found nothing", a)
		}
	}
	partial := []string{
		"東京都新宿区",   // no block number
		"東京都内に3店舗", // no city
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
	paid := []string{"a@docomo.ne.jp", "a@ezweb.ne.jp", "a@yamabiko-shop.co.jp", "a@gmx.example.com", "a@notgmail.com", "a@gmail.com.evil.example"}
	for _, e := range paid {
		if FreeMailDomain(e) {
			t.Errorf("%s should not be free mail", e)
		}
	}
}
