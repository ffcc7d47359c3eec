package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/report"
	"github.com/shopcheck/shopcheck/rules"
)

// writes records every Write call.
type writes struct {
	mu    sync.Mutex
	calls [][]byte
}

func (w *writes) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls = append(w.calls, append([]byte(nil), p...))
	return len(p), nil
}

func (w *writes) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var b bytes.Buffer
	for _, c := range w.calls {
		b.Write(c)
	}
	return b.String()
}

func writeList(t *testing.T, lines []string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "list.txt")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func manyTargets(n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, fmt.Sprintf("site%04d.example", i))
	}
	return out
}

func TestDoWritesWholeLinesOnly(t *testing.T) {
	list := writeList(t, append([]string{"# officers' list", "high1.example", "err1.example"}, manyTargets(20)...))
	for _, format := range []string{"json", "csv", "text"} {
		t.Run(format, func(t *testing.T) {
			var out writes
			f := newFake()
			sum, err := Do(context.Background(), Config{List: list, Stdout: &out, Stderr: &bytes.Buffer{}, Format: format,
				Report: report.Options{Lang: "en"}}, f.check)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Written != 22 || sum.Tally.Total != 22 || sum.Tally.Failed != 1 || sum.Tally.AtLeast(rules.RiskHigh.Rank()) != 1 {
				t.Fatalf("summary %+v tally %+v", sum.Outcome, sum.Tally)
			}
			// Results are buffered: a write holds one or more whole
			// lines, never part of one.
			for _, c := range out.calls {
				if len(c) == 0 || c[len(c)-1] != '\n' {
					t.Errorf("a write that does not end a line: %q", c)
				}
			}
			text := out.String()
			if i := strings.Index(text, "\n── "); i >= 0 { // the text summary, written once at the end
				text = text[:i]
			}
			records := strings.Count(text, "\n")
			want := 22
			if format == "csv" {
				want++ // the header
			}
			if records != want {
				t.Errorf("%d lines, want %d:\n%s", records, want, text)
			}
			if format == "text" && !strings.Contains(out.String(), "Targets: 22 (high 1, medium 0, low 20, could not be checked 1)") {
				t.Errorf("text output lacks the summary:\n%s", out.String())
			}
		})
	}
}

// readJSONTargets returns the target of every line of a JSON Lines file,
// failing on a line that is not whole JSON.
func readJSONTargets(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Fatalf("%s does not end with a newline", path)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r checker.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("broken line %q: %v", sc.Text(), err)
		}
		out = append(out, r.Target)
	}
	return out
}

func readCSVTargets(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufefftarget,url,")) {
		t.Fatalf("CSV does not start with the BOM and header: %q", data[:min(len(data), 40)])
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, report.UnCSVCell(r[0]))
	}
	return out
}

func countEach(ts []string) map[string]int {
	m := map[string]int{}
	for _, t := range ts {
		m[t]++
	}
	return m
}

// interruptAfter returns a check that cancels the run's context once n
// checks have started (the first interrupt).
func interruptAfter(n int32, cancel context.CancelFunc) Check {
	f := newFake()
	var started atomic.Int32
	f.hook = func(ctx context.Context, target string) {
		if started.Add(1) == n {
			cancel()
		}
	}
	return f.check
}

