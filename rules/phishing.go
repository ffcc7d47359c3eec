package rules

func phishingRules() []Rule { return nil }
