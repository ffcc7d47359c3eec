package main

import (
	"os"
	"strings"
	"testing"
)

// TestDomainListSpeed runs `shopcheck domain --no-whois --json` over the
// list named by SHOPCHECK_DOMAIN_LIST (one name a line), for profiling the
// whole command with go test -cpuprofile. Skipped without it.
func TestDomainListSpeed(t *testing.T) {
	f := os.Getenv("SHOPCHECK_DOMAIN_LIST")
	if f == "" {
		t.Skip("set SHOPCHECK_DOMAIN_LIST to a file of names")
	}
	code, _, errOut := runDomainCLI(t, strings.NewReader(""), "--no-whois", "--json", "-l", f, "-o", os.DevNull, "--no-progress")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
