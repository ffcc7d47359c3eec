package rules

import (
	"bytes"
	"io/fs"
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/unicode/norm"
)

// The tests here hold NewPage to the plain way it was first written
// (goquery selections, strings.Fields folding, NFKC of every string), kept
// below as oldNewPage: every part of every page must come out the same.

// pageCorpus is every file under testdata (pages, mails, notes), read as
// UTF-8 and, where it decodes, as Shift_JIS and EUC-JP, plus hand-made
// pages with the awkward cases: nested and orphan fields, labels before and
// after, links with only images, white space NFKC makes, NULs, SVG.
func pageCorpus(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := readFileCapped(path, 4<<20)
		if err != nil {
			return err
		}
		out[path] = string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
		if !utf8.Valid(b) {
			if s, err := japanese.ShiftJIS.NewDecoder().Bytes(b); err == nil {
				out[path+"#sjis"] = string(s)
			}
			if s, err := japanese.EUCJP.NewDecoder().Bytes(b); err == nil {
				out[path+"#eucjp"] = string(s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 300 {
		t.Fatalf("only %d testdata files read", len(out))
	}
	for i, s := range awkwardPages {
		out["awkward#"+string(rune('a'+i))] = s
	}
	return out
}

// readFileCapped reads at most max bytes of a file.
func readFileCapped(path string, max int) ([]byte, error) {
	b, err := os.ReadFile(path)
	if len(b) > max {
		b = b[:max]
	}
	return b, err
}

var awkwardPages = []string{
	``,
	`plain text, not html　at all`,
	"<p>\x00nul\x00</p><inp\x00ut name=a>",
	`<base href=" /sub/ "><base href="/other/"><a href="x.html">ｘ</a><a href=" ../y ">　</a>`,
	`<title> Ｔｉｔｌｅ　 two </title><title>second</title><svg><title>svg <b>title</b></title></svg>`,
	`<h1>  Ｈ１ <span>a</span>　b </h1><h2></h2><h3><script>var x=1</script>s</h3><h4>no</h4>`,
	`<a href="/i"><img src="a.png" alt=" "><img alt="Ｂ"></a><a href="/j" title=" ｔ "><img src="b"></a>` +
		`<a href="/k" title="t2"></a><a href="/z" title="T"><img alt="　"></a><area href="/m" alt="x"><a name="x">no href</a><a href="">empty</a>`,
	`<a href="/n"><svg><a href="/inner"><img alt="in"></a></svg></a><a href="/o"> <!-- c --> <img alt=""></a>`,
	`<img src=" /p.jpg " alt="Ａ　ｌｔ"><img data-src="/q.jpg"><img src="" data-src=""><img alt="only alt">`,
	`<form action=" /login " method=" POST "><label for="u">ユーザー　ID</label><input id="u" name="user">` +
		`<label>パスワード <input type="PASSWORD" name="pw"></label>お名前<input name="nm" aria-label="">` +
		`<select name="s"><option>1</option></select><textarea name="t" title=" Ｔ "></textarea></form>` +
		`<input name="orphan" placeholder="ｐｈ　" autocomplete="CC-Number"><input form="f2" name="owned">` +
		`<div><span>前</span><div><input name="deep"></div></div><label for="late">後のラベル</label><input id="late">`,
	`<form method=""><input type=" Email "></form><form><form><input name="nested"></form></form>`,
	`<template><form><input name="tpl"></form><a href="/t">t</a></template><noscript><a href="/ns">ns</a></noscript>`,
	`<table><tr><td>a</td><td>b<span>c</span></td></tr></table><p>x<br>y</p><pre>  a
	b  </pre>`,
	"<p>\u00a8 \u00a8\u3000x\u2028y\u0085z\u00a0w\u1680v\u205fu\u202f</p><p>\u3000</p><p>e\u0301 \u0301</p>",
	"<p>ｶﾞｷﾞ ﾊﾟ ㈱ ① ﬁ ㌔ ＡＢＣ１２３ （株）</p><h2>\u00a8</h2>",
	`<iframe><a href="/if">if</a></iframe><object><img src="/obj.png"></object><style>p{}</style><head><title>late</title></head>`,
	"<p>\xff\xfe bad \xe3\x80 bytes</p>",
	`<iframe src=" kit/index.html "></iframe><iframe src="about:blank"></iframe><frameset><frame src="/top.html"><frame></frameset><a href="/x">x</a>`,
	`<label for="">empty for</label><input id="" name="e"><label for="d">one</label><label for="d">two</label><input id="d">`,
	`<div>text <input name="a"></div><div><p></p>  <input name="b"></div><p>x</p><p>  </p><input name="c">`,
	`<math><mi><a href="/math">m</a></mi></math><svg><image href="/svg.png"></image><a xlink:href="/xl">x</a></svg>`,
}

func TestNewPageMatchesOld(t *testing.T) {
	for name, body := range pageCorpus(t) {
		comparePages(t, name, body)
	}
}

// FuzzNewPageMatchesOld runs the comparison on the awkward pages (and on
// whatever `go test -fuzz` makes of them).
func FuzzNewPageMatchesOld(f *testing.F) {
	for _, s := range awkwardPages {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		comparePages(t, "fuzz", body)
	})
}

func comparePages(t *testing.T, name, body string) {
	t.Helper()
	const pageURL = "https://shop.example.jp/dir/page.html?q=1"
	// The oracle reads the markup alone; what NewPage reads besides
	// (page_embed.go) is tested in page_embed_test.go.
	got := newPage(pageURL, 200, "text/html", body, false, true, false)
	want := oldNewPage(pageURL, 200, "text/html", body, false)
	if (got.Doc == nil) != (want.Doc == nil) {
		t.Fatalf("%s: Doc nil %v, old %v", name, got.Doc == nil, want.Doc == nil)
	}
	got.Doc, want.Doc = nil, nil
	got.memo = nil // what is derived later, not what was parsed
	got.hid = nil  // not in the oracle: TestPageHidden
	if !reflect.DeepEqual(got, want) {
		gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
		for i := range gv.NumField() {
			if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
				t.Errorf("%s: %s differs:\n got  %#v\n want %#v", name, gv.Type().Field(i).Name,
					gv.Field(i).Interface(), wv.Field(i).Interface())
			}
		}
	}
}

// TestPageHidden: the text of elements hidden by their own markup is cut
// out of ShownLines where it stood; it stays in Lines.
func TestPageHidden(t *testing.T) {
	for _, c := range []struct {
		name, body string
		shown      []string // nil: nothing hidden (ShownLines is Lines)
		lines      []string
	}{
		{"inline display:none", `<div style='display:none'><h1>暮らしの雑貨</h1><p>特定商取引法に基づく表記</p></div><p>カード番号を入力</p>`,
			[]string{"カード番号を入力"}, []string{"暮らしの雑貨", "特定商取引法に基づく表記", "カード番号を入力"}},
		{"spaced, upper case, among other rules", `<p style="color:red; DISPLAY : None ;">decoy</p><p>shown</p>`, []string{"shown"}, []string{"decoy", "shown"}},
		{"visibility hidden and the hidden attribute", `<span style="visibility:hidden">a</span><p>b</p><section hidden><p>c</p><div style="display:none">d</div></section>`,
			[]string{"b"}, []string{"a", "b", "c", "d"}},
		{"a span inside a line leaves the rest joined", `<p>お知らせ<span style="display:none">【注意喚起】詐欺に注意</span>です</p><p>お知らせです</p>`,
			[]string{"お知らせです", "お知らせです"}, []string{"お知らせ【注意喚起】詐欺に注意です", "お知らせです"}},
		// A hidden span's space taken back (spans beside Japanese join):
		// what is shown, and what is hidden, keep their own bounds.
		{"a hidden span between two shown ones", `<p><span>お知らせ</span><span hidden>【注意】</span><span>です</span></p>`,
			[]string{"お知らせです"}, []string{"お知らせ【注意】です"}},
		{"a shown line equal to a hidden one stays", `<div hidden><p>ご注意ください</p></div><p>ご注意ください</p>`, []string{"ご注意ください"}, []string{"ご注意ください", "ご注意ください"}},
		{"the last declaration wins; comments", `<p style="display:none;display:block">a</p><p style="display:/**/none">b</p><p>c</p>`, []string{"a", "c"}, []string{"a", "b", "c"}},
		{"opacity 0 in any form, not 0.5", `<p style="opacity: 0 !important">a</p><p style="opacity:0.5">b</p><p style="opacity:.0">c</p><p style="opacity:0%">d</p><p style="--tw-bg-opacity:0;backface-visibility:hidden">e</p>`,
			[]string{"b", "e"}, []string{"a", "b", "c", "d", "e"}},
		{"font size 0, unless an item is sized again", `<link rel="stylesheet" href="s.css"><span style="font-size:0px">salt</span><p>x</p><ul style="font-size:0"><li class="item">y</li></ul>`,
			[]string{"x", "y"}, []string{"salt", "x", "y"}},
		{"font size 0, an item sized in its own style", `<ul style="font-size:0"><li style="font-size:14px">y</li></ul><p>x</p>`,
			nil, []string{"y", "x"}},
		{"font size 0, no sheet to size a class, a weight is no size (review 21)", `<div style="font-size:0"><span class="x"></span>salt</div><div style="font-size:0"><b style="font-weight:bold">bold</b> salt2</div><p>x</p>`,
			[]string{"x"}, []string{"salt", "bold salt2", "x"}},
		{"a child made visible again", `<div style="visibility:hidden"><p style="visibility:visible">a</p></div><div style="visibility:hidden"><p>b</p></div><p>c</p>`,
			[]string{"a", "c"}, []string{"a", "b", "c"}},
		{"!important and values a browser drops (review 21)", `<p style="display:none!important;display:block">a</p><p style="display:none;display:bogus">b</p><p style="visibility:hidden;visibility:nope">c</p><p hidden style="display:x">d</p><p hidden style="display:revert">e</p><p style="display:&nbsp;none">f</p><p style="opacity:-1">g</p><p style="opacity:0.01">h</p><p style="opacity:calc(0)">i</p><p style="opacity:0e5">j</p><p style="opacity:1e-9">k</p><p style="font-size:0em">l</p><p style="opacity:5e-1">m</p>`,
			[]string{"f", "m"}, []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"}}, // calc(0) is 0 to a browser
		{"a sheet's !important beats the inline style", `<style>.k{display:none!important}.s{display:none}</style><p class="k" style="display:block">a</p><p class="s" style="display:block">b</p>`,
			[]string{"b"}, []string{"a", "b"}},
		{"an empty visible child leaves its hidden parent's text hidden (review 21)", `<div style="visibility:hidden"><span style="visibility:visible"></span>warning<p>x</p></div><p>y</p>`,
			[]string{"y"}, []string{"warning", "x", "y"}},
		{"visibility shown again by a sheet's class, hidden again below", `<style>.v{visibility:visible}</style><div style="visibility:hidden"><p class="v">a <span style="visibility:hidden">b</span> c</p>d</div>`,
			[]string{"a c"}, []string{"a b c", "d"}},
		{"a scroll animation's first frame is shown (review 22)", `<style>.wow{visibility:hidden}</style><h2 class="wow fadeInUp" style="visibility: hidden; animation-name: none;">a</h2><section data-aos="fade-up" style="opacity:0">b</section><p style="opacity:0;transition:opacity .5s">c</p><p class="wow">d</p><p style="opacity:0">e</p>`,
			[]string{"a", "b", "c", "d"}, []string{"a", "b", "c", "d", "e"}},
		{"a dialog not open, one open", `<dialog><p>a</p></dialog><dialog open><p>b</p></dialog>`, []string{"b"}, []string{"a", "b"}},
		{"the hidden attribute undone by a display", `<p hidden style="display:block">a</p><p>b</p>`, nil, []string{"a", "b"}},
		{"nothing hidden", `<div style="display:block"><p>x</p></div><p class="hidden">y</p><input type="hidden" name="t" value="z">`, nil, []string{"x", "y"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPage("https://shop.example.jp/", 200, "text/html", c.body, false)
			if !reflect.DeepEqual(p.Lines, c.lines) {
				t.Errorf("Lines %q, want %q", p.Lines, c.lines)
			}
			if p.HasHidden() != (c.shown != nil) {
				t.Errorf("HasHidden %v", p.HasHidden())
			}
			want := c.shown
			if want == nil {
				want = c.lines
			}
			if got := p.ShownLines(); !reflect.DeepEqual(got, want) {
				t.Errorf("ShownLines %q, want %q", got, want)
			}
		})
	}
}

// TestShownHeadings: headings inside hidden elements, and hidden parts of
// headings, are not shown; a shown copy of the page walks past them.
// TestSpansJoined: adjacent spans show as one run in a browser; a page
// that splits 「ご登録が完了致しました」 over spans is read as written (p44
// page40, a one-click bill low 0), while Latin words in spans stay apart.
func TestSpansJoined(t *testing.T) {
	for body, want := range map[string]string{
		`<p><span>ご登録が</span><span>完了致しました</span></p>`:                                          "ご登録が完了致しました",
		`<p><span>ご</span><span>請</span><span>求</span><span>額</span>：<span>120,000</span>円</p>`: "ご請求額:120,000円",
		`<p><span>VISA</span><span>Master</span><span>JCB</span></p>`:                           "VISA Master JCB",
		`<p><span>ご登録</span> <span>完了</span></p>`:                                               "ご登録 完了",
		`<p><span>会員</span><b>登録</b></p>`:                                                       "会員登録",
		`<p><span>料金</span><img alt="30,000円"></p>`:                                             "料金 30,000円",
		`<p><span><span>ご登録</span></span>が<span><span>完了</span></span></p>`:                     "ご登録が完了",
		`<p><span><b>Visa</b></span><span>Master</span></p>`:                                    "Visa Master",
	} {
		if got := NewPage("https://x.example/", 200, "text/html", body, false).Text; got != want {
			t.Errorf("%s: text %q, want %q", body, got, want)
		}
	}
}

func TestShownHeadings(t *testing.T) {
	p := NewPage("https://shop.example.jp/", 200, "text/html", `<div hidden><h1>【注意喚起】</h1></div><h1>お知らせ<span style="display:none">詐欺にご注意</span></h1><h2>本文</h2>`, false)
	if got, want := p.shownHeadings(), []string{"お知らせ", "本文"}; !reflect.DeepEqual(got, want) {
		t.Errorf("shownHeadings %q, want %q", got, want)
	}
	if got, want := phishH1(p.shownPage(), 5), []string{"お知らせ"}; !reflect.DeepEqual(got, want) {
		t.Errorf("phishH1 of the shown page %q, want %q", got, want)
	}
	if got := phishH1(p, 5); len(got) != 2 {
		t.Errorf("phishH1 of the page %q: hidden h1s count there", got)
	}
}

// TestResolverMatchesURL compares the resolver's shortcut with
// base.Parse(ref).String() for bases and targets of every shape.
func TestResolverMatchesURL(t *testing.T) {
	bases := []string{"https://shop.example.jp/dir/page.html?q=1#f", "https://shop.example.jp", "https://shop.example.jp/",
		"http://user:pw@shop.example.jp:8080/a/b/", "http://[::1]:80/x", "https://xn--eckwd4c7c.jp/%E5%95%86/p.html",
		"https://h.jp/a/./b/c", "https://h.jp/a/../b", "https://h.jp//x/y", "mailto:x@example.jp", "a/b", "/a/b", "",
		"https://h.jp/~user/shop.cgi", "https://h.jp/a b/c", "file:///tmp/x.html", "https://h.jp/.hidden/x", "//h.jp/p",
		"https://H.JP/Ｐ/q", "https://h.jp?x", "https://h.jp/a/b/.."}
	refs := []string{"/item/12.html", "item/12.html", "img/a.jpg", "/", "//cdn.example.jp/a.png", "./a", "../a", "/a/../b",
		"a/./b", "/a//b", ".", "..", "/.", "a.", "~x/y", "a:b", "/a?b", "a#b", "#top", "?q=1", "", " /x ", "a b", "/%E5",
		"/商品", "https://other.example/x", "javascript:void(0)", "/a/b/", "A-Z_0.9~", "a/", ".hidden", "/a/.b", "\\x"}
	for _, bs := range bases {
		base, err := url.Parse(bs)
		if err != nil {
			continue
		}
		r := newResolver(base)
		for _, ref := range refs {
			want := strings.TrimSpace(ref)
			if u, err := base.Parse(want); err == nil {
				want = u.String()
			}
			if got := r.abs(ref); got != want {
				t.Errorf("base %q, ref %q: %q, want %q", bs, ref, got, want)
			}
		}
	}
	if got := newResolver(nil).abs(" /x "); got != "/x" {
		t.Errorf("no base: %q", got)
	}
}

func TestTagClassMatchesMaps(t *testing.T) {
	tags := []string{"a", "img", "span", "td", "body", "html", "input", "form", "tbody", "thead", "b", "i"}
	for k := range blockTags {
		tags = append(tags, k)
	}
	for k := range skipTags {
		tags = append(tags, k)
	}
	for _, tag := range tags {
		c := tagClass(tag)
		if (c&tagBlock != 0) != blockTags[tag] || (c&tagSkip != 0) != skipTags[tag] ||
			(c&tagSpace != 0) != (tag == "td" || tag == "span") {
			t.Errorf("tagClass(%q) = %b; blockTags %v, skipTags %v", tag, c, blockTags[tag], skipTags[tag])
		}
	}
}

// TestFoldMatchesFields compares fold, foldNFKC and foldLines with the
// strings.Fields way on strings made of every kind of white space, marks
// NFKC changes, newlines and invalid bytes.
func TestFoldMatchesFields(t *testing.T) {
	parts := []string{" ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00a0", "\u1680", "\u2000",
		"\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u00a8", "\u0301", "a", "Ｂ",
		"ｶﾞ", "日本", "\xff", "\xe3\x80", "\xc2", "\xe2\x80", "x y", "\ufeff", "\u3099", "ﬁ"}
	rng := rand.New(rand.NewSource(1))
	cases := append([]string{""}, parts...)
	for range 20000 {
		var sb strings.Builder
		for range rng.Intn(8) {
			sb.WriteString(parts[rng.Intn(len(parts))])
		}
		cases = append(cases, sb.String())
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r < 0x3100 || r >= 0xFE00 && r <= 0xFFFF || r%97 == 0 {
			cases = append(cases, "a"+string(r)+"b", string(r)+" "+string(r))
		}
	}
	for b0 := 0xC0; b0 <= 0xFF; b0++ {
		for b1 := 0x80; b1 <= 0xBF; b1++ {
			for _, b2 := range []byte{0x41, 0x80, 0x85, 0x8A, 0x9F, 0xA0, 0xA8, 0xAF, 0xE3} {
				cases = append(cases, string([]byte{'x', byte(b0), byte(b1), b2, ' ', 'y'}), string([]byte{byte(b0), byte(b1)}))
			}
		}
	}
	for _, s := range cases {
		if got, want := fold(s), oldFold(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := foldNFKC([]byte(s)), oldFold(oldNFKC(s)); got != want {
			t.Fatalf("foldNFKC(%q) = %q, want %q", s, got, want)
		}
		want := strings.Join(oldSplitLines(oldNFKC(s)), "\n")
		if got := foldLines([]byte(oldNFKC(s))); got != want {
			t.Fatalf("foldLines(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNFKCStableRanges checks every character nfkcStable lets through:
// NFKC leaves it alone (が decomposes but composes back) and it starts a
// segment nothing before it can combine with, so any string of them is
// normal. Random strings of them
// and of others must normalise as the normaliser has it.
func TestNFKCStableRanges(t *testing.T) {
	var stable []rune
	for r := rune(0); r <= 0xFFFF; r++ {
		if !jaStable(r) {
			continue
		}
		stable = append(stable, r)
		s := string(r)
		p := norm.NFKC.PropertiesString(s)
		if !norm.NFKC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("U+%04X %s: normal %v, boundary before %v, ccc %d", r, s,
				norm.NFKC.IsNormalString(s), p.BoundaryBefore(), p.CCC())
		}
	}
	if len(stable) < 20000 {
		t.Fatalf("only %d stable characters", len(stable))
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		s := string(r)
		c, n := simpleAt(s, 0)
		if n == 0 {
			continue
		}
		if norm.NFKC.String(s) != string(c) || !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("U+%04X %s: mapped to %q, NFKC %q, boundary before %v", r, s, c, norm.NFKC.String(s),
				norm.NFKC.PropertiesString(s).BoundaryBefore())
		}
	}
	// The hand-made decoders accept only valid UTF-8 for the characters
	// they name.
	for b0 := 0x80; b0 <= 0xFF; b0++ {
		for b1 := 0; b1 <= 0xFF; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x80, 0x81, 0x9E, 0xB8, 0xBF, 0xC0, 0xE3} {
				s := string([]byte{byte(b0), byte(b1), b2})
				r, size := utf8.DecodeRuneInString(s)
				if n := stableAt(s, 0); n > 0 && (size != n || r == utf8.RuneError || !jaStable(r)) {
					t.Fatalf("stableAt(%q) = %d; DecodeRune gives U+%04X, %d", s, n, r, size)
				}
				if c, n := simpleAt(s, 0); n > 0 && (size != n || norm.NFKC.String(s[:size]) != string(c)) {
					t.Fatalf("simpleAt(%q) = %q, %d; DecodeRune gives U+%04X, %d", s, c, n, r, size)
				}
				if n := runeLen(s, 0); n > 0 != (r != utf8.RuneError || size > 1) || (n > 0 && n != size) {
					t.Fatalf("runeLen(%q) = %d; DecodeRune gives U+%04X, %d", s, n, r, size)
				}
			}
		}
	}
	others := []string{"a", " ", "\u3099", "\u309A", "\u309B", "\u3000", "\uFF21", "\uFF76", "\u0301", "\u00A8",
		"\u1100", "\u1161", "\u11A8", "\uAC00", "\u30FD", "\u30FE", "\u309F", "\u30FF", "\uF900", "\u2F00",
		"\u3003", "\u3006", "\uFFFD", "\uFF08", "\uFF01", "\uFF5E", "\u3231", "\u2460", "\uFF9E", "\uFF9F",
		"\u0323", "\u0E33", "\U0001D400", "e\u0301", "\uFF21\u0301", "\u3000\u3099", "\uFF41", "\uFF10",
		"\u30FB", "\u00A5", "\u00D7\u0338", "\u2192\u0338", "\u2026", "\uFFE5", "\u00B7", "\u0338", "\xe3\x81", "\xff", "\xed\xa0\x80", "\u0f73", "\u0344"}
	rng := rand.New(rand.NewSource(2))
	for n := range 50000 {
		var sb strings.Builder
		for range rng.Intn(6 + n%20) {
			if rng.Intn(4) == 0 {
				sb.WriteString(others[rng.Intn(len(others))])
			} else {
				sb.WriteRune(stable[rng.Intn(len(stable))])
			}
		}
		s := sb.String()
		if nfkcStable(s) && !norm.NFKC.IsNormalString(s) {
			t.Fatalf("nfkcStable(%q) but it is not normal", s)
		}
		if got, want := NFKC(s), oldNFKC(s); got != want {
			t.Fatalf("NFKC(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(nfkcBytes([]byte(s))), oldNFKC(s); got != want {
			t.Fatalf("nfkcBytes(%q) = %q, want %q", s, got, want)
		}
	}
	for _, bad := range []string{"ã", "ãA", "ãÿ", "í ", "à"} {
		if nfkcStable(bad) {
			t.Errorf("nfkcStable(%q) on invalid UTF-8", bad)
		}
	}
}

func oldNFKC(s string) string { return norm.NFKC.String(s) }

// --- the old way, kept as the oracle ---

func oldNewPage(pageURL string, status int, contentType, body string, truncated bool) *Page {
	p := &Page{URL: pageURL, Status: status, ContentType: contentType, Truncated: truncated}
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		p.Text = oldNFKC(body)
		p.Lines = oldSplitLines(p.Text)
		return p
	}
	p.Doc = goquery.NewDocumentFromNode(root)
	base, _ := url.Parse(pageURL)
	if b, ok := p.Doc.FindMatcher(oldSel.base).First().Attr("href"); ok && base != nil {
		if u, err := base.Parse(strings.TrimSpace(b)); err == nil {
			base = u
		}
	}
	abs := func(ref string) string {
		ref = strings.TrimSpace(ref)
		if base == nil {
			return ref
		}
		u, err := base.Parse(ref)
		if err != nil {
			return ref
		}
		return u.String()
	}
	p.Title = oldFold(oldNFKC(p.Doc.FindMatcher(oldSel.title).First().Text()))

	var sb strings.Builder
	oldWalkText(root, &sb)
	p.Text = oldNFKC(oldJoinSpans(sb.String()))
	p.Lines = oldSplitLines(p.Text)
	p.Text = strings.Join(p.Lines, "\n")
	if len(p.Lines) > 0 {
		p.Lines = strings.Split(p.Text, "\n")
	}

	p.Doc.FindMatcher(oldSel.headings).Each(func(_ int, s *goquery.Selection) {
		if t := oldFold(oldNFKC(s.Text())); t != "" {
			p.Headings = append(p.Headings, t)
		}
	})
	p.Doc.FindMatcher(oldSel.links).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		text := oldFold(oldNFKC(s.Text()))
		imgs := s.FindMatcher(oldSel.img)
		if text == "" {
			imgs.Each(func(_ int, im *goquery.Selection) {
				alt, _ := im.Attr("alt")
				text += alt
			})
			if text == "" {
				text, _ = s.Attr("title")
			}
			text = oldFold(oldNFKC(text))
		}
		p.Links = append(p.Links, Link{Href: abs(href), Text: text, Image: imgs.Length() > 0})
	})
	p.Doc.Find("iframe[src], frame[src]").Each(func(_ int, s *goquery.Selection) {
		src, _ := s.Attr("src")
		if src = strings.TrimSpace(src); src != "" && !strings.HasPrefix(strings.ToLower(src), "about:") {
			p.Links = append(p.Links, Link{Href: abs(src), Frame: true})
		}
	})
	p.Doc.FindMatcher(oldSel.img).Each(func(_ int, s *goquery.Selection) {
		src, _ := s.Attr("src")
		if src == "" {
			src, _ = s.Attr("data-src")
		}
		alt, _ := s.Attr("alt")
		if src == "" {
			return
		}
		p.Images = append(p.Images, Image{Src: abs(src), Alt: oldFold(oldNFKC(alt))})
	})
	p.Forms = oldParseForms(p.Doc, pageURL, abs)
	return p
}

var oldSel = struct {
	base, title, headings, links, img, labelFor, label, form, fields cascadia.Selector
}{
	base:     cascadia.MustCompile("base[href]"),
	title:    cascadia.MustCompile("title"),
	headings: cascadia.MustCompile("h1,h2,h3"),
	links:    cascadia.MustCompile("a[href],area[href]"),
	img:      cascadia.MustCompile("img"),
	labelFor: cascadia.MustCompile("label[for]"),
	label:    cascadia.MustCompile("label"),
	form:     cascadia.MustCompile("form"),
	fields:   cascadia.MustCompile("input,select,textarea"),
}

func oldParseForms(doc *goquery.Document, pageURL string, abs func(string) string) []Form {
	labels := map[string]string{}
	doc.FindMatcher(oldSel.labelFor).Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("for")
		labels[id] = oldFold(oldNFKC(s.Text()))
	})
	input := func(s *goquery.Selection) Input {
		in := Input{Tag: goquery.NodeName(s)}
		in.Type = strings.ToLower(strings.TrimSpace(s.AttrOr("type", "")))
		if in.Type == "" {
			in.Type = "text"
			if in.Tag != "input" {
				in.Type = in.Tag
			}
		}
		in.Name = s.AttrOr("name", "")
		in.ID = s.AttrOr("id", "")
		in.Placeholder = oldNFKC(s.AttrOr("placeholder", ""))
		in.Autocomplete = strings.ToLower(s.AttrOr("autocomplete", ""))
		if l, ok := labels[in.ID]; ok && in.ID != "" {
			in.Label = l
		} else if pl := s.ParentsMatcher(oldSel.label).First(); pl.Length() > 0 {
			in.Label = oldFold(oldNFKC(pl.Text()))
		} else {
			in.Label = oldTextBefore(s)
		}
		if in.Label == "" {
			in.Label = oldFold(oldNFKC(s.AttrOr("aria-label", s.AttrOr("title", ""))))
		}
		return in
	}
	var forms []Form
	doc.FindMatcher(oldSel.form).Each(func(_ int, f *goquery.Selection) {
		action := strings.TrimSpace(f.AttrOr("action", ""))
		form := Form{Method: strings.ToLower(strings.TrimSpace(f.AttrOr("method", "get")))}
		if action == "" {
			form.Action = pageURL
		} else {
			form.Action = abs(action)
		}
		f.FindMatcher(oldSel.fields).Each(func(_ int, s *goquery.Selection) {
			form.Inputs = append(form.Inputs, input(s))
		})
		forms = append(forms, form)
	})
	orphan := Form{Action: pageURL, Method: "get", Orphan: true}
	doc.FindMatcher(oldSel.fields).Each(func(_ int, s *goquery.Selection) {
		if s.ParentsMatcher(oldSel.form).Length() == 0 && s.AttrOr("form", "") == "" {
			orphan.Inputs = append(orphan.Inputs, input(s))
		}
	})
	if len(orphan.Inputs) > 0 {
		forms = append(forms, orphan)
	}
	return forms
}

