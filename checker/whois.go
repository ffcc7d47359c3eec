package checker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/text/encoding/japanese"

	"github.com/shopcheck/shopcheck/rules"
)

// WhoisOptions configure the WHOIS/RDAP client.
type WhoisOptions struct {
	// Server (--whois-server HOST:PORT) receives every WHOIS query: no
	// referrals are followed and RDAP is not used.
	Server string
	// RDAPServer (--rdap-server URL) is the RDAP base URL to ask instead
	// of the one the IANA bootstrap names.
	RDAPServer string
	// BootstrapURL is the IANA RDAP bootstrap file for domains
	// (default https://data.iana.org/rdap/dns.json).
	BootstrapURL string
	// Timeout bounds one query, connect and read together (default 10s).
	Timeout time.Duration
	// Throttle is the least time between two queries to one server
	// (default 1s: JPRS blocks bursts; none for a Server the user named);
	// negative for none.
	Throttle time.Duration
	// MaxBytes caps one answer (default 256 KiB).
	MaxBytes int
	// PerServer is the number of queries open at once to one server
	// (default 4). Each query is a connection of its own, and a small
	// WHOIS server (a test server in Python's socketserver, say) queues
	// five connections waiting to be accepted: more at once overflowed
	// it, and each connection turned away waited a second for its SYN to
	// be sent again.
	PerServer int
	// CacheSize is how many domains' answers are kept (default 4096); one
	// lookup per registrable domain per run as long as they fit.
	CacheSize int
	// AllowPrivate permits referrals and RDAP servers on loopback and
	// private addresses. The --whois-server and --rdap-server the user
	// gives are always allowed.
	AllowPrivate bool
	// HTTPClient is used for RDAP (default: one with Timeout).
	HTTPClient *http.Client
}

// The defaults of WhoisOptions.
const (
	DefaultWhoisTimeout   = 10 * time.Second
	DefaultWhoisThrottle  = time.Second
	DefaultWhoisMaxBytes  = 256 << 10
	DefaultWhoisCache     = 4096
	DefaultWhoisPerServer = 4
	ianaBootstrap         = "https://data.iana.org/rdap/dns.json"
	jprsServer            = "whois.jprs.jp:43"
	ianaWhois             = "whois.iana.org:43"
)

// Whois looks up when domains were registered: JPRS WHOIS for .jp, RDAP
// for the rest with WHOIS (following referrals) as a fallback, or only the
// server given with --whois-server. It keeps one answer per registrable
// domain (concurrent lookups of one domain share one query), spaces the
// queries to each server, and bounds every connect, read and answer.
type Whois struct {
	o       WhoisOptions
	http    *http.Client
	mu      sync.Mutex
	cache   map[string]*whoisEntry
	order   []string // cache keys, oldest first
	next    map[string]time.Time
	open    *hostSlots // queries open at once, by server
	bootMu  sync.Mutex
	boot    map[string]string // TLD -> RDAP base URL
	bootErr error
	// The fixed servers, variables so that tests can point them at fakes.
	jprs, iana string
}

type whoisEntry struct {
	done chan struct{}
	w    *rules.Whois
	err  error
	// abandoned is set when the caller that asked gave up (its target's
	// deadline, an interrupt): the others waiting ask again rather than
	// take its error for the registry's.
	abandoned bool
	waiters   atomic.Int32 // callers waiting on it, for tests
}

// errAbandoned is what wait gives a caller whose shared lookup was
// abandoned by the one that asked: Lookup asks again.
var errAbandoned = errors.New("whois: the lookup was abandoned by the target that asked")

// Cached returns what Lookup would answer for domain when the answer is
// already known (domain in the form the cache keeps: lower-case ASCII,
// registrable), and false when it is not yet, or the lookup failed: the
// checker then asks in the background (and Lookup tells the error).
func (c *Whois) Cached(domain string) (*rules.Whois, bool) {
	c.mu.Lock()
	e, ok := c.cache[domain]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	select {
	case <-e.done:
		if e.err != nil {
			return nil, false // Lookup tells the error
		}
		return e.w, true
	default:
		return nil, false
	}
}

