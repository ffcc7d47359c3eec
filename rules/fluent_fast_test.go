package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// flCorpusPages parses every testdata page once for the fast-path tests.
func flCorpusPages(t *testing.T) []*Page {
	t.Helper()
	names, docs := memoCorpus(t)
	var out []*Page
	for _, name := range names {
		out = append(out, memoParse(docs[name])...)
	}
	if len(out) < 20 {
		t.Fatalf("only %d testdata pages", len(out))
	}
	return out
}

// flCorpusLines is every line, title and heading of the testdata pages.
func flCorpusLines(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, p := range flCorpusPages(t) {
		out = append(out, p.Title)
		out = append(out, p.Headings...)
		out = append(out, p.Lines...)
	}
	return out
}

// TestFlMaxRunes checks the bound on patterns of each kind, and that
// flStopLabel has one.
func TestFlMaxRunes(t *testing.T) {
	for _, c := range []struct {
		re   string
		want int
	}{
		{`abc`, 3}, {`^(?:ab|cde)`, 3}, {`^販売(?:業者|事業者)?`, 5}, {`a?b?`, 2}, {`[ab]c{2,3}`, 4}, {`(?i)k`, 1},
		{`a*`, -1}, {`a+`, -1}, {`a{2,}`, -1}, {`abc$`, -1}, {`\bab`, -1}, {`a\B`, -1}, {`(`, -1}, {``, 0}, {`^`, 0},
	} {
		if got := flMaxRunes(c.re); got != c.want {
			t.Errorf("flMaxRunes(%q) = %d, want %d", c.re, got, c.want)
		}
	}
	if n := flStopRunes(); n < 2 || n > 40 {
		t.Errorf("flStopRunes() = %d, want a small bound", n)
	}
}

