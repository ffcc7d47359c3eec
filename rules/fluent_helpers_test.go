package rules

import (
	"strings"
	"testing"
)

// flTestSite builds a site on domain from pages given as path, HTML pairs;
// the first pair is the landing page.
func flTestSite(t testing.TB, domain string, pairs ...string) *Site {
	t.Helper()
	if len(pairs)%2 != 0 {
		t.Fatalf("flTestSite: odd number of path/HTML arguments")
	}
	site := &Site{URL: "https://" + domain + "/", Host: domain, ASCIIHost: domain, Domain: flRegistrable(domain), Data: DefaultData()}
	for i := 0; i < len(pairs); i += 2 {
		u := "https://" + domain + "/" + strings.TrimPrefix(pairs[i], "/")
		site.Pages = append(site.Pages, NewPage(u, 200, "text/html; charset=utf-8", pairs[i+1], false))
	}
	if len(site.Pages) > 0 {
		site.URL = site.Pages[0].URL
	}
	return site
}

// flRule returns the fluent rule with id.
func flRule(t testing.TB, id string) Rule {
	t.Helper()
	for _, r := range fluentRules() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no fluent rule %q", id)
	return Rule{}
}

// flHTML wraps body in a minimal page with title.
func flHTML(title, body string) string {
	return "<!doctype html><html><head><meta charset=utf-8><title>" + title + "</title></head><body>" + body + "</body></html>"
}

// flExpect runs rule id over site and checks whether it fires and, when it
// does, that the evidence contains every want string.
func flExpect(t *testing.T, id string, site *Site, fire bool, want ...string) {
	t.Helper()
	fs := flRule(t, id).Check(site)
	if fire != (len(fs) > 0) {
		t.Fatalf("%s fired=%v, want %v; findings: %+v", id, len(fs) > 0, fire, fs)
	}
	if !fire {
		return
	}
	signs := Evaluate(site, []Rule{flRule(t, id)}, "ja")
	if len(signs) != 1 {
		t.Fatalf("Evaluate gave %d signs, want 1", len(signs))
	}
	for _, w := range want {
		if !strings.Contains(signs[0].Evidence, w) {
			t.Errorf("%s evidence %q lacks %q", id, signs[0].Evidence, w)
		}
	}
	if signs[0].URL == "" {
		t.Errorf("%s: finding has no URL", id)
	}
}