func oldTextBefore(s *goquery.Selection) string {
	for n, depth := s, 0; depth < 3 && n.Length() > 0 && !n.Is("form"); n, depth = n.Parent(), depth+1 {
		if prev := n.Prev(); prev.Length() > 0 {
			if t := oldFold(oldNFKC(prev.Text())); t != "" {
				if proseTags[goquery.NodeName(prev)] && utf8.RuneCountInString(t) > labelMaxRunes {
					return ""
				}
				return Clip(t, 60)
			}
		}
		for sib := n.Nodes[0].PrevSibling; sib != nil; sib = sib.PrevSibling {
			if sib.Type == html.TextNode {
				if t := oldFold(oldNFKC(sib.Data)); t != "" {
					return Clip(t, 60)
				}
			} else {
				break
			}
		}
	}
	return ""
}

func oldWalkText(n *html.Node, sb *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		if n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key == "alt" && a.Val != "" {
					sb.WriteString(" ")
					sb.WriteString(a.Val)
					sb.WriteString(" ")
				}
			}
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		sb.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		oldWalkText(c, sb)
	}
	if block {
		sb.WriteByte('\n')
	} else if n.Type == html.ElementNode && n.Data == "td" {
		sb.WriteByte(' ')
	} else if n.Type == html.ElementNode && n.Data == "span" {
		sb.WriteByte(0) // a span's space, settled by oldJoinSpans
	}
}

