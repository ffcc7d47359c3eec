package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// batchBinary builds shopcheck for the tests that send it signals (the Go
// build cache makes the second build quick).
func batchBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin := filepath.Join(t.TempDir(), "shopcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building shopcheck: %v\n%s", err, out)
	}
	return bin
}

// batchLineCount counts the newlines of a file (0 when it does not exist).
func batchLineCount(path string) int {
	data, _ := os.ReadFile(path)
	return bytes.Count(data, []byte("\n"))
}

// batchWaitLines waits until path holds at least n lines.
func batchWaitLines(t *testing.T, path string, n int, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for batchLineCount(path) < n {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("%s never reached %d lines", path, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// batchWaitExit waits for cmd and returns its exit code.
func batchWaitExit(t *testing.T, cmd *exec.Cmd, within time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatalf("waiting for shopcheck: %v", err)
		}
		return 0
	case <-time.After(within):
		cmd.Process.Kill()
		t.Fatalf("shopcheck did not exit within %v of the interrupt", within)
	}
	return -1
}

// batchComplete checks that out holds whole JSON lines and every target of
// targets exactly once.
func batchComplete(t *testing.T, out string, targets []string) {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Error("the output does not end with a whole line")
	}
	seen := map[string]int{}
	for _, r := range batchResults(t, string(data)) {
		seen[r.Target]++
		if r.Error != nil {
			t.Errorf("%s: error record %+v", r.Target, r.Error)
		}
	}
	for _, tg := range targets {
		if seen[tg] != 1 {
			t.Errorf("%s: %d records, want exactly 1", tg, seen[tg])
		}
	}
	if len(seen) != len(targets) {
		t.Errorf("%d distinct targets in the output, want %d", len(seen), len(targets))
	}
}

func TestInterruptThenResume(t *testing.T) {
	bin := batchBinary(t)
	sites := newBatchSites(t)
	whois := newBatchWhois(t)
	sites.delay.Store(int64(20 * time.Millisecond))
	hosts := []string{"one.test", "two.test", "three.test"}
	targets := batchSiteList(sites, hosts, 300)
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n")+"\n")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := append([]string{"check", "-l", list, "--json", "-o", out, "-c", "4", "--allow-private", "--whois-server", whois.addr}, sites.resolveAll()...)

	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	batchWaitLines(t, out, 30, cmd)
	cmd.Process.Signal(os.Interrupt)
	if code := batchWaitExit(t, cmd, 20*time.Second); code != exitTargetFail {
		t.Errorf("exit %d after an interrupt, want 2\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "--resume") {
		t.Errorf("stderr does not say how to resume:\n%s", stderr.String())
	}
	first := batchLineCount(out)
	if first >= len(targets) {
		t.Fatalf("the run finished before the interrupt (%d lines): the test proves nothing", first)
	}
	batchResults(t, batchRead(t, out)) // whole lines only

	sites.delay.Store(0)
	resumed := exec.Command(bin, append(args, "--resume")...)
	resumed.Stderr = &stderr
	if err := resumed.Run(); err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr.String())
	}
	batchComplete(t, out, targets)
	for d, n := range whois.counts() {
		if n > 2 {
			t.Errorf("WHOIS asked about %s %d times over both runs", d, n)
		}
	}
}

func TestSecondInterruptStopsAtOnce(t *testing.T) {
	bin := batchBinary(t)
	sites := newBatchSites(t)
	hosts := []string{"one.test", "two.test"}
	targets := batchSiteList(sites, hosts, 200)
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n")+"\n")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := append([]string{"check", "-l", list, "--json", "-o", out, "-c", "4", "--allow-private", "--no-whois", "--site-timeout", "2m", "--timeout", "2m"}, sites.resolve(hosts...)...)

	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	batchWaitLines(t, out, 20, cmd)
	sites.delay.Store(int64(time.Minute)) // the sites hang: the grace period cannot help
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	if code := batchWaitExit(t, cmd, 10*time.Second); code != exitTargetFail {
		t.Errorf("exit %d after two interrupts, want 2\n%s", code, stderr.String())
	}
	t.Logf("exited %v after the second interrupt", time.Since(start).Round(time.Millisecond))
	batchResults(t, batchRead(t, out)) // whole lines only

	sites.delay.Store(0)
	resumed := exec.Command(bin, append(args, "--resume")...)
	resumed.Stderr = &stderr
	if err := resumed.Run(); err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr.String())
	}
	batchComplete(t, out, targets)
}

func batchRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
