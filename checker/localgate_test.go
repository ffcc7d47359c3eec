package checker

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeQueue is an accept queue whose state a test sets.
type fakeQueue struct {
	mu      sync.Mutex
	waiting int
	ok      bool
	looks   int
}

func (q *fakeQueue) set(waiting int, ok bool) {
	q.mu.Lock()
	q.waiting, q.ok = waiting, ok
	q.mu.Unlock()
}

func (q *fakeQueue) look() (acceptQueue, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.looks++
	return acceptQueue{backlog: 2, waiting: q.waiting}, q.ok
}

func (q *fakeQueue) count() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.looks
}

// wave starts n requests through g at once; each holds its slot until all
// n have been in at once or hold has passed, and wave returns the most seen at once.
func wave(t *testing.T, g *localGate, n int, hold time.Duration) int {
	t.Helper()
	var in, most atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			release, err := g.acquire(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			raiseMax(&most, in.Add(1))
			for end := time.Now().Add(hold); most.Load() < int64(n) && time.Now().Before(end); {
				time.Sleep(100 * time.Microsecond)
			}
			in.Add(-1)
			release()
		})
	}
	wg.Wait()
	return int(most.Load())
}

// TestLocalGate: the gate keeps to base (the backlog plus one) while
// connections wait in the server's accept queue, lets more in one look at a
// time while none wait, goes back to base as soon as the server falls
// behind again, and stops looking where the queue cannot be read.
func TestLocalGate(t *testing.T) {
	q := &fakeQueue{waiting: 2, ok: true}
	g := newLocalGate(3, 64, q.look)
	g.lookEvery = time.Millisecond                                     // looks come fast: the test is about what they show
	g.took = func(time.Time) time.Duration { return time.Millisecond } // every answer as fast

	if most := wave(t, g, 8, 50*time.Millisecond); most != 3 {
		t.Errorf("two connections waiting in the queue: %d requests at once, want 3", most)
	}
	q.set(0, true)
	if most := wave(t, g, 8, 5*time.Second); most != 8 {
		t.Errorf("nothing waiting in the queue: %d requests at once, want all 8", most)
	}
	if g.limit < 8 {
		t.Errorf("limit %d after eight at once", g.limit)
	}
	q.set(3, true) // falling behind: the limit reached is not kept
	g.room = 0     // (the room the last look saw is used up)
	if most := wave(t, g, 8, 50*time.Millisecond); most != 3 {
		t.Errorf("falling behind after a rise: %d requests at once, want 3", most)
	}
	q.set(1, true) // one waiting: neither more nor back
	g.limit = 5
	if most := wave(t, g, 8, 50*time.Millisecond); most != 5 {
		t.Errorf("one connection waiting: %d requests at once, want the 5 reached", most)
	}

	q.set(0, false) // the kernel no longer tells
	if most := wave(t, g, 8, 50*time.Millisecond); most != 3 {
		t.Errorf("queue unreadable: %d requests at once, want 3", most)
	}
	before := q.count()
	wave(t, g, 8, 20*time.Millisecond)
	if n := q.count() - before; n != 0 {
		t.Errorf("queue unreadable: looked %d more times", n)
	}

	// The limit never passes max.
	q2 := &fakeQueue{ok: true}
	g2 := newLocalGate(2, 4, q2.look)
	g2.lookEvery = time.Millisecond
	g2.took = g.took
	if most := wave(t, g2, 8, 50*time.Millisecond); most != 4 {
		t.Errorf("max 4: %d requests at once", most)
	}
}

// TestLocalGateBurst: between looks, no more connections are opened above
// base than the last look found room for in the queue, however high the
// limit: a burst of requests cannot overflow it.
func TestLocalGateBurst(t *testing.T) {
	q := &fakeQueue{waiting: 1, ok: true}
	g := newLocalGate(4, 64, q.look)
	g.lookEvery = time.Hour // one look, then none
	g.limit = 20
	if most := wave(t, g, 12, 50*time.Millisecond); most != 4+3 {
		t.Errorf("base 4, one waiting at the only look: %d requests at once, want 7", most)
	}
	if n := q.count(); n != 1 {
		t.Errorf("%d looks, want 1", n)
	}
}

