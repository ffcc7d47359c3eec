package checker

import (
	"strconv"
	"sync"

	"github.com/shopcheck/shopcheck/rules"
)

// pageCache keeps recently parsed pages by what determines them: the final
// URL and the bytes received (with status, content type and truncation).
// Officers' lists hold many URLs of one shop, whose pages all link to the
// same seller disclosure, guide and company pages. Checks that share
// fetches (fetchCache) read them once in a while; checks that keep
// evidence fetch them again for every target. Either way bytes already
// parsed at the same URL are not parsed again, and the signs' per-page
// work kept on the page is reused. A Page is immutable once made, so
// sharing it between checks is safe. Small pages only, and few: the cache
// is bounded by count and by body bytes, oldest out first.
type pageCache struct {
	mu    sync.Mutex
	m     map[string]*rules.Page
	order []pageCacheEntry // insertion order, for eviction
	bytes int
	hits  int // pages found, for tests
}

type pageCacheEntry struct {
	key   string
	bytes int
}

const (
	pageCacheEntries  = 256
	pageCacheBytes    = 2 << 20   // body bytes of the pages kept (their trees take some ten times more)
	pageCacheLargest  = 256 << 10 // a bigger page is not kept
	pageCacheMinBytes = 512       // a tiny page is as cheap to parse as to look up
)

func newPageCache() *pageCache {
	return &pageCache{m: make(map[string]*rules.Page)}
}

// pageKey is the cache key of f's response.
func pageKey(f *fetched) string {
	return f.resp.URL + "\x00" + strconv.Itoa(f.resp.Status) + "\x00" + f.resp.ContentType + "\x00" +
		strconv.FormatBool(f.resp.Truncated) + "\x00" + f.info.SHA256
}

// worth reports whether a body of size bytes may be kept (and so whether
// looking it up is worth its key).
func (c *pageCache) worth(size int) bool {
	return c != nil && size >= pageCacheMinBytes && size <= pageCacheLargest
}

// get returns the page kept for key, or nil.
func (c *pageCache) get(key string) *rules.Page {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.m[key]
	if p != nil {
		c.hits++
	}
	return p
}

// put keeps p under key when its body of size bytes is worth keeping.
func (c *pageCache) put(key string, p *rules.Page, size int) {
	if !c.worth(size) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= pageCacheEntries || c.bytes+size > pageCacheBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		delete(c.m, old.key)
		c.bytes -= old.bytes
	}
	c.m[key] = p
	c.order = append(c.order, pageCacheEntry{key: key, bytes: size})
	c.bytes += size
}
