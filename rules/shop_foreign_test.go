package rules

import (
	"strings"
	"testing"
)

func TestFindForeign(t *testing.T) {
	for _, c := range []struct {
		in, addr, phone string
	}{
		{"茶語堂有限公司 臺北市大安區忠孝東路四段216號5樓 TEL +886-2-2771-3058", "臺北市大安區忠孝東路四段216號5樓", "+886-2-2771-3058"},
		{"所在地：中国広東省深圳市龍華区民治街道1088号", "中国広東省深圳市龍華区民治街道1088号", ""},
		{"Address: 21 Nathan Road, Tsim Sha Tsui, Hong Kong  Tel: +852 2345 6789", "Address: 21 Nathan Road, Tsim Sha Tsui, Hong Kong Tel: +852 2345 6789", "+852 2345 6789"},
		{"Seoul, Korea 04524 / +82-2-123-4567", "Seoul, Korea 04524 / +82-2-123-4567", "+82-2-123-4567"},
		// Japanese forms are FindAddress's and FindPhones's, not these.
		{"東京都新宿区西新宿2丁目8番1号 +81-3-1234-5678", "", ""},
		{"中国茶の専門店です。", "", ""},     // a country, no number
		{"合計 +1,200円", "", ""},     // a sum, not a phone
		{"ポイント+10000000倍", "", ""}, // no country code: + right after a word is kept, but 1000... 8 digits
	} {
		got := FindForeignAddress(NFKC(c.in), true)
		if (got == "") != (c.addr == "") || !strings.HasPrefix(c.addr, strings.TrimSuffix(got, "…")) {
			t.Errorf("FindForeignAddress(%q) = %q, want %q", c.in, got, c.addr)
		}
		if got := FindForeignPhone(NFKC(c.in)); got != c.phone {
			t.Errorf("FindForeignPhone(%q) = %q, want %q", c.in, got, c.phone)
		}
	}
}

// TestFindForeignAddressUnlabelled: a line naming a country is an address
// only under an address label; the Chinese form is one anywhere.
func TestFindForeignAddressUnlabelled(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"原産国:中国 1年保証", ""},
		{"中国の倉庫から発送のため7〜14日", ""},
		{"送料 韓国・台湾 2,000円", ""},
		{"茶語堂有限公司 臺北市大安區忠孝東路四段216號5樓", "臺北市大安區忠孝東路四段216號5樓"},
	} {
		if got := FindForeignAddress(c.in, false); got != c.want {
			t.Errorf("FindForeignAddress(%q, false) = %q, want %q", c.in, got, c.want)
		}
	}
}
