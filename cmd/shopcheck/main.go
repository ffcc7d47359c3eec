// Command shopcheck tells whether a shopping or login URL is a fake shop,
// a phishing page or a one-click-fraud page, shows why, and gives the
// police's advice for the case.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrIsTerminal: isTerminal(os.Stderr)})
	stop()
	os.Exit(code)
}
