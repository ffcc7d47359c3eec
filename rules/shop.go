package rules

func shopRules() []Rule { return nil }
