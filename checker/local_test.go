package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalMaxBody: a saved page is read up to --max-body, as a fetched
// one is, and marked truncated beyond.
func TestLocalMaxBody(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(name, []byte("<html><body><p>"+strings.Repeat("あ", 3000)+"</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := New(Options{MaxBody: 2048}, nil, nil, nil).Check(context.Background(), name)
	if len(res.Pages) != 1 || !res.Pages[0].Truncated || res.Pages[0].Bytes != 2048 {
		t.Errorf("pages %+v, want one of 2048 bytes, truncated", res.Pages)
	}
	if res = New(Options{}, nil, nil, nil).Check(context.Background(), name); len(res.Pages) != 1 || res.Pages[0].Truncated {
		t.Errorf("default limit: pages %+v, want the whole page", res.Pages)
	}
}
