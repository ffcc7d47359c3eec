package checker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// countingSite serves a fixture folder and counts the requests for each
// path.
type countingSite struct {
	srv *httptest.Server
	mu  sync.Mutex
	n   map[string]int
}

func newCountingSite(t *testing.T, dir string) *countingSite {
	t.Helper()
	s := &countingSite{n: map[string]int{}}
	h := siteHandler(dir)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.n[r.URL.Path]++
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// counts returns the requests for each path since the last call.
func (s *countingSite) counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.n
	s.n = map[string]int{}
	return n
}

// checkAll checks every target at once and returns each result as JSON,
// its time left out.
func checkAll(t *testing.T, c *Checker, targets []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, target := range targets {
		wg.Go(func() {
			res := c.Check(context.Background(), target)
			res.CheckedAt = ""
			b, err := json.Marshal(res)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			out[target] = string(b)
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

// TestFetchCacheSharesCrawledPages checks many URLs of two fixture shops at
// once, as an officer's list holds many product pages of one shop. With
// the cache each page the crawls find is fetched once, each target's own
// page (and its smartphone copy) once a target, and every result is what
// it is when every check fetches every page.
func TestFetchCacheSharesCrawledPages(t *testing.T) {
	const perSite = 8
	var sites []*countingSite
	var targets []string
	for _, name := range []string{"fake-utf8", "honest-company"} {
		s := newCountingSite(t, filepath.Join("..", "testdata", "sites", name))
		sites = append(sites, s)
		for i := range perSite {
			targets = append(targets, fmt.Sprintf("%s/index.html?n=%d", s.srv.URL, i))
		}
	}

	plain := newTestChecker(t)
	plain.fetches = nil
	want := checkAll(t, plain, targets)
	crawled := 0
	for i, s := range sites {
		crawled += checkCrawled(t, s, perSite, fmt.Sprintf("site %d, without the cache (once a target)", i))
	}
	if crawled == 0 {
		t.Fatal("the checks crawled no page: nothing to share")
	}

	shared := newTestChecker(t)
	got := checkAll(t, shared, targets)
	for _, target := range targets {
		if got[target] != want[target] {
			t.Errorf("%s: with the cache\n%s\nwithout\n%s", target, got[target], want[target])
		}
		if !strings.Contains(got[target], `"risk":"`) || strings.Contains(got[target], `"risk":"error"`) {
			t.Errorf("%s: not checked: %s", target, got[target])
		}
	}
	for i, s := range sites {
		for path, n := range s.counts() {
			want := 1
			if path == "/index.html" {
				want = 2 * perSite // each target's own page, as a desktop and as a smartphone
			}
			if n != want {
				t.Errorf("site %d, with the cache: %s fetched %d times, want %d", i, path, n, want)
			}
		}
	}
	t.Logf("%d targets: %d crawled pages fetched %d times without the cache, once with it", len(targets), crawled, crawled*perSite)
}

type discardRecorder struct{}

func (discardRecorder) Record(context.Context, *Result, []Exchange, *rules.Whois) error { return nil }

// TestFetchCacheNotForEvidence: a check that keeps evidence fetches every
// page itself, so that each target's WARC holds what its result rests on.
func TestFetchCacheNotForEvidence(t *testing.T) {
	s := newCountingSite(t, filepath.Join("..", "testdata", "sites", "fake-utf8"))
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, MaxBody: 5 << 20, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{SiteTimeout: 20 * time.Second}, f, nil, discardRecorder{})
	const n = 3
	for i := range n {
		c.Check(context.Background(), fmt.Sprintf("%s/index.html?n=%d", s.srv.URL, i))
	}
	if checkCrawled(t, s, n, fmt.Sprintf("%d targets keeping evidence", n)) == 0 {
		t.Fatal("the checks crawled no page")
	}
}

// checkCrawled checks that each page of s the checks crawled (every page
// but the targets' own /index.html) was fetched want times, and returns
// how many such pages there were.
func checkCrawled(t *testing.T, s *countingSite, want int, what string) int {
	t.Helper()
	crawled := 0
	for path, n := range s.counts() {
		if path == "/index.html" {
			continue
		}
		crawled++
		if n != want {
			t.Errorf("%s: %s fetched %d times, want %d", what, path, n, want)
		}
	}
	return crawled
}

// TestFetchCacheExpires: a page shared for fetchCacheTTL is fetched again
// after it, so that a shop's changed page is read.
func TestFetchCacheExpires(t *testing.T) {
	s := newCountingSite(t, filepath.Join("..", "testdata", "sites", "honest-company"))
	var mu sync.Mutex
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, MaxBody: 5 << 20, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{SiteTimeout: 20 * time.Second, Now: clock}, f, nil, nil)
	check := func(i int) map[string]int {
		c.Check(context.Background(), fmt.Sprintf("%s/index.html?n=%d", s.srv.URL, i))
		n := s.counts()
		delete(n, "/index.html")
		return n
	}
	first := check(0)
	if len(first) == 0 {
		t.Fatal("the check crawled no page")
	}
	advance(fetchCacheTTL - time.Second)
	if again := check(1); len(again) != 0 {
		t.Errorf("pages fetched again before they expired: %v", again)
	}
	advance(2 * time.Second)
	if again := check(2); len(again) != len(first) {
		t.Errorf("after expiry %d pages fetched again (%v), want all %d (%v)", len(again), again, len(first), first)
	}
}

func testFetched(u string, status, size int) *fetched {
	return &fetched{
		resp: &Response{URL: u, Status: status, Redirects: []string{u + "?from"}, Body: make([]byte, size)},
		info: PageInfo{URL: u, Status: status, Bytes: size},
	}
}

func TestFetchCacheOneFetchAtATime(t *testing.T) {
	c := newFetchCache(time.Now)
	ctx := context.Background()
	var loads sync.WaitGroup
	loads.Add(1)
	started, release := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	n := 0
	load := func() (*fetched, error) {
		mu.Lock()
		n++
		mu.Unlock()
		close(started)
		<-release
		return testFetched("http://shop.test/a", 200, 1000), nil
	}
	var wg sync.WaitGroup
	got := make([]*fetched, 8)
	wg.Go(func() { got[0], _ = c.get(ctx, "http://shop.test/a", false, load) })
	<-started
	for i := 1; i < len(got); i++ {
		// Other spellings of the same URL share it too.
		u := []string{"http://shop.test/a", "http://SHOP.test/a#top"}[i%2]
		wg.Go(func() { got[i], _ = c.get(ctx, u, false, load) })
	}
	close(release)
	wg.Wait()
	if n != 1 {
		t.Errorf("%d fetches for 8 checks of one page at once, want 1", n)
	}
	for i, f := range got {
		if f == nil || len(f.resp.Body) != 1000 || &f.resp.Body[0] != &got[0].resp.Body[0] {
			t.Fatalf("check %d got %+v, want the shared answer", i, f)
		}
	}
	got[1].resp.Redirects[0] = "changed"
	got[1].resp.URL = "changed"
	if got[2].resp.URL == "changed" || got[2].resp.Redirects[0] == "changed" {
		t.Error("a check's copy of a shared page changed another's")
	}
	if c.hits != 7 || c.fetches != 1 {
		t.Errorf("hits %d, fetches %d; want 7 and 1", c.hits, c.fetches)
	}
	// The smartphone version is another page.
	if _, err := c.get(ctx, "http://shop.test/a", true, func() (*fetched, error) {
		return testFetched("http://shop.test/a", 200, 1000), nil
	}); err != nil || c.fetches != 2 {
		t.Errorf("smartphone copy: err %v, fetches %d; want a fetch of its own", err, c.fetches)
	}
}

func TestFetchCacheKeepsOnlyWhatIsWorthSharing(t *testing.T) {
	c := newFetchCache(time.Now)
	ctx := context.Background()
	cases := []struct {
		name string
		load func() (*fetched, error)
	}{
		{"failed", func() (*fetched, error) { return nil, errors.New("connection refused") }},
		{"server error", func() (*fetched, error) { return testFetched("http://shop.test/b", 503, 100), nil }},
		{"too big", func() (*fetched, error) { return testFetched("http://shop.test/b", 200, pageCacheLargest+1), nil }},
		{"body let go", func() (*fetched, error) {
			f := testFetched("http://shop.test/b", 200, 100)
			f.resp.Body = nil
			return f, nil
		}},
	}
	for _, tc := range cases {
		calls := 0
		load := func() (*fetched, error) { calls++; return tc.load() }
		c.get(ctx, "http://shop.test/b", false, load)
		c.get(ctx, "http://shop.test/b", false, load)
		if calls != 2 {
			t.Errorf("%s: loaded %d times for two checks, want 2 (not shared)", tc.name, calls)
		}
		if len(c.m) != 0 || len(c.order) != 0 || c.bytes != 0 {
			t.Errorf("%s: the cache kept %d entries, %d in order, %d bytes", tc.name, len(c.m), len(c.order), c.bytes)
		}
	}
	// A check waiting on a fetch that fails fetches for itself.
	started, release := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		c.get(ctx, "http://shop.test/c", false, func() (*fetched, error) {
			close(started)
			<-release
			return nil, errors.New("timeout")
		})
	})
	<-started
	var got *fetched
	var err error
	wg.Go(func() {
		got, err = c.get(ctx, "http://shop.test/c", false, func() (*fetched, error) {
			return testFetched("http://shop.test/c", 200, 100), nil
		})
	})
	close(release)
	wg.Wait()
	if err != nil || got == nil || len(got.resp.Body) != 100 {
		t.Errorf("after the shared fetch failed: %v, %v; want the page fetched again", got, err)
	}
	// A waiting check gives up with its own context.
	blocked := make(chan struct{})
	defer close(blocked)
	go c.get(ctx, "http://shop.test/d", false, func() (*fetched, error) {
		<-blocked
		return nil, errors.New("late")
	})
	for {
		c.mu.Lock()
		_, inFlight := c.m[fetchKey{url: "http://shop.test/d"}]
		c.mu.Unlock()
		if inFlight {
			break
		}
		time.Sleep(time.Millisecond)
	}
	short, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.get(short, "http://shop.test/d", false, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestFetchCacheBounds(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	c := newFetchCache(func() time.Time { return now })
	ctx := context.Background()
	put := func(u string, size int) {
		c.get(ctx, u, false, func() (*fetched, error) { return testFetched(u, 200, size), nil })
	}
	for i := range fetchCacheEntries + 10 {
		put(fmt.Sprint("http://shop.test/", i), 100)
	}
	if len(c.m) != fetchCacheEntries || len(c.order) != fetchCacheEntries {
		t.Errorf("%d entries kept (%d in order), want %d", len(c.m), len(c.order), fetchCacheEntries)
	}
	if _, ok := c.m[fetchKey{url: "http://shop.test/0"}]; ok {
		t.Error("the oldest entry was not dropped first")
	}
	for i := range fetchCacheBytes/pageCacheLargest + 3 {
		put(fmt.Sprint("http://shop.test/big", i), pageCacheLargest)
	}
	if c.bytes > fetchCacheBytes {
		t.Errorf("%d body bytes kept, more than %d", c.bytes, fetchCacheBytes)
	}
	sum := 0
	for _, k := range c.order {
		sum += len(c.m[k].f.resp.Body)
	}
	if sum != c.bytes || len(c.order) != len(c.m) {
		t.Errorf("books out of balance: %d bytes counted, %d summed; %d in order, %d in map", c.bytes, sum, len(c.order), len(c.m))
	}
	// An expired entry is fetched again and booked once.
	u := fmt.Sprint("http://shop.test/big", fetchCacheBytes/pageCacheLargest+2)
	now = now.Add(fetchCacheTTL)
	calls := 0
	c.get(ctx, u, false, func() (*fetched, error) { calls++; return testFetched(u, 200, 10), nil })
	if calls != 1 {
		t.Errorf("an expired page was not fetched again")
	}
	sum = 0
	for _, k := range c.order {
		sum += len(c.m[k].f.resp.Body)
	}
	if sum != c.bytes || len(c.order) != len(c.m) {
		t.Errorf("after expiry, books out of balance: %d bytes counted, %d summed; %d in order, %d in map", c.bytes, sum, len(c.order), len(c.m))
	}
}