func TestDoInterruptThenResume(t *testing.T) {
	for _, format := range []string{"json", "csv"} {
		t.Run(format, func(t *testing.T) {
			lines := manyTargets(300)
			// Targets a spreadsheet would take for formulas, and a repeat.
			lines = append(lines, "=HYPERLINK(\"x\")", "'quoted.example", "-minus.example", lines[5])
			list := writeList(t, lines)
			out := filepath.Join(t.TempDir(), "out."+format)
			read := readJSONTargets
			if format == "csv" {
				read = readCSVTargets
			}

			ctx, cancel := context.WithCancel(context.Background())
			sum, err := Do(ctx, Config{List: list, Output: out, Format: format, Engine: EngineOptions{Concurrency: 4}},
				interruptAfter(50, cancel))
			if err != nil {
				t.Fatal(err)
			}
			if !sum.Interrupted || !sum.Unfinished {
				t.Fatalf("first run: %+v; want an interrupted, unfinished run", sum.Outcome)
			}
			first := read(t, out)
			if len(first) != sum.Written || len(first) == 0 || len(first) >= len(lines) {
				t.Fatalf("first run wrote %d records, said %d", len(first), sum.Written)
			}

			// A hard exit in the middle of a write leaves a broken line.
			fh, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
			fh.WriteString(`{"target":"site02`)
			fh.Close()

			f := newFake()
			sum2, err := Do(context.Background(), Config{List: list, Output: out, Format: format, Resume: true}, f.check)
			if err != nil {
				t.Fatal(err)
			}
			if sum2.Resumed != len(first) || sum2.Cut == 0 {
				t.Errorf("resume found %d records (want %d) and cut %d bytes", sum2.Resumed, len(first), sum2.Cut)
			}
			for tg := range countEach(first) {
				if n := f.callsOf(tg); n != 0 && tg != lines[5] {
					t.Errorf("%s was done already but checked again", tg)
				}
			}
			all := read(t, out)
			got, want := countEach(all), countEach(lines)
			if len(all) != len(lines) {
				t.Errorf("%d records after resume, want %d", len(all), len(lines))
			}
			for tg, n := range want {
				if got[tg] != n {
					t.Errorf("%q: %d records, want %d", tg, got[tg], n)
				}
			}
			if sum2.Tally.Total != len(lines) {
				t.Errorf("tally after resume counts %d records, want the whole file's %d", sum2.Tally.Total, len(lines))
			}

			// Resuming a complete file checks nothing.
			f3 := newFake()
			sum3, err := Do(context.Background(), Config{List: list, Output: out, Format: format, Resume: true}, f3.check)
			if err != nil || sum3.Checked != 0 || sum3.Skipped != len(lines) {
				t.Errorf("resuming a complete file: %+v, %v", sum3.Outcome, err)
			}
			if n := len(read(t, out)); n != len(lines) {
				t.Errorf("file has %d records after a no-op resume", n)
			}
		})
	}
}

func TestDoConfigErrors(t *testing.T) {
	dir := t.TempDir()
	list := writeList(t, []string{"a.example"})
	notJSON := filepath.Join(dir, "out.txt")
	os.WriteFile(notJSON, []byte("high 80 a.example\n"), 0o644)
	notCSV := filepath.Join(dir, "out.csv")
	os.WriteFile(notCSV, []byte("a,b\n"), 0o644)
	tests := []struct {
		name string
		cfg  Config
	}{
		{"missing list", Config{List: filepath.Join(dir, "nope.txt"), Format: "json"}},
		{"resume without -o", Config{List: list, Format: "json", Resume: true}},
		{"resume from text", Config{List: list, Output: notJSON, Format: "json", Resume: true}},
		{"resume from other CSV", Config{List: list, Output: notCSV, Format: "csv", Resume: true}},
		{"output is the list", Config{List: list, Output: list, Format: "json"}},
		{"output in a missing folder", Config{List: list, Output: filepath.Join(dir, "no", "out.json"), Format: "json"}},
		{"clusters in a missing folder", Config{List: list, Format: "json", Clusters: filepath.Join(dir, "no", "c.jsonl")}},
		{"clusters file is the list", Config{List: list, Format: "json", Clusters: list}},
		{"clusters file is the output", Config{List: list, Output: notJSON, Format: "json", Clusters: notJSON}},
		{"clusters file is a new output", Config{List: list, Output: filepath.Join(dir, "fresh.jsonl"), Format: "json", Clusters: dir + "/./fresh.jsonl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			tt.cfg.Stdout = &bytes.Buffer{}
			_, err := Do(context.Background(), tt.cfg, f.check)
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *ConfigError", err)
			}
			if len(f.calls) != 0 {
				t.Error("targets were checked despite the error")
			}
		})
	}
	if data, _ := os.ReadFile(list); string(data) != "a.example\n" {
		t.Errorf("the list was changed: %q", data)
	}
}

func TestDoStdinAndClusters(t *testing.T) {
	clusters := filepath.Join(t.TempDir(), "clusters.jsonl")
	check := func(ctx context.Context, target string) *checker.Result {
		r := cannedResult(target)
		switch target {
		case "a.example", "b.example":
			r.Clues = []checker.Clue{{Kind: "account", Value: "0009|001|1234567"}}
		case "c.example":
			r.Clues = []checker.Clue{{Kind: "phone", Value: "+81312345678"}}
		case "d.example":
			r.Clues = []checker.Clue{{Kind: "phone", Value: "+81312345678"}, {Kind: "account", Value: "0009|001|1234567"}}
		case "lone.example":
			r.Clues = []checker.Clue{{Kind: "email", Value: "lone@example.com"}}
		}
		return r
	}
	var out bytes.Buffer
	sum, err := Do(context.Background(), Config{List: "-", Stdin: strings.NewReader("a.example\nb.example\nc.example\nd.example\nlone.example\na.example\n"),
		Stdout: &out, Format: "json", Clusters: clusters}, check)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 6 || sum.Written != 6 {
		t.Errorf("JSON stdout has %d lines, want 6: one a target, no summary record", n)
	}
	data, err := os.ReadFile(clusters)
	if err != nil {
		t.Fatal(err)
	}
	var got []report.Cluster
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c report.Cluster
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("clusters line %q: %v", l, err)
		}
		got = append(got, c)
	}
	if len(got) != 2 {
		t.Fatalf("clusters = %+v, want the shared account and the shared phone", got)
	}
	acc := got[0]
	if acc.Kind != "account" || acc.Count != 3 || strings.Join(acc.Targets, " ") != "a.example b.example d.example" || acc.Campaign != 1 {
		t.Errorf("account cluster = %+v", acc)
	}
	if got[1].Kind != "phone" || got[1].Campaign != 1 || got[1].Count != 2 {
		t.Errorf("phone cluster = %+v; it shares d.example with the account, so the same campaign", got[1])
	}
}

