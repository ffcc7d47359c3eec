package checker

import (
	"context"
	"slices"
	"sync"
	"time"
)

// fetchCache keeps the pages that checks crawled lately, by the URL asked
// for and the browser, so that a batch holding many URLs of one shop
// fetches the pages they all link to (the seller disclosure, the guide,
// the company page) once, not once a target. Officers' lists often hold
// dozens of product pages of one fake shop: without it, each one sent the
// shop five more requests for the same pages.
//
// Only pages found by crawling are shared: each target's own page (and its
// smartphone copy, for the cloaking sign) is always fetched afresh. A page
// is kept for fetchCacheTTL, so a shop that changes its transfer account
// is read again within minutes. Checks that keep evidence do not use it:
// every target's WARC holds every exchange its result rests on.
//
// What is kept is the answer as received (status, headers' content type,
// body): each check parses its own copy, which the page cache mostly
// answers. Bodies are a tenth of their parsed trees, so the cache can hold
// the pages of many shops in little memory: a list that names a shop's
// URLs far apart still finds its pages.
//
// Two checks that want the same page at once share one fetch: the second
// waits for the first. A fetch that fails, or an answer not worth keeping
// (a server error, a big page), is not shared; a waiting check then
// fetches for itself.
type fetchCache struct {
	ttl time.Duration
	now func() time.Time

	mu    sync.Mutex
	m     map[fetchKey]*fetchEntry
	order []fetchKey // kept entries, oldest first, for eviction
	bytes int        // body bytes of the kept entries
	// fetches counts the fetches made through the cache, hits the answers
	// shared from it (for tests).
	fetches, hits int
}

type fetchKey struct {
	url    string // canonical
	mobile bool
}

type fetchEntry struct {
	ready chan struct{} // closed once f is set (nil: not shared)
	f     *fetched      // fetched, not parsed: its body is kept
	at    time.Time
}

const (
	fetchCacheTTL     = 5 * time.Minute
	fetchCacheEntries = 2048
	// fetchCacheBytes bounds the body bytes kept; a page over
	// pageCacheLargest is not kept at all.
	fetchCacheBytes = 8 << 20
)

func newFetchCache(now func() time.Time) *fetchCache {
	return &fetchCache{ttl: fetchCacheTTL, now: now, m: make(map[fetchKey]*fetchEntry)}
}

// get returns the page at rawURL as fetched for the browser given, not
// parsed: from the cache when a check read it lately, or else from load
// (which fetches it), keeping what load returns when it is worth sharing.
// The page returned is the caller's own copy; its body is shared and must
// not be written.
func (c *fetchCache) get(ctx context.Context, rawURL string, mobile bool, load func() (*fetched, error)) (*fetched, error) {
	k := fetchKey{url: canonical(rawURL), mobile: mobile}
	c.mu.Lock()
	e := c.m[k]
	if e != nil && e.f != nil && c.now().Sub(e.at) >= c.ttl {
		c.dropLocked(k)
		e = nil
	}
	if e == nil {
		e = &fetchEntry{ready: make(chan struct{})}
		c.m[k] = e
		c.fetches++
		c.mu.Unlock()
		f, err := load()
		c.mu.Lock()
		if err == nil && shareable(f) {
			e.f, e.at = f, c.now()
			c.keepLocked(k, len(f.resp.Body))
		} else if c.m[k] == e {
			delete(c.m, k)
		}
		close(e.ready)
		c.mu.Unlock()
		if err != nil {
			return nil, err
		}
		return f.share(), nil
	}
	c.mu.Unlock()
	select {
	case <-e.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if e.f == nil {
		return load()
	}
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
	return e.f.share(), nil
}

// shareable reports whether f may be handed to other checks: an answer
// with its body that is not a server's passing error, and not so big that
// keeping it would hold much memory.
func shareable(f *fetched) bool {
	return f != nil && f.page == nil && f.resp.Status < 500 && len(f.resp.Body) == f.info.Bytes &&
		f.info.Bytes <= pageCacheLargest
}

// keepLocked books k's entry of size bytes, dropping the oldest entries
// past the cache's bounds.
func (c *fetchCache) keepLocked(k fetchKey, size int) {
	for len(c.order) > 0 && (len(c.order) >= fetchCacheEntries || c.bytes+size > fetchCacheBytes) {
		c.dropLocked(c.order[0])
	}
	c.order = append(c.order, k)
	c.bytes += size
}

// dropLocked forgets the kept entry under k.
func (c *fetchCache) dropLocked(k fetchKey) {
	e := c.m[k]
	if e == nil || e.f == nil {
		return
	}
	delete(c.m, k)
	c.bytes -= len(e.f.resp.Body)
	if i := slices.Index(c.order, k); i >= 0 {
		c.order = slices.Delete(c.order, i, i+1)
	}
}

// share returns a copy of f for a check: the same page record and body,
// its own response record (a check lets the body go once parsed).
func (f *fetched) share() *fetched {
	resp := *f.resp
	resp.Exchanges = nil
	resp.Redirects = slices.Clone(f.resp.Redirects)
	g := *f
	g.resp, g.alt = &resp, nil
	return &g
}
