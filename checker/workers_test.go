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
	// Idle workers end: a send finds no one waiting once they have.
	time.Sleep(200 * time.Millisecond)
	select {
	case w.work <- func() {}:
		t.Error("a worker was still waiting for work long after its idle time")
	default:
	}
}
