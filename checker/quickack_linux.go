package checker

import (
	"net"
	"sync/atomic"
	"syscall"
	"time"
)

// quickAck wraps a connection to a server on this machine so that, once
// the server has been seen to wait for acknowledgements (p.on is set), what
// is read is acknowledged at once instead of up to 40 ms later.
//
// Servers that write an answer's header and body in two sends without
// TCP_NODELAY (Python's http.server with keep-alive) hold the body back
// until the header is acknowledged (Nagle), and Linux delays that
// acknowledgement on a connection that carries requests and answers in
// turn: each answer on a reused connection waited 40 ms. Acknowledging
// every read at once costs a packet a read (7 % of a batch's CPU against a
// server that needs none), so it starts when a read in the middle of an
// answer (after a read, no request written since) waited stallWait or
// more, and then holds for every connection to that port (p is shared).
func quickAck(c net.Conn, p *ackPolicy) net.Conn {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return c
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return c
	}
	return &quickAckConn{TCPConn: tc, raw: raw, p: p, readAt: -1}
}

// stallWait is the shortest wait in the middle of an answer taken for a
// delayed acknowledgement (Linux delays one by 40 ms at least).
const stallWait = 30 * time.Millisecond

type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
	p   *ackPolicy
	// writes counts the writes (requests) made; readAt is its value when
	// the last read that returned data ended (-1 before any).
	writes atomic.Int64
	readAt int64 // read and written by the reading goroutine only
}

func (c *quickAckConn) Write(p []byte) (int, error) {
	c.writes.Add(1)
	return c.TCPConn.Write(p)
}

func (c *quickAckConn) Read(p []byte) (int, error) {
	if c.p.on.Load() {
		n, err := c.TCPConn.Read(p)
		if n > 0 {
			c.ack()
		}
		return n, err
	}
	start := time.Now()
	n, err := c.TCPConn.Read(p)
	if n > 0 {
		w := c.writes.Load()
		if c.readAt == w && time.Since(start) >= stallWait {
			c.p.on.Store(true)
			c.ack()
		}
		c.readAt = w
	}
	return n, err
}

// ack leaves the delayed-acknowledgement mode and sends the one pending
// (tcp(7), TCP_QUICKACK; not permanent, hence after each read).
func (c *quickAckConn) ack() {
	c.p.acks.Add(1)
	c.raw.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
	})
}
