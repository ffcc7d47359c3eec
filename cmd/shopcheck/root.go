package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/shopcheck/shopcheck/internal/buildinfo"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/shopcheck/shopcheck/internal/batch"
)

// Streams are the program's input and outputs, injected so that tests can
// capture everything the commands print.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// ErrIsTerminal says whether Err is a terminal (a progress bar is shown
	// only then).
	ErrIsTerminal bool
	// InIsTerminal says whether In is a terminal: `message` reading a
	// paste from it says how to end the paste.
	InIsTerminal bool
	// Gate is what results are written through; main holds it to stop at
	// once on a second interrupt. Nil: each run has its own.
	Gate *batch.Gate
	// Procs is the number of threads Go chose to run Go code (GOMAXPROCS)
	// when the command owns the process and may tune it for a batch
	// (procTuner); 0 leaves it alone (tests running commands side by side,
	// a GOMAXPROCS the user set).
	Procs int
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// The exit codes of the contract.
const (
	exitOK         = 0
	exitUsage      = 1
	exitTargetFail = 2
	exitFailOn     = 3
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error // nil when the code says it all
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// usageError marks a usage or configuration error (exit 1).
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// outputError marks a failure to write the output (a full disk, a closed
// pipe) of a command that checks nothing: exit 1, without the usage hint
// that cobra's own errors get.
func outputError(err error) error {
	return &exitError{code: exitUsage, err: fmt.Errorf("writing the output: %w", err)}
}

// run executes the command line and maps its outcome to an exit code: the
// one place where errors become exit codes.
func run(ctx context.Context, args []string, s *Streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(s.Err, "shopcheck:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors (unknown flag, bad argument count) are usage errors.
	fmt.Fprintln(s.Err, "shopcheck:", err)
	fmt.Fprintln(s.Err, "Run 'shopcheck --help' for usage. 使い方は shopcheck --help で表示されます。")
	return exitUsage
}

func newRootCmd(s *Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "shopcheck",
		Short: "Check whether a shop or login URL is a fake shop, phishing or one-click fraud",
		Long: `shopcheck は、ネットショップやログイン画面のURLが偽ショップ・フィッシング・ワンクリック詐欺
（架空請求）でないかを調べ、その根拠と警察のアドバイスを表示します。

shopcheck tells whether a shopping or login URL is a fake shop, a phishing page or a
one-click-fraud page, shows why, and gives the police's advice for the case.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildinfo.Version(),
	}
	root.SetVersionTemplate("shopcheck {{.Version}}\n")
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.AddCommand(
		newCheckCmd(s),
		newDomainCmd(s),
		newMessageCmd(s),
		newAdviceCmd(s),
		newRulesCmd(s),
		newVerifyCmd(s),
	)
	return root
}
