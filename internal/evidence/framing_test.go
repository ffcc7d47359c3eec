package evidence

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestCheckFramingPlain(t *testing.T) {
	rec := func(body string) string {
		return "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body + "\r\n\r\n"
	}
	two := rec("hello") + rec("<p>WARC/1.1</p>")
	cases := []struct {
		name, data string
		records    int
		bad        bool
	}{
		{"two records", two, 2, false},
		{"a header line longer than a buffer", "WARC/1.1\r\nWARC-Target-URI: https://x.example/?t=" + strings.Repeat("A", 9000) + "\r\nContent-Length: 2\r\n\r\nok\r\n\r\n", 1, false},
		{"empty file", "", 0, false},
		{"cut short", two[:len(two)-7], 1, true},
		{"data added", two + "junk\r\n", 2, true},
		{"length changed", strings.Replace(two, "Content-Length: 5", "Content-Length: 4", 1), 0, true},
		{"no length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\n\r\n\r\n", 0, true},
		{"not WARC", "GET / HTTP/1.1\r\n\r\n", 0, true},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "f.warc")
		os.WriteFile(path, []byte(c.data), 0o644)
		n, err := CheckFraming(path)
		var fe *FramingError
		if n != c.records || (err != nil) != c.bad || c.bad && !errors.As(err, &fe) {
			t.Errorf("%s: %d records, err %v; want %d, damaged %v", c.name, n, err, c.records, c.bad)
		}
	}
}
