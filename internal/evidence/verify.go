package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// maxManifestLine bounds one manifest line (a target with many pages and
// redirects makes a long one; 16 MiB is far beyond any real entry).
const maxManifestLine = 16 << 20

// Problem is one thing that does not match: a changed, missing or unlisted
// file, a record whose digest no longer fits its content, a manifest line
// that cannot be read.
type Problem struct {
	// File is the WARC file's name (relative to the folder), or
	// ManifestName for a problem in the manifest itself.
	File string `json:"file"`
	// Record is the WARC-Record-ID when the problem is in one record.
	Record string `json:"record,omitempty"`
	// Offset is the record's byte offset in the file, -1 when unknown.
	Offset int64 `json:"offset"`
	// Msg says what does not match, in plain words.
	Msg string `json:"message"`
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Record != "" {
		fmt.Fprintf(&b, ": record %s", p.Record)
	}
	if p.Offset >= 0 {
		fmt.Fprintf(&b, " at byte %d", p.Offset)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// FileResult is what was found in one WARC file.
type FileResult struct {
	// Name is the file's name relative to the folder (or the path given,
	// for VerifyFile).
	Name string `json:"file"`
	// Target is the target the manifest names for the file.
	Target string `json:"target,omitempty"`
	// SHA256 and Bytes describe the file as it is now.
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	// Records lists the records read, with the digests their headers
	// state (each checked against the content).
	Records []Record `json:"records"`
	// Problems found in this file; empty when it is intact.
	Problems []Problem `json:"problems"`
	// stored is the result the file holds (its shopcheck result record),
	// which the manifest's own fields copy; nil when it holds none.
	stored *storedResult
}

// storedResult is what a file's result record says that its manifest line
// repeats.
type storedResult struct {
	Target    string `json:"target"`
	URL       string `json:"url"`
	Risk      string `json:"risk"`
	CheckedAt string `json:"checked_at"`
}

// OK reports whether the file has no problem.
func (f *FileResult) OK() bool { return len(f.Problems) == 0 }

// Report is the outcome of verifying an evidence folder.
type Report struct {
	Dir string `json:"dir"`
	// ManifestSHA256 is the hex SHA-256 of manifest.jsonl as it is now:
	// note it down (in the case file) to show later that the manifest
	// itself was not changed.
	ManifestSHA256 string `json:"manifest_sha256"`
	// Entries is the number of manifest lines read.
	Entries int `json:"entries"`
	// Files holds one result a WARC file named in the manifest, in the
	// manifest's order.
	Files []*FileResult `json:"files"`
	// Problems that belong to no single listed file: manifest lines that
	// cannot be read, files in the folder that the manifest does not list.
	Problems []Problem `json:"problems"`
	// Incomplete lists files left by an interrupted run (TempPrefix); they
	// are not evidence and not counted as problems.
	Incomplete []string `json:"incomplete,omitempty"`
}

// OK reports whether everything matched.
func (r *Report) OK() bool { return r.ProblemCount() == 0 }

// ProblemCount is the number of problems found anywhere.
func (r *Report) ProblemCount() int {
	n := len(r.Problems)
	for _, f := range r.Files {
		n += len(f.Problems)
	}
	return n
}

// RecordCount is the number of records read in all files.
func (r *Report) RecordCount() int {
	n := 0
	for _, f := range r.Files {
		n += len(f.Records)
	}
	return n
}

// ErrNotEvidence is returned by Verify for a folder without a manifest.
var ErrNotEvidence = errors.New("not a shopcheck evidence folder")

// Verify checks an evidence folder: every manifest line is read, every
// WARC file it names is hashed and compared with the manifest, every
// record's block and payload digests are recomputed from its content (by
// the WARC library, github.com/nlnwa/gowarc/v3) and compared with its
// headers and with the manifest, and every page's sha256 is matched with
// its response record. WARC files in the folder that the manifest does
// not name are reported too: they may have been added.
//
// The error is for a folder that cannot be verified at all (missing, not
// a folder, no manifest); everything that does not match is in the Report.
func Verify(dir string) (*Report, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("opening evidence folder: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	manifestPath := filepath.Join(dir, ManifestName)
	data, err := readRegular(manifestPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no %s: %w", dir, ManifestName, ErrNotEvidence)
	}
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	sum := sha256.Sum256(data)
	rep := &Report{Dir: dir, ManifestSHA256: hex.EncodeToString(sum[:]), Files: []*FileResult{}, Problems: []Problem{}}

	entries, problems := parseManifest(data)
	rep.Problems = append(rep.Problems, problems...)
	rep.Entries = len(entries)

	listed := map[string]bool{}
	for _, e := range entries {
		if !safeName(e.File) {
			rep.Problems = append(rep.Problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("the entry for %q names a file outside the folder: %q", e.Target, e.File)})
			continue
		}
		if listed[e.File] {
			rep.Problems = append(rep.Problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("%s is listed more than once", e.File)})
			continue
		}
		listed[e.File] = true
		fr := verifyFile(filepath.Join(dir, e.File), e.File)
		fr.Target = e.Target
		compareEntry(fr, e)
		rep.Files = append(rep.Files, fr)
	}

	names, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("listing evidence folder: %w", err)
	}
	for _, d := range names {
		n := d.Name()
		switch {
		case n == ManifestName || listed[n]:
		case n == ".DS_Store" || strings.HasPrefix(n, "._") || strings.EqualFold(n, "Thumbs.db") || strings.EqualFold(n, "desktop.ini"):
			// What macOS and Windows leave in any folder they show
			// (a USB stick opened on a Mac): no evidence, no change to it.
		case strings.HasPrefix(n, TempPrefix):
			rep.Incomplete = append(rep.Incomplete, n)
		case d.IsDir():
			rep.Problems = append(rep.Problems, Problem{File: n, Offset: -1,
				Msg: "a folder that shopcheck does not make: the evidence folder was added to"})
		case isWARCName(n):
			rep.Problems = append(rep.Problems, Problem{File: n, Offset: -1,
				Msg: "the manifest does not list this file (added later, or its manifest line was removed)"})
		default:
			rep.Problems = append(rep.Problems, Problem{File: n, Offset: -1,
				Msg: "a file that shopcheck does not write: the evidence folder was added to (keep notes outside it)"})
		}
	}
	return rep, nil
}

