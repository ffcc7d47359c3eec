package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// shopLiteral returns the string e spells when it is a string literal or
// a concatenation of them (flNegation's three lines).
func shopLiteral(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := shopLiteral(e.X)
		if !ok {
			return "", false
		}
		y, ok := shopLiteral(e.Y)
		return x + y, ok
	}
	return "", false
}

// shopPatternsInSource returns the pattern of every shopMustRe and
// shopLabel call with a literal argument (or a concatenation of literals)
// in the package's files, the payment-method patterns as shopPayMethods
// compiles them, and the gift-card names flGiftData compiles: every
// expression the shop and fluent signs match with shopMustRe.
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
			if s, ok := shopLiteral(call.Args[0]); ok {
				if id.Name == "shopLabel" {
					s = shopLabel(s).String()
				}
				pats = append(pats, s)
			}
			return true
		})
	}
	for _, re := range shopPayMethods().res {
		pats = append(pats, re.String())
	}
	pats = append(pats, flGiftData().gift.String())
	// The scan must see every fluent word list.
	for name, r := range flTestRes() {
		if !slices.Contains(pats, r.String()) {
			t.Errorf("%s (%q) not found by the source scan", name, r.String())
		}
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
		"PayPay決済", "paypay", "Pay-easy", "ペイジー", "コンビニ決済", "AMEX", "amexx",
		"・", "と", "決済・", "でのお支払いまたは", "払い", "1. 送料", "12) 返品", "【送料】", "addre\u017fs", "\u212aelvin TEL")
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
		r := shopMustRe(pat).finite()
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
		r := shopMustRe(tc.pat).finite()
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
	split := shopMustRe(`(?i)ご利用不可|not\s+available|不可`).finite()
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
		if shopMustRe(pat).finite().fin != nil {
			t.Errorf("%q: has a fast matcher, want the regexp", pat)
		}
	}
}

// TestShopFiniteTable checks which expressions get a fast matcher and
// that it answers as the regexp does through every method: leftmost-first
// rather than longest, greedy and lazy optional parts, (?i) with the long s
// and the Kelvin sign,
// assertions inside alternatives, anchored sets that match the empty
// string, and the expressions that must stay with the regexp.
func TestShopFiniteTable(t *testing.T) {
	for _, c := range []struct {
		pattern string
		fast    bool
		in      []string
	}{
		{`abc|de`, true, []string{"", "xabcx", "d", "xde", "ab"}},
		{`abc|de|銀行|©|~`, true, []string{"\xe3\x81de", "\xffabc", "\xe3銀行", "ab\xe3\x81", "銀\xe8行", "x\xe9\x8a\x80行", "x©", "©", "\xc2©~", "a~", "~"}}, // invalid UTF-8, strings of one and two bytes at the end
		{`(?i)abc|DE`, true, []string{"xABC", "aBc", "De", "dE", "xde", "@BC", "ABc\xff"}},
		{`^(?:a|bc)?(?:・|と)?$`, true, []string{"", "a", "bc", "a・", "と", "aと!", "xa", "bcと"}},
		{`^(?:a|bc)?(?:・|と)?`, true, []string{"", "a", "bcと", "x", "aa", "と・"}},
		{`^(?:ab)??c?`, true, []string{"", "abc", "c", "ab"}}, // lazy: the empty string first
		{`^(?:k)?$|^x`, true, []string{"", "k", "K", "\u212a", "x", "kx"}},
		{`^(?:名義)?(?:\s?\([^)]{0,10}\))?`, true, []string{"", "名義", "名義(カナ)", "(カナ)", " (カナ)x", "x"}},
		{`^[」"]?(?:とは|という)`, true, []string{"とは", "」という", "x」とは", "\"とは何", "」"}},
		{`co\.,?ltd|\(株\)`, true, []string{"co.ltd", "co.,ltd", "coltd", "(株)", "株"}},
		{`x|~`, true, []string{"~", "a~", "x", ""}},
		{`ab|abc|b`, true, []string{"abc", "xabc", "bc", "ab"}},     // leftmost-first, not longest
		{`使い?ません|使えません`, true, []string{"使えません", "使いません", "お使ません"}}, // greedy ? first
		{`a(?:bc)??|x`, true, []string{"abc", "a", "xa"}},           // lazy ? prefers none
		{`(?i)tel`, true, []string{"TEL", "\u017f", "tEl", "teL"}},
		{`(?i)ss`, true, []string{"\u017fS", "s\u017f", "SS", "s"}}, // the long s folds with s
		{`(?i)k`, true, []string{"\u212a", "K", "x"}},               // and the Kelvin sign with k
		{`(?i)\bsk\b|ks|address`, true, []string{"\u017f\u212a", "\u212a\u017f", "S\u212a!", "x\u017fk", "ADDRE\u017fS:", "addre\u017f\u017f", "\u212as \u017f\u212a"}},
		{`^a|b$`, true, []string{"a", "xb", "bx", "xa", "ab"}}, // anchors inside
		{`^(?:[\s■※・\-*#【\[「『<(〈《]|\d{1,2}[.)．、])`, true, []string{"【送料】", "12) 返品", "1.", "123. x", " x", "x"}},
		{`a?`, false, []string{"", "b"}},               // matches everywhere
		{`(?:^a)?`, false, []string{"", "a", "ba"}},    // so does this
		{`(?i)[a-z]{9}`, false, []string{"abcdefghi"}}, // too many strings
		{`\d+時`, false, []string{"3時", "時"}},           // unbounded
		{`[^。]{0,3}x`, false, []string{"abcx", "x"}},   // a large class
		{`(?i)ä`, false, []string{"Ä", "ä"}},           // folds outside ASCII
	} {
		r := shopMustRe(c.pattern).finite()
		if fast := r.fin != nil && r.rest == nil; fast != c.fast {
			t.Errorf("%s: fast matcher %v, want %v", c.pattern, fast, c.fast)
		}
		plain := regexp.MustCompile(c.pattern)
		for _, s := range c.in {
			if got, want := r.MatchString(s), plain.MatchString(s); got != want {
				t.Errorf("%s: MatchString(%q) = %v, regexp %v", c.pattern, s, got, want)
			}
			if got, want := r.FindStringIndex(s), plain.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: FindStringIndex(%q) = %v, regexp %v", c.pattern, s, got, want)
			}
			if got, want := r.FindString(s), plain.FindString(s); got != want {
				t.Errorf("%s: FindString(%q) = %q, regexp %q", c.pattern, s, got, want)
			}
			if got, want := r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: FindAllStringIndex(%q) = %v, regexp %v", c.pattern, s, got, want)
			}
			if got, want := r.ReplaceAllString(s, "·"), plain.ReplaceAllString(s, "·"); got != want {
				t.Errorf("%s: ReplaceAllString(%q) = %q, regexp %q", c.pattern, s, got, want)
			}
		}
	}
}

