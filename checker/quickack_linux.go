package checker

import (
	"net"
	"syscall"
)

// quickAck wraps a connection to a server on this machine so that what it
// reads is acknowledged at once instead of up to 40 ms later. Servers that
// write an answer's header and body in two sends without TCP_NODELAY (Python's
// http.server with keep-alive) hold the body back until the header is
// acknowledged (Nagle), and the kernel delays that acknowledgement on a
// connection that carries requests and answers in turn: each reused
// connection then waited 40 ms an answer. Loopback only: one more system call
// a read is nothing there, and remote servers are not held up the same way
// by a round trip's worth.
func quickAck(c net.Conn) net.Conn {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return c
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return c
	}
	return &quickAckConn{TCPConn: tc, raw: raw}
}

type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
}

func (c *quickAckConn) Read(p []byte) (int, error) {
	n, err := c.TCPConn.Read(p)
	if n > 0 {
		// Leaves the delayed-acknowledgement mode and sends the one
		// pending (Linux tcp(7), TCP_QUICKACK; not permanent, hence each read).
		c.raw.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
		})
	}
	return n, err
}
