package rules

import (
	"fmt"
	"strings"
	"testing"
)

func flShopBody(banner, stamp string) string {
	var b strings.Builder
	b.WriteString(`<header><a href="/">激安ブランド通販</a><nav><a href="/bag/">バッグ</a><a href="/watch/">時計</a><a href="/cart?sid=` + stamp + `">カートを見る</a></nav></header>`)
	b.WriteString(`<div class="banner">` + banner + `</div><h1>人気ブランド 最大90%OFF</h1><ul>`)
	for i, name := range []string{"ルイヴィトン モノグラム ネヴァーフル", "エルメス バーキン30", "シャネル マトラッセ チェーンショルダー", "グッチ GGマーモント", "ロレックス デイトナ", "プラダ サフィアーノ 長財布"} {
		fmt.Fprintf(&b, `<li><a href="/item/%d.html">%s</a><p>通常価格 ¥%d,000 → 特価 ¥%d,800 送料無料 在庫あり</p><button>カートに入れる</button></li>`, i, name, 300+i*10, 20+i)
	}
	b.WriteString(`</ul><p>お支払い方法: 銀行振込・クレジットカード</p><footer>更新: ` + stamp + `</footer>`)
	return b.String()
}

func flPage(url string, status int, title, body string) *Page {
	return NewPage(url, status, "text/html", flHTML(title, body), false)
}

func TestCompareVersions(t *testing.T) {
	const u = "https://brand-outlet-sale.com/"
	shop := flPage(u, 200, "激安ブランド通販 | ブランドアウトレット", flShopBody("冬のセール開催中", "2024-11-30T10:00:01"))
	blog := flPage(u, 200, "ゆるっと旅日記", `<article><h1>京都の紅葉を見に行きました</h1><p>`+strings.Repeat("朝早くに出発して、嵐山の竹林を歩きました。人が少なくてとても静かでした。", 12)+`</p></article>`)
	cases := []struct {
		name            string
		desktop, mobile *Page
		differ, mobileW bool
		want            []string
	}{
		{"nginx on desktop, shop on mobile", flPage(u, 200, "Welcome to nginx!", `<h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is successfully installed.</p>`), shop, true, true, []string{`PC: "Welcome to nginx!"`, `スマホ: "激安ブランド通販`}},
		{"404 on desktop, shop on mobile", flPage(u, 404, "404 Not Found", `<h1>Not Found</h1>`), shop, true, true, []string{"PC: HTTP 404"}},
		{"blog on desktop, shop on mobile", blog, shop, true, true, []string{`PC: "ゆるっと旅日記"`, "共通部分"}},
		{"shop on desktop, blank for mobile", shop, flPage(u, 200, "", ``), true, false, []string{"スマホ: (空白)"}},
		{"responsive: same shop, other banner, time stamp, session", shop,
			flPage(u, 200, "激安ブランド通販 | ブランドアウトレット", `<div class="sp-menu"><a href="/">≡</a></div>`+flShopBody("スマホ限定クーポン配布中", "2024-11-30T10:00:07")), false, false, nil},
		{"mobile site with its own title suffix", shop,
			flPage("https://m.brand-outlet-sale.com/", 200, "激安ブランド通販(スマホ版)", flShopBody("冬のセール開催中", "x")), false, false, nil},
		{"a script-built mobile page cannot be judged", shop,
			flPage(u, 200, "Loading", `<div id="app"></div><script src="/app.js"></script>`), false, false, nil},
		{"a server error cannot be judged", shop, flPage(u, 503, "Service Unavailable", `<h1>503</h1>`), false, false, nil},
		{"both placeholders", flPage(u, 200, "Welcome to nginx!", ``), flPage(u, 403, "403 Forbidden", ``), false, false, nil},
		{"blog for desktop, mobile refused: no shop anywhere", blog, flPage(u, 403, "Forbidden", ``), false, false, nil},
		{"missing version", shop, nil, false, false, nil},
		// A page for smartphones only, an error for desktops: a phishing
		// kit or a one-click page hiding from scanners.
		{"404 text on desktop, login for smartphones", flPage(u, 200, "お探しのページは見つかりません", `<p>404 お探しのページは見つかりませんでした。</p>`),
			flPage(u, 200, "イオンカード会員ログイン", `<h1>ご本人確認</h1><form><input name="id" placeholder="ID"><input type="password" name="pw" placeholder="パスワード"></form><p>`+strings.Repeat("セキュリティ強化のため、ご登録情報の確認をお願いいたします。", 3)+`</p>`),
			true, true, []string{`PC: "お探しのページは見つかりません"`}},
		{"a smartphone-only site that says so to desktops", flPage(u, 200, "キャンペーン", `<p>スマホ専用です</p>`),
			flPage(u, 200, "イオンカード会員ログイン", `<h1>ご本人確認</h1><form><input name="id"><input type="password" name="pw"></form><p>`+strings.Repeat("セキュリティ強化のため、ご登録情報の確認をお願いいたします。", 3)+`</p>`),
			false, false, nil},
		// Two pages that are no shop: secrets asked of one browser only,
		// on a page unlike the other's (an SMS kit shows desktops a
		// page of its own).
		{"a page of links for desktops, a login for smartphones", flPage(u, 200, "Welcome", `<h1>Welcome</h1><p>`+strings.Repeat("当サイトへようこそ。最新の情報を順次掲載してまいります。", 3)+`</p><a href="/p0.html">お知らせ</a><a href="/p1.html">会社案内</a>`),
			flPage(u, 200, "ヤマト運輸", `<h1>お荷物のお届けについて</h1><p>`+strings.Repeat("お荷物の再配達には、再配達手数料のお支払いが必要です。", 2)+`</p><form><input name="tel" placeholder="電話番号"><input name="card" autocomplete="cc-number" placeholder="カード番号"><input name="cvc" autocomplete="cc-csc"></form>`),
			true, true, []string{`PC: "Welcome"`}},
		{"a small site's own member login for smartphones", flPage("https://yamada-seikotsu.example.jp/", 200, "山田整骨院｜駅前の整骨院", `<h1>山田整骨院</h1><p>`+strings.Repeat("駅から徒歩2分の整骨院です。肩こり・腰痛のご相談はお気軽に。", 4)+`</p><a href="/access.html">アクセス</a>`),
			flPage("https://yamada-seikotsu.example.jp/", 200, "会員マイページ ログイン", `<h1>会員マイページ</h1><p>`+strings.Repeat("ご予約の確認・変更はこちらから。", 3)+`</p><form><input type="email" name="mail"><input type="password" name="pw"></form>`),
			false, false, nil},
		{"a bank's own mobile login beside its desktop portal", flPage("https://www.smbc-card.com/", 200, "三井住友カード", `<h1>三井住友カード</h1><p>`+strings.Repeat("カードのご案内とキャンペーン情報。", 5)+`</p><a href="/mem/">会員ログイン</a>`),
			flPage("https://www.smbc-card.com/", 200, "Vpassログイン", `<h1>Vpassログイン</h1><form><input name="id"><input type="password" name="pw"></form>`),
			false, false, nil},
		// The other way round is more often a mobile site left broken.
		{"blog for desktop, 404 for smartphones", blog, flPage(u, 404, "404 Not Found", `<h1>Not Found</h1>`), false, false, nil},
		{"an app interstitial for smartphones", shop, flPage(u, 200, "アプリのご案内", `<h1>アプリでもっと便利に</h1><p>`+strings.Repeat("最新情報やクーポンをいち早くお届けします。", 5)+`</p><a href="https://apps.apple.com/jp/app/id000">App Store</a>`), false, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			differ, useMobile, ev := CompareVersions(c.desktop, c.mobile)
			if differ != c.differ || (differ && useMobile != c.mobileW) {
				t.Fatalf("CompareVersions = %v, %v, %q; want %v, %v", differ, useMobile, ev, c.differ, c.mobileW)
			}
			for _, w := range c.want {
				if !strings.Contains(ev, w) {
					t.Errorf("evidence %q lacks %q", ev, w)
				}
			}
		})
	}
}

