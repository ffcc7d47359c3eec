package rules

import "testing"

// TestSubscriptionTrap (rev23 p27 page33): a token first price binding the
// buyer to several deliveries at many times it.
func TestSubscriptionTrap(t *testing.T) {
	runShopCases(t, "subscription-trap", []shopCase{
		{name: "500 yen first, four deliveries a condition, 7,980 after", fire: true, points: 30,
			evidence: []string{"初回 ¥500 → 2回目以降 ¥7,980", "4回のお受け取りが条件"},
			site:     []string{shopTop, shopHTML("黒酢＋酵素", `<p>初回限定 93%OFF 500円（税込）送料無料</p><p>※本コースは4回のお受け取りが条件の定期コースです。2回目以降は通常価格7,980円（税込）で毎月お届けします。</p><button>今すぐ500円で試してみる</button>`)}},
		{name: "the condition as 継続購入", fire: true,
			site: []string{shopTop, shopHTML("お試し", `<p>初回500円！</p><p>※4回の継続購入が条件です。2回目以降は7,980円。</p><button>カートに入れる</button>`)}},
		{name: "the condition in the legal notice's price line", fire: true,
			site: []string{shopTop, shopHTML("特定商取引法に基づく表記", `<p>販売価格 初回980円（税込）、2回目以降6,980円（税込）※3回継続が条件</p>`)}},
		{name: "half price first, no number of deliveries", fire: false,
			site: []string{shopTop, shopHTML("コーヒー定期便", `<p>初回半額 1,990円、2回目以降 3,980円。回数の縛りはありません。いつでも解約できます。</p>`)}},
		{name: "a token first price, no condition", fire: false,
			site: []string{shopTop, shopHTML("お試し", `<p>初回500円、2回目以降7,980円。いつでも解約OKです。</p>`)}},
		{name: "a token first price, a condition of no number", fire: false,
			site: []string{shopTop, shopHTML("お試し", `<p>初回500円、2回目以降7,980円。解約の条件はありません。</p><button>カートに入れる</button>`)}},
		{name: "a condition, a small step up", fire: false,
			site: []string{shopTop, shopHTML("定期便", `<p>初回2,980円、2回目以降3,980円（3回継続が条件）</p>`)}},
		{name: "a consumer centre's page on the trouble", fire: false,
			site: []string{shopTop, shopHTML("定期購入トラブルにご注意ください", `<h1>定期購入トラブルにご注意ください</h1><p>「初回500円」と思って申し込んだら、4回の継続購入が条件で、2回目以降は7,980円だったという相談が増えています。</p><p>詐欺的な定期購入の被害に遭わないよう、契約の前に条件を確認しましょう。消費者ホットライン188にご相談ください。</p><p>当センターの冊子（1部 200円）のご購入はこちら</p><button>カートに入れる</button>`)}},
	})
}
