package checker

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// TestQuickAck: connections to this machine acknowledge what they read at
// once after, and only after, the server there has been seen to wait for
// an acknowledgement in the middle of an answer.
func TestQuickAck(t *testing.T) {
	// fetchAll fetches 30 pages of the server at port, one after another,
	// and counts those that took stallWait or more.
	fetchAll := func(f *HTTPFetcher, port string) (slow int) {
		for i := range 30 {
			u := fmt.Sprintf("http://shop%d.test:%s/item/%d", i%3, port, i)
			start := time.Now()
			resp, err := f.Fetch(context.Background(), Request{URL: u})
			if err != nil {
				t.Fatal(err)
			}
			if time.Since(start) >= stallWait {
				slow++
			}
			if want := fmt.Sprintf("/item/%d", i); !bytes.Contains(resp.Body, []byte(want)) {
				t.Fatalf("%s: body %q", u, resp.Body)
			}
		}
		return slow
	}

	// A server that sends each answer at once never waits: no extra
	// packets for it.
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.URL.Path)
	}), false)
	port := splitWriteServer(t)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{"*:" + s.port + ":127.0.0.1", "*:" + port + ":127.0.0.1"}})
	fetchAll(f, s.port)
	if p := &f.local(s.port).ack; p.on.Load() || p.acks.Load() != 0 {
		t.Errorf("%d acknowledgements sent at once to a server that never waited for one", p.acks.Load())
	}

	// Python's way (header and body in two sends, Nagle on): after 30
	// answers over one kept-alive connection the delayed acknowledgement
	// has held one up (Linux acknowledges the first segments of a
	// connection at once, then delays), and the port is marked.
	slow := fetchAll(f, port)
	if p := &f.local(port).ack; !p.on.Load() || p.acks.Load() == 0 {
		if slow < 3 {
			// Not a wait to notice: this system's TCP (a sandbox's
			// network stack, say) sent the acknowledgements at once. (One
			// or two slow answers are a busy machine, not a stall on
			// every answer.)
			t.Skip("the Nagle server's answers did not wait: this system does not delay acknowledgements")
		}
		t.Fatal("a server that waits for acknowledgements was not noticed")
	}

	// Once a port is marked, every read on a connection to it is
	// acknowledged. After requests and answers in turn (the Go server's:
	// no delayed acknowledgement expires, which would end the mode itself)
	// the kernel would have put the connection in its delayed-
	// acknowledgement mode (TCP_QUICKACK reads 0; five exchanges are past
	// the threshold of every kernel since 5.1); a read takes it out.
	f.local(s.port).ack.on.Store(true)
	c, err := f.dialContext(context.Background(), "tcp", "127.0.0.1:"+s.port)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	qc, ok := c.(*quickAckConn)
	if !ok {
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
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	raw, err := qc.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var v int
	var gerr error
	raw.Control(func(fd uintptr) {
		v, gerr = syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK)
	})
	if gerr != nil {
		t.Skipf("TCP_QUICKACK cannot be read here: %v", gerr)
	}
	if v != 1 {
		t.Errorf("TCP_QUICKACK after the last answer was read: %d, want 1 (acknowledge at once)", v)
	}
}
