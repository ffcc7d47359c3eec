package rules

import (
	"strings"
	"testing"
)

// TestCSSBoxHides: the visually-hidden recipes hide; the same properties
// with values that leave the text in sight do not.
func TestCSSBoxHides(t *testing.T) {
	for _, c := range []struct {
		style string
		hides bool
	}{
		{"transform:scale(0)", true},
		{"transform: translateX(10px) scale(0, 1)", true},
		{"TRANSFORM:SCALEY(0)", true},
		{"transform:scale(1.05)", false},
		{"transform:scale(0.5)", false},
		{"position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden", true},
		{"position:absolute; clip: rect(1px, 1px, 1px, 1px)", true},
		{"clip:rect(0 0 0 0)", false}, // clip applies to positioned boxes only
		{"position:absolute;clip:rect(0 100px 50px 0)", false},
		{"clip-path:inset(50%)", true},
		{"clip-path: inset(50% 0)", true},
		{"clip-path:inset(50% 0 0 0)", false},
		{"clip-path:inset(100% 0 0 0)", true},
		{"clip-path:circle(0)", true},
		{"clip-path:circle(50%)", false},
		{"clip-path:inset(10px)", false}, // a length: the box's size is not known
		{"max-height:0;overflow:hidden", true},
		{"height:0;width:0;overflow:hidden", true},
		{"max-height:0", false}, // the text overflows, shown
		{"height:0px;overflow:visible", false},
		{"max-height:0;overflow:auto", false},
		{"height:100px;overflow:hidden", false},
		{"position:absolute;left:-9999px", true},
		{"position:fixed;top:-500px", true},
		{"position:absolute;left:-100%", true},
		{"position:absolute;left:-40em", true},
		{"left:-9999px", false}, // not positioned: the offset does nothing
		{"position:relative;left:-9999px", false},
		{"position:absolute;left:-20px", false},
		{"position:absolute;top:-10em", false},
		{"text-indent:-9999px;overflow:hidden;white-space:nowrap", true},
		{"text-indent:-9999px;white-space:nowrap", true},
		{"text-indent:-2em", false},
		{"text-indent:-9999px", false}, // lines after the first still show
		{"color:#fff;background:#fff", true},
		{"color:white;background-color:#FFFFFF", true},
		{"color:rgb(0, 0, 0);background:#000", true},
		{"color:#fff;background:#000", false},
		{"color:#fff;background:#fff url(bg.png)", false},
		{"color:#333", false},
		{"background:#fff", false},
		{"margin-left:-9999px", false},
		{"max-height:0;/* a comment */overflow:hidden", true}, // through the CSS parser
		{"MAX-HEIGHT:0;OVERFLOW:HIDDEN !important", true},
		{`color:#fff;background:#fff url("bg.png")`, false},
		{"", false},
		{"display:block", false},
	} {
		if got := cssBoxHides(c.style, false); got != c.hides {
			t.Errorf("cssBoxHides(%q) = %v, want %v", c.style, got, c.hides)
		}
	}
}

