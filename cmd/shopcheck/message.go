package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/internal/message"
)

type messageOptions struct {
	commonOptions
	// NoFetch screens the message's URLs by domain alone.
	NoFetch bool
	Files   []string
}

func newMessageCmd(s *Streams) *cobra.Command {
	o := &messageOptions{}
	cmd := &cobra.Command{
		Use:   "message [FILE...]",
		Short: "Screen an SMS or e-mail (text or .eml): its own signs and every URL in it",
		Long: `SMSやメール（テキスト・.emlファイル）を読み、文面の兆候を調べ、含まれるURLをすべて確認します。

Read each FILE (an SMS or e-mail saved as text, or an .eml file; standard input when no
FILE is given, or for "-"), score the message's own warning signs (requests for PINs or
card data, suspension and delivery lures, fake bills, a sender or links that are not the
brand's) and check every URL found in it, defanged ones (hxxps, [.]) included. The
message's risk is the highest of its own and its links'. Addresses that a warning from a
brand's or a public body's own domain quotes defanged are marked quoted, and the
message's own signs leave them out.`,
		Example: `  shopcheck message sms.txt
  pbpaste | shopcheck message
  shopcheck message suspicious.eml --json
  shopcheck message --no-fetch --no-whois mail.eml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			if err := o.validate(cmd.Flags()); err != nil {
				return err
			}
			return runMessage(cmd.Context(), s, o)
		},
	}
	addCommonFlags(cmd, &o.commonOptions, flagSet{fetch: true, whois: true})
	cmd.Flags().BoolVar(&o.NoFetch, "no-fetch", false, "screen the message's URLs by domain alone, fetch nothing")
	return cmd
}

// runMessage screens each message file as one target of a batch (so that
// -l, -o, --format, --resume and --fail-on work as for check).
func runMessage(ctx context.Context, s *Streams, o *messageOptions) error {
	files := o.Files
	if len(files) == 0 && o.List == "" {
		files = []string{"-"}
	}
	if o.List == "-" {
		for _, f := range files {
			if f == "-" {
				return usageError("standard input cannot be both the list (-l -) and a message (-)")
			}
		}
	}
	if s.InIsTerminal && slices.Contains(files, "-") {
		// Someone at a keyboard: say how to give the message.
		fmt.Fprintln(s.Err, "SMSやメールの本文を貼り付けて、最後に Ctrl+D（Windows は Ctrl+Z のあと Enter）を押してください。\nPaste the message's text, then press Ctrl+D (on Windows, Ctrl+Z then Enter).")
	}
	c, data, closeFn, err := o.setup()
	if err != nil {
		return err
	}
	defer closeFn()
	// Messages are screened several at once and note what they could not
	// read on stderr, where the progress bar is drawn too: one lock.
	locked := *s
	locked.Err = &syncWriter{w: s.Err}
	s = &locked
	if !o.NoFetch {
		o.fitRate(s.Err)
	}
	sc := &message.Screener{
		Link: c.Check, Data: data, Lang: o.Lang, MaxBytes: o.MaxBody,
		Concurrency: o.Concurrency, Stdin: s.In, Warn: s.Err,
	}
	if o.NoFetch {
		sc.Link = c.CheckDomain
	} else {
		sc.ByName = c.CheckDomain
	}
	return runBatch(ctx, s, &o.commonOptions, files, sc.Screen)
}

// syncWriter writes each call whole, one at a time.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
