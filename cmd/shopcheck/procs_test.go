package main

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

func TestFetchProcs(t *testing.T) {
	for _, tc := range []struct{ cores, want int }{
		{1, 1}, {2, 1}, {3, 1}, {4, 2}, {8, 4}, {16, 8},
	} {
		if got := fetchProcs(tc.cores); got != tc.want {
			t.Errorf("fetchProcs(%d) = %d, want %d", tc.cores, got, tc.want)
		}
	}
}

func TestIsLocalTarget(t *testing.T) {
	for _, tc := range []struct {
		target string
		want   bool
	}{
		{"https://shop.example.jp/", false},
		{"http://127.0.0.1:8080/x.html", false},
		{"shop.example.jp", false},
		{"shop.example.jp/item/1", false},
		{"../../testdata/sites/fake-utf8", true},
		{"../../testdata/sites/fake-utf8/index.html", true},
		{"not a target", false},
	} {
		if got := isLocalTarget(tc.target); got != tc.want {
			t.Errorf("isLocalTarget(%q) = %v, want %v", tc.target, got, tc.want)
		}
	}
}

// TestFetchThreads checks that a run of URLs gets fetchProcs threads once
// the tables are built, that the first saved page gives every core back,
// and that restore does too.
func TestFetchThreads(t *testing.T) {
	if os.Getenv("GOMAXPROCS") != "" {
		t.Skip("GOMAXPROCS is set: the user's value wins")
	}
	all := runtime.GOMAXPROCS(0)
	if fetchProcs(all) >= all {
		t.Skipf("%d core(s): nothing to lower", all)
	}
	var seen []int
	check := func(ctx context.Context, target string) *checker.Result {
		seen = append(seen, runtime.GOMAXPROCS(0))
		return &checker.Result{Target: target}
	}
	warm := make(chan struct{})
	close(warm)
	f, restore := fetchThreads(check, warm)
	defer restore()
	ctx := context.Background()
	f(ctx, "https://shop.example.jp/")
	f(ctx, "shop.example.jp")
	f(ctx, "../../testdata/sites/fake-utf8")
	f(ctx, "https://shop.example.jp/next")
	want := []int{fetchProcs(all), fetchProcs(all), all, all}
	for i := range want {
		if i >= len(seen) || seen[i] != want[i] {
			t.Fatalf("GOMAXPROCS during the checks = %v, want %v", seen, want)
		}
	}

	// A URL-only run keeps fewer threads until it is over.
	f, restore2 := fetchThreads(check, nil)
	f(ctx, "https://shop.example.jp/")
	if got := runtime.GOMAXPROCS(0); got != fetchProcs(all) {
		t.Errorf("GOMAXPROCS after a URL = %d, want %d", got, fetchProcs(all))
	}
	restore2()
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("GOMAXPROCS after restore = %d, want %d", got, all)
	}

	// While the tables are built, the run keeps every core: the builds
	// take one, the first requests the others.
	building := make(chan struct{})
	f, restore4 := fetchThreads(check, building)
	f(ctx, "https://shop.example.jp/")
	if got := seen[len(seen)-1]; got != all {
		t.Errorf("GOMAXPROCS during a check before the tables are built = %d, want %d", got, all)
	}
	close(building)
	for deadline := time.Now().Add(10 * time.Second); runtime.GOMAXPROCS(0) != fetchProcs(all); {
		if time.Now().After(deadline) {
			t.Fatalf("GOMAXPROCS after the tables are built = %d, want %d", runtime.GOMAXPROCS(0), fetchProcs(all))
		}
		time.Sleep(time.Millisecond)
	}
	restore4()
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("GOMAXPROCS after restore = %d, want %d", got, all)
	}

	// Restored before the tables are built: it stays restored.
	late := make(chan struct{})
	_, restore5 := fetchThreads(check, late)
	restore5()
	close(late)
	time.Sleep(10 * time.Millisecond) // let the waiting goroutine run; it must not lower
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("GOMAXPROCS after restore, then the tables built = %d, want %d", got, all)
	}

	t.Setenv("GOMAXPROCS", "1")
	_, restore3 := fetchThreads(check, nil)
	defer restore3()
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("GOMAXPROCS with the user's own set = %d, want it left at %d", got, all)
	}
}
