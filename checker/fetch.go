package checker

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptrace"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
	"golang.org/x/net/publicsuffix"
)

// Defaults of FetchOptions.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBody      = 5 << 20
	DefaultMaxRedirects = 10
	DefaultPerHost      = 2
	DefaultLocalPerPort = 6
	// DefaultUserAgent is a current desktop Chrome on Windows: fraud sites
	// show their shop to browsers and may hide it from obvious robots.
	DefaultUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
	// DefaultMobileUserAgent is Safari on an iPhone, the phone most victims
	// in Japan hold.
	DefaultMobileUserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1"

	// redirectBodyMax caps what is kept of a redirect's own body (evidence
	// only; nobody reads a redirect page).
	redirectBodyMax = 64 << 10
)

// FetchOptions configure an HTTPFetcher. Zero values take the defaults.
type FetchOptions struct {
	// Timeout bounds one HTTP request from connecting to the last byte of
	// the body read (DNS, connect, TLS, headers and body). Default 10s.
	Timeout time.Duration
	// MaxBody is the number of bytes read of one response, counted after
	// gzip decoding. The rest is not read: the connection is closed.
	// Default 5 MiB.
	MaxBody int64
	// MaxRedirects is the number of redirects followed. Default 10.
	MaxRedirects int
	// AllowPrivate permits loopback, private, link-local and the other
	// non-public addresses (see NonPublicReason).
	AllowPrivate bool
	// Resolve holds curl-style "HOST:PORT:ADDR" overrides: connections to
	// HOST:PORT go to ADDR (an IP address, IPv6 in brackets or not; several
	// may be given separated by commas); HOST "*" is every other name at
	// PORT (see ParseResolve). The address check still applies.
	Resolve []string
	// Rate is the number of requests a second over all hosts; 0 means no
	// limit. Each redirect hop is one request.
	Rate float64
	// PerHost is the number of requests in flight at once to one host name
	// and port. Sites on this machine's loopback address (127.0.0.0/8, ::1,
	// localhost, or a name that Resolve sends there only: test servers and
	// replays, reachable only with AllowPrivate) are no remote host to be
	// polite to: they are held to what their server's accept queue can
	// take instead (see LocalPerPort), and only while it closes its
	// connections. Default 2.
	PerHost int
	// LocalPerPort is the number of requests in flight at once to a
	// server on this machine (one port of the loopback address, whatever
	// names reach it) that closes its connection after each answer, or
	// has not answered yet, when the length of its queue of connections
	// waiting to be accepted cannot be read. Each such request opens a
	// connection, and a test server's queue is often short: Python's
	// http.server, which answers HTTP/1.0, keeps five. More at once
	// overflowed it, and each connection turned away waited a second for
	// its SYN to be sent again. Where Linux tells the queue, the server
	// gets one more than its queue holds (no limit from 64 up), and more
	// while nothing waits in the queue (see localGate). A server that
	// keeps its connections open is not held to it. Default 6: the five
	// Python's server queues, and the one it is accepting.
	LocalPerPort int
	// UserAgent and MobileUserAgent are sent for Request.Mobile false and
	// true. Defaults DefaultUserAgent and DefaultMobileUserAgent.
	UserAgent, MobileUserAgent string
	// RootCAs are the certificate authorities trusted for https; nil means
	// the system's. Tests use it to trust an httptest TLS server.
	RootCAs *x509.CertPool
}

// HTTPFetcher is the Fetcher that reads the web. It is safe for use by many
// goroutines at once; the rate limit and the per-host limit are shared by
// all fetches made through one HTTPFetcher.
//
// What it guarantees:
//   - Only http and https URLs are fetched.
//   - Every address actually dialled is checked (after DNS, after
//     --resolve, for every redirect hop) and non-public addresses are
//     refused with code blocked-address unless AllowPrivate is set. IPv4
//     addresses written in odd forms (0x7f000001, 2130706433, 127.1) are
//     read as such, and localhost names are refused without a DNS query.
//     Environment proxy settings are ignored: a proxy would hide the
//     address actually reached.
//   - Each request ends within Timeout, reading the body included; ctx
//     ends everything at once. Waiting for the rate limiter or a per-host
//     slot is bounded by ctx alone.
//   - At most MaxBody bytes of a body are read, after decoding (gzip,
//     deflate, brotli, zstd), so a 200 MB page or a gzip bomb costs about
//     MaxBody of memory.
//   - Redirects are followed one by one, each recorded as an Exchange and
//     checked like the first request. A cookie jar lives for one Fetch, so
//     that a shop that sets a cookie and then redirects works.
type HTTPFetcher struct {
	opt     FetchOptions
	resolve map[string]resolveEntry // "host:port" (or "*:port") -> its --resolve entry
	tr      *http.Transport
	limiter *limiter
	perHost *hostSlots // remote hosts, by name and port
	// slow holds the hosts (name:port) where a request ran out of time:
	// their later requests get a third of --timeout, so that a host that hangs
	// does not hold its two slots for the whole --timeout again and
	// again while the batch's other targets on it wait their turn.
	slow *slowHosts
	// locals holds, by port, a *localServer: what this machine's server
	// there has shown.
	locals sync.Map
	// listen, when set, replaces listenQueue (tests use it).
	listen func(port int) (acceptQueue, bool)
	// headers are the headers every request sends, for the desktop and
	// the smartphone User-Agent: shared by requests, never written.
	headers [2]http.Header
	ips     ipTexts

	// allow, when set, replaces the address policy (tests use it to allow
	// the httptest server's own address and nothing else).
	allow func(netip.Addr) bool
	// lookup, when set, replaces DNS (tests use it to make a name resolve
	// to a chosen address without touching the network).
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
}

