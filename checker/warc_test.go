package checker

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
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/text/encoding/japanese"

	"github.com/shopcheck/shopcheck/internal/evidence"
	"github.com/shopcheck/shopcheck/rules"
)

// sjisPage is a Shift_JIS shop page: its bytes must survive the WARC
// round trip untouched (the charset is decoded only when scoring).
func sjisPage(t testing.TB) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(
		"<html><head><meta charset=\"Shift_JIS\"><title>激安ブランド通販</title></head>" +
			"<body><h1>お支払いは銀行振込のみ</h1><p>振込先 みずほ銀行 普通 1234567 ヤマダタロウ</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// handCapture is a check as the pipeline would hand it to the recorder: a
// redirect, the Shift_JIS first page for desktop and phone, and a crawled
// page cut at the byte limit.
func handCapture(t testing.TB) (*Result, []Exchange, *rules.Whois) {
	t.Helper()
	at := time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)
	page := sjisPage(t)
	phone := []byte("<html><body>スマートフォン版</body></html>")
	long := bytes.Repeat([]byte("特定商取引法に基づく表記 "), 200)
	hdr := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Add(kv[i], kv[i+1])
		}
		return h
	}
	desk := hdr("Host", "shop.test", "User-Agent", DefaultUserAgent, "Accept-Encoding", "gzip")
	mob := hdr("Host", "shop.test", "User-Agent", DefaultMobileUserAgent, "Accept-Encoding", "gzip")
	ex := []Exchange{
		{Time: at, Method: "GET", URL: "http://shop.test/", ReqHeader: desk, Proto: "HTTP/1.1", Status: 302, StatusText: "302 Found",
			RespHeader: hdr("Location", "https://shop.test/ja/", "Content-Length", "0"), RemoteIP: "192.0.2.10"},
		{Time: at.Add(40 * time.Millisecond), Method: "GET", URL: "https://shop.test/ja/", ReqHeader: desk, Proto: "HTTP/2.0", Status: 200, StatusText: "200 OK",
			RespHeader: hdr("Content-Type", "text/html; charset=Shift_JIS", "Set-Cookie", "a=1", "Set-Cookie", "b=2"), Body: page, RemoteIP: "192.0.2.10"},
		{Time: at.Add(45 * time.Millisecond), Method: "GET", URL: "http://shop.test/", ReqHeader: mob, Proto: "HTTP/1.1", Status: 302, StatusText: "302 Found",
			RespHeader: hdr("Location", "/sp/"), RemoteIP: "192.0.2.10"},
		{Time: at.Add(90 * time.Millisecond), Method: "GET", URL: "http://shop.test/sp/", ReqHeader: mob, Proto: "HTTP/1.1", Status: 200, StatusText: "200 OK",
			RespHeader: hdr("Content-Type", "text/html; charset=utf-8"), Body: phone, RemoteIP: "192.0.2.10"},
		{Time: at.Add(200 * time.Millisecond), Method: "GET", URL: "https://shop.test/ja/law.html", ReqHeader: desk, Proto: "HTTP/2.0", Status: 200, StatusText: "200 OK",
			RespHeader: hdr("Content-Type", "text/html; charset=utf-8", "Content-Length", "99999"), Body: long, Truncated: true, RemoteIP: "2001:db8::7"},
	}
	res := &Result{
		Target: "shop.test", URL: "https://shop.test/ja/", Domain: "shop.test", Risk: rules.RiskHigh, Score: 55,
		Signs:     []rules.Sign{{ID: "payment-transfer-only", Severity: rules.High, Points: 25, Message: "x", Evidence: "銀行振込のみ", URL: "https://shop.test/ja/"}},
		Advice:    []AdviceBlock{},
		Redirects: []string{"http://shop.test/"},
		Pages: []PageInfo{
			{URL: "https://shop.test/ja/", Status: 200, ContentType: "text/html; charset=Shift_JIS", Bytes: len(page), SHA256: sum(page)},
			{URL: "http://shop.test/sp/", Status: 200, ContentType: "text/html; charset=utf-8", Bytes: len(phone), SHA256: sum(phone)},
			{URL: "https://shop.test/ja/law.html", Status: 200, ContentType: "text/html; charset=utf-8", Bytes: len(long), Truncated: true, SHA256: sum(long)},
		},
		CheckedAt: at.Format(time.RFC3339),
	}
	w := &rules.Whois{Created: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), Registrar: "Example Registrar", Server: "whois.example.test", Raw: "Domain Name: shop.test\r\nCreation Date: 2025-02-01T00:00:00Z\r\n"}
	return res, ex, w
}

