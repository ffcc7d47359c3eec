package main

import (
	"github.com/spf13/cobra"
	"strings"

	"github.com/shopcheck/shopcheck/internal/report"
	"github.com/shopcheck/shopcheck/rules"
)

func newAdviceCmd(s *Streams) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "advice [TOPIC]",
		Short: "Show the police's advice for a topic and where to consult",
		Long: `テーマごとの警察のアドバイスと相談窓口を表示します（shopping: ネットショッピング、phishing:
フィッシング、billing: 架空請求、spam: 迷惑メール、account: 不正アクセス。省略するとすべて）。

Show the advice for a topic (shopping, phishing, billing, spam, account), or for all of
them, and the consultation desks.`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: rules.Topics(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "ja" && lang != "en" {
				return usageError("--lang %q is not ja or en", lang)
			}
			a := rules.DefaultAdvice()
			topic := ""
			if len(args) == 1 {
				topic = args[0]
				if !a.Has(topic) {
					return usageError("unknown topic %q: choose one of %s", topic, strings.Join(rules.Topics(), ", "))
				}
			}
			if err := report.WriteAdvice(s.Out, a, topic, lang); err != nil {
				return outputError(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "ja", "language: ja or en")
	return cmd
}
