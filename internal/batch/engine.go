// Package batch runs shopcheck over many targets for officers: it streams
// the list, checks each distinct target once with a pool of workers, writes
// every result as it finishes (buffered in whole lines, written out within
// a moment, so that files never hold part of one), resumes an
// interrupted run from its output file, stops gracefully on an interrupt,
// shows progress, and groups targets into campaigns by shared clues.
package batch

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

// Check checks one target and always returns a result (an error record
// when the target could not be read). It must be safe for concurrent use.
type Check func(ctx context.Context, target string) *checker.Result

// Emit receives every result, one call a target line, in the order the
// checks finish. fresh is false when the result is a repeat: the same
// target on another line, checked once. Emit is called from one goroutine.
type Emit func(res *checker.Result, fresh bool) error

// EngineOptions tune Run.
type EngineOptions struct {
	// Concurrency is the number of targets checked at once (default 8).
	Concurrency int
	// Grace is how long checks in flight may go on after ctx is done
	// before their contexts are cancelled (default 5s). Results that come
	// after that are left out, so that --resume checks those targets.
	Grace time.Duration
	// Abandon is how long Run waits, after cancelling, for checks that do
	// not return; it then returns without them (default 3s).
	Abandon time.Duration
	// Remember is the number of finished results kept to answer a
	// repeated target without checking it again (default 1024). Targets in
	// flight are always joined; a repeat further apart than this window is
	// checked again.
	Remember int
	// Skip holds targets already done (resume); nil for none.
	Skip *SkipSet
	// Now gives the time for records made here (too-long lines).
	Now func() time.Time
}

// Outcome says how a run went.
type Outcome struct {
	// Lines is the number of target lines taken from the source.
	Lines int
	// Skipped counts the lines skipped as already done (resume).
	Skipped int
	// Written counts the results handed to Emit.
	Written int
	// Checked counts the checks run (distinct targets, give or take
	// repeats outside the Remember window).
	Checked int
	// Interrupted is set when ctx was done before Run returned.
	Interrupted bool
	// Unfinished is set when target lines were left unchecked: the run
	// was interrupted before the list was read to the end, or checks
	// in flight did not finish in the grace period.
	Unfinished bool
	// LeftOut counts the lines whose check was under way but did not
	// finish in time, so no result was written for them.
	LeftOut int
}

type checked struct {
	target string
	res    *checker.Result
	late   bool // finished after the checks were cancelled
}

type lineItem struct {
	line Line
	err  error
}

