package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/report"
)

// Config is one batch run as the command line asked for it.
type Config struct {
	// Args are the targets given on the command line; they come first.
	Args []string
	// List is the -l file, "-" for Stdin, "" for none.
	List  string
	Stdin io.Reader
	// Output is the -o file; "" or "-" writes to Stdout.
	Output string
	Stdout io.Writer
	// Stderr gets the progress bar.
	Stderr io.Writer
	// Progress shows a bar on Stderr (the caller decides: a terminal and
	// no --no-progress).
	Progress bool
	// Format is text, json, csv or html; Report shapes it.
	Format string
	Report report.Options
	// Resume skips the targets already in Output and appends the rest.
	Resume bool
	// Clusters, when not empty, is a file that gets the campaign clusters
	// as JSON Lines at the end of the run.
	Clusters string
	// MaxClues bounds the clue values tracked for clustering
	// (report.DefaultMaxClues when 0).
	MaxClues int
	Engine   EngineOptions
	// Gate, when set, is the gate the results are written through: the
	// program holds it to stop at once. Nil: a gate of the run's own.
	Gate *Gate
}

// Summary is what a batch run did.
type Summary struct {
	Outcome
	// Tally counts every record of the output, those found in the file
	// when resuming included.
	Tally *report.Tally
	// Resumed counts the records found in the output file when resuming,
	// and Cut the bytes of a broken last line removed from it.
	Resumed int
	Cut     int64
}

// ConfigError is a failure before any target was checked: a list or output
// file that cannot be opened, a file that cannot be resumed from.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

func configErr(format string, args ...any) error {
	return &ConfigError{fmt.Errorf(format, args...)}
}

