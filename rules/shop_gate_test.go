package rules

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// shopGateCorpus is shopCorpus with lines made for the gates of this
// file: addresses right after names, names next to names, whitespace and
// newlines where the address expressions allow them.
// shopGateSuffixes is every line of shopGateCorpus cut at each rune: every
// place a gate may be asked about.
func shopGateSuffixes(t *testing.T) []string {
	var out []string
	for _, line := range shopGateCorpus(t) {
		for i := range line {
			if utf8.RuneStart(line[i]) {
				out = append(out, line[i:])
			}
		}
	}
	return out
}

func shopGateCorpus(t *testing.T) []string {
	out := shopCorpus(t)
	out = append(out,
		"東京都 新宿区西新宿2-8-1", "東京都\n新宿区西新宿2-8-1", "東京都新宿区\n西新宿2-8-1", "京都府京都市中京区1番",
		"大阪府大阪市北区梅田1丁目", "北区赤羽1-2", "北九州市小倉北区3番地", "千代田区千代田1\n2", "港区六本木一丁目",
		"港区 12 ", "港区12)", "港区12、", "港区12", "中央区銀座の1", "神奈川県横浜市港北区新横浜3-\u30002",
		"所在地：北海道札幌市中央区北1条西2丁目", "住所 大阪府堺市堺区南瓦町3-1 大阪府大阪市北区梅田1-1",
		strings.Repeat("あ", 25)+"東京都"+strings.Repeat("い", 19)+"市"+strings.Repeat("う", 39)+"1番",
		"東京都"+strings.Repeat("い", 20)+"市"+strings.Repeat("う", 40)+"1番"+strings.Repeat("え", 50),
		"東京都\xff\xfe市1番", "東京都市区町村郡", "沖縄県那覇市泉崎1-2-2\r\n電話",
		"mail: a@b.cc.dd@e.ff", "info@shop.\u212aR", "info@\u212aa.jp", "info@\u017fhop.jp", "info@ shop.jp", "info @\nshop.jp",
		"info@\tshop.jp", "info@  shop.jp", "shop [at] example.co.jp です", "shop(AT)example.jp", "shop＠example.jp。",
		"info@shop.jpメール", "info@shop.jp\nsales@shop.jp", "x@y", "@@@@a.jp", "a@"+strings.Repeat("b", 300)+".jp",
		"a@"+strings.Repeat("b.", 140)+"jp", "a.b-c@d-e.f-g.hi-", "a@b..cc", "a@-b.cc", "a@b.c", "連絡先：a_b%c+d@e.jp、")
	return out
}

// shopFindEmailsPlain is FindEmails giving the expression the whole
// window after the sign (256 bytes), as before the cut.
func shopFindEmailsPlain(s string) []string {
	var out []string
	done, tries := -1, 0
	shopAtSigns.each(s, func(at int, _ string) {
		if at < done || tries >= shopMaxTries {
			return
		}
		tries++
		lo, hi := max(0, at-64), min(len(s), at+256)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		w := s[lo:hi]
		for _, loc := range shopEmailRe.Regexp().FindAllStringIndex(w, -1) {
			if lo+loc[0] > at || lo+loc[1] <= at {
				continue
			}
			m := strings.ToLower(w[loc[0]:loc[1]])
			for _, d := range []string{"[at]", "(at)", "＠"} {
				m = strings.Replace(m, d, "@", 1)
			}
			out = append(out, strings.ReplaceAll(m, " ", ""))
			done = lo + loc[1]
		}
	})
	return out
}

// TestShopFindEmailsAgrees holds FindEmails (the expression given the
// window only up to the end of the domain) to the whole window, on the
// corpus and on addresses made for the cut: spaces after the sign, the
// Kelvin sign and long s, addresses glued to text or to each other, and
// domains longer than the window.
func TestShopFindEmailsAgrees(t *testing.T) {
	found := 0
	for _, s := range shopGateCorpus(t) {
		want := shopFindEmailsPlain(s)
		if got := FindEmails(s); !slices.Equal(got, want) {
			t.Errorf("FindEmails(%q) = %q, want %q", Clip(s, 40), got, want)
		}
		found += len(want)
	}
	if found < 20 {
		t.Errorf("only %d addresses found", found)
	}
}