// record writes one capture into a fresh evidence folder and returns the
// folder and the manifest entry.
func record(t *testing.T, res *Result, ex []Exchange, w *rules.Whois) (string, evidence.Entry) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "evidence")
	rec, err := NewWARCRecorder(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec.SetCrawlOptions(6, false, false)
	if err := rec.Record(context.Background(), res, ex, w); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	entries, problems, err := evidence.ReadManifest(dir)
	if err != nil || len(problems) > 0 || len(entries) != 1 {
		t.Fatalf("manifest: %v %v %d entries", err, problems, len(entries))
	}
	return dir, entries[0]
}

// rawRecord is a WARC record read without the library.
type rawRecord struct {
	version string
	header  map[string]string
	block   []byte
}

// readRaw reads a .warc.gz file independently of the WARC library: each
// gzip member must hold exactly one record; headers are parsed by hand.
func readRaw(t *testing.T, path string) []rawRecord {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(bytes.NewReader(data))
	var out []rawRecord
	for {
		if _, err := br.Peek(1); err == io.EOF {
			break
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			t.Fatalf("member %d: %v", len(out), err)
		}
		zr.Multistream(false)
		member, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("member %d: %v", len(out), err)
		}
		head, rest, ok := bytes.Cut(member, []byte("\r\n\r\n"))
		if !ok {
			t.Fatalf("member %d: no end of WARC header", len(out))
		}
		lines := strings.Split(string(head), "\r\n")
		r := rawRecord{version: lines[0], header: map[string]string{}}
		for _, l := range lines[1:] {
			k, v, ok := strings.Cut(l, ": ")
			if !ok {
				t.Fatalf("member %d: bad header line %q", len(out), l)
			}
			r.header[k] = v
		}
		n, err := strconv.Atoi(r.header["Content-Length"])
		if err != nil || n+4 != len(rest) || string(rest[n:]) != "\r\n\r\n" {
			t.Fatalf("member %d: Content-Length %q does not frame the block (%d bytes after header)", len(out), r.header["Content-Length"], len(rest))
		}
		r.block = rest[:n]
		out = append(out, r)
	}
	return out
}

