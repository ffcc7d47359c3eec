package evidence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFileName(t *testing.T) {
	at := time.Date(2025, 3, 14, 18, 26, 53, 0, time.FixedZone("JST", 9*3600))
	tests := []struct {
		target string
		n      int
		want   string
	}{
		{"https://shop.example/", 1, "20250314T092653Z-"},
		{"https://shop.example/", 2, "-2.warc.gz"},
		{"../../etc/passwd", 1, "20250314T092653Z-"},
		{"C:\\Windows\\x", 1, "20250314T092653Z-"},
	}
	for _, tt := range tests {
		got := FileName(tt.target, at, tt.n)
		if !strings.Contains(got, tt.want) || !strings.HasSuffix(got, FileSuffix) || !safeName(got) ||
			strings.ContainsAny(got, `/\:`) || len(got) > 60 {
			t.Errorf("FileName(%q, %d) = %q", tt.target, tt.n, got)
		}
	}
	if FileName("a", at, 1) == FileName("b", at, 1) {
		t.Error("two targets, one name")
	}
	if FileName("a", at, 1) != FileName("a", at.UTC(), 1) {
		t.Error("the name depends on the time zone")
	}
}

func TestHexOfDigest(t *testing.T) {
	h := strings.Repeat("ab", 32)
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"sha256:" + h, h, true},
		{"SHA256:" + strings.ToUpper(h), h, true},
		{"sha1:" + h[:40], "", false},
		{"sha256:" + h[:62], "", false},
		{"sha256:" + strings.Repeat("zz", 32), "", false},
		{h, "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := HexOfDigest(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HexOfDigest(%q) = %q, %v", tt.in, got, ok)
		}
	}
	if SHA256Digest(h) != "sha256:"+h {
		t.Error("SHA256Digest")
	}
}

func TestSafeName(t *testing.T) {
	for _, n := range []string{"", ".", "..", "../x.warc.gz", "a/b.warc.gz", `a\b.warc.gz`, "/abs.warc.gz"} {
		if safeName(n) {
			t.Errorf("safeName(%q) = true", n)
		}
	}
	if !safeName("20250314T092653Z-3f1c0e9a7b2d.warc.gz") {
		t.Error("a real name is refused")
	}
}

func TestParseManifest(t *testing.T) {
	data := "{\"target\":\"a\",\"file\":\"a.warc.gz\"}\n\n" + // blank lines are fine
		"not json\n" +
		"{\"target\":\"b\"}\n" + // no file
		"{\"target\":\"c\",\"file\":\"c.warc.gz\"}" // no newline: cut short
	entries, problems := parseManifest([]byte(data))
	if len(entries) != 2 || entries[0].File != "a.warc.gz" || entries[1].File != "c.warc.gz" {
		t.Errorf("entries %+v", entries)
	}
	want := []string{"line 3 is not a manifest entry", "line 4 names no file", "line 5 is incomplete"}
	if len(problems) != len(want) {
		t.Fatalf("problems %v", problems)
	}
	for i, w := range want {
		if !strings.Contains(problems[i].Msg, w) || problems[i].File != ManifestName {
			t.Errorf("problem %d = %v, want %q", i, problems[i], w)
		}
	}
}

func TestVerifyNotEvidence(t *testing.T) {
	dir := t.TempDir()
	if _, err := Verify(dir); err == nil || !strings.Contains(err.Error(), ManifestName) {
		t.Errorf("folder without manifest: %v", err)
	}
	if _, err := Verify(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing folder verified")
	}
	f := filepath.Join(dir, "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Verify(f); err == nil {
		t.Error("a file verified as a folder")
	}
	// A file that is not WARC at all.
	if fr := VerifyFile(f); fr.OK() {
		t.Error("VerifyFile of junk is OK")
	}
	if fr := VerifyFile(filepath.Join(dir, "nope.warc.gz")); fr.OK() || !strings.Contains(fr.Problems[0].Msg, "missing") {
		t.Errorf("VerifyFile of a missing file: %+v", fr.Problems)
	}
}

func TestFilesWithoutManifest(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.warc.gz", "a.warc", TempPrefix + "x.part", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	got, err := Files(dir)
	if err != nil || len(got) != 2 || filepath.Base(got[0]) != "a.warc" || filepath.Base(got[1]) != "b.warc.gz" {
		t.Errorf("Files = %v, %v", got, err)
	}
	os.WriteFile(filepath.Join(dir, ManifestName), []byte("{\"target\":\"t\",\"file\":\"b.warc.gz\"}\n{\"target\":\"u\",\"file\":\"../up.warc.gz\"}\n"), 0o644)
	got, err = Files(dir)
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "b.warc.gz" {
		t.Errorf("Files with manifest = %v, %v", got, err)
	}
}
