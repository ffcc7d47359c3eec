//go:build unix

package checker

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/internal/evidence"
)

// TestNamedPipesRefused: a named pipe given as a saved page or evidence
// file (a seized site's archive may hold one) would make its reading wait
// for a writer for ever, past every deadline; it is refused at once, and a
// folder's pipe is passed over. The QA of rev24 found all three hanging.
func TestNamedPipesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		return p
	}
	page, warc := fifo("page.html"), fifo("capture.warc.gz")
	folder := filepath.Dir(fifo("site/index.html"))
	c := New(Options{SiteTimeout: 30 * time.Second}, nil, nil, nil)
	for _, target := range []string{page, warc, folder} {
		done := make(chan *Result, 1)
		go func() { done <- c.Check(context.Background(), target) }()
		select {
		case res := <-done:
			if res.Error == nil || res.Error.Code != CodeInvalidTarget {
				t.Errorf("%s: error %+v, want invalid-target", target, res.Error)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no result: reading a named pipe waits for a writer", target)
		}
	}

	// verify: a pipe named in the manifest, or in its place.
	ev := filepath.Join(dir, "evidence")
	if err := os.Mkdir(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo("evidence/x.warc.gz")
	if err := os.WriteFile(filepath.Join(ev, evidence.ManifestName), []byte(`{"file":"x.warc.gz","sha256":"00"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := evidence.Verify(ev); done <- err }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("verify waits on a named pipe")
	}
}