// NewHTTPFetcher makes a fetcher. It fails on a malformed Resolve entry or
// a negative limit.
func NewHTTPFetcher(o FetchOptions) (*HTTPFetcher, error) {
	if o.Timeout < 0 || o.MaxBody < 0 || o.MaxRedirects < 0 || o.PerHost < 0 || o.LocalPerPort < 0 {
		return nil, errors.New("fetch options: timeout, max body, max redirects, per-host and local limits must not be negative")
	}
	if o.Rate < 0 || math.IsNaN(o.Rate) || math.IsInf(o.Rate, 0) {
		return nil, fmt.Errorf("fetch options: rate %v is not a number of requests a second", o.Rate)
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody == 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.PerHost == 0 {
		o.PerHost = DefaultPerHost
	}
	if o.LocalPerPort == 0 {
		o.LocalPerPort = DefaultLocalPerPort
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MobileUserAgent == "" {
		o.MobileUserAgent = DefaultMobileUserAgent
	}
	res, err := ParseResolve(o.Resolve)
	if err != nil {
		return nil, err
	}
	f := &HTTPFetcher{
		opt:     o,
		resolve: make(map[string]resolveEntry, len(res)),
		perHost: &hostSlots{n: o.PerHost, m: map[string]*hostSlot{}},
		slow:    &slowHosts{m: map[string]struct{}{}},
	}
	for i, ua := range []string{o.UserAgent, o.MobileUserAgent} {
		f.headers[i] = http.Header{
			"User-Agent":      {ua},
			"Accept":          {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
			"Accept-Language": {"ja,en-US;q=0.8,en;q=0.6"},
			// Asked here, not by the transport (DisableCompression), so
			// that the body arrives as the server sent it: the evidence
			// and the digest keep those bytes, decodedBody undoes them.
			"Accept-Encoding": {"gzip"},
		}
	}
	for key, addrs := range res {
		f.resolve[key] = resolveEntry{addrs: addrs, loopback: !slices.ContainsFunc(addrs, func(a netip.Addr) bool { return !a.Unmap().IsLoopback() })}
	}
	if o.Rate > 0 {
		f.limiter = newLimiter(o.Rate, time.Now)
	}
	f.tr = &http.Transport{
		Proxy:               nil, // a proxy would hide the address actually reached
		DialContext:         f.dialContext,
		TLSClientConfig:     &tls.Config{RootCAs: o.RootCAs, MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2:   true,
		DisableCompression:  true, // see Accept-Encoding above
		TLSHandshakeTimeout: o.Timeout,
		// No ResponseHeaderTimeout: each request's context has the
		// same deadline, set before the connection was even asked for,
		// and a second timer a request would never fire first.
		MaxResponseHeaderBytes: 256 << 10,
		MaxIdleConns:           64,
		// A remote host never has more than PerHost connections in use;
		// a loopback site (no per-host limit) may have as many as there are
		// requests at once, and each one not kept would be dialled again.
		MaxIdleConnsPerHost: max(o.PerHost, idleConnsPerHost),
		IdleConnTimeout:     30 * time.Second,
	}
	return f, nil
}

// sharedLocal returns the URL the transport is given for u, a page of a
// server on this machine: for plain http, the server's address in place of
// the name (the Host header still names it), so that all the names that
// reach one server share its kept-alive connections, as they share the
// server. A harness that gives each of 2,000 targets its own name would
// otherwise have each target open connections of its own. https keeps the
// name (it is checked against the certificate), and so does a name sent to
// several addresses (the dialler tries them in turn). e and overridden are
// what f.override(host, port) returned.
func (f *HTTPFetcher) sharedLocal(u *url.URL, host, port string, e resolveEntry, overridden bool) *url.URL {
	if u.Scheme != "http" {
		return u
	}
	var addr string
	if overridden {
		if len(e.addrs) != 1 {
			return u
		}
		addr = e.addrs[0].String()
	} else if isLocalhostName(host) {
		if _, ok := f.override("localhost", port); ok {
			return u // "localhost" itself is sent elsewhere
		}
		addr = "localhost" // the dialler's 127.0.0.1 then ::1, as for the name
	} else {
		return u // an address already
	}
	s := *u
	s.Host = net.JoinHostPort(addr, port)
	return &s
}

// localServer is what a server on this machine (one port, whatever names
// reach it) has shown the fetcher.
type localServer struct {
	// keepsAlive: the server kept its connection open after its last
	// answer (false before its first).
	keepsAlive atomic.Bool
	// gate holds the requests at once it gets while it closes its
	// connections (nil: no limit), made once (see localGate).
	gateOnce sync.Once
	gate     *localGate
	ack      ackPolicy // of the connections to it (see quickAck)
}

// ackPolicy is shared by the connections to one port of this machine.
type ackPolicy struct {
	on   atomic.Bool  // acknowledge what is read at once (see quickAck)
	acks atomic.Int64 // acknowledgements so sent
}

// local returns the record of this machine's server on port.
func (f *HTTPFetcher) local(port string) *localServer {
	if v, ok := f.locals.Load(port); ok {
		return v.(*localServer)
	}
	v, _ := f.locals.LoadOrStore(port, new(localServer))
	return v.(*localServer)
}

// localGate returns the gate that holds the requests at once to ls, this
// machine's server on port, while it closes its connections: it starts at
// the server's listen backlog plus one (Linux queues one connection more
// than the backlog, and each request opens one) and rises while the queue
// stays empty; nil (no limit) when the backlog is 64 or more (Go's servers
// queue thousands). Where the backlog cannot be read the gate keeps to
// LocalPerPort.
func (f *HTTPFetcher) localGate(ls *localServer, port string) *localGate {
	ls.gateOnce.Do(func() {
		listen := f.listen
		if listen == nil {
			listen = listenQueue
		}
		p, err := strconv.Atoi(port)
		q, ok := acceptQueue{}, err == nil
		if ok {
			q, ok = listen(p)
		}
		switch {
		case !ok:
			ls.gate = newLocalGate(f.opt.LocalPerPort, f.opt.LocalPerPort, nil)
		case q.backlog+1 < localNoLimit:
			ls.gate = newLocalGate(q.backlog+1, localNoLimit, func() (acceptQueue, bool) { return listen(p) })
		}
	})
	return ls.gate
}

// localNoLimit is the accept queue (plus one) from which a local server is
// not held back: more than a batch ever has in flight.
const localNoLimit = 64

// idleConnsPerHost is how many idle connections are kept to one host. A
// remote host never has more than PerHost in use; a loopback site, which
// has no per-host limit, may have a batch's targets at once, each with its
// smartphone fetch.
const idleConnsPerHost = 32

// CloseIdleConnections closes the kept-alive connections of the fetcher.
func (f *HTTPFetcher) CloseIdleConnections() { f.tr.CloseIdleConnections() }

// ParseResolve reads curl-style "HOST:PORT:ADDR[,ADDR...]" entries into a
// map from "host:port" (host lower-case ASCII) to addresses. ADDR is an IP
// address; an IPv6 address may be in brackets. As in curl, HOST "*" stands
// for every name at that port that no entry of its own names (the key is
// "*:PORT"); a leading "+" (curl: the entry expires after a minute) is
// accepted and the entry kept for the run; "-HOST:PORT" removes the
// entries given before it for that name and port.
func ParseResolve(entries []string) (map[string][]netip.Addr, error) {
	out := map[string][]netip.Addr{}
	for _, e := range entries {
		bad := func(why string) error {
			return fmt.Errorf("bad --resolve entry %q: %s (want HOST:PORT:ADDR, e.g. shop.example:443:203.0.113.7, or *:PORT:ADDR for every name)", e, why)
		}
		entry := strings.TrimSpace(e)
		remove := strings.HasPrefix(entry, "-")
		entry = strings.TrimPrefix(strings.TrimPrefix(entry, "-"), "+")
		host, rest, ok := strings.Cut(entry, ":")
		if !ok || host == "" {
			return nil, bad("no host")
		}
		portStr, addrs, ok := strings.Cut(rest, ":")
		if remove && !ok {
			portStr = rest
		}
		port, err := strconv.Atoi(portStr)
		if err != nil || port < 1 || port > 65535 {
			return nil, bad("port is not a number from 1 to 65535")
		}
		if host != "*" {
			host = canonicalHost(host)
		}
		key := net.JoinHostPort(host, strconv.Itoa(port))
		if remove {
			delete(out, key)
			continue
		}
		if !ok {
			return nil, bad("no address")
		}
		var list []netip.Addr
		for _, a := range strings.Split(addrs, ",") {
			a = strings.TrimSpace(a)
			a = strings.TrimSuffix(strings.TrimPrefix(a, "["), "]")
			ip, err := netip.ParseAddr(a)
			if err != nil {
				return nil, bad(fmt.Sprintf("%q is not an IP address", a))
			}
			list = append(list, ip)
		}
		out[key] = append(out[key], list...)
	}
	return out, nil
}

// resolveEntry is one host and port's --resolve addresses.
type resolveEntry struct {
	addrs []netip.Addr
	// loopback: every address is this machine's loopback (a local site,
	// like 127.0.0.1 itself).
	loopback bool
}

// override finds the --resolve entry for host (canonical) at port: its own,
// else, for a name (not an IP address), the port's "*" entry.
func (f *HTTPFetcher) override(host, port string) (resolveEntry, bool) {
	if e, ok := f.resolve[net.JoinHostPort(host, port)]; ok {
		return e, true
	}
	if _, ip := ParseHostIP(host); ip {
		return resolveEntry{}, false
	}
	e, ok := f.resolve[net.JoinHostPort("*", port)]
	return e, ok
}

// allowed reports whether the fetcher may connect to a.
func (f *HTTPFetcher) allowed(a netip.Addr) bool {
	if f.allow != nil {
		return f.allow(a)
	}
	if f.opt.AllowPrivate {
		return a.IsValid()
	}
	return IsPublicAddr(a)
}

// blocked makes the blocked-address error for host reaching a.
func (f *HTTPFetcher) blocked(host string, a netip.Addr) *Error {
	why := NonPublicReason(a)
	if why == "" {
		why = "not allowed"
	}
	if host == a.String() || host == "["+a.String()+"]" {
		return Errorf(CodeBlockedAddress, "refused to connect to %s: it is not a public address (%s); use --allow-private to permit it", a, why)
	}
	return Errorf(CodeBlockedAddress, "refused to connect to %s: it leads to %s, which is not a public address (%s); use --allow-private to permit it", host, a, why)
}

// checkURL checks a URL before any request is made: scheme, host, odd IPv4
// spellings (rewritten to the dotted form, as browsers do), IP literals
// and localhost names. It modifies u in place.
func (f *HTTPFetcher) checkURL(u *url.URL) error {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		if scheme == "" {
			return Errorf(CodeInvalidTarget, "%q is not a URL with http or https", u.String())
		}
		return Errorf(CodeUnsupportedScheme, "%q is a %s: URL; only http and https are fetched", u.String(), scheme)
	}
	u.Scheme = scheme
	host := u.Hostname()
	if host == "" {
		return Errorf(CodeInvalidTarget, "%q has no host name", u.String())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return Errorf(CodeInvalidTarget, "%q has an invalid port", u.String())
		}
	}
	if ip, ok := ParseHostIP(host); ok {
		if ip.Is4() && host != ip.String() {
			// 0x7f000001 -> 127.0.0.1, as a browser would rewrite it.
			if p := u.Port(); p != "" {
				u.Host = net.JoinHostPort(ip.String(), p)
			} else {
				u.Host = ip.String()
			}
		}
		if !f.allowed(ip) {
			return f.blocked(host, ip)
		}
		return nil
	}
	if looksNumericHost(host) {
		return Errorf(CodeInvalidTarget, "%q is neither a host name nor a valid IP address", host)
	}
	if !f.opt.AllowPrivate && isLocalhostName(host) {
		return Errorf(CodeBlockedAddress, "refused to connect to %s: the name always means this machine; use --allow-private to permit it", host)
	}
	return nil
}

// addrsFor finds the addresses for host:port: a --resolve override, an IP
// literal, or DNS.
func (f *HTTPFetcher) addrsFor(ctx context.Context, host string, port int) ([]netip.Addr, error) {
	if e, ok := f.override(canonicalHost(host), strconv.Itoa(port)); ok {
		return e.addrs, nil
	}
	if ip, ok := ParseHostIP(host); ok {
		return []netip.Addr{ip}, nil
	}
	if isLocalhostName(host) {
		if !f.opt.AllowPrivate {
			return nil, Errorf(CodeBlockedAddress, "refused to connect to %s: the name always means this machine; use --allow-private to permit it", host)
		}
		// RFC 6761: localhost and every name under it are this machine's
		// loopback, whatever DNS says; many resolvers (and /etc/hosts)
		// know localhost alone, so shop1.localhost, as curl and browsers
		// read it, would fail. IPv4 first: local test servers listen there.
		return localhostAddrs(), nil
	}
	lookup := f.lookup
	if lookup == nil {
		lookup = func(ctx context.Context, h string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", h)
		}
	}
	addrs, err := lookup(ctx, host)
	if err != nil {
		var de *net.DNSError
		switch {
		case errors.As(err, &de) && de.IsNotFound:
			return nil, &Error{Code: CodeDNS, Msg: fmt.Sprintf("could not resolve %s: no such host", host), Err: err}
		case errors.As(err, &de) && de.IsTimeout, errors.Is(err, context.DeadlineExceeded):
			return nil, &Error{Code: CodeDNS, Msg: fmt.Sprintf("could not resolve %s: the name servers did not answer in time", host), Err: err}
		case errors.As(err, &de):
			return nil, &Error{Code: CodeDNS, Msg: fmt.Sprintf("could not resolve %s: %s", host, de.Err), Err: err}
		}
		return nil, &Error{Code: CodeDNS, Msg: fmt.Sprintf("could not resolve %s", host), Err: err}
	}
	if len(addrs) == 0 {
		return nil, Errorf(CodeDNS, "could not resolve %s: no addresses", host)
	}
	return addrs, nil
}

// localhostAddrs are the addresses of localhost and the names under it, in
// a slice of the caller's own.
func localhostAddrs() []netip.Addr {
	return []netip.Addr{netip.AddrFrom4([4]byte{127, 0, 0, 1}), netip.IPv6Loopback()}
}

// dialContext is the transport's dialler. It finds the addresses for addr,
// refuses the connection if ANY of them is not allowed (a name that mixes
// public and private answers is a rebinding trick), then dials the checked
// addresses in turn; the Control hook checks once more the address the
// socket is about to connect to.
func (f *HTTPFetcher) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: bad address", addr), Err: err}
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: bad port", addr), Err: err}
	}
	// The transport detaches dials from the request's cancellation (so that
	// a later request may use the connection); bound the dial here.
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	addrs, err := f.addrsFor(ctx, host, port)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if !f.allowed(a) {
			return nil, f.blocked(host, a)
		}
	}
	var lastErr error
	for i, a := range addrs {
		d := net.Dialer{Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return Errorf(CodeBlockedAddress, "refused to connect to %s: cannot check address %q", host, address)
			}
			if !f.allowed(ap.Addr()) {
				return f.blocked(host, ap.Addr())
			}
			return nil
		}}
		dctx := ctx
		if dl, ok := ctx.Deadline(); ok && len(addrs)-i > 1 {
			// Leave time for the other addresses, as net.Dialer does.
			share := time.Until(dl) / time.Duration(len(addrs)-i)
			if share < 2*time.Second {
				share = min(2*time.Second, time.Until(dl))
			}
			var c context.CancelFunc
			dctx, c = context.WithTimeout(ctx, share)
			defer c()
		}
		conn, err := d.DialContext(dctx, network, netip.AddrPortFrom(a, uint16(port)).String())
		if err == nil {
			if a.Unmap().IsLoopback() {
				conn = quickAck(conn, &f.local(portStr).ack)
			}
			return conn, nil
		}
		lastErr = err
		var e *Error
		if errors.As(err, &e) || ctx.Err() != nil {
			break
		}
	}
	if name, ok := ctx.Value(dialNameKey{}).(string); ok {
		host = name // a name sent to its server's address (sharedLocal)
	}
	return nil, connectError(host, addrs, port, lastErr, f.opt.Timeout)
}

