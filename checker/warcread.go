package checker

// This file reads an evidence file back for an offline re-check: the
// stored exchanges become a Fetcher that answers from the file, the stored
// WHOIS answer a WhoisLookup, and the capture time the time of the check.
// Files written by other WARC tools (wget, Webrecorder, Heritrix) are read
// too, as far as they hold HTTP request and response records.

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/shopcheck/shopcheck/internal/evidence"
	"github.com/shopcheck/shopcheck/rules"
)

// maxReplayBody caps the body read back from one stored response. A
// shopcheck capture never holds more than its --max-body; a file from
// elsewhere may, and is cut here (and marked truncated).
const maxReplayBody = 64 << 20

// maxReplayBlock caps one record's block (a stored response: its header
// and body as stored, maybe compressed): a record that a small gzip member
// expands into gigabytes is refused before the WARC library reads it.
const maxReplayBlock = maxReplayBody + 1<<20

// maxReplayTotal and maxReplayRecords bound what a replay holds of one
// file: shopcheck writes one small file a target, but a crawl by another
// tool can be gigabytes, read whole it would exhaust memory.
const (
	maxReplayTotal   = 512 << 20
	maxReplayRecords = 20_000
)

// capture is an evidence file read back.
type capture struct {
	// ours is true when shopcheck wrote the file (its warcinfo says so):
	// bodies are then stored exactly as scored. Other tools store the
	// bytes on the wire, which may need de-chunking and decompressing.
	ours bool
	// info holds the warcinfo fields (the first warcinfo record).
	info map[string]string
	// exchanges are the stored request/response pairs in file order.
	exchanges []storedExchange
	// whois is the stored WHOIS/RDAP answer, nil when none was stored.
	whois *evidence.Whois
	// result is the stored result, nil when none was stored.
	result *Result
	// firstDate is the WARC-Date of the first record.
	firstDate time.Time
}

// storedExchange is one exchange read back.
type storedExchange struct {
	Exchange
	// mobile is true when the request's User-Agent is a smartphone's;
	// uaKnown is false when no request record was found for the
	// response (then it answers for both kinds of browser).
	mobile, uaKnown bool
}

// warcReadOptions make the library check every digest and report findings
// instead of stopping, so that a changed record is named precisely.
var warcReadOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
	gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
}

// readCapture reads the evidence file at path. A record whose digests do
// not match its content makes it fail: a changed file is not evidence.
func readCapture(path string) (*capture, error) {
	return readCaptureWithin(context.Background(), path, maxReplayRecords, maxReplayTotal, maxReplayBody)
}

