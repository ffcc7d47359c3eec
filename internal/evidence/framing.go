package evidence

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// FramingError says where a WARC file stops being whole records: the byte
// offset in the file (of the gzip member, for a .warc.gz) and why.
type FramingError struct {
	Offset int64
	Msg    string
}

func (e *FramingError) Error() string {
	return fmt.Sprintf("at byte %d: %s", e.Offset, e.Msg)
}

// maxHeaderBytes bounds the WARC header block of one record.
const maxHeaderBytes = 1 << 20

// CheckFraming reads the WARC file at path from end to end and reports
// how many records it holds, or where it stops being whole records. The
// WARC library's reader ends a file quietly at some damage (a gzip member
// whose data is corrupt, a member added after the last record, records
// recompressed as one gzip stream) and reports the records before it as
// the whole file, so a changed evidence file would read as a shorter,
// intact one. This check asks more than the library does of a file:
//   - a .warc.gz is one gzip member a record, each of which decompresses
//     without error (its CRC and length checked) into exactly one record
//     and nothing else, as shopcheck writes them and the WARC standard
//     recommends;
//   - a .warc is records back to back, each "WARC/1.x" header lines, a
//     blank line, Content-Length bytes of block and "\r\n\r\n", to the
//     end of the file.
func CheckFraming(path string) (records int, err error) {
	return CheckFramingContext(context.Background(), path, 0)
}

// ErrRecordTooLarge is CheckFramingContext's error for a record whose
// block is longer than it was asked to allow.
var ErrRecordTooLarge = errors.New("a record is too large")

// CheckFramingContext is CheckFraming ending when ctx does (a gzip member
// that expands to gigabytes is read to its end otherwise): its error is
// then ctx's. A record whose block is longer than maxBlock (0: any) ends it
// with ErrRecordTooLarge: a replay would hold and hash it whole.
func CheckFramingContext(ctx context.Context, path string, maxBlock int64) (records int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	cr := &countingReader{r: ctxReader{ctx: ctx, r: f}}
	br := bufio.NewReader(cr)
	magic, _ := br.Peek(2)
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		for {
			off := cr.n - int64(br.Buffered())
			if _, err := br.Peek(1); err == io.EOF {
				return records, nil
			}
			if err := readRecord(br, maxBlock); err != nil {
				if errors.Is(err, ErrRecordTooLarge) {
					return records, err
				}
				return records, &FramingError{Offset: off, Msg: err.Error()}
			}
			records++
		}
	}
	var zr *gzip.Reader
	for {
		off := cr.n - int64(br.Buffered())
		if _, err := br.Peek(1); err == io.EOF {
			return records, nil
		}
		if zr == nil {
			zr, err = gzip.NewReader(br)
		} else {
			err = zr.Reset(br)
		}
		if err != nil {
			return records, &FramingError{Offset: off, Msg: "not a gzip member (data added or changed): " + err.Error()}
		}
		zr.Multistream(false)
		member := bufio.NewReader(ctxReader{ctx: ctx, r: zr}) // a member may expand to gigabytes
		if err := readRecord(member, maxBlock); err != nil {
			if errors.Is(err, ErrRecordTooLarge) {
				return records, err
			}
			return records, &FramingError{Offset: off, Msg: "the record in this gzip member cannot be read (changed or cut short): " + err.Error()}
		}
		// The member must hold nothing more, and its end (CRC and length)
		// must check out.
		n, err := io.Copy(io.Discard, member)
		switch {
		case err != nil:
			return records, &FramingError{Offset: off, Msg: "the gzip member is damaged (changed or cut short): " + err.Error()}
		case n > 0:
			return records, &FramingError{Offset: off, Msg: fmt.Sprintf("the gzip member holds %d bytes after its record (records recompressed together, or data added)", n)}
		}
		records++
	}
}

// readRecord reads one WARC record from r: the version line, header lines
// up to a blank line, Content-Length bytes of block and the closing
// "\r\n\r\n".
func readRecord(r *bufio.Reader, maxBlock int64) error {
	length := int64(-1)
	read := 0
	var long []byte // a line longer than r's buffer (a 5 KB URL), pieced together
	for i := 0; ; i++ {
		line, err := r.ReadSlice('\n')
		read += len(line)
		if read > maxHeaderBytes {
			return errors.New("the record's header is too long")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, line...)
			i--
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return errors.New("the record's header is cut short")
			}
			return err
		}
		if long != nil {
			line = append(long, line...)
			long = nil
		}
		text := strings.TrimRight(string(line), "\r\n")
		if i == 0 {
			if !strings.HasPrefix(text, "WARC/1.") {
				return fmt.Errorf("no WARC record starts here (found %q)", clipBytes(text, 20))
			}
			continue
		}
		if text == "" {
			break
		}
		name, value, ok := strings.Cut(text, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return fmt.Errorf("the Content-Length %q is not a length", strings.TrimSpace(value))
			}
			length = n
		}
	}
	if length < 0 {
		return errors.New("the record has no Content-Length")
	}
	if maxBlock > 0 && length > maxBlock {
		return fmt.Errorf("%w: %d bytes", ErrRecordTooLarge, length)
	}
	if n, err := io.CopyN(io.Discard, r, length); err != nil {
		return fmt.Errorf("the record's content is cut short (%d of %d bytes): %w", n, length, err)
	}
	end := make([]byte, 4)
	if _, err := io.ReadFull(r, end); err != nil || !bytes.Equal(end, []byte("\r\n\r\n")) {
		return errors.New("the record does not end where its Content-Length says")
	}
	return nil
}

// clipBytes shortens s to n bytes for a message.
func clipBytes(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// ctxReader is r, ending with ctx's error once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