// dialNameKey is the context key of the name a request to a shared local
// address was made for, so that a failed dial names it.
type dialNameKey struct{}

// connectError turns a failed dial into an *Error with a plain message.
func connectError(host string, addrs []netip.Addr, port int, err error, timeout time.Duration) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	where := host
	if len(addrs) == 1 && addrs[0].String() != host {
		where = fmt.Sprintf("%s (%s)", host, netip.AddrPortFrom(addrs[0], uint16(port)))
	} else if len(addrs) == 1 {
		where = netip.AddrPortFrom(addrs[0], uint16(port)).String()
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return &Error{Code: CodeTimeout, Msg: fmt.Sprintf("could not connect to %s within %s", where, timeout), Err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: connection refused", where), Err: err}
	case errors.Is(err, syscall.EHOSTUNREACH):
		return &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: host unreachable", where), Err: err}
	case errors.Is(err, syscall.ENETUNREACH):
		return &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: network unreachable", where), Err: err}
	case errors.Is(err, syscall.ECONNRESET):
		return &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s: connection reset", where), Err: err}
	}
	return &Error{Code: CodeConnect, Msg: fmt.Sprintf("could not connect to %s", where), Err: err}
}

// Fetch fetches req.URL with GET, following redirects.
//
// An answer with status 4xx or 5xx is returned as a Response, not as an
// error: a 404 or 503 page is still evidence. The caller decides whether to
// report code http-status.
//
// A body that stops early after some bytes arrived (Timeout reached while a
// server drips, the connection cut, or MaxBody reached) is returned with
// Truncated set and no error: what was read is scored and kept as evidence.
// When no byte of the body arrived the error is timeout or read.
//
// On error the returned Response is nil when no exchange was completed;
// otherwise it holds only URL (the URL that failed), Redirects and the
// Exchanges made so far, with Status 0, for evidence (a redirect into a
// private address, a redirect loop).
func (f *HTTPFetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil {
		return nil, &Error{Code: CodeInvalidTarget, Msg: fmt.Sprintf("%q is not a valid URL", req.URL), Err: err}
	}
	if err := f.checkURL(u); err != nil {
		return nil, err
	}
	jar := &lazyJar{}
	out := &Response{}
	failed := func(err error) (*Response, error) {
		if len(out.Exchanges) == 0 {
			return nil, err
		}
		out.URL = u.String()
		return out, err
	}
	for hop := 0; ; hop++ {
		h, err := f.hop(ctx, jar, u, req)
		if h != nil {
			out.Exchanges = append(out.Exchanges, h.ex)
		}
		if err != nil {
			if n := len(out.Redirects); n > 0 && CodeOf(err) == CodeBlockedAddress {
				err = redirectRefused(out.Redirects[n-1], u, err)
			}
			return failed(err)
		}
		if isRedirect(h.ex.Status) {
			loc := h.resp.Header.Get("Location")
			next, perr := resolveLocation(u, loc)
			if loc != "" && perr != nil {
				// A browser would go somewhere (or nowhere) that this
				// parser cannot: the empty redirect is not the site's
				// page, and must not be scored as if it were.
				return failed(&Error{Code: CodeRead, Msg: fmt.Sprintf("%s redirects to %q, an address that cannot be read", u, clipLocation(loc)), Err: perr})
			}
			if loc != "" && perr == nil {
				if hop >= f.opt.MaxRedirects {
					return failed(Errorf(CodeTooManyRedirects, "gave up after %d redirects, the last from %s to %s", f.opt.MaxRedirects, u, next))
				}
				if err := f.checkURL(next); err != nil {
					out.Redirects = append(out.Redirects, u.String())
					err = redirectRefused(u.String(), next, err)
					u = next
					return failed(err)
				}
				out.Redirects = append(out.Redirects, u.String())
				u = next
				continue
			}
			// A redirect without a usable Location is the final answer.
		}
		out.URL = u.String()
		out.Status = h.ex.Status
		out.Header = h.resp.Header
		out.ContentType = h.resp.Header.Get("Content-Type")
		out.Body, out.Wire = h.ex.Body, h.ex.Wire
		out.Truncated, out.Cut = h.ex.Truncated, h.ex.Cut
		out.LocalIP = h.localIP
		return out, nil
	}
}