func TestWARCRecorderRoundTrip(t *testing.T) {
	res, ex, w := handCapture(t)
	dir, entry := record(t, res, ex, w)
	path := filepath.Join(dir, entry.File)

	if want := evidence.FileName("shop.test", time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC), 1); entry.File != want {
		t.Errorf("file %q, want %q", entry.File, want)
	}
	if entry.Target != res.Target || entry.CheckedAt != res.CheckedAt || entry.URL != res.URL || entry.Risk != "high" {
		t.Errorf("entry = %+v", entry)
	}

	// Independent reading: every digest recomputed by hand.
	raw := readRaw(t, path)
	wantTypes := []string{"warcinfo"}
	for range ex {
		wantTypes = append(wantTypes, "request", "response")
	}
	wantTypes = append(wantTypes, "metadata", "metadata")
	if len(raw) != len(wantTypes) {
		t.Fatalf("%d records, want %d", len(raw), len(wantTypes))
	}
	for i, r := range raw {
		if r.version != "WARC/1.1" || r.header["WARC-Type"] != wantTypes[i] {
			t.Errorf("record %d: %s %s, want WARC/1.1 %s", i, r.version, r.header["WARC-Type"], wantTypes[i])
		}
		if got := "sha256:" + sum(r.block); r.header["WARC-Block-Digest"] != got {
			t.Errorf("record %d: block digest %s, content gives %s", i, r.header["WARC-Block-Digest"], got)
		}
		if entry.Records[i].ID != r.header["WARC-Record-ID"] || entry.Records[i].BlockDigest != r.header["WARC-Block-Digest"] {
			t.Errorf("record %d: manifest %+v, file id %s", i, entry.Records[i], r.header["WARC-Record-ID"])
		}
		if i > 0 && r.header["WARC-Warcinfo-ID"] != raw[0].header["WARC-Record-ID"] {
			t.Errorf("record %d does not name the warcinfo", i)
		}
		if r.header["WARC-Type"] != "response" {
			continue
		}
		e := ex[(i-1)/2]
		_, payload, ok := bytes.Cut(r.block, []byte("\r\n\r\n"))
		if !ok || !bytes.Equal(payload, e.Body) {
			t.Errorf("record %d (%s): payload is not the body as received", i, e.URL)
		}
		if got := "sha256:" + sum(payload); r.header["WARC-Payload-Digest"] != got {
			t.Errorf("record %d: payload digest %s, payload gives %s", i, r.header["WARC-Payload-Digest"], got)
		}
		if r.header["WARC-Target-URI"] != e.URL || r.header["WARC-IP-Address"] != e.RemoteIP {
			t.Errorf("record %d: target %q ip %q", i, r.header["WARC-Target-URI"], r.header["WARC-IP-Address"])
		}
		if _, tr := r.header["WARC-Truncated"]; tr != e.Truncated {
			t.Errorf("record %d: WARC-Truncated present %v, exchange truncated %v", i, tr, e.Truncated)
		}
		req := raw[i-1]
		if req.header["WARC-Concurrent-To"] != r.header["WARC-Record-ID"] {
			t.Errorf("request %d does not point at its response", i-1)
		}
		if !strings.Contains(string(req.block), "User-Agent: "+e.ReqHeader.Get("User-Agent")+"\r\n") {
			t.Errorf("request %d lacks the User-Agent sent: %q", i-1, req.block)
		}
	}
	if !strings.Contains(string(raw[1].block), "GET / HTTP/1.1\r\nHost: shop.test\r\n") {
		t.Errorf("first request block = %q", raw[1].block)
	}
	if !strings.HasPrefix(string(raw[2].block), "HTTP/1.1 302 Found\r\n") || !strings.Contains(string(raw[4].block), "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n") {
		t.Errorf("response blocks: %q / %q", raw[2].block, raw[4].block)
	}
	var stored Result
	if err := json.Unmarshal(raw[len(raw)-1].block, &stored); err != nil || stored.Target != res.Target || len(stored.Signs) != 1 {
		t.Errorf("stored result %+v: %v", stored, err)
	}
	var sw evidence.Whois
	if err := json.Unmarshal(raw[len(raw)-2].block, &sw); err != nil || sw.Created != "2025-02-01T00:00:00Z" || sw.Raw != w.Raw || sw.Domain != "shop.test" {
		t.Errorf("stored whois %+v: %v", sw, err)
	}

	// The manifest ties each page of the result to its response record,
	// with the same sha256 as the result.
	if len(entry.Pages) != len(res.Pages) {
		t.Fatalf("manifest pages %d, want %d", len(entry.Pages), len(res.Pages))
	}
	byID := map[string]rawRecord{}
	for _, r := range raw {
		byID[r.header["WARC-Record-ID"]] = r
	}
	for i, p := range entry.Pages {
		if p.URL != res.Pages[i].URL || p.SHA256 != res.Pages[i].SHA256 {
			t.Errorf("page %d: %+v, result %+v", i, p, res.Pages[i])
		}
		r, ok := byID[p.Record]
		if !ok || r.header["WARC-Payload-Digest"] != "sha256:"+p.SHA256 {
			t.Errorf("page %d: record %q has payload digest %q", i, p.Record, r.header["WARC-Payload-Digest"])
		}
	}

	// The library reads the file strictly: no finding at all.
	rd, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rec, err := range rd.Records() {
		if err != nil {
			t.Fatalf("library, record %d: %v", n, err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("library, record %d: %v", n, rec.Validation)
		}
		rec.Close()
		n++
	}
	rd.Close()
	if n != len(raw) {
		t.Errorf("library read %d records, independent reader %d", n, len(raw))
	}

	// And verify finds everything in order.
	rep, err := evidence.Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || len(rep.Files) != 1 || rep.RecordCount() != len(raw) {
		t.Errorf("verify: ok=%v files=%d records=%d problems=%v %v", rep.OK(), len(rep.Files), rep.RecordCount(), rep.Problems, rep.Files)
	}
}

