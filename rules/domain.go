package rules

func domainRules() []Rule { return nil }