// TestBoxHiddenTextExcusesNothing: a fake shop salted with a consumer
// centre's warning hidden by its box keeps its sign on a page; the same
// warning shown excuses it. In a mail, a preheader hidden so is read as
// shown (NewMailPage): newsletters hide their summaries that way.
func TestBoxHiddenTextExcusesNothing(t *testing.T) {
	if saltedShopFires(saltWarning + saltShop) {
		t.Fatal("the shown warning does not excuse the shop: the test proves nothing")
	}
	for _, style := range []string{
		"position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden",
		"max-height:0;overflow:hidden",
		"position:absolute;left:-9999px",
		"transform:scale(0)",
		"text-indent:-9999px;overflow:hidden;white-space:nowrap",
		"color:#fff;background:#fff",
	} {
		if !saltedShopFires(`<div style="` + style + `">` + saltWarning + `</div>` + saltShop) {
			t.Errorf("a warning hidden by %q excused the shop", style)
		}
	}
	for _, style := range []string{
		"position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden",
		"position:absolute;left:-9999px",
		"transform:scale(0)",
	} {
		// The same recipes in one rule of the page's own sheet.
		if !saltedShopFires(`<style>.k{` + style + `}</style><div class="k">` + saltWarning + `</div>` + saltShop) {
			t.Errorf("a warning hidden by a class of %q excused the shop", style)
		}
	}
	for _, sheet := range []string{
		// A recipe split over two rules matching the same element.
		".p{position:absolute}.k{left:-9999px}",
		"div.k{top:-10000px}#w{position:fixed}",
		".k{text-indent:-9999px}",
		".p{position:absolute}.k{clip:rect(0,0,0,0)}",
	} {
		if !saltedShopFires(`<style>` + sheet + `</style><div id="w" class="p k">` + saltWarning + `</div>` + saltShop) {
			t.Errorf("a warning hidden by the split recipe %q excused the shop", sheet)
		}
	}
	for _, sheet := range []string{".k{position:absolute;left:10px;top:0}", ".k{left:-20px}", ".k{text-indent:2em}"} {
		if saltedShopFires(`<style>` + sheet + `</style><div class="k">` + saltWarning + `</div>` + saltShop) {
			t.Errorf("a warning placed on the page by %q did not excuse the shop", sheet)
		}
	}
	mail := NewMailPage(`<div style="max-height:0;overflow:hidden">【注意喚起】架空請求にご注意ください</div><p>本文</p>`)
	if shown := strings.Join(mail.ShownLines(), "\n"); !strings.Contains(shown, "注意喚起") {
		t.Errorf("a mail's preheader hidden by its box was left out of what it shows: %q", shown)
	}
	mail = NewMailPage(`<style>.pre{display:block;max-height:0;overflow:hidden}</style><div class="pre">【注意喚起】架空請求にご注意ください</div><p>本文</p>`)
	if shown := strings.Join(mail.ShownLines(), "\n"); !strings.Contains(shown, "注意喚起") {
		t.Errorf("a mail's preheader hidden by a class was left out of what it shows: %q", shown)
	}
	page := NewPage("https://example.jp/", 200, "text/html", `<div style="max-height:0;overflow:hidden">【注意喚起】架空請求にご注意ください</div><p>本文</p>`, false)
	if shown := strings.Join(page.ShownLines(), "\n"); strings.Contains(shown, "注意喚起") {
		t.Errorf("a page's text hidden by its box is among what it shows: %q", shown)
	}
}

// TestCSSUnescape: CSS escapes read as a browser reads them.
func TestCSSUnescape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`n\6f ne`, "none"},
		{`n\6Fne`, "none"},
		{`\6e\6f\6e\65`, "none"},
		{`\000068idden`, "hidden"},
		{`hid\den`, "hid\u00den"}, // \de is hex: U+00DE, then n
		{`no\ne`, "none"},         // \n is not hex: the letter
		{`\:`, ":"},
		{`none`, "none"},
		{`trailing\`, `trailing\`},
		{`\0 x`, "\uFFFDx"},
	} {
		if got := cssUnescape(c.in); got != c.want {
			t.Errorf("cssUnescape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEscapedAndFramedSaltsExcuseNothing: a warning hidden by an escaped
// display:none, or framed in a srcdoc iframe 0 wide or high, does not
// excuse a fake shop; framed at a size it does.
func TestEscapedAndFramedSaltsExcuseNothing(t *testing.T) {
	srcdoc := strings.ReplaceAll(saltWarning, `"`, "&quot;")
	for _, c := range []struct {
		name, salt string
		fires      bool
	}{
		{"escaped display:none", `<div style="display:n\6f ne">` + saltWarning + `</div>`, true},
		{"a srcdoc 0 high", `<iframe srcdoc="` + srcdoc + `" width="600" height="0"></iframe>`, true},
		{"a srcdoc 0 wide by its style", `<iframe srcdoc="` + srcdoc + `" style="width:0;border:0"></iframe>`, true},
		{"a srcdoc at a size", `<iframe srcdoc="` + srcdoc + `" width="600" height="400"></iframe>`, false},
		// Sheets with a combinator or an attribute (review 21 oc_15, oc_16).
		{"hidden under a class", `<style>.k section{display:none}</style><div class="k"><section>` + saltWarning + `</section></div>`, true},
		{"hidden as a child", `<style>#k > div{visibility:hidden}</style><div id="k"><div>` + saltWarning + `</div></div>`, true},
		{"hidden by an attribute", `<style>[data-n]{display:none}</style><div data-n="1">` + saltWarning + `</div>`, true},
		{"transparent by arithmetic", `<div style="opacity:calc(1 - 1)">` + saltWarning + `</div>`, true},
		{"transparent by arithmetic in a sheet", `<style>.k{opacity:calc(0.5 * 0)}</style><div class="k">` + saltWarning + `</div>`, true},
		{"hidden under a width every screen has", `<style>@media (min-width:1px){.k{display:none}}</style><div class="k">` + saltWarning + `</div>`, true},
		{"hidden on desktops only", `<style>@media (min-width:768px){.k{display:none}}</style><div class="k">` + saltWarning + `</div>`, false},
		{"a descendant rule that hides something else", `<style>.k section{display:none}</style><div class="k"></div><section>` + saltWarning + `</section>`, false},
	} {
		if got := saltedShopFires(c.salt + saltShop); got != c.fires {
			t.Errorf("%s: payment-transfer-only fired %v, want %v", c.name, got, c.fires)
		}
	}
}