// readCaptureWithin is readCapture holding at most maxRecords records and
// maxBytes of stored bodies, each body cut at maxBody (the run's
// --max-body: an evidence file from elsewhere is as hostile as a live
// page), and ending when ctx does (the site's deadline).
func readCaptureWithin(ctx context.Context, path string, maxRecords, maxBytes int, maxBody int64) (*capture, error) {
	late := func() error {
		return Errorf(CodeTimeout, "reading the evidence file %s took longer than --site-timeout allows", path)
	}
	// The library ends a file quietly at some damage (a corrupt gzip
	// member, one added): such a file would read as a shorter capture.
	if _, err := evidence.CheckFramingContext(ctx, path, maxReplayBlock); err != nil {
		if ctx.Err() != nil {
			return nil, late()
		}
		if errors.Is(err, evidence.ErrRecordTooLarge) {
			// The WARC library would hold and hash it whole.
			return nil, Errorf(CodeRead, "the evidence file %s holds a record too large to replay (%v; at most %d MiB)", path, err, maxReplayBlock>>20)
		}
		var fe *evidence.FramingError
		if errors.As(err, &fe) {
			return nil, &Error{Code: CodeRead, Msg: fmt.Sprintf("the evidence file %s is damaged (changed, cut short or added to; run shopcheck verify)", path), Err: err}
		}
		return nil, &Error{Code: CodeRead, Msg: "reading the evidence file " + path, Err: err}
	}
	rd, err := evidence.OpenWARC(path, warcReadOptions...)
	if err != nil {
		return nil, &Error{Code: CodeRead, Msg: "opening the evidence file " + path, Err: err}
	}
	defer rd.Close()

	cp := &capture{}
	type rawResp struct {
		id, concurrentTo string
		ex               storedExchange
	}
	type rawReq struct {
		id, uri, concurrentTo string
		header                http.Header
		used                  bool
	}
	var resps []*rawResp
	var reqs []*rawReq
	respIndex := map[string]int{} // response id -> index in resps
	order := []int{}              // for each request (>= 0) or response (< 0) in file order

	held := 0 // bytes of stored bodies held
	for n := 0; ; n++ {
		if ctx.Err() != nil {
			return nil, late()
		}
		if n >= maxRecords || held > maxBytes {
			return nil, Errorf(CodeRead, "the evidence file %s is too large to replay (more than %d records or %d MiB of pages): give the file of one target", path, maxRecords, maxBytes>>20)
		}
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			break
		}
		if err != nil {
			rec.Close()
			return nil, &Error{Code: CodeRead, Msg: fmt.Sprintf("the evidence file %s cannot be read at byte %d (changed or cut short; run shopcheck verify)", path, rec.Offset), Err: err}
		}
		wr := rec.WarcRecord
		h := wr.WarcHeader()
		id := h.Get(gowarc.WarcRecordID)
		for _, v := range rec.Validation {
			var de *gowarc.DigestError
			var ce *gowarc.ContentLengthError
			if errors.As(v, &de) || errors.As(v, &ce) {
				rec.Close()
				return nil, &Error{Code: CodeRead, Msg: fmt.Sprintf("the evidence file %s was changed after capture: record %s at byte %d does not match its digest (run shopcheck verify)", path, id, rec.Offset), Err: v}
			}
		}
		if n == 0 {
			cp.firstDate, _ = time.Parse(time.RFC3339, h.Get(gowarc.WarcDate))
		}
		err = func() error {
			defer rec.Close()
			switch wr.Type() {
			case gowarc.Warcinfo:
				if cp.info == nil {
					b, err := blockBytes(wr.Block())
					if err != nil {
						return err
					}
					cp.info = parseWarcFields(b)
					cp.ours = strings.HasPrefix(cp.info["software"], "shopcheck")
				}
			case gowarc.Request:
				blk, ok := wr.Block().(gowarc.HttpRequestBlock)
				if !ok || blk.HttpHeader() == nil {
					return nil
				}
				order = append(order, len(reqs))
				reqs = append(reqs, &rawReq{id: id, uri: h.Get(gowarc.WarcTargetURI),
					concurrentTo: h.Get(gowarc.WarcConcurrentTo), header: blk.HttpHeader().Clone()})
			case gowarc.Response:
				blk, ok := wr.Block().(gowarc.HttpResponseBlock)
				if !ok || blk.HttpHeader() == nil {
					return nil
				}
				ex, err := readResponse(h, blk, cp.ours, maxBody)
				if err != nil {
					return fmt.Errorf("record %s: %w", id, err)
				}
				held += len(ex.Body)
				respIndex[id] = len(resps)
				order = append(order, -1-len(resps))
				resps = append(resps, &rawResp{id: id, concurrentTo: h.Get(gowarc.WarcConcurrentTo), ex: storedExchange{Exchange: ex}})
			case gowarc.Metadata, gowarc.Resource:
				switch evidence.MediaType(h.Get(gowarc.ContentType)) {
				case evidence.ContentTypeWhois:
					b, err := blockBytes(wr.Block())
					if err != nil {
						return err
					}
					var w evidence.Whois
					if err := json.Unmarshal(b, &w); err != nil {
						return fmt.Errorf("record %s: reading the WHOIS answer: %w", id, err)
					}
					cp.whois = &w
				case evidence.ContentTypeResult:
					b, err := blockBytes(wr.Block())
					if err != nil {
						return err
					}
					var r Result
					if err := json.Unmarshal(b, &r); err != nil {
						return fmt.Errorf("record %s: reading the stored result: %w", id, err)
					}
					cp.result = &r
				}
			}
			return nil
		}()
		if err != nil {
			return nil, &Error{Code: CodeRead, Msg: "reading the evidence file " + path, Err: err}
		}
	}

	// Pair each response with its request: by WARC-Concurrent-To (either
	// way), else the nearest earlier unused request for the same URL.
	reqByID := map[string]*rawReq{}
	reqForResp := map[string]*rawReq{}
	for _, q := range reqs {
		reqByID[q.id] = q
		if q.concurrentTo != "" {
			reqForResp[q.concurrentTo] = q
		}
	}
	for pos, o := range order {
		if o >= 0 {
			continue
		}
		r := resps[-1-o]
		q := reqForResp[r.id]
		if q == nil && r.concurrentTo != "" {
			q = reqByID[r.concurrentTo]
		}
		if q == nil {
			for k := pos - 1; k >= 0; k-- {
				if order[k] >= 0 && !reqs[order[k]].used && reqs[order[k]].uri == r.ex.URL {
					q = reqs[order[k]]
					break
				}
			}
		}
		if q != nil && !q.used {
			q.used = true
			r.ex.uaKnown = true
			r.ex.mobile = isMobileUA(q.header.Get("User-Agent"))
			r.ex.ReqHeader = q.header
		}
		cp.exchanges = append(cp.exchanges, r.ex)
	}
	if cp.info == nil {
		cp.info = map[string]string{}
	}
	return cp, nil
}

