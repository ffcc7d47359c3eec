package checker

import (
	"context"
	"sync"
	"time"
)

// acceptQueue is what the kernel shows of a listening socket's queue of
// connections waiting to be accepted.
type acceptQueue struct {
	backlog int // the most it holds
	waiting int // how many wait in it now
}

// localGate holds the requests in flight to a server on this machine that
// closes its connection after each answer (Python's http.server, say), so
// that each request opens a connection. Such a server accepts in one loop;
// when the loop falls behind, the kernel queues new connections up to the
// listen backlog and drops the handshakes beyond it, and each one dropped
// waits a second to be sent again.
//
// base requests at once (the backlog plus one) can never overflow the
// queue. But a server that is slow to answer, not to accept (a page that
// takes 20 ms to make, a thread for each connection), would be held to
// base for nothing while a plain fetch keeps eight going. So a request
// that would make more than base in flight goes only on a look at the
// queue itself, taken at most once every lookEvery, and only while the
// connections opened since that look could all wait in what the queue
// then had free: a burst cannot overflow it either. While requests wait
// for a slot, every two looks in a row that find nothing waiting let one
// more request in at once (up to max), as long as the server answers about
// as fast as it ever did (a server slow because each answer waits answers
// as fast with more at once; a busy one slower the more it is sent). A
// look that finds some waiting stops the rise; one that finds the queue
// half full (the server falls behind in accepting) puts the limit back to
// base.
type localGate struct {
	base, max int
	// look reads the server's accept queue; nil when it cannot be read
	// (the gate then keeps to base).
	look      func() (acceptQueue, bool)
	lookEvery time.Duration

	mu       sync.Mutex
	limit    int
	inFlight int
	wake     chan struct{} // closed when a request ends or a look is taken
	looking  bool          // a waiter is reading the queue
	lastLook time.Time
	empty    int // looks in a row that found the queue empty
	// room is how many more connections the queue could take, as the
	// last look showed it, less those opened since.
	room int
	// fastest and recent are the shortest time a request to the server
	// took and a moving average of the last ones (0: none yet).
	fastest, recent time.Duration
	// took measures a request's time from its start (tests replace it).
	took func(start time.Time) time.Duration
}

// lookEvery is how often at most a local gate reads its server's accept
// queue: a read costs a netlink round trip, tens of microseconds.
const lookEvery = 2 * time.Millisecond

func newLocalGate(base, most int, look func() (acceptQueue, bool)) *localGate {
	return &localGate{
		base: base, max: max(base, most), look: look, lookEvery: lookEvery,
		limit: base, wake: make(chan struct{}), took: time.Since,
	}
}

// acquire waits until a request may go to the server, or ctx ends, and
// returns the function to call when the request is over.
func (g *localGate) acquire(ctx context.Context) (func(), error) {
	g.mu.Lock()
	for !g.open() {
		due := time.Duration(-1) // -1: only a request's end or a look wakes this one
		if g.look != nil && !g.looking {
			if due = g.lookEvery - time.Since(g.lastLook); due <= 0 {
				g.looking = true
				g.mu.Unlock()
				q, ok := g.look()
				g.mu.Lock()
				g.looked(q, ok, g.inFlight >= g.limit)
				if g.open() {
					break
				}
				if due = -1; g.look != nil {
					due = g.lookEvery
				}
			}
		}
		wake := g.wake
		g.mu.Unlock()
		if err := waitWake(ctx, wake, due); err != nil {
			return nil, err
		}
		g.mu.Lock()
	}
	g.inFlight++
	g.room = max(0, g.room-1)
	g.mu.Unlock()
	start := time.Now()
	return func() { g.release(g.took(start)) }, nil
}

// open reports whether one more request may go now: below base always;
// above it, below the limit while the last look left room in the queue
// for the connections opened since. g.mu is held.
func (g *localGate) open() bool {
	return g.inFlight < g.base || g.inFlight < g.limit && g.room > 0
}

// looked sets the limit from what the queue showed: one more when wanted
// (a request waits for a slot), the queue was empty at this look and the
// one before (since the last rise) and the server is unhurried. g.mu is
// held.
func (g *localGate) looked(q acceptQueue, ok, wanted bool) {
	g.looking = false
	g.lastLook = time.Now()
	g.room = 0
	if ok {
		g.room = max(0, g.base-q.waiting)
	}
	switch {
	case !ok:
		g.look, g.limit = nil, g.base // the server is gone, or the kernel will not tell
	case q.waiting == 0:
		if g.empty++; g.empty >= 2 && wanted && g.limit < g.max && g.unhurried() {
			g.empty, g.limit = 0, g.limit+1
		}
	case 2*q.waiting < g.base:
		g.empty = 0 // a few waiting: no more for now
	default:
		g.empty, g.limit = 0, g.base // half full: falling behind
	}
	g.broadcast() // whatever it showed, the next waiter may look or go
}

// unhurried reports whether the server answers about as fast as it ever
// did lately: not slower for being sent more. g.mu is held.
func (g *localGate) unhurried() bool {
	return g.fastest > 0 && g.recent <= g.fastest*3/2
}

// release ends a request that took d.
func (g *localGate) release(d time.Duration) {
	g.mu.Lock()
	g.inFlight--
	if d > 0 {
		if g.fastest == 0 || d < g.fastest {
			g.fastest = d
		}
		if g.recent == 0 {
			g.recent = d
		}
		g.recent += (d - g.recent) / 8
	}
	g.broadcast()
	g.mu.Unlock()
}

// broadcast wakes every waiter. g.mu is held.
func (g *localGate) broadcast() {
	close(g.wake)
	g.wake = make(chan struct{})
}

// waitWake blocks until wake is closed, d has passed (unless d < 0) or ctx
// ends.
func waitWake(ctx context.Context, wake <-chan struct{}, d time.Duration) error {
	var timeout <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-wake:
	case <-timeout:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}