// VerifyFile checks one WARC file on its own, without a manifest: every
// record's digests are recomputed and compared with its headers. It finds
// a changed record, not a file replaced as a whole (only the manifest can
// show that).
func VerifyFile(path string) *FileResult {
	return verifyFile(path, path)
}

func isWARCName(n string) bool {
	l := strings.ToLower(n)
	return strings.HasSuffix(l, ".warc.gz") || strings.HasSuffix(l, ".warc")
}

// parseManifest reads the manifest's lines. A line that is not a JSON
// entry, or a last line without its newline (a write cut short), is a
// problem.
func parseManifest(data []byte) ([]Entry, []Problem) {
	var entries []Entry
	var problems []Problem
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		line, rest, found := bytes.Cut(data, []byte("\n"))
		data = rest
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !found {
			problems = append(problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("line %d is incomplete (no end of line): the manifest was cut short or changed", lineNo)})
		}
		if len(line) > maxManifestLine {
			problems = append(problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("line %d is longer than %d bytes", lineNo, maxManifestLine)})
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			problems = append(problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("line %d is not a manifest entry: %v", lineNo, err)})
			continue
		}
		if e.File == "" {
			problems = append(problems, Problem{File: ManifestName, Offset: -1,
				Msg: fmt.Sprintf("line %d names no file", lineNo)})
			continue
		}
		entries = append(entries, e)
	}
	return entries, problems
}

// readOptions make the library check everything and report each finding
// instead of stopping at the first.
var readOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
	gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
}

// readRegular is os.ReadFile for a regular file only: a named pipe in
// place of a manifest would make the read wait for a writer for ever.
func readRegular(path string) ([]byte, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (a pipe, a device or a socket)", path)
	}
	return os.ReadFile(path)
}

