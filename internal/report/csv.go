package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/shopcheck/shopcheck/checker"
)

// CSVHeader is the first row of the CSV format. Resuming reads the target
// back from the first column.
var CSVHeader = []string{"target", "url", "domain", "risk", "score", "signs", "evidence", "error"}

// csvWriter writes one row a target, in UTF-8 with a byte-order mark so that
// Excel in Japan opens it as UTF-8. Every row is one line (line breaks in
// values become spaces) written with one Write call, so an interrupted run
// leaves whole rows only.
type csvWriter struct {
	w      io.Writer
	header bool // whether the BOM and header were written
	buf    bytes.Buffer
	cw     *csv.Writer
}

func newCSV(w io.Writer, o Options) Writer {
	c := &csvWriter{w: w}
	c.cw = csv.NewWriter(&c.buf)
	return c
}

// NewCSVContinued returns a CSV Writer for a file that already holds the
// BOM and the header (a resumed run appends rows only).
func NewCSVContinued(w io.Writer, o Options) Writer {
	c := newCSV(w, o).(*csvWriter)
	c.header = true
	return c
}

func (c *csvWriter) Write(r *checker.Result) error {
	c.buf.Reset()
	if !c.header {
		c.buf.WriteString("\ufeff")
		c.cw.Write(CSVHeader)
		c.cw.Flush()
		// The header goes out on its own so that a file holds it even
		// when the first row is never written.
		if _, err := c.w.Write(c.buf.Bytes()); err != nil {
			return err
		}
		c.header = true
		c.buf.Reset()
	}
	ids := make([]string, 0, len(r.Signs))
	for _, s := range r.Signs {
		ids = append(ids, s.ID)
	}
	errText := ""
	if r.Error != nil {
		errText = r.Error.Code + ": " + r.Error.Message
	}
	c.cw.Write([]string{
		CSVCell(r.Target), CSVCell(r.URL), CSVCell(r.Domain), string(r.Risk), strconv.Itoa(r.Score),
		// The evidence and error quote criminals' pages: their control
		// characters (a terminal's escapes) and direction overrides are
		// replaced, as the text view does. The target stays as given:
		// --resume matches it.
		strings.Join(ids, " "), CSVCell(TerminalSafe(strongestEvidence(r))), CSVCell(TerminalSafe(errText)),
	})
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	_, err := c.w.Write(c.buf.Bytes())
	return err
}

func (c *csvWriter) Close() error { return nil }

// strongestEvidence is "sign-id: evidence" of the strongest sign that has
// evidence (signs come strongest first).
func strongestEvidence(r *checker.Result) string {
	for _, s := range r.Signs {
		if s.Evidence != "" {
			return s.ID + ": " + s.Evidence
		}
	}
	return ""
}

// formulaStart are the first characters that make a spreadsheet treat a
// cell as a formula (and the apostrophe that marks an escaped cell).
const formulaStart = "=+-@\t\r'"

// CSVCell makes s safe for a spreadsheet cell: line breaks become spaces
// (one row, one line) and a value that a spreadsheet would run as a formula
// (criminals write the pages whose text lands here) is prefixed with an
// apostrophe. UnCSVCell reverses the prefix.
func CSVCell(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
	}
	if s != "" && s != "-" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		// "-" alone (standard input as a target) is no formula, and
		// scripts join on it.
		return "'" + s
	}
	return s
}

// UnCSVCell returns the value CSVCell was given (line breaks aside).
func UnCSVCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte(formulaStart, s[1]) >= 0 {
		return s[1:]
	}
	return s
}
