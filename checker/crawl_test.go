package checker

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"strings"
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
<a href="/collections/dunk">DUNK</a>
<a href="/list.html">商品一覧</a>
<a href="/news.html">お知らせ</a>
<a href="/tsuhan.html">冷凍パン通販</a>
<a href="/ryokin.html">料金</a>
<a href="/hyoji.html">動物取扱業者の表示</a>
<iframe src="https://www.youtube.com/embed/x"></iframe>
<iframe src="/frame/index.html"></iframe>
</body></html>`, false)
	got := rankLinks(page, "example.jp", map[string]bool{})
	want := []string{
		"https://shop.example.jp/frame/index.html", // what the page shows inside itself
		"https://shop.example.jp/tokusho.html",
		"https://shop.example.jp/pay?x=1",
		"https://shop.example.jp/guide.html",
		"https://shop.example.jp/hyoji.html", // a breeder's registration display (rev23 p27 page25)
		"https://shop.example.jp/company",
		"https://shop.example.jp/tsuhan.html", // a mail-order page (rev18 honest pan-muginoki)
		"https://shop.example.jp/ryokin.html", // a service's fees (rev18 honest katekyo-hidamari)
		"https://www.shop.example.jp/shipping",
		"https://shop.example.jp/list.html",        // a product list: many prices
		"https://shop.example.jp/collections/dunk", // a collection
		"https://shop.example.jp/item/1.html",      // a product page: last
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

// TestRankLinksPhishingStep: the next step of a fake courier's or bank's
// flow is read (the card form is often one page in), after a shop's own
// pages, and a page with no hint at all still gives nothing.
func TestRankLinksPhishingStep(t *testing.T) {
	page := rules.NewPage("https://redelivery-info.net/", 200, "text/html", `<html><body>
