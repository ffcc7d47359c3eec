package checker

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/shopcheck/shopcheck/rules"
)

// maxLocalFiles bounds how many saved pages of one folder are read.
const maxLocalFiles = 50

// savedFrom finds the address a browser noted when saving a page
// (<!-- saved from url=(0042)https://... -->).
var savedFrom = regexp.MustCompile(`(?i)<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->`)

// loadLocal reads a saved page, or a folder of them scored as one site
// (index.html first). The site's URL is where the page says it was saved
// from (a browser's "saved from" note, <link rel=canonical> or og:url), so
// that domain and brand signs work on saved pages too; a page that says
// nothing of its origin, or asks for secrets while its own tags claim a
// brand's or a government's domain, is scored on its content alone.
func (c *Checker) loadLocal(t Target) (*rules.Site, []PageInfo, error) {
	files, err := localFiles(t.Path)
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, Errorf(CodeInvalidTarget, "%s holds no .html files", t.Path)
	}
	var site *rules.Site
	var infos []PageInfo
	for i, name := range files {
		body, truncated, err := readFileCapped(name, c.opts.MaxBody)
		if err != nil {
			return nil, nil, &Error{Code: CodeRead, Msg: "reading " + name, Err: err}
		}
		text, _ := Decode(body, "")
		fileURL := (&url.URL{Scheme: "file", Path: absPath(name)}).String()
		pageURL := fileURL
		var page *rules.Page
		if i == 0 {
			origin, claimed := originOf(text)
			if origin != nil {
				pageURL = origin.String()
				page = rules.NewPage(pageURL, 200, "text/html", text, truncated)
				if claimed && rules.OfficialHost(c.opts.Data, origin.Hostname()) && rules.AsksForSecrets(page) {
					// The page's own canonical or og:url names a brand's
					// or a government's domain and the page asks for
					// secrets: a kit copies those tags from the real page
					// it clones, so the claim cannot clear it. The page is
					// read as one whose origin is unknown.
					origin, pageURL, page = nil, fileURL, nil
				}
			}
			if origin != nil {
				site, _ = SiteForURL(t.Raw, origin, c.opts.Data)
			}
			if site == nil {
				site = rules.NewSite()
				site.Target, site.URL, site.Data = t.Raw, fileURL, c.opts.Data
			}
		}
		// A page saved from a site is parsed as at its origin, so that its
		// links resolve to the site's pages (the crawl and the link signs
		// need them so), but the evidence names the file that was read.
		// Nothing is derived from page.URL before the signs run, so it can
		// be set after parsing.
		if page == nil {
			page = rules.NewPage(pageURL, 200, "text/html", text, truncated)
		}
		if pageURL != fileURL {
			page.URL = fileURL
		}
		site.Pages = append(site.Pages, page)
		sum := sha256.Sum256(body)
		infos = append(infos, PageInfo{URL: fileURL, Status: 200, ContentType: "text/html",
			Bytes: len(body), Truncated: truncated, SHA256: hex.EncodeToString(sum[:])})
	}
	return site, infos, nil
}

// localFiles lists the pages of a local target, the main page first.
func localFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Errorf(CodeInvalidTarget, "no such file or folder: %s", path) // the same words on every system
		}
		return nil, &Error{Code: CodeInvalidTarget, Msg: "opening " + path, Err: err}
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasSuffix(d.Name(), "_files") {
			return filepath.SkipDir // a browser's folder of page assets
		}
		l := strings.ToLower(d.Name())
		if !d.IsDir() && (strings.HasSuffix(l, ".html") || strings.HasSuffix(l, ".htm")) && regularFile(p) {
			files = append(files, p)
		}
		if len(files) >= maxLocalFiles {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil {
		return nil, &Error{Code: CodeRead, Msg: "listing " + path, Err: err}
	}
	sort.SliceStable(files, func(i, j int) bool {
		return rankLocal(path, files[i]) < rankLocal(path, files[j])
	})
	return files, nil
}

// rankLocal puts index.html at the top of a folder first.
func rankLocal(dir, p string) string {
	rel, _ := filepath.Rel(dir, p)
	l := strings.ToLower(rel)
	if l == "index.html" || l == "index.htm" {
		return "0"
	}
	return "1" + l
}

// regularFile reports whether p is (or links to) a regular file: a named
// pipe among saved pages would make its reading wait for a writer, with no
// deadline, and a device never ends.
func regularFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func readFileCapped(name string, limit int64) ([]byte, bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(b)) > limit {
		return b[:limit], true, nil
	}
	return b, false, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.ToSlash(a)
	}
	return filepath.ToSlash(p)
}

var (
	canonicalLink = regexp.MustCompile(`(?is)<link\b[^>]*\brel=["']?canonical["']?[^>]*>`)
	ogURL         = regexp.MustCompile(`(?is)<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*>`)
	hrefAttr      = regexp.MustCompile(`(?is)\b(?:href|content)=["']?(https?://[^"'\s>]+)`)
)

// originOf returns the URL a saved page came from, or nil, and whether
// the page claims it itself (canonical, og:url) rather than the browser
// that saved it noting it ("saved from").
func originOf(text string) (*url.URL, bool) {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	var raw string
	claimed := false
	if m := savedFrom.FindStringSubmatch(head); m != nil {
		raw = m[1]
	} else {
		for _, re := range []*regexp.Regexp{canonicalLink, ogURL} {
			if tag := re.FindString(head); tag != "" {
				if m := hrefAttr.FindStringSubmatch(tag); m != nil {
					raw, claimed = m[1], true
					break
				}
			}
		}
	}
	if raw == "" {
		return nil, false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, false
	}
	return u, claimed
}