// TestShopAddressNamesApart: no prefecture or city of the address lists
// begins another, which FindAddress's branch split needs.
func TestShopAddressNamesApart(t *testing.T) {
	names := append(strings.Split(shopPrefectures, "|"), strings.Split(shopAddressCities, "|")...)
	for i, a := range names {
		for j, b := range names {
			if i != j && strings.HasPrefix(b, a) {
				t.Errorf("%q begins %q", a, b)
			}
		}
	}
}

// TestShopAddressBranchAgrees holds FindAddress's per-name branch to the
// anchored expression with both branches (shopAddressAt), at every place
// of the corpus where a prefecture or city starts, not only the first.
func TestShopAddressBranchAgrees(t *testing.T) {
	tried, matched := 0, 0
	for _, s := range shopGateCorpus(t) {
		s = shopNormDashes(s)
		shopPrefIndex.each(s, func(at int, name string) {
			end := min(len(s), at+400)
			for end < len(s) && !utf8.RuneStart(s[end]) {
				end++
			}
			want := shopAddressAt.Regexp().FindString(s[at:end])
			after := shopAddressAfterCity
			if shopIsPrefecture[name] {
				after = shopAddressAfterPref
			}
			got := ""
			if loc := after.FindStringIndex(s[at+len(name) : end]); loc != nil {
				got = s[at : at+len(name)+loc[1]]
			}
			tried++
			if got != "" {
				matched++
			}
			if got != want {
				t.Errorf("at %d of %q (%s): %q, want %q", at, Clip(s, 40), name, got, want)
			}
		})
	}
	if tried < 50 || matched < 20 {
		t.Errorf("only %d places tried, %d matched", tried, matched)
	}
}