<a href="/address.html">お届け先情報を確認して再配達を依頼する</a>
<a href="/tokusho.html">特定商取引法に基づく表記</a>
<a href="/news.html">お知らせ</a>
</body></html>`, false)
	got := rankLinks(page, "redelivery-info.net", map[string]bool{})
	if len(got) != 2 || got[0].url != "https://redelivery-info.net/tokusho.html" || got[1].url != "https://redelivery-info.net/address.html" {
		t.Errorf("rankLinks = %v; want the disclosure, then the redelivery step", got)
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

// BenchmarkRankLinks ranks the links of every page of the fixture shops, as
// the crawl does for each first page and each page it reads.
func BenchmarkRankLinks(b *testing.B) {
	var pages []*rules.Page
	for _, s := range fixtureSites {
		for i, body := range fixturePages(b, s) {
			text, _ := Decode(body, "text/html")
			pages = append(pages, rules.NewPage(fmt.Sprintf("https://shop.example.jp/p%d.html", i), 200, "text/html", text, false))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			rankLinks(p, "example.jp", map[string]bool{})
		}
	}
}

// TestLinkHintsLowerCase holds linkHints to lower case: rankLinks compares
// them with lower-cased link text and paths as they are.
func TestLinkHintsLowerCase(t *testing.T) {
	for _, h := range linkHints {
		if strings.ToLower(h.word) != h.word {
			t.Errorf("link hint %q is not lower-case: it would never match", h.word)
		}
	}
}

// TestCanonicalOfAgrees checks canonicalOf against canonical over every
// link of the fixture shops and odd spellings.
func TestCanonicalOfAgrees(t *testing.T) {
	raws := []string{
		"https://Shop.Example.JP", "https://shop.example.jp/a/#top", "https://shop.example.jp/%E7%89%B9?q=%20x#f%20g",
		"http://shop.example.jp:8080/a%2Fb/c", "https://user:pw@shop.example.jp/x?", "file:///tmp/a.html#x",
		"https://shop.example.jp/a b", "https://xn--eckwd4c7c.jp/パス?キー=値", "https://shop.example.jp?x=1",
		"https://[::1]:443/", "https://shop.example.jp/a;b/c?d#e%zz",
	}
	for _, s := range fixtureSites {
		for i, body := range fixturePages(t, s) {
			text, _ := Decode(body, "text/html")
			p := rules.NewPage(fmt.Sprintf("https://shop.example.jp/d/p%d.html", i), 200, "text/html", text, false)
			for _, l := range p.Links {
				raws = append(raws, l.Href)
			}
		}
	}
	for _, raw := range raws {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		before := *u
		if got, want := canonicalOf(u), canonical(u.String()); got != want {
			t.Errorf("canonicalOf(%q) = %q, canonical gives %q", raw, got, want)
		}
		if *u != before {
			t.Errorf("canonicalOf(%q) changed its URL", raw)
		}
	}
}

func TestScriptRedirect(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString([]byte("https://kit.example.top/login"))
	tests := []struct{ name, html, want string }{
		{"href", `<script>location.href="https://kit.example.top/a"</script>`, "https://kit.example.top/a"},
		{"window", `<script>window.location = '/b'</script>`, "https://a.example.jp/b"},
		{"replace", `<body>移動しています…<script>setTimeout(function(){ location.replace("c.html") }, 500)</script></body>`, "https://a.example.jp/c.html"},
		{"assign atob", `<script>top.location.assign(atob("` + b64 + `"))</script>`, "https://kit.example.top/login"},
		{"escaped", `<script>document.location.href = "https:\/\/kit.example.top\x2fd?x=1\u0026y=2";</script>`, "https://kit.example.top/d?x=1&y=2"},
		{"backtick", "<script>location.href=`https://kit.example.top/e`</script>", "https://kit.example.top/e"},
		{"fragment dropped", `<script>location.href="/f#top"</script>`, "https://a.example.jp/f"},
		{"first script wins", `<script>var a=1;</script><script>location.href="/g"</script><script>location.href="/h"</script>`, "https://a.example.jp/g"},
		{"compare, not assign", `<script>if (location.href == "https://x.example/") {}</script>`, ""},
		{"javascript scheme", `<script>location.href="javascript:void(0)"</script>`, ""},
		{"no host", `<script>location.href="https://" + host</script>`, ""},
		{"a file, left to the download sign", `<script>location.href="/app/bank.apk"</script>`, ""},
		{"bad base64", `<script>location.replace(atob("***"))</script>`, ""},
		{"script src only", `<script src="/r.js"></script>`, ""},
		{"a page with text of its own", `<p>` + strings.Repeat("当店は仙台市の老舗の文具店です。", 20) + `</p><script>location.href="/i"</script>`, ""},
		{"a kit sending victims on after the form", `<form><input name=id><input type=password name=pw><button>ログイン</button></form><script>function done(){location.href="https://www.amazon.co.jp/"}</script>`, ""},
		{"a hidden field is no form to fill", `<form><input type=hidden name=t value=1></form><script>location.href="/j"</script>`, "https://a.example.jp/j"},
		// Only code that runs when the page loads.
		{"a click handler's function", `<p>ご登録ありがとうございます。料金99,000円</p><script>function taikai(){ location.href="/taikai.html" }</script>`, ""},
		{"a comment", `<script>// location.href="/x"
</script>`, ""},
		{"a block comment, then code", `<script>/* location.href="/x" */ location.href="/y"</script>`, "https://a.example.jp/y"},
		{"a function called at once", `<script>function go(){ location.href="/g" } go();</script>`, "https://a.example.jp/g"},
		{"a function the body's onload calls", `<body onload="go()"><script>function go(){ location.href="/g" }</script>`, "https://a.example.jp/g"},
		{"a function kept in a variable and called", `<script>var go = function () { location.href = "/v"; }; go();</script>`, "https://a.example.jp/v"},
		{"a function called from a click handler only", `<script>function go(){ location.href="/g" } document.getElementById("b").onclick = function(){ go() }</script>`, ""},
		{"onclick", `<script>btn.onclick = function(){ location.href="/c" }</script>`, ""},
		{"a click listener", `<script>document.addEventListener("click", () => { location.href="/c" })</script>`, ""},
		{"the load event", `<script>window.addEventListener("load", function(){ location.replace("/l") })</script>`, "https://a.example.jp/l"},
		{"window.onload", `<script>window.onload = function(){ location.replace("/l") }</script>`, "https://a.example.jp/l"},
		{"a function run at once", `<script>(function(){ location.href="/iife" })();</script>`, "https://a.example.jp/iife"},
		{"jQuery ready", `<script>$(function(){ location.href="/jq" })</script>`, "https://a.example.jp/jq"},
		{"a timer with an arrow", `<script>setTimeout(() => { location.href = "/t" }, 1000)</script>`, "https://a.example.jp/t"},
		{"an if at the top", `<script>if (/iPhone|Android/.test(navigator.userAgent)) { location.href = "/sp/" }</script>`, "https://a.example.jp/sp/"},
		// Only a whole address.
		{"pieces put together", `<script>var p = location.pathname.split("/"); location.href = "/" + p[1] + "/" + p[0];</script>`, ""},
		{"a query's value added", `<script>location.href = "/kit/fee?t=" + Date.now()</script>`, "https://a.example.jp/kit/fee?t="},
		{"the page's own query carried on", `<script>location.replace("/kit/fee" + location.search)</script>`, "https://a.example.jp/kit/fee"},
		{"a path's piece and the query", `<script>location.replace("/" + location.search)</script>`, ""},
		{"a literal then a semicolon", `<script>location.href = "/k" ; var x = "a" + "b";</script>`, "https://a.example.jp/k"},
		// Not code: a string, a template, a regular expression's quote.
		{"location in a string", `<p>退会</p><script>document.body.innerHTML = "<button onclick=\"location.href='/taikai.html'\">退会</button>";</script>`, ""},
		{"a quote in a regular expression", `<script>var re = /'/; btn.onclick = function(){ location.href = "/c" };</script>`, ""},
		{"a backtick in a regular expression, then a comment", "<script>var re = /`/; /* location.href = \"/x\" */</script>", ""},
		{"a template script", `<script type="text/x-template"><a onclick="location.href='/x'"></a><script>location.href = "/y"</script>`, ""},
		{"JSON data", `<script type="application/json">{"next": "location.href = '/x'"}</script>`, ""},
		// Handlers and methods that never run on load.
		{"a brace-less arrow handler", `<script>btn.onclick = () => location.href = "/cart"</script>`, ""},
		{"a brace-less arrow click listener", `<script>document.querySelector("a").addEventListener("click", () => location.href = "/cart")</script>`, ""},
		{"a brace-less arrow in a timer", `<script>setTimeout(() => location.href = "/t", 500)</script>`, "https://a.example.jp/t"},
		{"a method", `<script>var cart = { buy() { location.href = "/cart" } };</script>`, ""},
		{"a class method", `<script>class Cart { buy() { location.href = "/cart" } }</script>`, ""},
		{"a function with a default argument, uncalled", `<script>function f(a = g()) { location.href = "/x" }</script>`, ""},
		{"another object's method of the same name", `<script>function go(){ location.href = "/g" } history.go(0);</script>`, ""},
		{"a long timer (a session's end)", `<script>setTimeout(function(){ location.href = "/logout" }, 1800000)</script>`, ""},
		{"a short timer", `<script>setTimeout(function(){ location.href = "/next" }, 1500)</script>`, "https://a.example.jp/next"},
		// Code that does run on load.
		{"called in a function run at once", `<script>function go(){ location.href = "/g" } (function(){ go() })();</script>`, "https://a.example.jp/g"},
		{"called from onload", `<script>function go(){ location.href = "/g" } window.onload = function(){go()}</script>`, "https://a.example.jp/g"},
		{"nested nine blocks deep", `<script>if(1){if(1){if(1){if(1){if(1){if(1){if(1){if(1){if(1){ location.href = "/deep" }}}}}}}}}</script>`, "https://a.example.jp/deep"},
		{"a chain of calls", `<script>function a(){b()} function b(){c()} function c(){d()} function d(){e()} function e(){f()} function f(){g()} function g(){h()} function h(){i()} function i(){ location.href = "/chain" } a();</script>`, "https://a.example.jp/chain"},
		{"calls in a cycle, one from the top", `<script>function a(){ b() } function b(){ a(); location.href = "/cyc" } a();</script>`, "https://a.example.jp/cyc"},
		{"parenthesised literal", `<script>location.href = ("/p")</script>`, "https://a.example.jp/p"},
		{"window.atob", `<script>location.replace(window.atob("L2tpdC9mZWU="))</script>`, "https://a.example.jp/kit/fee"},
		// Third review's cases.
		{"a regex after return", `<script>function ok(u){return /^https?:\/\//.test(u)} location.href = "/kit";</script>`, "https://a.example.jp/kit"},
		{"a regex after typeof", `<script>var t = typeof /'/; location.href = "/kit";</script>`, "https://a.example.jp/kit"},
		{"a 30-minute timer as a product", `<script>setTimeout(function(){location.href="/logout"}, 30 * 60 * 1000)</script>`, ""},
		{"a 15 s timer as 15e3", `<script>setTimeout(function(){location.href="/logout"}, 15e3)</script>`, ""},
		{"an async function called", `<script>async function go(){location.href="/kit"} go();</script>`, "https://a.example.jp/kit"},
		{"an async arrow run at once", `<script>(async () => {location.href="/kit"})();</script>`, "https://a.example.jp/kit"},
		{"an interval", `<script>setInterval(function(){ location.href = "/kit" }, 100)</script>`, "https://a.example.jp/kit"},
		{"a decoy value given in a function never called", `<script>var u = "/kit"; function never(){ u = "/safe" } location.href = u;</script>`, "https://a.example.jp/kit"},
		{"a decoy value given in a click handler", `<script>var u = "/kit"; btn.onclick = function(){ u = "/safe" }; location.href = u;</script>`, "https://a.example.jp/kit"},
		{"a robots' block with more in it", `<script>if (isBot) { console.log(1); location.href = "/safe"; } else { location.href = "/kit"; }</script>`, "https://a.example.jp/kit"},
		{"a robots' block holding an if", `<script>if (isBot) { if (true) location.href = "/safe"; } else { location.href = "/kit"; }</script>`, "https://a.example.jp/kit"},
		{"a person and no robot", `<script>if (isHuman && !isBot) location.href = "/kit"</script>`, "https://a.example.jp/kit"},
		{"not a webdriver, compared", `<script>if (navigator.webdriver === false) { location.href = "/kit" }</script>`, "https://a.example.jp/kit"},
		{"no cookies, compared", `<script>if (navigator.cookieEnabled === false) { location.href = "/nocookie" } location.href = "/kit";</script>`, "https://a.example.jp/kit"},
		// A variable given a literal just before.
		{"a variable", `<script>var u = "/kit/fee"; window.location.href = u;</script>`, "https://a.example.jp/kit/fee"},
		{"a variable given pieces", `<script>var u = "/kit/" + id; location.replace(u);</script>`, ""},
		{"a variable from elsewhere", `<script>location.href = next;</script>`, ""},
		// A branch only robots take is skipped.
		{"a robots' branch", `<script>if (/bot|crawl|spider/i.test(navigator.userAgent) || navigator.webdriver) { location.href = "https://news.example.jp/"; } else { location.href = "/kit/fee"; }</script>`, "https://a.example.jp/kit/fee"},
		{"a robots' branch with window.location", `<script>var isBot = /bot/i.test(navigator.userAgent); if (isBot) window.location.href = "https://news.example.jp/"; window.location.href = "/kit/fee";</script>`, "https://a.example.jp/kit/fee"},
		{"the people's branch of a robot test", `<script>if (!/bot|crawl/i.test(navigator.userAgent)) { location.href = "/kit/fee" }</script>`, "https://a.example.jp/kit/fee"},
		{"not a webdriver", `<script>if (!navigator.webdriver) location.replace("/kit/fee")</script>`, "https://a.example.jp/kit/fee"},
		{"bottom is no bot", `<script>if (bottomMargin > 0) { location.href = "/b" }</script>`, "https://a.example.jp/b"},
		{"a variable given more later", `<script>var u = "/kit/"; u = u + lang; location.href = u;</script>`, ""},
		{"a variable named like atob", `<script>var atobUrl = "/kit"; location.href = atobUrl;</script>`, "https://a.example.jp/kit"},
		{"a branch for browsers without cookies", `<script>if(!navigator.cookieEnabled){location.href="/nocookie.html";}else{location.href="/kit";}</script>`, "https://a.example.jp/kit"},
		{"a robots' branch without braces", `<script>if (navigator.webdriver) location.href = "/harmless"; location.href = "/kit";</script>`, "https://a.example.jp/kit"},
	}
	for _, tt := range tests {
		p := rules.NewPage("https://a.example.jp/", 200, "text/html", "<html><head></head><body>"+tt.html+"</body></html>", false)
		if got := scriptRedirect(p); got != tt.want {
			t.Errorf("%s: scriptRedirect = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestStubNextNotToTheBrand: a stub (script or meta refresh) on a
// stranger's domain that sends visitors to a brand's own site is not
// followed (the brand's page says nothing of the stub's site); a brand's
// own hop is.
func TestStubNextNotToTheBrand(t *testing.T) {
	cr := &crawl{c: New(Options{}, nil, nil, nil)}
	tests := []struct{ url, html, want string }{
		{"https://amazon-jp.example.top/", `<script>location.href="https://www.amazon.co.jp/"</script>`, ""},
		{"https://www.amazon.co.jp/x", `<script>location.href="https://www.amazon.co.jp/"</script>`, "https://www.amazon.co.jp/"},
		{"https://amazon-jp.example.top/", `<script>location.href="https://kit.example.top/"</script>`, "https://kit.example.top/"},
		// Refused for the brand, the scripts' next address is taken.
		{"https://amazon-jp.example.top/", `<script>if (navigator.language.indexOf("ja") != 0) location.href = "https://www.amazon.co.jp/"; location.href = "/signin";</script>`, "https://amazon-jp.example.top/signin"},
		{"https://amazon-jp.example.top/", `<meta http-equiv="refresh" content="0;url=https://www.amazon.co.jp/">`, ""},
		{"https://www.amazon.co.jp/y", `<meta http-equiv="refresh" content="0;url=https://www.amazon.co.jp/">`, "https://www.amazon.co.jp/"},
	}
	for _, tt := range tests {
		p := rules.NewPage(tt.url, 200, "text/html", "<html><head></head><body>"+tt.html+"</body></html>", false)
		if got := cr.stubNext(p); got != tt.want {
			t.Errorf("stubNext(%s on %s) = %q, want %q", tt.html, tt.url, got, tt.want)
		}
	}
}

// hostileScript is a stub's script built against the scanner: n named
// functions each calling two others, a location assignment in every
// twentieth, none called from the top.
func hostileScript(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "function f%d(){ f%d(); f%d();", i, (i*7+1)%n, (i*13+5)%n)
		if i%20 == 0 {
			fmt.Fprintf(&b, ` location.href = "/x%d";`, i)
		}
		b.WriteString(" }\n")
	}
	return b.String()
}

// TestScriptScanBounded: a script built to make the reading slow is read
// within the scanner's work budget, and its uncalled functions send
// nowhere.
func TestScriptScanBounded(t *testing.T) {
	src := hostileScript(1800)
	if len(src) > scriptRedirectBytes {
		src = src[:scriptRedirectBytes]
	}
	s := newJSScan(src)
	if got := scriptHops(s); len(got) != 0 {
		t.Errorf("hops %v from functions nothing calls", got)
	}
	if s.work > 2*jsScanBudget {
		t.Errorf("work %d, over the budget %d", s.work, jsScanBudget)
	}
}

// BenchmarkScriptScanHostile reads the hostile script (one op is one stub).
func BenchmarkScriptScanHostile(b *testing.B) {
	src := hostileScript(1800)
	if len(src) > scriptRedirectBytes {
		src = src[:scriptRedirectBytes]
	}
	for b.Loop() {
		scriptHops(newJSScan(src))
	}
}

// skipExt is the expression skipPath replaced: its reference.
var skipExt = regexp.MustCompile(`(?i)\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|mp4|mp3|woff2?|ttf|apk|exe|msi|dmg)$`)

// TestLinkMatchersAgree holds the one-pass link readers to what they
// replace: skipPath to skipExt, productLink to productPath, and the hint
// index to a loop over linkHints with strings.Contains, over every link
// (text and path) of the fixture shops and odd spellings.
func TestLinkMatchersAgree(t *testing.T) {
	strs := []string{"", ".", "/a.JPG", "/a.jpeg", "/x.tar.zip", "/a.png/x", "/a.ſvg", "/ĳ.css", "/file.Woff2", "/a.", "no-dot",
		"/ITEMS", "/items", "/itemsx", "/itemss", "/ſhohin/1", "/syohin_2", "/goodſ", "/Detail.html", "/products?x", "/product-1",
		"/productx", "/goods", "/itemſ/", "特定商取引法に基づく表記", "お支払い方法", "ショッピングガイド", "/law?", "/tokusho.html",
		"ご注文の流れ", "howto", "how-to", "/faq", "よくある質問", "ſale", "/company/about", "再配達の依頼する", "x"}
	for _, s := range fixtureSites {
		for i, body := range fixturePages(t, s) {
			text, _ := Decode(body, "text/html")
			p := rules.NewPage(fmt.Sprintf("https://shop.example.jp/d/p%d.html", i), 200, "text/html", text, false)
			for _, l := range p.Links {
				strs = append(strs, l.Text, strings.ToLower(l.Text))
				if u, err := url.Parse(l.Href); err == nil {
					strs = append(strs, u.Path, strings.ToLower(u.Path+"?"+u.RawQuery))
				}
			}
		}
	}
	hints := linkHintIndex()
	for _, s := range strs {
		if got, want := skipPath(s), skipExt.MatchString(s); got != want {
			t.Errorf("skipPath(%q) = %v, skipExt %v", s, got, want)
		}
		if got, want := productLink(s), productPath.MatchString(s); got != want {
			t.Errorf("productLink(%q) = %v, productPath %v", s, got, want)
		}
		for _, bonus := range []int{0, 5} {
			want := 0
			for _, h := range linkHints {
				if strings.Contains(s, h.word) {
					want = max(want, h.weight+bonus)
				}
			}
			if got := hints.best(s, bonus); got != want {
				t.Errorf("hints in %q (bonus %d) = %d, the loop gives %d", s, bonus, got, want)
			}
		}
	}
}