func TestReadCaptureAndReplayFetcher(t *testing.T) {
	res, ex, w := handCapture(t)
	dir, entry := record(t, res, ex, w)
	cp, err := readCapture(filepath.Join(dir, entry.File))
	if err != nil {
		t.Fatal(err)
	}
	if !cp.ours || cp.target() != "shop.test" || cp.startURL() != "http://shop.test/" {
		t.Errorf("ours=%v target=%q start=%q", cp.ours, cp.target(), cp.startURL())
	}
	if got := cp.capturedAt(); !got.Equal(time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)) {
		t.Errorf("captured at %v", got)
	}
	if mp, mobile, nc, known := cp.crawlOptions(); !known || mp != 6 || mobile || nc {
		t.Errorf("crawl options %d %v %v %v", mp, mobile, nc, known)
	}
	sw := cp.storedWhois()
	if sw == nil || !sw.Created.Equal(w.Created) || sw.Registrar != w.Registrar || sw.Server != w.Server || sw.Raw != w.Raw {
		t.Errorf("whois %+v", sw)
	}
	if len(cp.exchanges) != len(ex) {
		t.Fatalf("%d exchanges, want %d", len(cp.exchanges), len(ex))
	}
	for i, e := range cp.exchanges {
		o := ex[i]
		if e.URL != o.URL || e.Status != o.Status || !bytes.Equal(e.Body, o.Body) || e.Truncated != o.Truncated ||
			e.RemoteIP != o.RemoteIP || e.Proto != o.Proto || !e.Time.Equal(o.Time) || !e.uaKnown ||
			e.mobile != (o.ReqHeader.Get("User-Agent") == DefaultMobileUserAgent) {
			t.Errorf("exchange %d: got %s %d %v mobile=%v, want %s %d", i, e.URL, e.Status, e.Time, e.mobile, o.URL, o.Status)
		}
		if e.RespHeader.Get("Content-Type") != o.RespHeader.Get("Content-Type") {
			t.Errorf("exchange %d: content type %q", i, e.RespHeader.Get("Content-Type"))
		}
	}

	f := newReplayFetcher(cp)
	ctx := context.Background()
	tests := []struct {
		url       string
		mobile    bool
		final     string
		redirects []string
		body      []byte
		truncated bool
	}{
		{"http://shop.test/", false, "https://shop.test/ja/", []string{"http://shop.test/"}, ex[1].Body, false},
		{"HTTP://shop.test/", true, "http://shop.test/sp/", []string{"http://shop.test/"}, ex[3].Body, false},
		{"https://shop.test/ja/", false, "https://shop.test/ja/", nil, ex[1].Body, false},
		{"https://shop.test/ja/law.html", false, "https://shop.test/ja/law.html", nil, ex[4].Body, true},
	}
	for _, tt := range tests {
		r, err := f.Fetch(ctx, Request{URL: tt.url, Mobile: tt.mobile})
		if err != nil {
			t.Errorf("%s mobile=%v: %v", tt.url, tt.mobile, err)
			continue
		}
		if r.URL != tt.final || fmt.Sprint(r.Redirects) != fmt.Sprint(tt.redirects) || !bytes.Equal(r.Body, tt.body) ||
			r.Truncated != tt.truncated || r.Status != 200 || len(r.Exchanges) != len(tt.redirects)+1 {
			t.Errorf("%s mobile=%v: got %s %v %d exchanges truncated=%v", tt.url, tt.mobile, r.URL, r.Redirects, len(r.Exchanges), r.Truncated)
		}
		if want := sum(tt.body); sum(r.Body) != want {
			t.Errorf("%s: body digest changed", tt.url)
		}
	}
	if r, err := f.Fetch(ctx, Request{URL: "https://shop.test/ja/"}); err == nil && r.ContentType != "text/html; charset=Shift_JIS" {
		t.Errorf("content type %q", r.ContentType)
	}
	// Not stored: the desktop never asked for the phone page, nobody for /other.
	for _, req := range []Request{{URL: "https://shop.test/other"}, {URL: "http://shop.test/sp/"}, {URL: "https://shop.test/ja/law.html", Mobile: true}} {
		_, err := f.Fetch(ctx, req)
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeRead || !strings.Contains(e.Msg, "not in the evidence file") {
			t.Errorf("%+v: err = %v, want read / not in the evidence file", req, err)
		}
	}

	wl := replayWhois{domain: "shop.test", w: sw}
	if got, _ := wl.Lookup(ctx, "shop.test"); got == nil || !got.Created.Equal(w.Created) {
		t.Errorf("whois for the stored domain: %+v", got)
	}
	if got, _ := wl.Lookup(ctx, "other.test"); got != nil {
		t.Errorf("whois for another domain: %+v", got)
	}
}