// verifyFile hashes the file and reads every record with digest checks.
func verifyFile(path, name string) *FileResult {
	fr := &FileResult{Name: name, Records: []Record{}, Problems: []Problem{}}
	add := func(rec string, off int64, format string, args ...any) {
		fr.Problems = append(fr.Problems, Problem{File: name, Record: rec, Offset: off, Msg: fmt.Sprintf(format, args...)})
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// A named pipe would make the open wait for a writer for ever.
		add("", -1, "not a regular file (a pipe, a device or a socket)")
		return fr
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			add("", -1, "the file is missing")
		} else {
			add("", -1, "cannot open the file: %v", err)
		}
		return fr
	}
	h := sha256.New()
	n, err := io.Copy(h, f)
	f.Close()
	if err != nil {
		add("", -1, "cannot read the file: %v", err)
		return fr
	}
	fr.SHA256, fr.Bytes = hex.EncodeToString(h.Sum(nil)), n

	rd, err := OpenWARC(path, readOptions...)
	if err != nil {
		add("", -1, "cannot open the file as WARC: %v", err)
		return fr
	}
	defer rd.Close()
	unreadable := false
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			break
		}
		id := ""
		if rec.WarcRecord != nil {
			id = rec.WarcRecord.WarcHeader().Get(gowarc.WarcRecordID)
		}
		if err != nil {
			add(id, rec.Offset, "the record cannot be read (the file was changed or cut short here; nothing after it was checked): %v", err)
			rec.Close()
			unreadable = true
			break
		}
		wr := rec.WarcRecord
		hdr := wr.WarcHeader()
		r := Record{
			ID:            id,
			Type:          wr.Type().String(),
			URI:           hdr.Get(gowarc.WarcTargetURI),
			BlockDigest:   hdr.Get(gowarc.WarcBlockDigest),
			PayloadDigest: hdr.Get(gowarc.WarcPayloadDigest),
		}
		fr.Records = append(fr.Records, r)
		for _, v := range rec.Validation {
			add(id, rec.Offset, "%s", describeFinding(v))
		}
		if fr.stored == nil && len(rec.Validation) == 0 && MediaType(hdr.Get(gowarc.ContentType)) == ContentTypeResult {
			fr.stored = readStored(wr.Block())
		}
		if r.BlockDigest == "" {
			add(id, rec.Offset, "the record has no WARC-Block-Digest, so its content cannot be checked")
		}
		if err := rec.Close(); err != nil {
			add(id, rec.Offset, "releasing the record: %v", err)
		}
	}
	// The library ends a file quietly at some damage: the file must be
	// whole records to its end, every one of them read above.
	if !unreadable {
		n, err := CheckFraming(path)
		var fe *FramingError
		switch {
		case errors.As(err, &fe):
			add("", fe.Offset, "the file is damaged here (changed, cut short or added to): %s; %d records before it were read", fe.Msg, n)
		case err != nil:
			add("", -1, "cannot read the file: %v", err)
		case n != len(fr.Records):
			add("", -1, "the file holds %d records but %d could be read: it was changed", n, len(fr.Records))
		}
	}
	if len(fr.Records) == 0 && len(fr.Problems) == 0 {
		add("", -1, "the file holds no WARC record")
	}
	return fr
}

// readStored reads a result record's content (at most 4 MiB), nil when it
// cannot be read as a result.
func readStored(b gowarc.Block) *storedResult {
	rd, err := b.RawBytes()
	if err != nil {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(rd, 4<<20))
	if err != nil {
		return nil
	}
	var r storedResult
	if json.Unmarshal(data, &r) != nil {
		return nil
	}
	return &r
}

// MediaType is a Content-Type's media type, lower case (a WARC record's
// header, as verify and the replay read it).
func MediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// describeFinding turns a library finding into plain words.
func describeFinding(err error) string {
	var de *gowarc.DigestError
	var ce *gowarc.ContentLengthError
	switch {
	case errors.As(err, &de):
		which := "block"
		if strings.HasPrefix(err.Error(), "payload") {
			which = "payload"
		}
		return fmt.Sprintf("the %s digest does not match the content: the header says %s:%s, the content gives %s:%s (the record was changed)",
			which, de.Algorithm, de.Expected, de.Algorithm, de.Computed)
	case errors.As(err, &ce):
		return fmt.Sprintf("the content is %d bytes, the header says %d (the record was changed)", ce.Actual, ce.Expected)
	}
	return err.Error()
}

