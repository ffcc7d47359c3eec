package rules

import (
	"reflect"
	"regexp"
	"sync"
	"testing"
)

// TestShopReAllCompile builds every expression made by shopMustRe at
// package start-up (they are built lazily, so a bad pattern would
// otherwise only panic on first use), with its fast matcher and prefilter.
func TestShopReAllCompile(t *testing.T) {
	shopPayMethods() // its expressions too
	shopReAll.Lock()
	list := append([]*shopRe(nil), shopReAll.list...)
	shopReAll.Unlock()
	if len(list) < 90 {
		t.Fatalf("%d expressions registered, want the package's (90 or more)", len(list))
	}
	for _, r := range list {
		if _, err := regexp.Compile(r.pattern); err != nil {
			t.Errorf("%q: %v", r.pattern, err)
			continue
		}
		r.finite()
		r.prefilter()
		if r.Regexp().String() != r.pattern {
			t.Errorf("%q: compiled as %q", r.pattern, r.Regexp())
		}
	}
}

// TestShopReConcurrentFirstUse uses fresh expressions from several
// goroutines at once (run with -race): each part is built once, and every
// goroutine gets the regexp's answers.
func TestShopReConcurrentFirstUse(t *testing.T) {
	pats := []string{`(?i)ご利用不可|not\s+available|不可`, `支払|決済`, `^(?:名義|口座名義)(?:名称|名)?(?:\s?\([^)]{0,10}\))?`, `\d+時`}
	texts := []string{"カードはご利用不可です", "Card: not   available / 不可", "お支払い・決済", "口座名義(カナ):ヤマダ", "3時", ""}
	for _, pat := range pats {
		r := shopMustRe(pat)
		plain := regexp.MustCompile(pat)
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				for _, s := range texts {
					if g%2 == 0 {
						if got, want := r.MatchString(s), plain.MatchString(s); got != want {
							t.Errorf("%q on %q: MatchString %v, want %v", pat, s, got, want)
						}
					}
					if got, want := r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
						t.Errorf("%q on %q: FindAllStringIndex %v, want %v", pat, s, got, want)
					}
					if got, want := r.FindStringSubmatchIndex(s), plain.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
						t.Errorf("%q on %q: FindStringSubmatchIndex %v, want %v", pat, s, got, want)
					}
				}
			})
		}
		wg.Wait()
	}
}
