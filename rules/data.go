package rules

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed data
var dataFS embed.FS

// Data is the rule data that a user can extend with --rules: brands and
// their official domains, blocklists, known fraud accounts and weights.
// Lists that only ship with shopcheck (free-mail providers, phrases, …) are
// read by the rules that use them from the files under data/.
type Data struct {
	Brands *BrandSet
	// Blocklist holds domains (matching themselves and their subdomains)
	// and full URLs (matching by prefix).
	Blocklist []string
	// FraudAccounts are bank accounts known to have been used by fraud shops.
	FraudAccounts []Account
	// Weights override the points of signs by id.
	Weights map[string]int

	blocklist *Blocklist // Blocklist, indexed once
	cache     *derivedCache
}

// derivedCache keeps values that rules derive from the data (name lists,
// indexes), so that they are built once a run rather than once a site.
// Data does not change after LoadData, so neither do they.
type derivedCache struct {
	mu sync.Mutex
	m  map[string]any
}

// derived returns the value stored under key, building it with build the
// first time. Data made without LoadData has no cache: build runs each time.
func (d *Data) derived(key string, build func() any) any {
	if d == nil || d.cache == nil {
		return build()
	}
	d.cache.mu.Lock()
	defer d.cache.mu.Unlock()
	if v, ok := d.cache.m[key]; ok {
		return v
	}
	v := build()
	d.cache.m[key] = v
	return v
}

// Account is a bank account as it appears on a transfer page. Empty fields
// match anything.
type Account struct {
	Bank   string `json:"bank,omitempty"`
	Branch string `json:"branch,omitempty"`
	Number string `json:"number,omitempty"`
	Holder string `json:"holder,omitempty"`
}

// File is the format of a --rules file (JSON). Every section is optional
// and adds to the data that ships with shopcheck.
type File struct {
	Brands        []Brand        `json:"brands"`
	Blocklist     []string       `json:"blocklist"`
	FraudAccounts []Account      `json:"fraud_accounts"`
	Weights       map[string]int `json:"weights"`
}

// DefaultData returns the data that ships with shopcheck.
func DefaultData() *Data {
	d, err := loadData(nil, nil)
	if err != nil {
		panic(fmt.Sprintf("rules: embedded data is broken: %v", err))
	}
	return d
}

// LoadData reads the embedded data and then each extra --rules file. A
// file is one JSON object (File); its weights must name signs that exist,
// so that a misspelt id is an error rather than a weight that does
// nothing. Errors name the file (an *os.File's name, else its place).
func LoadData(extra ...io.Reader) (*Data, error) {
	return loadData(extra, signIDs)
}

// signIDs is the set of every sign's id, page and message signs.
func signIDs() map[string]bool {
	known := map[string]bool{}
	for _, r := range All() {
		known[r.ID] = true
	}
	for _, r := range MessageRules() {
		known[r.ID] = true
	}
	return known
}

// loadData is LoadData with the set of sign ids a weight may name (none
// needed for the embedded data alone: DefaultData, which the signs' own
// tables use, must not refer to the signs).
func loadData(extra []io.Reader, ids func() map[string]bool) (*Data, error) {
	var brands []Brand
	raw, err := dataFS.ReadFile("data/brands.json")
	if err != nil {
		return nil, fmt.Errorf("reading embedded brands: %w", err)
	}
	if err := json.Unmarshal(raw, &brands); err != nil {
		return nil, fmt.Errorf("parsing embedded brands.json: %w", err)
	}
	d := &Data{Weights: map[string]int{}, cache: &derivedCache{m: map[string]any{}}}
	var known map[string]bool // the sign ids a weight may name
	for i, r := range extra {
		name := fmt.Sprintf("rules file %d", i+1)
		if n, ok := r.(interface{ Name() string }); ok { // an *os.File
			name = n.Name()
		}
		dec := json.NewDecoder(r)
		dec.DisallowUnknownFields()
		var f File
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("parsing %s: %w", name, err)
		}
		if err := dec.Decode(&struct{}{}); err != io.EOF {
			// A second object would be read by no one: its entries
			// would silently not apply.
			return nil, fmt.Errorf("parsing %s: more than one JSON object: put every entry in one object", name)
		}
		if len(f.Weights) > 0 && known == nil {
			known = ids()
		}
		brands = append(brands, f.Brands...)
		for _, b := range f.Blocklist {
			if b = strings.TrimSpace(b); b != "" {
				d.Blocklist = append(d.Blocklist, b)
			}
		}
		d.FraudAccounts = append(d.FraudAccounts, f.FraudAccounts...)
		for id, w := range f.Weights {
			if !known[id] {
				return nil, fmt.Errorf("%s: weights: %q is no sign id (shopcheck rules lists them)", name, id)
			}
			if w < 0 || w > 100 {
				return nil, fmt.Errorf("%s: weight of %q is %d, want 0 to 100", name, id, w)
			}
			d.Weights[id] = w
		}
	}
	bs, err := NewBrandSet(brands)
	if err != nil {
		return nil, err
	}
	d.Brands = bs
	d.blocklist = NewBlocklist(d.Blocklist)
	return d, nil
}

// lines returns the non-blank, non-comment lines of an embedded data file
// (comments start with #), trimmed.
func lines(name string) []string {
	raw, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("rules: embedded data file %s missing: %v", name, err))
	}
	var out []string
	for _, l := range strings.Split(string(raw), "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// sections reads an embedded data file made of [name] sections: the lines
// under each heading, as lines gives them (lines before the first heading
// come under ""). Callers normalise the lines as their texts need.
func sections(name string) map[string][]string {
	out := map[string][]string{}
	cur := ""
	for _, l := range lines(name) {
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			cur = strings.TrimSpace(l[1 : len(l)-1])
			if _, ok := out[cur]; !ok {
				out[cur] = nil
			}
			continue
		}
		out[cur] = append(out[cur], l)
	}
	return out
}

// set returns the lines of an embedded data file as a set, lower-cased.
func set(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lines(name) {
		m[strings.ToLower(l)] = true
	}
	return m
}
