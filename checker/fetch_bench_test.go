package checker

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkFetch is one fetch of a small page over a kept-alive loopback
// connection; BenchmarkFetchPlain is the same request through a bare
// http.Client, the floor the fetcher's own work is measured against.
func BenchmarkFetch(b *testing.B) {
	s := benchServer(b)
	f, err := NewHTTPFetcher(FetchOptions{AllowPrivate: true})
	if err != nil {
		b.Fatal(err)
	}
	defer f.CloseIdleConnections()
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

func benchServer(b *testing.B) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"ja\"><head><title>店</title></head><body><p>商品 %s</p></body></html>", r.URL.Path)
	}))
	b.Cleanup(s.Close)
	return s
}
