package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The address-inconsistent sign: a fake shop pastes a real company's
// postcode, address and phone, often from different companies, so that the
// postcode or the landline's area code belongs to another prefecture than
// the address. The region tables are generated from maintained sources by
// internal/gen/fluentdata.go (see the headers of the data files).

//go:generate go run ../internal/gen/fluentdata.go -out data

// flPrefectures are the 47 prefectures (data/prefectures.txt).
var flPrefectures = prefectureNames

// flCityPref gives the prefecture of addresses written without it: the
// designated cities (政令指定都市) and Tokyo's 23 special wards
// (data/address_cities.txt).
var flCityPref = addressCityPrefOf

// flRegionTable maps a number prefix to prefectures.
type flRegionTable map[string][]string

func flLoadRegions(name string) flRegionTable {
	t := flRegionTable{}
	known := map[string]bool{"?": true}
	for _, p := range flPrefectures {
		known[p] = true
	}
	for _, l := range lines(name) {
		f := strings.Fields(l)
		if len(f) < 2 {
			panic("rules: " + name + ": want PREFIX PREFECTURE...: " + l)
		}
		for _, p := range f[1:] {
			if !known[p] {
				panic("rules: " + name + ": unknown prefecture " + p)
			}
		}
		t[f[0]] = f[1:]
	}
	return t
}

var (
	flPostcodes = sync.OnceValue(func() flRegionTable { return flLoadRegions("fluent_postcode_prefix.txt") })
	flAreaCodes = sync.OnceValue(func() flRegionTable { return flLoadRegions("fluent_areacode.txt") })
	flBorders   = sync.OnceValue(func() []flBorder { return flLoadBorders("fluent_areacode_border.txt") })
)

// flBorder is a calling area that crosses a prefecture's border
// (fluent_areacode_border.txt): numbers under prefix also serve the towns
// named of pref (every town of it when none is named).
type flBorder struct {
	prefix, pref string
	towns        []string
}

// flLoadBorders reads fluent_areacode_border.txt: a prefix, then
// prefectures, each with the towns of it that the prefix serves after a
// slash (兵庫県/尼崎市).
func flLoadBorders(name string) []flBorder {
	known := map[string]bool{}
	for _, p := range flPrefectures {
		known[p] = true
	}
	var out []flBorder
	for _, l := range lines(name) {
		f := strings.Fields(l)
		if len(f) < 2 {
			panic("rules: " + name + ": want PREFIX PREFECTURE[/TOWN...]...: " + l)
		}
		for _, e := range f[1:] {
			parts := strings.Split(e, "/")
			if !known[parts[0]] {
				panic("rules: " + name + ": unknown prefecture " + parts[0])
			}
			out = append(out, flBorder{prefix: f[0], pref: parts[0], towns: parts[1:]})
		}
	}
	return out
}

// flBorderFits reports whether a landline (10 digits) is one of a calling
// area that crosses into address a's prefecture, and a is in one of the
// towns it serves there: 06 beside 尼崎市, not beside 神戸市.
func flBorderFits(digits string, a flAddress) bool {
	for _, b := range flBorders() {
		if !strings.HasPrefix(digits, b.prefix) || b.pref != a.pref {
			continue
		}
		if len(b.towns) == 0 {
			return true
		}
		for _, t := range b.towns {
			if strings.Contains(a.text, t) {
				return true
			}
		}
	}
	return false
}

// flPostcodePrefs returns the prefectures that use a 7-digit postcode, nil
// when unknown.
func flPostcodePrefs(post string) []string {
	if len(post) < 3 {
		return nil
	}
	return flPostcodes()[post[:3]]
}

// flNoRegion are number prefixes that carry no region: mobile, IP, pager
// and M2M, free dial, nation-wide and premium numbers.
var flNoRegion = []string{"070", "080", "090", "050", "060", "020", "0120", "0800", "0570", "0990", "0180", "0170"}

