package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// fake is a check that returns canned results and counts its calls.
type fake struct {
	mu      sync.Mutex
	calls   map[string]int
	running atomic.Int32
	maxRun  atomic.Int32
	// hook, when set, runs inside the check (to block, panic, ...).
	hook func(ctx context.Context, target string)
}

func newFake() *fake { return &fake{calls: make(map[string]int)} }

func (f *fake) check(ctx context.Context, target string) *checker.Result {
	n := f.running.Add(1)
	defer f.running.Add(-1)
	for {
		m := f.maxRun.Load()
		if n <= m || f.maxRun.CompareAndSwap(m, n) {
			break
		}
	}
	f.mu.Lock()
	f.calls[target]++
	f.mu.Unlock()
	if f.hook != nil {
		f.hook(ctx, target)
	}
	return cannedResult(target)
}

func (f *fake) callsOf(target string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[target]
}

// cannedResult is a result whose risk depends on the target's name.
func cannedResult(target string) *checker.Result {
	r := &checker.Result{Target: target, URL: "https://" + target + "/", Domain: target, Risk: rules.RiskLow, CheckedAt: "2026-01-02T03:04:05Z"}
	switch {
	case strings.HasPrefix(target, "high"):
		r.Risk, r.Score = rules.RiskHigh, 80
		r.Signs = []rules.Sign{{ID: "domain-new", Severity: rules.High, Points: 25, Evidence: "2026-01-01"}, {ID: "payment-transfer-only", Severity: rules.High, Points: 60}}
	case strings.HasPrefix(target, "err"):
		r.Risk = rules.RiskError
		r.Error = &checker.ErrorInfo{Code: checker.CodeConnect, Message: "connection refused"}
	}
	return r
}

type emitted struct {
	res   *checker.Result
	fresh bool
}

// collect is an Emit that keeps everything (safe: Emit runs on one goroutine).
type collect struct {
	mu  sync.Mutex
	got []emitted
	on  func(r *checker.Result)
}

func (c *collect) emit(r *checker.Result, fresh bool) error {
	c.mu.Lock()
	c.got = append(c.got, emitted{r, fresh})
	c.mu.Unlock()
	if c.on != nil {
		c.on(r)
	}
	return nil
}

func (c *collect) count(target string) (n, fresh int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.got {
		if e.res.Target == target {
			n++
			if e.fresh {
				fresh++
			}
		}
	}
	return n, fresh
}

func listSource(lines ...string) *Source {
	return NewSource(nil, strings.NewReader(strings.Join(lines, "\n")+"\n"))
}

