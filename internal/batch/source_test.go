package batch

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

func drain(t *testing.T, s *Source) []Line {
	t.Helper()
	var out []Line
	for {
		l, err := s.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, l)
	}
}

func targets(ls []Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Target)
	}
	return out
}

func TestSourceLines(t *testing.T) {
	tests := []struct {
		name string
		args []string
		list string
		want []string
	}{
		{"args then list", []string{" a.example ", "", "b.example"}, "c.example\n", []string{"a.example", "b.example", "c.example"}},
		{"blank and comments skipped", nil, "\n# header\n  \n x.example \n\t# indented comment\ny.example", []string{"x.example", "y.example"}},
		{"CRLF and BOM", nil, "\ufeffhttps://a.example/\r\nhttps://b.example/\r\n", []string{"https://a.example/", "https://b.example/"}},
		// Lists saved by Notepad and joined with cat: a mark at each head.
		{"BOM at the head of any line is removed", nil, "a\n\ufeffb\n\ufeff# list B\nc\n", []string{"a", "b", "c"}},
		{"no final newline", nil, "a\nb", []string{"a", "b"}},
		{"empty list", nil, "", nil},
		{"only comments", nil, "# a\n#b", nil},
		{"a full-width ＃ comment and a line of ideographic spaces", nil, "＃ 通報分\n\u3000\u3000\nx.example\n", []string{"x.example"}},
		{"hash inside a URL is kept", nil, "https://a.example/#top\n", []string{"https://a.example/#top"}},
		{"repeats are kept (dedup is the engine's)", nil, "a\na\n", []string{"a", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader
			if tt.list != "" || tt.args == nil {
				r = strings.NewReader(tt.list)
			}
			got := targets(drain(t, NewSource(tt.args, r)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			// The same through a reader that returns one byte at a time.
			if r != nil {
				got = targets(drain(t, NewSource(tt.args, iotest.OneByteReader(strings.NewReader(tt.list)))))
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("one byte at a time: got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestSourceLineNumbersAndTooLong(t *testing.T) {
	long := strings.Repeat("x", MaxLine+100)
	list := "# c\na\n\n" + long + "\nb\n"
	ls := drain(t, NewSource(nil, strings.NewReader(list)))
	if len(ls) != 3 {
		t.Fatalf("got %d lines, want 3: %+v", len(ls), ls)
	}
	if ls[0].No != 2 || ls[0].Target != "a" || ls[0].TooLong {
		t.Errorf("first line = %+v", ls[0])
	}
	if !ls[1].TooLong || ls[1].No != 4 || ls[1].Target != long {
		t.Errorf("long line: TooLong=%v No=%d len=%d, want the whole line as target", ls[1].TooLong, ls[1].No, len(ls[1].Target))
	}
	// Beyond KeepLine, the target is the line's beginning and "…".
	huge := strings.Repeat("z", KeepLine+10)
	if hl := drain(t, NewSource(nil, strings.NewReader(huge+"\nc\n"))); len(hl) != 2 || !hl[0].TooLong || hl[0].Target != huge[:KeepLine]+"…" || hl[1].Target != "c" {
		t.Errorf("huge line: %d lines, want the cut one and c", len(hl))
	}
	if ls[2].Target != "b" || ls[2].No != 5 {
		t.Errorf("line after the long one = %+v", ls[2])
	}
	// A line of exactly MaxLine bytes is still a target.
	exact := strings.Repeat("y", MaxLine)
	ls = drain(t, NewSource(nil, strings.NewReader(exact+"\n")))
	if len(ls) != 1 || ls[0].TooLong || ls[0].Target != exact {
		t.Errorf("line of MaxLine bytes: TooLong=%v len=%d", ls[0].TooLong, len(ls[0].Target))
	}
}

func TestSourceReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	s := NewSource(nil, io.MultiReader(strings.NewReader("a\n"), iotest.ErrReader(boom)))
	l, err := s.Next()
	if err != nil || l.Target != "a" {
		t.Fatalf("first: %+v %v", l, err)
	}
	if _, err := s.Next(); !errors.Is(err, boom) {
		t.Fatalf("second: err = %v, want %v", err, boom)
	}
}

func TestCountLines(t *testing.T) {
	n, err := CountLines(strings.NewReader("# x\na\n\nb\r\nc"))
	if err != nil || n != 3 {
		t.Fatalf("CountLines = %d, %v; want 3", n, err)
	}
}

// TestSourceUTF16: a list saved as UTF-16 with its byte-order mark (what
// Windows PowerShell 5.1 writes with >) is read as text, both byte orders.
func TestSourceUTF16(t *testing.T) {
	const list = "# 通報分\r\nhttps://shop.example.jp/\r\n例え.jp\r\n"
	for name, enc := range map[string]encoding.Encoding{
		"little-endian": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		"big-endian":    unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	} {
		raw, err := enc.NewEncoder().String(list)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		s := NewSource(nil, strings.NewReader(raw))
		for {
			l, err := s.Next()
			if err != nil {
				break
			}
			if l.NotText {
				t.Errorf("%s: line %d marked not text", name, l.No)
			}
			got = append(got, l.Target)
		}
		if strings.Join(got, "|") != "https://shop.example.jp/|例え.jp" {
			t.Errorf("%s: targets %q", name, got)
		}
	}
}

// TestSourceNotText: bytes that are not UTF-8 and control characters come
// out as U+FFFD, the line marked.
func TestSourceNotText(t *testing.T) {
	s := NewSource(nil, strings.NewReader("\x93\xfa\x96\x7b.example\nesc\x1b[31m.example\nok.example\n"))
	for _, want := range []struct {
		target  string
		notText bool
	}{{"\ufffd\ufffd\ufffd{.example", true}, {"esc\ufffd[31m.example", true}, {"ok.example", false}} {
		l, err := s.Next()
		if err != nil || l.Target != want.target || l.NotText != want.notText {
			t.Errorf("line %+v, %v; want %q not-text %v", l, err, want.target, want.notText)
		}
	}
}

// TestSourceLongBinaryLine: a long line that is not text is cut at
// MaxLine (its bytes would each grow to a replacement character).
func TestSourceLongBinaryLine(t *testing.T) {
	bin := strings.Repeat("\x80\x81", MaxLine)
	ls := drain(t, NewSource(nil, strings.NewReader(bin+"\nok.example\n")))
	if len(ls) != 2 || !ls[0].TooLong || !ls[0].NotText || len(ls[0].Target) > 3*MaxLine+len("…") || !strings.HasSuffix(ls[0].Target, "…") || ls[1].Target != "ok.example" {
		t.Errorf("lines %d, first: TooLong=%v NotText=%v len=%d", len(ls), ls[0].TooLong, ls[0].NotText, len(ls[0].Target))
	}
}
