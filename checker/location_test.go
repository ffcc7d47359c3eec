package checker

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

// TestResolveLocation: Locations that browsers follow and Go's parser
// refuses lead where a browser would go.
func TestResolveLocation(t *testing.T) {
	base, _ := url.Parse("http://shop.example.com/rx/1")
	for _, c := range []struct{ loc, want string }{
		{"/next", "http://shop.example.com/next"},
		{"https://other.example/", "https://other.example/"},
		{"http://%73hop.example.com/x", "http://shop.example.com/x"},
		{"http://sh\top.example.com/x", "http://shop.example.com/x"},
		{"/a/%zz/b", "http://shop.example.com/a/%25zz/b"},
		{"https:/secure.example/x", "https://secure.example/x"},
		{"https:secure.example", "https://secure.example"},
		{"http:/elsewhere", "http://shop.example.com/elsewhere"},
		{"\\\\evil.example\\x", "http://evil.example/x"},
		{" /spaced \n", "http://shop.example.com/spaced"},
		{"/land?k=a\\b", "http://shop.example.com/land?k=a\\b"}, // a backslash in the query is the query's
	} {
		got, err := resolveLocation(base, c.loc)
		if err != nil || got.String() != c.want {
			t.Errorf("resolveLocation(%q) = %v, %v; want %s", c.loc, got, err, c.want)
		}
	}
	// A host that decodes to a character no host has: browsers refuse it.
	for _, bad := range []string{"http://[::1", "http://127.0.0.1%40evil.test/", "https://good.example%2F.evil.test/", "http://a.test%3A8080/"} {
		if got, err := resolveLocation(base, bad); err == nil {
			t.Errorf("%s resolved to %v", bad, got)
		}
	}
}

// TestUnreadableRedirect: a redirect whose Location cannot be read at all
// is an error record, not an empty page scored "low".
func TestUnreadableRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/broken":
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
		case "/tab":
			w.Header()["Location"] = []string{"/sh\top"}
			w.WriteHeader(http.StatusFound)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<title>shop</title><p>ok "+r.URL.Path+"</p>")
		}
	}))
	defer srv.Close()
	c := newTestChecker(t)
	res := c.Check(context.Background(), srv.URL+"/broken")
	if res.Error == nil || res.Error.Code != CodeRead || res.Risk != rules.RiskError {
		t.Errorf("unreadable Location: risk %s, error %+v; want an error record (read)", res.Risk, res.Error)
	}
	res = c.Check(context.Background(), srv.URL+"/tab")
	if res.Error != nil || !strings.HasSuffix(res.URL, "/shop") {
		t.Errorf("a tab in the Location: url %s, error %+v; want /shop followed", res.URL, res.Error)
	}
}
