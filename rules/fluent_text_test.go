package rules

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// flAllTestPages parses every saved page under testdata (decoded from the
// charset it declares), once for all the tests that compare a shortcut with
// the slow way on real lines.
var flAllTestPages = sync.OnceValues(func() ([]*Page, error) {
	var pages []*Page
	err := filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")) {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, err := charset.NewReader(bytes.NewReader(body), "text/html")
		if err != nil {
			return err
		}
		text, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		pages = append(pages, NewPage("https://x.example/"+filepath.Base(p), 200, "text/html", string(text), false))
		return nil
	})
	return pages, err
})

func flTestPages(t *testing.T) []*Page {
	t.Helper()
	pages, err := flAllTestPages()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 200 {
		t.Fatalf("only %d test pages", len(pages))
	}
	return pages
}

// flSlowIndex is flLitSet.index done word by word.
func flSlowIndex(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// flTestVocabularies are the word sets searched with flLitSet.
func flTestVocabularies() map[string][]string {
	var pay []string
	for w := range flPayData().methodOf {
		pay = append(pay, w)
	}
	var gift []string
	for _, l := range lines("fluent_giftcards.txt") {
		_, name, _ := strings.Cut(l, " ")
		gift = append(gift, flCompact(name))
	}
	var listing []string
	for _, ph := range flListingData() {
		listing = append(listing, ph.compact)
	}
	return map[string][]string{"payment": pay, "giftcard": gift, "listing": listing}
}

func TestFlLitSetTable(t *testing.T) {
	words := []string{"クレジットカード", "カード", "visa", "ok", "代引", "代引き"}
	x := newFlLitSet(words)
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", -1},
		{"o", -1},
		{"ok", 0},
		{"xok", 1},
		{"銀行振込のみ", -1},
		{"ご利用はクレジットカード", len("ご利用は")},
		{"カードとクレジットカード", 0},
		{"代金引換", -1},
		{"代引", 0},
		{"お支払いはvis", -1},
		{"お支払いはvisa", len("お支払いは")},
		{"VISA", -1}, // compact text is lower case already: no folding here
		{"カー ド", -1},
	} {
		if got := x.index(c.s); got != c.want {
			t.Errorf("index(%q) = %d, want %d", c.s, got, c.want)
		}
		if got := flSlowIndex(c.s, words); got != c.want {
			t.Errorf("slow index(%q) = %d, want %d (table wrong)", c.s, got, c.want)
		}
	}
}

