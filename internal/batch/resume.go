package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/report"
	"github.com/shopcheck/shopcheck/rules"
)

// SkipSet holds the targets already present in an output file, so that a
// resumed run skips them. It keeps a 64-bit hash a record (8 bytes and a
// bit each, not the strings): a million records take about 9 MB. A target
// that occurs n times in the file is skipped for its first n lines in the
// list, so that lists with repeated lines resume exactly. The chance that
// two different targets share a hash is about 1 in 10^7 for a million.
type SkipSet struct {
	seed maphash.Seed
	h    []uint64
	used []uint64 // bit i: h[i] was taken
	n    int
}

func newSkipSet() *SkipSet { return &SkipSet{seed: maphash.MakeSeed()} }

func (s *SkipSet) add(target string) { s.h = append(s.h, maphash.String(s.seed, target)) }

func (s *SkipSet) seal() {
	slices.Sort(s.h)
	s.used = make([]uint64, (len(s.h)+63)/64)
	s.n = len(s.h)
}

// Len returns how many records the set was built from.
func (s *SkipSet) Len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// Take reports whether target is in the set and not yet taken, and takes
// it.
func (s *SkipSet) Take(target string) bool {
	if s == nil || len(s.h) == 0 {
		return false
	}
	x := maphash.String(s.seed, target)
	for i := sort.Search(len(s.h), func(i int) bool { return s.h[i] >= x }); i < len(s.h) && s.h[i] == x; i++ {
		if s.used[i/64]&(1<<(i%64)) == 0 {
			s.used[i/64] |= 1 << (i % 64)
			return true
		}
	}
	return false
}

// Resumed is what LoadResume found in an output file.
type Resumed struct {
	// Done holds the targets of the records in the file.
	Done *SkipSet
	// Size is the length of the file after a broken last line was cut.
	Size int64
	// Cut is the number of bytes of a broken last line that were removed.
	Cut int64
}

// LoadResume reads the output file at path, written earlier in format
// ("json" or "csv"), to resume a run: it cuts a broken last line (a hard
// exit in the middle of a write), counts each record into tally (when not
// nil: so that the summary and the exit code speak for the whole file) and
// returns the targets already done. A missing file is an empty one.
func LoadResume(path, format string, tally *report.Tally) (*Resumed, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		s := newSkipSet()
		s.seal()
		return &Resumed{Done: s}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("opening the output file to resume: %w", err)
	}
	defer f.Close()
	size, keep, err := wholeLines(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s to resume: %w", path, err)
	}
	if keep < size {
		if err := f.Truncate(keep); err != nil {
			return nil, fmt.Errorf("cutting the broken last line of %s: %w", path, err)
		}
	}
	set := newSkipSet()
	r := io.NewSectionReader(f, 0, keep)
	switch format {
	case "json":
		err = readJSONDone(r, set, tally)
	case "csv":
		err = readCSVDone(r, set, tally)
	default:
		err = fmt.Errorf("--resume works with --format json or csv, not %s", format)
	}
	if err != nil {
		return nil, fmt.Errorf("resuming from %s: %w", path, err)
	}
	set.seal()
	return &Resumed{Done: set, Size: keep, Cut: size - keep}, nil
}

// wholeLines returns the file's size and the length of its whole lines:
// up to and including its last newline.
func wholeLines(f *os.File) (size, keep int64, err error) {
	st, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	size = st.Size()
	buf := make([]byte, 64<<10)
	for end := size; end > 0; {
		start := max(end-int64(len(buf)), 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && err != io.EOF {
			return 0, 0, err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			return size, start + int64(i) + 1, nil
		}
		end = start
	}
	return size, 0, nil
}

// doneRecord is the part of a JSON result that resuming needs.
type doneRecord struct {
	Target *string    `json:"target"`
	URL    string     `json:"url"`
	Risk   rules.Risk `json:"risk"`
	Signs  []struct {
		ID string `json:"id"`
	} `json:"signs"`
	Error *struct {
		Code string `json:"code"`
	} `json:"error"`
	Clues []checker.Clue `json:"clues"`
	Links []struct {
		Quoted bool           `json:"quoted"`
		Clues  []checker.Clue `json:"clues"`
	} `json:"links"`
}

func readJSONDone(r io.Reader, set *SkipSet, tally *report.Tally) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for no := 1; ; no++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var rec doneRecord
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return fmt.Errorf("line %d is not a JSON result (was the file written with --format json?): %v", no, jerr)
			}
			if rec.Target != nil { // other records (none are written today) are not targets
				set.add(*rec.Target)
				if tally != nil {
					ids := make([]string, len(rec.Signs))
					for i, s := range rec.Signs {
						ids[i] = s.ID
					}
					code := ""
					if rec.Error != nil {
						code = rec.Error.Code
					}
					links := make([]report.LinkClues, len(rec.Links))
					for i, l := range rec.Links {
						links[i] = report.LinkClues{Quoted: l.Quoted, Clues: l.Clues}
					}
					tally.AddRecord(*rec.Target, rec.URL, rec.Risk, code, ids, report.RecordClues(rec.Clues, len(rec.Signs), links))
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func readCSVDone(r io.Reader, set *SkipSet, tally *report.Tally) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not a CSV file written by shopcheck: %w", err)
		}
		if header {
			header = false
			if len(rec) == 0 || rec[0] != report.CSVHeader[0] {
				return errors.New("not a CSV file written by shopcheck: its first row is not the header")
			}
			continue
		}
		if len(rec) < len(report.CSVHeader) {
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("line %d has %d columns, not %d", line, len(rec), len(report.CSVHeader))
		}
		target := report.UnCSVCell(rec[0])
		set.add(target)
		if tally != nil {
			code, _, _ := strings.Cut(rec[7], ": ")
			tally.AddRecord(target, rec[1], rules.Risk(rec[3]), code, strings.Fields(rec[5]), nil)
		}
	}
}