// Do runs a batch: it reads the targets, checks them with check and writes
// the results in cfg.Format to cfg.Output as they finish, then the summary
// (text, HTML) and the clusters file. Errors before the first check are
// *ConfigError; a read or write error later is returned with the summary
// of what was done.
func Do(ctx context.Context, cfg Config, check Check) (*Summary, error) {
	if cfg.Resume && (cfg.Output == "" || cfg.Output == "-") {
		return nil, configErr("--resume needs -o FILE: it skips the targets already in that file")
	}
	var list io.Reader
	var listFile *os.File
	switch cfg.List {
	case "":
	case "-":
		list = cfg.Stdin
	default:
		f, err := os.Open(cfg.List)
		if err != nil {
			return nil, configErr("opening the list: %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			// Read, it fails after the run has begun (exit 2, a summary
			// of nothing); it is a usage error, nothing checked.
			return nil, configErr("the list %s is a folder: give a file with one target a line (to check saved pages, give the folder as a target: shopcheck check %s)", cfg.List, cfg.List)
		}
		list, listFile = f, f
	}
	toFile := cfg.Output != "" && cfg.Output != "-"
	if toFile && listFile != nil {
		if a, err := listFile.Stat(); err == nil {
			if b, err := os.Stat(cfg.Output); err == nil && os.SameFile(a, b) {
				return nil, configErr("-o %s is the list itself: writing would destroy it", cfg.Output)
			}
		}
	}

	tally := report.NewTally(cfg.MaxClues)
	sum := &Summary{Tally: tally}
	continued := false
	if cfg.Resume {
		r, err := LoadResume(cfg.Output, cfg.Format, tally)
		if err != nil {
			return nil, &ConfigError{err}
		}
		cfg.Engine.Skip = r.Done
		sum.Resumed, sum.Cut = r.Done.Len(), r.Cut
		continued = r.Size > 0
		if cfg.Clusters != "" && cfg.Format == "csv" && sum.Resumed > 0 && cfg.Stderr != nil {
			// A CSV row keeps no clues: the campaigns among the rows
			// already written cannot be found again.
			fmt.Fprintf(cfg.Stderr, "shopcheck: the %d results already in %s carry no campaign clues (CSV does not keep them): %s will only hold campaigns among the targets checked now. To keep campaigns across resumed runs, write JSON (--format json).\n", sum.Resumed, cfg.Output, cfg.Clusters)
		}
	}

	var prog *progress
	if cfg.Progress {
		total := int64(len(cfg.Args))
		if listFile != nil {
			if st, err := listFile.Stat(); err == nil && st.Mode().IsRegular() {
				n, err := CountLines(listFile)
				if _, serr := listFile.Seek(0, io.SeekStart); err != nil || serr != nil {
					return nil, configErr("reading the list: %v", errors.Join(err, serr))
				}
				total += n
			}
		} else if list != nil {
			total = -1 // stdin: as long as it is
		}
		if total > 0 {
			total = max(total-int64(sum.Resumed), 1)
		}
		prog = newProgress(cfg.Stderr, total)
		defer prog.done()
	}

	// The output is opened without cutting it, so that a clusters path
	// that cannot be written (below) leaves the last run's output as it
	// was; it is emptied once everything is in place.
	var dst io.Writer = cfg.Stdout
	var outFile *os.File
	if toFile {
		flags := os.O_WRONLY | os.O_CREATE
		if cfg.Resume {
			flags |= os.O_APPEND
		}
		f, err := os.OpenFile(cfg.Output, flags, 0o644)
		if err != nil {
			return nil, configErr("opening the output file: %w", err)
		}
		defer f.Close()
		dst, outFile = f, f
	}
	// The clusters file is made after the list, the resume file and the
	// output have been opened (a run refused for them must not wipe the
	// last run's clusters) and before any check, so that a path that
	// cannot be written stops the run at once rather than after the whole
	// list. A path naming the list or the
	// output is refused whatever its spelling: the same file when both
	// exist (the output does by now), the same absolute path otherwise.
	var clusters *os.File
	started := false // the checks began: the clusters file is theirs
	if cfg.Clusters != "" {
		for _, other := range []string{cfg.List, cfg.Output} {
			if other != "" && other != "-" && sameFile(cfg.Clusters, other) {
				return nil, configErr("--clusters %s is also the list or the output: writing it would destroy that", cfg.Clusters)
			}
		}
		// Opened, not yet emptied: a run refused after this point keeps
		// the last run's clusters (and a file made now is removed).
		_, statErr := os.Stat(cfg.Clusters)
		f, err := os.OpenFile(cfg.Clusters, os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			return nil, configErr("creating the clusters file: %w", err)
		}
		clusters = f // emptied before the checks, written and closed by writeClustersFile after the run
		defer func() {
			if !started {
				f.Close()
				if os.IsNotExist(statErr) {
					os.Remove(cfg.Clusters)
				}
			}
		}()
	}
	if outFile != nil && !cfg.Resume {
		// Only a regular file is emptied: /dev/null, a pipe or a FIFO
		// given as -o take what is written as it comes (and cannot be
		// truncated).
		if st, err := outFile.Stat(); err == nil && st.Mode().IsRegular() {
			if err := outFile.Truncate(0); err != nil {
				return nil, configErr("emptying the output file: %w", err)
			}
		}
	}
	gate := cfg.Gate
	if gate == nil {
		gate = NewGate()
	}
	lw := newLockedWriter(gate, dst, true)
	defer lw.close()
	if prog != nil && !toFile {
		lw.before = func() { prog.bar.Clear() } // results and bar share the terminal
	}
	var w report.Writer
	if continued && cfg.Format == "csv" {
		w = report.NewCSVContinued(lw, cfg.Report)
	} else {
		var err error
		if w, err = report.New(cfg.Format, lw, cfg.Report); err != nil {
			return nil, &ConfigError{err}
		}
	}

	if clusters != nil {
		if st, err := clusters.Stat(); err == nil && st.Mode().IsRegular() {
			if err := clusters.Truncate(0); err != nil {
				return nil, configErr("emptying the clusters file: %w", err)
			}
		}
	}
	started = true
	emit := func(res *checker.Result, fresh bool) error {
		tally.Add(res, fresh)
		prog.add(res)
		if err := w.Write(res); err != nil {
			return fmt.Errorf("writing the result of %s: %w", res.Target, err)
		}
		return nil
	}
	out, runErr := Run(ctx, NewSource(cfg.Args, list), check, emit, cfg.Engine)
	sum.Outcome = out
	tally.Unfinished = out.Unfinished
	prog.done()

	var errs []error
	if runErr != nil {
		errs = append(errs, runErr)
	}
	if sw, ok := w.(report.SummaryWriter); ok {
		if err := sw.WriteSummary(tally); err != nil {
			errs = append(errs, fmt.Errorf("writing the summary: %w", err))
		}
	}
	if err := w.Close(); err != nil {
		errs = append(errs, fmt.Errorf("finishing the output: %w", err))
	}
	if err := lw.close(); err != nil && len(errs) == 0 { // else already said
		errs = append(errs, fmt.Errorf("writing the output: %w", err))
	}
	if clusters != nil {
		if err := writeClustersFile(clusters, tally); err != nil {
			errs = append(errs, err)
		}
	}
	return sum, errors.Join(errs...)
}

// writeClustersFile writes the campaign clusters as JSON Lines to f and
// closes it.
func writeClustersFile(f *os.File, t *report.Tally) error {
	path := f.Name()
	werr := report.WriteClusters(f, t.Clusters.Campaigns())
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing the clusters file %s: %w", path, werr)
	}
	return nil
}

// sameFile reports whether paths a and b name one file: the same file
// when both exist, else the same cleaned absolute path.
func sameFile(a, b string) bool {
	if sa, err := os.Stat(a); err == nil {
		if sb, err := os.Stat(b); err == nil {
			return os.SameFile(sa, sb)
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}
