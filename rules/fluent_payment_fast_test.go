package rules

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The expressions that flJoins and flPayLabelAt read by hand, kept as
// their tests' oracles.
var (
	// flConnector joins the items of a list of methods.
	flConnector = regexp.MustCompile(`^(?:決済|払い|でのお支払い)?(?:[・、,/&+]|と|や|および|及び|または|又は|もしくは)?$`)
	// flPayLabel is a payment-terms label at the start of a line, after
	// decoration has been stripped.
	flPayLabel = regexp.MustCompile(`^(?:商品)?(?:代金の?)?(?:お|ご)?(?:支払い?|決済)(方法|方式|手段|について|の方法)?` +
		`((?:及び|および|・|、|と|/)(?:お?支払い?)?(?:時期|期限|方法|について))?`)
)

// TestFlPaymentsOnePage holds the one-page way of flPaymentsOfUncached
// (the page's terms and statements taken as kept on the page) to the
// copying way, flPaymentsJoined(site, false), on every testdata page
// served alone.
func TestFlPaymentsOnePage(t *testing.T) {
	data := DefaultData()
	names, docs := memoCorpus(t)
	n, withTerms := 0, 0
	for _, name := range names {
		for _, d := range docs[name] {
			mk := func() *Site {
				return memoSite("shop.example.jp", memoParse([]memoDoc{d}), data)
			}
			shared, copied := flPaymentsOf(mk()), flPaymentsJoined(mk(), false)
			if !reflect.DeepEqual(shared, copied) {
				t.Errorf("%s: flPaymentsOf = %+v, copying way %+v", d.url, shared, copied)
			}
			n++
			if len(shared.terms) > 0 {
				withTerms++
			}
		}
	}
	if n < 20 || withTerms < 5 {
		t.Fatalf("only %d pages, %d with payment terms", n, withTerms)
	}
}

// TestFlPairsAgrees holds flPairs to flSentencePairs on every line of the
// testdata pages and on lines made to end oddly.
func TestFlPairsAgrees(t *testing.T) {
	lines := []string{"", " ", "。", "a。 ", "お支払い方法: 銀行振込。カード可! 代引き?", "  。  。", "x!y?z", "\xe3\x80"}
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			lines = append(lines, p.Lines...)
		}
	}
	type pair struct{ s, cs string }
	for _, l := range lines {
		cs := flCompact(l)
		var want, got []pair
		for s, c := range flSentencePairs(l, cs) {
			want = append(want, pair{s, c})
		}
		for it := flPairsOf(l, cs); it.next(); {
			got = append(got, pair{it.sent, it.compact})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: flPairs %q, flSentencePairs %q", l, got, want)
		}
	}
}

// TestFlMethodsCoverNames: every method the vocabulary may name has a bit
// of flMethods.
func TestFlMethodsCoverNames(t *testing.T) {
	for m := range flMethodNames {
		if flMethodBit(m) == 0 {
			t.Errorf("method %q has no bit in flMethodOrder", m)
		}
	}
	if got := (flMethodBit("bank") | flMethodBit("card")).count(); got != 2 {
		t.Errorf("count = %d, want 2", got)
	}
}

// TestFlJoinsAgrees holds flJoins to flConnector on every window between
// two method words of the testdata lines, on every lead and joining word
// and pairs of them, and on near misses.
func TestFlJoinsAgrees(t *testing.T) {
	ws := []string{"", " ", "、、", "と、", "決済決済", "でのお支払い", "でのお支払いもしくは", "でのお支払いもしくはと", "払いまたは", "決済・", "のみ", "および ", "・・"}
	for _, a := range flJoinLeads {
		for _, b := range flJoinWords {
			ws = append(ws, a+b, b+a, a+b+b, a+a+b)
		}
	}
	v := flPayData()
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			for _, l := range p.Lines {
				cs := flCompact(l)
				idx := v.find(cs)
				for k := 0; k+1 < len(idx); k++ {
					ws = append(ws, cs[idx[k][1]:idx[k+1][0]])
				}
			}
		}
	}
	for _, w := range ws {
		if got, want := flJoins(w), flConnector.MatchString(w); got != want {
			t.Errorf("flJoins(%q) = %v, flConnector %v", w, got, want)
		}
	}
}

