package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/rules"
)

// ruleInfo is one sign as `shopcheck rules --json` lists it.
type ruleInfo struct {
	ID       string         `json:"id"`
	Kind     string         `json:"kind"`
	Severity rules.Severity `json:"severity"`
	Points   int            `json:"points"`
	Topic    string         `json:"topic"`
	Summary  string         `json:"summary"`
}

// rulesWords are the fixed words of the rules table in each language (a
// sign's weight is Severity.Word, as in the text view of a result).
var rulesWords = map[string]struct {
	head, foot string
}{
	"ja": {
		head: "ID\t強さ\t点\t分野\t見るもの",
		foot: "危険度: 見つかった兆候の点の合計（上限100点）が%d点以上で高、%d点以上で中。\n点は各兆候の標準の点数で、根拠の強さにより上下することがあります。",
	},
	"en": {
		head: "ID\tWEIGHT\tPOINTS\tTOPIC\tLOOKS FOR",
		foot: "risk: high at %d points or more, medium at %d or more (the points of the signs found, at most 100).\nPOINTS are each sign's usual points; some give more or fewer by the strength of their evidence.",
	},
}

func newRulesCmd(s *Streams) *cobra.Command {
	var lang string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every sign: id, severity, points, what it looks for",
		Long: `すべての兆候の ID・強さ・点数・分野・見るものを一覧にします。

List every sign: its id, weight, points, topic and what it looks for (--json: one JSON
object a sign).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "ja" && lang != "en" {
				return usageError("--lang %q is not ja or en", lang)
			}
			var list []ruleInfo
			for _, r := range rules.All() {
				list = append(list, ruleInfo{r.ID, "page", r.Severity, r.Points, r.Topic, r.Summary.In(lang)})
			}
			for _, r := range rules.MessageRules() {
				list = append(list, ruleInfo{r.ID, "message", r.Severity, r.Points, r.Topic, r.Summary.In(lang)})
			}
			if asJSON {
				enc := json.NewEncoder(s.Out)
				enc.SetEscapeHTML(false)
				for _, r := range list {
					if err := enc.Encode(r); err != nil {
						return outputError(err)
					}
				}
				return nil
			}
			w := rulesWords[lang]
			tw := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, w.head)
			for _, r := range list {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", r.ID, r.Severity.Word(lang), r.Points, r.Topic, r.Summary)
			}
			fmt.Fprintf(tw, "\n"+w.foot+"\n", rules.HighAt, rules.MediumAt)
			if err := tw.Flush(); err != nil {
				return outputError(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "ja", "language: ja or en")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object a sign")
	return cmd
}
