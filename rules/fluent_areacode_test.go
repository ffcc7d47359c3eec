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
			if want, ok := areaTableFixes[prefix]; ok {
				// The generator's correction of the English data
				// (internal/gen/fluentdata.go areaFixes).
				if len(mine) != 1 || mine[0] != want {
					t.Errorf("%s: table says %v, the correction %s", num, mine, want)
				}
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
			if en[name] != mine[0] || len(mine) != 1 {
				t.Errorf("%s: table says %v, phonenumbers says %q", num, mine, geo)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d numbers checked; the table looks too small", checked)
	}
}

// areaTableFixes are the prefixes whose prefecture the generator corrects
// (internal/gen/fluentdata.go areaFixes): libphonenumber's English
// geocoding names Imabari, Ehime for 0288, its Japanese one 今市 (Nikko,
// Tochigi), which is right (TestAreaTableFixesAgreeWithJapanese).
var areaTableFixes = map[string]string{"0288": "栃木県"}

// TestAreaTableFixesAgreeWithJapanese checks each correction against the
// Japanese geocoding, which names the town: a correction the source has
// since fixed, or one that disagrees with it, fails here.
func TestAreaTableFixesAgreeWithJapanese(t *testing.T) {
	towns := map[string]string{"0288": "今市"}
	for prefix := range areaTableFixes {
		num := prefix + strings.Repeat("5", 10-len(prefix))
		pn, err := phonenumbers.Parse("+81"+num[1:], "JP")
		if err != nil {
			t.Fatalf("parsing %s: %v", num, err)
		}
		ja, err := phonenumbers.GetGeocodingForNumber(pn, "ja")
		if err != nil {
			t.Fatalf("geocoding %s: %v", num, err)
		}
		if ja != towns[prefix] {
			t.Errorf("%s: Japanese geocoding says %q, want %q", num, ja, towns[prefix])
		}
		en, _ := phonenumbers.GetGeocodingForNumber(pn, "en")
		if !strings.Contains(en, "Ehime") {
			t.Errorf("%s: English geocoding now says %q: the source may be fixed; drop the correction", num, en)
		}
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

// TestAreaCodesAcrossBorders: a shop in a town whose calling area belongs
// to the next prefecture (尼崎 on 06, 町田 on 042-7, 鳥栖 on 0942) is no
// inconsistency; the same numbers beside an address elsewhere in that
// prefecture (神戸 on 06) or far away still are.
func TestAreaCodesAcrossBorders(t *testing.T) {
	for _, c := range []struct {
		num, addr string
		fits      bool
	}{
		{"0664123456", "兵庫県尼崎市東難波町2-1-1", true},
		{"0664123456", "大阪府大阪市北区梅田1-1-1", true},
		{"0664123456", "兵庫県神戸市中央区加納町6-5-1", false},
		{"0664123456", "神戸市中央区加納町6-5-1", false},
		{"0664123456", "兵庫県姫路市安田4-1", false},
		{"0664123456", "東京都千代田区丸の内1-1", false},
		{"0727712345", "兵庫県伊丹市千僧1-1", true},
		{"0727712345", "兵庫県川西市中央町12-1", true},
		{"0759612345", "大阪府三島郡島本町桜井2-1-1", true},
		{"0759612345", "大阪府大阪市北区梅田1-1-1", false},
		{"0427231234", "東京都町田市森野2-2-22", true},
		{"0427231234", "東京都新宿区西新宿2-8-1", false},
		{"0427231234", "神奈川県相模原市中央区中央2-11-15", true},
		{"0942831234", "佐賀県鳥栖市宿町1118", true},
		{"0942831234", "佐賀県佐賀市栄町1-1", false},
		{"0942831234", "福岡県久留米市城南町15-3", true},
		{"0312345678", "兵庫県尼崎市東難波町2-1-1", false},
	} {
		site := &Site{Data: DefaultData(), Pages: []*Page{NewPage("https://shop.example.jp/tokusho", 200, "text/html",
			"<h1>特定商取引法に基づく表記</h1><p>所在地：〒000-0000 "+c.addr+"</p><p>電話番号："+c.num[:3]+"-"+c.num[3:6]+"-"+c.num[6:]+"</p>", false)}}
		fs := checkAddressInconsistent(site)
		phoneOff := false
		for _, f := range fs {
			phoneOff = phoneOff || strings.Contains(f.Evidence, "市外局番")
		}
		if phoneOff == c.fits {
			t.Errorf("%s beside %s: fits %v, want %v (%+v)", c.num, c.addr, !phoneOff, c.fits, fs)
		}
	}
}
