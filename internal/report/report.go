// Package report writes check results in the formats of the contract:
// text for a person, JSON Lines for scripts, CSV for spreadsheets and a
// self-contained HTML report for officers.
package report

import (
	"fmt"
	"io"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// Writer writes results one at a time, as they finish.
type Writer interface {
	Write(res *checker.Result) error
	// Close writes what comes after the last result (a summary, the end of
	// a document) and flushes. It does not close the underlying writer.
	Close() error
}

// Options shape the output.
type Options struct {
	// Lang is "ja" or "en".
	Lang string
	// Detailed asks the text format for the full view of each target
	// (verdict, evidence, advice, desks) rather than one line a target.
	Detailed bool
	// Advice supplies topic titles and the consultation desks.
	Advice *rules.Advice
}

// New returns a Writer for format ("text", "json", "csv" or "html").
func New(format string, w io.Writer, o Options) (Writer, error) {
	if o.Advice == nil {
		o.Advice = rules.DefaultAdvice()
	}
	switch format {
	case "json":
		return NewJSON(w), nil
	case "text":
		if o.Detailed {
			return &detailWriter{w: w, o: o}, nil
		}
		return newTextSummary(w, o), nil
	case "csv":
		return newCSV(w, o), nil
	case "html":
		return newHTML(w, o), nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// jsonWriter writes JSON Lines: one object a target, one line each, as
// encoding/json would write them (HTML escaping off).
type jsonWriter struct {
	w     io.Writer
	buf   []byte
	known escapeCache
}

// NewJSON returns a Writer of JSON Lines.
func NewJSON(w io.Writer) Writer {
	return &jsonWriter{w: w}
}

// Write writes res as one line, in a single Write call.
func (j *jsonWriter) Write(res *checker.Result) error {
	j.buf = append(appendResult(j.buf[:0], res, &j.known), '\n')
	_, err := j.w.Write(j.buf)
	if cap(j.buf) > 1<<20 {
		j.buf = nil // one huge result does not stay
	}
	return err
}

func (j *jsonWriter) Close() error { return nil }
