package message

import (
	"sort"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

// The fixtures end to end: read, convert, score with the message signs.
func TestFixtureSigns(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"smbc-iso2022jp.eml", []string{"mail-credential-request", "mail-link-offbrand", "mail-sender-mismatch", "mail-urgency"}},
		{"sjis-fake-bill.eml", []string{"mail-fake-bill"}},
		{"amazon-alt-base64.eml", []string{"mail-credential-request", "mail-link-disguised", "mail-link-offbrand", "mail-sender-mismatch", "mail-urgency"}},
		{"yamato-qp-attach.eml", []string{"mail-attachment-executable", "mail-delivery-lure", "mail-link-offbrand", "mail-sender-mismatch"}},
		{"genuine-amazon.eml", nil},
		// A warning hidden in display:none blocks is not the message's.
		{"amazon-hidden-salt.eml", []string{"mail-credential-request", "mail-link-offbrand", "mail-sender-mismatch", "mail-urgency"}},
		{"sms-sagawa-defanged.txt", []string{"mail-delivery-lure", "mail-link-offbrand"}},
		{"sms-fullwidth.txt", []string{"mail-link-offbrand"}},
		{"sms-bank-warning.txt", nil},
	}
	data := rules.DefaultData()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			m := readFixture(t, c.file)
			var got []string
			for _, s := range rules.EvaluateMail(m.Mail(data), rules.MessageRules(), "ja") {
				got = append(got, s.ID)
			}
			sort.Strings(got)
			if len(got) != len(c.want) {
				t.Fatalf("signs = %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("signs = %q, want %q", got, c.want)
				}
			}
		})
	}
}
