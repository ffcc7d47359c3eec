package checker

// This file writes the evidence of a check (--evidence DIR): one WARC/1.1
// file per target and a line per target in DIR/manifest.jsonl.
//
// The WARC records are built and serialised by github.com/nlnwa/gowarc/v3
// (v3.1.0). Both WARC libraries in go.mod were tried:
//   - nlnwa/gowarc/v3 builds one record at a time from headers and a
//     content block, computes WARC-Block-Digest and, for HTTP blocks,
//     WARC-Payload-Digest itself (sha256, written "sha256:<hex>" as the
//     IIPC recommends for SHA-256, so the payload digest is the very hex
//     SHA-256 the result shows for the page), validates every header it
//     writes, keeps header order, and its reader recomputes and checks both
//     digests and the gzip checksums of every record: the same code writes
//     the evidence and verifies it. Its Marshaler writes to any io.Writer,
//     so one file per target, gzip per record and temp-file-then-rename are
//     ours to control. It depends on little (uuid, klauspost/compress,
//     whatwg-url).
//   - internetarchive/gowarc is built around its own capturing HTTP client
//     and a rotating writer fed through channels; its plain Writer keeps
//     headers in a map (field order changes from run to run), computes no
//     payload digest outside its HTTP client, defaults to SHA-1, and pulls
//     in a TLS fingerprinting stack, a DNS client and more that shopcheck
//     does not use.
//
// One file per target, not a rotated file per run: a target's evidence can
// be handed over, copied or deleted on its own, files are written in
// parallel without a shared writer, and an interrupt leaves only whole
// files (each is written under a temporary name and renamed when complete).

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/shopcheck/shopcheck/internal/buildinfo"
	"hash"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/shopcheck/shopcheck/internal/evidence"
	"github.com/shopcheck/shopcheck/rules"
)

// The warcinfo fields shopcheck writes besides the standard ones. An
// offline re-check reads them back.
const (
	infoSoftware  = "shopcheck (github.com/shopcheck/shopcheck)"
	infoTarget    = "shopcheck-target"
	infoStartURL  = "shopcheck-start-url"
	infoCheckedAt = "shopcheck-checked-at"
	infoMaxPages  = "shopcheck-max-pages"
	// infoPagesCounted says that --max-pages counted every request (the
	// smartphone copy too), as files written since it was added do.
	infoPagesCounted = "shopcheck-max-pages-counts"
	infoMobile       = "shopcheck-mobile"
	infoNoCloaking   = "shopcheck-no-cloaking"
)

// warcBuildOptions make the library compute both digests (SHA-256) and
// refuse to build a record that breaks the WARC 1.1 rules.
var warcBuildOptions = []gowarc.WarcRecordOption{
	gowarc.WithAddMissingDigest(true),
	gowarc.WithDefaultDigestAlgorithm("sha256"),
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail),
	gowarc.WithSpecViolationPolicy(gowarc.ErrFail),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrFail),
}

// WARCRecorder is the Recorder of --evidence DIR. For each target it
// writes DIR/<checked_at>-<sha256(target)[:12]>.warc.gz holding, gzip per
// record:
//   - a warcinfo record (software, the target, the start URL, the time of
//     the check and, when known, the crawl options);
//   - for every HTTP exchange (redirects, the smartphone version and the
//     crawled pages included) a request record and a response record, the
//     response's payload being the body exactly as the checker scored it,
//     with WARC-Truncated: length when it was cut at --max-body (time or
//     disconnect when the server stalled or closed before its end);
//   - a metadata record with the WHOIS/RDAP answer (evidence.Whois), when
//     there was one;
//   - a metadata record with the JSON result.
//
// and then appends one line to DIR/manifest.jsonl (evidence.Entry). It is
// safe for use by many goroutines at once: files are written in parallel,
// manifest lines one Write each under a mutex.
type WARCRecorder struct {
	dir string

	mu       sync.Mutex
	manifest *os.File
	used     map[string]bool // file names taken by this recorder
	crawl    map[string]string
	closed   bool
}

