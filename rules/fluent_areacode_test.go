package rules

import (
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
			if len(mine) != 1 || en[name] != mine[0] {
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
