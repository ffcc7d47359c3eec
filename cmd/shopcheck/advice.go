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
フィッシング、billing: 架空請求、scam: 特殊詐欺・なりすまし、spam: 迷惑メール、account: 不正アクセス。
日本語の名前でも指定できます: shopcheck advice 架空請求。省略するとすべて）。

Show the advice for a topic (shopping, phishing, billing, scam, spam, account; Japanese
names work too), or for all of them, and the consultation desks.`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: rules.Topics(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "ja" && lang != "en" {
				return usageError("--lang %q is not ja or en", lang)
			}
			a := rules.DefaultAdvice()
			topic := ""
			if len(args) == 1 {
				if topic = a.Find(args[0]); topic == "" {
					return usageError("unknown topic %q: choose one of %s（テーマ %q はありません。%s か、架空請求・フィッシングなどの日本語名で指定してください）",
						args[0], strings.Join(rules.Topics(), ", "), args[0], strings.Join(rules.Topics(), "・"))
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