// TestFlLitSetAgrees checks the one-pass search against strings.Index word
// by word, and the compact page against flCompact line by line, on every
// line of every saved page, for each vocabulary; and that the kinds found
// for each line in one pass are exactly the vocabularies it holds.
func TestFlLitSetAgrees(t *testing.T) {
	pages := flTestPages(t)
	vocab := flTestVocabularies()
	vocab["label"] = []string{"支払", "決済"}
	vocab["address"] = flAddrHints().all
	vocab["phone"] = flPhoneWords().all
	sets := map[string]*flLitSet{
		"payment":  flPayData().set,
		"giftcard": flGiftData().names,
		"listing":  flListingSet(),
		"label":    flTermsHints,
		"address":  flAddrHints(),
		"phone":    flPhoneWords(),
	}
	kinds := map[string]uint8{"payment": flHasPayment, "giftcard": flHasGiftCard, "listing": flHasListing,
		"label": flHasPayLabel, "address": flHasAddress, "phone": flHasPhone}
	found := map[string]int{}
	for _, p := range pages {
		cp := newFlCompactPage(p)
		for i, l := range p.Lines {
			if got, want := cp.line(i), flCompact(l); got != want {
				t.Fatalf("%s line %d: compact page %q, flCompact %q", p.URL, i, got, want)
			}
			if li := cp.lineAt(cp.start[i]); li != i {
				t.Fatalf("%s: lineAt(start of %d) = %d", p.URL, i, li)
			}
		}
		for name, x := range sets {
			var want []int
			for i, l := range p.Lines {
				c := flCompact(l)
				if got, w := x.index(c), flSlowIndex(c, vocab[name]); got != w {
					t.Errorf("%s %s: index(%q) = %d, word by word %d", name, p.URL, c, got, w)
				}
				if flSlowIndex(c, vocab[name]) >= 0 {
					want = append(want, i)
				}
			}
			var got []int
			for li := range cp.with(kinds[name]) {
				got = append(got, li)
			}
			if !equalInts(got, want) {
				t.Errorf("%s %s: lines %v, want %v", name, p.URL, got, want)
			}
			found[name] += len(want)
		}
	}
	for name := range sets {
		if found[name] == 0 {
			t.Errorf("%s: no line of the test pages holds a word: the comparison proves nothing", name)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFlPrefiltersAgree checks each cheap test placed before a regexp: on
// every line (and sentence) of every saved page, and on a table of edge
// cases, a line the regexp matches passes the cheap test, and the helpers
// that skip the regexp give what it gives.
func TestFlPrefiltersAgree(t *testing.T) {
	var samples []string
	for _, p := range flTestPages(t) {
		for _, l := range p.Lines {
			samples = append(samples, l)
			for _, s := range flSentences(l) {
				samples = append(samples, flCompact(s))
			}
		}
	}
	edge := []string{"Address: 東京都", "ADDRESS", "addreſs", "E-mail Address", "ご住所", "所在地", "TEL 03-1234-5678", "Tel.", "PHONE",
		"Fax", "ファックス", "ファクス", "☎ 03", "℡03", "電話番号", "telephone", "hotel", "クレジットカードokです", "visa利用可",
		"カード決済に対応", "クレジットカードがご利用いただけます", "クレジットカードご使用頂けます", "カード払いできます", "paypayも使えます",
		"東京都新宿区1-2-3 TEL:03-1234-5678", "大阪府 E-Mail: a@b", "所在地：東京都", "■本社所在地】: 東京都港区", "address 東京都", "Address 東京都"}
	samples = append(samples, edge...)
	counts := map[string]int{}
	claim := flPayData().claim
	for _, s := range samples {
		if claim.MatchString(s) {
			counts["claim"]++
			if !flClaimEnds.any(s) {
				t.Errorf("flClaimEnds.any(%q) = false, but the claim regexp matches", s)
			}
		}
		if got, want := flStripAddrLabel(s), flAddrLabel.ReplaceAllString(s, ""); got != want {
			t.Errorf("flStripAddrLabel(%q) = %q, want %q", s, got, want)
		} else if got != s {
			counts["label"]++
		}
		if got, want := flCutAddrEnd(s), flAddrEnd.ReplaceAllString(s, ""); got != want {
			t.Errorf("flCutAddrEnd(%q) = %q, want %q", s, got, want)
		} else if got != s {
			counts["end"]++
		}
	}
	for _, k := range []string{"claim", "label", "end"} {
		if counts[k] < 5 {
			t.Errorf("%s: only %d samples match the regexp: the comparison proves little", k, counts[k])
		}
	}
}

// flTestRes are the fluent signs' word-list expressions, each of which
// must be matched without the regexp engine (as flMustRe matched them
// before shopMustRe replaced it).
func flTestRes() map[string]*shopRe {
	return map[string]*shopRe{
		"flQualifierWords": flQualifierWords, "flClaimNeg": flClaimNeg,
		"flGiftSkip": flGiftSkip, "flQuoted": flQuoted, "flWarningPage": flWarningPage, "flStoreOrBuy": flStoreOrBuy,
		"gift": flGiftData().gift, "flStopLabel": flStopLabel, "flDecorationOne": flDecorationOne,
		"flExample": flExample, "flOtherPlace": flOtherPlace,
		"flCartWords": flCartWords, "flLawWords": flLawWords, "flCompanyWords": flCompanyWords, "flExhibition": flExhibition,
		"flExplainedAfter": flExplainedAfter, "flQuotedExample": flQuotedExample,
		"flShopPayWords": flShopPayWords, "flShopWords": flShopWords, "flSwitchPage": flSwitchPage,
		"flNegation": flNegation, "flAddrLabelHint": flAddrLabelHint, "flPhoneWord": flPhoneWord,
		"flAddrEndWords": flAddrEndWords, "flAddrLabelWords": flAddrLabelWords, "flChromeRe": flChromeRe,
	}
}

// TestFlShopReAgrees checks that every word-list expression of the fluent
// signs has its fast matcher, and checks it, the split qualifier and the
// decoration against the plain regexp on every line, lower-cased line,
// compact line and compact sentence of every saved page, its class and id
// attributes, and the signs' own vocabulary.
func TestFlShopReAgrees(t *testing.T) {
	var samples []string
	for _, p := range flTestPages(t) {
		samples = append(samples, p.Title, strings.Join(p.Headings, " "))
		for _, l := range p.Lines {
			samples = append(samples, l, flCompact(l), strings.ToLower(l))
			for _, s := range flSentences(l) {
				samples = append(samples, flCompact(s))
			}
		}
	}
	for _, ws := range flTestVocabularies() {
		samples = append(samples, ws...)
	}
	for _, p := range flTestPages(t) {
		if p.Doc == nil {
			continue
		}
		p.Doc.Find("[class],[id]").Each(func(_ int, s *goquery.Selection) {
			samples = append(samples, s.AttrOr("class", ""), s.AttrOr("id", ""))
		})
	}
	samples = append(samples, "12月25日まで", "1/2", "10:00", "3時", "〜", "~", "月1日", "1月日", "・", "と", "",
		"決済・", "でのお支払いまたは", "1. 送料", "12) 返品", "123. x", "【送料】", "co.,ltd", "(株)", "」など", "』といった表現", "\"や「", "」とは", "とは",
		"カードはご利用いただけません", "お取り扱いしておりません", "使えません", "お使いになれません", "受付停止中", "対応外です", "決済できかねます",
		"支払いできません(メンテナンス)", "お支払いいただけません不可",
		"addre\u017fs", "ADDRESS", "\u212aelvin TEL", "\u017fhop", "会社概要\u212a", "Header", "nav\u017f")
	matched := map[string]int{}
	for name, r := range flTestRes() {
		r.finite()
		if r.fin == nil || r.rest != nil {
			t.Errorf("%s: no fast matcher for the whole expression", name)
			continue
		}
		plain := regexp.MustCompile(r.String())
		for _, s := range samples {
			got, want := r.MatchString(s), plain.MatchString(s)
			if got != want {
				t.Errorf("%s: MatchString(%q) = %v, regexp %v", name, s, got, want)
			}
			if got, want := r.FindStringIndex(s), plain.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: FindStringIndex(%q) = %v, regexp %v", name, s, got, want)
			}
			if got, want := r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: FindAllStringIndex(%q) = %v, regexp %v", name, s, got, want)
			}
			if want {
				matched[name]++
			}
		}
		if matched[name] == 0 {
			t.Errorf("%s: no sample matches: the comparison proves little", name)
		}
	}
	qualifier := regexp.MustCompile(flQualifierWords.String() + "|" + flQualifierNums.String())
	for _, s := range samples {
		if got, want := flQualified(s), qualifier.MatchString(s); got != want {
			t.Errorf("flQualified(%q) = %v, flQualifier %v", s, got, want)
		}
		if got, want := flStripDecoration(s), flDecoration.ReplaceAllString(s, ""); got != want {
			t.Errorf("flStripDecoration(%q) = %q, want %q", s, got, want)
		}
	}
}

// flCompactSlow is flCompact as first written: a rune at a time.
func flCompactSlow(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFlCompactAgrees(t *testing.T) {
	samples := []string{"", " ", "即購入 OK", "ＡＢＣ abc ABC", "a\tb\nc\vd\fe\rf", "全角\u3000空白", "nbsp\u00a0x", "nel\u0085x",
		"\u2028\u2029\u202f\u205f\u1680\u2000\u200a", "bad\xffbyte", "cut\xe3\x82", "\xe3\x82カ", "\xef\xbf\xbd", "\xed\xa0\x80surrogate",
		"\xc0\xafoverlong", "Z@[`{", "末尾 ", "\u3000\u3001\u2fff\u4e00\ufeff\uffff\ue000\ud7ff", "\xe0\x80\x80", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xee\x80", "\xe3\x80", "\xe3\x80\x41", "\xf0\x9f\x98\x80 emoji", "\xf4\x90\x80\x80"}
	for _, p := range flTestPages(t) {
		samples = append(samples, p.Title, p.Text)
		samples = append(samples, p.Lines...)
	}
	for _, s := range samples {
		if got, want := flCompact(s), flCompactSlow(s); got != want {
			t.Errorf("flCompact(%q) = %q, want %q", s, got, want)
		}
	}
}

// flSentencesSlow is flSentences as first written: a rune at a time.
func flSentencesSlow(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if r == '。' || r == '!' || r == '?' || r == '！' || r == '？' {
			end := i + len(string(r))
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// TestFlSentencePairsAgree checks that the compact sentences cut from the
// compact line are flCompact of flSentences, on every saved line and on
// lines with white space and sentence ends in odd places; and that every
// line flTermsLabel reads holds a word of flTermsHints.
func TestFlSentencePairsAgree(t *testing.T) {
	samples := []string{"", " 。", "。。", "a 。 b！ c?d!", "  支払い方法 ： 銀行振込。 カード不可！ ", "末尾。 ", "Ａ。Ｂ？", "bad\xff。x", "文\u3000。\u3000文",
		"\xe3\x80。", "\xe3。\x82", "\xf0\xe3\x80\x82x", "\xef\xbc！\xef", "a\xef\xbc\x9f", "ｘ！？!?。", "\xe3\x80\x82\x82"}
	labels := 0
	for _, p := range flTestPages(t) {
		samples = append(samples, p.Lines...)
	}
	for _, l := range samples {
		var got [][2]string
		for s, cs := range flSentencePairs(l, flCompact(l)) {
			got = append(got, [2]string{s, cs})
		}
		if got, want := flSentences(l), flSentencesSlow(l); !reflect.DeepEqual(got, want) {
			t.Errorf("flSentences(%q) = %q, want %q", l, got, want)
		}
		var want [][2]string
		for _, s := range flSentences(l) {
			want = append(want, [2]string{s, flCompact(s)})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("flSentencePairs(%q) = %q, want %q", l, got, want)
		}
		if _, ok := flTermsLabel(l); ok {
			labels++
			if !flTermsHints.any(flCompact(l)) {
				t.Errorf("flTermsLabel reads %q, which holds no flTermsHints word", l)
			}
		}
	}
	if labels < 10 {
		t.Errorf("only %d payment labels in the saved pages", labels)
	}
}

// TestFlLineHintsAgree checks the one-pass line finders of the address
// sign: every saved line (and edge case) that flAddresses or flPhones
// would read holds a hint word in its compact form.
func TestFlLineHintsAgree(t *testing.T) {
	if flPhoneWord.words() == nil || flAddrLabelHint.words() == nil {
		t.Fatal("phone or address label words not compiled to a word list")
	}
	samples := []string{"〒 160-0023", "郵便番号: 1600023", "ADDRESS: Tokyo", "Addreſs", "T E L", "TEL：03", "ＴＥＬ 03", "Phone 03", "FAX", "☎03"}
	for _, p := range flTestPages(t) {
		samples = append(samples, p.Lines...)
	}
	addr, phone := 0, 0
	for _, l := range samples {
		c := flCompact(l)
		if strings.Contains(l, "〒") || strings.Contains(l, "郵便番号") || flAddrLabelHint.Regexp().MatchString(l) {
			addr++
			if !flAddrHints().any(c) {
				t.Errorf("flAddresses reads %q, but its compact form holds no flAddrHints word", l)
			}
		}
		if flPhoneWord.Regexp().MatchString(l) {
			phone++
			if !flPhoneWords().any(c) {
				t.Errorf("%q names a phone, but its compact form holds no phone word", l)
			}
		}
	}
	if addr < 20 || phone < 20 {
		t.Errorf("only %d address and %d phone lines: the comparison proves little", addr, phone)
	}
}