func TestCloakingRule(t *testing.T) {
	const u = "https://brand-outlet-sale.com/"
	shop := flPage(u, 200, "激安ブランド通販", flShopBody("セール", "1"))
	nginx := flPage(u, 200, "Welcome to nginx!", `<h1>Welcome to nginx!</h1>`)
	login := flPage(u, 200, "会員ログイン", `<h1>ご本人確認</h1><form><input name="id"><input type="password" name="pw"></form><p>`+strings.Repeat("セキュリティ強化のため、ご登録情報の確認をお願いいたします。", 3)+`</p>`)
	r := flRule(t, "cloaking")
	for _, c := range []struct {
		name      string
		pages     []*Page
		alt       *Page
		altMobile bool
		fire      bool
		msg       string
	}{
		{"desktop fetched first, shop in the smartphone version", []*Page{nginx}, shop, true, true, "スマートフォンにだけ"},
		{"smartphone fetched first (--mobile pipeline), desktop placeholder in Alt", []*Page{shop}, nginx, false, true, "スマートフォンにだけ"},
		{"shop shown to desktops only", []*Page{shop}, nginx, true, true, "パソコンにだけ"},
		{"a login page for smartphones only", []*Page{login}, nginx, false, true, "スマートフォンにだけ中身のあるページ"},
		{"no comparison made", []*Page{shop}, nil, false, false, ""},
		{"same page both ways", []*Page{shop}, shop, true, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := &Site{URL: u, Domain: "brand-outlet-sale.com", Pages: c.pages, Alt: c.alt, AltMobile: c.altMobile, Data: DefaultData()}
			signs := Evaluate(site, []Rule{r}, "ja")
			if (len(signs) > 0) != c.fire {
				t.Fatalf("fired %v, want %v: %+v", len(signs) > 0, c.fire, signs)
			}
			if c.fire && (!strings.Contains(signs[0].Message, c.msg) || signs[0].URL != u || signs[0].Points != 30) {
				t.Errorf("sign %+v: want message with %q, URL %s, 30 points", signs[0], c.msg, u)
			}
		})
	}
}

func BenchmarkCompareVersions(b *testing.B) {
	const u = "https://www.kitchen-tools.example.jp/"
	d := flPage(u, 200, "キッチン道具の店", flShopBody("冬のフェア", "2024-11-30T10:00:01"))
	m := flPage(u, 200, "キッチン道具の店", `<div class="sp-menu"></div>`+flShopBody("アプリ限定クーポン", "2024-11-30T10:00:07"))
	for b.Loop() {
		if differ, _, _ := CompareVersions(d, m); differ {
			b.Fatal("a responsive page taken for cloaking")
		}
	}
}
