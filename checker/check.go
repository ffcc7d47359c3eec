package checker

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/shopcheck/shopcheck/rules"
	"golang.org/x/net/publicsuffix"
)

// Options control a Checker.
type Options struct {
	// Lang is the language of messages and advice: "ja" (default) or "en".
	Lang string
	// SiteTimeout bounds one target from start to result (default 30s).
	SiteTimeout time.Duration
	// MaxBody is the most bytes read of one saved page (a local file);
	// 5 MiB when 0. Fetched pages have the fetcher's own limit.
	MaxBody int64
	// MaxPages is the number of pages fetched for one site, the first
	// included (default 6): every request counts, the smartphone copy of
	// the first page and a stub's hop too, so a result never lists more.
	// With 1, the first page alone is read (no smartphone copy, no hop);
	// with 2, the page and a stub's hop (the comparison needs 3).
	MaxPages int
	// firstOnly counts only the first page's own request against
	// MaxPages, as shopcheck did before every request counted: a replay
	// of a WARC file written then crawls as the capture did.
	firstOnly bool
	// Mobile fetches as a smartphone (and skips the comparison with the
	// desktop version).
	Mobile bool
	// NoCloaking skips the desktop/smartphone comparison.
	NoCloaking bool
	// Data is the rule data; DefaultData when nil.
	Data *rules.Data
	// Rules are the signs to score; rules.All() when nil.
	Rules []rules.Rule
	// Now gives the time of a check; time.Now when nil.
	Now func() time.Time
}

// Checker checks targets. It is safe for concurrent use.
type Checker struct {
	opts  Options
	fetch Fetcher
	whois WhoisLookup // nil: no WHOIS
	rec   Recorder    // nil: no evidence kept
	adv   *rules.Advice
	topic map[string]string // sign id -> advice topic
	// anyFraud holds the ids of the signs every kind of fraud shares
	// (Rule.AnyFraud).
	anyFraud map[string]bool
	// grace is how long scoring may run on past a site's deadline.
	grace time.Duration
	// bg runs the work a check does beside its own goroutine (the other
	// browser's fetch, the WHOIS lookup, the bounded scoring).
	bg *workers
	// pages keeps pages already parsed, for the checks that get the same
	// bytes from the same URL again.
	pages *pageCache
	// fetches shares the pages crawled lately between the checks of live
	// sites (nil: every check fetches its own).
	fetches *fetchCache
}

