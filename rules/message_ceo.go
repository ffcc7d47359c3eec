package rules

import "slices"

// checkMailCEOGroup fires on the executive-impersonation mail that the
// police warned of through 2025 (社長なりすまし詐欺): a mail in the voice of
// the company's president or a director ([ceo-exec] in the sender's name,
// the subject or a line) asks the reader to create a new group on LINE or
// a like (a sentence with [ceo-group] and [ceo-create]) and to send back
// its QR code or invitation link (a sentence with [ceo-invite] and
// [ceo-send]); in the group the "president" then orders transfers. The
// request alone is medium 30 (a president may organise a team's chat);
// with a mark of the fraud beside it it is high 50: secrecy or no way to
// call back ([ceo-isolate]: 社外秘, 口外しないよう, 会議中のため電話には出
// られません, read in denials too, since secrecy is asked as one), money
// named ([ceo-money]), or a sender at a free mail provider. Warnings that
// describe the trick stay silent.
func checkMailCEOGroup(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	sets := phishData().sets.mail
	both := func(a, b string) string {
		for i, s := range v.sentences {
			if !v.denies[i] && sets[a].has(s) && sets[b].has(s) {
				return v.raw[i]
			}
		}
		return ""
	}
	group := both("ceo-group", "ceo-create")
	if group == "" {
		return nil
	}
	invite := both("ceo-invite", "ceo-send")
	if invite == "" {
		return nil
	}
	exec := sets["ceo-exec"]
	from := phishNorm(m.From)
	if !exec.has(from) && !exec.has(v.subject) && !slices.ContainsFunc(v.lines, func(l string) bool { return exec.has(phishNorm(l)) }) {
		return nil
	}
	var marks, marksEN []string
	for i, s := range v.sentences {
		if sets["ceo-isolate"].has(s) && v.raw[i] != group && v.raw[i] != invite {
			marks = append(marks, v.raw[i])
			marksEN = append(marksEN, v.raw[i])
			break
		}
	}
	for i, s := range v.sentences {
		if !v.denies[i] && sets["ceo-money"].has(s) {
			if !slices.Contains(marks, v.raw[i]) {
				marks = append(marks, v.raw[i])
				marksEN = append(marksEN, v.raw[i])
			}
			break
		}
	}
	if m.FromDomain != "" && FreeMailDomain(m.FromDomain) {
		marks = append(marks, "差出人: "+m.FromDomain)
		marksEN = append(marksEN, "sender: "+m.FromDomain)
	}
	f := Finding{
		Evidence:   quoteSentences(append([]string{group, invite}, marks...)...),
		EvidenceEN: quoteSentences(append([]string{group, invite}, marksEN...)...),
	}
	if len(marks) == 0 {
		f.Severity, f.Points = Medium, 30
	}
	return []Finding{f}
}
