package main

import (
	"context"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/checker"
)

type checkOptions struct {
	commonOptions
	Targets []string
}

func newCheckCmd(s *Streams) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [TARGET...]",
		Short: "Check shops and login pages: fetch, crawl, score every sign, give a verdict",
		Long: `URL・ドメイン名・保存したページ（.html やそのフォルダー）・証拠ファイル（.warc.gz）を調べ、
同じサイトのページをいくつか読んで兆候を判定し、危険度と根拠、警察のアドバイスを表示します。

Fetch each target (a URL, a bare domain, a saved .html file or folder, or a .warc/.warc.gz
evidence file), crawl a few pages of the same site, score every warning sign and print a
verdict with its evidence and the police's advice.`,
		Example: `  shopcheck check https://shop.example.jp/
  shopcheck check example.jp --lang en
  shopcheck check -l urls.txt --json -o results.jsonl
  shopcheck check testdata/sites/fake-utf8`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Targets = args
			if err := o.validate(cmd.Flags()); err != nil {
				return err
			}
			return runCheck(cmd, s, o)
		},
	}
	addCommonFlags(cmd, &o.commonOptions, flagSet{fetch: true, whois: true})
	return cmd
}

func runCheck(cmd *cobra.Command, s *Streams, o *checkOptions) error {
	if len(o.Targets) == 0 && o.List == "" {
		return usageError("give at least one target, or -l FILE (確認するURLを指定してください。例: shopcheck check https://shop.example.jp/)")
	}
	c, _, closeFn, err := o.setup()
	if err != nil {
		return err
	}
	defer closeFn()
	o.fitRate(s.Err)
	defer limitMemory(o.inFlight(len(o.Targets)))()
	check := c.Check
	if o.List != "" && s.Procs > 1 {
		// A list: long enough to tune the threads by what it measures.
		var finished atomic.Int64
		defer tuneProcs(s.Procs, &finished)()
		check = func(ctx context.Context, target string) *checker.Result {
			defer finished.Add(1)
			return c.Check(ctx, target)
		}
	}
	return runBatch(cmd.Context(), s, &o.commonOptions, o.Targets, check)
}
