package checker

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"

	"github.com/shopcheck/shopcheck/rules"
)

func readFixture(t testing.TB, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bodyPart is the decoded text from <body> on: the three shop fixtures
// differ only in their charset declaration in the head.
func bodyPart(t *testing.T, s string) string {
	t.Helper()
	i := strings.Index(s, "<body>")
	if i < 0 {
		t.Fatalf("no <body> in decoded text: %.200q", s)
	}
	return s[i:]
}

// TestDecodeSamePageThreeWays: the same page as UTF-8, as Shift_JIS
// declared only in a meta after 2 KB of head, and as EUC-JP declared only
// in the header, must decode to the same text.
func TestDecodeSamePageThreeWays(t *testing.T) {
	utf := readFixture(t, "charset", "shop-utf8.html")
	sjis := readFixture(t, "charset", "shop-sjis.html")
	euc := readFixture(t, "charset", "shop-eucjp.html")
	if i := bytes.Index(sjis, []byte("charset=Shift_JIS")); i < 2048 {
		t.Fatalf("fixture: the Shift_JIS meta is at byte %d, want it after 2 KB of head", i)
	}
	if bytes.Contains(euc, []byte("charset")) {
		t.Fatal("fixture: the EUC-JP page must not declare its charset")
	}
	if utf8.Valid(sjis) || utf8.Valid(euc) {
		t.Fatal("fixture: the Shift_JIS and EUC-JP pages must not be valid UTF-8")
	}

	tests := []struct {
		name, ctype string
		body        []byte
		wantCharset string
	}{
		{"utf-8, meta", "text/html", utf, "utf-8"},
		{"utf-8, no content type", "", utf, "utf-8"},
		{"shift_jis, meta after 2 KB", "text/html", sjis, "shift_jis"},
		{"euc-jp, header only", "text/html; charset=EUC-JP", euc, "euc-jp"},
		{"euc-jp, quoted header", `text/html; charset="euc-jp"`, euc, "euc-jp"},
		{"euc-jp, undeclared (detected)", "text/html", euc, "euc-jp"},
		{"shift_jis, header says UTF-8 (wrong)", "text/html; charset=UTF-8", sjis, "shift_jis"},
		{"shift_jis, header says sjis, meta agrees", "text/html; charset=x-sjis", sjis, "shift_jis"},
	}
	wantText, _ := Decode(utf, "text/html")
	wantPage := rules.NewPage("http://shop.example/", 200, "text/html", wantText, false)
	if !strings.Contains(wantPage.Text, "特定商取引法に基づく表記") || !strings.Contains(wantPage.Text, "ヤマダ タロウ") {
		t.Fatalf("UTF-8 page text lacks the expected words: %q", wantPage.Text)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs := Decode(tt.body, tt.ctype)
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if got, want := bodyPart(t, text), bodyPart(t, wantText); got != want {
				t.Errorf("decoded body differs from the UTF-8 page:\n got %.300q\nwant %.300q", got, want)
			}
			p := rules.NewPage("http://shop.example/", 200, tt.ctype, text, false)
			if p.Text != wantPage.Text || p.Title != wantPage.Title {
				t.Errorf("page text differs:\n got %.300q\nwant %.300q", p.Text, wantPage.Text)
			}
		})
	}
}

