package rules

import (
	"fmt"
	"strings"
)

// Brand is an often-imitated company or service and its official domains.
type Brand struct {
	// Name is the name shown to users.
	Name string `json:"name"`
	// Names are the names the brand goes by on pages, in Japanese and
	// English (三井住友カード, SMBC CARD, Vpass).
	Names []string `json:"names"`
	// Domains are the official registrable domains; their subdomains are
	// official too.
	Domains []string `json:"domains"`
	// Keywords are the labels the brand's name takes inside domain names
	// (smbc, vpass, mitsuisumitomo).
	Keywords []string `json:"keywords"`
}

// BrandSet is the brand data, ready for lookups.
type BrandSet struct {
	list     []Brand
	official map[string][]int // official registrable domain -> brand indexes
}

// NewBrandSet checks and indexes brands.
func NewBrandSet(brands []Brand) (*BrandSet, error) {
	bs := &BrandSet{official: map[string][]int{}}
	for i, b := range brands {
		if b.Name == "" || len(b.Domains) == 0 {
			return nil, fmt.Errorf("brand %d (%q): needs a name and at least one official domain", i+1, b.Name)
		}
		for j, d := range b.Domains {
			d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
			b.Domains[j] = d
			bs.official[d] = append(bs.official[d], i)
		}
		bs.list = append(bs.list, b)
	}
	return bs, nil
}

// All returns every brand. The caller must not change them.
func (bs *BrandSet) All() []Brand { return bs.list }

// Official reports whether host is one of b's official domains or under one.
func (b *Brand) Official(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range b.Domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// OfficialFor returns the brands for which host is an official domain.
func (bs *BrandSet) OfficialFor(host string) []Brand {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	var out []Brand
	seen := map[int]bool{}
	for h := host; h != ""; {
		for _, i := range bs.official[h] {
			if !seen[i] {
				seen[i] = true
				out = append(out, bs.list[i])
			}
		}
		dot := strings.IndexByte(h, '.')
		if dot < 0 {
			break
		}
		h = h[dot+1:]
	}
	return out
}
