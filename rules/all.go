package rules

// All returns every sign shopcheck knows, in the order `shopcheck rules`
// lists them. Each call builds a fresh list, so callers may not share state
// through it.
func All() []Rule {
	var rs []Rule
	rs = append(rs, shopRules()...)
	rs = append(rs, domainRules()...)
	rs = append(rs, phishingRules()...)
	rs = append(rs, fluentRules()...)
	return rs
}

// ByID returns the rules indexed by id.
func ByID(rs []Rule) map[string]Rule {
	m := make(map[string]Rule, len(rs))
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}
