package main

import (
	"testing"
	"time"
)

func TestProcTunerChoose(t *testing.T) {
	tu := &procTuner{hi: 4, lo: 2, margin: 1.05}
	for _, c := range []struct {
		name           string
		hiRate, loRate float64
		want           int
	}{
		{"fewer threads clearly faster", 4000, 6000, 2},
		{"fewer threads just past the margin", 1000, 1050, 2},
		{"within the margin: every core", 1000, 1040, 4},
		{"every core faster", 1300, 900, 4},
		{"every core too slow to tell", 0, 900, 4},
		{"fewer threads too slow to tell", 1000, 0, 4},
		{"nothing finished", 0, 0, 4},
	} {
		if got := tu.choose(c.hiRate, c.loRate); got != c.want {
			t.Errorf("%s: choose(%v, %v) = %d, want %d", c.name, c.hiRate, c.loRate, got, c.want)
		}
	}
}

// simBatch is a batch on a simulated clock: targets finish at rate(procs,
// now) a second, and the batch ends at end.
type simBatch struct {
	rate   func(procs int, now time.Duration) float64
	end    time.Duration
	now    time.Duration
	done   float64
	procs  int
	sets   []int
	timeAt map[int]time.Duration // time spent at each setting
}

func (b *simBatch) tuner(hi, lo int) *procTuner {
	b.procs = hi
	b.timeAt = map[int]time.Duration{}
	return &procTuner{
		hi: hi, lo: lo,
		count: func() int64 { return int64(b.done) },
		set: func(n int) {
			b.procs = n
			b.sets = append(b.sets, n)
		},
		now: func() time.Duration { return b.now },
		wait: func(d time.Duration) bool {
			for step := time.Millisecond; d > 0 && b.now < b.end; d -= step {
				b.done += b.rate(b.procs, b.now) * step.Seconds()
				b.timeAt[b.procs] += step
				b.now += step
			}
			return b.now < b.end
		},
		warm: 64, window: 40 * time.Millisecond, maxWindow: 500 * time.Millisecond,
		minCount: 40, hold: time.Second, margin: 1.05,
	}
}

func TestProcTunerKeepsTheFaster(t *testing.T) {
	steady := func(hiRate, loRate float64) func(int, time.Duration) float64 {
		return func(p int, _ time.Duration) float64 {
			if p == 2 {
				return hiRate
			}
			return loRate
		}
	}
	for _, c := range []struct {
		name string
		rate func(int, time.Duration) float64
		end  time.Duration
		// minLo and maxLo bound the share of the run spent on fewer
		// threads.
		minLo, maxLo float64
	}{
		// 2,000 small pages: one thread ~20 % faster.
		{"small pages", steady(4500, 5500), 400 * time.Millisecond, 0.6, 0.95},
		{"small pages, long list", steady(4500, 5500), 20 * time.Second, 0.9, 1},
		// Crawled shops: two threads faster.
		{"heavy pages", steady(1100, 850), 20 * time.Second, 0, 0.2},
		{"alike", steady(1000, 1000), 20 * time.Second, 0, 0.2},
		// Warming up (the first targets wait for the rule tables): the
		// setting measured later would look faster were it measured once.
		{"heavy pages, warming up", func(p int, now time.Duration) float64 {
			return steady(1100, 950)(p, now) * min(1, 0.2+now.Seconds()/0.5)
		}, 2 * time.Second, 0, 0.2},
		// Held up by the network: too few finish to tell, nothing changes.
		{"network-bound", steady(20, 40), 20 * time.Second, 0, 0.03},
		// The pages get heavier half-way: the choice follows.
		{"changing", func(p int, now time.Duration) float64 {
			if now < 10*time.Second {
				return steady(4500, 5500)(p, now)
			}
			return steady(1100, 600)(p, now)
		}, 20 * time.Second, 0.35, 0.6},
	} {
		b := &simBatch{rate: c.rate, end: c.end}
		b.tuner(2, 1).run()
		lo := float64(b.timeAt[1]) / float64(c.end)
		if lo < c.minLo || lo > c.maxLo {
			t.Errorf("%s: %.2f of the run on one thread, want %.2f-%.2f (settings %v)", c.name, lo, c.minLo, c.maxLo, b.sets)
		}
		if len(b.sets) > 0 && b.sets[len(b.sets)-1] != 2 {
			t.Errorf("%s: left %d threads set at the end, want 2", c.name, b.sets[len(b.sets)-1])
		}
		if b.procs != 2 {
			t.Errorf("%s: %d threads after the run, want 2", c.name, b.procs)
		}
	}
}

func TestTuneProcsOffWithOneThread(t *testing.T) {
	for _, hi := range []int{0, 1} {
		tuneProcs(hi, nil)() // nil: it must not even start
	}
}
