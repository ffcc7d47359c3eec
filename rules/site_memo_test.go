package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSitePerPageOnePage checks the per-page lists a site keeps in its
// memo's own room when it has one page (sitePerPage) against the same
// lists worked out with no memo at all, on every testdata page served
// alone, asking twice so the kept answer is read back as well.
func TestSitePerPageOnePage(t *testing.T) {
	data := DefaultData()
	n := 0
	var paths []string
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm")) {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		mk := func(memo bool) *Site {
			s := &Site{URL: "https://shop.example.jp/", Host: "shop.example.jp", ASCIIHost: "shop.example.jp", Domain: "example.jp", Data: data}
			if memo {
				s.memo = &siteMemo{}
			}
			// a fresh page each: pages keep what they derive too
			s.Pages = []*Page{NewPage("https://shop.example.jp/", 200, "text/html", string(body), false)}
			return s
		}
		kept, plain := mk(true), mk(false)
		for round := 0; round < 2; round++ {
			if got, want := shopScamOn(kept, kept.Pages[0]), shopScamOn(plain, plain.Pages[0]); got != want {
				t.Errorf("%s: shopScamOn = %v, want %v", path, got, want)
			}
			if got, want := shopLooksLikeShop(kept), shopLooksLikeShopUncached(plain); got != want {
				t.Errorf("%s: shopLooksLikeShop = %v, want %v", path, got, want)
			}
			if got, want := phishPageHost(kept.Pages[0], kept), phishPageHost(plain.Pages[0], plain); got != want {
				t.Errorf("%s: phishPageHost = %q, want %q", path, got, want)
			}
			if got, want := phishPresentedOn(kept, kept.Pages[0]), phishPresentedOn(plain, plain.Pages[0]); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: phishPresentedOn = %v, want %v", path, got, want)
			}
			if got, want := flCompactPages(kept), flCompactPages(plain); len(got) != 1 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: flCompactPages differ", path)
			}
			if got, want := flSiteImages(kept), flSiteImages(plain); len(got) != 1 || len(got[0].imgs) != len(want[0].imgs) || got[0].base != want[0].base || got[0].hasBase != want[0].hasBase {
				t.Errorf("%s: flSiteImages differ", path)
			}
		}
		if !kept.memo.have[memoScamPages].Load() || !kept.memo.have[memoFlCompactPages].Load() || !kept.memo.have[memoFlSiteImages].Load() ||
			!kept.memo.have[memoPhishPresented].Load() || !kept.memo.have[memoPhishPageHosts].Load() || !kept.memo.have[memoLooksLikeShop].Load() {
			t.Errorf("%s: a per-page list was not kept", path)
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d testdata pages", n)
	}
}