// New returns a Checker that reads through fetch, asks whois (nil for none)
// and keeps evidence with rec (nil for none).
func New(opts Options, fetch Fetcher, whois WhoisLookup, rec Recorder) *Checker {
	if opts.Lang == "" {
		opts.Lang = "ja"
	}
	if opts.SiteTimeout <= 0 {
		opts.SiteTimeout = 30 * time.Second
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 5 << 20
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = 6
	}
	if opts.Data == nil {
		opts.Data = rules.DefaultData()
	}
	if opts.Rules == nil {
		opts.Rules = rules.All()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	topic := make(map[string]string, len(opts.Rules))
	anyFraud := make(map[string]bool)
	for _, r := range opts.Rules {
		topic[r.ID] = r.Topic
		if r.AnyFraud {
			anyFraud[r.ID] = true
		}
	}
	return &Checker{opts: opts, fetch: fetch, whois: whois, rec: rec, adv: rules.DefaultAdvice(), topic: topic, anyFraud: anyFraud, grace: min(scoreGrace, opts.SiteTimeout/4),
		bg: newWorkers(2 * time.Second), pages: newPageCache(), fetches: newFetchCache(opts.Now)}
}

// Check checks one target and always returns a result: a target that
// cannot be read gets an error record, still scored on the signs that need
// no page.
func (c *Checker) Check(ctx context.Context, target string) *Result {
	target = strings.TrimSpace(target)
	ctx, cancel := context.WithTimeout(ctx, c.opts.SiteTimeout)
	defer cancel()
	now := c.opts.Now()

	t, err := ParseTarget(target)
	if err != nil {
		return c.failed(target, nil, err, now)
	}
	switch t.Kind {
	case TargetLocal:
		site, infos, err := c.loadLocal(t)
		if err != nil {
			return c.failed(target, nil, err, now)
		}
		site.Now = now
		// A saved page is scored within --site-timeout too: it may be a
		// criminal's page made to be slow to read.
		res := c.finishBounded(ctx, site, infos, nil, now)
		// A saved stub whose words a script draws says what was not
		// read, as a fetched one does.
		res.ScriptBuilt = res.Error == nil && len(site.Pages) > 0 && scriptBuilt(site.Pages[0])
		if res.Error == nil {
			// The disclosure a saved page links to, not saved with it:
			// its seller, address and phone were not read (the sign
			// holds them unknown), and a low verdict is no all-clear.
			for _, u := range orZero(func() []string { return rules.DisclosureLinksUnread(site) }) {
				res.Unread = append(res.Unread, PageError{URL: u, Code: CodeNotSaved,
					Message: "the seller disclosure this saved page links to was not saved with it, so its seller, address and phone were not read (a folder holding both pages is read as one site)"})
			}
		}
		return res
	case TargetWARC:
		return c.checkWARC(ctx, t, now)
	}
	var shared *fetchCache
	if c.rec == nil {
		shared = c.fetches // a check that keeps evidence fetches every page itself
	}
	return c.checkURL(ctx, t, c.fetch, c.whois, shared, now)
}

// checkURL fetches a URL target (bare domains: https, then http when https
// cannot connect), crawls, asks WHOIS and scores. The pages the crawl finds
// are looked up in shared first (nil: all fetched).
func (c *Checker) checkURL(ctx context.Context, t Target, fetch Fetcher, whois WhoisLookup, shared *fetchCache, now time.Time) *Result {
	start := t.URL
	whoisCh := c.lookupAsync(ctx, whois, start)

	cr := &crawl{c: c, fetch: fetch, keep: c.rec != nil, shared: shared}
	first, err := cr.first(ctx, start)
	if err != nil && t.Bare && fallbackToHTTP(err) {
		httpURL := *start
		httpURL.Scheme = "http"
		if f2, err2 := cr.first(ctx, &httpURL); err2 == nil {
			first, err = f2, nil
		} else if CodeOf(err2) != CodeConnect && CodeOf(err2) != CodeTLS {
			err = err2
		}
	}
	final := start
	var redirects []string
	if first != nil {
		if u, perr := url.Parse(first.resp.URL); perr == nil {
			final = u
		}
	} else if re := (*RedirectedError)(nil); errors.As(err, &re) {
		// Sent on, then failed: the result names where it was going and
		// scores that address's signs (its domain, WHOIS, blocklist).
		if u, perr := url.Parse(re.URL); perr == nil && u.Hostname() != "" {
			final, redirects = u, re.Redirects
		}
	}
	site, serr := SiteForURL(t.Clean, final, c.opts.Data)
	if serr != nil {
		return c.failed(t.Clean, start, Errorf(CodeInvalidTarget, "%v", serr), now)
	}
	site.Now = now
	site.Redirects = redirects
	var infos []PageInfo
	if first != nil {
		site.Redirects = first.resp.Redirects
		if first.resp.LocalIP != "" {
			site.ClientIPs = append(site.ClientIPs, first.resp.LocalIP)
		}
		infos = append(infos, first.info)
		if err == nil && first.resp.Status >= 400 {
			err = Errorf(CodeHTTPStatus, "the server answered %d %s", first.resp.Status, http.StatusText(first.resp.Status))
		}
		if err == nil {
			site.Pages = append(site.Pages, first.page)
			for from := first.from; from != nil; from = from.from {
				// The stubs the first page was reached through: what
				// they showed counts too, and the result lists them.
				if from.page != nil {
					site.Pages = append(site.Pages, from.page)
					infos = append(infos, from.info)
				}
			}
			if first.alt != nil {
				site.Alt, site.AltMobile = first.alt.page, first.alt.mobile
				infos = append(infos, first.alt.info)
			}
			more := cr.rest(ctx, site, first)
			for _, p := range more {
				site.Pages = append(site.Pages, p.page)
				infos = append(infos, p.info)
				if p.resp.LocalIP != "" {
					site.ClientIPs = append(site.ClientIPs, p.resp.LocalIP)
				}
			}
		}
	}
	// The final domain may differ from the one asked about at the start.
	w := <-whoisCh
	if whois != nil && w.domain != site.Domain {
		w = <-c.lookupAsync(ctx, whois, final)
	}
	site.Whois = w.info
	res := c.finishBounded(ctx, site, infos, err, now)
	res.setWhoisError(w.err)
	if err == nil {
		res.Unread = cr.unread // the workers that wrote it are done
	}
	if first != nil && err == nil {
		res.HopError = first.hopErr
		if src := unreadFrame(first.page); res.HopError == "" && src != "" {
			res.HopError = "the page shows " + src + " in a frame, which was not read (a frame is followed only when it fills the page)"
		}
		res.ScriptBuilt = !first.blocked && res.HopError == "" && scriptBuilt(first.page)
	}
	if c.rec != nil {
		// The evidence names the target as given, note and all (a list
		// line 「URL<TAB>メモ: 110番通報 Aさん」): the report it backs.
		res.Target = t.Raw
		if rerr := c.rec.Record(ctx, res, cr.exchanges(), site.Whois); rerr != nil && res.Error == nil {
			res.Error = &ErrorInfo{Code: CodeRead, Message: "saving evidence failed: " + rerr.Error()}
		}
	}
	return res
}

// cachedWhois is a WhoisLookup that can tell at once what it already knows.
type cachedWhois interface {
	Cached(domain string) (*rules.Whois, bool)
}

type whoisAnswer struct {
	domain string
	info   *rules.Whois
	// err is why the registry could not be asked (not "no such domain",
	// which is info nil and err nil).
	err error
}

// lookupAsync asks whois about u's registrable domain in the background.
func (c *Checker) lookupAsync(ctx context.Context, whois WhoisLookup, u *url.URL) <-chan whoisAnswer {
	ch := make(chan whoisAnswer, 1)
	if whois == nil {
		ch <- whoisAnswer{}
		return ch
	}
	var domain string // domainOf(u), the host parsed once
	hosted := false
	if u != nil && u.Hostname() != "" {
		if h, err := rules.ParseHost(u.Hostname()); err == nil {
			domain, hosted = h.Registrable, h.Hosted
		}
	}
	if domain == "" || isIPHost(domain) || hosted {
		// A name on a hosting service's shared domain (shop.pages.dev)
		// has no registration of its own: the registry knows only the
		// service's domain, whose age says nothing of the site.
		ch <- whoisAnswer{domain: domain}
		return ch
	}
	if cw, ok := whois.(cachedWhois); ok {
		if info, ok := cw.Cached(domain); ok { // most of a batch: no goroutine to wake
			ch <- whoisAnswer{domain: domain, info: info}
			return ch
		}
	}
	c.bg.Go(func() {
		var info *rules.Whois
		var err error
		defer func() {
			// The target waits for this answer: a panic still sends one.
			if p := recover(); p != nil {
				err = fmt.Errorf("%s while asking WHOIS about %s: %v", InternalPrefix, domain, p)
			}
			ch <- whoisAnswer{domain: domain, info: info, err: err}
		}()
		info, err = whois.Lookup(ctx, domain)
	})
	return ch
}

// CheckDomain screens a domain (or URL) by name alone: no page is fetched.
func (c *Checker) CheckDomain(ctx context.Context, name string) *Result {
	name = strings.TrimSpace(name)
	now := c.opts.Now()
	t, err := ParseNameTarget(name)
	if err != nil || t.Kind != TargetURL {
		if err == nil {
			err = Errorf(CodeInvalidTarget, "%q is not a domain name", name)
		}
		return c.failed(name, nil, err, now)
	}
	if host := t.URL.Hostname(); net.ParseIP(host) == nil {
		// co.jp or lg.jp alone is a suffix under which names are
		// registered, not a name anyone holds: as "com" is refused.
		if ps, icann := publicsuffix.PublicSuffix(host); icann && ps == host {
			return c.failed(name, nil, Errorf(CodeInvalidTarget, "%q is a public suffix (like co.jp), not a domain anyone registers; give the whole name (example.co.jp)", host), now)
		}
	}
	site, err := SiteForURL(t.Clean, t.URL, c.opts.Data)
	if err != nil {
		return c.failed(t.Clean, t.URL, Errorf(CodeInvalidTarget, "%v", err), now)
	}
	site.Now = now
	if c.whois != nil { // without WHOIS a name costs no deadline, channel or goroutine
		ctx, cancel := context.WithTimeout(ctx, c.opts.SiteTimeout)
		defer cancel()
		w := <-c.lookupAsync(ctx, c.whois, t.URL)
		site.Whois = w.info
		res := c.finish(site, nil, nil, now)
		res.setWhoisError(w.err)
		return res
	}
	return c.finish(site, nil, nil, now)
}

// failed is the result for a target that could not even be parsed or
// resolved to a site: it is still scored on what its URL shows.
func (c *Checker) failed(target string, u *url.URL, err error, now time.Time) *Result {
	var site *rules.Site
	if u != nil {
		site, _ = SiteForURL(target, u, c.opts.Data)
	}
	if site == nil || site.Host == "" {
		site = &rules.Site{Target: target, Data: c.opts.Data}
	}
	site.Now = now
	return c.finish(site, nil, err, now)
}

// finish scores site and builds the result.
func (c *Checker) finish(site *rules.Site, infos []PageInfo, err error, now time.Time) *Result {
	res := &Result{
		Target:    site.Target,
		URL:       site.URL,
		Domain:    site.Domain,
		Redirects: site.Redirects,
		Pages:     infos,
		CheckedAt: now.UTC().Format(time.RFC3339),
	}
	if res.Redirects == nil {
		res.Redirects = []string{}
	}
	if res.Pages == nil {
		res.Pages = []PageInfo{}
	}
	rs := c.opts.Rules
	if site.Host == "" && len(site.Pages) == 0 {
		rs = nil // nothing to score: not even a URL
	}
	res.Signs = rules.Evaluate(site, rs, c.opts.Lang)
	if res.Signs == nil {
		res.Signs = []rules.Sign{}
	}
	if len(rs) > 0 && len(site.Pages) > 0 {
		res.DisclosureImage = orZero(func() string { return rules.DisclosureImage(site) })
	}
	res.Score, res.Risk = rules.Score(res.Signs)
	if err != nil {
		res.Error = &ErrorInfo{Code: CodeOf(err), Message: errorMessage(err)}
		if res.Risk.Rank() < rules.RiskMedium.Rank() {
			res.Risk = rules.RiskError
		}
	}
	if w := site.Whois; w != nil && !w.Created.IsZero() {
		res.Whois = &WhoisInfo{
			Created:   w.Created.Format("2006-01-02"), // the registry's date, in its own time zone
			AgeDays:   w.AgeDays(now),
			Registrar: w.Registrar,
			Server:    w.Server,
		}
	}
	res.Advice = c.advice(res)
	res.Clues = orZero(func() []Clue { return Clues(site) })
	ownStrings(res)
	return res
}

// orZero is f's value, or the zero value when f panics: what the result
// gives beside the signs (the clues, a disclosure's image) is read from a
// criminal's page by the same code as the signs, and as with a faulty
// sign (rules.Evaluate), one faulty reading loses itself, not the result.
func orZero[T any](f func() T) (v T) {
	defer func() {
		if recover() != nil {
			var zero T
			v = zero
		}
	}()
	return f()
}

// ownStrings gives the result its own copies of the evidence and clue
// values, which the signs cut from the pages' text: a result outlives its
// pages (a batch keeps recent results to answer repeated targets, and the
// campaign clusters keep clue values to the end), and one short piece of
// a page's text would keep the whole page in memory.
func ownStrings(res *Result) {
	for i := range res.Signs {
		res.Signs[i].Evidence = strings.Clone(res.Signs[i].Evidence)
	}
	for i := range res.Clues {
		res.Clues[i].Value = strings.Clone(res.Clues[i].Value)
	}
}

// scoreGrace is the most scoring may run on past the site's deadline; a
// quarter of --site-timeout when that is less (QA rev24: 2 s became 7 s), so
// that a result comes within 1.25 times --site-timeout, 5 s over at most.
const scoreGrace = 5 * time.Second

// finishBounded is finish with a deadline: the signs are pure functions
// that cannot be interrupted, so when a hostile page makes them run past
// the site's deadline (and a grace period), the result is given without
// the page signs, as a timeout, and the stray scoring is left to end on
// its own. It reads site but never changes it.
func (c *Checker) finishBounded(ctx context.Context, site *rules.Site, infos []PageInfo, err error, now time.Time) *Result {
	res, ok := c.bounded(ctx, func() *Result { return c.finish(site, infos, err, now) })
	if !ok {
		res = c.finish(site.WithoutPages(), infos, Errorf(CodeTimeout, "scoring the pages took longer than --site-timeout allows; only the URL and domain were judged"), now)
	}
	return res
}

// bounded runs f on a background worker and returns its result, or false
// when ctx ends and f has not returned within c.grace after that. A panic
// in f is raised again on the caller's goroutine, where the batch turns it
// into the target's error record: on the worker it would end the process.
func (c *Checker) bounded(ctx context.Context, f func() *Result) (*Result, bool) {
	type outcome struct {
		res   *Result
		panic any
	}
	done := make(chan outcome, 1)
	c.bg.Go(func() {
		var o outcome
		defer func() {
			if p := recover(); p != nil {
				o.panic = p
			}
			done <- o
		}()
		o.res = f()
	})
	wait := func(o outcome) (*Result, bool) {
		if o.panic != nil {
			panic(o.panic)
		}
		return o.res, true
	}
	select {
	case o := <-done:
		return wait(o)
	case <-ctx.Done():
	}
	grace := time.NewTimer(c.grace)
	defer grace.Stop()
	select {
	case o := <-done:
		return wait(o)
	case <-grace.C:
	}
	return nil, false
}

// advice picks the advice topics of the signs that fired, in order of the
// strongest sign; the signs every kind of fraud shares (Rule.AnyFraud) add
// theirs only when no other sign names a topic. A shop with no signs still
// gets the shopping advice, since its checks are what a buyer should do
// anyway.
func (c *Checker) advice(res *Result) []AdviceBlock {
	var topics []string
	seen := map[string]bool{}
	for _, shared := range []bool{false, true} {
		if shared && len(topics) > 0 {
			break
		}
		for _, s := range res.Signs {
			t := c.topic[s.ID]
			if t != "" && !seen[t] && c.anyFraud[s.ID] == shared {
				seen[t] = true
				topics = append(topics, t)
			}
		}
	}
	if len(topics) == 0 && res.Error == nil && len(res.Pages) > 0 {
		topics = []string{"shopping"}
	}
	if slices.ContainsFunc(res.Signs, func(s rules.Sign) bool { return s.ID == "oneclick-billing" }) {
		// A one-click bill's account in a person's name is no shop's:
		// advice to prefer cash on delivery and write to the seller
		// would treat the bill as an order, beside 「払わないで」.
		topics = slices.DeleteFunc(topics, func(t string) bool { return t == "shopping" })
	}
	ids := make([]string, len(res.Signs))
	for i, s := range res.Signs {
		ids[i] = s.ID
	}
	var out []AdviceBlock
	for _, t := range topics {
		if lines := c.adv.LinesFor(t, c.opts.Lang, ids); len(lines) > 0 {
			out = append(out, AdviceBlock{Topic: t, Lines: lines})
		}
	}
	if out == nil {
		out = []AdviceBlock{}
	}
	return out
}

// errorMessage is the human text of err, without the code prefix.
func errorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		if e.Err != nil {
			return fmt.Sprintf("%s (%v)", e.Msg, e.Err)
		}
		return e.Msg
	}
	return err.Error()
}

