// Package evidence holds what an evidence folder (--evidence DIR) is made of
// and how it is checked: the manifest that lists every WARC file with its
// digests, the names of the files, and Verify, which recomputes every digest
// so that a change to any file or record is found.
//
// An evidence folder holds one gzip-compressed WARC/1.1 file per target
// (every request and response of the check, the WHOIS/RDAP answer and the
// JSON result) and manifest.jsonl, a line per target. The WARC files are
// written by checker.WARCRecorder; this package does not depend on package
// checker so that the checker can use its types.
package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// ManifestName is the name of the manifest in an evidence folder.
const ManifestName = "manifest.jsonl"

// FileSuffix ends the name of every WARC file shopcheck writes.
const FileSuffix = ".warc.gz"

// TempPrefix starts the name of a WARC file still being written; such a
// file is renamed to its final name once complete, so a file with this
// prefix was left by an interrupted run and is not evidence.
const TempPrefix = ".shopcheck-"

// The content types of shopcheck's own metadata records. Other WARC tools
// show them as opaque JSON; shopcheck reads them back for an offline
// re-check.
const (
	// ContentTypeWhois is a metadata record holding the WHOIS/RDAP answer
	// used for the domain's age (see Whois).
	ContentTypeWhois = "application/vnd.shopcheck.whois+json"
	// ContentTypeResult is a metadata record holding the JSON result of
	// the check, exactly as printed with --format json.
	ContentTypeResult = "application/vnd.shopcheck.result+json"
)

// Entry is one line of manifest.jsonl: one checked target and the WARC
// file that holds its evidence.
type Entry struct {
	// Target is the target as the user gave it.
	Target string `json:"target"`
	// CheckedAt is the time of the check (RFC 3339), as in the result.
	CheckedAt string `json:"checked_at"`
	// File is the WARC file's name, relative to the evidence folder.
	File string `json:"file"`
	// FileSHA256 is the hex SHA-256 of the whole file as written.
	FileSHA256 string `json:"file_sha256"`
	// FileBytes is the file's size.
	FileBytes int64 `json:"file_bytes"`
	// URL and Risk repeat the result's final URL and risk, to find an
	// entry without opening its file.
	URL  string `json:"url,omitempty"`
	Risk string `json:"risk,omitempty"`
	// Records lists every record of the file, in order.
	Records []Record `json:"records"`
	// Pages lists each page of the result (the first page, the other
	// browser's version of it, the crawled pages) with the SHA-256 of its
	// body: the same value as the page's sha256 in the result, and the
	// hex form of the response record's WARC-Payload-Digest.
	Pages []Page `json:"pages"`
}

// Record is one WARC record as listed in the manifest.
type Record struct {
	// ID is the WARC-Record-ID, e.g. "<urn:uuid:...>".
	ID string `json:"id"`
	// Type is the WARC-Type: warcinfo, request, response, metadata.
	Type string `json:"type"`
	// URI is the WARC-Target-URI, when the record has one.
	URI string `json:"uri,omitempty"`
	// BlockDigest and PayloadDigest are the record's WARC-Block-Digest and
	// WARC-Payload-Digest ("sha256:" and 64 hex digits).
	BlockDigest   string `json:"block_digest"`
	PayloadDigest string `json:"payload_digest,omitempty"`
}

// Page is one page of a result and the record that holds its body.
type Page struct {
	URL string `json:"url"`
	// SHA256 is the hex SHA-256 of the body as received.
	SHA256 string `json:"sha256"`
	// Record is the WARC-Record-ID of the response record whose payload
	// is that body; empty when no such record exists (a page that was
	// not fetched over HTTP).
	Record string `json:"record,omitempty"`
}

// Whois is the content of a ContentTypeWhois record.
type Whois struct {
	// Domain is the registrable domain that was looked up.
	Domain string `json:"domain"`
	// Created is the registration date (RFC 3339), empty when unknown.
	Created   string `json:"created,omitempty"`
	Registrar string `json:"registrar,omitempty"`
	// Server is the WHOIS server or RDAP service that answered.
	Server string `json:"server,omitempty"`
	// Raw is the answer as received.
	Raw string `json:"raw,omitempty"`
}

// FileName is the name of the WARC file for target checked at checkedAt:
// the time (UTC, to the second) and the first 12 hex digits of the
// SHA-256 of the target. The target's own text never appears in a path:
// it may hold anything, "../" included. n > 1 gives the n-th name for the
// same target and second.
func FileName(target string, checkedAt time.Time, n int) string {
	sum := sha256.Sum256([]byte(target))
	name := checkedAt.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(sum[:])[:12]
	if n > 1 {
		name += fmt.Sprintf("-%d", n)
	}
	return name + FileSuffix
}

// SHA256Digest is the WARC digest value ("sha256:<hex>") for a hex
// SHA-256, the form WARC-Payload-Digest takes in shopcheck's files.
func SHA256Digest(hexSum string) string { return "sha256:" + hexSum }

// HexOfDigest returns the hex SHA-256 in a WARC digest value written as
// "sha256:<hex>", and false for any other algorithm or encoding.
func HexOfDigest(d string) (string, bool) {
	alg, val, ok := strings.Cut(d, ":")
	if !ok || !strings.EqualFold(alg, "sha256") || len(val) != 64 {
		return "", false
	}
	if _, err := hex.DecodeString(val); err != nil {
		return "", false
	}
	return strings.ToLower(val), true
}

// safeName reports whether name is a plain file name inside the folder
// (no separator, no "..").
func safeName(name string) bool {
	return name != "" && name != "." && name != ".." && filepath.Base(name) == name &&
		!strings.ContainsAny(name, `/\`)
}