func TestRunEveryLineOnceAndRepeatsCheckedOnce(t *testing.T) {
	var lines []string
	want := map[string]int{}
	for i := 0; i < 300; i++ {
		tg := fmt.Sprintf("site%03d.example", i%120) // far repeats
		if i%7 == 0 {
			tg = "high.example" // near repeats, often in flight
		}
		lines = append(lines, "  "+tg+" ")
		want[tg]++
	}
	f := newFake()
	var c collect
	out, err := Run(context.Background(), listSource(lines...), f.check, c.emit, EngineOptions{Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	if out.Lines != 300 || out.Written != 300 || out.Interrupted || out.Unfinished {
		t.Fatalf("outcome = %+v", out)
	}
	if out.Checked != len(want) {
		t.Errorf("checked %d targets, want %d (each distinct target once)", out.Checked, len(want))
	}
	for tg, n := range want {
		got, fresh := c.count(tg)
		if got != n || fresh != 1 {
			t.Errorf("%s: %d results (%d fresh), want %d (1 fresh)", tg, got, fresh, n)
		}
		if calls := f.callsOf(tg); calls != 1 {
			t.Errorf("%s checked %d times", tg, calls)
		}
	}
	if m := f.maxRun.Load(); m > 4 {
		t.Errorf("%d checks ran at once, limit 4", m)
	}
}

func TestRunRunsConcurrently(t *testing.T) {
	// Each check waits until four run at once: the test can only pass when
	// the engine really runs four.
	f := newFake()
	all := make(chan struct{})
	var once sync.Once
	f.hook = func(ctx context.Context, target string) {
		if f.running.Load() >= 4 {
			once.Do(func() { close(all) })
		}
		select {
		case <-all:
		case <-time.After(10 * time.Second):
			t.Errorf("%s: four checks never ran at once", target)
		}
	}
	var c collect
	out, err := Run(context.Background(), listSource("a", "b", "c", "d", "e", "f"), f.check, c.emit, EngineOptions{Concurrency: 4})
	if err != nil || out.Written != 6 {
		t.Fatalf("out=%+v err=%v", out, err)
	}
}

func TestRunStreamsInCompletionOrder(t *testing.T) {
	release := make(chan struct{})
	f := newFake()
	f.hook = func(ctx context.Context, target string) {
		if target == "slow.example" {
			<-release
		}
	}
	var c collect
	c.on = func(r *checker.Result) {
		if r.Target == "fast3.example" {
			close(release) // the slow one may finish once the fast ones are out
		}
	}
	out, err := Run(context.Background(), listSource("slow.example", "fast1.example", "fast2.example", "fast3.example"), f.check, c.emit, EngineOptions{Concurrency: 2})
	if err != nil || out.Written != 4 {
		t.Fatalf("out=%+v err=%v", out, err)
	}
	if last := c.got[len(c.got)-1].res.Target; last != "slow.example" {
		t.Errorf("last result %s, want slow.example (results stream as they finish)", last)
	}
}

func TestRunRepeatJoinsTargetInFlight(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	f := newFake()
	f.hook = func(ctx context.Context, target string) {
		if target == "a" {
			started <- struct{}{}
			<-release
		}
	}
	src := NewSource([]string{"a", "b", "a", "c", "a"}, nil)
	var c collect
	c.on = func(r *checker.Result) {
		if r.Target == "c" {
			close(release)
		}
	}
	out, err := Run(context.Background(), src, f.check, c.emit, EngineOptions{Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	if n, fresh := c.count("a"); n != 3 || fresh != 1 || f.callsOf("a") != 1 {
		t.Errorf("a: %d results, %d fresh, %d checks; want 3, 1, 1 (out=%+v)", n, fresh, f.callsOf("a"), out)
	}
}

func TestRunRepeatOutsideWindowIsCheckedAgain(t *testing.T) {
	f := newFake()
	var c collect
	_, err := Run(context.Background(), NewSource([]string{"a", "b", "c", "a", "c"}, nil), f.check, c.emit, EngineOptions{Concurrency: 1, Remember: 1})
	if err != nil {
		t.Fatal(err)
	}
	if f.callsOf("a") != 2 || f.callsOf("c") != 1 {
		t.Errorf("checks: a=%d c=%d; want a=2 (forgotten), c=1 (remembered)", f.callsOf("a"), f.callsOf("c"))
	}
	if n, fresh := c.count("a"); n != 2 || fresh != 2 {
		t.Errorf("a: %d results, %d fresh", n, fresh)
	}
	if n, fresh := c.count("c"); n != 2 || fresh != 1 {
		t.Errorf("c: %d results, %d fresh", n, fresh)
	}
}

func TestRunSkipsDoneTargets(t *testing.T) {
	skip := newSkipSet()
	skip.add("b")
	skip.add("dup")
	skip.seal()
	f := newFake()
	var c collect
	out, err := Run(context.Background(), NewSource([]string{"a", "b", "dup", "c", "dup"}, nil), f.check, c.emit, EngineOptions{Skip: skip})
	if err != nil {
		t.Fatal(err)
	}
	if out.Skipped != 2 || out.Written != 3 {
		t.Fatalf("outcome %+v; want 2 skipped, 3 written", out)
	}
	if n, _ := c.count("b"); n != 0 {
		t.Error("b was done already but written again")
	}
	// dup was in the file once and in the list twice: its second line is new.
	if n, _ := c.count("dup"); n != 1 {
		t.Errorf("dup written %d times, want 1", n)
	}
}

func TestRunOddTargets(t *testing.T) {
	f := newFake()
	f.hook = func(ctx context.Context, target string) {
		if target == "panic.example" {
			panic("hostile page")
		}
	}
	long := strings.Repeat("z", MaxLine+1)
	var c collect
	out, err := Run(context.Background(), NewSource(nil, strings.NewReader("panic.example\n"+long+"\nbad\xffline.example\nok.example\n")), f.check, c.emit, EngineOptions{})
	if err != nil || out.Written != 4 {
		t.Fatalf("out=%+v err=%v", out, err)
	}
	// Error records have the contract's arrays, empty, as every record:
	// scripts run jq '.signs[]' over them.
	arrays := func(what string, r *checker.Result) {
		if r.Signs == nil || r.Advice == nil || r.Redirects == nil || r.Pages == nil {
			t.Errorf("%s: an array is null: signs %v advice %v redirects %v pages %v", what, r.Signs == nil, r.Advice == nil, r.Redirects == nil, r.Pages == nil)
		}
	}
	for _, e := range c.got {
		if e.res.Error != nil {
			arrays(e.res.Target, e.res)
		}
		switch {
		case e.res.Target == "panic.example":
			if e.res.Error == nil || e.res.Risk != rules.RiskError {
				t.Errorf("panic: got %+v, want an error record", e.res)
			}
		case strings.HasPrefix(e.res.Target, "zzz"):
			if e.res.Error == nil || e.res.Error.Code != checker.CodeInvalidTarget || e.res.Target != long {
				t.Errorf("too long: got error %+v, target of %d bytes (want the line as given)", e.res.Error, len(e.res.Target))
			}
			if f.callsOf(long) != 0 || f.callsOf(long[:MaxLine]) != 0 {
				t.Error("a too-long line was checked")
			}
		}
	}
	renaming := func(ctx context.Context, target string) *checker.Result {
		return &checker.Result{Target: strings.ToUpper(target), Risk: rules.RiskLow}
	}
	var c3 collect
	if _, err := Run(context.Background(), NewSource([]string{"Shop.Example"}, nil), renaming, c3.emit, EngineOptions{}); err != nil || c3.got[0].res.Target != "Shop.Example" {
		t.Errorf("a check that renames its target: record target %q, want the line as given", c3.got[0].res.Target)
	}
	nilCheck := func(ctx context.Context, target string) *checker.Result { return nil }
	var c2 collect
	if _, err := Run(context.Background(), NewSource([]string{"x"}, nil), nilCheck, c2.emit, EngineOptions{}); err != nil || len(c2.got) != 1 || c2.got[0].res.Error == nil {
		t.Errorf("nil result: err=%v got=%+v", err, c2.got)
	} else {
		arrays("nil result", c2.got[0].res)
	}
}

func TestRunEmitErrorStops(t *testing.T) {
	boom := errors.New("disk full")
	f := newFake()
	n := 0
	emit := func(r *checker.Result, fresh bool) error {
		n++
		if n == 3 {
			return boom
		}
		return nil
	}
	var lines []string
	for i := 0; i < 1000; i++ {
		lines = append(lines, fmt.Sprint("t", i))
	}
	out, err := Run(context.Background(), listSource(lines...), f.check, emit, EngineOptions{Concurrency: 2})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if out.Written != 2 || out.Checked > 10 {
		t.Errorf("outcome %+v: the run should stop at the failed write", out)
	}
}

func TestRunInterruptLetsInFlightFinish(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	var started atomic.Int32
	f := newFake()
	var ctxErrs atomic.Int32
	f.hook = func(cctx context.Context, target string) {
		if started.Add(1) == 2 {
			cancel() // the first interrupt, while two checks are under way
			go func() { time.Sleep(20 * time.Millisecond); close(release) }()
		}
		<-release
		if cctx.Err() != nil {
			ctxErrs.Add(1)
		}
	}
	var lines []string
	for i := 0; i < 50; i++ {
		lines = append(lines, fmt.Sprint("t", i))
	}
	var c collect
	out, err := Run(ctx, listSource(lines...), f.check, c.emit, EngineOptions{Concurrency: 2, Grace: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Interrupted || !out.Unfinished || out.Written != 2 || out.LeftOut != 0 {
		t.Errorf("outcome %+v; want interrupted, unfinished, 2 written, none left out", out)
	}
	if ctxErrs.Load() != 0 {
		t.Error("checks in flight were cancelled by the first interrupt")
	}
	if out.Checked != 2 {
		t.Errorf("%d checks started; no new target may start after the interrupt", out.Checked)
	}
}

func TestRunInterruptCancelsAfterGrace(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	f := newFake()
	f.hook = func(cctx context.Context, target string) {
		if started.Add(1) == 2 {
			cancel()
		}
		<-cctx.Done() // a check that only ends when cancelled
	}
	var c collect
	out, err := Run(ctx, listSource("a", "b", "c", "a"), f.check, c.emit, EngineOptions{Concurrency: 2, Grace: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if out.Written != 0 || !out.Unfinished || out.LeftOut < 2 {
		t.Errorf("outcome %+v; results that come after the grace period must be left out", out)
	}
}

func TestRunInterruptAbandonsStuckChecks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stuck := make(chan struct{})
	defer close(stuck)
	var started atomic.Int32
	f := newFake()
	f.hook = func(cctx context.Context, target string) {
		if started.Add(1) == 2 {
			cancel()
		}
		<-stuck // ignores its context
	}
	var c collect
	done := make(chan Outcome)
	go func() {
		out, _ := Run(ctx, listSource("a", "b", "c"), f.check, c.emit, EngineOptions{Concurrency: 2, Grace: 10 * time.Millisecond, Abandon: 10 * time.Millisecond})
		done <- out
	}()
	select {
	case out := <-done:
		if out.LeftOut != 2 || !out.Unfinished || out.Written != 0 {
			t.Errorf("outcome %+v", out)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run waited for checks that never return")
	}
}

func TestRunSourceError(t *testing.T) {
	f := newFake()
	var c collect
	src := NewSource(nil, io.MultiReader(strings.NewReader("a\nb\n"), iotest.ErrReader(errors.New("read error"))))
	out, err := Run(context.Background(), src, f.check, c.emit, EngineOptions{})
	if err == nil || !out.Unfinished {
		t.Fatalf("err=%v out=%+v; want the read error and an unfinished run", err, out)
	}
	if out.Written != 2 {
		t.Errorf("written %d; the targets read before the error are still checked", out.Written)
	}
}