// fallbackToHTTP reports whether a bare domain should be retried over http.
func fallbackToHTTP(err error) bool {
	switch CodeOf(err) {
	case CodeConnect, CodeTLS:
		return true
	}
	return false
}

// fetched is one page read during a crawl.
type fetched struct {
	resp *Response
	page *rules.Page
	info PageInfo
	alt  *fetched // the other browser's version of the first page
	// from is the stub page a hop (a meta refresh, a script) led here
	// from, when this is the first page.
	from *fetched
	// blocked is set when this page is a stub whose hop was not taken
	// for want of --max-pages (not because it leads nowhere).
	blocked bool
	// next is where this page, as a stub, sends the browser (stubNext),
	// once nextRead: its scripts are read once however often asked.
	next     string
	nextRead bool
	// mobile is true when the page was fetched as a smartphone.
	mobile bool
	// hopErr says why the page this stub sends the browser to could not
	// be read ("" when it was, or there is none).
	hopErr string
}

// crawl reads the pages of one site.
type crawl struct {
	c     *Checker
	fetch Fetcher
	// keep says whether to keep every exchange (for the evidence
	// recorder); without one, bodies are let go as soon as parsed.
	keep bool
	// shared, when not nil, holds the pages other checks crawled lately.
	shared *fetchCache
	// used is how many pages of --max-pages the first page took (its
	// smartphone copy and hops included); the crawl has the rest.
	used int
	mu   sync.Mutex
	ex   []Exchange
	// unread are the pages tried and not read (under mu).
	unread []PageError
}