// TestDeclarations checks the declaration readers on their own, so that a
// page detection happens to get right cannot hide a broken one.
func TestDeclarations(t *testing.T) {
	sjis := readFixture(t, "charset", "shop-sjis.html")
	if got := metaCharset(sjis); got != "Shift_JIS" {
		t.Errorf("metaCharset(shop-sjis.html) = %q, want Shift_JIS (declared after 2 KB)", got)
	}
	if got := metaCharset(readFixture(t, "charset", "meta-in-comment-sjis.html")); got != "Shift_JIS" {
		t.Errorf("metaCharset(meta-in-comment) = %q, want Shift_JIS", got)
	}
	if got := metaCharset(readFixture(t, "charset", "shop-eucjp.html")); got != "" {
		t.Errorf("metaCharset(shop-eucjp.html) = %q, want none", got)
	}
	pad := strings.Repeat("<!-- padding -->\n", 300) // about 5 KB
	for body, want := range map[string]string{
		`<meta charset="euc-jp">`:    "euc-jp",
		`<META CHARSET='Shift_JIS'>`: "Shift_JIS",
		`<meta http-equiv="content-type" content="text/html;charset=sjis">`:    "sjis",
		`<meta content="text/html; charset=euc-jp" http-equiv="Content-Type">`: "euc-jp",
		`<meta content="text/html; charset=euc-jp">`:                           "", // no http-equiv
		`<meta name="x" content="charset=euc-jp">`:                             "",
		pad + `<meta charset="utf-8">`:                                         "utf-8",
		`<head></head><meta charset="euc-jp">`:                                 "", // after </head>
		`<body><meta charset="euc-jp">`:                                        "",
		`<!-- <meta charset="euc-jp"> -->`:                                     "",
		`<script>"<meta charset=euc-jp>"</script><meta charset="shift_jis">`:   "shift_jis",
		`<?xml version="1.0" encoding="EUC-JP"?><html>`:                        "EUC-JP",
	} {
		if got := metaCharset([]byte(body)); got != want {
			t.Errorf("metaCharset(%.80q) = %q, want %q", body, got, want)
		}
	}
	for ct, want := range map[string]string{
		"text/html; charset=EUC-JP":       "EUC-JP",
		`text/html; charset="Shift_JIS"`:  "Shift_JIS",
		"text/html;charset=utf-8;foo":     "utf-8",
		"text/html; charset=sjis; q=\x00": "sjis",
		"text/html":                       "",
		"":                                "",
	} {
		if got := contentTypeCharset(ct); got != want {
			t.Errorf("contentTypeCharset(%q) = %q, want %q", ct, got, want)
		}
	}
	// A declaration that changes the reading of valid UTF-8 bytes proves
	// which one won: "Ã©" is what windows-1252 makes of the UTF-8 for "é".
	utf8Bytes := []byte(pad + `<meta charset="windows-1252"><p>café</p>`)
	if got, cs := Decode(utf8Bytes, "text/html"); cs != "windows-1252" || !strings.Contains(got, "cafÃ©") {
		t.Errorf("meta after 5 KB: %s, %.40q", cs, got[len(got)-30:])
	}
	if got, cs := Decode(utf8Bytes, "text/html; charset=utf-8"); cs != "utf-8" || !strings.Contains(got, "café") {
		t.Errorf("header over meta: %s, %q", cs, got[len(got)-30:])
	}
}

func TestDecodeCP932Extensions(t *testing.T) {
	b := readFixture(t, "charset", "cp932-ext.txt")
	want := "①②③ ㈱サンプル 髙橋 﨑 ～ − ￢ ∵\n"
	for _, label := range []string{"shift_jis", "Shift_JIS", "sjis", "x-sjis", "windows-31j", "cp932", "MS932"} {
		got, cs := Decode(b, "text/plain; charset="+label)
		if cs != "shift_jis" {
			t.Errorf("%s: charset = %q, want shift_jis", label, cs)
		}
		// ～ and − come out as U+FF5E and U+2212/U+FF0D depending on the
		// table; compare what matters: the NEC/IBM extensions.
		for _, r := range []string{"①②③", "㈱", "髙橋", "﨑", "￢", "∵"} {
			if !strings.Contains(got, r) {
				t.Errorf("%s: %q lacks %q", label, got, r)
			}
		}
		if strings.ContainsRune(got, utf8.RuneError) {
			t.Errorf("%s: %q has replacement characters", label, got)
		}
	}
	// Undeclared: detection finds Shift_JIS.
	got, cs := Decode(b, "")
	if cs != "shift_jis" || !strings.Contains(got, "㈱サンプル") {
		t.Errorf("undeclared CP932 text: %q as %s; want %q as shift_jis", got, cs, want)
	}
}

