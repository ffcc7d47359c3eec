package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFitRate: a polite --rate lowers the sites checked at once to what it
// can serve within --site-timeout, and says so; no rate, or a fast one,
// changes nothing.
func TestFitRate(t *testing.T) {
	tests := []struct {
		rate     float64
		site     time.Duration
		pages, c int
		want     int
		say      string
	}{
		{0, 30 * time.Second, 6, 8, 8, ""},
		{100, 30 * time.Second, 6, 8, 8, ""},
		{0.2, 30 * time.Second, 6, 8, 1, "checking 1 at a time"},
		{1, 5 * time.Second, 1, 8, 5, "checking 5 at a time"},
		{2, 30 * time.Second, 6, 4, 4, ""},
		{0.1, 30 * time.Second, 6, 8, 1, "raise --site-timeout"},
	}
	for _, tt := range tests {
		o := &commonOptions{Rate: tt.rate, SiteTimeout: tt.site, MaxPages: tt.pages, Concurrency: tt.c}
		var w strings.Builder
		o.fitRate(&w)
		if o.Concurrency != tt.want || tt.say == "" && w.Len() > 0 || !strings.Contains(w.String(), tt.say) {
			t.Errorf("rate %g, %s, %d pages, -c %d: concurrency %d, said %q; want %d and %q", tt.rate, tt.site, tt.pages, tt.c, o.Concurrency, w.String(), tt.want, tt.say)
		}
	}
}

// TestConfigHintJapanese: a missing list is said in Japanese too (QA rev24:
// the system's English only).
func TestConfigHintJapanese(t *testing.T) {
	code, _, errOut := batchCLI(t, "", "check", "-l", filepath.Join(t.TempDir(), "none.txt"), "--no-whois")
	if code != exitUsage || !strings.Contains(errOut, "ファイルが見つかりません") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
