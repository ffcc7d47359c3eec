package rules

import "testing"

// flLaw is a 特定商取引法 table with the given address and phone cells.
func flLaw(addr, phone string) string {
	return flHTML("特定商取引法に基づく表記", `<table><tr><th>販売業者</th><td>株式会社サンプル</td></tr><tr><th>所在地</th><td>`+addr+`</td></tr><tr><th>電話番号</th><td>`+phone+`</td></tr></table>`)
}

func TestAddressInconsistent(t *testing.T) {
	cases := []struct {
		name   string
		page   string
		fire   bool
		points int
		want   []string
	}{
		{
			name: "Osaka postcode with a Tokyo address", page: flLaw("〒530-0001 東京都中央区銀座1-2-3", "03-1234-5678"),
			fire: true, points: 15, want: []string{"〒530-0001 は大阪府ですが住所は東京都中央区銀座1-2-3"},
		},
		{
			name: "Osaka area code with a Tokyo address", page: flLaw("〒104-0061 東京都中央区銀座1-2-3", "06-6123-4567"),
			fire: true, points: 15, want: []string{"電話 06-6123-4567 は大阪府の市外局番ですが住所は東京都"},
		},
		{
			name: "international form of an Osaka number, Tokyo address", page: flLaw("〒160-0023 東京都新宿区西新宿1-1-1", "TEL: +81-6-6123-4567"),
			fire: true, points: 15, want: []string{"は大阪府の市外局番"},
		},
		{
			name: "postcode and address on separate lines, full-width digits", page: flHTML("会社概要", `<p>所在地<br>〒５３０－０００１<br>福岡県福岡市中央区天神1-1-1</p>`),
			fire: true, points: 15, want: []string{"〒530-0001 は大阪府", "福岡県"},
		},
		{
			// rev23 p30 page16: a store's address in romaji with its
			// postcode, the company's seat in Tokyo with its own number.
			name: "a store's address in romaji, its local number", page: flHTML("Conecta Mobile", `<p>Loja Hamamatsu</p><p>〒430-0933 Shizuoka-ken, Hamamatsu-shi, Chuo-ku, Kajimachi 318-24</p><p>Telefone da loja: 053-413-5826</p><p>Sede: 〒150-0002 東京都渋谷区渋谷2-19-15 ・ TEL 03-6433-7190</p>`),
		},
		{
			name: "a romaji address's postcode elsewhere than the number", page: flHTML("Conecta Mobile", `<p>〒430-0933 Shizuoka-ken, Hamamatsu-shi, Chuo-ku, Kajimachi 318-24</p><p>Telefone: 06-6123-4567</p><p>Sede: 〒150-0002 東京都渋谷区渋谷2-19-15</p>`),
			fire: true, points: 15, want: []string{"電話 06-6123-4567 は大阪府の市外局番"},
		},
		{
			// seller-info-missing reports it (the disclosure lacks a full
			// address); this sign would count the same fact twice.
			name: "address without a block number is another sign's", page: flLaw("〒104-0061 東京都中央区銀座", "03-1234-5678"),
		},
		{
			// rev22 p23 page04: libphonenumber's English data puts 0288
			// in Ehime; it is 今市/日光 (internal/gen areaFixes).
			name: "honest: a Nikko inn with a 0288 number", page: flLaw("〒321-2611 栃木県日光市川治温泉高原1187-3", "0288-96-0437"),
		},
		{
			name: "honest: a Sendai company", page: flLaw("〒980-0811 宮城県仙台市青葉区一番町1丁目2-3 仙台ビル5F", "022-123-4567"),
		},
		{
			name: "honest: a Sendai address without the prefecture", page: flLaw("〒980-0811 仙台市青葉区一番町1-2-3", "TEL 022-123-4567"),
		},
		{
			name: "honest: a sole proprietor with a mobile number", page: flLaw("〒150-0001 東京都渋谷区神宮前1-2-3-101", "090-1234-5678"),
		},
		{
			name: "honest: IP phone and free dial", page: flLaw("〒530-0001 大阪府大阪市北区梅田1-1-1", "050-1234-5678 / 0120-123-456"),
		},
		{
			name: "honest: a postcode prefix shared by two prefectures", page: flLaw("〒618-0001 京都府乙訓郡大山崎町字大山崎1番地", "075-123-4567"),
		},
		{
			name: "honest: withheld address", page: flLaw("ご請求があれば遅滞なく開示いたします", "03-1234-5678"),
		},
		{
			name: "honest: block number on the next line", page: flHTML("会社概要", `<p>〒104-0061<br>東京都中央区銀座<br>1-2-3 銀座ビル</p><p>TEL 03-1234-5678</p>`),
		},
		{
			name: "honest: head office phone, offices in two prefectures", page: flHTML("会社概要", `<p>本社所在地: 大阪府大阪市北区梅田1-1-1</p><p>東京支店所在地: 東京都港区芝1-1-1</p><p>TEL: 06-6123-4567</p>`),
		},
		{
			name: "honest: samples in an order-form guide", page: flHTML("ご注文方法", `<p>所在地: 〒530-0001 大阪府大阪市北区梅田1-1-1</p><p>TEL: 06-6123-4567</p><h2>ご注文フォームの書き方</h2><p>郵便番号（記入例: 〒100-0001 北海道札幌市中央区）</p><p>電話番号（例: 03-1234-5678）</p>`),
		},
		{
			name: "honest: a branch's phone named as such", page: flHTML("会社概要", `<p>所在地: 〒104-0061 東京都中央区銀座1-2-3</p><p>TEL: 03-1234-5678（本社） / 06-6123-4567（大阪営業所）</p>`),
		},
		{
			name: "honest: a mail-order office's phone in another city", page: flHTML("特定商取引法に基づく表記", `<table><tr><th>所在地</th><td>〒812-0027 福岡県福岡市博多区下川端町1-3</td></tr><tr><th>電話番号</th><td>092-281-3030</td></tr><tr><th>通販事務局</th><td>東京オフィス 03-5413-2280</td></tr></table>`),
		},
		{
			name: "honest: customer support line in Tokyo", page: flHTML("会社概要", `<p>所在地: 〒650-0022 兵庫県神戸市中央区元町通3-9-17</p><p>カスタマーサポート TEL 03-5413-2280</p>`),
		},
		{
			name: "a Tokyo phone with a Fukuoka address, plainly labelled", page: flLaw("〒812-0027 福岡県福岡市博多区下川端町1-3", "TEL 03-5413-2280"),
			fire: true, points: 15, want: []string{"は東京都の市外局番"},
		},
		{
			name: "honest: an area code the data names only by town", page: flLaw("〒180-0001 東京都武蔵野市吉祥寺北町1-1-1", "0422-12-3456"),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := flTestSite(t, "shop.example.jp", "law.html", c.page)
			flExpect(t, "address-inconsistent", site, c.fire, c.want...)
			if c.fire {
				if s := Evaluate(site, []Rule{flRule(t, "address-inconsistent")}, "en"); s[0].Points != c.points {
					t.Errorf("points %d, want %d", s[0].Points, c.points)
				}
			}
		})
	}
}