// TestShopGatesAgree holds the byte-level gates of shop_gate.go to the
// plain way on the corpus and on lines made for each branch.
func TestShopGatesAgree(t *testing.T) {
	lines := append(shopGateCorpus(t),
		"@", "[at]", "[AT]", "[aT]", "(at)", "(At)", "＠", "[at", "(at]", "[at)", "at]", "[ a t ]", "\uff20x",
		"\xef\xbc", "\xef\xbc\xa0", "\xef\xbc\xa1", "[\xe3\x81\x82at]", "(a", "(", "[", "mail:[at]",
		"ADDRESS", "Address:", "addres", "\u212aaddress", "Addr\u0130ss", "addr\u212Ass", "ａｄｄｒｅｓｓ", "xaddress", "addresS")
	for _, s := range lines {
		if got, want := shopHasAtSign(s), shopAtSigns.any(s); got != want {
			t.Errorf("shopHasAtSign(%q) = %v, want %v", s, got, want)
		}
		for _, w := range []string{"address", "a", "@x", "ss"} {
			if got, want := shopContainsLowerASCII(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("shopContainsLowerASCII(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// TestShopLabelGateAgrees: where a label of a gate begins a line, the gate
// lets the line through, on the corpus, on every word of each label in
// several cases behind bullets, and on lines made for the odd folds; and
// it does turn most lines away.
func TestShopLabelGateAgrees(t *testing.T) {
	gates := []struct {
		name   string
		gate   *shopLabelGate
		labels []*shopRe
	}{
		{"disclosure", shopDiscLabelGate(), []*shopRe{shopSellerLabel, shopAddressLabel, shopPhoneLabel, shopManagerLabel}},
		{"account", shopAccountLabelGate(), []*shopRe{shopBankLabel, shopBranchLabel, shopNumberLabel, shopHolderLabel}},
	}
	lines := append(shopGateCorpus(t),
		"Person in charge: 山田", "PERSON  IN CHARGE 山田", "Representative：X", "代表取締役 山田太郎", "■ 運営統括責任者：山田",
		"【TEL】03-1234-5678", "tel:0312345678", "\u212aTEL", "Ban\u212a: x", "ſeller: x", "Account\u017f: x", "口座名義(カナ)：ヤマダ",
		"・銀行名 ○○銀行", "Branch name: Ginza", "口座No. 1234567", "受取人名：ヤマダ", "", " ", "■", "\xffTEL")
	for _, g := range gates {
		var words []string // each word of the labels once, lower-cased
		for _, re := range g.labels {
			for _, w := range re.words() {
				if w = strings.ToLower(w); !slices.Contains(words, w) {
					words = append(words, w)
				}
			}
		}
		all := slices.Clone(lines)
		for _, w := range words {
			all = append(all, w+"：x", "■"+w+" x", "【"+strings.ToUpper(w)+"】x", "・"+strings.ToUpper(w[:1])+w[1:])
		}
		rejected := 0
		for k, l := range all {
			may := g.gate.may(l)
			if !may && k < len(lines) {
				rejected++
			}
			for _, re := range g.labels {
				// The line alone and followed by another (a label
				// standing alone takes the next line's value).
				for _, ls := range [][]string{{l}, {l, all[(k+1)%len(all)]}} {
					if _, ok := shopLabelValue(ls, 0, re); ok && !may {
						t.Errorf("%s gate turns away %q, which %s begins", g.name, l, re)
					}
				}
			}
		}
		if rejected < len(lines)/2 {
			t.Errorf("%s gate turns away only %d of %d corpus lines", g.name, rejected, len(lines))
		}
		if len(words) < 10 {
			t.Errorf("%s labels have only %d words", g.name, len(words))
		}
	}
}

// TestShopPayOnlyAfterAgrees holds shopPayOnlyAfter to shopPayOnlyRe and
// shopPayOnlyStrongRe on every tail of every corpus line (where a method
// mention could end) and on texts with a word or a stop mark near the
// sixteenth place.
func TestShopPayOnlyAfterAgrees(t *testing.T) {
	texts := []string{"のみ", "ONLY", "Only accepted", "(前払い)のみ", "でのお支払いのみ", "となります", "のお取扱い", "のお取り扱い",
		"、のみ", "はのみ", "/only", "\xffのみ", "\xe3\x81のみ", "x\xe3\x81\x81のみ", "onl", "のお取", ""}
	for n := 13; n <= 17; n++ {
		for _, fill := range []string{"あ", "a", "\xff", "\n", "ー"} {
			for _, w := range []string{"のみ", "only", "でお願い", "限定", "、のみ", "が限定"} {
				texts = append(texts, strings.Repeat(fill, n)+w)
			}
		}
	}
	texts = append(texts, shopGateSuffixes(t)...)
	yes := 0
	for _, s := range texts {
		for _, c := range []struct {
			re, at *shopRe
		}{{shopPayOnlyRe, shopPayOnlyAt}, {shopPayOnlyStrongRe, shopPayOnlyStrongAt}} {
			want := c.re.Regexp().MatchString(s)
			if got := shopPayOnlyAfter(s, c.at); got != want {
				t.Errorf("shopPayOnlyAfter(%q, %s) = %v, want %v", Clip(s, 40), c.at, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes < 40 {
		t.Errorf("only %d texts say only", yes)
	}
}

// shopGatePages are the fixture shops' pages and pages made for the
// gates: table cells of several texts, comments and empty text nodes,
// links whose disclosure words sit in escapes, queries and fragments.
func shopGatePages(t *testing.T) []*Page {
	var pages []*Page
	for _, name := range []string{"fake-utf8", "honest-company", "sole-proprietor", "base-shop"} {
		_, _, ps := shopFixturePages(t, name)
		pages = append(pages, ps...)
	}
	long := strings.Repeat("長", 80)
	pages = append(pages, NewPage("https://x.example/a/b", 200, "text/html", `<table>
<tr><th>通常価格</th><th><b>特別</b>価格</th><th></th><th><!-- c -->x<script>s</script>y</th></tr>
<tr><td>¥<span>1,000</span></td><td>`+long+`<i>`+long+`</i>¥500</td><td><b></b>a</td><td><br>b</td></tr></table>
<a href="/tokusho">a</a> <a href="/TOKUSHO.html">b</a> <a href="/%74okusho">c</a> <a href="/x?p=tokusho">d</a>
<a href="/x#tokusho">e</a> <a href="https://h.example/law/">f</a> <a href="/laws.html">g</a> <a href="/lawyer">h</a>
<a href="/company/">i</a> <a href="/About">j</a> <a href="/gaiyou">k</a> <a href="mailto:a@tokusho.example">l</a>
<a href="/\u212aompany">m</a> <a href="/ab%zz">n</a> <a href="tokusho:x">o</a> <a href="//tokusho.example/">p</a>
<a href="/legal%2Fnotice">q</a> <a href=" /sctl ">r</a> <a href="">s</a>`, false))
	return pages
}

// shopDiscLinkPlain is shopDiscLink parsing every link's URL.
func shopDiscLinkPlain(l Link, maybe bool) bool {
	if strings.HasPrefix(strings.ToLower(l.Href), "mailto:") || strings.HasPrefix(strings.ToLower(l.Href), "tel:") {
		return false
	}
	if l.Text != "" && RuneCount(l.Text) <= 40 && shopDiscTitleRe.MatchString(l.Text) {
		return true
	}
	u, err := url.Parse(l.Href)
	if err != nil {
		return false
	}
	if maybe {
		return shopDiscHrefMaybeRe.MatchString(u.Path)
	}
	return shopDiscHrefRe.MatchString(u.Path)
}

// TestShopDiscLinkAgrees holds shopDiscLink (which parses only the links
// shopMayHoldPath lets through) to parsing every link, on the pages' links
// and on hrefs made for the gate, with and without a link text.
func TestShopDiscLinkAgrees(t *testing.T) {
	var links []Link
	for _, p := range shopGatePages(t) {
		links = append(links, p.Links...)
	}
	for _, h := range []string{"/tokusho", "/%74okusho", "/\u212aompany", "/\u017fctl", "/x?tokutei", "/x#law", "/law", "/LAW.html", "%",
		"http://[::1]:namedport/law", "/ab%zz/law", "tokusho", "/about", "/ABOUT", "//legal.example", ":law", "/la w"} {
		links = append(links, Link{Href: h}, Link{Href: "https://shop.example" + h})
	}
	passed, yes := 0, 0
	for _, l := range links {
		for _, withText := range []bool{false, true} {
			if !withText {
				l.Text = ""
			}
			for _, maybe := range []bool{false, true} {
				got, want := shopDiscLink(l, maybe), shopDiscLinkPlain(l, maybe)
				if got != want {
					t.Errorf("shopDiscLink(%+v, %v) = %v, want %v", l, maybe, got, want)
				}
				if want {
					yes++
				}
				re := shopDiscHrefRe
				if maybe {
					re = shopDiscHrefMaybeRe
				}
				if shopMayHoldPath(re, l.Href) {
					passed++
				}
			}
		}
	}
	if yes < 20 || passed > len(links)*3 { // of 4 tries a link
		t.Errorf("%d links, %d disclosure links, %d let through the gate", len(links), yes, passed)
	}
}

// shopNodeTextPlain is shopNodeText joining every text in a Builder.
func shopNodeTextPlain(n *html.Node, max int) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < max; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !skipTags[c.Data]:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// TestShopNodeTextAgrees holds shopNodeText to joining every text, under
// every node of the pages, for several bounds.
func TestShopNodeTextAgrees(t *testing.T) {
	nodes, joined := 0, 0
	for _, p := range shopGatePages(t) {
		if p.Doc == nil {
			continue
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for _, max := range []int{0, 1, 3, 200, 1 << 20} {
				got, want := shopNodeText(n, max), shopNodeTextPlain(n, max)
				if got != want {
					t.Errorf("%s <%s> max %d: %q, want %q", p.URL, n.Data, max, Clip(got, 30), Clip(want, 30))
				}
			}
			nodes++
			if c := n.FirstChild; c != nil && c.NextSibling != nil && shopNodeText(n, 200) != "" {
				joined++
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range p.Doc.Nodes {
			walk(n)
		}
	}
	if nodes < 500 || joined < 50 {
		t.Errorf("only %d nodes, %d with several children", nodes, joined)
	}
}

// TestShopNotItemAfterAgrees holds shopNotItemAfterMatch to
// shopNotItemAfter on every tail of every corpus line and on the spaces,
// tax notes and words in each order and case.
func TestShopNotItemAfterAgrees(t *testing.T) {
	var texts []string
	for _, sp := range []string{"", " ", "\t", "\n", "\f", "\r", "\v", "  ", "\u3000"} {
		for _, tax := range []string{"", "(税込)", "(税抜)", "(税別)", "(税込", "税込)"} {
			for _, sp2 := range []string{"", " ", "\n", "  "} {
				for _, w := range []string{"OFF", "off", "Off", "オフ", "引き", "pt", "PT", "まで", "お", "", "x"} {
					texts = append(texts, sp+tax+sp2+w)
				}
			}
		}
	}
	texts = append(texts, shopGateSuffixes(t)...)
	yes := 0
	for _, s := range texts {
		want := shopNotItemAfter.Regexp().MatchString(s)
		if got := shopNotItemAfterMatch(s); got != want {
			t.Errorf("shopNotItemAfterMatch(%q) = %v, want %v", Clip(s, 40), got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 100 {
		t.Errorf("only %d texts match", yes)
	}
}

// shopCorporateMarkerPlain and shopNameCorePlain are shopCorporateMarker
// and shopNameCore reading every form of the lists.
func shopCorporateMarkerPlain(name string) (string, bool) {
	t := shopNames()
	f := FoldKana(name)
	for _, full := range t.fullForms {
		if full != "" && strings.Contains(f, full) {
			return full, true
		}
	}
	for _, a := range t.abbrevs {
		if strings.HasPrefix(f, a+")") || strings.HasSuffix(f, "("+a) || strings.Contains(f, "("+a+")") {
			return a, true
		}
	}
	if m := t.latinRe.FindStringSubmatch(NFKC(name)); m != nil {
		return m[1], true
	}
	return "", false
}

func shopNameCorePlain(name string) string {
	t := shopNames()
	n := NFKC(name)
	for {
		loc := t.latinRe.FindStringSubmatchIndex(n)
		if loc == nil {
			break
		}
		n = n[:loc[2]] + " " + n[loc[3]:]
	}
	f := FoldKana(n)
	for _, full := range t.fullForms {
		if full != "" {
			f = strings.ReplaceAll(f, full, "")
		}
	}
	for _, a := range t.abbrevs {
		f = strings.ReplaceAll(f, "("+a+")", "")
		if strings.HasPrefix(f, a+")") {
			f = f[len(a)+1:]
		}
		if strings.HasSuffix(f, "("+a) {
			f = f[:len(f)-len(a)-1]
		}
	}
	return strings.Trim(f, "()")
}

// TestShopCorporateMarkerAgrees holds shopCorporateMarker and
// shopNameCore to reading every form of the lists, on the corpus and on
// names with each full form and abbreviation in each place.
func TestShopCorporateMarkerAgrees(t *testing.T) {
	names := append(shopGateCorpus(t), "㈱サクラ", "カ)サクラシヨウジ", "サクラシヨウジ(カ", "サクラ(カ)シヨウジ", "(ユ)", "カ)", "(カ",
		"かぶしきがいしゃ", "ｶ)ｻｸﾗ", "株式会社", "ABC Co., Ltd.", "abc inc", "カ)(ユ", "((カ))", "サクラ)カ(")
	tb := shopNames()
	for _, f := range tb.fullForms {
		names = append(names, "サクラ"+f, f+"サクラ", "さくら "+f)
	}
	for _, a := range tb.abbrevs {
		names = append(names, a+")サクラ", "サクラ("+a, "サ("+a+")クラ", a+"サクラ", "("+a+"サクラ")
	}
	corporate := 0
	for _, n := range names {
		gm, gok := shopCorporateMarker(n)
		wm, wok := shopCorporateMarkerPlain(n)
		if gm != wm || gok != wok {
			t.Errorf("shopCorporateMarker(%q) = %q %v, want %q %v", Clip(n, 40), gm, gok, wm, wok)
		}
		if wok {
			corporate++
		}
		if got, want := shopNameCore(n), shopNameCorePlain(n); got != want {
			t.Errorf("shopNameCore(%q) = %q, want %q", Clip(n, 40), got, want)
		}
	}
	if corporate < len(tb.fullForms)+len(tb.abbrevs) {
		t.Errorf("only %d corporate names", corporate)
	}
}

// TestShopManagerValueAgrees holds the manager label read in two parts
// (shopManagerValue) to the whole label, on the corpus with each line
// alone and before the next, and on lines made for each part.
func TestShopManagerValueAgrees(t *testing.T) {
	if f := shopManagerShortLabel.finite(); f.fin == nil {
		t.Errorf("%s is no finite set", shopManagerShortLabel)
	}
	lines := append(shopGateCorpus(t), "Person in charge: 山田", "PERSON  IN\tCHARGE 山田", "person in charge", "Person in", "Personal",
		"Person in charge(営業)：山田", "Person in chargeX", "代表取締役 山田太郎", "代表者名：山田", "代表 (CEO)：山田", "代表者の方へ",
		"Manager:", "Representative Director", "■運営統括責任者", "運営統括責任者名称：山田", "販売業者：株式会社サクラ", "責任者")
	labelled := 0
	for k, l := range lines {
		for _, ls := range [][]string{{l}, {l, lines[(k+1)%len(lines)]}} {
			gv, gok := shopManagerValue(ls, 0)
			wv, wok := shopLabelValue(ls, 0, shopManagerLabel)
			if gv != wv || gok != wok {
				t.Errorf("shopManagerValue(%q) = %q %v, want %q %v", ls, gv, gok, wv, wok)
			}
			if wok {
				labelled++
			}
		}
	}
	if labelled < 20 {
		t.Errorf("only %d manager labels", labelled)
	}
}
