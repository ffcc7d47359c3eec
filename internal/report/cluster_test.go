package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/shopcheck/shopcheck/checker"
)

func clue(kind, value string) checker.Clue { return checker.Clue{Kind: kind, Value: value} }

func TestCampaigns(t *testing.T) {
	c := NewClusterer(0)
	acct := clue("account", "0005|123|7654321")
	phone := clue("phone", "+81612345678")
	mail := clue("email", "shop@gmail.com")
	c.Add("a.example", "", []checker.Clue{acct})
	c.Add("b.example", "", []checker.Clue{acct, phone})
	c.Add("c.example", "", []checker.Clue{phone})
	c.Add("x.example", "", []checker.Clue{mail})
	c.Add("y.example", "", []checker.Clue{mail, clue("", "dropped"), clue("phone", "")})
	c.Add("lone.example", "", []checker.Clue{clue("phone", "+81311112222")})
	c.Add("a.example", "", []checker.Clue{acct}) // the same target again counts once

	got := c.Campaigns()
	if len(got) != 2 {
		t.Fatalf("campaigns = %+v; want 2 (a-b-c tied by account and phone; x-y by e-mail)", got)
	}
	first := got[0]
	if first.ID != 1 || first.Targets != 3 || len(first.Clusters) != 2 {
		t.Fatalf("first campaign = %+v", first)
	}
	if cl := first.Clusters[0]; cl.Kind != "account" || cl.Count != 2 || !reflect.DeepEqual(cl.Targets, []string{"a.example", "b.example"}) || cl.Campaign != 1 {
		t.Errorf("account cluster = %+v", cl)
	}
	if cl := first.Clusters[1]; cl.Kind != "phone" || !reflect.DeepEqual(cl.Targets, []string{"b.example", "c.example"}) {
		t.Errorf("phone cluster = %+v", cl)
	}
	if second := got[1]; second.ID != 2 || second.Targets != 2 || second.Clusters[0].Kind != "email" || second.Clusters[0].Campaign != 2 {
		t.Errorf("second campaign = %+v", second)
	}
}

// TestCampaignSites: a campaign counts its targets and, apart, the sites
// they are on: four spellings of one shop's pages are one site.
func TestCampaignSites(t *testing.T) {
	c := NewClusterer(0)
	acct := []checker.Clue{clue("account", "0005|123|7654321")}
	for _, target := range []string{"https://one.example/", "http://ONE.example/index.html", "one.example.", "one.example/?p=2", "https://two.example/shop"} {
		c.Add(target, "", acct)
	}
	got := c.Campaigns()
	if len(got) != 1 || got[0].Targets != 5 || got[0].Sites != 2 {
		t.Fatalf("campaigns = %+v; want one of 5 targets on 2 sites", got)
	}
}

func TestCampaignsNoneShared(t *testing.T) {
	c := NewClusterer(0)
	c.Add("a", "", []checker.Clue{clue("phone", "1")})
	c.Add("b", "", []checker.Clue{clue("phone", "2")})
	c.Add("c", "", []checker.Clue{clue("email", "1")}) // same value, other kind
	if got := c.Campaigns(); len(got) != 0 {
		t.Errorf("campaigns = %+v, want none", got)
	}
}

func TestClustererBounded(t *testing.T) {
	c := NewClusterer(2)
	c.Add("a", "", []checker.Clue{clue("phone", "1"), clue("phone", "2")})
	c.Add("b", "", []checker.Clue{clue("phone", "3"), clue("phone", "1")})
	if c.Limited() != 1 {
		t.Errorf("Limited = %d, want 1 (the third value)", c.Limited())
	}
	if got := c.Campaigns(); len(got) != 1 || got[0].Clusters[0].Value != "1" {
		t.Errorf("values tracked before the bound still cluster: %+v", got)
	}
}

func TestClustererManyTargetsOneValue(t *testing.T) {
	c := NewClusterer(0)
	for i := 0; i < 100; i++ {
		c.Add(string(rune('A'+i%40)), "", []checker.Clue{clue("account", "x")})
	}
	got := c.Campaigns()
	if len(got) != 1 || got[0].Clusters[0].Count != 40 || got[0].Targets != 40 {
		t.Errorf("a value on 40 distinct targets (each seen more than once): %+v", got)
	}
}

