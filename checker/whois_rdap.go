package checker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// rdapDomain is the part of an RDAP domain answer (RFC 9083) shopcheck
// reads.
type rdapDomain struct {
	LDHName string `json:"ldhName"`
	Events  []struct {
		Action string `json:"eventAction"`
		Date   string `json:"eventDate"`
	} `json:"events"`
	Entities []struct {
		Roles      []string          `json:"roles"`
		VCardArray []json.RawMessage `json:"vcardArray"`
	} `json:"entities"`
	Port43 string `json:"port43"`
}

// rdap asks the domain's RDAP server (from --rdap-server or the IANA
// bootstrap) for its registration event.
func (c *Whois) rdap(ctx context.Context, domain string) (*rules.Whois, error) {
	base := c.o.RDAPServer
	if base == "" {
		var err error
		if base, err = c.rdapBase(ctx, domain); err != nil {
			return nil, err
		}
	}
	u := strings.TrimSuffix(base, "/") + "/domain/" + url.PathEscape(domain)
	pu, err := url.Parse(u)
	if err != nil {
		return nil, fmt.Errorf("RDAP URL %q: %w", u, err)
	}
	if err := c.wait(ctx, pu.Host); err != nil {
		return nil, err
	}
	body, status, err := c.get(ctx, u, "application/rdap+json, application/json")
	if err != nil {
		return nil, fmt.Errorf("RDAP %s: %w", domain, err)
	}
	if status == http.StatusNotFound {
		return nil, errNotFound
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("RDAP %s: %s answered %d", domain, pu.Host, status)
	}
	var d rdapDomain
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, fmt.Errorf("RDAP %s: reading the answer: %w", domain, err)
	}
	w := &rules.Whois{Server: pu.Host, Raw: string(body)}
	for _, ev := range d.Events {
		if ev.Action != "registration" {
			continue
		}
		if t, err := time.Parse(time.RFC3339, ev.Date); err == nil && plausibleDate(t) {
			w.Created = t.UTC()
		} else if t, ok := parseWhoisDate(ev.Date, time.UTC); ok {
			w.Created = t
		}
	}
	for _, e := range d.Entities {
		for _, r := range e.Roles {
			if r == "registrar" {
				w.Registrar = vcardFN(e.VCardArray)
			}
		}
	}
	return w, nil
}

// vcardFN returns the "fn" (formatted name) of a jCard (RFC 7095).
func vcardFN(arr []json.RawMessage) string {
	if len(arr) < 2 {
		return ""
	}
	var props [][]json.RawMessage
	if json.Unmarshal(arr[1], &props) != nil {
		return ""
	}
	for _, p := range props {
		if len(p) < 4 {
			continue
		}
		var name, val string
		if json.Unmarshal(p[0], &name) == nil && name == "fn" && json.Unmarshal(p[3], &val) == nil {
			return val
		}
	}
	return ""
}

// errNoRDAP says the bootstrap names no RDAP server for a TLD.
var errNoRDAP = errors.New("no RDAP server for this TLD")

// rdapBase finds the RDAP base URL for domain's TLD in the IANA bootstrap,
// fetched once per run.
func (c *Whois) rdapBase(ctx context.Context, domain string) (string, error) {
	c.bootMu.Lock()
	defer c.bootMu.Unlock()
	if c.boot == nil && c.bootErr == nil {
		c.boot, c.bootErr = c.fetchBootstrap(ctx)
		if c.bootErr != nil && ctx.Err() != nil {
			err := c.bootErr
			c.bootErr = nil // the caller gave up: try again next time
			return "", err
		}
	}
	if c.bootErr != nil {
		return "", c.bootErr
	}
	labels := strings.Split(domain, ".")
	for i := range labels {
		if b, ok := c.boot[strings.Join(labels[i:], ".")]; ok {
			return b, nil
		}
	}
	return "", errNoRDAP
}

func (c *Whois) fetchBootstrap(ctx context.Context) (map[string]string, error) {
	body, status, err := c.get(ctx, c.o.BootstrapURL, "application/json")
	if err != nil {
		return nil, fmt.Errorf("RDAP bootstrap: %w", err)
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("RDAP bootstrap: %s answered %d", c.o.BootstrapURL, status)
	}
	var f struct {
		Services [][][]string `json:"services"`
	}
	if err := json.Unmarshal(body, &f); err != nil {
		return nil, fmt.Errorf("RDAP bootstrap: %w", err)
	}
	m := map[string]string{}
	for _, s := range f.Services {
		if len(s) < 2 || len(s[1]) == 0 {
			continue
		}
		base := s[1][0]
		for _, u := range s[1] { // prefer https
			if strings.HasPrefix(u, "https://") {
				base = u
				break
			}
		}
		for _, tld := range s[0] {
			m[strings.ToLower(tld)] = base
		}
	}
	return m, nil
}

// get fetches u with the Timeout and the MaxBytes cap.
func (c *Whois) get(ctx context.Context, u, accept string) ([]byte, int, error) {
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", "shopcheck (RDAP domain age lookup)")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(c.o.MaxBytes)))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("reading %s: %w", u, err)
	}
	return body, resp.StatusCode, nil
}
