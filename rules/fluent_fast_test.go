package rules

import (
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

// TestFlRunesAgrees holds flRunes to len([]rune(s)) on every testdata
// line and on invalid text.
func TestFlRunesAgrees(t *testing.T) {
	lines := append(flCorpusLines(t), "", "\xff", "a\xe3\x80", "\xe3\x80\x82\x82", "\xf0\x9f\x98")
	for _, l := range lines {
		if got, want := flRunes(l), len([]rune(l)); got != want {
			t.Errorf("flRunes(%q) = %d, want %d", l, got, want)
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