// Run takes targets from src and checks each with check, at most
// o.Concurrency at once, handing every result to emit as it finishes.
// A target repeated while it is being checked, or within the last
// o.Remember distinct targets, is checked once and emitted for each line.
//
// When ctx is done Run stops taking targets, lets the checks in flight
// finish for o.Grace, then cancels them and returns; results that come
// after that are dropped. Checks run under a context that is not ctx (so
// the first interrupt does not cut them), cancelled by Run only.
//
// Run returns the outcome and the first error of emit or src. An emit
// error stops the run at once; after a read error of src, the targets read
// before it are still checked.
func Run(ctx context.Context, src *Source, check Check, emit Emit, o EngineOptions) (Outcome, error) {
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Grace <= 0 {
		o.Grace = 5 * time.Second
	}
	if o.Abandon <= 0 {
		o.Abandon = 3 * time.Second
	}
	if o.Remember <= 0 {
		o.Remember = 1024
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	var out Outcome

	lines := make(chan lineItem, 64)
	quit := make(chan struct{})
	go func() {
		defer close(lines)
		for {
			l, err := src.Next()
			if err == io.EOF {
				return
			}
			select {
			case lines <- lineItem{l, err}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	stopReading := func() {
		select {
		case <-quit:
		default:
			close(quit)
		}
	}
	defer stopReading()

	checkCtx, cancelChecks := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelChecks()
	results := make(chan checked, o.Concurrency)
	// A fixed pool of workers, not a goroutine a target: a check's stack
	// grows deep, and a worker keeps its grown stack for the next target.
	// The loop below hands out a target only while fewer than Concurrency
	// are running, and results has room for all of them, so a worker never
	// waits long for either.
	jobs := make(chan string)
	defer close(jobs)
	for i := 0; i < o.Concurrency; i++ {
		go func() {
			for target := range jobs {
				res := safeCheck(checkCtx, check, target)
				results <- checked{target: target, res: res, late: checkCtx.Err() != nil}
			}
		}()
	}
	start := func(target string) {
		out.Checked++
		jobs <- target
	}

	inflight := make(map[string]int) // target -> lines waiting for it
	recent := newLRU(o.Remember)
	running := 0
	var pending *Line // a target waiting for a free worker
	srcDone, stopping, cancelled := false, false, false
	stopC := ctx.Done()
	var graceC, abandonC <-chan time.Time
	var firstErr, srcErr error

	emitN := func(res *checker.Result, n int) {
		for i := 0; i < n && firstErr == nil; i++ {
			if err := emit(res, i == 0); err != nil {
				firstErr = err
				return
			}
			out.Written++
		}
	}
	// take handles one line from the source: it is skipped, answered from
	// what is known, or becomes the pending target.
	take := func(l Line) {
		out.Lines++
		if o.Skip.Take(l.Target) {
			out.Skipped++
			return
		}
		if l.TooLong {
			emitN(tooLong(l, o.Now()), 1)
			return
		}
		if l.NotText {
			emitN(notText(l, o.Now()), 1)
			return
		}
		if _, ok := inflight[l.Target]; ok {
			inflight[l.Target]++
			return
		}
		if res := recent.get(l.Target); res != nil {
			if err := emit(res, false); err != nil {
				firstErr = err
				return
			}
			out.Written++
			return
		}
		pending = &l
	}

loop:
	for {
		if firstErr != nil {
			break
		}
		if pending != nil && running < o.Concurrency {
			inflight[pending.Target] = 1
			start(pending.Target)
			running++
			pending = nil
		}
		if (srcDone || stopping) && pending == nil && running == 0 {
			break
		}
		var in <-chan lineItem
		if !srcDone && !stopping && pending == nil {
			in = lines
		}
		select {
		case it, ok := <-in:
			switch {
			case !ok:
				srcDone = true
			case it.err != nil:
				// What was read is still checked; the rest is not.
				srcErr = it.err
				srcDone = true
				out.Unfinished = true
			default:
				take(it.line)
			}
		case c := <-results:
			running--
			n := inflight[c.target]
			delete(inflight, c.target)
			if c.late {
				out.LeftOut += n
				out.Unfinished = true
				continue
			}
			recent.put(c.target, c.res)
			emitN(c.res, n)
		case <-stopC:
			stopC = nil
			stopping = true
			out.Interrupted = true
			stopReading()
			if !srcDone {
				// Lines the reader had queued, or one it was reading,
				// are left unchecked; a closed, empty queue means the
				// list was read to the end.
				select {
				case _, ok := <-lines:
					if ok {
						out.Unfinished = true
					} else {
						srcDone = true
					}
				default:
					out.Unfinished = true
				}
			}
			if pending != nil {
				pending = nil
				out.Unfinished = true
			}
			if running > 0 {
				graceC = time.After(o.Grace)
			}
		case <-graceC:
			graceC = nil
			cancelled = true
			cancelChecks()
			abandonC = time.After(o.Abandon)
		case <-abandonC:
			for _, n := range inflight {
				out.LeftOut += n
			}
			out.Unfinished = true
			break loop
		}
	}
	if firstErr != nil && !cancelled {
		// A write failed or the list could not be read: what is in
		// flight would have nowhere to go.
		cancelChecks()
	}
	if firstErr == nil {
		firstErr = srcErr
	}
	return out, firstErr
}

// safeCheck runs check and turns a panic into an error record, so that one
// hostile page cannot end a batch of a hundred thousand. The result's Target
// is set to the target line.
func safeCheck(ctx context.Context, check Check, target string) (res *checker.Result) {
	defer func() {
		if p := recover(); p != nil {
			res = checker.ErrorResult(target, checker.CodeRead, fmt.Sprintf("%s while checking: %v", checker.InternalPrefix, p), time.Now())
			debug.PrintStack()
		}
	}()
	res = check(ctx, target)
	if res == nil {
		res = checker.ErrorResult(target, checker.CodeRead, checker.InternalPrefix+": no result", time.Now())
	}
	// The record names its line as given: scripts match on it and
	// --resume finds the done targets by it.
	res.Target = target
	return res
}

// tooLong is the record of a list line longer than MaxLine.
func tooLong(l Line, now time.Time) *checker.Result {
	return checker.ErrorResult(l.Target, checker.CodeInvalidTarget,
		fmt.Sprintf("line %d is longer than %d bytes: not a URL or domain", l.No, MaxLine), now)
}

// notText is the error record of a line that is not UTF-8 text: most
// often a list saved as Shift_JIS, whose Japanese domain names would
// otherwise fail one by one with a parser's message.
func notText(l Line, now time.Time) *checker.Result {
	return checker.ErrorResult(l.Target, checker.CodeInvalidTarget,
		fmt.Sprintf("line %d is not UTF-8 text (or holds control characters): save the list as UTF-8", l.No), now)
}

// lru remembers the last n results by target. Its entries live in one
// slice linked by index, so that remembering a result costs no allocation
// (a list element a target was a tenth of the engine's time on a list of
// a million names).
type lru struct {
	n          int
	idx        map[string]int32
	ent        []lruEntry
	head, tail int32 // most and least recently used; -1 when empty
}

type lruEntry struct {
	target     string
	res        *checker.Result
	prev, next int32
}

func newLRU(n int) *lru {
	return &lru{n: n, idx: make(map[string]int32, min(n, 1<<16)), head: -1, tail: -1}
}

func (c *lru) get(target string) *checker.Result {
	if i, ok := c.idx[target]; ok {
		c.toFront(i)
		return c.ent[i].res
	}
	return nil
}

func (c *lru) put(target string, res *checker.Result) {
	if i, ok := c.idx[target]; ok {
		c.ent[i].res = res
		c.toFront(i)
		return
	}
	var i int32
	if len(c.ent) < c.n {
		i = int32(len(c.ent))
		c.ent = append(c.ent, lruEntry{})
	} else {
		// Full: the least recently used entry makes room.
		i = c.tail
		c.unlink(i)
		delete(c.idx, c.ent[i].target)
	}
	c.ent[i] = lruEntry{target: target, res: res, prev: -1, next: -1}
	c.idx[target] = i
	c.pushFront(i)
}

func (c *lru) toFront(i int32) {
	if c.head != i {
		c.unlink(i)
		c.pushFront(i)
	}
}

func (c *lru) unlink(i int32) {
	e := &c.ent[i]
	if e.prev >= 0 {
		c.ent[e.prev].next = e.next
	} else {
		c.head = e.next
	}
	if e.next >= 0 {
		c.ent[e.next].prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = -1, -1
}

func (c *lru) pushFront(i int32) {
	e := &c.ent[i]
	e.prev, e.next = -1, c.head
	if c.head >= 0 {
		c.ent[c.head].prev = i
	}
	c.head = i
	if c.tail < 0 {
		c.tail = i
	}
}
