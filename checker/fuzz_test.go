package checker

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

// FuzzDecodeAndHops: a fetched page is whatever a criminal served. Its
// bytes under any Content-Type must decode, and the decoded page's hops
// (a script's location, a meta refresh, a frame) must be read, without a
// panic.
func FuzzDecodeAndHops(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sites", "*", "*.html"))
	for i, name := range files {
		if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
			f.Add(b, []string{"text/html", "text/html; charset=Shift_JIS", "text/html; charset=EUC-JP", ""}[i%4])
		}
	}
	f.Add([]byte(`<script>var u="https://x.example/"; if(!/bot/.test(navigator.userAgent)){location.href=u}</script>`), "text/html")
	f.Add([]byte(`<meta http-equiv="refresh" content="0;url='//evil.example/'"><frameset><frame src="/in.html"></frameset>`), "text/html; charset=utf-8")
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html>\xa4\xa2</html>"), "application/xhtml+xml")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		text, _ := Decode(body, contentType)
		if !IsHTML(contentType, body) {
			return
		}
		page := rules.NewPage("https://shop.example.jp/a/b.html", 200, contentType, text, false)
		scriptRedirects(page)
		scriptRedirect(page)
		pageIsStub(page)
		scriptBuilt(page)
		frameHop(page)
		unreadFrame(page)
	})
}
