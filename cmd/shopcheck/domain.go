package main

import (
	"github.com/spf13/cobra"
)

type domainOptions struct {
	commonOptions
	Names []string
}

// newDomainCmd is `shopcheck domain`: screening by name alone, for long
// lists of bare domains. Nothing is fetched; the signs that need no page
// (look-alike, IDN, TLD, URL, blocklist) are scored, and the WHOIS/RDAP
// age unless --no-whois. Names stream from the arguments, -l FILE or stdin
// (-l -), so millions of lines run in bounded memory.
func newDomainCmd(s *Streams) *cobra.Command {
	o := &domainOptions{}
	cmd := &cobra.Command{
		Use:   "domain [NAME...]",
		Short: "Screen domains by name alone: look-alike, IDN, TLD, blocklist and WHOIS age; no page fetch",
		Long: `ドメイン名だけで判定します（ページは取得しません）: 有名な会社のドメインに似せていないか、
英字に似せた外国の文字、末尾（TLD）、ブロックリスト、そして --no-whois でなければ WHOIS/RDAP の登録日。

Screen each domain (or URL) by its name alone, without fetching anything: look-alikes of
brands' official domains, international letters, suspicious endings, the blocklist, and
(unless --no-whois) the registration date from WHOIS/RDAP. One result a name; the same
output formats and exit codes as check.`,
		Example: `  shopcheck domain smbc-card-login.com amazon.co.jp.verify-xx.top
  shopcheck domain -l domains.txt --no-whois --json -o results.jsonl
  zcat newly-registered.txt.gz | shopcheck domain -l - --no-whois --fail-on high --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Names = args
			if err := o.validate(cmd.Flags()); err != nil {
				return err
			}
			return runDomain(cmd, s, o)
		},
	}
	addCommonFlags(cmd, &o.commonOptions, flagSet{whois: true})
	return cmd
}

func runDomain(cmd *cobra.Command, s *Streams, o *domainOptions) error {
	if len(o.Names) == 0 && o.List == "" {
		return usageError("give at least one domain, or -l FILE (- for stdin) (確認するドメインを指定してください。例: shopcheck domain shop.example.jp)")
	}
	c, _, closeFn, err := o.setup()
	if err != nil {
		return err
	}
	defer closeFn()
	collectLess()
	return runBatch(cmd.Context(), s, &o.commonOptions, o.Names, c.CheckDomain)
}
