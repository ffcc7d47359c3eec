package checker

import (
	"github.com/shopcheck/shopcheck/rules"
)

// Clues collects the values that tie one site to others run by the same
// people: bank accounts, phone numbers, seller e-mail addresses and a digest
// of the seller disclosure text, each once.
func Clues(site *rules.Site) []Clue {
	if len(site.Pages) == 0 {
		return nil
	}
	var out []Clue
	seen := map[rules.ShopClue]bool{}
	for _, c := range rules.ShopClues(site) {
		if c.Value == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, Clue{Kind: c.Kind, Value: c.Value})
	}
	return out
}
