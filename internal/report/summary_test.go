package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

func TestTextSummary(t *testing.T) {
	rs := sampleResults()
	twin := *rs[0]
	twin.Target, twin.URL = "twin.example", "https://twin.example/" // another site with the same account
	rs = append(rs, &twin, rs[2])                                   // evil.example twice: a repeated line

	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"high    85  shop.example  account-listed,payment-transfer-only\n",
			"error    0  =cmd|' /C calc'!A0  error=invalid-target  This is not a URL or domain name that can be read.\n",
			"medium  40  evil.example  phishing-brand-impersonation\n",
			"── Summary ──\nTargets: 5 (high 2, medium 2, low 0, could not be checked 1)\n",
			"Why targets could not be checked: invalid-target 1\n",
			"Most frequent signs:\n       2  account-listed\n       2  payment-transfer-only\n       2  phishing-brand-impersonation\n",
			"Possible campaigns (shared bank account, phone, e-mail or seller disclosure):\n  [1] 2 targets (sites: 2)\n      Bank account 0001 / 100 / 1234567 (sites: 2): shop.example, twin.example\n",
		}},
		{"ja", []string{
			"対象: 5 件（高 2、中 2、低 0、確認不可 1）",
			"error=invalid-target  URLまたはドメイン名として読めませんでした。\n",
			"[1] 2 件（2 サイト）",
			"口座 0001 / 100 / 1234567 (2 サイト): shop.example, twin.example",
		}},
	} {
		var out countingWriter
		w, _ := New("text", &out, Options{Lang: tt.lang})
		tally := NewTally(0)
		for i, r := range rs {
			fresh := i != len(rs)-1
			tally.Add(r, fresh)
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.(SummaryWriter).WriteSummary(tally); err != nil {
			t.Fatal(err)
		}
		w.Close()
		got := out.String()
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: output lacks %q:\n%s", tt.lang, want, got)
			}
		}
		for _, c := range out.calls[:len(rs)] {
			if bytes.Count(c, []byte("\n")) != 1 {
				t.Errorf("target line written in pieces or with several lines: %q", c)
			}
		}
	}
}

func TestTextSummaryLongCampaign(t *testing.T) {
	tally := NewTally(0)
	for i := 0; i < 15; i++ {
		tally.Add(&checker.Result{Target: string(rune('a'+i)) + ".example", Risk: rules.RiskHigh,
			Clues: []checker.Clue{{Kind: "email", Value: "ring@example.com"}}}, true)
	}
	var b strings.Builder
	writeTextSummary(&b, tally, "en")
	if !strings.Contains(b.String(), "j.example, and 5 more") {
		t.Errorf("a long cluster is not cut to 10 targets:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "E-mail ring@example.com (sites: 15)") {
		t.Errorf("cluster line missing:\n%s", b.String())
	}
}

// TestTallyMessageLinksClues: suspect messages whose links share a clue
// are one campaign; a message with no sign of its own (a newsletter, a
// police warning listing sites) and a quoted link tie nothing (rev25 QA).
func TestTallyMessageLinksClues(t *testing.T) {
	tally := NewTally(0)
	msg := func(name string, signs []rules.Sign, quoted bool) *checker.Result {
		return &checker.Result{Target: name, Risk: rules.RiskMedium, Signs: signs, Links: []*checker.Result{
			{Target: "https://x.example/", Quoted: quoted, Clues: []checker.Clue{{Kind: "phone", Value: "+81300000000"}}}, nil,
		}}
	}
	lure := []rules.Sign{{ID: "mail-delivery-lure"}}
	tally.Add(msg("mail1.eml", lure, false), true)
	tally.Add(msg("mail2.eml", lure, false), true)
	tally.Add(msg("newsletter.eml", nil, false), true)
	tally.Add(msg("warning.eml", lure, true), true)
	c := tally.Clusters.Campaigns()
	if len(c) != 1 || strings.Join(c[0].Clusters[0].Targets, ",") != "mail1.eml,mail2.eml" {
		t.Errorf("want the two lures as one campaign, without the newsletter and the quoting mail: %+v", c)
	}
	if tally.AtLeast(rules.RiskMedium.Rank()) != 4 || tally.AtLeast(rules.RiskHigh.Rank()) != 0 {
		t.Errorf("AtLeast: %+v", tally.Risk)
	}
}

// TestListTargetsOneOfEachSite: a campaign's line names one target of each
// site before a second of any (rev25 QA: ten URLs of its first shop hid the
// other nine shops of a ten-site campaign).
func TestListTargetsOneOfEachSite(t *testing.T) {
	var ts []string
	for s := range 10 {
		for p := range 10 {
			ts = append(ts, "https://shop"+string(rune('a'+s))+".example.jp/item/"+string(rune('0'+p)))
		}
	}
	got := listTargets(ts, 100, 10, "ja")
	for s := range 10 {
		if !strings.Contains(got, "https://shop"+string(rune('a'+s))+".example.jp/") {
			t.Errorf("shop%c not named in %q", 'a'+s, got)
		}
	}
	if !strings.HasSuffix(got, "ほか 90 件") {
		t.Errorf("%q: want ほか 90 件 at the end", got)
	}
	if got := listTargets(ts[:3], 3, 10, "ja"); got != strings.Join(ts[:3], ", ") {
		t.Errorf("under the limit: %q", got)
	}
}

// TestClueShow: campaign keys are shown as officers write and search them
// (qa26e D5: 「ユウチヨ / 8877665」 read as a typo, 「09044556677」 unsearchable).
func TestClueShow(t *testing.T) {
	for _, c := range []struct{ kind, value, want string }{
		{"account", "ユウチヨ|8877665", "ゆうちょ銀行 / 8877665"},
		{"account", "ミズホ|2345678", "みずほ銀行 / 2345678"},
		{"account", "PAYPAY|1234567", "PayPay銀行 / 1234567"},
		{"account", "カンサイミライ|1234567", "カンサイミライ / 1234567"},
		{"account", "8877665|スズキハナコ", "8877665 / スズキハナコ"},
		{"phone", "09044556677", "090-4455-6677"},
		{"phone", "0120123456", "0120-123-456"},
		{"phone", "0312345678", "03-1234-5678"},
		{"phone", "0225951234", "0225951234"},
		{"email", "ringshop@gmail.com", "ringshop@gmail.com"},
	} {
		if got := clueShow(c.kind, c.value, "ja"); got != c.want {
			t.Errorf("clueShow(%s, %q) = %q, want %q", c.kind, c.value, got, c.want)
		}
	}
}