func TestDoProgressBar(t *testing.T) {
	list := writeList(t, manyTargets(30))
	var errOut, out bytes.Buffer
	f := newFake()
	f.hook = func(ctx context.Context, target string) { time.Sleep(time.Millisecond) }
	if _, err := Do(context.Background(), Config{List: list, Stdout: &out, Stderr: &errOut, Progress: true, Format: "json"}, f.check); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "/30") {
		t.Errorf("progress output lacks the count of 30: %q", errOut.String())
	}
	var quiet bytes.Buffer
	if _, err := Do(context.Background(), Config{List: list, Stdout: &out, Stderr: &quiet, Format: "json"}, newFake().check); err != nil {
		t.Fatal(err)
	}
	if quiet.Len() != 0 {
		t.Errorf("progress shown although not asked for: %q", quiet.String())
	}
}

// TestDoResumeOddLines: lines whose target a writer cannot print as read
// (longer than MaxLine, bytes that are not UTF-8, a terminal escape) are
// written as text and found again by --resume: an interrupted run and a
// resumed one hold every line exactly once, in JSON and in CSV.
func TestDoResumeOddLines(t *testing.T) {
	lines := []string{
		"ok.example",
		strings.Repeat("z", MaxLine+10),
		"\x93\xfa\x96\x7b.example", // 日本 in Shift_JIS
		"esc\x1b[31m.example",
	}
	list := writeList(t, lines)
	for _, format := range []string{"json", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out."+format)
			for run := 0; run < 3; run++ {
				f := newFake()
				sum, err := Do(context.Background(), Config{List: list, Output: out, Format: format, Resume: run > 0}, f.check)
				if err != nil {
					t.Fatal(err)
				}
				if run > 0 && (sum.Checked != 0 || sum.Skipped != len(lines)) {
					t.Errorf("resume %d: %+v; want every line skipped", run, sum.Outcome)
				}
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) || bytes.ContainsAny(data, "\x00\x1b") {
				t.Errorf("the %s file holds bytes that are not text", format)
			}
			read := readJSONTargets
			if format == "csv" {
				read = readCSVTargets
			}
			if got := read(t, out); len(got) != len(lines) {
				t.Errorf("%d records after two resumes, want %d", len(got), len(lines))
			}
		})
	}
}

// TestDoInterruptedReportSaysSo: a text or HTML report of an interrupted
// run says that part of the list was not checked; a finished one does not.
func TestDoInterruptedReportSaysSo(t *testing.T) {
	list := writeList(t, manyTargets(300))
	for _, format := range []string{"text", "html"} {
		for _, interrupt := range []bool{true, false} {
			out := filepath.Join(t.TempDir(), "report."+format)
			ctx, cancel := context.WithCancel(context.Background())
			check := newFake().check
			if interrupt {
				check = interruptAfter(30, cancel)
			}
			sum, err := Do(ctx, Config{List: list, Output: out, Format: format, Report: report.Options{Lang: "ja"}, Engine: EngineOptions{Concurrency: 4}}, check)
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(out)
			said := strings.Contains(string(data), "一覧の一部は確認していません")
			if said != sum.Unfinished || sum.Unfinished != interrupt {
				t.Errorf("%s, interrupted %v: unfinished %v, notice %v", format, interrupt, sum.Unfinished, said)
			}
		}
	}
}

