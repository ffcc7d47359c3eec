package checker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTarget(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "shop.html")
	warc := filepath.Join(dir, "x.warc.gz")
	other := filepath.Join(dir, "notes.txt")
	// A browser names a saved page after its title, spaces and all.
	titled := filepath.Join(dir, "Vpass ログイン - 三井住友カード.html")
	for _, f := range []string{page, warc, other, titled} {
		if err := os.WriteFile(f, []byte("<p>x</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A folder named like a domain (wget --mirror's) does not hide the
	// live site: the bare name is checked on the web, ./name is the folder.
	mirror := filepath.Join(dir, "fake-shop.jp")
	if err := os.Mkdir(mirror, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	tests := []struct {
		in       string
		kind     TargetKind
		url      string
		bare     bool
		wantCode string
		path     string
	}{
		{in: "https://shop.example.jp/item?id=1", kind: TargetURL, url: "https://shop.example.jp/item?id=1"},
		{in: "HTTP://Shop.Example.jp/", kind: TargetURL, url: "http://Shop.Example.jp/"},
		{in: "  example.jp  ", kind: TargetURL, url: "https://example.jp", bare: true},
		{in: "example.co.jp/law.html", kind: TargetURL, url: "https://example.co.jp/law.html", bare: true},
		{in: "例え.jp", kind: TargetURL, url: "https://xn--r8jz45g.jp", bare: true},
		{in: "127.0.0.1:8080", kind: TargetURL, url: "https://127.0.0.1:8080", bare: true},
		// A name without a dot and a port is an address, not a folder.
		{in: "localhost:8080/index.html", kind: TargetURL, url: "https://localhost:8080/index.html", bare: true},
		{in: "localhost:8080/shop/item.html?id=1#top", kind: TargetURL, url: "https://localhost:8080/shop/item.html?id=1#top", bare: true},
		{in: "localhost:8080?x=1", kind: TargetURL, url: "https://localhost:8080?x=1", bare: true},
		{in: "shop/item.html", wantCode: CodeInvalidTarget}, // a missing file
		{in: "localhost:99999/index.html", wantCode: CodeInvalidTarget},
		{in: "about:blank", wantCode: CodeUnsupportedScheme},
		{in: "tel:0312345678/x.html", wantCode: CodeInvalidTarget},
		{in: page, kind: TargetLocal},
		{in: dir, kind: TargetLocal},
		{in: warc, kind: TargetWARC},
		{in: other, wantCode: CodeInvalidTarget},
		{in: "", wantCode: CodeInvalidTarget},
		{in: "not a url", wantCode: CodeInvalidTarget},
		{in: "localhostish", wantCode: CodeInvalidTarget},
		{in: "ftp://example.jp/file", wantCode: CodeUnsupportedScheme},
		{in: "javascript:alert(1)", wantCode: CodeUnsupportedScheme},
		{in: "mailto:shop@example.jp", wantCode: CodeUnsupportedScheme},
		{in: "https://", wantCode: CodeInvalidTarget},
		{in: "https://exa<mple.jp/", wantCode: CodeInvalidTarget},
		{in: "https://example.jp:99999/", wantCode: CodeInvalidTarget},
		{in: "./missing.html", wantCode: CodeInvalidTarget},
		{in: "missing.html", wantCode: CodeInvalidTarget}, // not the host missing.html
		{in: "保存したページ.htm", wantCode: CodeInvalidTarget},
		{in: "fake-shop.jp", kind: TargetURL, url: "https://fake-shop.jp", bare: true},
		{in: "./fake-shop.jp", kind: TargetLocal},
		{in: "fake-shop.jp/", kind: TargetLocal},
		// Addresses as they come out of chats, mails, reports and sheets.
		{in: "「https://shop.example.jp/item」", kind: TargetURL, url: "https://shop.example.jp/item"},
		{in: "https://shop.example.jp/item。", kind: TargetURL, url: "https://shop.example.jp/item"},
		{in: "«https://shop.example.jp/item»", kind: TargetURL, url: "https://shop.example.jp/item"},
		// rev24 QA: hosts that are no names are refused before a request.
		{in: "http://xn--zz.example/ok", wantCode: CodeInvalidTarget},
		{in: "a..b.example", wantCode: CodeInvalidTarget},
		{in: "„shop.example.jp“", kind: TargetURL, url: "https://shop.example.jp", bare: true},
		{in: "<https://shop.example.jp/>", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "\"shop.example.jp\",", kind: TargetURL, url: "https://shop.example.jp", bare: true},
		{in: "ｈｔｔｐｓ：／／ｓｈｏｐ．ｅｘａｍｐｌｅ．ｊｐ／", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "hxxps://shop[.]example[.]jp/login", kind: TargetURL, url: "https://shop.example.jp/login"},
		{in: "https://shop.example.jp/\t通報 3件", kind: TargetURL, url: "https://shop.example.jp/"},
		// rev25 audit and QA: a note with a colon or a URL after a tab, and
		// zero-width spaces copied with the address.
		{in: "https://shop.example.jp/\tメモ: 通報あり", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "https://shop.example.jp/\tsee http://other.example.jp/", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "https://exa mple.jp/\tメモ: x", wantCode: CodeInvalidTarget},
		{in: "\u200Bhttps://shop.example.jp/", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "https://shop.example.jp:8443\u200B/a\u200B", kind: TargetURL, url: "https://shop.example.jp:8443/a"},
		{in: "https://shop.example.jp/　メモ", kind: TargetURL, url: "https://shop.example.jp/"},
		{in: "ｈｔｔｐｓ：／／ｓｈｏｐ．ｅｘａｍｐｌｅ．ｊｐ／商品（新品）", kind: TargetURL, url: "https://shop.example.jp/%E5%95%86%E5%93%81%EF%BC%88%E6%96%B0%E5%93%81%EF%BC%89"},
		{in: "ｓｈｏｐ．ｅｘａｍｐｌｅ．ｊｐ／ａ", kind: TargetURL, url: "https://shop.example.jp/%EF%BD%81", bare: true},
		{in: "https://shop.example.jp/a b", wantCode: CodeInvalidTarget},
		{in: "hxxpress.example.jp", kind: TargetURL, url: "https://hxxpress.example.jp", bare: true},
		{in: "hxxps[://]shop[.]example[.]jp/login", kind: TargetURL, url: "https://shop.example.jp/login"},
		{in: "hxxp[:]//shop[.]example[.]jp/", kind: TargetURL, url: "http://shop.example.jp/"},
		// The same spellings as a link in a message (one refang for both).
		{in: "hxxps://shop[dot]example(dot)jp/login", kind: TargetURL, url: "https://shop.example.jp/login"},
		{in: "https://ja.wikipedia.org/wiki/Foo_(bar)", kind: TargetURL, url: "https://ja.wikipedia.org/wiki/Foo_(bar)"},
		{in: "(https://shop.example.jp/a)", kind: TargetURL, url: "https://shop.example.jp/a"},
		{in: "http://[::1]:8080/", kind: TargetURL, url: "http://[::1]:8080/"},
		{in: "2001:db8::1", kind: TargetURL, bare: true, url: "https://[2001:db8::1]"}, // a bare IPv6 address is a host
		{in: "[2001:db8::1]", kind: TargetURL, bare: true, url: "https://[2001:db8::1]"},
		{in: "https://a.example.jp/ https://b.example.jp/", wantCode: CodeInvalidTarget},
		{in: "amazon.co,jp", wantCode: CodeInvalidTarget},
		{in: "https://" + strings.Repeat("a.", 130) + "com/", wantCode: CodeInvalidTarget},
		{in: "https://shop!.example.jp/", wantCode: CodeInvalidTarget},
		// p44: a saved page named after its title; file:// URLs, as
		// results name local pages.
		{in: titled, kind: TargetLocal, path: titled},
		{in: "Vpass ログイン - 三井住友カード.html", kind: TargetLocal, path: "Vpass ログイン - 三井住友カード.html"},
		{in: "file://" + filepath.ToSlash(page), kind: TargetLocal, path: page},
		{in: "file://" + strings.ReplaceAll(filepath.ToSlash(titled), " ", "%20"), kind: TargetLocal, path: titled},
		{in: "file://localhost" + filepath.ToSlash(warc), kind: TargetWARC, path: warc},
		{in: "file://" + filepath.ToSlash(dir) + "/missing.html", wantCode: CodeInvalidTarget},
		{in: "file://evil.example/shop.html", wantCode: CodeInvalidTarget},
		{in: "Vpass ログイン.html", wantCode: CodeInvalidTarget}, // no such file: white space in a name
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		if tt.wantCode != "" {
			if err == nil {
				t.Errorf("ParseTarget(%q) = %+v, want error %s", tt.in, got, tt.wantCode)
			} else if c := CodeOf(err); c != tt.wantCode {
				t.Errorf("ParseTarget(%q) error code %s (%v), want %s", tt.in, c, err, tt.wantCode)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.in, err)
			continue
		}
		if got.Kind != tt.kind || got.Bare != tt.bare {
			t.Errorf("ParseTarget(%q) = kind %v bare %v, want %v %v", tt.in, got.Kind, got.Bare, tt.kind, tt.bare)
		}
		if tt.url != "" && (got.URL == nil || got.URL.String() != tt.url) {
			t.Errorf("ParseTarget(%q).URL = %v, want %s", tt.in, got.URL, tt.url)
		}
		if tt.path != "" && got.Path != tt.path {
			t.Errorf("ParseTarget(%q).Path = %q, want %q", tt.in, got.Path, tt.path)
		}
	}
}

// BenchmarkParseTarget is what every line of a URL list costs before its
// check starts.
func BenchmarkParseTarget(b *testing.B) {
	for b.Loop() {
		if _, err := ParseTarget("http://shop12.example.jp:8080/item/1234?n=5"); err != nil {
			b.Fatal(err)
		}
	}
}
