package main

import (
	"runtime"
	"sync/atomic"
	"time"
)

// A batch runs on every core by default (Go's GOMAXPROCS), and that is what
// a batch of heavy pages wants: on a 2-core virtual machine two threads
// checked 2,000 crawled testdata shops served on the same machine in
// 1.6-2.2 s, one thread in 2.2-2.5 s. A batch of small pages instead spends
// its time handing requests and answers between goroutines, and there a
// second thread costs more than it brings: each time a goroutine is made
// ready while a thread idles, the runtime wakes that thread, and on that
// machine (a Firecracker VM, where every sleep and wake-up of a CPU exits
// to the host) 2,000 small pages took 0.40-0.46 s and 0.6 s of CPU on two
// threads, 0.34-0.38 s and 0.36 s of CPU on one (when the one thread did
// not land on the CPU the host was slowing down: then 0.55 s). Which is
// faster depends on the pages, the sites and the machine, so a batch
// measures it as it goes: procTuner. Over 10 interleaved runs of those
// small pages it took 0.38-0.52 s (mean 0.43) against 0.41-0.53 s (0.47),
// with a fifth less CPU; crawled shops, and shops whose answers were
// delayed by 5 ms, took as long as on every core.

// procTuner compares the batch's throughput with every core (hi) and with
// fewer (lo) over short windows and keeps the faster, measuring again now
// and then. lo must beat hi by a margin: with the noise of one window the
// default (every core) is kept. When too few targets finish in a window to
// tell (a batch held up by the network, where threads matter little),
// nothing changes.
type procTuner struct {
	hi, lo    int
	count     func() int64 // targets finished so far
	set       func(int)    // sets the threads that run Go code
	now       func() time.Duration
	wait      func(time.Duration) bool // false once the batch is over
	warm      int64                    // finished targets before the first measure
	window    time.Duration            // one measure, at least
	maxWindow time.Duration            // one measure, at most
	minCount  int64                    // finished targets a measure needs
	hold      time.Duration            // how long a choice stands
	margin    float64                  // lo is kept when its rate is margin × hi's or more
}

// newProcTuner is the tuner of a batch on this machine: hi is the number of
// threads Go chose (every core), lo half of it.
func newProcTuner(hi int, count func() int64, done <-chan struct{}) *procTuner {
	start := time.Now()
	return &procTuner{
		hi:    hi,
		lo:    max(1, hi/2),
		count: count,
		set:   func(n int) { runtime.GOMAXPROCS(n) },
		now:   func() time.Duration { return time.Since(start) },
		wait: func(d time.Duration) bool {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-done:
				return false
			case <-t.C:
				return true
			}
		},
		warm:      64,
		window:    40 * time.Millisecond,
		maxWindow: 500 * time.Millisecond,
		minCount:  40,
		hold:      time.Second,
		margin:    1.05,
	}
}

// run tunes until wait reports the batch over, then leaves hi set.
func (t *procTuner) run() {
	defer t.set(t.hi)
	if t.lo >= t.hi {
		return
	}
	for t.count() < t.warm {
		if !t.wait(t.window / 5) {
			return
		}
	}
	// The first round measures the fewer threads first and last: the
	// batches that gain by them are the short, quick ones.
	cur := t.lo
	for {
		// The setting in use is measured before and after the other, so
		// that a batch speeding up or slowing down (its first targets
		// wait for the rule tables) favours neither.
		other := t.lo
		if cur == t.lo {
			other = t.hi
		}
		a1, ok := t.measure(cur)
		if !ok {
			return
		}
		if a1 == 0 {
			// Too few finish to tell: the network holds the batch up,
			// and the threads matter little. Go's choice stands.
			cur = t.hi
			t.set(cur)
			if !t.wait(t.hold) {
				return
			}
			continue
		}
		b, ok := t.measure(other)
		if !ok {
			return
		}
		a2, ok := t.measure(cur)
		if !ok {
			return
		}
		a := (a1 + a2) / 2
		if a2 == 0 {
			a = 0 // the batch slowed down too much to tell
		}
		hiRate, loRate := a, b
		if cur == t.lo {
			hiRate, loRate = b, a
		}
		cur = t.choose(hiRate, loRate)
		t.set(cur)
		if !t.wait(t.hold) {
			return
		}
	}
}

// choose is the setting to keep after measuring hiRate and loRate
// (targets a second; 0 when too few finished to tell).
func (t *procTuner) choose(hiRate, loRate float64) int {
	if hiRate > 0 && loRate >= hiRate*t.margin {
		return t.lo
	}
	return t.hi
}

// measure sets n threads and returns the rate at which targets finish: 0
// when fewer than minCount finish within maxWindow. ok is false once the
// batch is over.
func (t *procTuner) measure(n int) (rate float64, ok bool) {
	t.set(n)
	start, from := t.now(), t.count()
	for {
		if !t.wait(t.window) {
			return 0, false
		}
		got, took := t.count()-from, t.now()-start
		if got >= t.minCount {
			return float64(got) / took.Seconds(), true
		}
		if took >= t.maxWindow {
			return 0, true
		}
	}
}

// tuneProcs starts a procTuner for a batch whose finished targets count
// counts, between hi threads (what Go chose; 0 when the command may not
// change them) and half as many. stop ends it and sets hi again.
func tuneProcs(hi int, count *atomic.Int64) (stop func()) {
	if hi < 2 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	t := newProcTuner(hi, count.Load, done)
	go func() {
		defer close(finished)
		t.run()
	}()
	return func() {
		close(done)
		<-finished
	}
}