// noteUnread keeps that url could not be read, for the result.
func (cr *crawl) noteUnread(url string, err error) {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	cr.unread = append(cr.unread, PageError{URL: url, Code: CodeOf(err), Message: errorMessage(err)})
}

func (cr *crawl) exchanges() []Exchange {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	return cr.ex
}

// fetchOnly fetches one URL without parsing it.
func (cr *crawl) fetchOnly(ctx context.Context, u string, mobile bool, referer string) (*fetched, error) {
	f, err := cr.fetchBody(ctx, u, mobile, referer)
	if err != nil {
		return nil, err
	}
	f.digest()
	return f, nil
}

// fetchBody is fetchOnly without the digest of the body (f.info.SHA256
// empty): first takes the smartphone copy's only when its bytes differ
// from the desktop's (digesting is most of what the copy costs here).
func (cr *crawl) fetchBody(ctx context.Context, u string, mobile bool, referer string) (*fetched, error) {
	resp, err := cr.fetch.Fetch(ctx, Request{URL: u, Mobile: mobile, Referer: referer, Evidence: cr.keep})
	if resp != nil && cr.keep {
		cr.mu.Lock()
		cr.ex = append(cr.ex, resp.Exchanges...)
		cr.mu.Unlock()
	}
	if err != nil {
		if resp != nil && len(resp.Redirects) > 0 && resp.URL != "" {
			err = &RedirectedError{Err: err, URL: resp.URL, Redirects: slices.Clone(resp.Redirects)}
		}
		return nil, err
	}
	return &fetched{resp: resp, mobile: mobile, info: PageInfo{
		URL: resp.URL, Status: resp.Status, ContentType: resp.ContentType,
		Bytes: len(resp.Body), Truncated: resp.Truncated, Mobile: mobile, Cut: resp.Cut,
	}}, nil
}