// A chain that the live fetch gave up on is given up on again, with the
// same code; the stored error of the first page comes back when the file
// holds nothing for it.
func TestReplayFetcherFailures(t *testing.T) {
	var ex []storedExchange
	for i := 0; i <= DefaultMaxRedirects; i++ {
		ex = append(ex, storedExchange{Exchange: Exchange{URL: fmt.Sprintf("https://loop.test/%d", i), Status: 302,
			RespHeader: http.Header{"Location": {fmt.Sprintf("/%d", i+1)}}}, uaKnown: true})
	}
	ex = append(ex, storedExchange{Exchange: Exchange{URL: "https://hop.test/", Status: 301,
		RespHeader: http.Header{"Location": {"http://10.0.0.1/"}}}, uaKnown: true})
	cp := &capture{info: map[string]string{infoStartURL: "https://gone.test/"}, exchanges: ex,
		result: &Result{Error: &ErrorInfo{Code: CodeDNS, Message: "could not resolve gone.test: no such host"}}}
	f := newReplayFetcher(cp)
	ctx := context.Background()

	r, err := f.Fetch(ctx, Request{URL: "https://loop.test/0"})
	if CodeOf(err) != CodeTooManyRedirects || r == nil || len(r.Exchanges) != DefaultMaxRedirects+1 {
		t.Errorf("loop: %v, %v", err, r)
	}
	r, err = f.Fetch(ctx, Request{URL: "https://hop.test/"})
	if CodeOf(err) != CodeRead || r == nil || r.URL != "http://10.0.0.1/" || len(r.Redirects) != 1 {
		t.Errorf("cut chain: %v, %+v", err, r)
	}
	_, err = f.Fetch(ctx, Request{URL: "https://gone.test/"})
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeDNS || e.Msg != "could not resolve gone.test: no such host" {
		t.Errorf("start page: %v", err)
	}
}

func TestVerifyFindsChanges(t *testing.T) {
	res, ex, w := handCapture(t)

	t.Run("flipped byte in the compressed file", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		data, _ := os.ReadFile(path)
		data[len(data)/2] ^= 0x01
		os.WriteFile(path, data, 0o644)
		rep, err := evidence.Verify(dir)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() || len(rep.Files[0].Problems) == 0 {
			t.Fatalf("verify found nothing")
		}
		if !strings.Contains(rep.Files[0].Problems[0].Msg, "SHA-256") && !hasProblem(rep, "file's SHA-256") {
			t.Errorf("the file digest mismatch is not reported: %v", rep.Files[0].Problems)
		}
		if _, err := readCapture(path); CodeOf(err) != CodeRead || err == nil {
			t.Errorf("readCapture of a changed file: %v", err)
		}
	})

	// A file checked on its own (verify FILE, check FILE.warc.gz) has no
	// manifest digest to fall back on: the library ended some damaged
	// files quietly, and they read as intact shorter captures.
	damaged := func(t *testing.T, path, what string) {
		t.Helper()
		if fr := evidence.VerifyFile(path); fr.OK() {
			t.Errorf("%s: verify FILE found nothing (%d records)", what, len(fr.Records))
		}
		if _, err := readCapture(path); CodeOf(err) != CodeRead || err == nil {
			t.Errorf("%s: readCapture: %v", what, err)
		}
	}
	t.Run("flipped byte in each gzip member, file alone", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		orig, _ := os.ReadFile(path)
		// Each member's start offset, from the raw file.
		var starts []int
		src := bytes.NewReader(orig)
		br := bufio.NewReader(src)
		for {
			if _, err := br.Peek(1); err == io.EOF {
				break
			}
			starts = append(starts, len(orig)-src.Len()-br.Buffered())
			zr, _ := gzip.NewReader(br)
			zr.Multistream(false)
			io.Copy(io.Discard, zr)
		}
		starts = append(starts, len(orig))
		for m := 0; m+1 < len(starts); m++ {
			for _, at := range []int{starts[m] + (starts[m+1]-starts[m])/2, starts[m+1] - 6} {
				data := append([]byte(nil), orig...)
				data[at] ^= 0x10
				os.WriteFile(path, data, 0o644)
				damaged(t, path, fmt.Sprintf("member %d, byte %d", m, at))
			}
		}
	})
	t.Run("gzip member added, file alone", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		raw := readRawMembers(t, path)
		writeMembers(t, path, append(raw, []byte("appended by someone\r\n")))
		damaged(t, path, "junk member")
	})
	t.Run("records recompressed as one gzip stream", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		raw := readRawMembers(t, path)
		writeMembers(t, path, [][]byte{bytes.Join(raw, nil)})
		damaged(t, path, "one stream")
	})

	t.Run("changed payload, recompressed", func(t *testing.T) {
		// A careful forger rewrites the page and recompresses the member:
		// gzip is then valid, the digests are not.
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		raw := readRawMembers(t, path)
		i := 4 // the Shift_JIS page's response record
		old := sjisPage(t)
		forged, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("クレジットカード"))
		k := bytes.Index(raw[i], old[len(old)-40:])
		if k < 0 {
			t.Fatal("page not found in its record")
		}
		raw[i] = append(append(append([]byte{}, raw[i][:k]...), forged[:8]...), raw[i][k+8:]...)
		writeMembers(t, path, raw)
		rep, err := evidence.Verify(dir)
		if err != nil {
			t.Fatal(err)
		}
		id := entry.Records[i].ID
		if !hasRecordProblem(rep, id, "payload digest does not match") || !hasRecordProblem(rep, id, "block digest does not match") {
			t.Errorf("record %s: payload/block mismatch not reported: %v", id, rep.Files[0].Problems)
		}
		_, err = readCapture(path)
		if CodeOf(err) != CodeRead || err == nil || !strings.Contains(err.Error(), "changed after capture") {
			t.Errorf("readCapture: %v", err)
		}
	})

	t.Run("record removed", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		raw := readRawMembers(t, path)
		writeMembers(t, path, raw[:len(raw)-1])
		rep, _ := evidence.Verify(dir)
		if !hasRecordProblem(rep, entry.Records[len(raw)-1].ID, "does not hold it") {
			t.Errorf("missing record not reported: %v", rep.Files[0].Problems)
		}
	})

	t.Run("file cut short", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		path := filepath.Join(dir, entry.File)
		data, _ := os.ReadFile(path)
		os.WriteFile(path, data[:len(data)-30], 0o644)
		rep, _ := evidence.Verify(dir)
		if rep.OK() || !hasProblem(rep, "cannot be read") {
			t.Errorf("cut file: %v", rep.Files[0].Problems)
		}
	})

	t.Run("file deleted, file added, manifest line broken", func(t *testing.T) {
		dir, entry := record(t, res, ex, w)
		data, _ := os.ReadFile(filepath.Join(dir, entry.File))
		os.WriteFile(filepath.Join(dir, "20250101T000000Z-000000000000.warc.gz"), data, 0o644)
		os.Remove(filepath.Join(dir, entry.File))
		f, _ := os.OpenFile(filepath.Join(dir, evidence.ManifestName), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString(`{"target":"x","file":"../outside.warc.gz"}` + "\n" + `{"target":`)
		f.Close()
		os.WriteFile(filepath.Join(dir, "page.html"), []byte("<p>added</p>"), 0o644)
		os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte("x"), 0o644) // a Mac's litter: ignored
		os.Mkdir(filepath.Join(dir, "more"), 0o755)
		rep, _ := evidence.Verify(dir)
		for _, want := range []string{"the file is missing", "does not list this file", "outside the folder", "incomplete",
			"a file that shopcheck does not write", "a folder that shopcheck does not make"} {
			if !hasProblem(rep, want) {
				t.Errorf("not reported: %q in %v / %v", want, rep.Problems, rep.Files)
			}
		}
		for _, p := range rep.Problems {
			if p.File == ".DS_Store" {
				t.Errorf("a Mac's .DS_Store reported: %v", p)
			}
		}
	})
}