// compareEntry checks a file against its manifest entry.
func compareEntry(fr *FileResult, e Entry) {
	add := func(rec string, format string, args ...any) {
		fr.Problems = append(fr.Problems, Problem{File: fr.Name, Record: rec, Offset: -1, Msg: fmt.Sprintf(format, args...)})
	}
	if fr.SHA256 == "" {
		return // missing or unreadable: already reported
	}
	if r := fr.stored; r != nil {
		// The manifest's own fields copy the file's result: an edit to
		// them (a risk raised, a target renamed) is a change too
		// (qa26e D7).
		for _, f := range []struct{ name, manifest, file string }{
			{"target", e.Target, r.Target}, {"url", e.URL, r.URL}, {"risk", e.Risk, r.Risk}, {"checked_at", e.CheckedAt, r.CheckedAt},
		} {
			if f.manifest != f.file {
				add("", "the manifest's %s is %q, the file's stored result says %q (the manifest was changed)", f.name, f.manifest, f.file)
			}
		}
	}
	if !strings.EqualFold(fr.SHA256, e.FileSHA256) {
		add("", "the file's SHA-256 is %s, the manifest says %s (the file was changed or replaced)", fr.SHA256, e.FileSHA256)
	}
	if e.FileBytes != fr.Bytes {
		add("", "the file is %d bytes, the manifest says %d", fr.Bytes, e.FileBytes)
	}
	inFile := map[string]Record{}
	for _, r := range fr.Records {
		inFile[r.ID] = r
	}
	inManifest := map[string]bool{}
	for _, m := range e.Records {
		inManifest[m.ID] = true
		r, ok := inFile[m.ID]
		if !ok {
			add(m.ID, "the manifest lists this %s record but the file does not hold it", m.Type)
			continue
		}
		if !strings.EqualFold(r.BlockDigest, m.BlockDigest) {
			add(m.ID, "the block digest is %s, the manifest says %s", r.BlockDigest, m.BlockDigest)
		}
		if !strings.EqualFold(r.PayloadDigest, m.PayloadDigest) {
			add(m.ID, "the payload digest is %s, the manifest says %s", orNone(r.PayloadDigest), orNone(m.PayloadDigest))
		}
		if r.Type != m.Type || r.URI != m.URI {
			add(m.ID, "the record is a %s record for %q, the manifest says a %s record for %q", r.Type, r.URI, m.Type, m.URI)
		}
	}
	var extra []string
	for _, r := range fr.Records {
		if !inManifest[r.ID] {
			extra = append(extra, r.ID)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		add(id, "the file holds this record but the manifest does not list it (it was added)")
	}
	for _, p := range e.Pages {
		if p.Record == "" {
			continue
		}
		r, ok := inFile[p.Record]
		if !ok {
			continue // reported above when listed
		}
		if hexSum, ok := HexOfDigest(r.PayloadDigest); !ok || !strings.EqualFold(hexSum, p.SHA256) {
			add(p.Record, "the page %s has sha256 %s in the manifest, its response record's payload digest is %s", p.URL, p.SHA256, orNone(r.PayloadDigest))
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// Files lists the WARC files of an evidence folder in the manifest's
// order (the order they were written), for checking a whole folder again
// offline. Files the manifest does not list are left out; a folder
// without a manifest yields its .warc/.warc.gz files by name.
func Files(dir string) ([]string, error) {
	data, err := readRegular(filepath.Join(dir, ManifestName))
	if err == nil {
		entries, _ := parseManifest(data)
		var out []string
		seen := map[string]bool{}
		for _, e := range entries {
			if safeName(e.File) && !seen[e.File] {
				seen[e.File] = true
				out = append(out, filepath.Join(dir, e.File))
			}
		}
		return out, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	list, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("listing evidence folder: %w", err)
	}
	var out []string
	for _, d := range list {
		if !d.IsDir() && isWARCName(d.Name()) && !strings.HasPrefix(d.Name(), TempPrefix) {
			out = append(out, filepath.Join(dir, d.Name()))
		}
	}
	return out, nil
}

// ReadManifest reads the entries of dir's manifest; lines that cannot be
// read are returned as problems.
func ReadManifest(dir string) ([]Entry, []Problem, error) {
	data, err := readRegular(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, nil, fmt.Errorf("reading manifest: %w", err)
	}
	e, p := parseManifest(data)
	return e, p, nil
}