func TestRegionTables(t *testing.T) {
	for _, c := range []struct {
		digits string
		want   string
	}{
		{"0312345678", "東京都"}, {"0661234567", "大阪府"}, {"0222123456", "宮城県"}, {"0112123456", "北海道"},
		{"0452123456", "神奈川県"}, {"0988123456", "沖縄県"}, {"0429123456", "埼玉県"},
		{"09012345678", ""}, {"0120123456", ""}, {"0570123456", ""}, {"0501234567", ""}, {"0422123456", ""},
	} {
		got := flAreaPrefs(c.digits)
		if (c.want == "") != (got == nil) || (c.want != "" && !flHas(got, c.want)) {
			t.Errorf("flAreaPrefs(%s) = %v, want %q", c.digits, got, c.want)
		}
	}
	for _, c := range []struct{ post, want string }{
		{"1000001", "東京都"}, {"5300001", "大阪府"}, {"9800811", "宮城県"}, {"0600001", "北海道"},
		{"9000001", "沖縄県"}, {"6180001", "京都府"}, {"6180001", "大阪府"},
	} {
		if got := flPostcodePrefs(c.post); !flHas(got, c.want) {
			t.Errorf("flPostcodePrefs(%s) = %v, want %s among them", c.post, got, c.want)
		}
	}
}