// lazyJar is the cookie jar of one Fetch, made when a response first sets
// a cookie: most fetches meet none and pay nothing for it.
type lazyJar struct {
	jar *cookiejar.Jar
}

// addTo adds to req the cookies the jar holds for u (the URL asked for,
// which req's may not be: see sharedLocal).
func (j *lazyJar) addTo(req *http.Request, u *url.URL) {
	if j.jar == nil {
		return
	}
	for _, c := range j.jar.Cookies(u) {
		req.AddCookie(c)
	}
}

// keep stores the cookies resp sets for u.
func (j *lazyJar) keep(u *url.URL, resp *http.Response) {
	rc := resp.Cookies()
	if len(rc) == 0 {
		return
	}
	if j.jar == nil {
		jar, err := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
		if err != nil {
			return // cannot happen: New fails on no option
		}
		j.jar = jar
	}
	j.jar.SetCookies(u, rc)
}

// redirectRefused is err (a refused address) said of a redirect from one
// URL to the next: the record names where the refused address came from,
// since the target itself was a public one.
func redirectRefused(from string, to *url.URL, err error) error {
	return &Error{Code: CodeOf(err), Msg: fmt.Sprintf("%s redirected to %s, which was refused", from, to), Err: err}
}

// resolveLocation resolves a redirect's Location against u the way
// browsers read it (the WHATWG URL standard), where Go's parser is
// stricter: tabs and newlines inside it are dropped, a backslash is a
// slash in an http(s) URL, "http:/host/x" and "http:host" name a host when
// the scheme differs from u's (and a path when it is u's), a lone % is a
// literal percent sign and a host may be percent-encoded. A criminal's
// server can send such a Location to a scanner that stops at it.
func resolveLocation(u *url.URL, loc string) (*url.URL, error) {
	loc = strings.TrimSpace(loc)
	lower := strings.ToLower(loc)
	odd := strings.ContainsAny(loc, "\\\t\n\r") ||
		strings.HasPrefix(lower, "http:") && !strings.HasPrefix(lower, "http://") ||
		strings.HasPrefix(lower, "https:") && !strings.HasPrefix(lower, "https://")
	if !odd {
		if next, err := u.Parse(loc); err == nil {
			return next, nil
		}
	}
	// As the URL standard: C0 controls and spaces trimmed at the ends,
	// tabs and newlines dropped anywhere.
	loc = strings.TrimFunc(loc, func(r rune) bool { return r <= ' ' })
	loc = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(loc)
	scheme, rest, hasScheme := strings.Cut(loc, ":")
	special := func(s string) bool { s = strings.ToLower(s); return s == "http" || s == "https" }
	switch {
	case hasScheme && special(scheme):
		rest = slashPath(rest)
		if strings.EqualFold(scheme, u.Scheme) && !strings.HasPrefix(rest, "//") {
			loc = rest // the same scheme without "//": relative
		} else {
			loc = strings.ToLower(scheme) + "://" + strings.TrimLeft(rest, "/")
		}
	case !hasScheme || strings.ContainsAny(scheme, "/?#"):
		loc = slashPath(loc)
	}
	if i := strings.Index(loc, "//"); i >= 0 && !strings.ContainsAny(loc[:i], "/?#") {
		// The host part (after "//", up to the path): its escapes undone.
		end := len(loc)
		if j := strings.IndexAny(loc[i+2:], "/?#"); j >= 0 {
			end = i + 2 + j
		}
		auth := loc[i+2 : end]
		user, hostPart := "", auth
		if at := strings.LastIndexByte(auth, '@'); at >= 0 {
			user, hostPart = auth[:at+1], auth[at+1:]
		}
		if strings.Contains(hostPart, "%") {
			host, err := url.PathUnescape(hostPart)
			if err != nil || strings.ContainsAny(host, "/\\?#@:%[] \t<>^|") {
				// Browsers refuse a host that decodes to a character no
				// host has (127.0.0.1%40evil.test, good.example%2F.evil).
				return nil, fmt.Errorf("the host %q decodes to characters no host name has", hostPart)
			}
			loc = loc[:i+2] + user + host + loc[end:]
		}
	}
	return u.Parse(fixPercents(loc))
}

