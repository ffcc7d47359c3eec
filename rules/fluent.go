package rules

func fluentRules() []Rule { return nil }
