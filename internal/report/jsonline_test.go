package report

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// encodingJSON is what the JSON writer must match: encoding/json's Encoder
// with HTML escaping off.
func encodingJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// oddStrings are strings that test every escaping rule: every ASCII byte,
// invalid UTF-8, U+2028/2029, HTML characters, Japanese text.
func oddStrings() []string {
	var all strings.Builder
	for c := 0; c < 128; c++ {
		all.WriteByte(byte(c))
	}
	out := []string{"", all.String(), "<a href=\"x\">&amp;</a>", "\u2028\u2029\u2027\u202a", "振込先: 三井住友銀行\t新宿支店\n普通 1234567",
		"\xff\xfe broken \xe3\x81 utf-8 \xed\xa0\x80 surrogate \xe0\x80\x80 overlong \xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xaa", "\x7f del", `back\slash "quote"`, "ｶﾀｶﾅ ＡＢＣ 🇯🇵 e\u0301"}
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		n := rng.Intn(40)
		b := make([]byte, n)
		for i := range b {
			switch rng.Intn(4) {
			case 0:
				b[i] = byte(rng.Intn(256))
			case 1:
				b[i] = byte(rng.Intn(0x20))
			default:
				b[i] = byte(0x20 + rng.Intn(0x60))
			}
		}
		out = append(out, string(b))
		out = append(out, string(utf8.AppendRune(nil, rune(rng.Intn(0x110000))))+string(b))
	}
	return out
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range oddStrings() {
		want := strings.TrimSuffix(encodingJSON(t, s), "\n")
		if got := string(appendJSONString(nil, s)); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestJSONWriterMatchesEncodingJSON compares whole lines: every field, nil
// and empty slices, optional blocks, message links, clues, and the escape
// cache hit on a second write.
func TestJSONWriterMatchesEncodingJSON(t *testing.T) {
	odd := oddStrings()
	long := strings.Repeat("銀行・保険会社・クレジットカード会社が、メールで口座番号や暗証番号の入力を求めることはありません。", 3)
	full := &checker.Result{
		Target: odd[1], URL: "https://shop.example.jp/?a=1&b=<2>", Domain: "example.jp", Risk: rules.RiskHigh, Score: 100,
		Signs: []rules.Sign{
			{ID: "payment-transfer-only", Severity: rules.High, Points: 25, Message: long, Evidence: odd[5], URL: "https://shop.example.jp/law"},
			{ID: "contact-free-email", Severity: rules.Low, Points: 5, Message: "短い", Evidence: "", URL: ""},
		},
		Advice:    []checker.AdviceBlock{{Topic: "shopping", Lines: []string{long, "相談は #9110 へ"}}, {Topic: "x", Lines: nil}, {Topic: "y", Lines: []string{}}},
		Redirects: []string{"http://a/", odd[3]},
		Pages: []checker.PageInfo{{URL: "https://shop.example.jp/", Status: 200, ContentType: "text/html; charset=Shift_JIS", Bytes: 12345, Truncated: true, SHA256: "ab12"},
			{URL: "https://shop.example.jp/", Status: 200, ContentType: "text/html", Bytes: 12, SHA256: "cd34", Mobile: true, Cut: odd[7]}},
		Whois:      &checker.WhoisInfo{Created: "2026-11-01", AgeDays: -3, Registrar: odd[4], Server: "whois.jprs.jp"},
		WhoisError: odd[5],
		HopError:   odd[6], ScriptBuilt: true, DisclosureImage: odd[1],
		Unread:    []checker.PageError{{URL: odd[3], Code: "timeout", Message: odd[4]}, {URL: "https://shop.example.jp/law", Code: "connect", Message: ""}},
		Error:     &checker.ErrorInfo{Code: "http-status", Message: odd[2]},
		CheckedAt: "2026-11-29T21:00:00Z",
		Clues:     []checker.Clue{{Kind: "account", Value: "三井住友銀行|新宿|1234567"}, {Kind: "email", Value: "a@b"}},
	}
	withLinks := &checker.Result{Target: "mail.eml", Risk: rules.RiskLow, Signs: []rules.Sign{}, Advice: []checker.AdviceBlock{},
		Redirects: []string{}, Pages: []checker.PageInfo{}, Links: []*checker.Result{full, {Target: "bare"}, {Target: "https://smbc-kakunin.top/login", Risk: rules.RiskHigh, Quoted: true}}, LinksByName: 17}
	cases := []*checker.Result{full, withLinks, {}, {Signs: []rules.Sign{}, Clues: []checker.Clue{}, Unread: []checker.PageError{}}}
	for i, s := range odd[:200] {
		cases = append(cases, &checker.Result{Target: s, URL: odd[len(odd)-1-i], Signs: []rules.Sign{{ID: "x", Message: s + long, Evidence: s}},
			Advice: []checker.AdviceBlock{{Topic: s, Lines: []string{long, s}}}})
	}
	var want strings.Builder
	for _, r := range cases {
		want.WriteString(encodingJSON(t, r))
	}
	var got bytes.Buffer
	w := NewJSON(&got)
	for _, r := range cases {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if got.String() != want.String() {
		g, wl := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
		for i := range min(len(g), len(wl)) {
			if g[i] != wl[i] {
				t.Fatalf("line %d differs:\n got %s\nwant %s", i+1, g[i], wl[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(g), len(wl))
	}
}

// TestJSONWriterMessageLinks: a message result always has "links" (the
// contract's "one result for each URL found in it under links"), [] for a
// message without URLs; a check result has none.
func TestJSONWriterMessageLinks(t *testing.T) {
	for _, c := range []struct {
		links []*checker.Result
		want  string
	}{
		{[]*checker.Result{}, `"links":[]`},
		{[]*checker.Result{{Target: "https://x.test/"}}, `"links":[{"target":"https://x.test/"`},
		{nil, ""},
	} {
		var b bytes.Buffer
		if err := NewJSON(&b).Write(&checker.Result{Target: "m.txt", Links: c.links}); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); c.want == "" && strings.Contains(got, `"links"`) || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("links %v: %s, want %q", c.links, got, c.want)
		}
	}
}

// BenchmarkJSONWriter writes a typical result: a few signs and the
// shopping advice, as a batch writes one a target.
func BenchmarkJSONWriter(b *testing.B) {
	adv := rules.DefaultAdvice()
	res := &checker.Result{Target: "http://shop3.test:8080/item/12", URL: "http://shop3.test:8080/item/12", Domain: "shop3.test",
		Risk: rules.RiskLow, Score: 0, Signs: []rules.Sign{}, Advice: []checker.AdviceBlock{{Topic: "shopping", Lines: adv.Lines("shopping", "ja")}},
		Redirects: []string{}, Pages: []checker.PageInfo{{URL: "http://shop3.test:8080/item/12", Status: 200, ContentType: "text/html; charset=utf-8", Bytes: 320, SHA256: strings.Repeat("ab", 32)}},
		Whois: &checker.WhoisInfo{Created: "2015-04-01", AgeDays: 4260, Registrar: "Fake Registrar", Server: "127.0.0.1:4343"}, CheckedAt: "2026-11-29T21:00:00Z"}
	b.Run("encoding-json", func(b *testing.B) {
		enc := json.NewEncoder(&bytes.Buffer{})
		enc.SetEscapeHTML(false)
		var buf bytes.Buffer
		enc = json.NewEncoder(&buf)
		for b.Loop() {
			buf.Reset()
			enc.Encode(res)
		}
	})
	b.Run("writer", func(b *testing.B) {
		var buf bytes.Buffer
		w := NewJSON(&buf)
		for b.Loop() {
			buf.Reset()
			w.Write(res)
		}
	})
}
