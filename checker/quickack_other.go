//go:build !linux

package checker

import "net"

// quickAck returns c: only Linux is told to acknowledge at once (see the
// Linux version).
func quickAck(c net.Conn, _ *ackPolicy) net.Conn { return c }
