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

func newRulesCmd(s *Streams) *cobra.Command {
	var lang string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every sign: id, severity, points, what it looks for",
		Args:  cobra.NoArgs,
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
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tPOINTS\tTOPIC\tLOOKS FOR")
			for _, r := range list {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", r.ID, r.Severity, r.Points, r.Topic, r.Summary)
			}
			fmt.Fprintf(tw, "\nrisk: high >= %d, medium >= %d points (the points of the signs found, at most 100)\n", rules.HighAt, rules.MediumAt)
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "ja", "language: ja or en")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object a sign")
	return cmd
}
