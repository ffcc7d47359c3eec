package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

// youngWhois answers every query with a domain registered days ago.
func youngWhois(t *testing.T, days int) string {
	created := time.Now().AddDate(0, 0, -days).UTC().Format(time.RFC3339)
	return newFakeWhois(t, func(string) (string, string) { return created, "Cheap Names Ltd" }).addr
}

// TestCheckNewLookalikePhishing runs `check` on a phishing kit served under
// a look-alike of 三井住友カード's domain, registered 12 days ago: the result
// must show the kit's signs and both domain signs, and be high.
func TestCheckNewLookalikePhishing(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "phishing", "vpass-kit")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/login/")
		if name == "" {
			name = "login.html"
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.Base(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	host := "vpass.smbc-card-jp.com"
	target := "http://" + host + ":" + u.Port() + "/login/"

	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"check", "--json", "--allow-private", "--no-progress",
		"--resolve", host + ":" + u.Port() + ":127.0.0.1", "--whois-server", youngWhois(t, 12), target},
		&Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, errOut.String())
	}
	var res checker.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	got := map[string]bool{}
	for _, s := range res.Signs {
		got[s.ID] = true
	}
	for _, id := range []string{"domain-new", "domain-lookalike", "phishing-brand-impersonation", "phishing-credential-form"} {
		if !got[id] {
			t.Errorf("sign %s missing; got %v", id, got)
		}
	}
	if res.Risk != "high" {
		t.Errorf("risk %s, want high", res.Risk)
	}
	if res.Whois == nil || res.Whois.AgeDays < 11 || res.Whois.AgeDays > 13 || res.Whois.Registrar != "Cheap Names Ltd" {
		t.Errorf("whois block %+v, want a 12-day-old domain", res.Whois)
	}
	if res.Domain != "smbc-card-jp.com" {
		t.Errorf("domain %q, want smbc-card-jp.com", res.Domain)
	}
}