// wait returns the entry's answer once it is known, or ctx's error.
func (e *whoisEntry) wait(ctx context.Context) (*rules.Whois, error) {
	e.waiters.Add(1)
	defer e.waiters.Add(-1)
	select {
	case <-e.done:
		if e.abandoned && ctx.Err() == nil {
			return nil, errAbandoned
		}
		return e.w, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// NewWhois returns a client with o's settings (zero fields take defaults).
func NewWhois(o WhoisOptions) *Whois {
	if o.Timeout <= 0 {
		o.Timeout = DefaultWhoisTimeout
	}
	if o.Throttle == 0 {
		o.Throttle = DefaultWhoisThrottle
		if o.Server != "" {
			// A server the user named (a mirror, a test server) is theirs
			// to pace: the registries' burst limits are not its limits.
			o.Throttle = -1
		}
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultWhoisMaxBytes
	}
	if o.CacheSize <= 0 {
		o.CacheSize = DefaultWhoisCache
	}
	if o.PerServer <= 0 {
		o.PerServer = DefaultWhoisPerServer
	}
	if o.BootstrapURL == "" {
		o.BootstrapURL = ianaBootstrap
	}
	hc := o.HTTPClient
	if hc == nil {
		// Non-public addresses are refused (unless --allow-private) but
		// for the --rdap-server the user named (a local mirror, a test
		// server): not for where it redirects, nor for the registries'
		// own servers.
		public := &net.Dialer{Timeout: o.Timeout, Control: dialControl(o.AllowPrivate)}
		trusted := &net.Dialer{Timeout: o.Timeout, Control: dialControl(true)}
		own := rdapServerAddr(o.RDAPServer)
		dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
			if own != "" && strings.EqualFold(addr, own) {
				return trusted.DialContext(ctx, network, addr)
			}
			return public.DialContext(ctx, network, addr)
		}
		hc = &http.Client{
			Timeout: o.Timeout,
			Transport: &http.Transport{
				DialContext:         dial,
				TLSHandshakeTimeout: o.Timeout,
				MaxIdleConns:        16,
			},
		}
	}
	return &Whois{o: o, http: hc, cache: map[string]*whoisEntry{}, next: map[string]time.Time{},
		open: &hostSlots{n: o.PerServer, m: map[string]*hostSlot{}}, jprs: jprsServer, iana: ianaWhois}
}

// Lookup returns what the registry says about domain's registration. It
// returns (nil, nil) when the registry has no record of it, and a Whois
// with a zero Created (but the raw answer, for evidence) when the record
// shows no date, as old .jp domains (before 1993) do.
func (c *Whois) Lookup(ctx context.Context, domain string) (*rules.Whois, error) {
	for tries := 1; tries < 3; tries++ {
		w, err := c.lookupShared(ctx, domain)
		if err != errAbandoned {
			return w, err
		}
	}
	// Abandoned twice by others: ask under this caller's own deadline.
	h, err := rules.ParseHost(domain)
	if err != nil || h.IP {
		return nil, fmt.Errorf("whois: %q is not a domain name", domain)
	}
	return c.lookup(ctx, rules.RegistryDomain(h.ASCII))
}

// lookupShared is Lookup's one try: the cache's answer, a lookup under
// way that another caller started, or a new lookup.
func (c *Whois) lookupShared(ctx context.Context, domain string) (*rules.Whois, error) {
	// A batch asks about the same few domains, already in the form the
	// cache keeps: answer those without parsing the name again.
	c.mu.Lock()
	e, ok := c.cache[domain]
	c.mu.Unlock()
	if ok {
		return e.wait(ctx)
	}
	h, err := rules.ParseHost(domain)
	if err != nil || h.IP {
		return nil, fmt.Errorf("whois: %q is not a domain name", domain)
	}
	key := rules.RegistryDomain(h.ASCII)
	if !strings.Contains(key, ".") {
		return nil, fmt.Errorf("whois: %q is a top-level domain", domain)
	}
	c.mu.Lock()
	if e, ok := c.cache[key]; ok {
		c.mu.Unlock()
		return e.wait(ctx)
	}
	e = &whoisEntry{done: make(chan struct{})}
	c.cache[key] = e
	c.order = append(c.order, key)
	// Forget the oldest finished answers beyond the cache size; one still
	// running stays for its waiters.
	for i := 0; len(c.cache) > c.o.CacheSize && i < len(c.order); {
		old := c.order[0]
		c.order = c.order[1:]
		oe := c.cache[old]
		if oe == nil || oe == e {
			if oe == e {
				c.order = append(c.order, old)
				i++
			}
			continue
		}
		select {
		case <-oe.done:
			delete(c.cache, old)
		default:
			c.order = append(c.order, old)
			i++
		}
	}
	c.mu.Unlock()

	e.w, e.err = c.lookup(ctx, key)
	if e.err != nil && ctx.Err() != nil {
		// The caller gave up; a later caller may try again, and those
		// waiting do (errAbandoned).
		e.abandoned = true
		c.mu.Lock()
		if c.cache[key] == e {
			delete(c.cache, key)
		}
		c.mu.Unlock()
	}
	close(e.done)
	return e.w, e.err
}

// lookup asks the registry about domain, without the cache.
func (c *Whois) lookup(ctx context.Context, domain string) (*rules.Whois, error) {
	if c.o.Server != "" {
		return c.whoisAt(ctx, domain, c.o.Server, true)
	}
	if strings.HasSuffix(domain, ".jp") {
		return c.whoisAt(ctx, domain, c.jprs, true)
	}
	w, err := c.rdap(ctx, domain)
	if err == nil || errors.Is(err, errNotFound) {
		if errors.Is(err, errNotFound) {
			return nil, nil
		}
		return w, nil
	}
	if ctx.Err() != nil {
		return nil, err
	}
	// No RDAP for this TLD, or it failed: WHOIS with referrals.
	ww, werr := c.whoisReferral(ctx, domain)
	if werr != nil {
		return nil, fmt.Errorf("whois %s: RDAP: %v; WHOIS: %w", domain, err, werr)
	}
	return ww, nil
}

var errNotFound = errors.New("no such domain")

// whoisAt queries one WHOIS server and parses the answer. A .jp query to
// JPRS gets its "/e" (English) suffix; any other server, a --whois-server
// included, is asked the plain name as the protocol has it (a test or
// mirror server that looks the name up would not know "shop.jp/e").
func (c *Whois) whoisAt(ctx context.Context, domain, server string, trusted bool) (*rules.Whois, error) {
	q := domain
	if strings.HasSuffix(domain, ".jp") && (server == c.jprs || strings.EqualFold(hostOnly(server), "whois.jprs.jp")) {
		q += "/e"
	}
	raw, err := c.query(ctx, server, q, trusted)
	if err != nil {
		return nil, err
	}
	rec, err := ParseWhois(domain, raw)
	if errors.Is(err, errNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("whois %s at %s: %w", domain, server, err)
	}
	return &rules.Whois{Created: rec.Created, Registrar: rec.Registrar, Server: serverName(server), Raw: raw}, nil
}

// whoisReferral asks IANA for the TLD's WHOIS server, then that server,
// then the registrar's server it refers to when the registry gave no date.
func (c *Whois) whoisReferral(ctx context.Context, domain string) (*rules.Whois, error) {
	tld := domain[strings.LastIndexByte(domain, '.')+1:]
	iana, err := c.query(ctx, c.iana, tld, true)
	if err != nil {
		return nil, err
	}
	server := referral(iana)
	if server == "" {
		return nil, fmt.Errorf("IANA names no WHOIS server for .%s", tld)
	}
	w, err := c.whoisAt(ctx, domain, server, false)
	if err != nil || w == nil || !w.Created.IsZero() {
		return w, err
	}
	if ref := referral(w.Raw); ref != "" && withPort(ref) != withPort(server) {
		if rw, err := c.whoisAt(ctx, domain, ref, false); err == nil && rw != nil && !rw.Created.IsZero() {
			rw.Raw = w.Raw + "\n\n" + rw.Raw
			return rw, nil
		}
	}
	return w, nil
}

// referral finds the next WHOIS server named in an answer.
func referral(raw string) string {
	for _, l := range strings.Split(raw, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), ":")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "refer", "whois", "registrar whois server", "referralserver":
			v = strings.TrimSpace(v)
			v = strings.TrimPrefix(strings.TrimPrefix(v, "whois://"), "rwhois://")
			v = strings.Trim(v, "/")
			if v != "" && !strings.ContainsAny(v, " /") {
				return v
			}
		}
	}
	return ""
}