// TestDoConfigErrorKeepsClusters: a run refused for its configuration
// leaves the last run's clusters file as it was.
func TestDoConfigErrorKeepsClusters(t *testing.T) {
	dir := t.TempDir()
	clusters := filepath.Join(dir, "clusters.jsonl")
	os.WriteFile(clusters, []byte("{\"campaign\":1}\n"), 0o644)
	notJSON := filepath.Join(dir, "out.txt")
	os.WriteFile(notJSON, []byte("high 80 a.example\n"), 0o644)
	_, err := Do(context.Background(), Config{List: writeList(t, []string{"a.example"}), Output: notJSON, Format: "json", Resume: true, Clusters: clusters}, newFake().check)
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ConfigError", err)
	}
	if data, _ := os.ReadFile(clusters); string(data) != "{\"campaign\":1}\n" {
		t.Errorf("the clusters file was changed by a refused run: %q", data)
	}
}

// TestDoBadClustersKeepsOutput: a --clusters path that is refused or
// cannot be written leaves the last run's output as it was.
func TestDoBadClustersKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	list := writeList(t, []string{"a.example"})
	out := filepath.Join(dir, "out.jsonl")
	const last = "{\"target\":\"a.example\"}\n"
	for _, clusters := range []string{out, dir + "/./out.jsonl", filepath.Join(dir, "no", "c.jsonl")} {
		os.WriteFile(out, []byte(last), 0o644)
		_, err := Do(context.Background(), Config{List: list, Output: out, Format: "json", Clusters: clusters}, newFake().check)
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("--clusters %s: err = %v, want a *ConfigError", clusters, err)
		}
		if data, _ := os.ReadFile(out); string(data) != last {
			t.Errorf("--clusters %s: the output became %q", clusters, data)
		}
	}
}

// TestDoRefusedRunKeepsClusters: a run refused after the clusters file was
// opened (here for a format no writer has) leaves the last run's clusters
// as they were, and leaves no file where there was none.
func TestDoRefusedRunKeepsClusters(t *testing.T) {
	dir := t.TempDir()
	list := writeList(t, []string{"a.example"})
	old := filepath.Join(dir, "old.jsonl")
	const last = "{\"campaign\":1}\n"
	os.WriteFile(old, []byte(last), 0o644)
	fresh := filepath.Join(dir, "fresh.jsonl")
	for _, clusters := range []string{old, fresh} {
		if _, err := Do(context.Background(), Config{List: list, Output: filepath.Join(dir, "out.x"), Format: "xml", Clusters: clusters}, newFake().check); err == nil {
			t.Fatalf("--format xml was taken")
		}
	}
	if data, _ := os.ReadFile(old); string(data) != last {
		t.Errorf("the last run's clusters became %q", data)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused run left %s behind (%v)", fresh, err)
	}
	// /dev/null as the clusters file is written as it comes.
	if _, err := os.Stat(os.DevNull); err == nil {
		if _, err := Do(context.Background(), Config{List: list, Output: filepath.Join(dir, "o.jsonl"), Format: "json", Clusters: os.DevNull}, newFake().check); err != nil {
			t.Errorf("--clusters %s: %v", os.DevNull, err)
		}
	}
}

// TestDoOutputToDevice: -o /dev/null (or a pipe) is written as it comes:
// it cannot be emptied, and is not.
func TestDoOutputToDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	clusters := filepath.Join(t.TempDir(), "c.jsonl")
	sum, err := Do(context.Background(), Config{List: writeList(t, []string{"a.example", "b.example"}), Output: os.DevNull, Format: "json", Clusters: clusters}, newFake().check)
	if err != nil || sum.Written != 2 {
		t.Fatalf("-o %s: %+v, %v", os.DevNull, sum, err)
	}
}

// TestDoResumeCSVClustersSaysSo: campaigns among rows already in a CSV
// file cannot be found again (a row keeps no clues): resuming with
// --clusters says so instead of losing them silently.
func TestDoResumeCSVClustersSaysSo(t *testing.T) {
	list := writeList(t, manyTargets(20))
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	if _, err := Do(context.Background(), Config{List: list, Output: out, Format: "csv", Engine: EngineOptions{Concurrency: 2}}, newFake().check); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "json"} {
		var errOut strings.Builder
		o := out
		if format == "json" {
			o = filepath.Join(dir, "out.jsonl")
			if _, err := Do(context.Background(), Config{List: list, Output: o, Format: "json", Engine: EngineOptions{Concurrency: 2}}, newFake().check); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Do(context.Background(), Config{List: list, Output: o, Format: format, Resume: true, Stderr: &errOut,
			Clusters: filepath.Join(dir, "clusters-"+format+".jsonl"), Engine: EngineOptions{Concurrency: 2}}, newFake().check)
		if err != nil {
			t.Fatal(err)
		}
		said := strings.Contains(errOut.String(), "carry no campaign clues")
		if said != (format == "csv") {
			t.Errorf("%s: notice %v, want %v (stderr %q)", format, said, format == "csv", errOut.String())
		}
	}
}
