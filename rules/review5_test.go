package rules

// Review of session 5's fast paths: each is held to the plain way it
// replaced on random texts made of pieces chosen to reach the corners
// (runes that fold into ASCII, spaces outside \s, full-width forms,
// invalid UTF-8, the words and marks each fast path looks for).

import (
	"math/rand"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// review5Pieces are what the random texts are made of.
var review5Pieces = []string{
	"a", "A", "k", "K", "\u212a", "\u017f", "s", "S", "\u0130", "\u0131", "i", "I", "y", "Y", "c", "C",
	"(", ")", "（", "）", "©", "@", "＠", "[at]", "(AT)", "[", "]", "0", "1", "9", "12", "1234", ",", ",000",
	"円", "万", "¥", "￥", "\\", "JPY", "jpy", " ", "\t", "\f", "\v", "\r", "\n", "\u3000", "\u00a0",
	"-", "ー", "−", "—", "ｰ", "。", "「", "」", "『", "』", "、", "・", "は", "が", "のみ", "only", "ONLY",
	"OFF", "off", "(税込)", "(税抜)", "pt", "以上", "銀行振込", "振込", "TEL", "Tel", "送料", "販売業者", "責任者",
	"Person", "in", "charge", "代表", "代表者", "Manager", "address", "ADDRESS", "住所", "所在地", "東京都", "渋谷区",
	"大阪市", "横浜市", "港区", "1-2-3", "■", "【", "】", ":", "：", "\xff", "\xe3\x80", "\xe3", "\xc2", "\x80",
	"クレジットカード", "各種", "visa", "VISA", "利用可能", "対応", "ok", "株式会社", "(株)", "(カ)", "カ)", "(カ",
	"copyright", "Copyright", "COPYRIGHT", "logo", "example.com", ".", "x", "ア", "漢", "ｱ", "Ａ", "１", "😀",
	"Bank", "bank", "口座番号", "名義", "Seller", "Company", "e-mail", "メール", "1.", "※", "tokutei", "/law",
	"company", "about", "%E3", "paypay", "jcb", "代引", "コンビニ", "可", "ご利用", "いただけます", "株", "有限会社",
}

// review5Text returns a random text of up to n pieces.
func review5Text(r *rand.Rand, n int) string {
	var b strings.Builder
	for k := r.Intn(n + 1); k > 0; k-- {
		b.WriteString(review5Pieces[r.Intn(len(review5Pieces))])
	}
	return b.String()
}

func TestReview5Random(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	v := flPayData()
	fails := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if fails++; fails <= 40 {
			t.Errorf(format, args...)
		}
	}
	for it := 0; it < 30000; it++ {
		s := review5Text(r, 14)
		if it%3 == 0 {
			s = review5Text(r, 40)
		}
		if got, want := flLower(s), strings.ToLower(s); got != want {
			fail("flLower(%q) = %q, want %q", s, got, want)
		}
		if got, want := flIsStop(s), flIsStopWhole(s); got != want {
			fail("flIsStop(%q) = %v, want %v", s, got, want)
		}
		if got, want := flStripDecoration(s), flStripDecorationWhole(s); got != want {
			fail("flStripDecoration(%q) = %q, want %q", s, got, want)
		}
		if got, want := phishShortLine(s), len(s) <= 160 && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。「」『』"); got != want {
			fail("phishShortLine(%q) = %v, want %v", s, got, want)
		}
		low := strings.ToLower(s)
		if got, want := phishCopyrightLine(s), strings.Contains(s, "©") || strings.Contains(low, "(c)") || strings.Contains(low, "copyright"); got != want {
			fail("phishCopyrightLine(%q) = %v, want %v", s, got, want)
		}
		if got, want := shopPayOnlyAfter(s, shopPayOnlyAt), shopPayOnlyRe.Regexp().MatchString(s); got != want {
			fail("shopPayOnlyAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := shopPayOnlyAfter(s, shopPayOnlyStrongAt), shopPayOnlyStrongRe.Regexp().MatchString(s); got != want {
			fail("shopPayOnlyAfter strong(%q) = %v, want %v", s, got, want)
		}
		if got, want := shopNotItemAfterMatch(s), shopNotItemAfter.Regexp().MatchString(s); got != want {
			fail("shopNotItemAfterMatch(%q) = %v, want %v", s, got, want)
		}
		var got [][]int
		for _, m := range shopAppendPriceLocs(nil, s) {
			got = append(got, append([]int(nil), m[:]...))
		}
		if want := shopPriceRe.Regexp().FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			fail("shopAppendPriceLocs(%q) = %v, want %v", s, got, want)
		}
		if got, want := shopNormDashes(s), shopNormDashesRunes(s); got != want {
			fail("shopNormDashes(%q) = %q, want %q", s, got, want)
		}
		if got, want := FindEmails(s), shopFindEmailsPlain(s); !reflect.DeepEqual(got, want) {
			fail("FindEmails(%q) = %q, want %q", s, got, want)
		}
		if got, want := shopHasAtSign(s), shopAtSigns.any(s); got != want {
			fail("shopHasAtSign(%q) = %v, want %v", s, got, want)
		}
		if got, want := shopContainsLowerASCII(s, "address"), strings.Contains(low, "address"); got != want {
			fail("shopContainsLowerASCII(%q) = %v, want %v", s, got, want)
		}
		g1, g2 := shopCorporateMarker(s)
		w1, w2 := shopCorporateMarkerPlain(s)
		if g1 != w1 || g2 != w2 {
			fail("shopCorporateMarker(%q) = %q %v, want %q %v", s, g1, g2, w1, w2)
		}
		if got, want := shopNameCore(s), shopNameCorePlain(s); got != want {
			fail("shopNameCore(%q) = %q, want %q", s, got, want)
		}
		lines := []string{s, "next"}
		gv, gok := shopManagerValue(lines, 0)
		wv, wok := shopLabelValue(lines, 0, shopManagerLabel)
		if gv != wv || gok != wok {
			fail("shopManagerValue(%q) = %q %v, want %q %v", s, gv, gok, wv, wok)
		}
		if !shopDiscLabelGate().may(s) {
			for _, re := range []*shopRe{shopSellerLabel, shopAddressLabel, shopPhoneLabel, shopManagerLabel} {
				if _, ok := shopLabelValue(lines, 0, re); ok {
					fail("disclosure gate says no to %q, %s matches", s, re)
				}
			}
		}
		if !shopAccountLabelGate().may(s) {
			for _, re := range []*shopRe{shopBankLabel, shopBranchLabel, shopNumberLabel, shopHolderLabel} {
				if _, ok := shopLabelValue(lines, 0, re); ok {
					fail("account gate says no to %q, %s matches", s, re)
				}
			}
		}
		for _, maybe := range []bool{false, true} {
			for _, href := range []string{s, "/" + s, "https://example.com/" + s} {
				l := Link{Href: href}
				if got, want := shopDiscLink(l, maybe), shopDiscLinkPlain(l, maybe); got != want {
					fail("shopDiscLink(%q, %v) = %v, want %v", href, maybe, got, want)
				}
				if u, err := url.Parse(href); err == nil {
					re := shopDiscHrefRe
					if maybe {
						re = shopDiscHrefMaybeRe
					}
					if !shopMayHoldPath(re, href) && re.Regexp().MatchString(u.Path) {
						fail("shopMayHoldPath(%q) false, path %q matches", href, u.Path)
					}
				}
			}
		}
		cs := flCompact(s)
		var gc [][2]int
		gc = v.appendClaims(gc, cs)
		var wc [][2]int
		for _, m := range v.claim.FindAllStringIndex(cs, -1) {
			wc = append(wc, [2]int{m[0], m[1]})
		}
		if !reflect.DeepEqual(gc, wc) {
			fail("appendClaims(%q) = %v, want %v", cs, gc, wc)
		}
		names := flNamesOf(Image{Src: "/img/" + s + ".png", Alt: s})
		want := false
		for _, lg := range v.logos {
			want = want || names.match(lg.word)
		}
		if got := v.mayShow(names); got != want {
			fail("mayShow(%q) = %v, want %v", s, got, want)
		}
		gp, gw := flPrefOf(s)
		wp, ww := flPrefOfPlain(s)
		if gp != wp || gw != ww {
			fail("flPrefOf(%q) = %q %v, want %q %v", s, gp, gw, wp, ww)
		}
		for i := 0; i < len(s); i++ {
			for _, fold := range []bool{false, true} {
				gr, gn := phishRuneAtFast(s, i, fold)
				wr, wn := phishRuneAt(s, i, fold)
				if gr != wr || gn != wn {
					fail("phishRuneAtFast(%q, %d, %v) = %d %d, want %d %d", s, i, fold, gr, gn, wr, wn)
				}
			}
		}
	}
}

