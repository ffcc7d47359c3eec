package checker

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestWorkers: every function runs once, none waits for another (a
// function that blocks does not hold up the next), and idle workers end.
func TestWorkers(t *testing.T) {
	w := newWorkers(20 * time.Millisecond)
	release := make(chan struct{})
	var ran atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	w.Go(func() { defer wg.Done(); <-release; ran.Add(1) }) // blocks until released
	for range 100 {
		wg.Add(1)
		w.Go(func() { defer wg.Done(); ran.Add(1) })
	}
	done := make(chan struct{})
	go func() {
		for ran.Load() < 100 {
			time.Sleep(time.Millisecond)
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("functions waited behind a blocked one")
	}
	close(release)
	wg.Wait()
	if n := ran.Load(); n != 101 {
		t.Fatalf("%d functions ran, want 101", n)
	}
	// Idle workers end: a send finds no one waiting once they have. Asked
	// again and again (a worker that takes a send waits its idle time
	// anew, so the asking is spaced wider than that), for as long as a
	// slow machine may need.
	for deadline := time.Now().Add(30 * time.Second); ; {
		select {
		case w.work <- func() {}:
			if time.Now().After(deadline) {
				t.Fatal("workers were still waiting for work 30 s after their idle time")
			}
			time.Sleep(5 * w.idle)
			continue
		default:
		}
		break
	}
}
