package checker

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"syscall"
	"testing"
)

// TestQuickAckOnLoopback: a connection to this machine acknowledges what it
// read at once. After requests and answers in turn the kernel puts a
// connection in its delayed-acknowledgement mode (TCP_QUICKACK reads 0; five
// exchanges are past the threshold of every kernel since 5.1); each read
// through the wrapper takes it out again,
// so that a server holding its body back until its header is acknowledged
// (Nagle, Python's http.server with keep-alive) does not wait 40 ms.
func TestQuickAckOnLoopback(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ok")
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})
	c, err := f.dialContext(context.Background(), "tcp", "127.0.0.1:"+s.port)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, ok := c.(*quickAckConn); !ok {
		t.Fatalf("a loopback connection is a %T, want *quickAckConn", c)
	}
	br := bufio.NewReader(c)
	for i := range 5 {
		if _, err := fmt.Fprintf(c, "GET /%d HTTP/1.1\r\nHost: shop.test\r\n\r\n", i); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := io.ReadAll(resp.Body); string(b) != "ok" {
			t.Fatalf("answer %d: %q", i, b)
		}
		resp.Body.Close()
	}
	raw, err := c.(*quickAckConn).SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var v int
	var gerr error
	raw.Control(func(fd uintptr) {
		v, gerr = syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK)
	})
	if gerr != nil {
		t.Fatal(gerr)
	}
	if v != 1 {
		t.Errorf("TCP_QUICKACK after the last answer was read: %d, want 1 (acknowledge at once)", v)
	}
}
