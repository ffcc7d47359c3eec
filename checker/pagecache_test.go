package checker

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

func TestPageCacheBounds(t *testing.T) {
	c := newPageCache()
	page := func(i int) *rules.Page { return &rules.Page{URL: fmt.Sprint(i)} }
	c.put("tiny", page(0), pageCacheMinBytes-1)
	c.put("huge", page(0), pageCacheLargest+1)
	if c.get("tiny") != nil || c.get("huge") != nil {
		t.Error("a page too small or too big to keep was kept")
	}
	for i := range pageCacheEntries + 10 {
		c.put(fmt.Sprint(i), page(i), 1000)
	}
	if len(c.m) != pageCacheEntries || len(c.order) != pageCacheEntries {
		t.Errorf("%d pages kept (%d in order), want %d", len(c.m), len(c.order), pageCacheEntries)
	}
	if c.get("0") != nil || c.get(fmt.Sprint(pageCacheEntries+9)) == nil {
		t.Error("eviction did not drop the oldest first")
	}
	big := pageCacheLargest
	for i := range pageCacheBytes/big + 3 {
		c.put(fmt.Sprint("big", i), page(i), big)
	}
	if c.bytes > pageCacheBytes {
		t.Errorf("%d body bytes kept, more than %d", c.bytes, pageCacheBytes)
	}
	sum := 0
	for _, e := range c.order {
		sum += e.bytes
	}
	if sum != c.bytes || len(c.order) != len(c.m) {
		t.Errorf("books out of balance: %d bytes counted, %d summed; %d in order, %d in map", c.bytes, sum, len(c.order), len(c.m))
	}
	var nilCache *pageCache
	nilCache.put("x", page(1), 1000)
	if nilCache.get("x") != nil {
		t.Error("a nil cache kept a page")
	}
}

// TestPageCacheSameResults checks many URLs of the fixture shops at once,
// whose pages link to the same seller and guide pages, with and without the
// cache: the results are the same, and the shared pages were parsed once.
func TestPageCacheSameResults(t *testing.T) {
	var targets []string
	for _, site := range []string{"fake-utf8", "honest-company", "sole-proprietor", "fake-sjis"} {
		srv := serveSite(t, filepath.Join("..", "testdata", "sites", site))
		for i := range 6 {
			targets = append(targets, fmt.Sprintf("%s/index.html?n=%d", srv.URL, i))
		}
	}
	// Both fetch every page (as checks that keep evidence do): the pages
	// crawled lately are otherwise shared before they are parsed again.
	plain := newTestChecker(t)
	plain.pages, plain.fetches = nil, nil
	cached := newTestChecker(t)
	cached.fetches = nil
	want, got := checkAll(t, plain, targets), checkAll(t, cached, targets)
	for _, target := range targets {
		if got[target] != want[target] {
			t.Errorf("%s: with the cache\n%s\nwithout\n%s", target, got[target], want[target])
		}
		if !strings.Contains(want[target], `"risk":"`) || strings.Contains(want[target], `"risk":"error"`) {
			t.Errorf("%s: not checked: %s", target, want[target])
		}
	}
	// The first pages differ by URL (the query); the pages they link to
	// are the same few a site, parsed once and then found.
	cached.pages.mu.Lock()
	kept, hits := len(cached.pages.m), cached.pages.hits
	cached.pages.mu.Unlock()
	if kept == 0 || hits < len(targets) {
		t.Errorf("%d pages kept, %d found again, for %d targets over 4 sites", kept, hits, len(targets))
	}
	t.Logf("%d targets: %d pages kept, %d found again", len(targets), kept, hits)
}
