package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

// gzipBomb is 256 MiB of zeros, about 1 MB on the wire.
func gzipBomb() []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 256; i++ {
		zw.Write(zeros)
	}
	zw.Close()
	return b.Bytes()
}

// hostileServer plays the servers criminals run: it drips, floods, bombs,
// loops and babbles, each on its own path.
func hostileServer(t *testing.T, bomb []byte) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	junk, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", "junk.bin"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 600; i++ {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>安い</p>"), 8192)
		for sent := 0; sent < 200<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop2", http.StatusFound)
	})
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/junk", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(junk)
	})
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// TestHostileTargets drives the CLI over hostile servers and malformed
// targets: each gets exactly one record, in time, and the run goes on.
func TestHostileTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out deadlines")
	}
	srv, _ := hostileServer(t, gzipBomb())
	targets := []struct {
		target string
		code   string // "" = a page (maybe truncated), no error
	}{
		{srv.URL + "/drip", ""},
		{srv.URL + "/huge", ""},
		{srv.URL + "/bomb", ""},
		{srv.URL + "/loop", checker.CodeTooManyRedirects},
		{srv.URL + "/junk", ""},
		{srv.URL + "/silent", checker.CodeTimeout},
		{"ftp://example.jp/", checker.CodeUnsupportedScheme},
		{"http://exa mple.jp/", checker.CodeInvalidTarget},
		{"::::", checker.CodeInvalidTarget},
		{"./no/such/page.html", checker.CodeInvalidTarget},
	}
	var list strings.Builder
	for _, tt := range targets {
		list.WriteString(tt.target + "\n")
	}
	var out, errOut bytes.Buffer
	start := time.Now()
	code := run(context.Background(), []string{"check", "-l", "-", "--json", "--allow-private", "--no-whois",
		"--timeout", "1s", "--site-timeout", "4s", "--max-body", "1048576", "--no-progress"},
		&Streams{In: strings.NewReader(list.String()), Out: &out, Err: &errOut})
	elapsed := time.Since(start)
	if code != exitTargetFail {
		t.Errorf("exit code %d, want %d (some targets failed); stderr: %s", code, exitTargetFail, errOut.String())
	}
	got := map[string]checker.Result{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r checker.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("broken JSON line %q: %v", line, err)
		}
		if _, dup := got[r.Target]; dup {
			t.Errorf("target %s reported twice", r.Target)
		}
		got[r.Target] = r
	}
	for _, tt := range targets {
		r, ok := got[strings.TrimSpace(tt.target)]
		if !ok {
			t.Errorf("no record for %s", tt.target)
			continue
		}
		switch {
		case tt.code == "" && r.Error != nil:
			t.Errorf("%s: error %+v, want a (possibly truncated) page", tt.target, r.Error)
		case tt.code != "" && (r.Error == nil || r.Error.Code != tt.code):
			t.Errorf("%s: error %+v, want code %s", tt.target, r.Error, tt.code)
		}
	}
	for _, p := range []string{"/huge", "/bomb"} {
		r := got[srv.URL+p]
		if len(r.Pages) == 0 || !r.Pages[0].Truncated || r.Pages[0].Bytes != 1<<20 {
			t.Errorf("%s: pages %+v, want the first cut at --max-body (1 MiB) and marked truncated", p, r.Pages)
		}
	}
	// Every wait has a deadline: the run ended (a wait without one would
	// hang it until the test binary's own timeout). How long it took is
	// told, not judged: that is a machine's speed.
	t.Logf("hostile run took %v", elapsed.Round(time.Millisecond))
}

// TestNonPublicAddressesRefused checks that, without --allow-private, no
// loopback, link-local or otherwise non-public address is fetched, however
// it is spelled, and that no connection reaches the server.
func TestNonPublicAddressesRefused(t *testing.T) {
	srv, conns := hostileServer(t, nil)
	u, _ := url.Parse(srv.URL)
	port := u.Port()
	targets := []string{
		"http://127.0.0.1:" + port + "/junk",
		"http://[::1]:" + port + "/junk",
		"http://0x7f000001:" + port + "/junk",
		"http://2130706433:" + port + "/junk",
		"http://127.1:" + port + "/junk",
		"http://169.254.169.254/latest/meta-data/",
		"http://localhost:" + port + "/junk",
		"http://shop.localhost:" + port + "/junk",
		"http://loopback.example.jp:" + port + "/junk",
		"http://10.0.0.1/",
		"http://[::ffff:127.0.0.1]:" + port + "/junk",
	}
	var out, errOut bytes.Buffer
	args := []string{"check", "--json", "--no-whois", "--timeout", "2s", "--no-progress",
		"--resolve", "loopback.example.jp:" + port + ":127.0.0.1"}
	code := run(context.Background(), append(args, targets...), &Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	if code != exitTargetFail {
		t.Errorf("exit code %d, want %d; stderr: %s", code, exitTargetFail, errOut.String())
	}
	n := 0
	dec := json.NewDecoder(&out)
	for {
		var r checker.Result
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		if r.Error == nil || r.Error.Code != checker.CodeBlockedAddress {
			t.Errorf("%s: error %+v, want blocked-address", r.Target, r.Error)
		}
		if r.Risk != "error" && r.Risk != "medium" && r.Risk != "high" {
			t.Errorf("%s: risk %s", r.Target, r.Risk)
		}
	}
	if n != len(targets) {
		t.Errorf("%d records for %d targets", n, len(targets))
	}
	if c := conns.Load(); c != 0 {
		t.Errorf("%d connections reached the server; want none", c)
	}
}
