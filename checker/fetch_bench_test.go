package checker

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// BenchmarkFetch is one fetch of a small page over a kept-alive loopback
// connection; BenchmarkFetchPlain is the same request through a bare
// http.Client, the floor the fetcher's own work is measured against.
func BenchmarkFetch(b *testing.B) {
	s := benchServer(b)
	f := benchFetcher(b, FetchOptions{AllowPrivate: true})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/item/1"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFetchPlain(b *testing.B) {
	s := benchServer(b)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Get(s.URL + "/item/1")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// benchFetcher makes a fetcher with o, closed when the benchmark ends.
func benchFetcher(b *testing.B, o FetchOptions) *HTTPFetcher {
	f, err := NewHTTPFetcher(o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(f.CloseIdleConnections)
	return f
}

func benchServer(b *testing.B) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"ja\"><head><title>店</title></head><body><p>商品 %s</p></body></html>", r.URL.Path)
	}))
	b.Cleanup(s.Close)
	return s
}

// BenchmarkFetchSplitWrites fetches, one after another over kept-alive
// connections, from a server that writes each answer's header and body in
// two sends with Nagle's algorithm on, as Python's http.server does with
// keep-alive: the body leaves only once the header is acknowledged. Linux
// delays that acknowledgement up to 40 ms on such a connection unless told
// not to (quickAck, from the first stall on); ~0.1 ms an answer with it,
// ~40 ms without.
func BenchmarkFetchSplitWrites(b *testing.B) {
	port := splitWriteServer(b)
	f := benchFetcher(b, FetchOptions{AllowPrivate: true, Resolve: []string{"*:" + port + ":127.0.0.1"}})
	i := 0
	for b.Loop() {
		i++
		u := fmt.Sprintf("http://shop%d.test:%s/item/%d", i%50, port, i)
		if _, err := f.Fetch(context.Background(), Request{URL: u}); err != nil {
			b.Fatal(err)
		}
	}
}

// splitWriteServer serves HTTP/1.1 with keep-alive on 127.0.0.1 the way
// Python's http.server does: each answer's header, then its body, in two
// sends, Nagle's algorithm on. It returns the port.
func splitWriteServer(tb testing.TB) string {
	ln := serveTCP(tb, func(c net.Conn) {
		defer c.Close()
		c.(*net.TCPConn).SetNoDelay(false)
		br := bufio.NewReader(c)
		for {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			io.Copy(io.Discard, req.Body)
			body := "<html><body><p>" + req.URL.Path + "</p></body></html>"
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(body))
			io.WriteString(c, body)
		}
	})
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// BenchmarkCheckSmall checks one small page a time over loopback, as a
// batch does for each target (the page, its smartphone copy, parsing,
// scoring, the result), against BenchmarkFetchBoth: the same two requests
// and nothing else. Run with -cpu 1 under /usr/bin/time: the CPU a check
// costs beyond its two requests is what a batch pays beyond a plain fetch
// (this machine: ~165 us against ~125 us, server included).
func BenchmarkCheckSmall(b *testing.B) {
	s := benchServer(b)
	f := benchFetcher(b, FetchOptions{AllowPrivate: true})
	c := New(Options{}, f, nil, nil)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if r := c.Check(context.Background(), fmt.Sprintf("%s/item/%d", s.URL, i)); r.Error != nil {
			b.Fatal(r.Error)
		}
	}
}

func BenchmarkFetchBoth(b *testing.B) {
	s := benchServer(b)
	f := benchFetcher(b, FetchOptions{AllowPrivate: true})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		u := fmt.Sprintf("%s/item/%d", s.URL, i)
		done := make(chan error, 1)
		go func() {
			_, err := f.Fetch(context.Background(), Request{URL: u, Mobile: true})
			done <- err
		}()
		if _, err := f.Fetch(context.Background(), Request{URL: u}); err != nil {
			b.Fatal(err)
		}
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
}
