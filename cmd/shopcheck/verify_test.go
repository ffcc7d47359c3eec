package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/internal/evidence"
)

// execCmd runs the command built by mk (named by it) with args as the
// program would, and returns the exit code, stdout and stderr.
func execCmd(t *testing.T, mk func(*Streams) *cobra.Command, args ...string) (int, string, string) {
	t.Helper()
	return batchCLI(t, "", append([]string{mk(&Streams{}).Name()}, args...)...)
}

// evidenceShop serves the Shift_JIS fake-shop fixture behind a redirect.
func evidenceShop(t *testing.T) (target string, resolve string) {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "sites", "fake-sjis")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/index.html", http.StatusMovedPermanently)
			return
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	return fmt.Sprintf("http://fake-shop.test:%d/", port), fmt.Sprintf("fake-shop.test:%d:127.0.0.1", port)
}

func sortedIDs(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestEvidenceCaptureVerifyRecheck(t *testing.T) {
	target, resolve := evidenceShop(t)
	dir := filepath.Join(t.TempDir(), "evidence")

	code, out, stderr := execCmd(t, newCheckCmd, target, "--evidence", dir, "--allow-private", "--resolve", resolve,
		"--no-whois", "--json", "--no-progress")
	if code != exitOK {
		t.Fatalf("check: exit %d: %s\n%s", code, stderr, out)
	}
	live := decodeResults(t, out)
	if len(live) != 1 || live[0].Risk != "high" {
		t.Fatalf("live results %+v", live)
	}

	code, out, stderr = execCmd(t, newVerifyCmd, dir, "--lang", "en")
	if code != exitOK || !strings.Contains(out, "0 problem(s)") || !strings.Contains(out, "manifest.jsonl sha256 ") {
		t.Fatalf("verify of intact evidence: exit %d\n%s%s", code, out, stderr)
	}

	entries, _, err := evidence.ReadManifest(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("manifest: %v %v", err, entries)
	}
	file := filepath.Join(dir, entries[0].File)

	// Offline re-check of the file: same signs, same risk, no network
	// (the site is gone).
	code, out, stderr = execCmd(t, newCheckCmd, file, "--json", "--no-progress")
	if code != exitOK {
		t.Fatalf("re-check: exit %d: %s", code, stderr)
	}
	off := decodeResults(t, out)
	if len(off) != 1 || off[0].Target != file || off[0].Risk != live[0].Risk || off[0].Score != live[0].Score ||
		!reflect.DeepEqual(sortedIDs(signIDs(off[0])), sortedIDs(signIDs(live[0]))) || !reflect.DeepEqual(off[0].Pages, live[0].Pages) {
		t.Errorf("re-check differs:\n off %+v\nlive %+v", off[0], live[0])
	}

	// JSON report.
	code, out, _ = execCmd(t, newVerifyCmd, dir, "--json")
	var rep evidence.Report
	if code != exitOK || json.Unmarshal([]byte(out), &rep) != nil || !rep.OK() || len(rep.Files) != 1 {
		t.Errorf("verify --json: exit %d %s", code, out)
	}

	// A file added under a name that holds terminal escapes: reported,
	// and the escapes do not reach the terminal.
	odd := filepath.Join(dir, "notes\x1b[2K\x1b[1A.txt")
	if err := os.WriteFile(odd, []byte("x"), 0o644); err == nil {
		code, out, _ = execCmd(t, newVerifyCmd, dir)
		if code != exitTargetFail || strings.ContainsRune(out, 0x1b) || !strings.Contains(out, "notes") {
			t.Errorf("verify with an added file named with escapes: exit %d, raw ESC %v\n%q", code, strings.ContainsRune(out, 0x1b), out)
		}
		os.Remove(odd)
	}

	// One byte changed: exit 2, the file named.
	data, _ := os.ReadFile(file)
	data[len(data)/3] ^= 0x40
	os.WriteFile(file, data, 0o644)
	code, out, stderr = execCmd(t, newVerifyCmd, dir)
	if code != exitTargetFail || !strings.Contains(out, "不一致") || !strings.Contains(out, entries[0].File) {
		t.Errorf("verify of a changed file: exit %d\n%s%s", code, out, stderr)
	}
	code, _, _ = execCmd(t, newVerifyCmd, file)
	if code != exitTargetFail {
		t.Errorf("verify FILE of a changed file: exit %d", code)
	}
}

func TestVerifyUsage(t *testing.T) {
	empty := t.TempDir()
	notes := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(notes, []byte("# case notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{},
		{filepath.Join(empty, "nothing-here")},
		{empty}, // no manifest
		{empty, "--lang", "fr"},
		{notes}, // not a WARC file: a usage error, not changed evidence
	} {
		if code, out, stderr := execCmd(t, newVerifyCmd, args...); code != exitUsage {
			t.Errorf("verify %v: exit %d, want 1\n%s%s", args, code, out, stderr)
		}
	}
}

// TestEvidenceNamesTheReport: with --evidence each result names its WARC
// file, and the file and the manifest name the list line as given, note
// and all (qa26e D3: two reports of one URL with two notes gave two files
// that named the same bare URL, so neither could be told to back which).
func TestEvidenceNamesTheReport(t *testing.T) {
	target, resolve := evidenceShop(t)
	dir := filepath.Join(t.TempDir(), "evidence")
	lines := []string{target + "\tメモ: 110番通報 Aさん", target + "\tメモ: 再通報 Bさん"}
	list := filepath.Join(t.TempDir(), "list.txt")
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := execCmd(t, newCheckCmd, "-l", list, "--evidence", dir, "--allow-private", "--resolve", resolve,
		"--no-whois", "--json", "--no-progress")
	if code != exitOK {
		t.Fatalf("check: exit %d: %s\n%s", code, stderr, out)
	}
	entries, _, err := evidence.ReadManifest(dir)
	if err != nil || len(entries) != 2 {
		t.Fatalf("manifest: %v %+v", err, entries)
	}
	byFile := map[string]string{}
	for _, e := range entries {
		byFile[e.File] = e.Target
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Target, Evidence string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Evidence == "" || byFile[r.Evidence] != r.Target {
			t.Errorf("result %q names evidence %q, whose manifest target is %q", r.Target, r.Evidence, byFile[r.Evidence])
		}
	}
}

// TestVerifyManifestFields: the manifest's own fields (target, risk …)
// copy the file's stored result; an edit to them is found (qa26e D7:
// a risk raised in the manifest passed as intact).
func TestVerifyManifestFields(t *testing.T) {
	target, resolve := evidenceShop(t)
	dir := filepath.Join(t.TempDir(), "evidence")
	if code, out, stderr := execCmd(t, newCheckCmd, target, "--evidence", dir, "--allow-private", "--resolve", resolve,
		"--no-whois", "--json", "--no-progress"); code != exitOK {
		t.Fatalf("check: exit %d: %s\n%s", code, stderr, out)
	}
	if code, out, _ := execCmd(t, newVerifyCmd, dir, "--lang", "en"); code != exitOK {
		t.Fatalf("verify of intact evidence: exit %d\n%s", code, out)
	}
	manifest := filepath.Join(dir, evidence.ManifestName)
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `"risk":"high"`, `"risk":"low"`, 1)
	if edited == string(data) {
		t.Fatalf("no risk to edit in %s", data)
	}
	if err := os.WriteFile(manifest, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := execCmd(t, newVerifyCmd, dir, "--lang", "en")
	if code == exitOK || !strings.Contains(out, "the manifest's risk is \"low\"") {
		t.Errorf("verify after the manifest's risk was edited: exit %d\n%s", code, out)
	}
}
