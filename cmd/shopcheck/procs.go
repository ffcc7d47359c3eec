package main

import (
	"context"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopcheck/shopcheck/checker"
)

// fetchProcs is how many threads run Go code at once (GOMAXPROCS) while
// shopcheck checks URLs: half the cores, at least one.
//
// A batch of URLs spends its time waiting on the network. What it does in
// between (a request, a parse, a score) is short and hands work from one
// goroutine to another; with a thread for every core, each hand-off wakes
// an idle thread that spins looking for work. Measured on a 2-core machine
// checking 2,000 small local pages (sites and shopcheck on the same cores),
// one thread instead of two cut shopcheck's CPU by about a third and the
// batch's time by about a tenth; over crawled fake shops, 20 % less CPU in
// the same time. Saved pages and WARC files are parsed and scored with no
// waiting at all: they get every core back (see fetchThreads).
func fetchProcs(cores int) int { return max(1, cores/2) }

// fetchThreads lowers GOMAXPROCS to fetchProcs for a check run, once
// warmed is closed (the background table builds of setup keep a core of
// their own until then, while the first requests go out on the others),
// and returns the check function to use and a function that restores
// GOMAXPROCS. The returned check gives every core back at the first target
// that is a saved page, folder or WARC file. A user's GOMAXPROCS wins; a nil
// warmed lowers at once.
func fetchThreads(check checkFunc, warmed <-chan struct{}) (checkFunc, func()) {
	all := runtime.GOMAXPROCS(0)
	procs := fetchProcs(all)
	if os.Getenv("GOMAXPROCS") != "" || procs >= all {
		return check, func() {}
	}
	var mu sync.Mutex
	restored := false
	lower := func() {
		mu.Lock()
		defer mu.Unlock()
		if !restored {
			runtime.GOMAXPROCS(procs)
		}
	}
	select {
	case <-warmed:
		lower()
	default:
		if warmed == nil {
			lower()
		} else {
			go func() { <-warmed; lower() }()
		}
	}
	restore := func() {
		mu.Lock()
		defer mu.Unlock()
		if !restored {
			restored = true
			runtime.GOMAXPROCS(all)
		}
	}
	var local atomic.Bool // a local target was seen: the cores are back
	return func(ctx context.Context, target string) *checker.Result {
		if !local.Load() && isLocalTarget(target) {
			local.Store(true)
			restore()
		}
		return check(ctx, target)
	}, restore
}

// isLocalTarget reports whether target names a saved page, folder or WARC
// file rather than something fetched. URLs are told by their scheme without
// touching the disk.
func isLocalTarget(target string) bool {
	if strings.Contains(target, "://") {
		return false
	}
	t, err := checker.ParseTarget(target)
	return err == nil && t.Kind != checker.TargetURL
}
