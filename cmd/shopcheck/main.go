// Command shopcheck tells whether a shopping or login URL is a fake shop,
// a phishing page or a one-click-fraud page, shows why, and gives the
// police's advice for the case.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/shopcheck/shopcheck/internal/batch"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	gate := batch.NewGate()
	go interrupts(cancel, gate)
	procs := runtime.GOMAXPROCS(0)
	if os.Getenv("GOMAXPROCS") != "" {
		procs = 0 // the user's
	}
	code := run(ctx, os.Args[1:], &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrIsTerminal: isTerminal(os.Stderr), InIsTerminal: isTerminal(os.Stdin), Gate: gate, Procs: procs})
	cancel()
	os.Exit(code)
}

// interrupts handles SIGINT and SIGTERM in two stages. The first cancels
// the run's context: a batch stops taking targets and gives the checks in
// flight a few seconds to finish. The second exits at once: it waits only
// for the result line being written, so output files hold whole lines, and
// the run can be resumed with --resume.
func interrupts(cancel context.CancelFunc, gate *batch.Gate) {
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	cancel()
	fmt.Fprintln(os.Stderr, "\nshopcheck: interrupted: finishing the work under way (interrupt again to stop at once) / 中断します。処理中のものを終えています（もう一度で即時停止）")
	<-sig
	// A third interrupt kills at once, should the last write hang on a
	// stalled pipe.
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	gate.Hold()
	fmt.Fprintln(os.Stderr, "\nshopcheck: stopped at once; the output holds whole lines only. For a list written with -o, add --resume to the same command to check the rest. / 即時停止しました。-o で書き出したリストは、同じコマンドに --resume を付けると残りを調べられます。")
	os.Exit(exitTargetFail)
}
