package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// DefaultMaxClues is how many distinct clue values a Clusterer tracks by
// default. Each costs about 150 bytes plus its targets, so the default keeps
// clustering under roughly 75 MB however long the list is.
const DefaultMaxClues = 500_000

// Cluster is one campaign clue shared by two or more targets: the same bank
// account, phone number, seller e-mail address or 特定商取引法 disclosure.
// It is what `--clusters FILE` writes, one JSON line a cluster.
type Cluster struct {
	// Campaign numbers the group of clusters that share targets (1 = the
	// group with the most targets): sites tied by an account and, through
	// one of them, by a phone are one campaign.
	Campaign int    `json:"campaign"`
	Kind     string `json:"kind"`
	// Value is the normalised clue as the checker gave it (clipped when
	// very long, as a disclosure text can be).
	Value string `json:"value"`
	// Count is the number of targets; Targets lists them, sorted, at most
	// MaxClusterTargets.
	Count   int      `json:"count"`
	Targets []string `json:"targets"`
	// Sites is the number of sites (hosts) among the targets: a clue
	// that ties several report lines of one site is listed with the
	// campaign only when it spans two sites or more.
	Sites int `json:"sites"`
}

// Campaign is a group of clusters that share targets.
type Campaign struct {
	ID int
	// Targets is the number of distinct targets in the campaign (those
	// beyond a cluster's list counted as distinct).
	Targets int
	// Sites is the number of distinct host names among the listed targets
	// (four URLs of one shop are one site).
	Sites    int
	Clusters []Cluster
}

// siteOf is the site a target stands for: the host of the page it led to
// (url) or of the target itself, without a leading www., so that
// www.shop.jp, shop.jp and a shortener leading there are one site, and each
// shop on a platform's shared domain (mimosa.thebase.in, a.shop-pro.jp)
// is one of its own; a target that names no host (a saved page) is itself.
func siteOf(target, url string) string {
	for _, s := range []string{url, target} {
		if s == "" {
			continue
		}
		t, err := checker.ParseNameTarget(s)
		if err != nil || t.URL == nil {
			continue
		}
		host := strings.TrimSuffix(strings.ToLower(t.URL.Hostname()), ".")
		return strings.TrimPrefix(host, "www.")
	}
	return target
}

// MaxClusterTargets is how many targets a clue value lists at most; beyond
// it a cluster only counts them (a template shop copied to a hundred
// thousand domains stays one cluster of bounded size).
const MaxClusterTargets = 10_000

// Clusterer groups targets by the campaign clues of their results. It keeps
// per clue value only the target strings, never the results, at most
// MaxClusterTargets of them, and tracks at most max distinct values: values
// first seen after that are not tracked (Limited reports it), so memory
// stays bounded on any list.
type Clusterer struct {
	max     int
	byKey   map[string]*clueEntry
	limited int
	// site holds the site (siteOf) of each target that brought clues.
	site map[string]string
}

type clueEntry struct {
	kind, value string
	targets     []string
	set         map[string]struct{} // built once targets grows past a few
	// over counts the targets beyond MaxClusterTargets (not listed; a
	// target added twice there is counted twice).
	over int
}

// NewClusterer returns a Clusterer that tracks at most max distinct clue
// values (DefaultMaxClues when max <= 0).
func NewClusterer(max int) *Clusterer {
	if max <= 0 {
		max = DefaultMaxClues
	}
	return &Clusterer{max: max, byKey: make(map[string]*clueEntry), site: make(map[string]string)}
}

// maxValue is the longest clue value kept as it is; longer ones (a
// disclosure text) are keyed by their digest and shown clipped.
const maxValue = 200

// Add records that target, which led to url ("" when unknown), carries
// clues. Adding the same target twice for a clue counts it once.
func (c *Clusterer) Add(target, url string, clues []checker.Clue) {
	if _, ok := c.site[target]; !ok && len(clues) > 0 && len(c.site) < c.max {
		c.site[target] = siteOf(target, url)
	}
	for _, cl := range clues {
		if cl.Value == "" || cl.Kind == "" {
			continue
		}
		key := cl.Kind + "\x00" + cl.Value
		shown := cl.Value
		if len(cl.Value) > maxValue {
			sum := sha256.Sum256([]byte(cl.Value))
			key = cl.Kind + "\x00#" + hex.EncodeToString(sum[:16])
			shown = rules.Clip(cl.Value, 120)
		}
		e := c.byKey[key]
		if e == nil {
			if len(c.byKey) >= c.max {
				c.limited++
				continue
			}
			// Its own copy: the value may be cut from a longer string
			// that should not stay in memory to the end of the run.
			c.byKey[key] = &clueEntry{kind: cl.Kind, value: strings.Clone(shown), targets: []string{target}}
			continue
		}
		e.add(target)
	}
}

