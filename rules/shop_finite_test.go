package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// shopPatternsInSource returns the pattern of every shopMustRe and
// shopLabel call with a literal argument in the package's files, and the payment-method patterns
// as shopPayMethods compiles them: every expression the shop signs use.
func shopPatternsInSource(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var pats []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || id.Name != "shopMustRe" && id.Name != "shopLabel" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					if id.Name == "shopLabel" {
						s = shopLabel(s).String()
					}
					pats = append(pats, s)
				}
			}
			return true
		})
	}
	for _, re := range shopPayMethods().res {
		pats = append(pats, re.String())
	}
	return pats
}

// shopFiniteCorpus is every line and sentence of every page in testdata,
// some of their tails, and hand-made edge cases.
func shopFiniteCorpus(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil || !utf8.Valid(body) {
			return err // Shift_JIS and EUC-JP copies hold the same lines
		}
		p := NewPage("https://shop.example.jp/", 200, "text/html", string(body), false)
		for _, l := range p.Lines {
			out = append(out, l)
			out = append(out, shopSentences(l)...)
			for i, n := 0, 0; i < len(l) && n < 2; i++ {
				if utf8.RuneStart(l[i]) && i > 0 {
					out = append(out, l[i:])
					n++
				}
			}
		}
		for _, im := range p.Images {
			out = append(out, im.Alt, shopFileWords.Replace(im.Src))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, "", "VISA", "visa", "xvisa", "visa_", "_visa", "VISA/Master", "Ｖｉｓａ", "Master Card", "MasterCard",
		"代金引き換え", "代金引換え", "代引き", "銀行振込のみ", "銀行振り込み", "お振込み", "振込先口座",
		"sa\u017fe", "ban\u212a transfer", "bank\u212a", "\xff銀行振込\xfe", "\xe3銀行振込", "\xe3\x81代金引換", "visa\xe3", "代金引換\xe3\x81",
		"PayPay決済", "paypay", "Pay-easy", "ペイジー", "コンビニ決済", "AMEX", "amexx")
	return out
}

// TestShopFiniteMatchesRegexp checks that the fast matcher gives the
// regexp's answers for every expression of the shop signs on every line
// of the test pages.
func TestShopFiniteMatchesRegexp(t *testing.T) {
	pats := shopPatternsInSource(t)
	corpus := shopFiniteCorpus(t)
	finite := 0
	for _, pat := range pats {
		r := shopMustRe(pat)
		if r.fin == nil {
			continue
		}
		finite++
		plain := regexp.MustCompile(pat)
		for _, s := range corpus {
			if got, want := r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: FindAllStringIndex %v, regexp %v", pat, s, got, want)
			}
			if got, want := r.MatchString(s), len(plain.FindStringIndex(s)) > 0; got != want {
				t.Fatalf("%q on %q: MatchString %v, regexp %v", pat, s, got, want)
			}
			if got, want := r.ReplaceAllString(s, "·"), plain.ReplaceAllString(s, "·"); got != want {
				t.Fatalf("%q on %q: ReplaceAllString %q, regexp %q", pat, s, got, want)
			}
		}
		// Each string of the set, alone and in context, through every method.
		var inputs []string
		for _, a := range r.fin.alts {
			inputs = append(inputs, a.lit, "x"+a.lit, a.lit+"x", " "+a.lit+" ", "あ"+strings.ToUpper(a.lit)+"い", a.lit+a.lit)
		}
		for _, s := range inputs {
			if got, want := r.MatchString(s), plain.MatchString(s); got != want {
				t.Fatalf("%q on %q: MatchString %v, regexp %v", pat, s, got, want)
			}
			if got, want := r.FindStringIndex(s), plain.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: FindStringIndex %v, regexp %v", pat, s, got, want)
			}
			if got, want := r.FindString(s), plain.FindString(s); got != want {
				t.Fatalf("%q on %q: FindString %q, regexp %q", pat, s, got, want)
			}
			if got, want := r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: FindAllStringIndex %v, regexp %v", pat, s, got, want)
			}
			if got, want := r.FindAllString(s, 1), plain.FindAllString(s, 1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: FindAllString %q, regexp %q", pat, s, got, want)
			}
		}
	}
	t.Logf("%d of %d expressions matched without the regexp engine, checked on %d strings", finite, len(pats), len(corpus))
	if finite < len(pats)/3 {
		t.Errorf("only %d of %d expressions have a fast matcher", finite, len(pats))
	}
}