// NewWARCRecorder makes dir (and its parents) when missing and opens
// dir/manifest.jsonl for appending: a second run into the same folder adds
// to it.
func NewWARCRecorder(dir string) (*WARCRecorder, error) {
	if dir == "" {
		return nil, errors.New("no evidence folder given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("making evidence folder: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, evidence.ManifestName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening manifest: %w", err)
	}
	return &WARCRecorder{dir: dir, manifest: f, used: map[string]bool{}}, nil
}

// SetCrawlOptions notes the options that decide which pages a check
// fetches (--max-pages, --mobile, --no-cloaking) in each file's warcinfo
// record, so that an offline re-check crawls the stored pages the same
// way. Call it before the first Record.
func (w *WARCRecorder) SetCrawlOptions(maxPages int, mobile, noCloaking bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.crawl = map[string]string{
		infoMaxPages:     strconv.Itoa(maxPages),
		infoPagesCounted: "every-request",
		infoMobile:       strconv.FormatBool(mobile),
		infoNoCloaking:   strconv.FormatBool(noCloaking),
	}
}

// Close flushes the manifest to disk and closes it. Records after Close
// fail.
func (w *WARCRecorder) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	serr := w.manifest.Sync()
	if err := w.manifest.Close(); err != nil {
		return fmt.Errorf("closing manifest: %w", err)
	}
	if serr != nil {
		return fmt.Errorf("saving manifest: %w", serr)
	}
	return syncDir(w.dir)
}

// Record writes the evidence of one target. ctx is not used to stop
// writing: the evidence of a check that ran out of time is still kept.
func (w *WARCRecorder) Record(_ context.Context, res *Result, exchanges []Exchange, whois *rules.Whois) error {
	if res == nil {
		return errors.New("recording evidence: no result")
	}
	checkedAt, err := time.Parse(time.RFC3339, res.CheckedAt)
	if err != nil {
		checkedAt = time.Now().UTC()
	}
	// Another shopcheck writing into the same folder may take the same
	// name in the same second: then the file is written again under the
	// next name (its warcinfo names the file).
	var (
		name  string
		entry *evidence.Entry
		ww    *warcWriter
	)
	for attempt := 0; ; attempt++ {
		var crawl map[string]string
		name, crawl, err = w.reserve(res.Target, checkedAt)
		if err != nil {
			return err
		}
		entry, ww, err = w.writeFile(name, res, exchanges, whois, crawl)
		if errors.Is(err, fs.ErrExist) && attempt < 3 {
			continue
		}
		if err != nil {
			return err
		}
		break
	}
	entry.File = name
	res.Evidence = name
	entry.FileSHA256 = hex.EncodeToString(ww.sum.Sum(nil))
	entry.FileBytes = ww.n
	line, err := marshalJSON(entry)
	if err != nil {
		return fmt.Errorf("encoding manifest line: %w", err)
	}

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("recording evidence: the recorder is closed")
	}
	if _, err := w.manifest.Write(line); err != nil {
		return fmt.Errorf("adding to manifest: %w", err)
	}
	if err := w.manifest.Sync(); err != nil {
		return fmt.Errorf("saving manifest: %w", err)
	}
	return nil
}

// writeFile writes the evidence into a temporary file and gives it name.
// It fails with fs.ErrExist when name was taken meanwhile.
func (w *WARCRecorder) writeFile(name string, res *Result, exchanges []Exchange, whois *rules.Whois, crawl map[string]string) (*evidence.Entry, *warcWriter, error) {
	tmp, err := os.CreateTemp(w.dir, evidence.TempPrefix+"*.part")
	if err != nil {
		return nil, nil, fmt.Errorf("creating evidence file: %w", err)
	}
	defer func() {
		tmp.Close()           // already closed when complete
		os.Remove(tmp.Name()) // already renamed when complete
	}()
	ww := newWARCWriter(tmp)
	entry, err := ww.writeAll(name, res, exchanges, whois, crawl)
	if err != nil {
		return nil, nil, fmt.Errorf("writing evidence for %s: %w", res.Target, err)
	}
	if err := ww.finish(); err != nil {
		return nil, nil, fmt.Errorf("writing evidence file: %w", err)
	}
	// CreateTemp makes the file private (0600); evidence files are as
	// readable as the manifest and the results beside them.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return nil, nil, fmt.Errorf("evidence file permissions: %w", err)
	}
	if err := publish(tmp.Name(), filepath.Join(w.dir, name)); err != nil {
		return nil, nil, err
	}
	if err := syncDir(w.dir); err != nil {
		return nil, nil, err
	}
	return entry, ww, nil
}