func (e *clueEntry) add(target string) {
	if e.set != nil {
		if _, ok := e.set[target]; ok {
			return
		}
		if len(e.targets) >= MaxClusterTargets {
			e.over++
			return
		}
		e.set[target] = struct{}{}
		e.targets = append(e.targets, target)
		return
	}
	for _, t := range e.targets {
		if t == target {
			return
		}
	}
	e.targets = append(e.targets, target)
	if len(e.targets) > 16 {
		e.set = make(map[string]struct{}, len(e.targets)*2)
		for _, t := range e.targets {
			e.set[t] = struct{}{}
		}
	}
}

// Limited returns how many clue values were not tracked because the
// Clusterer was full (0 when clustering saw everything).
func (c *Clusterer) Limited() int { return c.limited }

// accountByHolder reports whether c is an account keyed by number and
// holder (1234567|ヤマダタロウ, rules.BankAccount.HolderClueKey), which is
// listed after the same account keyed by bank and number.
func accountByHolder(c Cluster) bool {
	return c.Kind == "account" && c.Value != "" && c.Value[0] >= '0' && c.Value[0] <= '9'
}

// kindOrder sorts the kinds from the most to the least telling.
var kindOrder = map[string]int{"account": 0, "phone": 1, "email": 2, "disclosure": 3}

func kindRank(k string) int {
	if r, ok := kindOrder[k]; ok {
		return r
	}
	return len(kindOrder)
}

// Campaigns returns the clue values shared by two or more targets, grouped
// into campaigns (clusters that share a target are one campaign), the
// campaign with the most targets first.
func (c *Clusterer) Campaigns() []Campaign {
	var shared []*clueEntry
	for _, e := range c.byKey {
		if len(e.targets)+e.over > 1 {
			shared = append(shared, e)
		}
	}
	// Union-find over the shared clues, joined through common targets.
	parent := make([]int, len(shared))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	siteOfT := func(t string) string {
		if site, ok := c.site[t]; ok {
			return site
		}
		return siteOf(t, "")
	}
	// Clues are joined through a common site (the same shop reported
	// under several lines is one operator), which a target is part of.
	owner := make(map[string]int)
	for i, e := range shared {
		for _, t := range e.targets {
			site := siteOfT(t)
			if j, ok := owner[site]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[site] = i
			}
		}
	}
	groups := make(map[int][]int)
	for i := range shared {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out []Campaign
	for _, members := range groups {
		seen := make(map[string]struct{})
		over := 0
		var cs []Cluster
		for _, i := range members {
			e := shared[i]
			for _, t := range e.targets {
				seen[t] = struct{}{}
			}
			over += e.over
			// Sorted, so that the same list gives the same clusters however
			// the checks happened to finish.
			ts := slices.Sorted(slices.Values(e.targets))
			es := make(map[string]struct{}, len(ts))
			for _, t := range ts {
				es[siteOfT(t)] = struct{}{}
			}
			if len(es) < 2 && e.over == 0 {
				// Lines of one site (one shop reported three times):
				// no link between sites, no clue of the campaign's.
				continue
			}
			cs = append(cs, Cluster{Kind: e.kind, Value: e.value, Count: len(e.targets) + e.over, Targets: ts, Sites: len(es)})
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].Count != cs[j].Count {
				return cs[i].Count > cs[j].Count
			}
			if kindRank(cs[i].Kind) != kindRank(cs[j].Kind) {
				return kindRank(cs[i].Kind) < kindRank(cs[j].Kind)
			}
			if ri, rj := accountByHolder(cs[i]), accountByHolder(cs[j]); ri != rj {
				return rj // bank|number before number|holder
			}
			return cs[i].Value < cs[j].Value
		})
		sites := make(map[string]struct{})
		for t := range seen {
			sites[siteOfT(t)] = struct{}{}
		}
		if len(cs) == 0 || len(sites) < 2 && over == 0 {
			// Pages of one site, or one site reported under several
			// URLs: no campaign across sites.
			continue
		}
		out = append(out, Campaign{Targets: len(seen) + over, Sites: len(sites), Clusters: cs})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Targets != out[j].Targets {
			return out[i].Targets > out[j].Targets
		}
		a, b := out[i].Clusters[0], out[j].Clusters[0]
		if kindRank(a.Kind) != kindRank(b.Kind) {
			return kindRank(a.Kind) < kindRank(b.Kind)
		}
		return a.Value < b.Value
	})
	for i := range out {
		out[i].ID = i + 1
		for j := range out[i].Clusters {
			out[i].Clusters[j].Campaign = i + 1
		}
	}
	return out
}

// WriteClusters writes every cluster of campaigns as JSON Lines, one Write
// call a whole line so that an interrupted write never leaves half a line.
func WriteClusters(w io.Writer, campaigns []Campaign) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, c := range campaigns {
		for _, cl := range c.Clusters {
			buf.Reset()
			if err := enc.Encode(cl); err != nil {
				return err
			}
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}
