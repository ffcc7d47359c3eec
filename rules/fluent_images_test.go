package rules

import (
	"fmt"
	"strings"
	"testing"
)

// flGrid returns product cards linking to the shop's own item pages, with
// images from each src in turn.
func flGrid(srcs ...string) string {
	var b strings.Builder
	b.WriteString(`<ul class="items">`)
	for i, s := range srcs {
		fmt.Fprintf(&b, `<li><a href="/item/%d.html"><img src="%s" alt="商品%d"></a><p>商品%d ¥%d,800</p></li>`, i, s, i, i, i+3)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// flCat concatenates lists into a new one (append on a sub-slice would
// write into the first list's backing array).
func flCat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func flRepeat(format string, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, fmt.Sprintf(format, i))
	}
	return out
}

func TestImagesHotlinked(t *testing.T) {
	rakuten := flRepeat("https://thumbnail.image.rakuten.co.jp/@0_mall/realshop/cabinet/item/bag%02d.jpg?_ex=300x300", 9)
	yahoo := flRepeat("https://item-shopping.c.yimg.jp/i/n/realstore_item%d", 3)
	own := flRepeat("/images/products/p%d.jpg", 20)
	cases := []struct {
		name   string
		domain string
		body   string
		fire   bool
		want   []string
	}{
		{
			name: "most product images from Rakuten", domain: "brand-outlet-sale.com",
			body: flGrid(flCat(rakuten, own[:3])...), fire: true,
			want: []string{"商品画像 12 枚中 9 枚が thumbnail.image.rakuten.co.jp から"},
		},
		{
			name: "images from two marketplaces", domain: "brand-outlet-sale.com",
			body: flGrid(flCat(rakuten[:4], yahoo, own[:2])...), fire: true,
			want: []string{"9 枚中 7 枚", "thumbnail.image.rakuten.co.jp 4 枚", "item-shopping.c.yimg.jp 3 枚"},
		},
		{
			name: "honest: a Rakuten shop's own page", domain: "item.rakuten.co.jp",
			body: flGrid(rakuten...),
		},
		{
			name: "honest: a blog with affiliate images linking to the store", domain: "myblog.example.jp",
			body: `<p>おすすめ</p>` + strings.Join(flRepeat(`<a href="https://www.amazon.co.jp/dp/B0%d?tag=me-22"><img src="https://m.media-amazon.com/images/I/item%d.jpg"></a>`, 5), "") +
				`<a href="https://hb.afl.rakuten.co.jp/hgc/x"><img src="https://thumbnail.image.rakuten.co.jp/@0_mall/a/b.jpg"></a>`,
		},
		{
			name: "honest: a company's site showing its own Rakuten store's images", domain: "kurashi-zakka.example.jp",
			body: flGrid(rakuten[:5]...) + `<p><a href="https://www.rakuten.co.jp/realshop/">楽天市場店はこちら</a></p>`,
		},
		{
			name: "a link to some other Rakuten store does not make the images own", domain: "brand-outlet-sale.com",
			body: flGrid(rakuten[:5]...) + `<p><a href="https://www.rakuten.co.jp/othershop/">提携店</a></p>`, fire: true,
			want: []string{"5 枚中 5 枚"},
		},
		{
			name: "honest: one hot-linked image among own ones", domain: "zakka.example.jp",
			body: flGrid(flCat(rakuten[:1], own[:10])...),
		},
		{
			name: "honest: three hot-linked of twenty", domain: "zakka.example.jp",
			body: flGrid(flCat(rakuten[:3], own)...),
		},
		{
			name: "honest: a shop on a platform CDN", domain: "zakka.example.jp",
			body: flGrid(flRepeat("https://cdn.shopify.com/s/files/1/0001/products/p%d.jpg", 8)...),
		},
		{
			name: "honest: banners and logos from a marketplace server", domain: "zakka.example.jp",
			body: flGrid(own[:4]...) + `<div><img src="https://image.rakuten.co.jp/realshop/cabinet/banner_sale.jpg"><img src="https://image.rakuten.co.jp/x/logo.png"><img src="https://tshop.r10s.jp/x/icon_new.gif" width="16"><img src="https://tshop.r10s.jp/x/bnr01.jpg"></div>`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := flTestSite(t, c.domain, "", flHTML("ショップ", c.body))
			flExpect(t, "images-hotlinked", site, c.fire, c.want...)
		})
	}
}