// readResponse turns a response record into an Exchange.
func readResponse(h *gowarc.WarcFields, blk gowarc.HttpResponseBlock, ours bool, maxBody int64) (Exchange, error) {
	ex := Exchange{
		Method:     http.MethodGet,
		URL:        strings.Trim(h.Get(gowarc.WarcTargetURI), "<>"),
		Status:     blk.HttpStatusCode(),
		StatusText: blk.HttpStatusLine(),
		RespHeader: blk.HttpHeader().Clone(),
		RemoteIP:   h.Get(gowarc.WarcIPAddress),
		LocalIP:    h.Get("Shopcheck-Local-IP"),
	}
	switch reason := h.Get(gowarc.WarcTruncated); reason {
	case "":
	case "time", "disconnect":
		// Cut short by the server when captured, not by the byte cap.
		ex.Cut, ex.CutTimed = "the body was cut short when captured (WARC-Truncated: "+reason+")", reason == "time"
	default:
		ex.Truncated = true
	}
	ex.Time, _ = time.Parse(time.RFC3339, h.Get(gowarc.WarcDate))
	if line, _, ok := bytes.Cut(blk.ProtocolHeaderBytes(), []byte(" ")); ok {
		ex.Proto = string(line)
	}
	r, err := blk.PayloadBytes()
	if err != nil {
		return ex, fmt.Errorf("reading the stored body: %w", err)
	}
	if !ours {
		r = wireDecode(r, ex.RespHeader, chunked(blk.ProtocolHeaderBytes()))
	} else if contentCoded(ex.RespHeader) {
		// Ours keeps a content-coded body as it was sent: decoded here
		// as the live fetch decoded it, the coded bytes kept beside (the
		// page's digest is of them).
		stored, err := io.ReadAll(io.LimitReader(r, maxBody+1))
		if err != nil && len(stored) == 0 {
			return ex, fmt.Errorf("reading the stored body: %w", err)
		}
		ex.Wire = stored[:min(int64(len(stored)), maxBody)]
		r = decodedBody(&http.Response{Header: ex.RespHeader.Clone(), Body: io.NopCloser(bytes.NewReader(ex.Wire)), ContentLength: -1})
	}
	body, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if err != nil && len(body) == 0 {
		return ex, fmt.Errorf("reading the stored body: %w", err)
	}
	if int64(len(body)) > maxBody {
		body, ex.Truncated = body[:maxBody], true
	}
	if err != nil {
		ex.Truncated = true // a body stored cut short (other tools)
	}
	ex.Body = body
	return ex, nil
}

// chunked reports whether a stored HTTP header says Transfer-Encoding:
// chunked (net/http drops that field from the parsed header).
func chunked(header []byte) bool {
	for _, line := range strings.Split(string(header), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") &&
			strings.Contains(strings.ToLower(value), "chunked") {
			return true
		}
	}
	return false
}

// wireDecode undoes what other WARC tools leave on a stored body: chunked
// transfer coding and gzip or deflate content coding (as a browser would).
// The header is changed to describe the decoded body.
func wireDecode(r io.Reader, h http.Header, isChunked bool) io.Reader {
	if isChunked {
		r = httputil.NewChunkedReader(r)
		h.Del("Transfer-Encoding")
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		br := bufio.NewReader(r)
		r = br
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			if zr, err := gzip.NewReader(br); err == nil {
				r = zr
				h.Del("Content-Encoding")
				h.Del("Content-Length")
			}
		}
	case "deflate":
		r = flate.NewReader(r)
		h.Del("Content-Encoding")
		h.Del("Content-Length")
	}
	return r
}