// publish gives the complete file at tmp its final name, never replacing a
// file: a hard link fails when the name exists. Where the file system has
// no hard links (FAT and exFAT memory sticks), it is renamed.
func publish(tmp, final string) error {
	err := os.Link(tmp, final)
	switch {
	case err == nil:
		if err := os.Remove(tmp); err != nil {
			return fmt.Errorf("removing temporary evidence file: %w", err)
		}
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("naming evidence file: %w", err)
	}
	if _, serr := os.Lstat(final); serr == nil {
		return fmt.Errorf("naming evidence file: %s: %w", final, fs.ErrExist)
	}
	if err := os.Rename(tmp, final); err != nil {
		return fmt.Errorf("naming evidence file: %w", err)
	}
	return nil
}

// reserve picks a free file name for target and returns the crawl options.
func (w *WARCRecorder) reserve(target string, at time.Time) (string, map[string]string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return "", nil, errors.New("recording evidence: the recorder is closed")
	}
	for n := 1; ; n++ {
		name := evidence.FileName(target, at, n)
		if w.used[name] {
			continue
		}
		if _, err := os.Lstat(filepath.Join(w.dir, name)); err == nil {
			continue
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", nil, fmt.Errorf("checking evidence file name: %w", err)
		}
		w.used[name] = true
		return name, w.crawl, nil
	}
}

// marshalJSON encodes v on one line ending in a newline, as the results
// are printed with --json (no HTML escaping of <, > and &).
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("opening evidence folder: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fmt.Errorf("saving evidence folder: %w", err)
	}
	return nil
}

// warcWriter writes gzip-per-record WARC records to a file and hashes what
// it writes.
type warcWriter struct {
	f      *os.File
	bw     *bufio.Writer
	sum    hash.Hash
	n      int64
	gz     *gzip.Writer
	m      gowarc.Marshaler
	infoID string
	refs   []evidence.Record
}

func newWARCWriter(f *os.File) *warcWriter {
	ww := &warcWriter{f: f, sum: sha256.New(), m: gowarc.NewMarshaler()}
	ww.bw = bufio.NewWriterSize(io.MultiWriter(f, ww.sum, countWriter{&ww.n}), 64<<10)
	ww.gz, _ = gzip.NewWriterLevel(ww.bw, gzip.DefaultCompression) // a valid level: no error
	return ww
}

type countWriter struct{ n *int64 }

func (c countWriter) Write(p []byte) (int, error) { *c.n += int64(len(p)); return len(p), nil }

// finish flushes, saves and closes the file.
func (ww *warcWriter) finish() error {
	if err := ww.bw.Flush(); err != nil {
		return err
	}
	if err := ww.f.Sync(); err != nil {
		return err
	}
	return ww.f.Close()
}

// field is one WARC header field.
type field struct{ name, value string }

// add builds a record from its fields and block and writes it as one gzip
// member. A WARC-Record-ID is made unless fields hold one. It returns the
// record's fields as listed in the manifest.
func (ww *warcWriter) add(typ gowarc.RecordType, fields []field, block []byte) (evidence.Record, error) {
	rb := evidence.NewRecordBuilder(typ, warcBuildOptions...)
	hasID := false
	for _, f := range fields {
		hasID = hasID || f.name == gowarc.WarcRecordID
	}
	if !hasID {
		id, err := evidence.NewRecordID()
		if err != nil {
			rb.Close()
			return evidence.Record{}, err
		}
		rb.AddWarcHeader(gowarc.WarcRecordID, id)
	}
	for _, f := range fields {
		rb.AddWarcHeader(f.name, f.value)
	}
	if ww.infoID != "" {
		rb.AddWarcHeader(gowarc.WarcWarcinfoID, ww.infoID)
	}
	if _, err := rb.Write(block); err != nil {
		rb.Close()
		return evidence.Record{}, fmt.Errorf("buffering %s record: %w", typ, err)
	}
	rec, _, err := rb.Build()
	if err != nil {
		return evidence.Record{}, fmt.Errorf("building %s record: %w", typ, err)
	}
	defer rec.Close()
	ww.gz.Reset(ww.bw)
	if _, _, err := ww.m.Marshal(ww.gz, rec, 0); err != nil {
		return evidence.Record{}, fmt.Errorf("writing %s record: %w", typ, err)
	}
	if err := ww.gz.Close(); err != nil {
		return evidence.Record{}, fmt.Errorf("compressing %s record: %w", typ, err)
	}
	h := rec.WarcHeader()
	ref := evidence.Record{
		ID:            h.Get(gowarc.WarcRecordID),
		Type:          typ.String(),
		URI:           h.Get(gowarc.WarcTargetURI),
		BlockDigest:   h.Get(gowarc.WarcBlockDigest),
		PayloadDigest: h.Get(gowarc.WarcPayloadDigest),
	}
	ww.refs = append(ww.refs, ref)
	return ref, nil
}

