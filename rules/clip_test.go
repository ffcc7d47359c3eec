package rules

import "testing"

// TestClipAgrees holds Clip (which returns folded text as it is) to
// clipPlain, the plain fold-and-cut, on every line, title and text of the
// testdata pages and on texts made to miss the fast way, at several
// lengths.
func TestClipAgrees(t *testing.T) {
	texts := []string{"", " ", "a", "a ", " a", "a  b", "a\tb", "a\u3000b", "a\u00a0b", "a\u0085b", "銀\xffb",
		"\xe3\x81", "お支払い方法: クレジットカード、コンビニ払い、代金引換", "𠮟る ABC 𩸽", "\ufffd ok", "x\n",
		"\u3000a", "a\u3000", "\xed\xa0\x80", "a\xe3\x80", "\xe3\x80\x80", "\u2028x", "x\u205f", "\u303f\u3001", "\xef\xbf\xbd\xef\xbf"}
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			texts = append(texts, p.Title, p.Text)
			texts = append(texts, p.Lines...)
			texts = append(texts, p.Headings...)
		}
	}
	for _, s := range texts {
		for _, n := range []int{1, 2, 3, 5, 40, 60, 80, 120, 400} {
			if got, want := Clip(s, n), clipPlain(s, n); got != want {
				t.Errorf("Clip(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// TestClipKeepsNumbers: a cut inside a phone or account number moves to
// the number's end (QA rev24: 「090-1234-…」 lost the scammer's number),
// up to 16 bytes; a longer run of digits is cut where it was.
func TestClipKeepsNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"お電話ください:090-1234-5678", 20, "お電話ください:090-1234-5678"},
		{"お電話ください:090-1234-5678 まで", 20, "お電話ください:090-1234-5678…"},
		{"口座 1234567 名義 ヤマダ", 6, "口座 1234567…"},
		{"番号 " + "12345678901234567890123", 6, "番号 12…"},
		{"お支払い期限は本日中です", 5, "お支払い…"},
		// Invalid bytes before the cut (the fuzzer's find): cut as runes.
		{"番号\x9f\x82 0120-444-555 まで", 7, "番号\ufffd\ufffd 0120-444-555…"},
	} {
		if got := Clip(tc.in, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
		if got := clipPlain(tc.in, tc.n); got != tc.want {
			t.Errorf("clipPlain(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestSentence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"支払方法が銀行振込だけです。", "支払方法が銀行振込だけです。"},
		{"偽サイトの疑いがあります（フィッシングの疑い）", "偽サイトの疑いがあります（フィッシングの疑い）。"},
		{"リンクは開かないでください！", "リンクは開かないでください！"},
		{"Amazonを名乗っていますが公式ではありません (amazon-jp.top)", "Amazonを名乗っていますが公式ではありません (amazon-jp.top)。"},
		{"this page asks for your PIN", "This page asks for your PIN."},
		{"an attachment could infect your device; delete it", "An attachment could infect your device; delete it."},
		{"Bank transfer is the only way to pay.", "Bank transfer is the only way to pay."},
		{"xn--80ak6aa92e.com is shown by browsers as аррӏе.com", "xn--80ak6aa92e.com is shown by browsers as аррӏе.com."},
		{"example.com is not the brand's", "example.com is not the brand's."},
		{"check the seller in the legal disclosure (特定商取引法の表記), and weigh it.", "Check the seller in the legal disclosure (特定商取引法の表記), and weigh it."},
		{"the account's holder is not the seller (株式会社サクラ)", "The account's holder is not the seller (株式会社サクラ)."},
		{"ドメイン amazon-co-jp.verify-xx.top は偽物です", "ドメイン amazon-co-jp.verify-xx.top は偽物です。"},
		{"  ", ""},
	} {
		if got := Sentence(tc.in); got != tc.want {
			t.Errorf("Sentence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
