package checker

import (
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

func TestRankLinks(t *testing.T) {
	page := rules.NewPage("https://shop.example.jp/", 200, "text/html", `<html><body>
<a href="/item/1.html">新作バッグ</a>
<a href="/guide.html">ご利用ガイド</a>
<a href="/company">会社概要</a>
<a href="/tokusho.html">特定商取引法に基づく表記</a>
<a href="https://other.example.com/law.html">特定商取引法</a>
<a href="/img/law.png">特商法</a>
<a href="/pay?x=1#top">お支払い方法</a>
<a href="https://www.shop.example.jp/shipping">配送について</a>
<a href="mailto:x@shop.example.jp">お問い合わせ</a>
</body></html>`, false)
	got := rankLinks(page, "example.jp", map[string]bool{})
	want := []string{
		"https://shop.example.jp/tokusho.html",
		"https://shop.example.jp/pay?x=1",
		"https://shop.example.jp/guide.html",
		"https://shop.example.jp/company",
		"https://www.shop.example.jp/shipping",
		"https://shop.example.jp/item/1.html", // a product page: last
	}
	if len(got) != len(want) {
		t.Fatalf("rankLinks gave %d links %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].url != want[i] {
			t.Errorf("link %d = %s, want %s (all: %v)", i, got[i].url, want[i], got)
		}
	}
}

func TestMetaRefresh(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<meta http-equiv="refresh" content="0; url=/shop/">`, "https://a.example.jp/shop/"},
		{`<meta http-equiv="Refresh" content="3;URL='https://b.example.com/x'">`, "https://b.example.com/x"},
		{`<meta http-equiv="refresh" content="600; url=/later">`, ""},
		{`<meta http-equiv="refresh" content="30">`, ""},
		{`<meta http-equiv="refresh" content="0; url=javascript:alert(1)">`, ""},
		{`<p>no refresh</p>`, ""},
		{`<meta http-equiv="content-type" content="text/html"><meta http-equiv=" REFRESH " content="0;url=/b">`, "https://a.example.jp/b"},
		{`<meta http-equiv="refresh"><meta http-equiv="refresh" content="0;url=/c">`, ""}, // the first one counts
		{`<meta content="0;url=/d">`, ""},
	}
	for _, tt := range tests {
		p := rules.NewPage("https://a.example.jp/", 200, "text/html", "<html><head>"+tt.html+"</head><body>x</body></html>", false)
		if got := metaRefresh(p); got != tt.want {
			t.Errorf("metaRefresh(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}
