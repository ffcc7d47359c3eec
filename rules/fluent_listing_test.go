package rules

import "testing"

func TestListingCopied(t *testing.T) {
	const cart = `<button>カートに入れる</button>`
	cases := []struct {
		name   string
		domain string
		pages  []string
		fire   bool
		want   []string
	}{
		{
			name: "flea-market phrases on a shop with a cart", domain: "brand-outlet-sale.com",
			pages: []string{
				"item/1.html", flHTML("ルイヴィトン バッグ", `<p>ルイヴィトンのバッグを出品いたします。即購入OKです。</p><p>ペット・喫煙者はいません。自宅保管のため神経質な方はご遠慮ください。</p><p>¥12,800</p>`+cart),
			},
			fire: true, want: []string{"出品いたします", "即購入OK", "買い物かごのある通販サイト", "例: "},
		},
		{
			name: "the same strong phrase on two products of a company", domain: "kaitori-outlet.jp",
			pages: []string{
				"item/1.html", flHTML("時計", `<p>ロレックス デイトナ。購入前にプロフ必読でお願いします。</p><footer>運営: 株式会社アウトレットジャパン</footer>`),
				"item/2.html", flHTML("財布", `<p>エルメスの財布です。プロフ必読。箱なし。</p><footer>運営: 株式会社アウトレットジャパン</footer>`),
			},
			fire: true, want: []string{"「プロフ必読」×2", "株式会社"},
		},
		{
			// rev22 p24 page16: a listing on a flea-market platform
			// the data does not know: the seller, the escrow, the rating.
			name: "honest: a small flea-market platform's own listing", domain: "furimaru.example.com",
			pages: []string{
				"item/m84103927715", flHTML("【美品】ニンテンドー 3DS LL 即購入OK - フリマル", `<p>即購入OKです。ペット・喫煙者はいません。目立った傷や汚れなし。</p><p>出品者 ちゃこ</p><p>代金は取引完了（受取評価）まで事務局がお預かりします。</p><p>¥8,500</p>`+cart),
			},
		},
		{
			name: "a shop copying listings with their sellers' names", domain: "brand-outlet-sale2.com",
			pages: []string{
				"item/1.html", flHTML("ルイヴィトン バッグ", `<p>出品者：ちゃこ</p><p>即購入OKです。ペット・喫煙者はいません。</p><p>¥12,800</p>`+cart),
			},
			fire: true, want: []string{"即購入OK"},
		},
		{
			name: "honest: a shop's page warning about fake shops quotes listings", domain: "zakka.example.jp",
			pages: []string{
				"", flHTML("雑貨の店", `<p>北欧の雑貨</p><p>¥2,800</p>`+cart),
				"news/fake.html", flHTML("当店を装った偽ショッピングサイトにご注意ください", `<h1>偽ショッピングサイトにご注意ください</h1><p>偽サイトの商品説明には「即購入OK」「プロフ必読」「値下げ交渉不可」などフリマの出品文がそのまま使われています。</p>`),
			},
		},
		{
			name: "honest: a second-hand shop lists its stock, junk as is", domain: "yamane-camera.jp",
			pages: []string{
				"", flHTML("中古カメラ 山根カメラ工房", `<p>すべて店主が動作確認・清掃してから出品しています。</p><p>Nikon F3 ¥38,000</p><p>※ ジャンク品はノークレーム・ノーリターンでお願いします。</p>`+cart),
			},
		},
		{
			name: "honest: a flea-market listing on the flea market", domain: "jp.mercari.com",
			pages: []string{"item/m1", flHTML("メルカリ", `<p>出品いたします。即購入OK。喫煙者なし。</p><p>¥3,000</p>`+cart)},
		},
		{
			name: "honest: one phrase once", domain: "zakka.example.jp",
			pages: []string{"item/1.html", flHTML("雑貨", `<p>即購入OKです。</p>`+cart)},
		},
		{
			name: "honest: a private blog, no business", domain: "diary.example.jp",
			pages: []string{"", flHTML("日記", `<p>メルカリに出品しました。即購入OKにしています。</p>`)},
		},
		{
			name: "honest: a second-hand shop's condition notes", domain: "recycle.example.jp",
			pages: []string{"item/1.html", flHTML("中古カメラ", `<p>中古品にご理解のある方のご購入をお願いします。</p><p>神経質な方はご遠慮ください。</p><p>¥25,000</p>`+cart)},
		},
		{
			name: "honest: a second-hand shop's condition grades", domain: "reuse.example.jp",
			pages: []string{
				"rank.html", flHTML("状態ランク", `<p>A：目立った傷や汚れなし。</p><p>B：使用感があります。</p><p>ジャンク：ノークレーム・ノーリターンでお願いいたします。</p><p>株式会社めぐる</p>`+cart),
			},
		},
		{
			name: "condition grades count beside a strong phrase", domain: "brand-reuse-sale.com",
			pages: []string{
				"item/1.html", flHTML("バッグ", `<p>目立った傷や汚れなしです。即購入OK。</p><p>¥38,000</p>`+cart),
			},
			fire: true, want: []string{"即購入OK", "目立った傷や汚れなし"},
		},
		{
			name: "honest: a craft shop exhibiting at fairs", domain: "kobo.example.jp",
			pages: []string{
				"news/1.html", flHTML("お知らせ", `<p>春のクラフトフェアに新作を出品しました。</p><p>秋の陶芸展にも出品しています。</p><p>株式会社やきもの工房</p>`+cart),
			},
		},
		{
			name: "honest: a shop article explaining flea-market words", domain: "zakka.example.jp",
			pages: []string{"blog/1.html", flHTML("フリマ用語集", `<p>「即購入OK」とは、コメントなしで購入してよいという意味です。</p><p>「プロフ必読」などの表現もよく見かけます。</p>`+cart)},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flExpect(t, "listing-copied", flTestSite(t, c.domain, c.pages...), c.fire, c.want...)
		})
	}
}
