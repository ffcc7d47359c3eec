package batch

import (
	"io"
	"sync"
	"time"
)

// A Gate is what the result writers of a program's runs pass through, so
// that the program can stop at once (Hold) with every output holding whole
// lines only. Its lock serialises every write of results and guards the
// writers' buffers and the set of them. The zero value is not usable: make
// one with NewGate.
type Gate struct {
	mu   sync.Mutex
	open map[*lockedWriter]struct{} // the buffered writers of the runs under way
}

// NewGate returns a gate with no writer yet.
func NewGate() *Gate { return &Gate{open: map[*lockedWriter]struct{}{}} }

// Hold writes out what the runs under way have buffered (whole lines
// only), waiting for a write under way, if any, and then blocks every later
// write for good. The program calls it before exiting at once on a second
// interrupt, so that output files hold every result given to them, in
// whole lines only.
func (g *Gate) Hold() {
	g.mu.Lock()
	for l := range g.open {
		l.flushLocked()
	}
}

// Output buffering: a write of a system call a result line cost more than
// the line itself for the domain command (a million names: 7 % of the
// time). Results are buffered, whole calls only (each call of Write is one
// record, or the end of a document), and written out when the buffer holds
// flushSize bytes, flushDelay after the first unwritten result (so that a
// person watching sees results come), at the end of the run, and by
// Gate.Hold before a hard exit.
const (
	flushSize  = 64 << 10
	flushDelay = 150 * time.Millisecond
)

// lockedWriter writes each call whole under its gate's lock. Buffered, it keeps
// whole calls in buf and writes them out in one call of w: the file never
// holds part of a call, even after a hard exit.
type lockedWriter struct {
	g      *Gate
	w      io.Writer
	before func() // runs under the lock before each write to w (clears the bar)

	buffered bool
	delay    time.Duration // flushDelay, longer in tests
	buf      []byte
	timer    *time.Timer // flushes buf flushDelay after it stopped being empty
	armed    bool
	closed   bool
	err      error // the first write error of w; later writes fail with it
}

// newLockedWriter returns a writer to w through g; buffered, it must be
// closed with close, which writes out the rest.
func newLockedWriter(g *Gate, w io.Writer, buffered bool) *lockedWriter {
	l := &lockedWriter{g: g, w: w, buffered: buffered, delay: flushDelay}
	if buffered {
		l.buf = make([]byte, 0, flushSize+flushSize/4)
		l.timer = time.AfterFunc(time.Hour, l.timed)
		l.timer.Stop()
		g.mu.Lock()
		g.open[l] = struct{}{}
		g.mu.Unlock()
	}
	return l
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.g.mu.Lock()
	defer l.g.mu.Unlock()
	if l.err != nil {
		return 0, l.err
	}
	if !l.buffered || l.closed {
		return l.writeLocked(p)
	}
	l.buf = append(l.buf, p...)
	if len(l.buf) >= flushSize {
		if err := l.flushLocked(); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if !l.armed {
		l.armed = true
		l.timer.Reset(l.delay)
	}
	return len(p), nil
}

// writeLocked writes p to w; the gate's lock is held.
func (l *lockedWriter) writeLocked(p []byte) (int, error) {
	if l.before != nil {
		l.before()
	}
	n, err := l.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		l.err = err
	}
	return n, err
}

// flushLocked writes out buf; the gate's lock is held.
func (l *lockedWriter) flushLocked() error {
	if l.armed {
		l.armed = false
		l.timer.Stop()
	}
	if l.err != nil {
		return l.err
	}
	if len(l.buf) == 0 {
		return nil
	}
	_, err := l.writeLocked(l.buf)
	l.buf = l.buf[:0]
	return err
}

// timed is the timer's flush.
func (l *lockedWriter) timed() {
	l.g.mu.Lock()
	defer l.g.mu.Unlock()
	if l.armed {
		l.flushLocked() // a failure is kept in l.err for the next Write
	}
}

// close writes out the rest and makes later writes go straight to w. It
// returns the first write error, if any.
func (l *lockedWriter) close() error {
	l.g.mu.Lock()
	defer l.g.mu.Unlock()
	if !l.buffered {
		return l.err
	}
	err := l.flushLocked()
	l.closed = true
	delete(l.g.open, l)
	return err
}