// writeAll writes every record of one target and returns its manifest
// entry (without the file's own name and digest, known only at the end).
func (ww *warcWriter) writeAll(name string, res *Result, exchanges []Exchange, whois *rules.Whois, crawl map[string]string) (*evidence.Entry, error) {
	start := res.URL
	if len(exchanges) > 0 {
		// The first and the smartphone fetch both start at the start URL,
		// and every other fetch begins after them.
		start = exchanges[0].URL
	}
	now := time.Now().UTC()

	info := []field{
		{"software", infoSoftware + " " + buildinfo.Version()},
		{"format", "WARC File Format 1.1"},
		{"conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"},
		{"description", "evidence of one shopcheck check: every HTTP request and response, the WHOIS/RDAP answer and the result"},
		{infoTarget, res.Target},
		{infoStartURL, start},
		{infoCheckedAt, res.CheckedAt},
	}
	keys := make([]string, 0, len(crawl))
	for k := range crawl {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		info = append(info, field{k, crawl[k]})
	}
	var block bytes.Buffer
	for _, f := range info {
		block.WriteString(f.name + ": " + oneLine(f.value) + "\r\n")
	}
	ref, err := ww.add(gowarc.Warcinfo, []field{
		{gowarc.WarcDate, now.Format(time.RFC3339Nano)},
		{gowarc.WarcFilename, name},
		{gowarc.ContentType, gowarc.ApplicationWarcFields},
	}, block.Bytes())
	if err != nil {
		return nil, err
	}
	ww.infoID = ref.ID

	// The response record whose payload is each page's body, for the
	// manifest's pages.
	type bodyKey struct{ url, sum string }
	bodies := map[bodyKey]string{}
	for _, ex := range exchanges {
		respRef, sum, err := ww.addExchange(ex)
		if err != nil {
			return nil, err
		}
		k := bodyKey{ex.URL, sum}
		if _, ok := bodies[k]; !ok {
			bodies[k] = respRef.ID
		}
	}

	about := []field{}
	if res.URL != "" {
		about = append(about, field{gowarc.WarcTargetURI, res.URL})
	}
	if whois != nil {
		w := evidence.Whois{Domain: res.Domain, Registrar: whois.Registrar, Server: whois.Server, Raw: whois.Raw}
		if !whois.Created.IsZero() {
			w.Created = whois.Created.Format(time.RFC3339) // with the registry's offset: its date stays its date
		}
		b, err := marshalJSON(w)
		if err != nil {
			return nil, fmt.Errorf("encoding WHOIS answer: %w", err)
		}
		if _, err := ww.add(gowarc.Metadata, append([]field{
			{gowarc.WarcDate, now.Format(time.RFC3339Nano)},
			{gowarc.ContentType, evidence.ContentTypeWhois},
		}, about...), b); err != nil {
			return nil, err
		}
	}
	b, err := marshalJSON(res)
	if err != nil {
		return nil, fmt.Errorf("encoding result: %w", err)
	}
	if _, err := ww.add(gowarc.Metadata, append([]field{
		{gowarc.WarcDate, now.Format(time.RFC3339Nano)},
		{gowarc.ContentType, evidence.ContentTypeResult},
	}, about...), b); err != nil {
		return nil, err
	}

	e := &evidence.Entry{
		Target:    res.Target,
		CheckedAt: res.CheckedAt,
		URL:       res.URL,
		Risk:      string(res.Risk),
		Records:   ww.refs,
		Pages:     []evidence.Page{},
	}
	for _, p := range res.Pages {
		e.Pages = append(e.Pages, evidence.Page{URL: p.URL, SHA256: p.SHA256, Record: bodies[bodyKey{p.URL, p.SHA256}]})
	}
	return e, nil
}

