package checker

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestListenQueue reads the accept queues of listeners made here: one with
// a queue of 3 (as Python's servers make them, with 5), empty and then with
// two connections waiting, one made by Go (the system's maximum,
// thousands), and a port nothing listens on.
func TestListenQueue(t *testing.T) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 3); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	small := sa.(*syscall.SockaddrInet4).Port
	q, ok := listenQueue(small)
	if !ok {
		t.Skip("sock_diag cannot be asked here (a sandbox?): servers are held to LocalPerPort")
	}
	if q != (acceptQueue{backlog: 3}) {
		t.Errorf("a listener with a queue of 3, nothing waiting: read %+v", q)
	}
	// Two connections that it does not accept wait in its queue.
	for range 2 {
		c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(small))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	if q, _ := listenQueue(small); q != (acceptQueue{backlog: 3, waiting: 2}) {
		t.Errorf("two connections not accepted: read %+v", q)
	}

	ln := listenLocal(t)
	port := ln.Addr().(*net.TCPAddr).Port
	if q, ok := listenQueue(port); !ok || q.backlog < localNoLimit {
		t.Errorf("Go's listener: read %+v, %v; want its long queue (net.core.somaxconn)", q, ok)
	}

	ln.Close() // nothing listens there now
	if q, ok := listenQueue(port); ok {
		t.Errorf("a closed port: read %+v", q)
	}
}

// BenchmarkListenQueue is one look at a listener's accept queue, what a
// local gate pays at most every lookEvery while requests wait.
func BenchmarkListenQueue(b *testing.B) {
	port := listenLocal(b).Addr().(*net.TCPAddr).Port
	if _, ok := listenQueue(port); !ok {
		b.Skip("sock_diag cannot be asked here")
	}
	for b.Loop() {
		listenQueue(port)
	}
}

// TestFetchSlowServerShortQueue: a server on this machine with a queue of
// five (as Python's http.server makes it) that closes its connections and
// takes its time to answer, not to accept, gets more than six requests at
// once: the kernel shows its queue empty. Against the real kernel.
func TestFetchSlowServerShortQueue(t *testing.T) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 5); err != nil {
		t.Fatal(err)
	}
	file := os.NewFile(uintptr(fd), "listener")
	ln, err := net.FileListener(file)
	file.Close()
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if _, ok := listenQueue(port); !ok {
		ln.Close()
		t.Skip("sock_diag cannot be asked here (a sandbox?): servers are held to LocalPerPort")
	}
	var maxSeen, waitFor atomic.Int64
	srv := &http.Server{Handler: inFlightHandler(&maxSeen, &waitFor, func(w http.ResponseWriter) {
		fmt.Fprint(w, "ok")
	})}
	srv.SetKeepAlivesEnabled(false)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{fmt.Sprintf("*:%d:127.0.0.1", port)}})
	base := fmt.Sprintf("http://shop.test:%d/", port)
	if _, err := f.Fetch(context.Background(), Request{URL: base + "first"}); err != nil { // 50 ms: the server's pace
		t.Fatal(err)
	}
	const want = 12
	maxSeen.Store(0)
	waitFor.Store(want) // each request is held until twelve are in flight (at most 5 s)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s%d", base, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := maxSeen.Load(); m < want {
		t.Errorf("a server slow to answer with a queue of five: %d requests at once, want %d", m, want)
	}
}
