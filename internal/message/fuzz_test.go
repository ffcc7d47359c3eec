package message

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

// FuzzParse: a message is whatever a criminal sent, so Parse must read
// any bytes to the end without panicking, ExtractURLs any text, and every
// message sign what the parser made of them.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "mail", "*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte("From: a@b\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\nContent-Transfer-Encoding: base64\r\n\r\n44GC\r\n--x--"))
	f.Add([]byte("\xff\xfeh\x00t\x00t\x00p\x00s\x00:\x00/\x00/\x00x\x00.\x00j\x00p\x00"))
	f.Add([]byte("【佐川急便】不在の為持ち帰りました hxxps://sagawa[.]top/?id=1"))
	rs := rules.MessageRules()
	f.Fuzz(func(t *testing.T, raw []byte) {
		m := Parse(raw)
		if m == nil {
			t.Fatal("Parse returned nil")
		}
		ExtractURLs(string(raw))
		// What the parser hands the signs (HTML shown text, disguised
		// links, attachments), each check outside EvaluateMail's recover.
		mail := m.Mail(nil)
		for _, r := range rs {
			r.Check(mail)
		}
	})
}