func TestLongDisclosureKeyedAndClipped(t *testing.T) {
	text := strings.Repeat("販売業者 株式会社サンプル 所在地 東京都 ", 40)
	c := NewClusterer(0)
	c.Add("a", "", []checker.Clue{clue("disclosure", text)})
	c.Add("b", "", []checker.Clue{clue("disclosure", text)})
	c.Add("c", "", []checker.Clue{clue("disclosure", text+"違う")})
	got := c.Campaigns()
	if len(got) != 1 || got[0].Clusters[0].Count != 2 {
		t.Fatalf("campaigns = %+v", got)
	}
	if v := got[0].Clusters[0].Value; len([]rune(v)) > 120 || !strings.HasPrefix(v, "販売業者") {
		t.Errorf("shown value %q: want the text clipped to 120 characters", v)
	}
}

func TestWriteClusters(t *testing.T) {
	c := NewClusterer(0)
	c.Add("<a>", "", []checker.Clue{clue("email", "x@y")})
	c.Add("b&c", "", []checker.Clue{clue("email", "x@y")})
	var w countingWriter
	if err := WriteClusters(&w, c.Campaigns()); err != nil {
		t.Fatal(err)
	}
	if len(w.calls) != 1 || !bytes.HasSuffix(w.calls[0], []byte("\n")) {
		t.Fatalf("writes = %q; want one whole line a cluster", w.calls)
	}
	var cl Cluster
	if err := json.Unmarshal(w.calls[0], &cl); err != nil {
		t.Fatal(err)
	}
	if cl.Targets[0] != "<a>" || !strings.Contains(string(w.calls[0]), `"<a>"`) {
		t.Errorf("targets are written as they are (no HTML escapes in JSON): %s", w.calls[0])
	}
}

// countingWriter records every Write call.
type countingWriter struct{ calls [][]byte }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.calls = append(c.calls, append([]byte(nil), p...))
	return len(p), nil
}

func (c *countingWriter) String() string { return string(bytes.Join(c.calls, nil)) }

func TestClusterTargetsCapped(t *testing.T) {
	c := NewClusterer(0)
	n := MaxClusterTargets + 5
	for i := 0; i < n; i++ {
		c.Add(fmt.Sprintf("t%06d", i), "", []checker.Clue{clue("phone", "+81300000000")})
	}
	c.Add("t000000", "", []checker.Clue{clue("phone", "+81300000000")}) // listed already: not counted again
	got := c.Campaigns()
	if len(got) != 1 {
		t.Fatalf("campaigns = %d", len(got))
	}
	cl := got[0].Clusters[0]
	if cl.Count != n || len(cl.Targets) != MaxClusterTargets || got[0].Targets != n {
		t.Errorf("count %d, listed %d, campaign %d; want %d, %d, %d", cl.Count, len(cl.Targets), got[0].Targets, n, MaxClusterTargets, n)
	}
}

// TestClustererKeepsItsOwnValues: a clue value cut from a longer string (a
// page's text) is copied, so that the clusters kept to the end of a run do
// not keep the pages alive.
func TestClustererKeepsItsOwnValues(t *testing.T) {
	page := strings.Repeat("x", 4096) + "info@example.jp" + strings.Repeat("y", 4096) + strings.Repeat("特定商取引法に基づく表記 ", 40)
	email := page[4096 : 4096+len("info@example.jp")]
	disclosure := page[4096+len("info@example.jp")+4096:]
	c := NewClusterer(0)
	c.Add("https://a.example/", "", []checker.Clue{{Kind: "email", Value: email}, {Kind: "disclosure", Value: disclosure}})
	lo := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	for key, e := range c.byKey {
		p := uintptr(unsafe.Pointer(unsafe.StringData(e.value)))
		if p >= lo && p < lo+uintptr(len(page)) {
			t.Errorf("clue %q keeps a piece of the string it was cut from", key)
		}
	}
	if len(c.byKey) != 2 {
		t.Fatalf("%d clue values kept, want 2", len(c.byKey))
	}
}

