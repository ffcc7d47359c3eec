package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/batch"
	"github.com/shopcheck/shopcheck/internal/report"
)

// checkFunc checks one target. It always returns a result (an error record
// when the target could not be read) and is called from several goroutines.
type checkFunc func(ctx context.Context, target string) *checker.Result

// runBatch checks every target (the arguments, then the -l list) with
// o.Concurrency workers and writes each result as it finishes: a thin
// wrapper over package batch, which streams the list, checks a repeated
// target once, resumes from -o with --resume and stops gracefully when ctx
// is cancelled (the first interrupt). It maps the outcome to the contract's
// exit codes: 1 nothing could start, 3 the --fail-on level was reached,
// 2 a target could not be checked or was left unchecked, 0 otherwise.
func runBatch(ctx context.Context, s *Streams, o *commonOptions, args []string, check checkFunc) error {
	toFile := o.Output != "" && o.Output != "-"
	cfg := batch.Config{
		Args:   args,
		List:   o.List,
		Stdin:  s.In,
		Output: o.Output,
		Stdout: s.Out,
		Stderr: s.Err,
		// A bar for a list, or several targets; not for one (a pasted
		// message's bar would be drawn over the paste).
		Progress: s.ErrIsTerminal && !o.NoProgress && (o.List != "" || len(args) > 1),
		Format:   o.Format,
		// A resident's few targets get the full view; a list, the
		// compact one with a summary.
		Report:   report.Options{Lang: o.Lang, Detailed: o.List == ""},
		Resume:   o.Resume,
		Clusters: o.Clusters,
		Engine:   batch.EngineOptions{Concurrency: o.Concurrency},
		Gate:     s.Gate,
	}
	sum, err := batch.Do(ctx, cfg, batch.Check(check))
	var ce *batch.ConfigError
	if errors.As(err, &ce) {
		return usageError("%v%s", ce.Err, configHint(ce.Err))
	}
	if sum != nil && sum.Cut > 0 {
		fmt.Fprintf(s.Err, "shopcheck: removed a broken last line (%d bytes) from %s before resuming\n", sum.Cut, o.Output)
	}
	if err != nil {
		return &exitError{code: exitTargetFail, err: err}
	}
	if sum.Interrupted && sum.Unfinished {
		fmt.Fprintf(s.Err, "shopcheck: interrupted: %d results written; the targets not yet checked are not in the output.\n", sum.Written)
		if toFile && (o.Format == "json" || o.Format == "csv") {
			fmt.Fprintf(s.Err, "To check the rest, run the same command again with --resume: it skips what %s already holds.\n", o.Output)
		} else {
			fmt.Fprintln(s.Err, "To be able to resume, write to a file in JSON or CSV (-o FILE --format json), then add --resume to finish.")
		}
	}
	switch {
	case o.failRank() > 0 && sum.Tally.AtLeast(o.failRank()) > 0:
		return &exitError{code: exitFailOn}
	case sum.Tally.Failed > 0 || sum.Unfinished:
		return &exitError{code: exitTargetFail}
	}
	return nil
}

// configHint says in Japanese what a file error before the run means, for
// the reader who does not read the system's English (「open nolist.txt: no
// such file or directory」).
func configHint(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "（ファイルが見つかりません。場所と名前を確かめてください）"
	case errors.Is(err, fs.ErrPermission):
		return "（ファイルを開く権限がありません）"
	}
	return ""
}
