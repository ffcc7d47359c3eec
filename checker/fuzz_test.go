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

// FuzzParseTarget: a list line is whatever an officer pasted (from a
// report, a chat, a spreadsheet). Every line is parsed or refused with an
// error, never a panic, and what is parsed is a URL with a host or a
// local path.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{
		"https://shop.example.jp/", "shop.example.jp", "hxxps://evil[.]top/x", "ｈｔｔｐｓ：／／例え.jp/",
		"http://[::1]:8080/", "xn--eckwd4c7c.xn--zckzah", "https://user:pw@host:99999/", "  https://a.example/?q=あ#f  ",
		"\x00\xff", "//x.example", "./saved/page.html", "https://shop,example.jp", "javascript:alert(1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, parse := range []func(string) (Target, error){ParseTarget, ParseNameTarget} {
			tg, err := parse(raw)
			switch {
			case err != nil:
			case tg.URL == nil && tg.Path == "":
				t.Fatalf("%q: no error, yet neither a URL nor a path: %+v", raw, tg)
			case tg.URL != nil && (tg.URL.Hostname() == "" || tg.URL.Scheme != "http" && tg.URL.Scheme != "https"):
				t.Fatalf("%q: parsed to %q, which has no host or is not http(s)", raw, tg.URL)
			}
		}
	})
}