// TestClusterSites: a campaign ties sites, not URLs of one site: www and
// the bare name are one site, a shortener counts as the site it led to,
// tenants of a shop platform are sites of their own.
func TestClusterSites(t *testing.T) {
	acct := []checker.Clue{clue("account", "三井住友|1234567")}
	c := NewClusterer(0)
	c.Add("https://aozora-books.jp/", "https://aozora-books.jp/", acct)
	c.Add("https://www.aozora-books.jp/item/1", "https://www.aozora-books.jp/item/1", acct)
	c.Add("http://bit-short.link/x", "https://aozora-books.jp/", acct)
	if got := c.Campaigns(); len(got) != 0 {
		t.Errorf("one site under three URLs: campaigns %+v, want none", got)
	}
	c.Add("https://mimosa.thebase.in/", "", acct)
	c.Add("https://hinoki.thebase.in/", "", acct)
	c.Add("https://shopa.shop-pro.jp/", "", acct) // a platform the host lists do not know
	got := c.Campaigns()
	if len(got) != 1 || got[0].Sites != 4 || got[0].Targets != 6 {
		t.Errorf("campaigns %+v, want one of 6 targets on 4 sites", got)
	}
}

// TestCampaignAccountByHolder: two sites that spell the bank otherwise
// share the account by number and holder; that key is listed after the
// bank-and-number key when both are shared.
func TestCampaignAccountByHolder(t *testing.T) {
	c := NewClusterer(0)
	c.Add("https://a.example/", "", []checker.Clue{clue("account", "楽天|1234567"), clue("account", "1234567|ヤマダタロウ")})
	c.Add("https://b.example/", "", []checker.Clue{clue("account", "RAKUTEN|1234567"), clue("account", "1234567|ヤマダタロウ")})
	c.Add("https://c.example/", "", []checker.Clue{clue("account", "楽天|1234567"), clue("account", "1234567|ヤマダタロウ")})
	got := c.Campaigns()
	if len(got) != 1 || got[0].Targets != 3 {
		t.Fatalf("campaigns = %+v; want one of 3 targets", got)
	}
	cs := got[0].Clusters
	if len(cs) != 2 || cs[0].Value != "1234567|ヤマダタロウ" || cs[0].Count != 3 || cs[1].Value != "楽天|1234567" {
		t.Errorf("clusters = %+v; want the number-and-holder key (3 targets) then 楽天|1234567 (2)", cs)
	}
	// Tied on count: the bank-and-number key first.
	d := NewClusterer(0)
	for _, tg := range []string{"https://a.example/", "https://b.example/"} {
		d.Add(tg, "", []checker.Clue{clue("account", "1234567|ヤマダタロウ"), clue("account", "楽天|1234567")})
	}
	if cs := d.Campaigns()[0].Clusters; cs[0].Value != "楽天|1234567" || cs[1].Value != "1234567|ヤマダタロウ" {
		t.Errorf("clusters = %+v; want 楽天|1234567 first", cs)
	}
}

// TestCampaignKeysSpanSites: a clue shared only by report lines of one
// site (a shop reported three times) is no link of the campaign's and is
// not listed; the lines of one site join the campaign through their site;
// members are shown without their notes (qa26e D4).
func TestCampaignKeysSpanSites(t *testing.T) {
	tally := NewTally(0)
	add := func(target string, clues ...checker.Clue) {
		tally.Add(&checker.Result{Target: target, Risk: "high", Clues: clues}, true)
	}
	disc := checker.Clue{Kind: "disclosure", Value: "c9d4345e96f98bd88be9e58e"}
	acct := checker.Clue{Kind: "account", Value: "ミツイスミトモ|1234567"}
	add("http://yamada-select.shop/\tメモ: 110番通報あり", disc, acct)
	add("http://yamada-select.shop/item/1", disc)
	add("\u200Bhttp://yamada-select.shop/?ref=x", disc)
	add("http://other-shop.top/", acct)
	camps := tally.Clusters.Campaigns()
	if len(camps) != 1 || camps[0].Sites != 2 || camps[0].Targets != 4 {
		t.Fatalf("campaigns %+v, want one of 4 targets on 2 sites", camps)
	}
	for _, cl := range camps[0].Clusters {
		if cl.Kind == "disclosure" {
			t.Errorf("a clue of one site's lines is listed: %+v", cl)
		}
		if cl.Kind == "account" && cl.Sites != 2 {
			t.Errorf("account clue %+v, want 2 sites", cl)
		}
	}
	var b strings.Builder
	writeTextSummary(&b, tally, "ja")
	if strings.Contains(b.String(), "メモ") || strings.Contains(b.String(), "\u200B") || !strings.Contains(b.String(), "(2 サイト)") {
		t.Errorf("campaign listing:\n%s", b.String())
	}
}
