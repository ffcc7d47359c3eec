package rules

import (
	"mime"
	"net/url"
	"path"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// downloadRule is the sign of a site handing out an app or a program.
func downloadRule() Rule {
	return Rule{
		ID: "download-app", Severity: High, Points: 30, Topic: "phishing", NeedsPage: false,
		Summary: Text{
			JA: "Androidアプリ（APK）や実行ファイル（.exe など）・構成プロファイルを公式ストア以外から配布している（対象URL自体やリダイレクト先を含む）",
			EN: "the site hands out an Android package (APK), an executable (.exe, …) or a configuration profile outside the official app stores (the target itself or a redirect included)",
		},
		Message: Text{
			JA: "アプリやプログラムのファイルを直接配布しています。公式ストア以外から入手したアプリはインストールしないでください",
			EN: "this site hands out an app or program file directly; do not install apps obtained outside the official stores",
		},
		Check: checkDownload,
	}
}

// downloadScriptURL finds quoted URLs of downloadable files in scripts and
// meta refresh tags (pages that start the download themselves).
var downloadScriptURL = shopMustRe(`(?i)["'=]\s*((?:https?:)?[^\s"'<>()]{0,300}\.(?:apk|xapk|apks|ipa|mobileconfig|exe|msi|dmg|pkg|scr|bat|jar|hta|vbs))(?:[?#][^\s"'<>]*)?["'\s;]`)

// downloadCommonTypes are Content-Types as servers commonly send them,
// each with the media type mime.ParseMediaType gives for it: asked once,
// of the parse itself, so that a page served with one of them is answered
// without the map of parameters the parse makes every time.
var downloadCommonTypes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, base := range []string{"text/html", "application/xhtml+xml", "text/plain"} {
		for _, params := range []string{"", "; charset=utf-8", "; charset=UTF-8", ";charset=utf-8", ";charset=UTF-8",
			"; charset=shift_jis", "; charset=Shift_JIS", "; charset=euc-jp", "; charset=EUC-JP", "; charset=iso-8859-1"} {
			ct := base + params
			mt, _, _ := mime.ParseMediaType(ct)
			m[ct] = mt
		}
	}
	return m
})

// downloadMediaType is the media type of a Content-Type as
// mime.ParseMediaType gives it (errors ignored).
func downloadMediaType(contentType string) string {
	if mt, ok := downloadCommonTypes()[contentType]; ok {
		return mt
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt
}

// checkDownload looks at the target URL and its redirects, the content type
// of each page read, the links on the pages, and download URLs in their
// scripts and meta refresh tags.
func checkDownload(site *Site) []Finding {
	d := phishData().download
	var out []Finding
	add := func(u, where, kind string, full bool) {
		f := Finding{Evidence: Clip(u, 150), URL: where}
		if !full {
			f.Severity, f.Points = Medium, 15
		}
		f.Message = downloadMessage(kind)
		out = append(out, f)
	}
	// The target itself, or a redirect, is a download.
	for _, u := range append(append([]string{}, site.Redirects...), site.URL) {
		if ext, kind := downloadExt(u, d); kind != "" {
			add(u, u, ext, true)
		}
	}
	for _, p := range site.Pages {
		ct := strings.ToLower(downloadMediaType(p.ContentType))
		ext, kind := downloadExt(p.URL, d)
		switch {
		case phishHas(d["content-type"], ct):
			add(p.URL+" ("+ct+")", p.URL, downloadKindOfType(ct, ext), true)
			continue
		case kind != "" && ct != "text/html" && ct != "application/xhtml+xml":
			add(p.URL+" ("+ct+")", p.URL, ext, true)
			continue
		}
		for _, l := range p.Links {
			if !downloadMaybe(l.Href, d) || downloadStore(l.Href, d) {
				continue
			}
			if ext, kind := downloadExt(l.Href, d); kind != "" {
				ev := l.Href
				if l.Text != "" {
					ev = l.Text + " → " + l.Href
				}
				add(ev, p.URL, ext, kind == "strong")
			}
		}
		var found []string
		scripts, read := 0, 0
		phishWalk(p, func(n *html.Node) bool {
			var src string
			switch n.Data {
			case "script":
				scripts++
				if c := n.FirstChild; c != nil && c.Type == html.TextNode {
					src = c.Data
				}
			case "meta":
				if !strings.EqualFold(phishAttr(n, "http-equiv"), "refresh") {
					return true
				}
				src = "=" + phishAttr(n, "content") + " "
			default:
				return true
			}
			if len(src) > downloadScriptBytes {
				src = src[:downloadScriptBytes]
			}
			read += len(src)
			if downloadMaybe(src, d) {
				for _, m := range downloadScriptURL.FindAllStringSubmatch(src, 5) {
					found = append(found, m[1])
				}
			}
			return scripts < downloadScripts && read < downloadScriptTotal
		})
		for _, raw := range found {
			u := raw
			if base, err := url.Parse(p.URL); err == nil {
				if r, err := base.Parse(raw); err == nil {
					u = r.String()
				}
			}
			if downloadStore(u, d) {
				continue
			}
			if ext, kind := downloadExt(u, d); kind != "" {
				add("script: "+u, p.URL, ext, true)
			}
		}
	}
	return out
}

// How much script a page is searched for download URLs: enough for every
// loader seen in smishing kits, bounded for hostile pages.
const (
	downloadScripts     = 500
	downloadScriptBytes = 200000
	downloadScriptTotal = 2 << 20
)

// downloadMaybe reports whether s (a URL or a script) has a dot followed by
// one of the file extensions: the cheap test before parsing it.
func downloadMaybe(s string, d map[string][]string) bool {
	exts := downloadExts()
	for i := strings.IndexByte(s, '.'); i >= 0; {
		j := i + 1
		for j < len(s) && j-i <= 12 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
			j++
		}
		if j > i+1 && exts[strings.ToLower(s[i+1:j])] {
			return true
		}
		k := strings.IndexByte(s[i+1:], '.')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// downloadExts is the set of the extensions of both kinds.
var downloadExts = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	d := phishData().download
	for _, sec := range []string{"strong", "installer"} {
		for _, ext := range d[sec] {
			m[ext] = true
		}
	}
	return m
})

