package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// shopPriceScanCrafted are lines that take each branch of
// shopAppendPriceLocs: 万 with and without the rest, commas and their near
// misses, runs of digits too long for each alternative, \s of every kind
// around the marks, ¥ and \ and JPY in both cases, and broken UTF-8
// around the marks.
var shopPriceScanCrafted = []string{
	"1万円", "1万2千円", "12345万円", "123456万円", "3万2,000円", "3万2000円", "3万12345円", "3万 円", "3万\t円",
	"3万1,000,000円", "3万1,00円", "3万1234 円", "万円", "1万", "1万2,000", "99999万9999円",
	"¥1,234", "¥ 1,234円", "¥\t1234 円", "¥1234,567", "¥1,2345", "¥1,23", "¥12345678901", "¥ ", "¥", "¥a1",
	"\\1,980", "\\ 1980円", "\\\\100", "JPY 5,000", "jpy5000", "Jpy  5000", "JPY1,000,000,000", "JP", "JPYx",
	"1,234円", "1,234 円", "1,234  円", "12,34円", "1234,567円", "1,2345円", "123456789円", "1234567890円",
	"0円", "00円", "1,000,000円(税込)", "価格:1,620円(税込)", "¥238,000 ¥23,800 90%OFF",
	"定価:¥165,000", "メーカー希望小売価格 1,580,000円 → 特価 158,000円", "5,000円以上で送料無料",
	"1.500円", "no. 12円", "A12円", "\xc2¥100", "\xe3¥100", "¥\xa5100", "1\xe5\x86円", "1円\xe5",
	"1\n円", "1\r円", "1\f円", "1\v円", "1\u3000円", "１，０００円", "￥１，２３４", "1万2,000円と¥500とJPY 7",
}

// TestShopPriceScanAgrees holds shopAppendPriceLocs to the expression it
// stands for, on every line of the test pages, on crafted lines, and on
// random strings of the characters that matter.
func TestShopPriceScanAgrees(t *testing.T) {
	re := shopPriceRe.Regexp()
	check := func(s string) {
		t.Helper()
		var want []shopPriceLoc
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, shopPriceLoc(m))
		}
		if got := shopAppendPriceLocs(nil, s); !slices.Equal(got, want) {
			t.Errorf("shopAppendPriceLocs(%q) = %v, the regexp finds %v", s, got, want)
		}
	}
	for _, s := range shopFiniteCorpus(t) {
		check(s)
	}
	for _, s := range shopPriceScanCrafted {
		check(s)
		check("x" + s + "y")
		check(s + s)
	}
	// Random strings over the pieces of a price: they reach orders of
	// marks no page has.
	pieces := []string{"0", "1", "2", "9", "12", "345", ",", ",000", ",00", "万", "円", "¥", "\\", "JPY", "jpy", "J", "P",
		" ", "\t", "\n", "\u3000", "a", "の", ".", "\xc2", "\xa5", "\xe5\x86"}
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(10) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// TestParsePricesTable checks what ParsePrices makes of the matches.
func TestParsePricesTable(t *testing.T) {
	cases := []struct {
		in   string
		want []int
	}{
		{"定価 4,980円 → 特価 3,980円(税込)", []int{4980, 3980}},
		{"¥238,000 ¥23,800 90%OFF", []int{238000, 23800}},
		{"1万2,000円", []int{12000}},
		{"3万円", []int{30000}},
		{"JPY 5,000", []int{5000}},
		{"\\1980", []int{1980}},
		{"12,34円", nil},
		{"1.500円", nil},
		{"0円", nil},
		{"￥１，２３４", []int{1234}},
		// minified markup joins <s>¥16,500</s><span>¥2,980</span> (rev16)
		{"¥16,500¥2,980", []int{16500, 2980}},
		{"￥16,500￥2,980", []int{16500, 2980}},
		{"型番 A1234,500円", nil},
	}
	for _, c := range cases {
		var got []int
		for _, p := range ParsePrices(c.in) {
			got = append(got, p.Yen)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("ParsePrices(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestShopNormDashesAgrees holds shopNormDashes to the plain way over
// runes on every test line and on lines with each dash between, before
// and after digits, at the ends, in a row, and beside broken UTF-8.
func TestShopNormDashesAgrees(t *testing.T) {
	lines := shopFiniteCorpus(t)
	for _, d := range shopDashes {
		ds := string(d)
		lines = append(lines, "03"+ds+"1234"+ds+"5678", ds+"1"+ds, "1"+ds, ds+"1", "1"+ds+ds+"2", "1"+ds+"2"+ds+"3",
			"a"+ds+"1", "1"+ds+"b", "〒160"+ds+"0023 東京都新宿区西新宿1丁目2"+ds+"3", "\xff1"+ds+"2", "1"+ds+"2\xe3", "1-2", "1\u30fb2")
	}
	for _, s := range lines {
		if got, want := shopNormDashes(s), shopNormDashesRunes(s); got != want {
			t.Errorf("shopNormDashes(%q) = %q, the plain way gives %q", s, got, want)
		}
	}
}

// TestInStoreOnlyTextAgrees holds the line-by-line reading to the
// expression over the whole text: every testdata page, and texts where a
// match begins at the text's or a line's start, after a space, a carriage
// return or 。, or runs across a line break.
func TestInStoreOnlyTextAgrees(t *testing.T) {
	texts := []string{
		"通信販売は行っておりません",
		"閉店セール\n通販はしておりません。",
		"閉店セール\r\n当店では通信販売は行っておりません",
		"閉店セール 当店はネットでの販売も承っておりません",
		"閉店セール。オンライン販売はしておりません",
		"閉店セール\tオンライン販売はしておりません",
		"閉店セールオンライン販売はしておりません",
		"閉店セール\n当店では\n通信販売は行っておりません",
		"通信販売は行って\nおりません",
		"お渡しは店頭のみ",
		"お渡しは店頭での\nお渡しのみ",
		"店頭でのみ販売\n",
		"沖縄・離島への配送は行っておりません",
		"",
		"\n\n",
	}
	for _, p := range flCorpusPages(t) {
		texts = append(texts, p.Text)
	}
	matched := 0
	for _, s := range texts {
		want := shopInStoreOnlyRe.MatchString(s)
		if got := shopInStoreOnlyText(s); got != want {
			t.Errorf("shopInStoreOnlyText(%.80q) = %v, the expression says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 8 {
		t.Errorf("only %d texts match: the test lost its cases", matched)
	}
}
