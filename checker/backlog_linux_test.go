package checker

import (
	"net"
	"strconv"
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

	ln, port := goListener(t)
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
	_, port := goListener(b)
	if _, ok := listenQueue(port); !ok {
		b.Skip("sock_diag cannot be asked here")
	}
	for b.Loop() {
		listenQueue(port)
	}
}

// goListener listens on a port of 127.0.0.1 as Go's servers do, until the
// test ends.
func goListener(tb testing.TB) (net.Listener, int) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	return ln, ln.Addr().(*net.TCPAddr).Port
}
