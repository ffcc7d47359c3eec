package batch

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLockedWriterKeepsCallsWhole writes records of one and of several
// lines past the flush size: every write that reaches the file is a run of
// whole records, in order, and close writes out the rest.
func TestLockedWriterKeepsCallsWhole(t *testing.T) {
	var out writes
	g := NewGate()
	l := newLockedWriter(g, &out, true)
	l.delay = time.Hour // only size and close flush here
	var records []string
	for i := 0; len(strings.Join(records, "")) < 3*flushSize; i++ {
		r := fmt.Sprintf("{\"n\":%d,\"pad\":%q}\n", i, strings.Repeat("x", i%700))
		if i%5 == 0 {
			r = fmt.Sprintf("record %d, first line\nsecond line\n", i) // a record of two lines
		}
		records = append(records, r)
		if n, err := l.Write([]byte(r)); n != len(r) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	records = append(records, "end\n") // stays in the buffer until close
	l.Write([]byte("end\n"))
	before := len(out.calls)
	if before < 2 {
		t.Fatalf("%d writes before close for %d bytes: the buffer was not flushed at its size", before, 3*flushSize)
	}
	if err := l.close(); err != nil {
		t.Fatal(err)
	}
	if len(out.calls) != before+1 {
		t.Errorf("close made %d writes, want 1", len(out.calls)-before)
	}
	// Cut the records apart again along the writes: each write must end
	// where a record ends.
	i := 0
	for _, c := range out.calls {
		for len(c) > 0 {
			if i == len(records) || !bytes.HasPrefix(c, []byte(records[i])) {
				t.Fatalf("write does not hold whole records in order at record %d: %.80q", i, c)
			}
			c = c[len(records[i]):]
			i++
		}
	}
	if i != len(records) {
		t.Errorf("%d of %d records written", i, len(records))
	}
	if _, ok := g.open[l]; ok {
		t.Error("a closed writer is still in the set Gate.Hold writes out")
	}
}

// TestLockedWriterFlushesSoon: a result is not held back until the buffer
// fills; it reaches the file shortly, so a person watching sees it.
func TestLockedWriterFlushesSoon(t *testing.T) {
	var out writes
	l := newLockedWriter(NewGate(), &out, true)
	defer l.close()
	l.Write([]byte("one\n"))
	deadline := time.Now().Add(10 * time.Second) // far above flushDelay: not a speed test
	for out.String() != "one\n" {
		if time.Now().After(deadline) {
			t.Fatal("a buffered line was not written out without more writes")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestGateHoldWritesBuffered: the hard exit writes out what every writer
// of the gate buffered before it blocks them; a writer of another gate is
// left alone.
func TestGateHoldWritesBuffered(t *testing.T) {
	var out, other writes
	g := NewGate()
	l := newLockedWriter(g, &out, true)
	o := newLockedWriter(NewGate(), &other, true)
	defer o.close()
	o.delay = time.Hour
	o.Write([]byte("elsewhere\n"))
	defer l.close()
	l.delay = time.Hour
	l.Write([]byte("one\n"))
	l.Write([]byte("two\n"))
	if len(out.calls) != 0 {
		t.Fatalf("written before the hold: %q", out.String())
	}
	g.Hold()
	got := out.String()
	if g.mu.TryLock() {
		t.Error("after Hold the gate lets writes through")
	}
	g.mu.Unlock() // the program exits here; the test lets the writers go on
	if got != "one\ntwo\n" {
		t.Errorf("after Hold the output holds %q", got)
	}
	if len(other.calls) != 0 {
		t.Errorf("Hold wrote out another gate's writer: %q", other.String())
	}
}

type failAfter struct {
	n   int
	err error
}

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, f.err
	}
	f.n--
	return len(p), nil
}

// TestLockedWriterKeepsTheError: a failed write is reported by the write
// that flushed, and by every later one.
func TestLockedWriterKeepsTheError(t *testing.T) {
	full := errors.New("no space left on device")
	l := newLockedWriter(NewGate(), &failAfter{n: 1, err: full}, true)
	l.delay = time.Hour
	line := []byte(strings.Repeat("x", 999) + "\n")
	var err error
	for i := 0; i < 3*flushSize/len(line) && err == nil; i++ {
		_, err = l.Write(line)
	}
	if !errors.Is(err, full) {
		t.Fatalf("Write after the device filled: %v", err)
	}
	if _, err := l.Write(line); !errors.Is(err, full) {
		t.Errorf("a later Write: %v", err)
	}
	if err := l.close(); !errors.Is(err, full) {
		t.Errorf("close: %v", err)
	}
}