// TestLocalGateLooksSeldom: however many requests wait, the queue is read
// at most once every lookEvery, and requests below base never read it.
func TestLocalGateLooksSeldom(t *testing.T) {
	q := &fakeQueue{waiting: 2, ok: true}
	g := newLocalGate(2, 64, q.look)
	g.lookEvery = 20 * time.Millisecond
	for range 10 {
		release, err := g.acquire(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		release()
	}
	if n := q.count(); n != 0 {
		t.Errorf("one request at a time (below base): %d looks", n)
	}
	start := time.Now()
	wave(t, g, 8, 100*time.Millisecond)
	wave(t, g, 8, 100*time.Millisecond)
	elapsed := time.Since(start)
	if n, most := q.count(), int(elapsed/g.lookEvery)+1; n > most {
		t.Errorf("%d looks in %v, want at most %d (one every %v)", n, elapsed, most, g.lookEvery)
	}
}

// TestLocalGateCancel: a request waiting for a slot returns when its
// context ends, and takes none.
func TestLocalGateCancel(t *testing.T) {
	g := newLocalGate(1, 1, nil)
	release, err := g.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := g.acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting past the deadline: %v", err)
	}
	release()
	release2, err := g.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	release2()
	if g.inFlight != 0 {
		t.Errorf("%d in flight after all released", g.inFlight)
	}
}

// TestLocalGateRaisesForWaiters: the limit rises only for a request that
// finds every slot taken, and only after two looks in a row (since the
// last rise) found the queue empty; a few waiting stop the rise, a queue
// half full puts the limit back to base.
func TestLocalGateRaisesForWaiters(t *testing.T) {
	q := &fakeQueue{ok: true}
	g := newLocalGate(1, 64, q.look)
	g.lookEvery = 0
	g.limit = 3
	g.fastest, g.recent = time.Millisecond, time.Millisecond // answers as fast as ever
	g.took = func(time.Time) time.Duration { return time.Millisecond }
	var releases []func()
	take := func() {
		t.Helper()
		release, err := g.acquire(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
	take() // below base: no look
	take() // a look, empty, but a slot is free
	take()
	if q.count() != 2 || g.limit != 3 {
		t.Errorf("free slots taken: %d looks, limit %d; want 2 looks, limit 3", q.count(), g.limit)
	}
	take() // every slot taken: the third empty look in a row lets one more in
	if g.limit != 4 {
		t.Errorf("a request waiting, queue empty twice in a row: limit %d, want 4", g.limit)
	}
	take() // each rise wants two empty looks of its own
	if g.limit != 5 || q.count() != 3+2 {
		t.Errorf("the next rise: limit %d after %d looks; want 5 after 5", g.limit, q.count())
	}
	for _, r := range releases {
		r()
	}
	releases = nil

	// A gate whose queue holds four: one waiting is a few, two is half.
	q = &fakeQueue{ok: true}
	g = newLocalGate(4, 64, q.look)
	g.lookEvery = 0
	g.limit = 6
	g.fastest, g.recent = time.Millisecond, time.Millisecond
	g.took = func(time.Time) time.Duration { return time.Millisecond }
	for range 4 {
		take() // below base: no look
	}
	take() // a slot free; an empty look
	q.set(1, true)
	g.room = 0
	take() // a slot free but no room left: a look; one waiting breaks the run of empty looks
	q.set(0, true)
	take() // every slot taken: one empty look, then another lets it in
	if g.limit != 7 || q.count() != 2+2 {
		t.Errorf("after a look that found one waiting: limit %d after %d looks; want 7 after 4", g.limit, q.count())
	}
	q.set(2, true) // half full: back to base
	g.room = 0
	releases[0]()
	releases = releases[1:]
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := g.acquire(ctx); err == nil || g.limit != 4 {
		t.Errorf("queue half full: another request at once went (%v), limit %d; want to wait, limit 4", err, g.limit)
	}
	for _, r := range releases {
		r()
	}
}

// TestLocalGateBusyServer: a server that answers slower than it did (busy:
// more at once only queues) gets no more requests at once, however empty
// its accept queue looks; one that answers as fast as ever (each answer
// waits on something else) does.
func TestLocalGateBusyServer(t *testing.T) {
	for _, c := range []struct {
		what  string
		times []time.Duration // what the requests before took, in order
		rises bool
	}{
		{"no answer yet", nil, false},
		{"as fast as ever", []time.Duration{20, 21, 20, 22, 20}, true},
		{"a little slower", []time.Duration{20, 24, 25, 26, 25}, true},
		{"slower the more it is sent", []time.Duration{5, 10, 20, 30, 30, 30, 30, 30}, false},
	} {
		q := &fakeQueue{ok: true}
		g := newLocalGate(1, 64, q.look)
		g.lookEvery = 0
		for _, d := range c.times {
			g.inFlight++
			g.release(d * time.Millisecond)
		}
		release, err := g.acquire(context.Background()) // below base
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		release2, err := g.acquire(ctx) // every slot taken
		cancel()
		if got := err == nil; got != c.rises {
			t.Errorf("%s (fastest %v, lately %v): a second request at once: %v, want %v", c.what, g.fastest, g.recent, got, c.rises)
		}
		if err == nil {
			release2()
		}
		release()
	}
}