// digest takes the SHA-256 digest of f's body as received into f.info
// (the coded bytes of a body sent content-coded).
func (f *fetched) digest() {
	b := f.resp.Wire
	if b == nil {
		b = f.resp.Body
	}
	sum := sha256.Sum256(b)
	f.info.SHA256 = hex.EncodeToString(sum[:])
}

// get fetches and parses one URL.
func (cr *crawl) get(ctx context.Context, u string, mobile bool, referer string) (*fetched, error) {
	f, err := cr.fetchOnly(ctx, u, mobile, referer)
	if err != nil {
		return nil, err
	}
	cr.parse(f)
	return f, nil
}

// getShared is get for a page found by crawling, which other checks of the
// same shop may have read lately.
func (cr *crawl) getShared(ctx context.Context, u string, mobile bool, referer string) (*fetched, error) {
	if cr.shared == nil {
		return cr.get(ctx, u, mobile, referer)
	}
	f, err := cr.shared.get(ctx, u, mobile, func() (*fetched, error) { return cr.fetchOnly(ctx, u, mobile, referer) })
	if err != nil {
		return nil, err
	}
	cr.parse(f)
	return f, nil
}

// sameResponse reports whether a and b are the same page: the same bytes
// from the same final URL with the same status and content type.
func sameResponse(a, b *fetched) bool {
	return a.info.SHA256 == b.info.SHA256 && a.resp.URL == b.resp.URL && a.resp.Status == b.resp.Status &&
		a.resp.ContentType == b.resp.ContentType
}

