package rules

import (
	"sort"
)

// Risk is the verdict on one target.
type Risk string

// The verdicts. RiskError means the target could not be read and the signs
// that need no page did not reach medium on their own.
const (
	RiskLow    Risk = "low"
	RiskMedium Risk = "medium"
	RiskHigh   Risk = "high"
	RiskError  Risk = "error"
)

// The score thresholds of the verdicts. One strong sign (a one-click
// billing page, a blocklisted domain) reaches high alone; the fake-shop
// signs reach it together, so that an honest shop with one quirk (bank
// transfer only, a personal account) stays low or medium.
const (
	HighAt   = 50
	MediumAt = 30
)

// RiskOf maps a 0-100 score to a verdict.
func RiskOf(score int) Risk {
	switch {
	case score >= HighAt:
		return RiskHigh
	case score >= MediumAt:
		return RiskMedium
	}
	return RiskLow
}

// Rank orders risks: error < low < medium < high.
func (r Risk) Rank() int {
	switch r {
	case RiskLow:
		return 1
	case RiskMedium:
		return 2
	case RiskHigh:
		return 3
	}
	return 0
}

// Evaluate runs every rule over site and returns one sign for each rule that
// fired (its strongest finding), strongest first, messages in lang. Rules
// that need a page are skipped when site has none. A rule that panics on a
// hostile page is treated as not firing: one bad rule must not cost the
// whole result.
func Evaluate(site *Site, rs []Rule, lang string) []Sign {
	var signs []Sign
	// A site only a public body can hold (a ministry, a prefecture, a
	// city) is no merchant: its benefit forms are not read for a
	// merchant's payment terms (Rule.NotOnGovernment).
	// A listed brand's own domain (a card company's help page, a flea
	// market's listing on jp.mercari.com) is no unknown merchant either:
	// a missing disclosure or a seller's transfer terms there say nothing
	// of a fake shop (p47 page53, page07).
	gov := site.Host != "" && (GovernmentHost(site.Host) || site.Data != nil && OfficialHost(site.Data, site.Host))
	for i := range rs {
		r := &rs[i] // a Rule is large: not copied for each rule
		if r.NeedsPage && len(site.Pages) == 0 || gov && r.NotOnGovernment {
			continue
		}
		if s, ok := resolve(r, safeCheck(r.Check, site), site.Data, lang); ok {
			if evidenceHidden(site.pageAt(s.URL), s.Evidence) {
				s.Evidence += hiddenNote.In(lang)
			}
			signs = append(signs, s)
		}
	}
	sortSigns(signs)
	return signs
}

// pageAt returns the page of s fetched from url, or nil.
func (s *Site) pageAt(url string) *Page {
	for _, p := range s.Pages {
		if p != nil && p.URL == url {
			return p
		}
	}
	return nil
}

// resolve turns a rule's findings into its sign: the finding worth the
// most points, with the rule's severity and message where the finding has
// none. It reports false when there are no findings.
func resolve(r *Rule, fs []Finding, d *Data, lang string) (Sign, bool) {
	if len(fs) == 0 {
		return Sign{}, false
	}
	best := 0
	for i, f := range fs {
		if points(r, f, d) > points(r, fs[best], d) {
			best = i
		}
	}
	f := fs[best]
	sev := f.Severity
	if sev == "" {
		sev = r.Severity
	}
	msg := f.Message
	if msg.IsZero() {
		msg = r.Message
	}
	return Sign{
		ID:       r.ID,
		Severity: sev,
		Points:   points(r, f, d),
		Message:  Sentence(msg.In(lang)),
		Evidence: Clip(evidenceIn(f, lang), 200),
		URL:      f.URL,
	}, true
}

// evidenceIn is f's evidence in lang: its English form for "en" when it
// has one.
func evidenceIn(f Finding, lang string) string {
	if lang == "en" && f.EvidenceEN != "" {
		return f.EvidenceEN
	}
	return f.Evidence
}

// sortSigns puts the strongest signs first, keeping the rules' order
// among equals.
func sortSigns(signs []Sign) {
	sort.SliceStable(signs, func(i, j int) bool { return signs[i].Points > signs[j].Points })
}

// safeCheck runs a rule's check on site, a panic giving no findings: one
// faulty check on a hostile page loses its sign, not the whole result.
func safeCheck(check func(*Site) []Finding, site *Site) (fs []Finding) {
	defer func() {
		if recover() != nil {
			fs = nil
		}
	}()
	return check(site)
}

// points is the finding's points, or the rule's, as weighted by the data.
func points(r *Rule, f Finding, d *Data) int {
	p := r.Points
	if f.Points != 0 {
		p = f.Points
	}
	if d != nil {
		if w, ok := d.Weights[r.ID]; ok {
			if f.Points != 0 && r.Points != 0 {
				return f.Points * w / r.Points // keep a graded sign's grading
			}
			return w
		}
	}
	return p
}

// Score adds up the signs' points, capped at 100, and gives the verdict.
func Score(signs []Sign) (int, Risk) {
	total := 0
	for _, s := range signs {
		total += s.Points
	}
	if total > 100 {
		total = 100
	}
	return total, RiskOf(total)
}