// slashPath turns backslashes into slashes in the part of a URL before its
// query or fragment, as browsers do for http(s); a backslash in the query
// is the query's.
func slashPath(s string) string {
	end := len(s)
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		end = i
	}
	return strings.ReplaceAll(s[:end], "\\", "/") + s[end:]
}

// fixPercents writes a % that does not start an escape (%zz) as %25, as
// browsers read it.
func fixPercents(s string) string {
	isHex := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// clipLocation shortens a Location for a message.
func clipLocation(loc string) string {
	if len(loc) > 200 {
		return loc[:200] + "…"
	}
	return loc
}

func isRedirect(status int) bool {
	switch status {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// portOf is u's port, or the scheme's default.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}

// hopResult is one request and its response.
type hopResult struct {
	ex      Exchange
	resp    *http.Response
	localIP string
}

// hop makes one request to u and reads its body (MaxBody for a final
// answer, redirectBodyMax for a redirect), all within Timeout.
func (f *HTTPFetcher) hop(ctx context.Context, jar *lazyJar, u *url.URL, req Request) (*hopResult, error) {
	// Hosts are told apart by name and port: two servers on one address
	// (local test sites, say) are two hosts.
	host := canonicalHost(u.Hostname())
	port := portOf(u)
	ov, overridden := f.override(host, port)
	local := isLoopbackHost(host)
	if overridden {
		local = ov.loopback
	}
	var ls *localServer // this machine's server, whatever names reach it
	if local {
		ls = f.local(port)
	}
	var release func()
	var err error
	switch {
	case !local:
		release, err = f.perHost.acquire(ctx, host+":"+port)
	case !ls.keepsAlive.Load():
		if g := f.localGate(ls, port); g != nil {
			release, err = g.acquire(ctx)
		}
	}
	if err != nil {
		return nil, ctxError(ctx, u, err)
	}
	if release != nil {
		defer release()
	}
	if err := f.limiter.wait(ctx); err != nil {
		return nil, ctxError(ctx, u, err)
	}

	hostKey := host + ":" + port
	hctx, cancel := context.WithTimeout(ctx, f.requestTimeout(hostKey))
	defer cancel()
	tr := &hopTrace{}
	tr.trace.GotConn = tr.gotConn
	if req.Evidence {
		tr.sent = http.Header{}
		tr.trace.WroteHeaderField = tr.wroteHeaderField
	}
	target := u
	if local && f.opt.AllowPrivate { // (without it the dialler refuses the name, and says so by name)
		if target = f.sharedLocal(u, host, port, ov, overridden); target != u {
			hctx = context.WithValue(hctx, dialNameKey{}, host)
		}
	}
	hreq := (&http.Request{
		Method:     http.MethodGet,
		URL:        target, // read, never written, by the transport
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     f.header(jar, u, req),
		Host:       strings.TrimSuffix(u.Host, ":"), // as http.NewRequest: no empty port
	}).WithContext(httptrace.WithClientTrace(hctx, &tr.trace))
	jar.addTo(hreq, u)
	start := time.Now()
	// The transport itself, not an http.Client: redirects are followed
	// (and checked) by Fetch, and a Client would copy the headers and
	// consult a cookie jar on every request.
	resp, err := f.tr.RoundTrip(hreq)
	if err != nil {
		if ctx.Err() == nil && errors.Is(hctx.Err(), context.DeadlineExceeded) {
			f.slow.add(hostKey) // the request itself ran out of time
		}
		return nil, f.requestError(ctx, hctx, u, err)
	}
	defer resp.Body.Close() // before EOF this closes the connection: the rest is never read
	jar.keep(u, resp)
	if local && ls.keepsAlive.Load() == resp.Close {
		ls.keepsAlive.Store(!resp.Close)
	}

	limit := f.opt.MaxBody
	if isRedirect(resp.StatusCode) {
		limit = min(limit, redirectBodyMax)
	}
	// A body sent content-coded (gzip, br …) is kept as it came, beside
	// the decoded page, with the headers as they came: the evidence holds
	// the response as received, and the page's digest is of those bytes.
	respHeader := resp.Header
	var wire *wireCopy
	if contentCoded(resp.Header) {
		respHeader = resp.Header.Clone()
		wire = &wireCopy{max: limit}
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.TeeReader(resp.Body, wire), resp.Body}
	}
	sizeHint := resp.ContentLength
	rd := decodedBody(resp) // decoding unsets ContentLength: the coded size is no hint
	if wire != nil {
		sizeHint = -1
	}
	body, truncated, rerr := readCapped(rd, limit, sizeHint)

	tr.mu.Lock()
	localIP := f.ips.text(tr.local)
	ex := Exchange{
		Time:       start,
		Method:     http.MethodGet,
		URL:        u.String(),
		ReqHeader:  tr.sent,
		Proto:      resp.Proto,
		Status:     resp.StatusCode,
		StatusText: resp.Status,
		RespHeader: respHeader,
		Body:       body,
		Truncated:  truncated,
		RemoteIP:   f.ips.text(tr.remote),
		LocalIP:    localIP,
	}
	tr.mu.Unlock()
	if len(ex.ReqHeader) == 0 {
		ex.ReqHeader = hreq.Header // not traced (no evidence asked for): what was asked for
	}
	if wire != nil {
		ex.Wire, ex.WireTruncated = wire.b, wire.cut || truncated
	}
	h := &hopResult{ex: ex, resp: resp, localIP: localIP}
	if rerr != nil {
		if len(body) > 0 || isRedirect(resp.StatusCode) {
			// Cut short after some bytes (or a redirect whose body does
			// not matter): keep what arrived and say why in Cut. It is
			// not marked truncated, which the contract keeps for a body
			// cut at --max-body: a stalled or closed answer is not a page
			// too large.
			cerr := f.requestError(ctx, hctx, u, rerr)
			h.ex.Cut, h.ex.CutTimed = errorMessage(cerr), CodeOf(cerr) == CodeTimeout
			return h, nil
		}
		return h, f.requestError(ctx, hctx, u, rerr)
	}
	return h, nil
}

// header is the header of one request: the fetcher's shared one for the
// User-Agent asked for, or a copy of it when the request needs more (a
// Referer, cookies). A URL's user and password are not sent: in a
// phishing link they are the disguise (https://www.smbc.co.jp@kit.example/),
// a browser sends none unless the server asks, and an Authorization header
// the kit did not ask for would tell it a scanner came.
func (f *HTTPFetcher) header(jar *lazyJar, u *url.URL, req Request) http.Header {
	h := f.headers[0]
	if req.Mobile {
		h = f.headers[1]
	}
	if req.Referer == "" && jar.jar == nil {
		return h
	}
	h = h.Clone()
	if req.Referer != "" {
		h.Set("Referer", req.Referer)
	}
	return h
}

// hopTrace is what one request's trace hooks collect: the connection's
// addresses and, when evidence is kept, the request headers as written.
type hopTrace struct {
	trace         httptrace.ClientTrace
	mu            sync.Mutex
	local, remote net.Addr
	sent          http.Header
}

func (t *hopTrace) gotConn(info httptrace.GotConnInfo) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.local, t.remote = info.Conn.LocalAddr(), info.Conn.RemoteAddr()
}

func (t *hopTrace) wroteHeaderField(key string, values []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case key == ":authority":
		key = "Host"
	case strings.HasPrefix(key, ":"):
		return
	}
	for _, v := range values {
		t.sent.Add(key, v)
	}
}

