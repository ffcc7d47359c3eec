package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalMaxBody: a saved page is read up to --max-body, as a fetched
// one is, and marked truncated beyond.
func TestLocalMaxBody(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(name, []byte("<html><body><p>"+strings.Repeat("あ", 3000)+"</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := New(Options{MaxBody: 2048}, nil, nil, nil).Check(context.Background(), name)
	if len(res.Pages) != 1 || !res.Pages[0].Truncated || res.Pages[0].Bytes != 2048 {
		t.Errorf("pages %+v, want one of 2048 bytes, truncated", res.Pages)
	}
	if res = New(Options{}, nil, nil, nil).Check(context.Background(), name); len(res.Pages) != 1 || res.Pages[0].Truncated {
		t.Errorf("default limit: pages %+v, want the whole page", res.Pages)
	}
}

// TestLocalScriptBuilt: a saved page whose words a script draws (an empty
// app root, a "turn JavaScript on" line) is marked script_built, as a
// fetched one is; a saved page with its words is not.
func TestLocalScriptBuilt(t *testing.T) {
	dir := t.TempDir()
	stub := filepath.Join(dir, "spa.html")
	page := filepath.Join(dir, "shop.html")
	if err := os.WriteFile(stub, []byte(`<!DOCTYPE html><html><head><title>Brand Outlet</title><script src="/static/app.js" defer></script></head><body><div id="app"></div><noscript>JavaScriptを有効にしてください</noscript></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(`<html><head><script src="/a.js"></script></head><body><h1>手作り雑貨の店</h1><p>いつもご利用ありがとうございます。お支払い方法：クレジットカード、コンビニ払い、代金引換</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := New(Options{}, nil, nil, nil)
	if res := c.Check(context.Background(), stub); !res.ScriptBuilt {
		t.Errorf("a saved script stub: script_built false")
	}
	if res := c.Check(context.Background(), page); res.ScriptBuilt {
		t.Errorf("a saved page with its words: script_built true")
	}
}

// TestLocalDisclosureImage: a result names the disclosure page drawn as an
// image (disclosure_image), whose fields were not read.
func TestLocalDisclosureImage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<html><head><title>手作り工房</title></head><body><h1>手作り工房</h1><p>粉引のマグカップ 3,300円</p><p><a href="law.html">特定商取引法に基づく表記</a></p></body></html>`)
	write("law.html", `<html><head><title>特定商取引法に基づく表記</title></head><body><h1>特定商取引法に基づく表記</h1><img src="tokushoho.png" alt="" width="800" height="1200"></body></html>`)
	res := New(Options{}, nil, nil, nil).Check(context.Background(), dir)
	if !strings.HasSuffix(res.DisclosureImage, "/law.html") {
		t.Errorf("disclosure_image = %q, want the law page", res.DisclosureImage)
	}
}

// TestLocalDisclosureNotSaved: a saved page that links to its seller
// disclosure without it beside names the page it did not read (rev25 p39
// page39: a transfer-only shop low 25, its disclosure unread and unsaid);
// the same page saved with its disclosure in a folder names none.
func TestLocalDisclosureNotSaved(t *testing.T) {
	dir := t.TempDir()
	top := `<html><head><title>ペット用品ストア</title></head><body><p>キャットタワー 4,980円</p><p>お支払いは銀行振込(前払い)のみとなります。</p><footer><a href="tokusho.html">特定商取引法に基づく表記</a></footer></body></html>`
	law := `<html><head><title>特定商取引法に基づく表記</title></head><body><h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社ペットライフ</p><p>所在地：東京都港区芝公園4-2-8</p><p>電話番号：03-6100-1002</p></body></html>`
	alone := filepath.Join(dir, "alone", "index.html")
	both := filepath.Join(dir, "both")
	for p, body := range map[string]string{alone: top, filepath.Join(both, "index.html"): top, filepath.Join(both, "tokusho.html"): law} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := New(Options{}, nil, nil, nil)
	res := c.Check(context.Background(), alone)
	if len(res.Unread) != 1 || res.Unread[0].Code != CodeNotSaved || !strings.HasSuffix(res.Unread[0].URL, "tokusho.html") {
		t.Errorf("the page alone: unread %+v, want the disclosure, not saved", res.Unread)
	}
	if res := c.Check(context.Background(), both); len(res.Unread) != 0 {
		t.Errorf("the page with its disclosure: unread %+v, want none", res.Unread)
	}
	// p47: a folder whose first page was saved from a site: its link to
	// the disclosure is that site's address, the disclosure is the
	// folder's file of that name.
	folder := filepath.Join(dir, "folder")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"index.html": "<!-- saved from url=(0026)https://pet-life.example/ -->\n" + top, "tokusho.html": law} {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if res := c.Check(context.Background(), folder); len(res.Unread) != 0 || len(res.Pages) != 2 {
		t.Errorf("a saved folder with its disclosure: unread %+v, %d pages", res.Unread, len(res.Pages))
	}
	// p43 page40: a saved page's link to its own section (#tokusho)
	// resolves against the address it was saved from: the page itself.
	section := filepath.Join(dir, "section.html")
	page := `<!-- saved from url=(0027)https://okome-tokusen.shop/ -->
<html><head><title>お米の特選</title></head><body><nav><a href="#tokusho">特定商取引法に基づく表記</a></nav><p>コシヒカリ 5kg 2,980円</p>
<section id="tokusho"><h2>特定商取引法に基づく表記</h2><p>販売業者：株式会社特選米穀</p><p>所在地：新潟県長岡市大手通1-1</p><p>電話番号：0258-30-1111</p></section></body></html>`
	if err := os.WriteFile(section, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := c.Check(context.Background(), section); res.URL != "https://okome-tokusen.shop/" || len(res.Unread) != 0 {
		t.Errorf("a link to the page's own section: url %q unread %+v, want none", res.URL, res.Unread)
	}
}

// TestLocalFileNameIsNoHost: a saved page's file name is no host to judge
// (p47: 「yucho_login.html」, an honest saved login page without the
// browser's note, was high 60 on domain-lookalike of its file name).
func TestLocalFileNameIsNoHost(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	body := `<html><head><title>お知らせ</title></head><body><p>営業時間のお知らせです。</p></body></html>`
	for _, name := range []string{"smbc-card-login.html", "yucho-login.html", "amazon-co-jp.warc.html"} {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		res := New(Options{}, nil, nil, nil).Check(context.Background(), name)
		for _, s := range res.Signs {
			if s.ID == "domain-lookalike" {
				t.Errorf("%s: domain-lookalike on the file's name: %s", name, s.Evidence)
			}
		}
	}
}