// blockBytes reads a small block (warcinfo, metadata) whole.
func blockBytes(b gowarc.Block) ([]byte, error) {
	r, err := b.RawBytes()
	if err != nil {
		return nil, fmt.Errorf("reading record content: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(r, maxReplayBody))
	if err != nil {
		return nil, fmt.Errorf("reading record content: %w", err)
	}
	return out, nil
}

// parseWarcFields reads "name: value" lines.
func parseWarcFields(b []byte) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(strings.TrimRight(line, "\r"), ":")
		if ok {
			name = strings.TrimSpace(name)
			if _, dup := out[name]; !dup && name != "" {
				out[name] = strings.TrimSpace(value)
			}
		}
	}
	return out
}

// isMobileUA reports whether a User-Agent is a smartphone's (the one
// shopcheck sends with Request.Mobile, or any common phone browser).
func isMobileUA(ua string) bool {
	if ua == DefaultMobileUserAgent {
		return true
	}
	return strings.Contains(ua, "iPhone") || strings.Contains(ua, "Android") || strings.Contains(ua, "Mobile")
}

// target is the target of the stored check.
func (cp *capture) target() string {
	if t := cp.info[infoTarget]; t != "" {
		return t
	}
	if cp.result != nil && cp.result.Target != "" {
		return cp.result.Target
	}
	return cp.startURL()
}

// startURL is the URL the stored check started from. When the first page
// was read, that is where its chain of redirects began, as the stored
// result shows it: a bare domain whose https fetch failed partway (a
// redirect into a broken TLS server) was then read over http, and the
// re-check must start there too. Otherwise it is the first URL fetched.
func (cp *capture) startURL() string {
	if r := cp.result; r != nil && r.Error == nil && len(r.Pages) > 0 {
		if len(r.Redirects) > 0 {
			return r.Redirects[0]
		}
		return r.Pages[0].URL
	}
	if s := cp.info[infoStartURL]; s != "" {
		return s
	}
	if len(cp.exchanges) > 0 {
		return cp.exchanges[0].URL
	}
	if cp.result != nil {
		return cp.result.URL
	}
	return ""
}

// capturedAt is the time of the stored check: the stored result's
// checked_at, else the warcinfo's, else the first record's date.
func (cp *capture) capturedAt() time.Time {
	for _, s := range []string{resultCheckedAt(cp.result), cp.info[infoCheckedAt]} {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t
		}
	}
	return cp.firstDate
}

func resultCheckedAt(r *Result) string {
	if r == nil {
		return ""
	}
	return r.CheckedAt
}

// crawlOptions returns the options of the stored check: --max-pages
// (0 when not stored), --mobile and --no-cloaking. A file without them is
// taken as a smartphone-only check when every request was a smartphone's.
func (cp *capture) crawlOptions() (maxPages int, mobile, noCloaking, known bool) {
	if v, ok := cp.info[infoMaxPages]; ok {
		maxPages, _ = strconv.Atoi(v)
		mobile, _ = strconv.ParseBool(cp.info[infoMobile])
		noCloaking, _ = strconv.ParseBool(cp.info[infoNoCloaking])
		return maxPages, mobile, noCloaking, true
	}
	desktop, phone := 0, 0
	for _, e := range cp.exchanges {
		switch {
		case !e.uaKnown:
		case e.mobile:
			phone++
		default:
			desktop++
		}
	}
	return 0, phone > 0 && desktop == 0, false, false
}

// storedWhois is the stored WHOIS answer as the rules see it.
func (cp *capture) storedWhois() *rules.Whois {
	if cp.whois == nil {
		return nil
	}
	w := &rules.Whois{Registrar: cp.whois.Registrar, Server: cp.whois.Server, Raw: cp.whois.Raw}
	if cp.whois.Created != "" {
		if t, err := time.Parse(time.RFC3339, cp.whois.Created); err == nil {
			w.Created = t
		}
	}
	return w
}

// replayWhois answers WHOIS questions from a capture: the stored answer for
// the stored domain, nothing for any other.
type replayWhois struct {
	domain string
	w      *rules.Whois
}

func (r replayWhois) Lookup(_ context.Context, domain string) (*rules.Whois, error) {
	if r.w == nil || !strings.EqualFold(strings.TrimSuffix(domain, "."), r.domain) {
		return nil, nil
	}
	w := *r.w
	return &w, nil
}

