package checker

import (
	"net/url"
	"testing"
)

func TestSiteForURL(t *testing.T) {
	tests := []struct {
		in, host, ascii, domain string
	}{
		{"https://www.Amazon.co.jp/gp/", "www.amazon.co.jp", "www.amazon.co.jp", "amazon.co.jp"},
		{"https://xn--amzon-4wa.com/", "amązon.com", "xn--amzon-4wa.com", "xn--amzon-4wa.com"},
		{"https://evil.github.io/login", "evil.github.io", "evil.github.io", "evil.github.io"},
		{"https://a.b.shop.example.co.jp./", "a.b.shop.example.co.jp", "a.b.shop.example.co.jp", "example.co.jp"},
		{"http://0x7f000001/", "127.0.0.1", "127.0.0.1", "127.0.0.1"},
		{"http://[::1]:8080/", "::1", "::1", "::1"},
		{"http://x.000webhostapp.com/", "x.000webhostapp.com", "x.000webhostapp.com", "x.000webhostapp.com"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		s, err := SiteForURL("t", u, nil)
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if s.Host != tt.host || s.ASCIIHost != tt.ascii || s.Domain != tt.domain || s.URL != u.String() || s.Target != "t" {
			t.Errorf("%s: got host %q ascii %q domain %q", tt.in, s.Host, s.ASCIIHost, s.Domain)
		}
	}
	for _, bad := range []string{"https:///path", "http://exa mple.com/"} {
		u, err := url.Parse(bad)
		if err != nil {
			continue
		}
		if _, err := SiteForURL("t", u, nil); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