// TestFlHeadRunes holds flHeadRunes to a range loop, and flLowerHead to
// the start of the lower-cased text, on texts with invalid bytes and runes
// that change length when lower-cased.
func TestFlHeadRunes(t *testing.T) {
	texts := []string{"", "a", "ABC販売業者", "\xff\xfeÄ", "İSTANBUL 送料", "\u212aELVIN", "\xe3\x80", "ȺȾ長い"}
	for _, s := range texts {
		for n := 0; n <= utf8.RuneCountInString(s)+1; n++ {
			want, k := "", 0
			for i := range s {
				if k == n {
					break
				}
				k++
				_, w := utf8.DecodeRuneInString(s[i:])
				want = s[:i+w]
			}
			if got := flHeadRunes(s, n); got != want {
				t.Errorf("flHeadRunes(%q, %d) = %q, want %q", s, n, got, want)
			}
			low := []rune(strings.ToLower(s))
			if got, want := flLowerHead(s, n), string(low[:min(n, len(low))]); got != want {
				t.Errorf("flLowerHead(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// flStripDecorationWhole is flStripDecoration as it was: flDecorationOne
// asked of the whole line.
func flStripDecorationWhole(line string) string {
	if !flDecorationOne.MatchString(line) {
		return line
	}
	return flDecoration.ReplaceAllString(line, "")
}

// flDecoratedLines is every testdata line, and lines decorated with each
// mark and numbering of flDecoration, in runs and followed by what may
// follow them.
func flDecoratedLines(t *testing.T) []string {
	lines := flCorpusLines(t)
	marks := []string{" ", "\t", "■", "□", "●", "○", "◆", "◇", "▼", "▽", "▶", "▷", "►", "★", "☆", "※", "・", "-", "*", "#", "【", "[", "「", "『", "<", "(", "〈", "《",
		"1.", "12)", "3．", "45、", "123.", "1", "12", "1-", "9)x", "０.", "١.", "①"}
	for _, m := range marks {
		for _, rest := range []string{"", "送料", "お支払い方法", " 1. 販売業者", "■■■ TEL", "\xff"} {
			lines = append(lines, m+rest, m+m+rest, m+" "+m+rest)
		}
	}
	return lines
}

// TestFlStripDecorationAgrees holds flStripDecoration to asking
// flDecorationOne of the whole line.
func TestFlStripDecorationAgrees(t *testing.T) {
	stripped := 0
	for _, l := range flDecoratedLines(t) {
		got, want := flStripDecoration(l), flStripDecorationWhole(l)
		if got != want {
			t.Errorf("flStripDecoration(%q) = %q, whole-line way %q", l, got, want)
		}
		if want != l {
			stripped++
		}
	}
	if stripped < 300 {
		t.Fatalf("only %d lines had decoration", stripped)
	}
}

// TestFlCaselessRange: no rune of U+3000 to U+9FFF changes when
// lower-cased, which flLower relies on; and flCaseless3 takes exactly the
// well-formed encodings of those runes.
func TestFlCaselessRange(t *testing.T) {
	for r := rune(0x3000); r <= 0x9FFF; r++ {
		if unicode.ToLower(r) != r || strings.ToLower(string(r)) != string(r) {
			t.Errorf("%U lower-cases to %U", r, unicode.ToLower(r))
		}
	}
	for a := 0xE0; a <= 0xEF; a++ {
		for b := 0x70; b <= 0xC5; b++ {
			for _, c := range []int{0x7F, 0x80, 0xBF, 0xC0} {
				s := string([]byte{byte(a), byte(b), byte(c)})
				r, w := utf8.DecodeRuneInString(s)
				want := w == 3 && r >= 0x3000 && r <= 0x9FFF
				if got := flCaseless3(s, 0); got != want {
					t.Errorf("flCaseless3(% x) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// TestFlLowerAgrees holds flLower to strings.ToLower on every testdata
// line and on texts with capitals, fold-changing and invalid runes at
// each end.
func TestFlLowerAgrees(t *testing.T) {
	texts := flCorpusLines(t)
	for _, odd := range []string{"A", "Z", "@", "[", "İ", "\u212a", "Ａ", "Ⅻ", "Ⓐ", "Σ", "\xff", "\xe3\x80", "\xe3\x80a", "ä", "𝐀", "ｱ", "\u2fff", "\ua000", "お支払い"} {
		texts = append(texts, odd, "送料"+odd, odd+"送料", "ab"+odd+"cd")
	}
	for _, s := range texts {
		if got, want := flLower(s), strings.ToLower(s); got != want {
			t.Errorf("flLower(%q) = %q, strings.ToLower %q", s, got, want)
		}
	}
}

// flIsStopWhole is flIsStop as it was: the whole line lower-cased.
func flIsStopWhole(line string) bool {
	s := strings.ToLower(flStripDecorationWhole(line))
	if !flStopLabel.MatchString(s) {
		return false
	}
	loc := flStopLabel.FindStringIndex(s)
	if loc == nil {
		return false
	}
	if len([]rune(s)) <= 24 {
		return true
	}
	rest := flCloser.ReplaceAllString(s[loc[1]:], "")
	return rest != s[loc[1]:] || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// TestFlIsStopAgrees holds flIsStop to the whole-line way on every
// testdata line and on labels with decoration, capitals, closers, long
// tails, and words cut where the head ends.
func TestFlIsStopAgrees(t *testing.T) {
	lines := flDecoratedLines(t)
	labels := []string{"販売業者", "販売事業者", "送料", "TEL", "E-Mail", "email", "URL", "COPYRIGHT", "©", "(C)", "商品代金以外の必要料金", "その他の料金",
		"お問い合わせ", "お問合せ", "ご利用ガイド", "FAQ", "商品の引き渡し時期", "引渡", "プライバシーポリシー", "代表", "所在地", "ｆａｘ", "İ", "\u212a"}
	tails := []string{"", ":", "：", " : ", "】", "】:", "は下記", strings.Repeat("あ", 30), "】" + strings.Repeat("あ", 30), ":" + strings.Repeat("い", 30), strings.Repeat("x", 40), "\xff"}
	decos := []string{"", "■", "【", "1. ", "★☆ ", "・", "※"}
	for _, l := range labels {
		for _, tail := range tails {
			for _, d := range decos {
				lines = append(lines, d+l+tail, d+strings.ToUpper(l)+tail, d+"お支払い "+l+tail)
			}
		}
		// Cut where the head ends: the label pushed to each place round it.
		for k := 0; k < 16; k++ {
			lines = append(lines, strings.Repeat("x", k)+l+strings.Repeat("あ", 30), strings.Repeat("あ", k)+l)
		}
	}
	stops := 0
	for _, l := range lines {
		got, want := flIsStop(l), flIsStopWhole(l)
		if got != want {
			t.Errorf("flIsStop(%q) = %v, whole-line way %v", l, got, want)
		}
		if want {
			stops++
		}
	}
	if stops < 200 {
		t.Fatalf("only %d of %d lines start another topic", stops, len(lines))
	}
}

// TestRuneCountCorpus holds RuneCount to len([]rune(s)) on every
// testdata line and on invalid text.
func TestRuneCountCorpus(t *testing.T) {
	lines := append(flCorpusLines(t), "", "\xff", "a\xe3\x80", "\xe3\x80\x82\x82", "\xf0\x9f\x98")
	for _, l := range lines {
		if got, want := RuneCount(l), len([]rune(l)); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", l, got, want)
		}
	}
}

// TestFlMayShowAgrees holds flPayVocab.mayShow to asking match of every
// logo word, on every image of the testdata pages and on images naming
// each logo word in their alt text, as a part of their file name or
// inside it, in capitals, with digits, and near misses.
func TestFlMayShowAgrees(t *testing.T) {
	v := flPayData()
	var ims []Image
	for _, p := range flCorpusPages(t) {
		ims = append(ims, p.Images...)
	}
	for _, lg := range v.logos {
		w := lg.word
		for _, src := range []string{"/img/" + w + ".png", "/img/" + w + "2.png", "/img/logo_" + w + "-s.gif", "/img/x" + w + "x.png", "/img/" + strings.ToUpper(w) + ".PNG",
			"/img/" + strings.ReplaceAll(w, "_", "") + ".png", "/img/" + strings.ReplaceAll(w, "_", "-") + ".png", "/img/" + w[:len(w)-1] + ".png", "data:image/png;" + w, "/a/" + w + "/b.png?x=" + w} {
			ims = append(ims, Image{Src: src})
		}
		for _, alt := range []string{w, "ロゴ " + strings.ToUpper(w), w[:len(w)-1]} {
			ims = append(ims, Image{Alt: alt, Src: "/img/1.png"})
		}
	}
	shows := 0
	for _, im := range ims {
		n := flNamesOf(im)
		want := false
		for _, lg := range v.logos {
			want = want || n.match(lg.word)
		}
		if got := v.mayShow(n); got != want {
			t.Errorf("mayShow(%+v) = %v, asking every word %v", im, got, want)
		}
		if want {
			shows++
		}
	}
	if shows < 3*len(v.logos) {
		t.Fatalf("only %d of %d images show a logo", shows, len(ims))
	}
}

// TestFlCompactKindsAgree holds the kinds newFlCompactPage marks each line
// with (one pass, flKinds) to asking strings.Contains of every word of
// each kind on the line's compact form, on every testdata page and on a
// page of lines holding each word of each kind, alone and in company.
func TestFlCompactKindsAgree(t *testing.T) {
	kinds := map[uint8][]string{
		flHasPayment: flPayData().set.all, flHasPayLabel: flTermsHints.all, flHasGiftCard: flGiftNames().all,
		flHasListing: flListingSet().all, flHasAddress: flAddrHints().all, flHasPhone: flPhoneWords().all,
	}
	var crafted []string
	for _, ws := range kinds {
		for i, w := range ws {
			crafted = append(crafted, w, "あ"+w+"い", strings.ToUpper(w)+" "+ws[(i+1)%len(ws)], w[:len(w)-1])
		}
	}
	pages := append(flCorpusPages(t), &Page{URL: "https://a.example/", Lines: crafted})
	marked := 0
	for _, p := range pages {
		cp := newFlCompactPage(p)
		for i := range p.Lines {
			var want uint8
			for k, ws := range kinds {
				for _, w := range ws {
					if strings.Contains(cp.line(i), w) {
						want |= k
						break
					}
				}
			}
			if cp.kinds[i] != want {
				t.Errorf("%s line %q: kinds %06b, word by word %06b", p.URL, p.Lines[i], cp.kinds[i], want)
			}
			if want != 0 {
				marked++
			}
		}
	}
	if marked < 500 {
		t.Fatalf("only %d lines hold a word of a kind", marked)
	}
}

// flPrefOfPlain is flPrefOf the plain way: every prefecture, then every
// city name, tried in turn.
func flPrefOfPlain(s string) (string, bool) {
	for _, p := range flPrefectures {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	for c, p := range flCityPref {
		if strings.HasPrefix(s, c) {
			return p, false
		}
	}
	return "", false
}

// TestFlPrefOfAgrees holds flPrefOf to trying every prefecture and then
// every city name in turn, on every testdata line from each of its
// characters on and on every name followed by text; and checks what its
// look-up relies on: no city name starts another.
func TestFlPrefOfAgrees(t *testing.T) {
	plain := flPrefOfPlain
	for a := range flCityPref {
		for b := range flCityPref {
			if a != b && strings.HasPrefix(b, a) {
				t.Errorf("city %q starts %q", a, b)
			}
		}
	}
	texts := []string{"", "北", "北区", "北九州", "北九州市", "中央", "堺"}
	for c := range flCityPref {
		texts = append(texts, c, c+"1-2-3", c[:len(c)-1], "東京都"+c)
	}
	for _, p := range flPrefectures {
		texts = append(texts, p, p+"千代田区", p[:len(p)-1])
	}
	for _, l := range flCorpusLines(t) {
		for i := range l {
			texts = append(texts, l[i:])
		}
	}
	found := 0
	for _, s := range texts {
		gp, gw := flPrefOf(s)
		wp, ww := plain(s)
		if gp != wp || gw != ww {
			t.Errorf("flPrefOf(%q) = %q %v, plain way %q %v", s, gp, gw, wp, ww)
		}
		if wp != "" && !ww {
			found++
		}
	}
	if found < len(flCityPref) {
		t.Fatalf("only %d texts start with a city", found)
	}
}

// TestFlPostReNeedsMark: flAddresses runs flPostRe only on lines holding
// 〒 or 郵便番号, which every match of it holds.
func TestFlPostReNeedsMark(t *testing.T) {
	lines := append(flCorpusLines(t), "〒100-0001", "郵便番号: 100-0001", "100-0001", "〒 100 0001 東京都", "〶100-0001")
	n := 0
	for _, l := range lines {
		if flPostRe.MatchString(l) {
			n++
			if !strings.Contains(l, "〒") && !strings.Contains(l, "郵便番号") {
				t.Errorf("flPostRe matches %q, which has neither 〒 nor 郵便番号", l)
			}
		}
	}
	if n < 10 {
		t.Fatalf("flPostRe matched only %d lines", n)
	}
}

// TestFlClaimsAgree holds flPayVocab.appendClaims to
// claim.FindAllStringIndex on every compact sentence and line of the
// testdata pages and on claims made of each method word with each joint
// and ending, run together, repeated, overlapping and cut short.
func TestFlClaimsAgree(t *testing.T) {
	v := flPayData()
	if v.claim.MatchString("") {
		t.Fatal("claim matches empty text")
	}
	var texts []string
	for _, l := range flCorpusLines(t) {
		cs := flCompact(l)
		texts = append(texts, cs)
		for it := flPairsOf(l, cs); it.next(); {
			texts = append(texts, it.compact)
		}
	}
	ends := []string{"可能", "可", "ok", "いただけます", "対応", "使えます", "不可", ""}
	joints := []string{"", "決済", "払い", "が", "での", "ご利用", "もご利用", "お支払い", "各種"}
	for _, w := range v.words {
		for _, j := range joints {
			for _, e := range ends {
				c := w + j + e
				texts = append(texts, c, "各種"+c, c+c, "あ"+c+"、"+c, c[:len(c)-1], "各"+c, w+"各種"+c)
			}
		}
	}
	// Words overlapping words: a failed start one or two bytes before a
	// claim.
	for _, a := range v.words {
		for _, b := range v.words {
			for k := 1; k <= 2 && k < len(a); k++ {
				texts = append(texts, a[:k]+b+"可", a+b[min(k, len(b)):]+"可")
			}
		}
	}
	claims := 0
	for _, s := range texts {
		var want [][2]int
		for _, m := range v.claim.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		got := v.appendClaims(nil, s)
		if len(got) != len(want) || (len(got) > 0 && !slices.Equal(got, want)) {
			t.Errorf("appendClaims(%q) = %v, FindAllStringIndex %v", s, got, want)
		}
		claims += len(want)
	}
	if claims < 1000 {
		t.Fatalf("only %d claims", claims)
	}
}

// TestFlMentionMemo holds flMentionMemo to a map over more sentences than
// its array holds, each asked before and after it is kept, with empty and
// nil mentions and keys that differ in their last byte only.
func TestFlMentionMemo(t *testing.T) {
	var m flMentionMemo
	ref := map[string][]flMention{}
	for i := range 3 * flMentionRoom {
		k := strings.Repeat("お支払い", i%5) + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		for _, key := range []string{k, k + "!"} {
			if _, ok := ref[key]; ok {
				continue
			}
			got, ok := m.get(key)
			if ok {
				t.Fatalf("get(%q) before put = %v, true", key, got)
			}
			var ms []flMention
			if i%3 != 0 {
				ms = []flMention{{method: "card", start: i}}
			}
			m.put(key, ms)
			ref[key] = ms
		}
	}
	for k, want := range ref {
		got, ok := m.get(k)
		if !ok || len(got) != len(want) || len(got) > 0 && got[0] != want[0] {
			t.Errorf("get(%q) = %v %v, want %v", k, got, ok, want)
		}
	}
	if m.n != flMentionRoom || len(m.more) != len(ref)-flMentionRoom {
		t.Fatalf("%d in the array, %d in the map, of %d", m.n, len(m.more), len(ref))
	}
}