// addExchange writes the request and the response record of one exchange
// and returns the response's manifest fields and the hex SHA-256 of its
// body.
func (ww *warcWriter) addExchange(ex Exchange) (evidence.Record, string, error) {
	u, err := url.Parse(ex.URL)
	if err != nil {
		return evidence.Record{}, "", fmt.Errorf("exchange with a bad URL %q: %w", ex.URL, err)
	}
	at := ex.Time
	if at.IsZero() {
		at = time.Now()
	}
	date := at.UTC().Format(time.RFC3339Nano)
	proto := ex.Proto
	if !strings.HasPrefix(proto, "HTTP/") {
		proto = "HTTP/1.1"
	}
	respID, err := evidence.NewRecordID()
	if err != nil {
		return evidence.Record{}, "", err
	}
	stored := ex.Body
	if ex.Wire != nil {
		stored = ex.Wire
	}
	sum := sha256.Sum256(stored)
	hexSum := hex.EncodeToString(sum[:])

	// The request as sent.
	method := ex.Method
	if method == "" {
		method = http.MethodGet
	}
	var req bytes.Buffer
	req.WriteString(method + " " + u.RequestURI() + " " + proto + "\r\n")
	host := ex.ReqHeader.Get("Host")
	if host == "" {
		host = u.Host
	}
	req.WriteString("Host: " + oneLine(host) + "\r\n")
	writeHeader(&req, ex.ReqHeader, "Host")
	req.WriteString("\r\n")
	reqFields := []field{
		{gowarc.WarcDate, date},
		{gowarc.WarcTargetURI, ex.URL},
		{gowarc.ContentType, "application/http;msgtype=request"},
		{gowarc.WarcConcurrentTo, respID},
	}
	if ip := net.ParseIP(ex.RemoteIP); ip != nil {
		reqFields = append(reqFields, field{gowarc.WarcIPAddress, ip.String()})
	}
	if _, err := ww.add(gowarc.Request, reqFields, req.Bytes()); err != nil {
		return evidence.Record{}, "", err
	}

	// The response as received: its headers, and its body as it came (a
	// content-coded one as sent, else as the checker read it).
	var resp bytes.Buffer
	status := strings.TrimSpace(ex.StatusText)
	if status == "" || !strings.HasPrefix(status, strconv.Itoa(ex.Status)) {
		status = strconv.Itoa(ex.Status) + " " + http.StatusText(ex.Status)
	}
	resp.WriteString(proto + " " + oneLine(status) + "\r\n")
	writeHeader(&resp, ex.RespHeader, "")
	resp.WriteString("\r\n")
	resp.Write(stored)
	// warcLocalIP is our own WARC field: the address the fetcher connected
	// from (a page that echoes the visitor's address shows this one).
	const warcLocalIP = "Shopcheck-Local-IP"
	respFields := []field{
		{gowarc.WarcRecordID, respID},
		{gowarc.WarcDate, date},
		{gowarc.WarcTargetURI, ex.URL},
		{gowarc.ContentType, "application/http;msgtype=response"},
	}
	if ip := net.ParseIP(ex.RemoteIP); ip != nil {
		respFields = append(respFields, field{gowarc.WarcIPAddress, ip.String()})
	}
	if ip := net.ParseIP(ex.LocalIP); ip != nil {
		respFields = append(respFields, field{warcLocalIP, ip.String()})
	}
	if ex.Truncated || ex.WireTruncated || ex.Cut != "" {
		// The WARC standard's reasons: length (the cap), time (a stall
		// past --timeout), disconnect (the server closed).
		reason := "length"
		switch {
		case ex.Cut != "" && ex.CutTimed:
			reason = "time"
		case ex.Cut != "":
			reason = "disconnect"
		}
		respFields = append(respFields, field{gowarc.WarcTruncated, reason})
	}
	ref, err := ww.add(gowarc.Response, respFields, resp.Bytes())
	if err != nil {
		return evidence.Record{}, "", err
	}
	if got, ok := evidence.HexOfDigest(ref.PayloadDigest); !ok || got != hexSum {
		return evidence.Record{}, "", fmt.Errorf("the response record of %s has payload digest %s, not the body's sha256:%s", ex.URL, ref.PayloadDigest, hexSum)
	}
	return ref, hexSum, nil
}

// writeHeader writes h sorted by name (the order on the wire is not kept
// by net/http), each value on its own line, leaving out skip.
func writeHeader(b *bytes.Buffer, h http.Header, skip string) {
	keys := make([]string, 0, len(h))
	for k := range h {
		if k != skip && validFieldName(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			b.WriteString(k + ": " + oneLine(v) + "\r\n")
		}
	}
}

// validFieldName reports whether k can be written as an HTTP field name.
func validFieldName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`()<>@,;:\"/[]?={}`, c) >= 0 {
			return false
		}
	}
	return true
}

// oneLine keeps a header value on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}