func TestDecodeOthers(t *testing.T) {
	iso := readFixture(t, "charset", "oneclick-iso2022jp.html")
	metaSJIS := readFixture(t, "charset", "meta-in-comment-sjis.html")
	shopUTF8 := readFixture(t, "charset", "shop-utf8.html")
	sjisOf := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	eucOf := func(s string) []byte {
		b, err := japanese.EUCJP.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, ctype string
		body        []byte
		wantCharset string
		wantText    string
	}{
		{"iso-2022-jp undeclared", "text/html", iso, "iso-2022-jp", "有料会員登録が完了しました"},
		{"iso-2022-jp declared", "text/html; charset=ISO-2022-JP", iso, "iso-2022-jp", "利用料金 99,000円"},
		// Two stray escape sequences (ESC $ with no final byte) make
		// decoding errors; the text is still ISO-2022-JP, not 7-bit UTF-8.
		{"iso-2022-jp declared, stray escapes", "text/html; charset=ISO-2022-JP", append(append([]byte("\x1b$ \x1b$ "), iso...), "\x1b$"...), "iso-2022-jp", "利用料金 99,000円"},
		{"meta after commented and scripted ones", "text/html", metaSJIS, "shift_jis", "一時的に利用停止"},
		{"utf-8 cut mid-character", "text/html", shopUTF8[:bytes.Index(shopUTF8, []byte("特定"))+1], "utf-8", "80% オフ"},
		{"utf-8 BOM beats the header", "text/html; charset=Shift_JIS", append([]byte{0xEF, 0xBB, 0xBF}, "<p>こんにちは</p>"...), "utf-8", "<p>こんにちは</p>"},
		{"xml declaration", "", append([]byte(`<?xml version="1.0" encoding="Shift_JIS"?><html><body>`), sjisOf("ご注文")...), "shift_jis", "ご注文"},
		{"short shift_jis, undeclared", "", sjisOf("<p>振込先: ゆうちょ銀行</p>"), "shift_jis", "振込先: ゆうちょ銀行"},
		{"short euc-jp, undeclared", "", eucOf("<p>振込先: ゆうちょ銀行</p>"), "euc-jp", "振込先: ゆうちょ銀行"},
		{"latin-1 page undeclared", "", []byte("<p>Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la carte</p>"), "windows-1252", "Café crème brûlée à la carte"},
		{"latin-1 declared", "text/html; charset=iso-8859-1", []byte("<p>Caf\xe9</p>"), "windows-1252", "Café"},
		{"unknown label ignored", "text/html; charset=x-bogus-42", []byte("<p>ok</p>"), "utf-8", "<p>ok</p>"},
		{"meta utf-16 means utf-8", "", []byte(`<meta charset="utf-16"><p>日本</p>`), "utf-8", "日本"},
		{"ascii", "text/html", []byte("<p>hello</p>"), "utf-8", "<p>hello</p>"},
		{"empty", "text/html; charset=shift_jis", nil, "utf-8", ""},
		{"header without charset, broken content type", "text/html; charset", []byte("<p>x</p>"), "utf-8", "<p>x</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := Decode(tt.body, tt.ctype)
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !strings.Contains(got, tt.wantText) {
				t.Errorf("text %.300q lacks %q", got, tt.wantText)
			}
			if !utf8.ValidString(got) {
				t.Errorf("text is not valid UTF-8")
			}
		})
	}
}

// TestDecodeJunk: binary junk, whatever it is labelled, must come back as
// valid UTF-8 without a panic.
func TestDecodeJunk(t *testing.T) {
	junk := readFixture(t, "hostile", "junk.bin")
	r := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 2<<20)
	for i := range big {
		big[i] = byte(r.Uint32())
	}
	bodies := map[string][]byte{
		"junk.bin": junk, "2 MiB random": big,
		"lone lead bytes":    bytes.Repeat([]byte{0x81}, 1000),
		"escape soup":        bytes.Repeat([]byte("\x1b$B\x1b(B\x1b$@\x1b(J"), 500),
		"unclosed meta":      []byte(`<meta charset="shift_jis`),
		"nul bytes":          make([]byte, 4096),
		"tag soup then meta": append(bytes.Repeat([]byte("<div><p><<</>"), 10000), `<meta charset=euc-jp>`...),
	}
	for name, body := range bodies {
		for _, ct := range []string{"", "text/html", "text/html; charset=shift_jis", "text/html; charset=utf-8", "application/octet-stream; charset=\x00"} {
			got, cs := Decode(body, ct)
			if cs == "" {
				t.Errorf("%s / %q: empty charset name", name, ct)
			}
			if !utf8.ValidString(got) {
				t.Errorf("%s / %q: result is not valid UTF-8", name, ct)
			}
		}
	}
}