// TestReview5ShopReRandom holds every shopRe's fast paths (the new gate
// in MatchString among them) to the regexp on random texts.
func TestReview5ShopReRandom(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	texts := make([]string, 1500)
	for i := range texts {
		texts[i] = review5Text(r, 10)
	}
	shopReAll.Lock()
	list := append([]*shopRe(nil), shopReAll.list...)
	shopReAll.Unlock()
	fails := 0
	for _, re := range list {
		for _, s := range texts {
			if got, want := re.MatchString(s), re.Regexp().MatchString(s); got != want {
				if fails++; fails <= 30 {
					t.Errorf("%s MatchString(%q) = %v, want %v", re, s, got, want)
				}
			}
			if got, want := re.FindStringIndex(s), re.Regexp().FindStringIndex(s); !reflect.DeepEqual(got, want) {
				if fails++; fails <= 30 {
					t.Errorf("%s FindStringIndex(%q) = %v, want %v", re, s, got, want)
				}
			}
		}
	}
}

// TestReview5Bounds tries the fixed limits just short of, at and past
// them: the head flIsStop lower-cases (the label's runes and one more, a
// line of 24 runes), phishShortLine's 40 runes and 160 bytes, the places
// shopPayOnlyAfter tries.
func TestReview5Bounds(t *testing.T) {
	if n := flStopRunes(); n < 1 || n > 20 {
		t.Fatalf("flStopRunes() = %d", n)
	}
	if n := flDecorationRunes(); n != 3 {
		t.Fatalf("flDecorationRunes() = %d, want 3", n)
	}
	labels := []string{"TEL", "tel", "Tel", "FAX", "E-MAIL", "email", "URL", "Copyright", "COPYRIGHT", "©", "(C)", "(c)",
		"販売業者", "販売URL", "お問い合わせ", "その他の料金", "商品の引き渡", "FAQ", "返品", "運営"}
	afters := []string{"", "】", ")", " ", "\t", "\f", "\v", "\u3000", ":", "：", "〉", "]", "\xff", "\u0130", "\u212a", "K", "-", "あ"}
	fills := []string{"あ", "a", "\xff", "\u0130", "\u212a", "漢", "😀", " "}
	decos := []string{"", "■", "1.", "12)", " ■", "【", "・", "123.", "\f", "\u3000"}
	for _, d := range decos {
		for _, l := range labels {
			for _, a := range afters {
				for _, f := range fills {
					for n := 0; n <= 30; n += 1 {
						s := d + l + a + strings.Repeat(f, n)
						if got, want := flIsStop(s), flIsStopWhole(s); got != want {
							t.Errorf("flIsStop(%q) = %v, want %v", s, got, want)
						}
						if got, want := flStripDecoration(s), flStripDecorationWhole(s); got != want {
							t.Errorf("flStripDecoration(%q) = %q, want %q", s, got, want)
						}
					}
				}
			}
		}
	}
	for _, f := range fills {
		for _, g := range []string{"", "。", "「", "」", "『", "』", "、", "\xe3\x80", "\xe3", "a"} {
			for n := 36; n <= 44; n++ {
				for _, s := range []string{strings.Repeat(f, n) + g, g + strings.Repeat(f, n), strings.Repeat(f, n/2) + g + strings.Repeat(f, n-n/2)} {
					want := len(s) <= 160 && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。「」『』")
					if got := phishShortLine(s); got != want {
						t.Errorf("phishShortLine(%q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}

// TestReview5Crafted tries lines made for the split manager label and
// the e-mail window's end.
func TestReview5Crafted(t *testing.T) {
	var lines []string
	for _, p := range []string{"Person in charge", "PERSON  IN\tCHARGE", "Person\fin\vcharge", "Person\u3000in charge",
		"person incharge", "Manager", "MANAGER", "Representative", "代表", "代表者", "代表取締役", "責任者", "運営統括責任者", "ManagerPerson in charge"} {
		for _, a := range []string{"", ":", "：", " 山田", "名", "名称", "の名称", "(カナ)", " (x):山田", "様", "\xff", "】"} {
			for _, d := range []string{"", "■", "【", "・", " "} {
				lines = append(lines, d+p+a)
			}
		}
	}
	for _, l := range lines {
		ls := []string{l, "山田太郎"}
		gv, gok := shopManagerValue(ls, 0)
		wv, wok := shopLabelValue(ls, 0, shopManagerLabel)
		if gv != wv || gok != wok {
			t.Errorf("shopManagerValue(%q) = %q %v, want %q %v", l, gv, gok, wv, wok)
		}
		if wok && !shopDiscLabelGate().may(l) {
			t.Errorf("disclosure gate says no to %q", l)
		}
	}
	var texts []string
	for _, local := range []string{"a", strings.Repeat("b", 70), "x.y+z", "K", "\u212a", "\u017f"} {
		for _, sign := range []string{"@", " @ ", "[at]", "[AT]", "(at)", "＠", "@@", "@ "} {
			for _, dom := range []string{"example.com", "ex-ample.co.jp", strings.Repeat("d", 300) + ".com", "exa\u212ample.\u017fite",
				"example.c", "example.com.", "-x.com", "x-.com", "EXAMPLE.COM", "example.com@b.jp", "example\f.com", "a.b@c.d.jp"} {
				for _, tail := range []string{"", " ", "。", "/x", "@", "abc@d.jp", ".jp"} {
					texts = append(texts, local+sign+dom+tail)
				}
			}
		}
	}
	for _, s := range texts {
		if got, want := FindEmails(s), shopFindEmailsPlain(s); !reflect.DeepEqual(got, want) {
			t.Errorf("FindEmails(%q) = %q, want %q", Clip(s, 60), got, want)
		}
	}
}
