package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRuneCount(t *testing.T) {
	for _, s := range []string{
		"", "abc", "手作り雑貨の店", "ｶﾀｶﾅ and ＡＢＣ", "😀 emoji 𠮷野家", "é ü ñ",
		"\xe0\x80\x80",             // overlong three-byte form: three invalid bytes
		"\xed\xa0\x80",             // a surrogate: three invalid bytes
		"\xe3\x81",                 // cut short at the end
		"\xe3\x81a\x82",            // a continuation byte missing
		"\x80\x80\xff\xfe",         // stray bytes
		"\xef\xbf\xbd\xf0\x9f",     // U+FFFD itself, then a cut four-byte rune
		"\xe0\xa0\x80\xed\x9f\xbf", // the lowest valid E0 and highest valid ED runes
		strings.Repeat("お支払い方法: クレジットカード\n", 50),
	} {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add("手作り\xe0\x80\x80雑貨\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	})
}

func BenchmarkRuneCount(b *testing.B) {
	s := strings.Repeat("いつもご利用ありがとうございます。商品をご覧ください。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		RuneCount(s)
	}
}

func BenchmarkRuneCountInString(b *testing.B) {
	s := strings.Repeat("いつもご利用ありがとうございます。商品をご覧ください。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		utf8.RuneCountInString(s)
	}
}