// parse decodes and parses the response into a page, then lets the body
// go unless the evidence recorder needs it: a 5 MB page is then held once,
// as its parsed tree, not also as bytes until the check ends.
func (cr *crawl) parse(f *fetched) {
	resp := f.resp
	if IsHTML(resp.ContentType, resp.Body) {
		var key string
		if cr.c.pages.worth(len(resp.Body)) {
			key = pageKey(f)
			if p := cr.c.pages.get(key); p != nil {
				f.page = p // these bytes from this URL were parsed before
				cr.release(f)
				return
			}
		}
		size := len(resp.Body)
		body, _ := Decode(resp.Body, resp.ContentType)
		cr.release(f) // the decoded copy is all the parser needs
		// A page the server cut short is read in part as one cut at
		// --max-body is: what is missing is not known to be absent.
		f.page = rules.NewPage(resp.URL, resp.Status, resp.ContentType, body, resp.Truncated || resp.Cut != "")
		if key != "" {
			cr.c.pages.put(key, f.page, size)
		}
	} else {
		f.page = &rules.Page{URL: resp.URL, Status: resp.Status, ContentType: resp.ContentType, Truncated: resp.Truncated}
	}
	cr.release(f)
}

// release drops f's body (and its exchanges', which share it) when
// nothing will record them; f.info keeps its size and digest.
func (cr *crawl) release(f *fetched) {
	if !cr.keep {
		f.resp.Body, f.resp.Wire, f.resp.Exchanges = nil, nil, nil
	}
}

