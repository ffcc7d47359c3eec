package checker

import (
	"net"
	"strconv"
	"syscall"
	"testing"
)

// TestListenQueue reads the accept queues of listeners made here: one with
// a queue of 3 (as Python's servers make them, with 5), one made by Go
// (the system's maximum, thousands), and a port nothing listens on.
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
	n, ok := listenQueue(small)
	if !ok {
		t.Skip("sock_diag cannot be asked here (a sandbox?): servers are held to LocalPerPort")
	}
	if n != 3 {
		t.Errorf("a listener with a queue of 3: read %d", n)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	port, _ := strconv.Atoi(p)
	if n, ok := listenQueue(port); !ok || n < localNoLimit {
		t.Errorf("Go's listener: read %d, %v; want its long queue (net.core.somaxconn)", n, ok)
	}

	ln.Close() // nothing listens there now
	if n, ok := listenQueue(port); ok {
		t.Errorf("a closed port: read %d", n)
	}
}
