package rules

import (
	"strings"
)

// The prefectures and the cities written without one, read once from
// data/prefectures.txt and data/address_cities.txt: the address finders of
// the shop signs and the address-inconsistent sign share them.
var (
	prefectureNames                     = loadPrefectures("prefectures.txt")
	addressCityNames, addressCityPrefOf = loadAddressCities("address_cities.txt", prefectureNames)
)

// loadPrefectures reads the prefectures' Japanese names, in the file's
// order (JIS X 0401).
func loadPrefectures(name string) []string {
	var out []string
	for _, l := range lines(name) {
		ja, _, _ := strings.Cut(l, " ")
		if !strings.HasSuffix(ja, "都") && !strings.HasSuffix(ja, "道") && !strings.HasSuffix(ja, "府") && !strings.HasSuffix(ja, "県") {
			panic("rules: " + name + ": not a prefecture: " + l)
		}
		out = append(out, ja)
	}
	if len(out) != 47 {
		panic("rules: " + name + ": want the 47 prefectures")
	}
	return out
}

// loadAddressCities reads the cities and wards written without their
// prefecture: the names in the file's order and each one's prefecture.
func loadAddressCities(name string, prefectures []string) ([]string, map[string]string) {
	known := map[string]bool{}
	for _, p := range prefectures {
		known[p] = true
	}
	var names []string
	prefOf := map[string]string{}
	for _, l := range lines(name) {
		f := strings.Fields(l)
		if len(f) != 2 || !known[f[1]] || prefOf[f[0]] != "" {
			panic("rules: " + name + ": want CITY PREFECTURE, each city once: " + l)
		}
		names = append(names, f[0])
		prefOf[f[0]] = f[1]
	}
	return names, prefOf
}
