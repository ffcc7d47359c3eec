package batch

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// progress shows a bar with the count, the rate, the time left and the
// results so far by risk. It is made only when stderr is a terminal.
type progress struct {
	bar    *progressbar.ProgressBar
	counts map[rules.Risk]int
	closed bool
}

// newProgress returns a bar of total targets on w (-1: total unknown, a
// spinner with count and rate).
func newProgress(w io.Writer, total int64) *progress {
	if total <= 0 {
		total = -1
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(24),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("targets"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionShowDescriptionAtLineEnd(),
	)
	return &progress{bar: bar, counts: make(map[rules.Risk]int)}
}

func (p *progress) add(r *checker.Result) {
	if p == nil {
		return
	}
	p.counts[r.Risk]++
	// Both calls render at most every 200ms (the bar's throttle).
	p.bar.Describe(fmt.Sprintf("high %d, medium %d, low %d, error %d",
		p.counts[rules.RiskHigh], p.counts[rules.RiskMedium], p.counts[rules.RiskLow], p.counts[rules.RiskError]))
	p.bar.Add(1)
}

// done removes the bar from the terminal.
func (p *progress) done() {
	if p == nil || p.closed {
		return
	}
	p.closed = true
	p.bar.Clear()
	p.bar.Exit()
}
