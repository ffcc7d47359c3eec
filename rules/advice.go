package rules

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Topics are the advice topics, in the order `shopcheck advice` lists them.
var topicOrder = []string{"shopping", "phishing", "billing", "scam", "spam", "account"}

// Topics returns the advice topics in their usual order.
func Topics() []string { return append([]string(nil), topicOrder...) }

// Advice is the police's advice for each kind of case and the desks where
// people can consult, read from data/advice.json.
type Advice struct {
	topics   map[string]adviceTopic
	desks    map[string]Desk
	Stations []Station
}

type adviceTopic struct {
	// Aliases are other names people type for the topic (架空請求 for
	// billing): `shopcheck advice 架空請求` finds it.
	Aliases []string     `json:"aliases"`
	Title   Text         `json:"title"`
	Lines   []adviceLine `json:"lines"`
}

// adviceLine is one piece of advice. A line with Signs is for those cases
// only (what to do after running a ClickFix command is no advice for a
// fake bank mail): a result shows it when one of those signs fired.
type adviceLine struct {
	Text
	Signs []string `json:"signs,omitempty"`
}

// Desk is a place to consult.
type Desk struct {
	Name  Text   `json:"name"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
	Note  Text   `json:"note,omitempty"`
}

// Station is a police station in Miyagi and its phone number; NameEN is
// its name in romaji, for a reader of English.
type Station struct {
	Name   string
	Phone  string
	NameEN string
}

// In is the station's name in lang.
func (s Station) In(lang string) string {
	if lang == "en" && s.NameEN != "" {
		return s.NameEN
	}
	return s.Name
}

// DefaultAdvice returns the advice that ships with shopcheck.
func DefaultAdvice() *Advice {
	raw, err := dataFS.ReadFile("data/advice.json")
	if err != nil {
		panic(fmt.Sprintf("rules: embedded advice missing: %v", err))
	}
	var f struct {
		Topics   map[string]adviceTopic `json:"topics"`
		Desks    map[string]Desk        `json:"desks"`
		Stations [][]string             `json:"stations"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		panic(fmt.Sprintf("rules: embedded advice.json is broken: %v", err))
	}
	a := &Advice{topics: f.Topics, desks: f.Desks}
	for _, s := range f.Stations {
		if len(s) < 2 {
			panic(fmt.Sprintf("rules: advice.json: a station without its phone: %q", s))
		}
		st := Station{Name: s[0], Phone: s[1]}
		if len(s) > 2 {
			st.NameEN = s[2]
		}
		a.Stations = append(a.Stations, st)
	}
	return a
}

// Has reports whether topic is known.
func (a *Advice) Has(topic string) bool { _, ok := a.topics[topic]; return ok }

// Find returns the topic that name names: its id in any letter case
// (Shopping), an alias (架空請求) or its title in either language (the
// heading the advice is printed under); "" when none.
func (a *Advice) Find(name string) string {
	name = strings.TrimSpace(name)
	if a.Has(strings.ToLower(name)) {
		return strings.ToLower(name)
	}
	for _, id := range topicOrder {
		t, ok := a.topics[id]
		if !ok {
			continue
		}
		if slices.Contains(t.Aliases, name) || strings.EqualFold(t.Title.JA, name) || strings.EqualFold(t.Title.EN, name) {
			return id
		}
	}
	return ""
}

// Title is the topic's heading in lang.
func (a *Advice) Title(topic, lang string) string { return a.topics[topic].Title.In(lang) }

// Lines returns all the advice for topic in lang (as `shopcheck advice`
// lists it), or nil for an unknown topic.
func (a *Advice) Lines(topic, lang string) []string {
	t, ok := a.topics[topic]
	if !ok {
		return nil
	}
	out := make([]string, len(t.Lines))
	for i, l := range t.Lines {
		out[i] = l.In(lang)
	}
	return out
}

// LinesFor returns the advice for topic in lang that fits a result whose
// signs are ids: the lines for one of these signs first (what fits the
// case), then the topic's lines for every case.
func (a *Advice) LinesFor(topic, lang string, ids []string) []string {
	t, ok := a.topics[topic]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(t.Lines))
	for _, l := range t.Lines {
		if slices.ContainsFunc(l.Signs, func(id string) bool { return slices.Contains(ids, id) }) {
			out = append(out, l.In(lang))
		}
	}
	for _, l := range t.Lines {
		if len(l.Signs) == 0 {
			out = append(out, l.In(lang))
		}
	}
	return out
}

// Desks returns the consultation desks, the emergency number first.
func (a *Advice) Desks() []Desk {
	keys := make([]string, 0, len(a.desks))
	for k := range a.desks {
		keys = append(keys, k)
	}
	order := map[string]int{"emergency": 0, "police_consultation": 1, "cyber": 2, "consumer_hotline": 3}
	sort.Slice(keys, func(i, j int) bool {
		oi, iok := order[keys[i]]
		oj, jok := order[keys[j]]
		if iok && jok {
			return oi < oj
		}
		if iok != jok {
			return iok
		}
		return keys[i] < keys[j]
	})
	out := make([]Desk, len(keys))
	for i, k := range keys {
		out[i] = a.desks[k]
	}
	return out
}