// flAreaPrefs returns the prefectures that a domestic landline number
// (10 digits, leading 0) serves, nil when it has no region or is unknown.
func flAreaPrefs(digits string) []string {
	if len(digits) != 10 || digits[0] != '0' || digits[1] == '0' {
		return nil
	}
	for _, p := range flNoRegion {
		if strings.HasPrefix(digits, p) {
			return nil
		}
	}
	t := flAreaCodes()
	for n := 8; n >= 2; n-- {
		if ps, ok := t[digits[:n]]; ok {
			if len(ps) == 1 && ps[0] == "?" {
				return nil
			}
			return ps
		}
	}
	return nil
}

var (
	flPostRe = shopMustRe(`(?:〒|郵便番号\s*[:：]?)\s*(\d{3})\s*[-‐‑–—−ー]?\s*(\d{4})(?:\D|$)`)
	// flAddrLabel starts a line that gives an address.
	flAddrLabelHint = shopMustRe(`所在|住所|(?i)address`)
	flAddrLabel     = shopMustRe(`^[\s■□●・【\[]*(?:本社|本店|事業所|店舗|会社)?(?:所在地|住所|所在|address)[\s】\]]*[:：]?\s*`)
	flPhoneRe       = shopMustRe(`(?:\+81[\s-]*\(?0?\)?|0)\d{1,4}[\s\-‐‑–—−ー()]{0,3}\d{1,4}[\s\-‐‑–—−ー()]{0,3}\d{3,4}`)
	flPhoneWord     = shopMustRe(`(?i)電話|tel|☎|℡|phone|fax|ファックス|ファクス`)
	// flOtherPlace marks a phone line that names another office or
	// organisation (支店, センター, 倉庫, 東京オフィス, 通販事務局, カスタマー
	// サポート …): its number need not be the seller's address's.
	// flExample marks a sample in a form guide (記入例: 03-1234-5678).
	flExample    = shopMustRe(`例|サンプル|ダミー|xxxx|○○|〇〇`)
	flOtherPlace = shopMustRe(`支社|支店|営業所|営業部|センター|倉庫|物流|出荷|工場|事業所|出張所|オフィス|事務局|ショールーム|店舗|本店|直営|工房|窓口|受付|相談室|サポート|カスタマー|配送|運輸|郵便|カード会社|銀行`)
	// flAddrEnd cuts an address at what follows it on the same line.
	flAddrEnd = shopMustRe(`(?i)\s*(?:tel|電話|fax|ファックス|e-?mail|メール|営業時間|☎|℡).*$`)
	// flAddrEndWords and flAddrLabelWords are the words flAddrEnd and
	// flAddrLabel cannot match without: most lines hold none, and then
	// the expressions need not run (flCutAddrEnd, flStripAddrLabel).
	flAddrEndWords   = shopMustRe(`(?i)tel|電話|fax|ファックス|e-?mail|メール|営業時間|☎|℡`)
	flAddrLabelWords = shopMustRe(`所在地|住所|所在|address`)
)

// flAddrHints are the words of which a line that flAddresses reads holds
// one in compact form: 〒, 郵便番号 and flAddrLabelHint's words (in every
// case, so also after compacting lower-cases them).
var flAddrHints = sync.OnceValue(func() *flLitSet {
	return newFlLitSet(append([]string{"〒", "郵便番号"}, flAddrLabelHint.words()...))
})

// flStripAddrLabel is flAddrLabel.ReplaceAllString(s, ""), without running
// the expression on text that holds none of its label words.
func flStripAddrLabel(s string) string {
	if !flAddrLabelWords.MatchString(s) {
		return s
	}
	return flAddrLabel.ReplaceAllString(s, "")
}

// flCutAddrEnd is flAddrEnd.ReplaceAllString(s, ""), without running the
// expression on text that holds none of its words.
func flCutAddrEnd(s string) string {
	if !flAddrEndWords.MatchString(s) {
		return s
	}
	return flAddrEnd.ReplaceAllString(s, "")
}

