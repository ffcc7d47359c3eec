package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxLine is the longest list line taken as a target (16 KiB). A longer
// line is not a URL anyone can check; it yields an invalid-target record
// whose target is the line as given (the contract's promise to scripts
// that match results to lines) up to KeepLine.
const MaxLine = 16 << 10

// KeepLine is the most of a list line kept (1 MiB): a longer one (a
// binary file given as a list) is cut there, its target ending in "…",
// and the rest read and dropped.
const KeepLine = 1 << 20

// Line is one target line.
type Line struct {
	// Target is the line trimmed of surrounding white space (and of a
	// leading byte-order mark).
	Target string
	// No is the line number in the list (0 for a command-line argument).
	No int
	// TooLong is set when the line was longer than MaxLine. Target is
	// still the whole line up to KeepLine (beyond, its first KeepLine
	// bytes and "…"), unless it is not text: then its first MaxLine.
	TooLong bool
	// NotText is set when the line held bytes that are not UTF-8 (a list
	// saved as Shift_JIS) or control characters (a terminal escape): each
	// is U+FFFD in Target, as a JSON writer would print it.
	NotText bool
}

// Source yields the targets of a batch one at a time, reading the list as
// it goes: a list of a million lines never sits in memory at once.
type Source struct {
	args []string
	r    *bufio.Reader
	no   int
}

// NewSource returns a Source of the command-line targets args, then the
// lines of list (nil for none). Blank lines and lines starting with # are
// skipped; surrounding white space is trimmed.
func NewSource(args []string, list io.Reader) *Source {
	s := &Source{args: args}
	if list != nil {
		br := bufio.NewReaderSize(list, 64<<10)
		if b, _ := br.Peek(2); len(b) == 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
			// UTF-16 with its byte-order mark, as Windows PowerShell 5.1
			// writes a file with >: read as UTF-8.
			dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
			br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
		}
		s.r = br
	}
	return s
}

// text returns t with each byte that is not UTF-8 and each control
// character but tab replaced by U+FFFD, and whether there were any. The
// target of a result is then the text a JSON or CSV writer prints as it
// is, so that --resume finds it again, and no terminal escape reaches the
// screen.
func text(t []byte) (string, bool) {
	bad := func(r rune, n int) bool { return r == utf8.RuneError && n == 1 || r < 0x20 && r != '\t' || r == 0x7f }
	var b strings.Builder
	dirty := false
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if bad(r, n) {
			if !dirty {
				dirty = true
				b.Grow(len(t) + 8)
				b.Write(t[:i]) // all good so far
			}
			r = utf8.RuneError
		}
		if dirty {
			b.WriteRune(r)
		}
		i += n
	}
	if !dirty {
		return string(t), false
	}
	return b.String(), true
}

// Next returns the next target, or io.EOF after the last.
func (s *Source) Next() (Line, error) {
	for len(s.args) > 0 {
		a := strings.TrimSpace(s.args[0])
		s.args = s.args[1:]
		if a != "" {
			return Line{Target: a}, nil
		}
	}
	if s.r == nil {
		return Line{}, io.EOF
	}
	for {
		raw, cut, err := s.readLine()
		tooLong := cut || len(raw) > MaxLine
		if err != nil && (err != io.EOF || (len(raw) == 0 && !tooLong)) {
			return Line{}, err
		}
		s.no++
		// Windows Notepad writes a byte-order mark at a file's head, and
		// lists joined with cat carry one at the head of each.
		raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		t := bytes.TrimSpace(raw)
		// A comment: "#", or "＃" as a Japanese keyboard types it.
		if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("＃")) {
			if err == io.EOF {
				return Line{}, io.EOF
			}
			continue
		}
		target, notText := text(t)
		if notText && len(t) > MaxLine {
			// A long line of binary (a file given as a list) is no one's
			// line to match: kept at MaxLine, where each of its bytes that
			// is not text would otherwise grow to three in the record.
			target, _ = text(t[:MaxLine])
			cut = true
		}
		if cut {
			target += "…"
		}
		return Line{Target: target, No: s.no, TooLong: tooLong, NotText: notText}, nil
	}
}

// readLine reads one line without its newline. A line longer than
// KeepLine is returned cut to KeepLine with cut set, its rest read and
// dropped.
func (s *Source) readLine() (line []byte, cut bool, err error) {
	var buf []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if err == nil {
			chunk = chunk[:len(chunk)-1]
		}
		if len(buf)+len(chunk) > KeepLine {
			if !cut {
				buf = append(buf, chunk[:KeepLine-len(buf)]...)
				cut = true
			}
		} else {
			buf = append(buf, chunk...)
		}
		switch {
		case err == nil:
			return buf, cut, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			return buf, cut, io.EOF
		default:
			return nil, false, fmt.Errorf("reading the list: %w", err)
		}
	}
}

// CountLines counts the target lines of r as Source would yield them (for
// the progress bar's total), reading it once in a stream.
func CountLines(r io.Reader) (int64, error) {
	s := NewSource(nil, r)
	var n int64
	for {
		_, err := s.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