// TestFlCompactPageRoom: a compact page of up to flCompactRoom lines keeps
// its offsets and kinds in its own room, and they are those of the same
// lines in a longer page (kept in slices of their own); the slices are
// clipped, so an append never writes into the room.
func TestFlCompactPageRoom(t *testing.T) {
	lines := []string{"お支払い方法: クレジットカード、コンビニ払い、代金引換", "手作り雑貨の店", "〒100-0001 東京都千代田区", "Amazonギフト券でお支払い", "",
		"TEL 03-1234-5678", "メルカリで出品中", "銀行振込のみ", "決済について", "いつもご利用ありがとうございます。"}
	long := NewPage("https://a.example/", 200, "text/html", "<p>"+strings.Join(append(lines, lines...), "</p><p>")+"</p>", false)
	ref := newFlCompactPage(long)
	for n := 0; n <= len(lines); n++ {
		p := &Page{URL: "https://a.example/", Lines: long.Lines[:n]}
		cp := newFlCompactPage(p)
		if len(cp.start) != n+1 || cap(cp.start) != n+1 || len(cp.kinds) != n || cap(cp.kinds) != n {
			t.Fatalf("%d lines: start %d/%d, kinds %d/%d", n, len(cp.start), cap(cp.start), len(cp.kinds), cap(cp.kinds))
		}
		for i := range n {
			if cp.line(i) != ref.line(i) || cp.kinds[i] != ref.kinds[i] {
				t.Errorf("%d lines, line %d: %q kinds %b, in the long page %q kinds %b", n, i, cp.line(i), cp.kinds[i], ref.line(i), ref.kinds[i])
			}
		}
	}
	if len(long.Lines) <= flCompactRoom {
		t.Fatalf("the long page has only %d lines", len(long.Lines))
	}
}

// TestFlPayLabelAgrees holds flPayLabelAt to flPayLabel (the end of its
// match and which groups took part) on every line of the testdata pages,
// decoration stripped, and on every way of putting the label's parts
// together, with what may follow them.
func TestFlPayLabelAgrees(t *testing.T) {
	texts := []string{"", "支", "支払", "決済", "お支払", "ご決済方法", "代金の支払い", "商品代金のお支払い方法", "支払いの方法", "支払・お支払時期"}
	parts := [][]string{{"", "商品"}, {"", "代金", "代金の"}, {"", "お", "ご"}, {"支払", "支払い", "決済", "払い"},
		{"", "方法", "方式", "手段", "について", "の方法", "の"}, {"", "及び", "および", "・", "、", "と", "/", "お"},
		{"", "お", "支払", "お支払", "お支払い", "支払い", "い"}, {"", "時期", "期限", "方法", "について", "は", ":"}}
	var build func(k int, pre string)
	build = func(k int, pre string) {
		if k == len(parts) {
			texts = append(texts, pre, pre+"方法", pre+"い", pre+"x")
			return
		}
		for _, p := range parts[k] {
			build(k+1, pre+p)
		}
	}
	build(0, "")
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			for _, l := range p.Lines {
				texts = append(texts, flStripDecoration(l))
			}
		}
	}
	matched := 0
	for _, s := range texts {
		m := flPayLabel.FindStringSubmatchIndex(s)
		end, noun, compound, ok := flPayLabelAt(s)
		if ok != (m != nil) || ok && (end != m[1] || noun != (m[2] >= 0) || compound != (m[4] >= 0)) {
			t.Errorf("flPayLabelAt(%q) = %d %v %v %v, flPayLabel %v", s, end, noun, compound, ok, m)
		}
		if ok {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d texts start with a label", matched)
	}
}

// TestFlUnderAgrees holds flUnder to its plain form on hosts and domains
// that end alike, differ by a dot, or are empty.
func TestFlUnderAgrees(t *testing.T) {
	names := []string{"", ".", "a", "jp", ".jp", "mercari.com", "jp.mercari.com", "xmercari.com", "a.b.mercari.com", "mercari.com.", "com", "m.com", "fril.jp", "x.fril.jp"}
	for _, d := range flFleaMarkets() {
		names = append(names, d, "shop."+d, "x"+d)
	}
	for _, h := range names {
		for _, d := range names {
			if got, want := flUnder(h, d), h == d || strings.HasSuffix(h, "."+d); got != want {
				t.Errorf("flUnder(%q, %q) = %v, want %v", h, d, got, want)
			}
		}
	}
}