// flAddress is an address found on a page.
type flAddress struct {
	post     string // 7 digits, "" when none
	postShow string
	pref     string // "" when none could be told
	written  bool   // pref written out, not told from a city
	text     string // the address as written, from the prefecture on
	url      string
}

// flPrefOf finds the prefecture at the start of an address: written out, or
// told from a designated city or a Tokyo ward. The cities are looked up
// by the start of s in each length a city name has (flCityLens): no city
// name starts another (TestFlPrefOfAgrees), so at most one is there.
func flPrefOf(s string) (pref string, written bool) {
	for _, p := range flPrefectures {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	for _, n := range flCityLens() {
		if n <= len(s) {
			if p, ok := flCityPref[s[:n]]; ok {
				return p, false
			}
		}
	}
	return "", false
}

// flCityLens are the lengths in bytes of the names of flCityPref, shortest
// first, once each.
var flCityLens = sync.OnceValue(func() []int {
	var ns []int
	for c := range flCityPref {
		if !slices.Contains(ns, len(c)) {
			ns = append(ns, len(c))
		}
	}
	slices.Sort(ns)
	return ns
})

// flAddresses finds the addresses of site: after a postcode, or after an
// address label (所在地, 住所).
func flAddresses(site *Site) []flAddress {
	var out []flAddress
	cps := flCompactPages(site)
	for pi, p := range site.Pages {
		// Only lines with a postcode mark or an address label word: one
		// pass over the page finds them.
		for i := range cps[pi].with(flHasAddress) {
			line := p.Lines[i]
			next := ""
			if i+1 < len(p.Lines) {
				next = p.Lines[i+1]
			}
			post := strings.Contains(line, "〒") || strings.Contains(line, "郵便番号")
			if (!post && !flAddrLabelHint.MatchString(line)) || flExample.MatchString(line) {
				continue // cheap test before the regular expressions; samples in a form guide
			}
			var a flAddress
			rest := ""
			var m []int
			if post {
				m = flPostRe.FindStringSubmatchIndex(line) // it needs 〒 or 郵便番号
			}
			if m != nil {
				a.post = line[m[2]:m[3]] + line[m[4]:m[5]]
				a.postShow = "〒" + line[m[2]:m[3]] + "-" + line[m[4]:m[5]]
				rest = strings.TrimSpace(line[m[5]:])
				if pf, _ := flPrefOf(flStripAddrLabel(rest)); pf == "" && next != "" {
					rest = next // the address on the line after the postcode
				}
			} else if loc := flAddrLabel.FindStringIndex(line); loc != nil {
				rest = line[loc[1]:]
				if rest == "" && next != "" {
					rest = next // a label on a line of its own
				}
			} else {
				continue
			}
			rest = strings.TrimSpace(flStripAddrLabel(rest))
			rest = flCutAddrEnd(rest)
			a.pref, a.written = flPrefOf(rest)
			if a.pref == "" && a.post == "" {
				continue
			}
			a.text = rest
			a.url = p.URL
			out = append(out, a)
		}
	}
	return out
}

// flPhone is a landline number given as the seller's.
type flPhone struct {
	shown, digits, url string
}

// flPhones finds phone numbers on lines that name a phone (電話, TEL, FAX),
// or on the line after such a label.
func flPhones(site *Site) []flPhone {
	var out []flPhone
	seen := map[string]bool{}
	cps := flCompactPages(site)
	for pi, p := range site.Pages {
		// A number counts on a line that names a phone or after one: one
		// pass over the page finds those lines.
		var near []bool
		for k := range cps[pi].with(flHasPhone) {
			if near == nil {
				near = make([]bool, len(p.Lines)+1)
			}
			near[k], near[k+1] = true, true
		}
		for i, line := range p.Lines {
			if near == nil {
				break
			}
			if !near[i] {
				continue
			}
			if !strings.Contains(line, "0") && !strings.Contains(line, "+81") {
				continue // every number looked for has a 0 (0X- or +81)
			}
			labelled := flPhoneWord.MatchString(line)
			if !labelled && i > 0 {
				prev := p.Lines[i-1]
				labelled = flPhoneWord.MatchString(prev) && RuneCount(prev) <= 12 && !flPhoneRe.MatchString(prev)
			}
			if !labelled || flOtherPlace.MatchString(line) || flExample.MatchString(line) {
				continue
			}
			for _, m := range flPhoneRe.FindAllString(line, -1) {
				d := flDigits(m)
				if strings.HasPrefix(m, "+81") {
					d = "0" + strings.TrimPrefix(strings.TrimPrefix(d, "81"), "0")
				}
				if len(d) != 10 || seen[d] {
					continue
				}
				seen[d] = true
				out = append(out, flPhone{shown: strings.TrimSpace(m), digits: d, url: p.URL})
			}
		}
	}
	return out
}

// flDigits keeps the ASCII digits of s.
func flDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func flHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkAddressInconsistent fires on a postcode of another prefecture than
// its address, and on a landline whose area code serves none of the site's
// prefectures. (An address without a block number is seller-info-missing's:
// its disclosure then lacks a full address.)
func checkAddressInconsistent(site *Site) []Finding {
	addrs := flAddresses(site)
	var fs []Finding
	sitePrefs := map[string]bool{}
	var firstAddr *flAddress
	for i, a := range addrs {
		if a.pref == "" {
			// An address whose prefecture is not read (written in
			// romaji: 「〒430-0933 Shizuoka-ken, Hamamatsu-shi …」, a
			// shop page for foreign residents): its postcode still
			// places the site there, for its phone numbers.
			if ps := flPostcodePrefs(a.post); len(ps) == 1 {
				sitePrefs[ps[0]] = true
			}
			continue
		}
		sitePrefs[a.pref] = true
		if firstAddr == nil {
			firstAddr = &addrs[i]
		}
		if ps := flPostcodePrefs(a.post); ps != nil && !flHas(ps, a.pref) {
			fs = append(fs, Finding{
				Evidence:   fmt.Sprintf("%s は%sですが住所は%s", a.postShow, strings.Join(ps, "・"), Clip(a.text, 40)),
				EvidenceEN: fmt.Sprintf("postcode %s is in %s, but the address is %s", a.postShow, strings.Join(ps, ", "), Clip(a.text, 40)),
				URL:        a.url,
				Message: Text{
					JA: "販売者の郵便番号と住所の都道府県が一致しません（実在の会社の情報を寄せ集めた疑い）",
					EN: "The seller's postcode belongs to a different prefecture from the address (details pieced together)",
				},
			})
		}
	}
	if firstAddr != nil {
		for _, ph := range flPhones(site) {
			ps := flAreaPrefs(ph.digits)
			if ps == nil {
				continue
			}
			overlap := false
			for _, p := range ps {
				overlap = overlap || sitePrefs[p]
			}
			for i := 0; i < len(addrs) && !overlap; i++ {
				overlap = flBorderFits(ph.digits, addrs[i])
			}
			if !overlap {
				fs = append(fs, Finding{
					Evidence:   fmt.Sprintf("電話 %s は%sの市外局番ですが住所は%s", ph.shown, strings.Join(ps, "・"), Clip(firstAddr.text, 40)),
					EvidenceEN: fmt.Sprintf("phone %s has an area code of %s, but the address is %s", ph.shown, strings.Join(ps, ", "), Clip(firstAddr.text, 40)),
					URL:        ph.url,
					Message: Text{
						JA: "販売者の電話番号の市外局番が住所の都道府県と一致しません",
						EN: "The area code of the seller's landline belongs to a different prefecture from the address",
					},
				})
			}
		}
	}
	return fs
}