func TestIsHTML(t *testing.T) {
	page := []byte("<!DOCTYPE html><html><body>x</body></html>")
	tests := []struct {
		ctype string
		body  []byte
		want  bool
	}{
		{"text/html", nil, true},
		{"TEXT/HTML; charset=Shift_JIS", nil, true},
		{"application/xhtml+xml", nil, true},
		{"text/html;;;", nil, true},
		{"", page, true},
		{"application/octet-stream", page, true},
		{"", []byte("PK\x03\x04 an apk"), false},
		{"application/vnd.android.package-archive", page, false},
		{"application/pdf", []byte("%PDF-1.7"), false},
		{"text/plain", page, false},
		{"image/png", page, false},
		{"", []byte("just some words"), false},
	}
	for _, tt := range tests {
		if got := IsHTML(tt.ctype, tt.body); got != tt.want {
			t.Errorf("IsHTML(%q, %.20q) = %v, want %v", tt.ctype, tt.body, got, tt.want)
		}
	}
}

// bigShopPage makes a shop page of about n bytes: many product blocks, a
// disclosure table and a form, like the large catalogue pages fake shops
// generate.
func bigShopPage(n int) string {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>激安ブランド通販</title></head><body><h1>公式ストア</h1><div class="items">`)
	for i := 0; sb.Len() < n; i++ {
		fmt.Fprintf(&sb, `<div class="item"><a href="/item/%d.html"><img src="https://image.example/%d.jpg" alt="商品%d"></a>`+
			`<h3>人気ブランド バッグ モデル%d</h3><p>通常価格 <s>%d円</s> 販売価格 <b>%d円</b> 送料無料 在庫わずか</p></div>`+"\n",
			i, i, i, i, 98000+i, 9800+i)
	}
	sb.WriteString(`</div><h2>特定商取引法に基づく表記</h2><table><tr><th>販売業者</th><td>株式会社サンプル</td></tr>` +
		`<tr><th>支払方法</th><td>銀行振込</td></tr></table><form action="/cart" method="post"><input name="q"><label>メール<input type="email" name="mail"></label></form></body></html>`)
	return sb.String()
}

// BenchmarkDecodeAndParse measures charset decoding against parsing a 1 MB
// shop page, so that the cost of scoring can be compared with them.
func BenchmarkDecodeAndParse(b *testing.B) {
	page := bigShopPage(1 << 20)
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.Replace(page, "utf-8", "shift_jis", 1)))
	if err != nil {
		b.Fatal(err)
	}
	utf := []byte(page)
	b.Run("decode-utf8", func(b *testing.B) {
		b.SetBytes(int64(len(utf)))
		for b.Loop() {
			Decode(utf, "text/html")
		}
	})
	b.Run("decode-sjis-declared", func(b *testing.B) {
		b.SetBytes(int64(len(sjis)))
		for b.Loop() {
			Decode(sjis, "text/html")
		}
	})
	b.Run("decode-sjis-detected", func(b *testing.B) {
		undeclared := bytes.Replace(sjis, []byte(`<meta charset="shift_jis">`), nil, 1)
		b.SetBytes(int64(len(undeclared)))
		for b.Loop() {
			Decode(undeclared, "")
		}
	})
	text, _ := Decode(sjis, "text/html")
	b.Run("newpage", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			rules.NewPage("https://shop.example/", 200, "text/html", text, false)
		}
	})
	b.Run("decode+newpage-sjis", func(b *testing.B) {
		b.SetBytes(int64(len(sjis)))
		for b.Loop() {
			t, _ := Decode(sjis, "text/html")
			rules.NewPage("https://shop.example/", 200, "text/html", t, false)
		}
	})
}

// The fast paths of Decode and IsHTML (a table of common Content-Types,
// "<meta" and "charset" looked for before any parse, tag names measured
// before they are copied) are held to the plain way, kept below as
// oldDecode, oldMetaCharset and oldIsHTML.

// charsetCorpus is every file under testdata, whole and cut at a few places
// (a character cut in two, a head cut off), plus hand-made heads.
func charsetCorpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b = b[:min(len(b), 2<<20)]
		out[path] = b
		for _, cut := range []int{1, 2, 3, 100, 1001, 4097} {
			if cut < len(b) {
				out[fmt.Sprintf("%s[:%d]", path, len(b)-cut)] = b[:len(b)-cut]
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 300 {
		t.Fatalf("only %d testdata bodies", len(out))
	}
	sjis := "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x79\x81\x5b\x83\x57" // 日本語のページ in Shift_JIS
	for i, s := range []string{
		``, `<html><head><META CHARSET="Shift_JIS"></head>` + sjis,
		`<!-- <meta charset=euc-jp> --><meta http-equiv="Content-Type" content="text/html; charset=shift_jis">` + sjis,
		`<script>"<meta charset=euc-jp>"</script><title><meta charset=euc-jp></title>` + sjis,
		`<head></HEAD ><meta charset=shift_jis>` + sjis, `<BODY><meta charset=shift_jis>` + sjis,
		`<body/><meta charset=shift_jis>` + sjis, "<me\x00ta charset=shift_jis>" + sjis, "<meta\x00 charset=shift_jis>" + sjis,
		`<meta/charset=shift_jis>` + sjis, `<meta charset="  utf-16le ">x`, `<?xml version="1.0" encoding="Shift_JIS"?>` + sjis,
		`<metadata charset=euc-jp><meta  http-equiv=CONTENT-TYPE content='text/html;charset="euc-jp"'>` + sjis,
		`<head><meta name=x><meta charset=bogus><meta charset=euc-jp></head>` + sjis, `<meta`, `<`, `</`, `<a`, `</head`,
		"\xef\xbb\xbf<meta charset=shift_jis>" + sjis, "\xff\xfe<\x00m\x00", "\x1b$B$3$s$K$A$O\x1b(B",
	} {
		out[fmt.Sprintf("hand-made #%d", i)] = []byte(s)
	}
	// Bodies around the sample a guess is scored on: at most all of it is
	// the whole body, whose decoding is kept; one byte more is decoded again.
	long := []byte(strings.Repeat("<p>"+sjis+"</p>\n", sniffSample/len(sjis)))
	for _, n := range []int{sniffSample - 1, sniffSample, sniffSample + 1, sniffSample + 4096} {
		out[fmt.Sprintf("Shift_JIS body of %d bytes", n)] = long[:n]
	}
	return out
}

var corpusContentTypes = []string{"", "text/html", "text/html; charset=utf-8", "text/html; charset=UTF-8",
	"text/html;charset=Shift_JIS", "text/html; charset=EUC-JP", "text/html; charset=iso-2022-jp",
	"text/html; charset=iso-8859-1", "text/html; charset=bogus", `text/html; charset="utf-8"`,
	"TEXT/HTML; CHARSET=SJIS", "text/html charset=euc-jp", "text/html; charset=", "application/octet-stream",
	"text/html; charset=utf-16", "text/html; Charset=windows-31j; q=1"}

func TestDecodeMatchesOld(t *testing.T) {
	for name, body := range charsetCorpus(t) {
		if got, want := metaCharset(body), oldMetaCharset(body); got != want {
			t.Errorf("%s: metaCharset = %q, old %q", name, got, want)
		}
		for _, ct := range corpusContentTypes {
			text, cs := Decode(body, ct)
			wantText, wantCS := oldDecode(body, ct)
			if text != wantText || cs != wantCS {
				t.Errorf("%s / %q: Decode gives %s (%d bytes), old %s (%d bytes)", name, ct, cs, len(text), wantCS, len(wantText))
			}
		}
	}
}

func TestCommonContentTypesMatchParse(t *testing.T) {
	for ct, d := range commonContentTypes() {
		var e encoding.Encoding
		var name string
		if label := contentTypeCharset(ct); label != "" {
			e, name = lookupCharset(label)
		}
		// charset.Lookup wraps its answer anew each time: compare contents.
		if !reflect.DeepEqual(d.enc, e) || d.name != name {
			t.Errorf("%q: table %v %q, parse %v %q", ct, d.enc, d.name, e, name)
		}
	}
	if d := commonContentTypes()["text/html; charset=Shift_JIS"]; d.name != "shift_jis" {
		t.Errorf("Shift_JIS content type: %q", d.name)
	}
}

func TestIsHTMLMatchesOld(t *testing.T) {
	parts := []string{"text/html", "TEXT/Html", "application/xhtml+xml", "application/octet-stream", "text/plain",
		" ", ";", "; charset=utf-8", "charset", "=", `"`, "\t", "\u00a0", "İ", "\xff", "*/*", "/", "x", "html", ",", "\u3000"}
	bodies := [][]byte{nil, []byte("<!DOCTYPE html><p>x"), []byte("PK\x03\x04"), []byte("plain words")}
	r := rand.New(rand.NewPCG(3, 4))
	cts := append([]string{}, corpusContentTypes...)
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(5) {
			sb.WriteString(parts[r.IntN(len(parts))])
		}
		cts = append(cts, sb.String())
	}
	for _, ct := range cts {
		for _, b := range bodies {
			if got, want := IsHTML(ct, b), oldIsHTML(ct, b); got != want {
				t.Fatalf("IsHTML(%q, %.10q) = %v, old %v", ct, b, got, want)
			}
		}
		if got, want := contentTypeCharset(ct), oldContentTypeCharset(ct); got != want {
			t.Fatalf("contentTypeCharset(%q) = %q, old %q", ct, got, want)
		}
	}
}

// --- the old way, kept as the oracle ---

func oldDecode(body []byte, contentType string) (text string, charsetName string) {
	if len(body) == 0 {
		return "", "utf-8"
	}
	if e, name, n := bomEncoding(body); e != nil {
		return decodeWith(e, name, body[n:]), name
	}
	if e, name := oldDeclaredCharset(body, contentType); e != nil {
		out := decodeWith(e, name, body)
		if decodeErrors(out) == 0 {
			return out, name
		}
		declared := score(candidate{enc: e, name: name}, body)
		best := guess(body, nil, japaneseCandidates...)
		if best.name != name && best.errors == 0 && best.score > declared.score {
			return decodeWith(best.enc, best.name, body), best.name
		}
		return out, name
	}
	if isISO2022JP(body) {
		return decodeWith(japanese.ISO2022JP, "iso-2022-jp", body), "iso-2022-jp"
	}
	if utf8.Valid(trimCutRune(body)) {
		return decodeWith(nil, "utf-8", body), "utf-8"
	}
	best := guess(body, nil, undeclaredCandidates...)
	return decodeWith(best.enc, best.name, body), best.name
}

func oldDeclaredCharset(body []byte, contentType string) (encoding.Encoding, string) {
	if label := oldContentTypeCharset(contentType); label != "" {
		if e, name := lookupCharset(label); e != nil {
			return e, name
		}
	}
	if label := oldMetaCharset(body); label != "" {
		if e, name := lookupCharset(label); e != nil {
			if strings.HasPrefix(name, "utf-16") {
				return encoding.Nop, "utf-8"
			}
			return e, name
		}
	}
	return nil, ""
}

func oldContentTypeCharset(ct string) string {
	if ct == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	if m := ctCharsetRE.FindStringSubmatch(ct); m != nil {
		return m[1]
	}
	return ""
}

func oldMetaCharset(body []byte) string {
	head := body[:min(len(body), metaScanMax)]
	if m := xmlDeclRE.FindSubmatch(head[:min(len(head), 512)]); m != nil {
		return string(m[1])
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	z.SetMaxBuf(metaScanMax)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					if cs == "" {
						cs = strings.TrimSpace(string(v))
					}
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if pragma {
				if m := ctCharsetRE.FindStringSubmatch(content); m != nil {
					return m[1]
				}
			}
		}
	}
}

func oldIsHTML(contentType string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	}
	if !genericTypes[mt] {
		return false
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

// BenchmarkDecodeSmall and BenchmarkDecodeSmallOld decode a small page
// served as "text/html; charset=utf-8" after IsHTML, as a batch target is.
func BenchmarkDecodeSmall(b *testing.B) {
	page := []byte(smallPage)
	b.ReportAllocs()
	for b.Loop() {
		if IsHTML("text/html; charset=utf-8", page) {
			Decode(page, "text/html; charset=utf-8")
		}
	}
}

func BenchmarkDecodeSmallOld(b *testing.B) {
	page := []byte(smallPage)
	b.ReportAllocs()
	for b.Loop() {
		if oldIsHTML("text/html; charset=utf-8", page) {
			oldDecode(page, "text/html; charset=utf-8")
		}
	}
}