// TestShopFiniteOrder covers the priority order the fast matcher must
// keep: greedy and lazy optional parts, alternation order, and \b.
func TestShopFiniteOrder(t *testing.T) {
	for _, tc := range []struct{ pat, s string }{
		{`代金引き?換え?`, "代金引き換えで"},
		{`代金引き??換え??`, "代金引き換えで"},
		{`カード|カード決済`, "カード決済"},
		{`カード決済|カード`, "カード決済"},
		{`(?i)\bjcb\b`, "JCB/VISA"},
		{`(?i)\bjcb\b`, "xjcb"},
		{`(?i)\bcod\b決済`, "COD決済"},
		{`^お支払い|のみ$`, "お支払いは銀行振込のみ"},
		{`a{1,3}`, "aaaa"},
		{`(?i)^(?:名義|口座名義)(?:名称|名)?(?:\s?\([^)]{0,10}\))?`, "口座名義(カナ):ヤマダ"},
		{`(?i)^(?:名義|口座名義)(?:名称|名)?(?:\s?\([^)]{0,10}\))?`, "名義名 (全角カナで入力してください)"},
		{`(?:ab|a)(?:bc|c)?`, "abc"},
	} {
		r := shopMustRe(tc.pat)
		if r.fin == nil {
			t.Errorf("%q: no fast matcher", tc.pat)
			continue
		}
		plain := regexp.MustCompile(tc.pat)
		if got, want := r.FindAllStringIndex(tc.s, -1), plain.FindAllStringIndex(tc.s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%q on %q: %v, regexp %v", tc.pat, tc.s, got, want)
		}
	}
	// Only some branches finite: they answer where the others' literals
	// are absent, the regexp elsewhere.
	split := shopMustRe(`(?i)ご利用不可|not\s+available|不可`)
	if split.fin == nil || split.rest == nil {
		t.Fatalf("split: fin %v rest %v, want both", split.fin != nil, split.rest != nil)
	}
	plain := regexp.MustCompile(split.String())
	for _, s := range []string{"カードはご利用不可です", "Card: not   available / 不可", "NOT available", "不可不可"} {
		if got, want := split.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("split on %q: %v, regexp %v", s, got, want)
		}
	}
	for _, pat := range []string{`a+`, `[0-9]{7}`, `x?`, `(?i)ｋ`, `(?m)^a`} {
		if shopMustRe(pat).fin != nil {
			t.Errorf("%q: has a fast matcher, want the regexp", pat)
		}
	}
}

// TestShopNextRuneMatchesUTF8 checks the hand decoder against utf8 on every
// two-byte string and many three-byte ones, valid or not.
func TestShopNextRuneMatchesUTF8(t *testing.T) {
	var buf [3]byte
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			c, n := shopNextRune(s, i)
			r, m := utf8.DecodeRuneInString(s[i:])
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			if r >= 1<<16 || r == utf8.RuneError && m == 1 {
				r = -1
			}
			if c != r || n != m {
				t.Fatalf("%q at %d: %d, %d; want %d, %d", s, i, c, n, r, m)
			}
		}
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			buf[0], buf[1] = byte(a), byte(b)
			check(string(buf[:2]))
			for c := 0; c < 256; c += 13 {
				buf[2] = byte(c)
				check(string(buf[:3]))
			}
		}
	}
	check("\xf0\x9f\x98\x80a\xef\xbf\xbd")
}