// first fetches the first page, following one hop (a meta refresh or a
// script's literal location: stubNext), and (unless told not to) the
// other browser's version of it for the cloaking sign, following its hop
// too. When the two differ in substance the worse one becomes the first page.
// The other version is parsed only when its bytes differ: most sites send
// every browser the same page.
func (cr *crawl) first(ctx context.Context, u *url.URL) (*fetched, error) {
	mobile := cr.c.opts.Mobile
	// The comparison needs a page beside the first and room for a hop:
	// with --max-pages 2 the second page is the stub's hop, if any.
	compare := !mobile && !cr.c.opts.NoCloaking && (cr.c.opts.MaxPages > 2 || cr.c.opts.firstOnly)
	var alt *fetched
	var altDone chan struct{}
	if compare {
		altDone = make(chan struct{})
		cr.c.bg.Go(func() {
			defer close(altDone)
			alt, _ = cr.fetchBody(ctx, u.String(), true, "")
		})
	}
	f, err := cr.fetchOnly(ctx, u.String(), mobile, "")
	cr.used = 1
	if compare {
		<-altDone
		if !cr.c.opts.firstOnly {
			cr.used++
		}
		if alt != nil {
			if err == nil && bytes.Equal(alt.resp.Body, f.resp.Body) && bytes.Equal(alt.resp.Wire, f.resp.Wire) {
				alt.info.SHA256 = f.info.SHA256 // the same bytes: the same digest
			} else {
				alt.digest()
			}
		}
	}
	if err == nil {
		// Most sites send both browsers the same bytes: the other copy
		// is then the same page, let go before this one is parsed (a big
		// page is held once, not twice, while the parser's tree grows).
		same := alt != nil && sameResponse(alt, f)
		if same {
			cr.release(alt)
		}
		cr.parse(f)
		if same {
			alt.page = f.page
		}
		if f2 := cr.followHop(ctx, f); f2 != f {
			f = f2
			if same {
				// Both browsers were sent on alike: nothing tells the
				// page they reach apart (comparing the stub with it
				// would look like cloaking). The smartphone's fetch is
				// listed, not compared.
				alt.page = f.page
				f.alt = alt
				return f, nil
			}
		}
	}
	if err != nil {
		if alt != nil && alt.resp.Status < 400 {
			// The desktop fetch failed where the smartphone one worked: score that.
			cr.parse(alt)
			return alt, nil
		}
		return nil, err
	}
	if alt == nil {
		return f, nil
	}
	switch {
	case alt.page != nil: // the same bytes as the first answer, parsed once
	case sameResponse(alt, f):
		alt.page = f.page // the same page: nothing to compare, nothing more to hold
		cr.release(alt)
	default:
		cr.parse(alt)
		// Smartphones alone were sent on by a hop (a kit shows phones its
		// pages, desktops something else): follow it as a desktop's is.
		alt = cr.followHop(ctx, alt)
	}
	f.alt = alt
	if fs, as := cr.stillStub(f), cr.stillStub(alt); fs && !as && alt.page != nil && alt.resp.Status < 400 {
		// The desktop's hops ended on a stub (the budget or the hops ran
		// out: a chain made to) where the phone's reached a page: that
		// page is the site's.
		alt.alt, f.alt = f, nil
		return alt, nil
	}
	if f.blocked || alt.blocked {
		// One browser's stub was followed and the other's could not be:
		// its stub beside the other's page is no cloaking. Listed only.
		return f, nil
	}
	if differ, useMobile, _ := rules.CompareVersions(f.page, alt.page); differ && useMobile || sentAway(f, alt) ||
		// A notice for desktops that the site is for phones: the
		// phone's page is the site's (no cloaking: it says so).
		rules.SmartphoneOnly(f.page) && !rules.SmartphoneOnly(alt.page) && alt.resp.Status < 400 {
		alt.alt, f.alt = f, nil
		return alt, nil
	}
	return f, nil
}

// followHop follows the hops a stub first page makes (stubNext; at most
// maxHops, a stub may lead to another) and returns the page they lead to,
// with the first stub as its from: the stub's own text still counts (a
// one-click page whose script also names a next page). It returns f
// itself when there is no hop, or when the page named cannot be read,
// answers with an error (a dead address in a script does not blank out
// the page that was shown) or is a brand's own reached from a stranger's
// site (toBrand, after the redirects).
func (cr *crawl) followHop(ctx context.Context, f *fetched) *fetched {
	cur := f
	for range maxHops {
		next := cr.hop(cur)
		if next != "" && cr.used >= cr.c.opts.MaxPages && !cr.c.opts.firstOnly {
			cur.blocked = true
			break
		}
		if next == "" || canonical(next) == canonical(cur.resp.URL) || slices.Contains(cur.resp.Redirects, next) {
			break
		}
		if !cr.c.opts.firstOnly {
			cr.used++
		}
		f2, err := cr.get(ctx, next, f.mobile, cur.resp.URL)
		switch {
		case err != nil:
			cur.hopErr = fmt.Sprintf("the page sends the browser on to (or shows in its place) %s, which could not be read: %s", next, errorMessage(err))
		case f2.resp.Status >= 400:
			cur.hopErr = fmt.Sprintf("the page sends the browser on to (or shows in its place) %s, which answered %d %s", next, f2.resp.Status, http.StatusText(f2.resp.Status))
		}
		if err != nil || f2.resp.Status >= 400 || cr.toBrand(cur.resp.URL, f2.resp.URL) {
			break
		}
		f2.resp.Redirects = append(append(slices.Clip(cur.resp.Redirects), cur.resp.URL), f2.resp.Redirects...)
		f2.from = cur // each stub passed through stays with its text
		cur = f2
	}
	return cur
}