// replayFetcher answers fetches from a capture, with no network: a request
// for a URL gets the stored chain of exchanges that began at that URL with
// the same kind of browser, redirects included, exactly as the live
// fetcher returned it.
type replayFetcher struct {
	ex []storedExchange
	// next[i] is the exchange the redirect i led to, -1 when i ended its
	// fetch.
	next []int
	// start maps (URL, mobile) to the first exchange stored for it.
	start map[replayKey]int
	// startURL and startErr: the stored error of the check's first page,
	// given again when that page is not in the file (the live fetch
	// failed before any answer: DNS, connect, TLS, blocked address).
	startURL string
	startErr *Error
	localIP  string
}

type replayKey struct {
	url    string
	mobile bool
}

// newReplayFetcher indexes the exchanges of cp. The exchanges of one live
// fetch are stored one after the other, so a redirect is joined to the
// exchange right after it when that one is for its Location and from the
// same kind of browser.
func newReplayFetcher(cp *capture) *replayFetcher {
	f := &replayFetcher{ex: cp.exchanges, next: make([]int, len(cp.exchanges)), start: map[replayKey]int{}}
	for i, e := range f.ex {
		if f.localIP == "" {
			f.localIP = e.LocalIP
		}
		f.next[i] = -1
		if i+1 < len(f.ex) && isRedirect(e.Status) {
			n := f.ex[i+1]
			if loc := redirectTarget(e.Exchange); loc != "" && loc == normalizeURL(n.URL) &&
				(e.uaKnown == n.uaKnown && e.mobile == n.mobile) {
				f.next[i] = i + 1
			}
		}
	}
	for i, e := range f.ex {
		u := normalizeURL(e.URL)
		for _, m := range []bool{false, true} {
			if e.uaKnown && e.mobile != m {
				continue
			}
			k := replayKey{u, m}
			if _, ok := f.start[k]; !ok {
				f.start[k] = i
			}
		}
	}
	f.startURL = normalizeURL(cp.startURL())
	if r := cp.result; r != nil && r.Error != nil && r.Error.Code != "" {
		f.startErr = &Error{Code: r.Error.Code, Msg: r.Error.Message}
	}
	return f
}

// redirectTarget is the absolute URL a redirect exchange points to, "" when
// it has no usable Location.
func redirectTarget(e Exchange) string {
	loc := strings.TrimSpace(e.RespHeader.Get("Location"))
	if loc == "" {
		return ""
	}
	base, err := url.Parse(e.URL)
	if err != nil {
		return ""
	}
	next, err := base.Parse(loc)
	if err != nil {
		return ""
	}
	return normalizeURL(next.String())
}

// normalizeURL writes a URL the way the live fetcher records it.
func normalizeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String()
}

// Fetch implements Fetcher.
func (f *replayFetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: CodeTimeout, Msg: "ran out of time reading the evidence file", Err: err}
	}
	u := normalizeURL(req.URL)
	i, ok := f.start[replayKey{u, req.Mobile}]
	if !ok {
		return nil, f.missing(u, u)
	}
	out := &Response{}
	for hop := 0; ; hop++ {
		e := f.ex[i]
		ex := e.Exchange
		out.Exchanges = append(out.Exchanges, ex)
		if f.next[i] >= 0 && hop < DefaultMaxRedirects {
			out.Redirects = append(out.Redirects, e.URL)
			i = f.next[i]
			continue
		}
		if loc := redirectTarget(e.Exchange); isRedirect(e.Status) && loc != "" {
			// The live fetch stopped at this redirect with an error.
			out.Redirects = append(out.Redirects, e.URL)
			out.URL = loc
			if hop >= DefaultMaxRedirects {
				return out, Errorf(CodeTooManyRedirects, "gave up after %d redirects, the last from %s to %s", DefaultMaxRedirects, e.URL, loc)
			}
			return out, f.missing(u, loc)
		}
		out.URL = e.URL
		out.Status = e.Status
		out.Header = e.RespHeader.Clone()
		out.ContentType = e.RespHeader.Get("Content-Type")
		out.Body, out.Wire = ex.Body, ex.Wire
		out.Truncated, out.Cut = e.Truncated, e.Cut
		out.LocalIP = f.localIP
		return out, nil
	}
}

// missing is the error for a URL the file does not hold.
func (f *replayFetcher) missing(requested, u string) error {
	if requested == f.startURL && f.startErr != nil {
		e := *f.startErr
		return &e
	}
	return Errorf(CodeRead, "%s is not in the evidence file", u)
}