func hasProblem(rep *evidence.Report, text string) bool {
	all := append([]evidence.Problem{}, rep.Problems...)
	for _, f := range rep.Files {
		all = append(all, f.Problems...)
	}
	for _, p := range all {
		if strings.Contains(p.String(), text) {
			return true
		}
	}
	return false
}

func hasRecordProblem(rep *evidence.Report, id, text string) bool {
	for _, f := range rep.Files {
		for _, p := range f.Problems {
			if p.Record == id && strings.Contains(p.Msg, text) {
				return true
			}
		}
	}
	return false
}

// readRawMembers returns the uncompressed gzip members of a file.
func readRawMembers(t *testing.T, path string) [][]byte {
	t.Helper()
	data, _ := os.ReadFile(path)
	br := bufio.NewReader(bytes.NewReader(data))
	var out [][]byte
	for {
		if _, err := br.Peek(1); err == io.EOF {
			return out
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			t.Fatal(err)
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
}

func writeMembers(t *testing.T, path string, members [][]byte) {
	t.Helper()
	var buf bytes.Buffer
	for _, m := range members {
		zw := gzip.NewWriter(&buf)
		zw.Write(m)
		zw.Close()
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Many goroutines record at once: every file whole, every manifest line
// whole, and the same target twice in one second gets two files.
func TestWARCRecorderConcurrent(t *testing.T) {
	dir := t.TempDir()
	rec, err := NewWARCRecorder(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, ex, w := handCapture(t)
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := *res
			if i%3 != 0 {
				r.Target = fmt.Sprintf("../../etc/passwd?%d", i) // hostile text: never in a path
			}
			errs <- rec.Record(context.Background(), &r, ex, w)
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	if err := rec.Record(context.Background(), res, ex, w); err == nil {
		t.Error("Record after Close succeeded")
	}
	entries, problems, err := evidence.ReadManifest(dir)
	if err != nil || len(problems) > 0 || len(entries) != n {
		t.Fatalf("%d entries, problems %v, %v", len(entries), problems, err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		if names[e.File] || strings.ContainsAny(e.File, "/\\") || strings.Contains(e.File, "passwd") {
			t.Errorf("bad or repeated file name %q", e.File)
		}
		names[e.File] = true
	}
	rep, err := evidence.Verify(dir)
	if err != nil || !rep.OK() || len(rep.Files) != n {
		t.Errorf("verify: %v ok=%v files=%d %v", err, rep.OK(), len(rep.Files), rep.Problems)
	}
	left, _ := filepath.Glob(filepath.Join(dir, evidence.TempPrefix+"*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A file from another WARC tool: WARC/1.0, chunked and gzip-encoded body
// as on the wire, no shopcheck metadata.
func TestReadCaptureForeignWARC(t *testing.T) {
	var body bytes.Buffer
	zw := gzip.NewWriter(&body)
	zw.Write([]byte("<html><title>外部ツール</title></html>"))
	zw.Close()
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", body.Len(), body.Bytes())
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
	req := "GET /a HTTP/1.1\r\nHost: other.test\r\nUser-Agent: Wget/1.21\r\n\r\n"
	rec := func(typ, id, extra, block string) string {
		return "WARC/1.0\r\nWARC-Type: " + typ + "\r\nWARC-Record-ID: " + id + "\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n" + extra +
			"Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
	}
	file := rec("request", "<urn:uuid:00000000-0000-0000-0000-000000000001>",
		"WARC-Target-URI: http://other.test/a\r\nContent-Type: application/http;msgtype=request\r\nWARC-Concurrent-To: <urn:uuid:00000000-0000-0000-0000-000000000002>\r\n", req) +
		rec("response", "<urn:uuid:00000000-0000-0000-0000-000000000002>",
			"WARC-Target-URI: http://other.test/a\r\nContent-Type: application/http;msgtype=response\r\n", resp)
	path := filepath.Join(t.TempDir(), "wget.warc")
	os.WriteFile(path, []byte(file), 0o644)
	cp, err := readCapture(path)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ours || len(cp.exchanges) != 1 || cp.startURL() != "http://other.test/a" || cp.target() != "http://other.test/a" {
		t.Fatalf("ours=%v exchanges=%d start=%q", cp.ours, len(cp.exchanges), cp.startURL())
	}
	e := cp.exchanges[0]
	if string(e.Body) != "<html><title>外部ツール</title></html>" || e.mobile || !e.uaKnown || e.RespHeader.Get("Content-Encoding") != "" {
		t.Errorf("exchange: body %q mobile=%v header %v", e.Body, e.mobile, e.RespHeader)
	}
	if !cp.capturedAt().Equal(time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("captured at %v", cp.capturedAt())
	}
}

// benchCapture is handCapture with the first page's body grown to size
// bytes (of varied text, so that it compresses like a real page).
func benchCapture(b *testing.B, size int) (*Result, []Exchange, *rules.Whois) {
	res, ex, w := handCapture(b)
	if size > 0 {
		var body bytes.Buffer
		for i := 0; body.Len() < size; i++ {
			fmt.Fprintf(&body, "<li>商品%d 通常価格 ¥%d → 特価 ¥%d 在庫あり</li>\n", i, 10000+i*37, 1000+i*7)
		}
		ex[1].Body = body.Bytes()[:size]
		res.Pages[0].SHA256, res.Pages[0].Bytes = sum(ex[1].Body), size
	}
	return res, ex, w
}

func benchmarkRecord(b *testing.B, size int) {
	res, ex, w := benchCapture(b, size)
	rec, err := NewWARCRecorder(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer rec.Close()
	n := 0
	for _, e := range ex {
		n += len(e.Body)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := *res
		r.Target = fmt.Sprintf("shop%d.test", i)
		if err := rec.Record(context.Background(), &r, ex, w); err != nil {
			b.Fatal(err)
		}
	}
}

// The evidence of a typical small shop (5 exchanges, about 12 kB).
func BenchmarkWARCRecordSmall(b *testing.B) { benchmarkRecord(b, 0) }

// A first page at the default --max-body limit, 5 MiB.
func BenchmarkWARCRecord5MiB(b *testing.B) { benchmarkRecord(b, 5<<20) }

func benchmarkRead(b *testing.B, size int, verify bool) {
	res, ex, w := benchCapture(b, size)
	dir := b.TempDir()
	rec, _ := NewWARCRecorder(dir)
	if err := rec.Record(context.Background(), res, ex, w); err != nil {
		b.Fatal(err)
	}
	rec.Close()
	files, _ := evidence.Files(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if verify {
			if rep, err := evidence.Verify(dir); err != nil || !rep.OK() {
				b.Fatal(err, rep)
			}
		} else if _, err := readCapture(files[0]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifySmall(b *testing.B)      { benchmarkRead(b, 0, true) }
func BenchmarkVerify5MiB(b *testing.B)       { benchmarkRead(b, 5<<20, true) }
func BenchmarkReadCaptureSmall(b *testing.B) { benchmarkRead(b, 0, false) }
func BenchmarkReadCapture5MiB(b *testing.B)  { benchmarkRead(b, 5<<20, false) }

// An existing file is never replaced: the same target checked again in the
// same second, here or by another process, gets the next name.
func TestWARCRecorderNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	final := filepath.Join(dir, "final.warc.gz")
	os.WriteFile(tmp, []byte("new"), 0o644)
	os.WriteFile(final, []byte("old"), 0o644)
	if err := publish(tmp, final); !errors.Is(err, fs.ErrExist) {
		t.Errorf("publish over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(final); string(b) != "old" {
		t.Errorf("existing file replaced: %q", b)
	}

	res, ex, w := handCapture(t)
	at, _ := time.Parse(time.RFC3339, res.CheckedAt)
	taken := evidence.FileName(res.Target, at, 1)
	os.WriteFile(filepath.Join(dir, taken), []byte("someone else's"), 0o644)
	rec, err := NewWARCRecorder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Record(context.Background(), res, ex, w); err != nil {
		t.Fatal(err)
	}
	rec.Close()
	entries, _, _ := evidence.ReadManifest(dir)
	if len(entries) != 1 || entries[0].File != evidence.FileName(res.Target, at, 2) {
		t.Errorf("entries %+v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, taken)); string(b) != "someone else's" {
		t.Error("existing file replaced")
	}
	raw := readRaw(t, filepath.Join(dir, entries[0].File))
	if raw[0].header["WARC-Filename"] != entries[0].File {
		t.Errorf("warcinfo names %q", raw[0].header["WARC-Filename"])
	}
}

// TestWARCKeepsWhyABodyWasCut: a body the server stalled or closed on is
// stored with WARC-Truncated time or disconnect and read back as cut, not
// as truncated (which the contract keeps for --max-body); one cut at the
// cap stays truncated (length).
func TestWARCKeepsWhyABodyWasCut(t *testing.T) {
	for _, c := range []struct {
		name           string
		truncated, cut bool
		timed          bool
		wantReason     string
		wantT, wantCut bool
	}{
		{"the cap", true, false, false, "length", true, false},
		{"a stall past --timeout", false, true, true, "time", false, true},
		{"a connection closed", false, true, false, "disconnect", false, true},
	} {
		res, ex, w := handCapture(t)
		ex[4].Truncated, ex[4].Cut, ex[4].CutTimed = c.truncated, "", c.timed
		if c.cut {
			ex[4].Cut = "no complete answer"
		}
		dir, entry := record(t, res, ex, w)
		if !bytes.Contains(warcText(t, filepath.Join(dir, entry.File)), []byte("WARC-Truncated: "+c.wantReason+"\r\n")) {
			t.Errorf("%s: no WARC-Truncated: %s in the file", c.name, c.wantReason)
		}
		cp, err := readCapture(filepath.Join(dir, entry.File))
		if err != nil {
			t.Fatal(err)
		}
		got := cp.exchanges[4]
		if got.Truncated != c.wantT || (got.Cut != "") != c.wantCut || got.CutTimed != (c.wantCut && c.timed) {
			t.Errorf("%s: read back truncated %v, cut %q (timed %v)", c.name, got.Truncated, got.Cut, got.CutTimed)
		}
	}
}

// warcText is a .warc.gz file's records as text, every gzip member read.
func warcText(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return text
}
