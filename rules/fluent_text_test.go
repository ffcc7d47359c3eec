package rules

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
// line of every saved page, for each vocabulary; and that lines() yields
// exactly the lines that hold a word.
func TestFlLitSetAgrees(t *testing.T) {
	pages := flTestPages(t)
	vocab := flTestVocabularies()
	sets := map[string]*flLitSet{
		"payment":  flPayData().set,
		"giftcard": flGiftData().names,
		"listing":  flListingSet(),
	}
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
			for li := range x.lines(cp) {
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
// cases, a line the regexp matches passes the cheap test.
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
		"カード決済に対応", "クレジットカードがご利用いただけます", "クレジットカードご使用頂けます", "カード払いできます", "paypayも使えます"}
	samples = append(samples, edge...)
	counts := map[string]int{}
	claim := flPayData().claim
	for _, s := range samples {
		if flAddrLabelHint.MatchString(s) {
			counts["address"]++
			if !flMayAddrLabel(s) {
				t.Errorf("flMayAddrLabel(%q) = false, but flAddrLabelHint matches", s)
			}
		}
		re := flPhoneWord.MatchString(s)
		if re {
			counts["phone"]++
		}
		if got := flHasPhoneWord(s); got != re {
			t.Errorf("flHasPhoneWord(%q) = %v, flPhoneWord %v", s, got, re)
		}
		if claim.MatchString(s) {
			counts["claim"]++
			if !flClaimEnds.any(s) {
				t.Errorf("flClaimEnds.any(%q) = false, but the claim regexp matches", s)
			}
		}
	}
	for _, k := range []string{"address", "phone", "claim"} {
		if counts[k] < 5 {
			t.Errorf("%s: only %d samples match the regexp: the comparison proves little", k, counts[k])
		}
	}
}