// TestCSSValueForms: values a browser computes to a hiding one.
func TestCSSValueForms(t *testing.T) {
	for _, c := range []struct {
		name, value string
		hides, ok   bool
	}{
		{"opacity", "calc(0)", true, true},
		{"opacity", "calc(0.5)", false, true},
		{"opacity", "calc(1 - 1)", true, true},
		{"opacity", "calc(1 - 0.5)", false, true},
		{"opacity", "calc((1 - 1) / 2)", true, true},
		{"opacity", "calc(0.5 * 0) !important", true, true},
		{"opacity", "calc(2 * calc(0.5 - 0.5))", true, true},
		{"opacity", "calc(1 -1)", false, false},    // no space after the minus: a browser drops it
		{"opacity", "calc(1 / 0)", false, false},   // nor divides by 0
		{"opacity", "calc(1px - 1)", false, false}, // units that do not add up
		{"opacity", "calc(var(--o) * 0)", false, false},
		{"opacity", "calc(" + strings.Repeat("(", 20) + "0" + strings.Repeat(")", 20) + ")", false, false},
		{"font-size", "calc(10px - 10px)", true, true},
		{"font-size", "calc(2 * 6px)", false, true},
		{"font-size", "calc(0px)", true, true},
		{"font", "0/0 a", true, true},
		{"font", "700 0/0 a", true, true},
		{"font", "bold 12px/1.5 sans-serif", false, true},
		{"font", "italic 1.2em Arial", false, true},
		{"font", "small-caps bold 0 serif", true, true},
		{"font", "inherit", false, false},
		{"font", "caption", false, false},
	} {
		_, hides, _, ok := cssValue(c.name, c.value)
		if hides != c.hides || ok != c.ok {
			t.Errorf("cssValue(%q, %q) = hides %v, ok %v; want %v, %v", c.name, c.value, hides, ok, c.hides, c.ok)
		}
	}
}

// A fake shop, and a consumer centre's warning that excuses it where it
// is shown: the salt of the tests above.
const (
	saltShop    = `<title>ブランド激安通販</title><h1>ブランド激安通販</h1><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p>`
	saltWarning = `<h1>【注意喚起】詐欺サイトにご注意ください</h1><p>このページは詐欺の手口を紹介する注意喚起ページです。</p><p>偽サイト・詐欺サイトの被害が増えています。</p><p>不審なサイトで買い物をしないでください。</p><p>詐欺サイトの見分け方を紹介します。</p><p>偽ショップに注意。</p>`
)

// saltedShopFires reports whether payment-transfer-only fires on body,
// served from a throwaway domain.
func saltedShopFires(body string) bool {
	for _, s := range Evaluate(phSite(phHTML("https://brand-gekiyasu.example.top/", body)), All(), "ja") {
		if s.ID == "payment-transfer-only" {
			return true
		}
	}
	return false
}