// ipTexts keeps the text of the addresses a fetcher connects from and to:
// they are few (one local address, a site's few), and formatting them for
// every request would cost two allocations a request.
type ipTexts struct {
	mu sync.Mutex
	m  map[netip.Addr]string
}

// ipTextsMax bounds ipTexts: a batch over many sites meets many addresses.
const ipTextsMax = 256

// text is a TCP address's IP as net.IP.String writes it, "" for another
// kind of address.
func (c *ipTexts) text(a net.Addr) string {
	t, ok := a.(*net.TCPAddr)
	if !ok || t == nil {
		return ""
	}
	ip, ok := netip.AddrFromSlice(t.IP)
	if !ok {
		return t.IP.String()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[ip]; ok {
		return s
	}
	s := t.IP.String()
	if len(c.m) >= ipTextsMax || c.m == nil {
		c.m = make(map[netip.Addr]string)
	}
	c.m[ip] = s
	return s
}

// decodedBody is resp's body as a browser reads it. The transport leaves
// content codings alone (DisableCompression: hop keeps the coded bytes for
// the evidence): gzip, deflate (as zlib data or raw), brotli, zstd, or
// several layers (gzip, gzip) are decoded here, and the Content-Encoding
// and Content-Length headers are dropped from resp.Header, which then fits
// the decoded page the checker reads (the evidence keeps a copy of the
// headers as received). The cap of readCapped applies to the decoded bytes,
// so a bomb costs MaxBody. A gzip or zstd body that is not what its coding
// says cannot be read (a browser shows an error); an encoding no browser
// undoes is left as it is (the page then reads as what it is: no text).
// Replay uses it too, on a stored response.
func decodedBody(resp *http.Response) io.Reader {
	var encs []string
	for _, e := range strings.Split(strings.ToLower(resp.Header.Get("Content-Encoding")), ",") {
		if e = strings.TrimSpace(e); e != "" && e != "identity" {
			encs = append(encs, e)
		}
	}
	if len(encs) == 0 || len(encs) > maxEncodings {
		return resp.Body
	}
	for _, e := range encs {
		if !slices.Contains([]string{"gzip", "x-gzip", "deflate", "br", "zstd"}, e) {
			return resp.Body
		}
	}
	var r io.Reader = resp.Body
	// The last coding listed was applied last: undone first.
	for i := len(encs) - 1; i >= 0; i-- {
		br := bufio.NewReader(r)
		if _, err := br.Peek(1); err != nil {
			return br // an empty body: nothing to decode
		}
		switch encs[i] {
		case "deflate":
			r = nil
			if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
				if zr, err := zlib.NewReader(br); err == nil {
					r = zr
				}
			}
			if r == nil {
				r = flate.NewReader(br)
			}
		case "br":
			r = brotli.NewReader(br)
		case "zstd":
			zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(8<<20))
			if err != nil {
				return errReader{fmt.Errorf("the body is not the zstd data its Content-Encoding says: %w", err)}
			}
			r = zr.IOReadCloser()
		default:
			zr, err := gzip.NewReader(br)
			if err != nil {
				// As a browser, which shows an error: the body is not what
				// its Content-Encoding says.
				return errReader{fmt.Errorf("the body is not the gzip data its Content-Encoding says: %w", err)}
			}
			r = zr
		}
	}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	return r
}

