package rules

import (
	"mime"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
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
var downloadScriptURL = regexp.MustCompile(`(?i)["'=]\s*((?:https?:)?[^\s"'<>()]{0,300}\.(?:apk|xapk|apks|ipa|mobileconfig|exe|msi|dmg|pkg|scr|bat|jar|hta|vbs))(?:[?#][^\s"'<>]*)?["'\s;]`)

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
		ct, _, _ := mime.ParseMediaType(p.ContentType)
		ct = strings.ToLower(ct)
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
			if downloadStore(l.Href, d) {
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
		if p.Doc == nil {
			continue
		}
		var found []string
		p.Doc.Find("script,meta[http-equiv]").Each(func(_ int, s *goquery.Selection) {
			src := s.Text()
			if goquery.NodeName(s) == "meta" {
				if !strings.EqualFold(s.AttrOr("http-equiv", ""), "refresh") {
					return
				}
				src = "=" + s.AttrOr("content", "") + " "
			}
			if len(src) > 200000 {
				src = src[:200000]
			}
			for _, m := range downloadScriptURL.FindAllStringSubmatch(src, 5) {
				found = append(found, m[1])
			}
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

// downloadExt returns the file extension of a URL's path (or of a query
// value such as ?file=app.apk) and whether it is a "strong" or an
// "installer" kind; "" when it is neither.
func downloadExt(raw string, d map[string][]string) (string, string) {
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
			EN: "this site hands out an iPhone configuration profile; installing it can hand over the phone's settings and traffic",
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
