package checker

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/shopcheck/shopcheck/rules"
)

// TestResultsDoNotPinPages: a result outlives its pages (a batch keeps the
// last results to answer repeated targets, and the campaign clusters keep
// clue values to the end), so no string in it may point into a page's
// text: one short piece of evidence would keep a whole page alive.
func TestResultsDoNotPinPages(t *testing.T) {
	c := newTestChecker(t)
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "sites", "*"))
	if err != nil {
		t.Fatal(err)
	}
	checked, strs := 0, 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		tgt, err := ParseTarget(dir)
		if err != nil {
			continue
		}
		site, infos, err := c.loadLocal(tgt)
		if err != nil {
			continue
		}
		res := c.finish(site, infos, nil, c.opts.Now())
		checked++
		inPage := func(what, s string) {
			strs++
			if s == "" {
				return
			}
			p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
			for _, pg := range site.Pages {
				for _, text := range pageStrings(pg) {
					if text == "" {
						continue
					}
					lo := uintptr(unsafe.Pointer(unsafe.StringData(text)))
					if p >= lo && p < lo+uintptr(len(text)) {
						t.Errorf("%s: %s %q points into the text of %s", filepath.Base(dir), what, s, pg.URL)
						return
					}
				}
			}
		}
		for _, s := range res.Signs {
			inPage("evidence of "+s.ID, s.Evidence)
		}
		for _, cl := range res.Clues {
			inPage(cl.Kind+" clue", cl.Value)
		}
	}
	if checked < 5 || strs == 0 {
		t.Fatalf("checked %d sites, %d strings: the testdata went missing", checked, strs)
	}
}

// pageStrings are the long strings a parsed page holds.
func pageStrings(p *rules.Page) []string {
	out := []string{p.Text, p.Title}
	out = append(out, p.Lines...)
	return out
}