// hop is stubNext of f's page, read once.
func (cr *crawl) hop(f *fetched) string {
	if !f.nextRead {
		f.next, f.nextRead = cr.stubNext(f.page), true
	}
	return f.next
}

// stillStub reports whether f, after its hops, is still a stub that sends
// the browser on.
func (cr *crawl) stillStub(f *fetched) bool {
	return f.blocked || f.page != nil && cr.hop(f) != ""
}

// maxHops is how many stub pages in a row are followed.
const maxHops = 3

// sentAway reports whether the desktop fetch was redirected to another
// site (a kit sends desktops to google.co.jp or the brand's real site)
// while the smartphone one stayed on the target's and got a page: the
// smartphone's is then the site's page, scored by its own signs.
func sentAway(desktop, mobile *fetched) bool {
	if len(desktop.resp.Redirects) == 0 {
		return false // the desktop stayed where it started
	}
	dom := func(raw string) string {
		u, err := url.Parse(raw)
		if err != nil {
			return ""
		}
		return domainOf(u)
	}
	home := dom(desktop.resp.Redirects[0])
	return home != "" && mobile.resp.Status < 400 && mobile.page != nil &&
		dom(desktop.resp.URL) != home && dom(mobile.resp.URL) == home &&
		// A page of its own, not a stub that sends smartphones on too
		// (a meta refresh, or a script's hop).
		metaRefresh(mobile.page) == "" && scriptRedirect(mobile.page) == "" && mobile.page.TextRunes() >= 20
}

// rest crawls the same-site pages most likely to hold the seller
// disclosure and payment terms, best first, a few at a time.
func (cr *crawl) rest(ctx context.Context, site *rules.Site, first *fetched) []*fetched {
	max := cr.c.opts.MaxPages - cr.used
	if max <= 0 || first.page.Doc == nil {
		return nil
	}
	seen := map[string]bool{canonical(first.resp.URL): true}
	for _, r := range first.resp.Redirects {
		seen[canonical(r)] = true
	}
	cands := rankLinks(first.page, site.Domain, seen)
	var out []*fetched
	// Two rounds: the first page's best links, then links found on those
	// pages (a 特定商取引法 or payment page linked only from the guide
	// page), for which the first round leaves two places.
	for round := 0; round < 2 && len(out) < max && len(cands) > 0; round++ {
		n := max - len(out)
		if round == 0 && max >= 4 {
			n = max - 2
		}
		if n > len(cands) {
			n = len(cands)
		}
		batch := cands[:n]
		got := make([]*fetched, n)
		var wg sync.WaitGroup
		sem := make(chan struct{}, 3)
		for i, l := range batch {
			seen[canonical(l.url)] = true
			wg.Add(1)
			cr.c.bg.Go(func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				if f, err := cr.getShared(ctx, l.url, first.mobile, first.resp.URL); err == nil {
					got[i] = f
				} else {
					cr.noteUnread(l.url, err)
				}
			})
		}
		wg.Wait()
		var next []rankedLink
		for _, f := range got {
			if f == nil || f.page == nil {
				continue
			}
			if u, err := url.Parse(f.resp.URL); err == nil {
				if d := domainOf(u); d != "" && d != site.Domain {
					continue // redirected off-site: not this shop's page
				}
			}
			out = append(out, f)
			seen[canonical(f.resp.URL)] = true
			next = append(next, rankLinks(f.page, site.Domain, seen)...)
		}
		rest := cands[n:]
		cands = mergeRanked(rest, next, seen)
	}
	return out
}

func mergeRanked(a, b []rankedLink, seen map[string]bool) []rankedLink {
	all := append(append([]rankedLink{}, a...), b...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []rankedLink
	dup := map[string]bool{}
	for _, l := range all {
		k := canonical(l.url)
		if seen[k] || dup[k] || l.score <= 0 {
			continue
		}
		dup[k] = true
		out = append(out, l)
	}
	return out
}