// contentCoded reports whether a response's body comes content-coded (a
// Content-Encoding other than identity).
func contentCoded(h http.Header) bool {
	for _, e := range strings.Split(h.Get("Content-Encoding"), ",") {
		if e = strings.TrimSpace(e); e != "" && !strings.EqualFold(e, "identity") {
			return true
		}
	}
	return false
}

// wireCopy keeps the bytes of a body as they arrive, at most max: a coded
// stream far longer than what it decodes to (zstd's skippable frames) is
// kept in part, and cut says so.
type wireCopy struct {
	b   []byte
	max int64
	cut bool
}

func (w *wireCopy) Write(p []byte) (int, error) {
	if room := w.max - int64(len(w.b)); room < int64(len(p)) {
		w.b = append(w.b, p[:max(room, 0)]...)
		w.cut = true
		return len(p), nil
	}
	w.b = append(w.b, p...)
	return len(p), nil
}

// errReader is a body that cannot be read: every Read returns err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// maxEncodings is the most content codings undone one after another.
const maxEncodings = 3

// readCapped reads at most limit bytes of r; truncated is true when more
// was there. It never reads more than limit+1 bytes, and its buffer never
// grows past limit+1: sizeHint (the Content-Length, -1 when unknown) sizes
// it at once, else it doubles from 32 KiB.
func readCapped(r io.Reader, limit, sizeHint int64) (body []byte, truncated bool, err error) {
	size := int64(32 << 10)
	if sizeHint >= 0 {
		size = sizeHint + 1 // +1 to see EOF (or more) without growing
	}
	buf := make([]byte, 0, min(size, limit+1))
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return buf[:limit:limit], true, nil
			}
			nb := make([]byte, len(buf), min(2*int64(cap(buf)), limit+1))
			copy(nb, buf)
			buf = nb
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil && int64(len(buf)) > limit {
			// The byte past the limit came with the end (a body of
			// limit+1 bytes) or with an error: cut all the same.
			return buf[:limit:limit], true, nil
		}
		if err == io.EOF {
			return buf, false, nil
		}
		if err != nil {
			return buf, false, err
		}
	}
}