// TestShopFiniteWords checks the case forms a prefilter is given: every
// string (?i) matches, the Kelvin sign and the long s included.
func TestShopFiniteWords(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    []string
	}{
		{`電話|(?i)tel`, []string{"電話", "tel", "teL", "tEl", "tEL", "Tel", "TeL", "TEl", "TEL"}},
		{`(?i)k`, []string{"k", "\u212a", "K"}},
		{`(?i)s`, []string{"s", "\u017f", "S"}},
		{`^a(?:b)?$`, []string{"ab", "a"}},
	} {
		got := shopMustRe(c.pattern).words()
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: words %q, want %q", c.pattern, got, c.want)
		}
		plain := regexp.MustCompile(c.pattern)
		for _, w := range got {
			if !plain.MatchString(w) {
				t.Errorf("%s: word %q does not match", c.pattern, w)
			}
		}
	}
	if w := shopMustRe(`a+`).words(); w != nil {
		t.Errorf("a+: words %q, want none", w)
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

// BenchmarkShopReBuild builds the fast paths (finite matcher and literal
// prefilter) of every shopMustRe expression, as a process does on first
// use: a start-up cost.
func BenchmarkShopReBuild(b *testing.B) {
	shopReAll.Lock()
	pats := make([]string, len(shopReAll.list))
	for i, r := range shopReAll.list {
		pats[i] = r.pattern
	}
	shopReAll.Unlock()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pats {
			r := &shopRe{pattern: p}
			r.finite()
			r.prefilter()
		}
	}
}

// TestShopExpandConcatAgrees holds the expansion of every concatenation in
// every shopMustRe expression (and in the expressions written in the
// sources) to the plain product of its parts' expansions, strings and
// order alike.
func TestShopExpandConcatAgrees(t *testing.T) {
	pats := shopPatternsInSource(t) // builds tables that add expressions: before the lock
	shopReAll.Lock()
	for _, r := range shopReAll.list {
		pats = append(pats, r.pattern)
	}
	shopReAll.Unlock()
	concats := 0
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		for _, sub := range re.Sub {
			walk(sub)
		}
		if re.Op != syntax.OpConcat {
			return
		}
		var parts [][][]shopFiniteTok
		count := 1
		for _, sub := range re.Sub {
			e, ok := shopExpand(sub)
			if !ok || count*len(e) > shopFiniteMax {
				if _, ok := shopExpand(re); ok {
					t.Errorf("%s expands, a part of it does not", re)
				}
				return
			}
			count *= len(e)
			parts = append(parts, e)
		}
		got, ok := shopExpand(re)
		want := shopExpandConcat(parts)
		if !ok || len(got) != len(want) {
			t.Errorf("%s: %d strings (ok %v), the plain product %d", re, len(got), ok, len(want))
			return
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%s: string %d is %v, the plain product's %v", re, i, got[i], want[i])
				return
			}
		}
		concats++
	}
	for _, p := range pats {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		walk(re)
	}
	if concats < 100 {
		t.Errorf("only %d concatenations compared", concats)
	}
	t.Logf("%d concatenations compared", concats)
}
