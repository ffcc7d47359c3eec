package checker

import "time"

// workers runs functions on goroutines that are kept for a while after
// their work, so that the next function finds a goroutine whose stack has
// already grown: scoring a page or fetching one on a fresh goroutine
// copies its stack several times as it grows, a cost every target would
// otherwise pay two or three times over. A function never waits for a
// free worker: when none is idle, a new one starts.
type workers struct {
	work chan func()
	idle time.Duration // how long a worker waits for more work before it ends
}

func newWorkers(idle time.Duration) *workers {
	return &workers{work: make(chan func()), idle: idle}
}

// Go runs f on an idle worker, or on a new one.
func (w *workers) Go(f func()) {
	select {
	case w.work <- f:
	default:
		go w.loop(f)
	}
}

func (w *workers) loop(f func()) {
	t := time.NewTimer(w.idle)
	defer t.Stop()
	for {
		f()
		f = nil // let f's captures go while waiting
		t.Reset(w.idle)
		select {
		case f = <-w.work:
		case <-t.C:
			return
		}
	}
}
