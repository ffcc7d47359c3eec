package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestAreaTableMatchesLibphonenumber checks the generated area-code table
// against the geocoder it was made from: for a number under every listed
// prefix, the table's prefecture must be the one phonenumbers names (the
// table may say "unknown" where the library would guess from a shorter
// prefix, never something else).
func TestAreaTableMatchesLibphonenumber(t *testing.T) {
	en := map[string]string{} // libphonenumber's English name -> ours
	for _, l := range lines("prefectures.txt") {
		ja, name, _ := strings.Cut(l, " ")
		en[name] = ja
	}
	checked := 0
	for prefix := range flAreaCodes() {
		for _, fill := range []string{"0", "5", "9"} {
			num := prefix + strings.Repeat(fill, 10-len(prefix))
			mine := flAreaPrefs(num)
			if mine == nil {
				continue
			}
			pn, err := phonenumbers.Parse("+81"+num[1:], "JP")
			if err != nil {
				t.Fatalf("parsing %s: %v", num, err)
			}
			geo, err := phonenumbers.GetGeocodingForNumber(pn, "en")
			if err != nil {
				t.Fatalf("geocoding %s: %v", num, err)
			}
			name := geo
			if i := strings.LastIndex(geo, ", "); i >= 0 {
				name = geo[i+2:]
			}
			// The prefectures after the first are those of a calling area
			// across a border (fluent_areacode_border.txt).
			if en[name] != mine[0] || !slices.Equal(mine[1:], flBorderPrefs(num)) {
				t.Errorf("%s: table says %v, phonenumbers says %q", num, mine, geo)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d numbers checked; the table looks too small", checked)
	}
}

// TestPrefectureData: the data files give 47 prefectures, once each, and
// cities under them.
func TestPrefectureData(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range prefectureNames {
		if seen[p] {
			t.Errorf("%s listed twice", p)
		}
		seen[p] = true
	}
	if len(seen) != 47 || !seen["宮城県"] || !seen["東京都"] || !seen["北海道"] || !seen["京都府"] {
		t.Errorf("prefectures: %v", prefectureNames)
	}
	if len(addressCityNames) < 40 || addressCityPrefOf["仙台市"] != "宮城県" || addressCityPrefOf["江戸川区"] != "東京都" {
		t.Errorf("cities: %v", addressCityPrefOf)
	}
}

// flBorderPrefs returns the prefectures fluent_areacode_border.txt adds to
// num's calling area, in the file's order.
func flBorderPrefs(num string) []string {
	var out []string
	for _, l := range lines("fluent_areacode_border.txt") {
		f := strings.Fields(l)
		if strings.HasPrefix(num, f[0]) {
			out = append(out, f[1:]...)
		}
	}
	return out
}

// TestAreaCodesAcrossBorders: a shop in a town whose calling area belongs
// to the next prefecture (尼崎 on 06, 町田 on 042-7, 鳥栖 on 0942) is no
// inconsistency; the same numbers beside an address far away still are.
func TestAreaCodesAcrossBorders(t *testing.T) {
	for _, c := range []struct {
		num, pref string
		fits      bool
	}{
		{"0664123456", "兵庫県", true},
		{"0664123456", "大阪府", true},
		{"0664123456", "東京都", false},
		{"0727712345", "兵庫県", true},
		{"0759612345", "大阪府", true},
		{"0427231234", "東京都", true},
		{"0427231234", "神奈川県", true},
		{"0942831234", "佐賀県", true},
		{"0942831234", "福岡県", true},
		{"0312345678", "兵庫県", false},
	} {
		if got := slices.Contains(flAreaPrefs(c.num), c.pref); got != c.fits {
			t.Errorf("%s in %s: fits %v, want %v (table: %v)", c.num, c.pref, got, c.fits, flAreaPrefs(c.num))
		}
	}
}
