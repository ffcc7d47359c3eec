package checker

import (
	"context"
	"net/http"
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// Fetcher fetches one URL, following redirects, and returns what was read.
// Implementations refuse non-public addresses unless told otherwise, cap
// what they read, and honour ctx's deadline.
type Fetcher interface {
	Fetch(ctx context.Context, req Request) (*Response, error)
}

// Request is what to fetch.
type Request struct {
	URL string
	// Mobile asks for a smartphone User-Agent instead of a desktop one.
	Mobile bool
	// Referer is sent when not empty (crawled pages name the page that
	// linked to them).
	Referer string
	// Evidence asks for each exchange's request headers exactly as they
	// were written, the transport's own included (Host, Accept-Encoding),
	// for a WARC record. Without it Exchange.ReqHeader holds the headers
	// the fetcher set, which costs nothing to keep.
	Evidence bool
}

// Response is what a fetch read: the final response after redirects and
// every exchange on the way.
type Response struct {
	// URL is the final URL after redirects.
	URL string
	// Redirects lists each URL passed through before URL (the first is the
	// requested URL when there was a redirect).
	Redirects   []string
	Status      int
	ContentType string
	Header      http.Header
	// Body is the body as received (after transfer and content decoding,
	// before charset decoding), at most the fetcher's byte limit.
	Body []byte
	// Wire is the body as it arrived when the server sent it content-coded
	// (gzip, br …), nil otherwise (Body is then as it arrived): the page's
	// digest is of these bytes.
	Wire []byte
	// Truncated is true when the body was cut at the fetcher's byte limit
	// (--max-body), and only then.
	Truncated bool
	// Cut says why the body stopped short of its end when the server
	// stalled or closed (a timeout, a connection lost), not the byte cap:
	// "" otherwise.
	Cut string
	// Exchanges are the request/response pairs in order, redirects
	// included, for evidence.
	Exchanges []Exchange
	// LocalIP is the address this side connected from (to recognise a page
	// that echoes the visitor's address).
	LocalIP string
}

// Exchange is one HTTP request and its response as sent and received.
type Exchange struct {
	Time       time.Time
	Method     string
	URL        string
	ReqHeader  http.Header
	Proto      string // e.g. "HTTP/1.1"
	Status     int
	StatusText string      // e.g. "200 OK"
	RespHeader http.Header // as received (Content-Encoding kept)
	Body       []byte      // decoded
	// Wire is the body as received when it came content-coded, nil
	// otherwise; WireTruncated is true when it was not all kept.
	Wire          []byte
	WireTruncated bool
	Truncated     bool
	Cut           string // why the body stopped short (not the cap), as Response.Cut
	// CutTimed is true when the stop was a timeout (WARC-Truncated:
	// time), false for a connection lost (disconnect).
	CutTimed bool
	RemoteIP string
	// LocalIP is the address this side connected from, kept so that an
	// offline re-check knows which address a page echoed back.
	LocalIP string
}

// WhoisLookup finds when a domain was registered. It returns (nil, nil)
// when the registry has no record, and a Whois with a zero Created (and
// the raw answer) when the record gives no date, as for .jp domains
// registered before 1993.
type WhoisLookup interface {
	Lookup(ctx context.Context, domain string) (*rules.Whois, error)
}

// Recorder keeps evidence of a check: every exchange, the WHOIS answer and
// the result. It is called once a target's result is final.
type Recorder interface {
	Record(ctx context.Context, res *Result, exchanges []Exchange, whois *rules.Whois) error
}