// oldJoinSpans settles the spaces spans end with (NUL in s): none beside
// Japanese on either side (and no white space), as a browser shows
// adjacent inline elements; a space otherwise.
func oldJoinSpans(s string) string {
	for strings.Contains(s, "\x00\x00") {
		s = strings.ReplaceAll(s, "\x00\x00", "\x00") // spans ending together: one space
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != 0 {
			out = append(out, s[i])
			continue
		}
		before, _ := utf8.DecodeLastRune(out)
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		if len(out) == 0 || !japaneseRune(before) && !japaneseRune(after) || unicode.IsSpace(before) || unicode.IsSpace(after) {
			out = append(out, ' ')
		}
	}
	return string(out)
}

func oldSplitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = oldFold(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func oldFold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// FuzzNFKCAndFold holds NFKC, nfkcBytes, fold, foldNFKC and foldLines to
// x/text and strings.Fields on any string.
func FuzzNFKCAndFold(f *testing.F) {
	for _, s := range []string{"", "ｶﾞ（株）ＡＢＣ　１２３", "e\u0301 \u00a8\u3000x", "\xe3\x81 \xff", "か\u3099", "\uFF21\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := oldNFKC(s)
		if got := NFKC(s); got != want {
			t.Fatalf("NFKC(%q) = %q, want %q", s, got, want)
		}
		if got := string(nfkcBytes([]byte(s))); got != want {
			t.Fatalf("nfkcBytes(%q) = %q, want %q", s, got, want)
		}
		if got, want := fold(s), oldFold(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
		if got, want := foldNFKC([]byte(s)), oldFold(want); got != want {
			t.Fatalf("foldNFKC(%q) = %q, want %q", s, got, want)
		}
		if got, want := foldLines([]byte(want)), strings.Join(oldSplitLines(want), "\n"); got != want {
			t.Fatalf("foldLines(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNewPageDeepNesting: a page nested deeper than the parser takes (a
// kit wrapped in 600 <div>s, which browsers show as usual) still yields
// its title, text and form fields.
func TestNewPageDeepNesting(t *testing.T) {
	kit := `<html><head><title>Amazonサインイン</title></head><body>` + strings.Repeat("<div>", 600) +
		`<h1>ログイン</h1><form action="/p" method="post"><label>Eメール<input type="email" name="e"></label><label>パスワード<input type="password" name="pw"></label><button>ログイン</button></form>` +
		strings.Repeat("</div>", 600) + `</body></html>`
	p := NewPage("https://kit.example.top/", 200, "text/html", kit, false)
	if p.Doc == nil || p.Title != "Amazonサインイン" || len(p.Forms) != 1 || len(p.Forms[0].Inputs) != 2 || !strings.Contains(p.Text, "ログイン") {
		t.Fatalf("doc %v title %q forms %+v text %q", p.Doc != nil, p.Title, p.Forms, p.Text)
	}
	if p.Forms[0].Inputs[1].Type != "password" || p.Forms[0].Inputs[1].Label != "パスワード" {
		t.Errorf("password field %+v", p.Forms[0].Inputs[1])
	}
	// Nested tags a page's parts come from are dropped too beyond a
	// hard depth: 600 <label>s around the form.
	labels := `<html><head><title>ログイン</title></head><body><form action="/p">` + strings.Repeat("<label>", 600) +
		`<input type="password" name="pw">` + strings.Repeat("</label>", 600) + `</form></body></html>`
	if p := NewPage("https://kit.example.top/", 200, "text/html", labels, false); p.Doc == nil || len(p.Forms) != 1 || len(p.Forms[0].Inputs) != 1 {
		t.Errorf("600 labels: doc %v, forms %+v", p.Doc != nil, p.Forms)
	}
}

// TestIndexFold: offsets into the string itself, whatever lowering would
// do to its bytes (FuzzParse: 「Content-TYpe:\x8bChArset=」 panicked).
func TestIndexFold(t *testing.T) {
	for _, c := range []struct {
		s, sub string
		want   int
	}{
		{"text/html; ChArset=utf-8", "charset=", 11},
		{"\x8bChArset=", "charset=", 1},
		{"İ text-SECURITY: disc", "text-security", 3},
		{"abc", "charset=", -1},
		{"", "x", -1},
	} {
		if got := IndexFold(c.s, c.sub); got != c.want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", c.s, c.sub, got, c.want)
		}
	}
	if inputMasked("\xff\xff\xff-webkit-text-security") {
		t.Error("a style cut after its property name is no mask")
	}
}
