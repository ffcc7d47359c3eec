package rules

import (
	"strings"
	"unicode"
)

// Sellers abroad (a Taiwanese tea house, a Korean cosmetics maker, and
// many fake shops) print their address and phone in their own country's
// form, which FindAddress and FindPhones (Japanese forms) do not read. A
// disclosure that gives them does not lack them: seller-info-missing must
// not say "no address" of 臺北市大安區忠孝東路四段216號5樓.

// shopForeignCJKAddressRe finds an address written the Chinese way (city
// or county, road, number 號); shopForeignCountryRe a country's name, which
// with a number on an address label's line makes one (Shenzhen, China
// 518000). See FindForeignAddress.
var (
	shopForeignCJKAddressRe = shopMustRe(`\p{Han}{1,8}[市縣县][^\n]{0,30}?[路街道][^\n]{0,20}?\d+\s?[號号](?:\s?\d+\s?[樓楼F階])?`)
	shopForeignCountryRe    = shopMustRe(`(?i)台湾|臺灣|台灣|中国|中華人民共和国|香港|澳門|マカオ|韓国|大韓民国|シンガポール|タイ王国|ベトナム|フィリピン|マレーシア|インドネシア|アメリカ合衆国|米国|カナダ|オーストラリア|イギリス|英国|フランス|ドイツ|イタリア|\b(?:taiwan|china|hong\s?kong|macau|korea|singapore|thailand|viet\s?nam|philippines|malaysia|indonesia|u\.?s\.?a|united\s+states|canada|australia|united\s+kingdom|france|germany|italy)\b`)
)

// FindForeignAddress returns an address abroad in s (the first line that
// holds one, clipped), or "": one written the Chinese way (city, road,
// number 號) anywhere, and, when s is the value of an address label
// (labelled), a line that names a country and holds a number (Shenzhen,
// China 518000). Unlabelled, such a line is as likely 「原産国：中国 1年保証」.
func FindForeignAddress(s string, labelled bool) string {
	for _, l := range strings.Split(s, "\n") {
		if m := shopForeignCJKAddressRe.FindString(l); m != "" {
			return shopClip(m, 60)
		}
		if labelled && strings.ContainsFunc(l, unicode.IsDigit) && shopForeignCountryRe.MatchString(l) && RuneCount(l) <= 120 {
			return shopClip(strings.TrimSpace(l), 60)
		}
	}
	return ""
}

// FindForeignPhone returns the first phone number in s written with a
// country code other than Japan's (+886-2-2771-3058), or "".
func FindForeignPhone(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '+' || i > 0 && shopIsDigit(rune(s[i-1])) {
			continue
		}
		j, digits := i+1, 0
		for j < len(s) && (shopIsDigit(rune(s[j])) || strings.IndexByte(" -.()", s[j]) >= 0) {
			if shopIsDigit(rune(s[j])) {
				digits++
			}
			j++
		}
		n := strings.TrimRight(s[i:j], " -.(")
		spaced := strings.ContainsAny(n, " -.()")
		if (digits >= 10 || spaced && digits >= 8) && digits <= 15 && !strings.HasPrefix(n, "+81") && shopIsDigit(rune(n[1])) && n[1] != '0' {
			return n
		}
	}
	return ""
}
