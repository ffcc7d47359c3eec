package checker

import (
	"net/netip"
	"strings"
	"testing"

	"golang.org/x/net/idna"
)

func TestNonPublicReason(t *testing.T) {
	tests := []struct {
		addr string
		want string // "" = public; else a word the reason must contain
	}{
		// public
		{"8.8.8.8", ""},
		{"203.0.114.1", ""}, // just past TEST-NET-3
		{"100.128.0.1", ""}, // just past CGNAT
		{"172.32.0.1", ""},  // just past 172.16/12
		{"192.0.3.1", ""},   // just past TEST-NET-1
		{"198.20.0.1", ""},  // just past benchmarking
		{"223.255.255.255", ""},
		{"2606:4700::1111", ""},
		{"2a00:1450:4001::200e", ""},
		{"::ffff:8.8.8.8", ""},       // mapped public
		{"64:ff9b::808:808", ""},     // NAT64 of 8.8.8.8
		{"2002:808:808::1", ""},      // 6to4 of 8.8.8.8
		{"2001:4860:4860::8888", ""}, // past 2001::/23
		// IPv4 non-public
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "this network"},
		{"10.1.2.3", "private"},
		{"100.64.0.1", "carrier-grade"},
		{"100.127.255.255", "carrier-grade"},
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"169.254.169.254", "link-local"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.0.0.8", "IETF"},
		{"192.0.2.10", "documentation"},
		{"192.88.99.1", "6to4"},
		{"192.168.1.1", "private"},
		{"198.18.0.1", "benchmarking"},
		{"198.19.255.255", "benchmarking"},
		{"198.51.100.7", "documentation"},
		{"203.0.113.9", "documentation"},
		{"224.0.0.251", "multicast"},
		{"239.255.255.250", "multicast"},
		{"240.0.0.1", "reserved"},
		{"255.255.255.255", "broadcast"},
		// IPv6 non-public
		{"::", "unspecified"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:169.254.169.254", "link-local"},
		{"::ffff:10.0.0.1", "private"},
		{"::7f00:1", "reserved"},          // IPv4-compatible (deprecated)
		{"::ffff:0:7f00:1", "translated"}, // IPv4-translated
		{"64:ff9b::7f00:1", "NAT64"},      // NAT64 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", "link-local"},
		{"64:ff9b:1::1", "NAT64"},
		{"100::1", "discard"},
		{"2001::1", "Teredo"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
		{"2001:2::1", "IETF"},
		{"2001:db8::1", "documentation"},
		{"3fff::1", "documentation"},
		{"2002:7f00:1::1", "6to4"}, // 6to4 of 127.0.0.1
		{"2002:c0a8:101::1", "private"},
		{"fc00::1", "unique local"},
		{"fd12:3456::1", "unique local"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"fec0::1", "site-local"},
		{"ff02::1", "multicast"},
		{"4000::1", "reserved"},
	}
	for _, tt := range tests {
		a := netip.MustParseAddr(tt.addr)
		got := NonPublicReason(a)
		if tt.want == "" {
			if got != "" {
				t.Errorf("NonPublicReason(%s) = %q, want public", tt.addr, got)
			}
			if !IsPublicAddr(a) {
				t.Errorf("IsPublicAddr(%s) = false, want true", tt.addr)
			}
			continue
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("NonPublicReason(%s) = %q, want it to contain %q", tt.addr, got, tt.want)
		}
		if IsPublicAddr(a) {
			t.Errorf("IsPublicAddr(%s) = true, want false", tt.addr)
		}
	}
	if IsPublicAddr(netip.Addr{}) {
		t.Error("the zero Addr must not be public")
	}
}

func TestParseHostIP(t *testing.T) {
	tests := []struct {
		host string
		want string // "" = not an IP
	}{
		{"127.0.0.1", "127.0.0.1"},
		{"127.0.0.1.", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"0X7F000001", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0177.0.0.1", "127.0.0.1"},
		{"0177.0.0.01", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"127.0.1", "127.0.0.1"},
		{"0x7f.1", "127.0.0.1"},
		{"0x7f.0x0.0x0.0x1", "127.0.0.1"},
		{"017700000001", "127.0.0.1"},
		{"169.254.43518", "169.254.169.254"},
		{"0xa9fea9fe", "169.254.169.254"},
		{"0", "0.0.0.0"},
		{"0x", "0.0.0.0"},
		{"::1", "::1"},
		{"[::1]", "::1"},
		{"[::ffff:127.0.0.1]", "::ffff:127.0.0.1"},
		{"fe80::1%eth0", "fe80::1%eth0"},
		// not IPs
		{"shop.example", ""},
		{"example.com.", ""},
		{"", ""},
		{"1.2.3.4.5", ""},
		{"256.1.1.1", ""},
		{"1.2.3.256", ""},
		{"1.2.65536", ""},
		{"4294967296", ""},
		{"08.1.1.1", ""}, // 8 is not an octal digit
		{"0xg1", ""},
		{"1..2", ""},
		{"+1.2.3.4", ""},
		{"1.2.3.-4", ""},
		{"1_0.0.0.1", ""},
		{"99999999999999999999999", ""},
	}
	for _, tt := range tests {
		got, ok := ParseHostIP(tt.host)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseHostIP(%q) = %v, want no IP", tt.host, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("ParseHostIP(%q) = %v, %v; want %s", tt.host, got, ok, tt.want)
		}
	}
}

func TestLooksNumericHost(t *testing.T) {
	for host, want := range map[string]bool{
		"1.2.3.256": true, "999": true, "a.0x1f": true, "shop.example": false,
		"example.com.": false, "1.2.3.4a": false, "0xzz": false, "jp": false,
	} {
		if got := looksNumericHost(host); got != want {
			t.Errorf("looksNumericHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestIsLocalhostName(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST": true, "localhost.": true, "a.b.localhost": true,
		"ｌｏｃａｌｈｏｓｔ":         true, // full-width, mapped by IDNA
		"localhost.example": false, "mylocalhost": false, "shop.example": false,
	} {
		if got := isLocalhostName(host); got != want {
			t.Errorf("isLocalhostName(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestParseResolve(t *testing.T) {
	good := []struct {
		entry string
		key   string
		addrs string
	}{
		{"shop.example:443:203.0.113.7", "shop.example:443", "203.0.113.7"},
		{"Shop.Example.:80:127.0.0.1", "shop.example:80", "127.0.0.1"},
		{"shop.example:443:[2001:db8::1]", "shop.example:443", "2001:db8::1"},
		{"shop.example:443:2001:db8::1", "shop.example:443", "2001:db8::1"},
		{"shop.example:8080:192.0.2.1,[::1]", "shop.example:8080", "192.0.2.1 ::1"},
		{"ショップ.jp:443:192.0.2.1", "xn--xckya1d0c.jp:443", "192.0.2.1"},
		// curl's forms: * for every name at a port, + for an entry that
		// expires (kept for the run here), - to remove one given before.
		{"*:8080:127.0.0.1", "*:8080", "127.0.0.1"},
		{"+shop.example:443:192.0.2.1", "shop.example:443", "192.0.2.1"},
		{"shop.example:443:192.0.2.1 -shop.example:443", "shop.example:443", ""},
		{"shop.example:443:192.0.2.1 -Shop.Example:443:192.0.2.9 +shop.example:443:192.0.2.2", "shop.example:443", "192.0.2.2"},
		{"shop.example:443:192.0.2.1 -other.example:443", "shop.example:443", "192.0.2.1"},
	}
	for _, g := range good {
		m, err := ParseResolve(strings.Fields(g.entry))
		if err != nil {
			t.Errorf("ParseResolve(%q): %v", g.entry, err)
			continue
		}
		var got []string
		for _, a := range m[g.key] {
			got = append(got, a.String())
		}
		if strings.Join(got, " ") != g.addrs {
			t.Errorf("ParseResolve(%q)[%q] = %v, want %s (map %v)", g.entry, g.key, got, g.addrs, m)
		}
	}
	for _, bad := range []string{
		"", "shop.example", "shop.example:443", ":443:1.2.3.4", "shop.example:0:1.2.3.4",
		"shop.example:65536:1.2.3.4", "shop.example:https:1.2.3.4", "shop.example:443:shop.other",
		"shop.example:443:", "shop.example:443:1.2.3.4,", "shop.example:443:0x7f000001",
		"*:443", "-shop.example", "-shop.example:https", "+:443:1.2.3.4", "-", "+",
	} {
		if _, err := ParseResolve([]string{bad}); err == nil {
			t.Errorf("ParseResolve(%q) accepted a malformed entry", bad)
		}
		if _, err := NewHTTPFetcher(FetchOptions{Resolve: []string{bad}}); err == nil {
			t.Errorf("NewHTTPFetcher accepted --resolve %q", bad)
		}
	}
}

// TestCanonicalHostPlainNames: the shortcut for plain ASCII names gives
// what ToASCII gives (or the name itself where ToASCII refuses it).
func TestCanonicalHostPlainNames(t *testing.T) {
	for _, h := range []string{"shop1.test", "Shop1.TEST.", "a..b", "-a.com", "a-.com", "ab--cd.com", "a_b.com", "_dmarc.example.com",
		"", ".", "1.2.3.4", "localhost", "xn--eckwd4c7c.xn--zckzah", "xn--abc.com", strings.Repeat("a", 70) + ".com", strings.Repeat("a.", 130) + "com"} {
		want := strings.TrimSuffix(strings.ToLower(h), ".")
		if a, err := idna.Lookup.ToASCII(want); err == nil && a != "" {
			want = strings.TrimSuffix(a, ".")
		}
		if got := canonicalHost(h); got != want {
			t.Errorf("canonicalHost(%q) = %q, want %q", h, got, want)
		}
	}
}
