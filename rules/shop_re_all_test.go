package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestShopReAllAgree puts every expression made by shopMustRe (those of
// the fluent, oneclick, download and message signs too, which were plain
// package-level regexps until they became lazy) through every matching
// method, with its fast paths, on every line of the test pages, their
// whole texts, every test mail (and the whole test pages for the download
// sign's script search) and some odd strings, and requires the
// compiled regexp's answers.
func TestShopReAllAgree(t *testing.T) {
	shopPayMethods()
	flPayData()
	shopReAll.Lock()
	list := append([]*shopRe(nil), shopReAll.list...)
	shopReAll.Unlock()
	corpus := shopFiniteCorpus(t)
	corpus = append(corpus, shopCorpus(t)...)
	var pages []string
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(path, ".eml") || strings.HasSuffix(path, ".txt") && strings.Contains(path, "mail") {
			body, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			corpus = append(corpus, string(body), NFKC(string(body)))
		}
		if strings.HasSuffix(path, ".html") {
			body, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			pages = append(pages, string(body)) // scripts, for the download sign

		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	corpus = append(corpus, "〒100-0001", "¥1,980", "29,800円", "3万5千円", "本日中", "24時間以内", "192.168.0.1", "1.2.3.4.5",
		"認証コード: 123456\n", "href='/app/install.apk?x=1'", "住所:東京都", "TEL 03-1234-5678", "三万円", "壱万円")
	slices.Sort(corpus)
	corpus = slices.Compact(corpus)
	for _, r := range list {
		plain := r.Regexp()
		texts := corpus
		if r == downloadScriptURL {
			texts = append(pages, corpus...) // the only one run on whole pages (scripts)
		}
		for _, s := range texts {
			check := func(name string, got, want any) {
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q on %q: %s %v, regexp %v", r.pattern, Clip(s, 60), name, got, want)
				}
			}
			if !plain.MatchString(s) {
				// No match: every answer is known without asking the
				// regexp again (which makes the test six times quicker).
				var noStrings []string
				var noInts []int
				var noAll [][]int
				var noAllStrings [][]string
				check("MatchString", r.MatchString(s), false)
				check("FindString", r.FindString(s), "")
				check("FindStringIndex", r.FindStringIndex(s), noInts)
				check("FindStringSubmatch", r.FindStringSubmatch(s), noStrings)
				check("FindStringSubmatchIndex", r.FindStringSubmatchIndex(s), noInts)
				check("FindAllString", r.FindAllString(s, -1), noStrings)
				check("FindAllStringIndex", r.FindAllStringIndex(s, -1), noAll)
				check("FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), noAllStrings)
				check("FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), noAll)
				check("ReplaceAllString", r.ReplaceAllString(s, "·"), s)
				check("FindAllStringSubmatch 5", r.FindAllStringSubmatch(s, 5), noAllStrings)
				continue
			}
			check("MatchString", r.MatchString(s), true)
			check("FindString", r.FindString(s), plain.FindString(s))
			check("FindStringIndex", r.FindStringIndex(s), plain.FindStringIndex(s))
			check("FindStringSubmatch", r.FindStringSubmatch(s), plain.FindStringSubmatch(s))
			check("FindStringSubmatchIndex", r.FindStringSubmatchIndex(s), plain.FindStringSubmatchIndex(s))
			check("FindAllString", r.FindAllString(s, -1), plain.FindAllString(s, -1))
			check("FindAllStringIndex", r.FindAllStringIndex(s, -1), plain.FindAllStringIndex(s, -1))
			check("FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), plain.FindAllStringSubmatch(s, -1))
			check("FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), plain.FindAllStringSubmatchIndex(s, -1))
			check("ReplaceAllString", r.ReplaceAllString(s, "·"), plain.ReplaceAllString(s, "·"))
			check("FindAllStringIndex 5", r.FindAllStringIndex(s, 5), plain.FindAllStringIndex(s, 5))
			check("FindAllStringSubmatch 5", r.FindAllStringSubmatch(s, 5), plain.FindAllStringSubmatch(s, 5))
		}
	}
	t.Logf("%d expressions on %d texts (and %d pages)", len(list), len(corpus), len(pages))
}
