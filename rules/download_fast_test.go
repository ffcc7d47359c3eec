package rules

import (
	"mime"
	"strings"
	"testing"
)

// TestDownloadExtFastAgrees checks downloadExt, which skips parsing URLs
// that cannot hold a listed extension, against parsing every URL: the
// links, images and URLs of every test page and URLs made to trip it.
func TestDownloadExtFastAgrees(t *testing.T) {
	d := phishData().download
	urls := []string{
		"https://x.example/app.apk", "https://x.example/APP.APK?x=1", "https://x.example/a?file=b.apk",
		"https://x.example/a?file=b.ap%6b", "https://x.example/a%2Eapk", "https://x.example/a?f=b.apk+", "https://x.example/a?f=b+.apk",
		"https://x.example/a.ap\u212a", "https://x.example/a.apk#frag", "https://x.example/a.apk;v=1", "https://x.example/a.apk/",
		"https://x.example/a.apkx", "https://x.example/a.xapk", "https://x.example/a.tar.exe", "  https://x.example/setup.EXE  ",
		"https://x.example/a.mobileconfig", "https://x.example/a.mobileconfigs", "app.apk", ".apk", "apk", "", "%", "+.apk",
		"https://x.example/?a=1&b=c.msi&d", "https://x.example/?a=1;b=c.msi", "https://x.example:8080/x.dmg?", "javascript:x.apk",
	}
	for _, p := range phTestdataPages(t) {
		urls = append(urls, p.URL)
		for _, l := range p.Links {
			urls = append(urls, l.Href)
		}
		for _, im := range p.Images {
			urls = append(urls, im.Src)
		}
	}
	fired := 0
	for _, u := range urls {
		ext, kind := downloadExt(u, d)
		wantExt, wantKind := downloadExtParsed(u, d)
		if ext != wantExt || kind != wantKind {
			t.Errorf("downloadExt(%q) = %q, %q; parsed %q, %q", u, ext, kind, wantExt, wantKind)
		}
		if kind != "" {
			fired++
		}
	}
	if fired < 10 {
		t.Errorf("only %d URLs with a download extension: the comparison proves little", fired)
	}
}

// TestDownloadMediaTypeAgrees checks downloadMediaType, which answers
// common Content-Types from a table, against mime.ParseMediaType: every
// table entry, the Content-Types of the test pages, and types near the
// table's (case, spaces, bad parameters) that must take the parse.
func TestDownloadMediaTypeAgrees(t *testing.T) {
	cts := []string{"", "text/html", "TEXT/HTML", " text/html ", "text/html;", "text/html; charset", "text/html; charset=",
		"text/html; charset=\"utf-8\"", "text/html; charset=utf-8; charset=utf-8", "text/html;; charset=utf-8",
		"application/vnd.android.package-archive", "application/octet-stream", "application/x-apple-aspen-config",
		"text/html; charset=utf-8 x", "text/html, text/plain", "text", "/html", "text/html\x00", "Text/Html; Charset=UTF-8"}
	for ct := range downloadCommonTypes() {
		cts = append(cts, ct, strings.ToUpper(ct), ct+";", ct+" ")
	}
	for _, p := range phTestdataPages(t) {
		cts = append(cts, p.ContentType)
	}
	hits := 0
	for _, ct := range cts {
		want, _, _ := mime.ParseMediaType(ct)
		if got := downloadMediaType(ct); got != want {
			t.Errorf("downloadMediaType(%q) = %q, mime.ParseMediaType says %q", ct, got, want)
		}
		if _, ok := downloadCommonTypes()[ct]; ok {
			hits++
		}
	}
	if hits < len(downloadCommonTypes()) {
		t.Errorf("only %d of the table's %d types were asked", hits, len(downloadCommonTypes()))
	}
}