// withPort adds WHOIS's port 43 to a server named without one.
func withPort(server string) string {
	if _, _, err := net.SplitHostPort(server); err != nil {
		return net.JoinHostPort(server, "43")
	}
	return strings.ToLower(server)
}

// serverName names a WHOIS server in a result: its host, and its port too
// when that is not WHOIS's own 43 (a --whois-server 127.0.0.1:4343 is
// named so, as an --rdap-server's URL is).
func serverName(server string) string {
	if h, p, err := net.SplitHostPort(server); err == nil && p == "43" {
		return h
	}
	return server
}

func hostOnly(server string) string {
	if h, _, err := net.SplitHostPort(server); err == nil {
		return h
	}
	return server
}

// query sends q to a WHOIS server (HOST or HOST:PORT) and reads the answer,
// after waiting for the server's throttle. Connect and read are bounded by
// ctx and the Timeout; the answer by MaxBytes.
func (c *Whois) query(ctx context.Context, server, q string, trusted bool) (string, error) {
	server = withPort(server)
	if err := c.wait(ctx, hostOnly(server)); err != nil {
		return "", err
	}
	release, err := c.open.acquire(ctx, server)
	if err != nil {
		return "", fmt.Errorf("waiting to query WHOIS server %s: %w", server, err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	d := &net.Dialer{Control: dialControl(trusted || c.o.AllowPrivate)}
	conn, err := d.DialContext(ctx, "tcp", server)
	if err != nil {
		return "", fmt.Errorf("connecting to WHOIS server %s: %w", server, err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Now()) })
	defer stop()
	if _, err := io.WriteString(conn, q+"\r\n"); err != nil {
		return "", fmt.Errorf("sending to WHOIS server %s: %w", server, err)
	}
	buf, err := io.ReadAll(io.LimitReader(conn, int64(c.o.MaxBytes)))
	if err != nil && len(buf) == 0 {
		return "", fmt.Errorf("reading from WHOIS server %s: %w", server, err)
	}
	return decodeWhois(buf), nil
}

// wait blocks until a query to server is allowed by the throttle,
// reserving the slot.
func (c *Whois) wait(ctx context.Context, server string) error {
	if c.o.Throttle < 0 {
		return nil
	}
	c.mu.Lock()
	now := time.Now()
	at := c.next[server]
	if at.Before(now) {
		at = now
	}
	c.next[server] = at.Add(c.o.Throttle)
	c.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// decodeWhois turns an answer into UTF-8: JPRS answers in ISO-2022-JP when
// asked without /e; other servers in UTF-8 or Latin-1.
func decodeWhois(b []byte) string {
	if bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@")) {
		if out, err := japanese.ISO2022JP.NewDecoder().Bytes(b); err == nil {
			return string(out)
		}
	}
	if isUTF8(b) {
		return string(b)
	}
	if out, err := japanese.ShiftJIS.NewDecoder().Bytes(b); err == nil {
		return string(out)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "") == string(b) }

// dialControl refuses non-public addresses unless allowed: a registry's
// answer names the next server, and that name must not reach inside the
// user's network.
// rdapServerAddr is the host:port the transport dials for the RDAP base
// URL raw ("" when none or unreadable).
func rdapServerAddr(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func dialControl(allowPrivate bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		if allowPrivate {
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		ip := net.ParseIP(host)
		if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
			ip.IsLinkLocalMulticast() || ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() {
			return fmt.Errorf("refusing to connect to non-public address %s", host)
		}
		return nil
	}
}
