package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/report"
	"github.com/shopcheck/shopcheck/rules"
)

// checkFunc checks one target.
type checkFunc func(ctx context.Context, target string) *checker.Result

// runBatch checks every target (the arguments, then -l) with o.Concurrency
// workers and writes each result as it finishes.
func runBatch(ctx context.Context, s *Streams, o *commonOptions, args []string, check checkFunc) error {
	out := s.Out
	if o.Output != "" && o.Output != "-" {
		f, err := os.Create(o.Output)
		if err != nil {
			return usageError("creating output file: %v", err)
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	w, err := report.New(o.Format, bw, report.Options{Lang: o.Lang, Detailed: o.List == ""})
	if err != nil {
		return usageError("%v", err)
	}

	targets := make(chan string)
	var readErr error
	go func() {
		defer close(targets)
		for _, a := range args {
			targets <- a
		}
		if o.List == "" {
			return
		}
		var r io.Reader = s.In
		if o.List != "-" {
			f, err := os.Open(o.List)
			if err != nil {
				readErr = err
				return
			}
			defer f.Close()
			r = f
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			targets <- line
		}
		readErr = sc.Err()
	}()

	results := make(chan *checker.Result)
	var wg sync.WaitGroup
	for i := 0; i < o.Concurrency; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range targets {
				results <- check(ctx, t)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	failed, reached := false, false
	var werr error
	for res := range results {
		if werr == nil {
			werr = w.Write(res)
		}
		if res.Error != nil {
			failed = true
		}
		if rank := o.failRank(); rank > 0 && res.Risk.Rank() >= rank && res.Risk != rules.RiskError {
			reached = true
		}
	}
	if err := w.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		return &exitError{code: exitTargetFail, err: fmt.Errorf("writing results: %w", werr)}
	}
	if readErr != nil {
		return usageError("reading -l %s: %v", o.List, readErr)
	}
	switch {
	case reached:
		return &exitError{code: exitFailOn}
	case failed:
		return &exitError{code: exitTargetFail}
	}
	return nil
}
