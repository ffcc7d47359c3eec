package checker

import (
	"encoding/binary"
	"errors"
	"syscall"
)

// listenQueue reads the accept queue of the listening TCP sockets of this
// machine (its network namespace) on port: how many connections it holds
// at most (the shortest, when several listen there: IPv4 and IPv6, say)
// and how many wait in it now (the most). It asks the kernel over netlink
// (sock_diag, as ss(8) does: a listening socket's Send-Q and Recv-Q); ok
// is false when it cannot be asked or nothing listens on port.
func listenQueue(port int) (q acceptQueue, ok bool) {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, netlinkSockDiag)
	if err != nil {
		return q, false
	}
	defer syscall.Close(fd)
	// A reply that does not come is not waited for: the first use of a
	// local server would otherwise hang on a kernel that does not answer.
	tv := syscall.Timeval{Usec: 200_000}
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv); err != nil {
		return q, false
	}
	q.backlog = -1
	for _, family := range []uint8{syscall.AF_INET, syscall.AF_INET6} {
		// A family that cannot be listed (a kernel without IPv6) has
		// no listener to find.
		dumpListeners(fd, family, func(sport uint16, waiting, backlog uint32) {
			if int(sport) != port {
				return
			}
			if q.backlog < 0 || int(backlog) < q.backlog {
				q.backlog = int(backlog)
			}
			q.waiting = max(q.waiting, int(waiting))
		})
	}
	return q, q.backlog >= 0
}

const (
	netlinkSockDiag  = 4     // NETLINK_SOCK_DIAG
	sockDiagByFamily = 20    // SOCK_DIAG_BY_FAMILY
	tcpListen        = 10    // TCP_LISTEN
	nlmFDump         = 0x300 // NLM_F_ROOT|NLM_F_MATCH
	inetDiagReqLen   = 56    // struct inet_diag_req_v2
	inetDiagMsgLen   = 72    // struct inet_diag_msg
	nlmsgHdrLen      = 16
)

// dumpListeners asks for the listening TCP sockets of family and calls
// each with its port, the connections waiting in its accept queue
// (idiag_rqueue, for a listening socket) and the most the queue holds
// (idiag_wqueue: its backlog).
func dumpListeners(fd int, family uint8, each func(sport uint16, waiting, backlog uint32)) error {
	req := make([]byte, nlmsgHdrLen+inetDiagReqLen)
	binary.NativeEndian.PutUint32(req[0:], uint32(len(req)))
	binary.NativeEndian.PutUint16(req[4:], sockDiagByFamily)
	binary.NativeEndian.PutUint16(req[6:], syscall.NLM_F_REQUEST|nlmFDump)
	binary.NativeEndian.PutUint32(req[8:], 1) // sequence
	req[16] = family
	req[17] = syscall.IPPROTO_TCP
	binary.NativeEndian.PutUint32(req[20:], 1<<tcpListen)
	if err := syscall.Sendto(fd, req, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		return err
	}
	buf := make([]byte, 32<<10)
	for {
		n, _, err := syscall.Recvfrom(fd, buf, 0)
		if err != nil {
			return err
		}
		for b := buf[:n]; len(b) >= nlmsgHdrLen; {
			l := int(binary.NativeEndian.Uint32(b[0:]))
			typ := binary.NativeEndian.Uint16(b[4:])
			if l < nlmsgHdrLen || l > len(b) {
				return errors.New("sock_diag: malformed message")
			}
			switch typ {
			case syscall.NLMSG_DONE:
				return nil
			case syscall.NLMSG_ERROR:
				return errors.New("sock_diag: error reply")
			case sockDiagByFamily:
				if m := b[nlmsgHdrLen:l]; len(m) >= inetDiagMsgLen && m[1] == tcpListen {
					each(binary.BigEndian.Uint16(m[4:]), binary.NativeEndian.Uint32(m[56:]), binary.NativeEndian.Uint32(m[60:]))
				}
			}
			b = b[min(len(b), (l+3)&^3):]
		}
	}
}