// downloadExt returns the file extension of a URL's path (or of a query
// value such as ?file=app.apk) and whether it is a "strong" or an
// "installer" kind; "" when it is neither.
func downloadExt(raw string, d map[string][]string) (string, string) {
	if downloadPlainExts() && downloadPlainURL(raw) && !downloadMaybe(raw, d) {
		// Without escapes the path and query values are parts of raw as
		// written, so an extension of the list would stand in it as
		// ".ext" followed by a non-alphanumeric byte or the end, which
		// downloadMaybe looks for: most URLs need no parsing.
		return "", ""
	}
	return downloadExtParsed(raw, d)
}

// downloadPlainExts reports whether every extension of both kinds is
// made of at most 12 lower-case letters and digits, as downloadMaybe
// reads them (the list is data people extend).
var downloadPlainExts = sync.OnceValue(func() bool {
	for ext := range downloadExts() {
		if len(ext) == 0 || len(ext) > 12 || strings.Trim(ext, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return false
		}
	}
	return true
})

// downloadPlainURL reports whether raw is ASCII without % or + (which
// unescaping changes), so that every candidate of downloadExtParsed is a
// part of raw as written, lower-cased the ASCII way (strings.ToLower
// turns the Kelvin sign into k).
func downloadPlainURL(raw string) bool {
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c >= 0x80 || c == '%' || c == '+' {
			return false
		}
	}
	return true
}

// downloadExtParsed is downloadExt parsing the URL.
func downloadExtParsed(raw string, d map[string][]string) (string, string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", ""
	}
	cands := []string{u.Path}
	for _, vs := range u.Query() {
		cands = append(cands, vs...)
	}
	for _, c := range cands {
		ext := strings.TrimPrefix(strings.ToLower(path.Ext(c)), ".")
		if ext == "" {
			continue
		}
		if phishHas(d["strong"], ext) {
			return ext, "strong"
		}
		if phishHas(d["installer"], ext) {
			return ext, "installer"
		}
	}
	return "", ""
}

// downloadStore reports whether a link goes to an official app store.
func downloadStore(raw string, d map[string][]string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	for _, s := range d["store"] {
		if phishUnder(h, s) {
			return true
		}
	}
	return false
}

// downloadKindOfType gives the extension that a content type stands for.
func downloadKindOfType(ct, ext string) string {
	switch ct {
	case "application/vnd.android.package-archive":
		return "apk"
	case "application/x-apple-aspen-config":
		return "mobileconfig"
	}
	if ext != "" {
		return ext
	}
	return "exe"
}

// downloadMessage is the sign's message for a kind of file.
func downloadMessage(ext string) Text {
	switch ext {
	case "apk", "xapk", "apks", "apkm":
		return Text{
			JA: "Android用アプリ（APKファイル）を直接配布しています。宅配業者や銀行を装ってAPKを入れさせる手口があります。公式ストア（Google Play）以外のアプリはインストールしないでください",
			EN: "this site hands out an Android app (APK) directly; fake delivery and bank messages use this to install malware. Do not install apps from outside Google Play",
		}
	case "mobileconfig":
		return Text{
			JA: "iPhone用の構成プロファイルを配布しています。インストールすると通信や設定を乗っ取られるおそれがあります",
			EN: "this site hands out an iPhone configuration profile; installing it can let others take over the phone's settings and traffic",
		}
	case "ipa":
		return Text{
			JA: "iPhone用アプリ（IPAファイル）を App Store 以外から配布しています",
			EN: "this site hands out an iPhone app (IPA) outside the App Store",
		}
	}
	return Text{
		JA: "実行ファイル（." + ext + "）を配布しています。開くとウイルスに感染するおそれがあります",
		EN: "this site hands out a program file (." + ext + "); opening it can infect the computer",
	}
}
