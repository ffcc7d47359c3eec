package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/internal/evidence"
	"github.com/shopcheck/shopcheck/internal/report"
)

type verifyOptions struct {
	JSON bool
	Lang string
	Args []string
}

func newVerifyCmd(s *Streams) *cobra.Command {
	o := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify DIR|FILE...",
		Short: "Check that saved evidence (--evidence DIR) is unchanged: recompute every digest",
		Long: `保存した証拠（--evidence DIR）が改変されていないか、すべてのダイジェストを計算し直して確かめます。

Check an evidence folder written with --evidence DIR: every WARC file the manifest lists is
hashed and compared with manifest.jsonl, every record's block and payload digests are
recomputed from its content, and files the manifest does not list are reported. A single
.warc.gz file may be given too; its records are checked against their own digests.

Exit status: 0 everything matches; 2 something was changed, is missing or was added;
1 usage error (no such folder, not an evidence folder).`,
		Example: `  shopcheck verify evidence/
  shopcheck verify evidence/20250314T092653Z-3f1c0e9a7b2d.warc.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Args = args
			if o.Lang != "ja" && o.Lang != "en" {
				return usageError("--lang %q is not ja or en", o.Lang)
			}
			return runVerify(s, o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print one JSON report a folder or file")
	cmd.Flags().StringVar(&o.Lang, "lang", "ja", "language of the summary: ja or en")
	return cmd
}

// runVerify verifies each argument and maps the outcome to the exit code:
// 1 when an argument cannot be verified at all, 2 when anything does not
// match.
func runVerify(s *Streams, o *verifyOptions) error {
	var reports []*evidence.Report
	for _, arg := range o.Args {
		fi, err := os.Stat(arg)
		if err != nil {
			return usageError("verify: %v", err)
		}
		if fi.IsDir() {
			rep, err := evidence.Verify(arg)
			if errors.Is(err, evidence.ErrNotEvidence) {
				return usageError("verify: %s has no %s: give the folder written with --evidence", arg, evidence.ManifestName)
			}
			if err != nil {
				return usageError("verify: %v", err)
			}
			reports = append(reports, rep)
			continue
		}
		if !looksLikeWARC(arg) {
			return usageError("verify: %s is not a WARC file (.warc or .warc.gz): give a file or the folder written with --evidence", arg)
		}
		fr := evidence.VerifyFile(arg)
		reports = append(reports, &evidence.Report{Dir: "", Entries: 0, Files: []*evidence.FileResult{fr}, Problems: []evidence.Problem{}})
	}

	problems := 0
	for _, rep := range reports {
		problems += rep.ProblemCount()
		var err error
		if o.JSON {
			err = json.NewEncoder(s.Out).Encode(rep)
		} else {
			err = writeVerifyText(s.Out, rep, o.Lang)
		}
		if err != nil {
			return &exitError{code: exitTargetFail, err: fmt.Errorf("writing report: %w", err)}
		}
	}
	if problems > 0 {
		if o.Lang == "en" {
			return &exitError{code: exitTargetFail, err: fmt.Errorf("verify: %d problem(s): the evidence does not match its digests", problems)}
		}
		return &exitError{code: exitTargetFail, err: fmt.Errorf("verify: 問題 %d 件: 証拠がダイジェストと一致しません", problems)}
	}
	return nil
}

// writeVerifyText prints one line a file, the problems under it, and a
// summary with the manifest's own digest (to note in the case file).
func writeVerifyText(w io.Writer, rep *evidence.Report, lang string) error {
	ok, bad := "OK", "CHANGED"
	if lang == "ja" {
		ok, bad = "一致", "不一致"
	}
	ew := &errWriter{w: w}
	for _, f := range rep.Files {
		label := ok
		if !f.OK() {
			label = bad
		}
		ew.printf("%-8s %s  (%d records)  %s\n", label, f.Name, len(f.Records), f.Target)
		for _, p := range f.Problems {
			ew.printf("         %s\n", p)
		}
	}
	for _, p := range rep.Problems {
		ew.printf("%-8s %s\n", bad, p)
	}
	for _, n := range rep.Incomplete {
		if lang == "ja" {
			ew.printf("         %s: 中断された書き込みの残り（証拠ではありません）\n", n)
		} else {
			ew.printf("         %s: left by an interrupted run (not evidence)\n", n)
		}
	}
	if rep.Dir != "" {
		ew.printf("%s sha256 %s\n", evidence.ManifestName, rep.ManifestSHA256)
	}
	n := rep.ProblemCount()
	if lang == "ja" {
		ew.printf("ファイル %d 件、レコード %d 件を検査: 問題 %d 件\n", len(rep.Files), rep.RecordCount(), n)
	} else {
		ew.printf("%d file(s), %d record(s) checked: %d problem(s)\n", len(rep.Files), rep.RecordCount(), n)
	}
	return ew.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

// printf writes through report.TerminalSafe: file names and targets come
// from the folder and its manifest, which may have been tampered with.
func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, report.TerminalSafe(fmt.Sprintf(format, args...)))
	}
}

// looksLikeWARC reports whether a file given to verify is meant as
// evidence: named .warc or .warc.gz (one that was changed, even in its
// first bytes, is then reported as changed), or starting as a WARC file
// or a gzip member does. Any other file (README.md) is a usage error, not
// changed evidence.
func looksLikeWARC(name string) bool {
	l := strings.ToLower(name)
	if strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz") {
		return true
	}
	f, err := os.Open(name)
	if err != nil {
		return true // VerifyFile says why it cannot be read
	}
	defer f.Close()
	head := make([]byte, 5)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.HasPrefix(head, []byte("WARC/")) || bytes.HasPrefix(head, []byte{0x1f, 0x8b})
}
