package rules

import (
	"slices"
	"strings"
	"testing"
)

// plainMatchInit is match.init as it was before matches were pooled: fresh
// lists from strings.Split and splitTokens. It is the oracle for init.
func plainMatchInit(m *match, ix *lookIndex, h HostName) {
	m.ix, m.h = ix, h
	m.uni = strings.Split(h.Unicode, ".")
	if h.Unicode != h.ASCII {
		if asc := strings.Split(h.ASCII, "."); len(m.uni) != len(asc) {
			m.uni = asc
		}
	}
	n := len(h.Sub)
	m.lab = m.uni[n]
	m.fl = Fold(m.lab)
	m.toks = splitTokens(m.fl)
	if m.lab == m.fl {
		m.raws = m.toks
	} else if m.raws = splitTokens(m.lab); len(m.raws) != len(m.toks) {
		m.raws = m.toks
	}
	for _, l := range m.uni[:n] {
		fl, rl := splitTokens(Fold(l)), splitTokens(l)
		if len(fl) != len(rl) {
			rl = fl
		}
		m.sub = append(m.sub, fl...)
		m.subR = append(m.subR, rl...)
	}
	m.jpAt = jpAttributeSuffix[h.Suffix]
}

// TestMatchInitAgrees sets one reused match up for every recall name (and a
// few odd ones), each after a different name, and compares what it holds
// with the plain way, and appendSplit with strings.Split.
func TestMatchInitAgrees(t *testing.T) {
	d, err := LoadData()
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := recallCases(d)
	hosts := []string{"a-b_c.x--y.example.co.jp", "xn--amzon-1ua.com", "login-.-amazon.co.jp", "ａｍａｚｏｎ.com", "shop.example.com"}
	for _, c := range cases {
		hosts = append(hosts, c.host)
	}
	reused := new(match)
	for _, host := range hosts {
		for _, s := range []string{host, "", ".", "a..b", host + "."} {
			if got, want := appendSplit(nil, s, '.'), strings.Split(s, "."); !slices.Equal(got, want) {
				t.Fatalf("appendSplit(%q) = %q, want %q", s, got, want)
			}
		}
		h, err := ParseHost(host)
		if err != nil || h.Label == "" || h.IP {
			continue
		}
		var want match
		plainMatchInit(&want, d.Brands.lookIndex(), h)
		reused.init(d.Brands.lookIndex(), h)
		for _, f := range []struct {
			name      string
			got, want []string
		}{{"uni", reused.uni, want.uni}, {"toks", reused.toks, want.toks}, {"raws", reused.raws, want.raws},
			{"sub", reused.sub, want.sub}, {"subR", reused.subR, want.subR}} {
			if !slices.Equal(f.got, f.want) || (f.got == nil) != (f.want == nil) {
				t.Fatalf("%s: %s = %q, want %q", host, f.name, f.got, f.want)
			}
		}
		if reused.lab != want.lab || reused.fl != want.fl || reused.jpAt != want.jpAt || reused.h.ASCII != want.h.ASCII ||
			reused.act || reused.svc || reused.actDone || reused.best.Kind != ImitationNone {
			t.Fatalf("%s: scalars differ after reuse", host)
		}
		reused.run() // leave what a real check leaves for the next name
	}
}