// ctxError is the error for a wait that ctx ended.
func ctxError(ctx context.Context, u *url.URL, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &Error{Code: CodeTimeout, Msg: fmt.Sprintf("ran out of time before fetching %s", u.Redacted()), Err: ctx.Err()}
	}
	if ctx.Err() != nil {
		return &Error{Code: CodeRead, Msg: fmt.Sprintf("fetch of %s was cancelled", u.Redacted()), Err: ctx.Err()}
	}
	return &Error{Code: CodeRead, Msg: fmt.Sprintf("could not fetch %s", u.Redacted()), Err: err}
}

// requestError classifies the error of a request or of reading its body.
func (f *HTTPFetcher) requestError(ctx, hctx context.Context, u *url.URL, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if ctx.Err() != nil {
		return ctxError(ctx, u, err)
	}
	host := u.Hostname()
	var (
		cve *tls.CertificateVerificationError
		rhe tls.RecordHeaderError
		ae  tls.AlertError
		ne  net.Error
	)
	switch {
	case errors.As(err, &cve):
		return &Error{Code: CodeTLS, Msg: fmt.Sprintf("the TLS certificate of %s is not valid: %s", host, cve.Err), Err: err}
	case hctx.Err() != nil, errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return &Error{Code: CodeTimeout, Msg: fmt.Sprintf("no complete answer from %s within %s", host, f.opt.Timeout), Err: err}
	case strings.Contains(err.Error(), "HTTP response to HTTPS client"):
		return &Error{Code: CodeTLS, Msg: fmt.Sprintf("the TLS handshake with %s failed: the server answered in plain HTTP", host), Err: err}
	case errors.As(err, &rhe), errors.As(err, &ae), strings.Contains(err.Error(), "tls: "):
		return &Error{Code: CodeTLS, Msg: fmt.Sprintf("the TLS handshake with %s failed", host), Err: err}
	}
	return &Error{Code: CodeRead, Msg: fmt.Sprintf("could not read the answer from %s", host), Err: err}
}

// limiter spaces requests evenly: one every interval, over all hosts
// (a token bucket of size one). Its zero value is not used: a nil
// *limiter means no limit.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	now      func() time.Time
}

func newLimiter(rate float64, now func() time.Time) *limiter {
	return &limiter{interval: time.Duration(float64(time.Second) / rate), now: now}
}

// reserve takes the next free slot and says how long to wait for it.
func (l *limiter) reserve() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	t := l.next
	if t.Before(now) {
		t = now
	}
	l.next = t.Add(l.interval)
	return t.Sub(now)
}

// wait blocks until the caller may send a request, or ctx ends.
func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return ctx.Err()
	}
	d := l.reserve()
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// hostSlots limits the requests in flight to one host. Entries are removed
// when no request uses them, so the map stays small in a long batch.
type hostSlots struct {
	mu sync.Mutex
	n  int
	m  map[string]*hostSlot
}

type hostSlot struct {
	ch    chan struct{}
	users int
}

// maxSlowHosts bounds the hosts slowHosts remembers.
const maxSlowHosts = 4096

// slowHosts is the set of hosts (name:port) where a request ran out of
// time, at most maxSlowHosts of them.
type slowHosts struct {
	n  atomic.Int32 // len(m): most runs meet no such host and take no lock
	mu sync.Mutex
	m  map[string]struct{}
}

func (s *slowHosts) add(host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[host]; !ok && len(s.m) < maxSlowHosts {
		s.m[host] = struct{}{}
		s.n.Add(1)
	}
}

func (s *slowHosts) has(host string) bool {
	if s.n.Load() == 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[host]
	return ok
}

// requestTimeout is the time one request to host (name:port) gets: the
// --timeout, or a third of it where a request already ran out of time.
func (f *HTTPFetcher) requestTimeout(host string) time.Duration {
	if f.slow.has(host) {
		return f.opt.Timeout / 3
	}
	return f.opt.Timeout
}

// acquire waits for a free slot for host and returns the function that
// gives it back.
func (h *hostSlots) acquire(ctx context.Context, host string) (func(), error) {
	h.mu.Lock()
	s := h.m[host]
	if s == nil {
		s = &hostSlot{ch: make(chan struct{}, h.n)}
		h.m[host] = s
	}
	s.users++
	h.mu.Unlock()
	done := func() {
		h.mu.Lock()
		s.users--
		if s.users == 0 {
			delete(h.m, host)
		}
		h.mu.Unlock()
	}
	select {
	case s.ch <- struct{}{}:
		return func() { <-s.ch; done() }, nil
	case <-ctx.Done():
		done()
		return nil, ctx.Err()
	}
}
