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
