package rules

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Page is one fetched page, decoded to UTF-8 and parsed once, with the parts
// most rules need taken out in advance so that scoring costs little more
// than parsing.
type Page struct {
	URL         string
	Status      int
	ContentType string
	Truncated   bool
	// Doc is the parsed document; nil when the page is not HTML.
	Doc *goquery.Document
	// Title is the <title>, NFKC-normalised.
	Title string
	// Text is the visible text, NFKC-normalised, one line per block element,
	// runs of white space folded to one space.
	Text string
	// Lines is Text split into its lines (no empty ones).
	Lines []string
	// Headings holds the text of h1-h3 elements.
	Headings []string
	Links    []Link
	Images   []Image
	Forms    []Form
}

// Link is an <a href> (or <area>) with its text.
type Link struct {
	Href string // absolute where it could be resolved
	Text string // NFKC-normalised text, or the alt/title of an image inside
	// Image is true when the link wraps an image (a product photo, a banner).
	Image bool
}

// Image is an <img>.
type Image struct {
	Src string // absolute where it could be resolved
	Alt string
}

// Form is a <form>, or the inputs found outside any form (Orphan).
type Form struct {
	Action string // absolute; the page URL when empty
	Method string // lower case; "get" when empty
	Orphan bool
	Inputs []Input
}

// Input is one field of a form.
type Input struct {
	Tag          string // input, select, textarea
	Type         string // lower case; "text" when empty
	Name         string
	ID           string
	Placeholder  string
	Autocomplete string
	// Label is the text of the <label> for it, or the text just before it.
	Label string
}

var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "tr": true, "td": true, "th": true, "ul": true, "option": true,
	"button": true, "label": true, "caption": true, "title": true, "center": true,
}

var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "svg": true, "iframe": true, "object": true,
}

// NFKC normalises s the way page text is normalised (full-width letters
// and digits to ASCII, half-width kana to full-width).
func NFKC(s string) string { return norm.NFKC.String(s) }

// NewPage parses body (already decoded to UTF-8) as the HTML page found at
// pageURL. A body that is not HTML still yields a page with its text.
func NewPage(pageURL string, status int, contentType, body string, truncated bool) *Page {
	p := &Page{URL: pageURL, Status: status, ContentType: contentType, Truncated: truncated}
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		p.Text = NFKC(body)
		p.Lines = splitLines(p.Text)
		return p
	}
	p.Doc = goquery.NewDocumentFromNode(root)
	base, _ := url.Parse(pageURL)
	if b, ok := p.Doc.FindMatcher(pageSel.base).First().Attr("href"); ok && base != nil {
		if u, err := base.Parse(strings.TrimSpace(b)); err == nil {
			base = u
		}
	}
	abs := func(ref string) string {
		ref = strings.TrimSpace(ref)
		if base == nil {
			return ref
		}
		u, err := base.Parse(ref)
		if err != nil {
			return ref
		}
		return u.String()
	}
	p.Title = fold(NFKC(p.Doc.FindMatcher(pageSel.title).First().Text()))

	var sb strings.Builder
	walkText(root, &sb)
	p.Text = NFKC(sb.String())
	p.Lines = splitLines(p.Text)
	p.Text = strings.Join(p.Lines, "\n")
	if len(p.Lines) > 0 {
		// The lines as slices of Text (they hold no newline and none is
		// empty): one copy of a big page's text is kept, not two.
		p.Lines = strings.Split(p.Text, "\n")
	}

	p.Doc.FindMatcher(pageSel.headings).Each(func(_ int, s *goquery.Selection) {
		if t := fold(NFKC(s.Text())); t != "" {
			p.Headings = append(p.Headings, t)
		}
	})
	p.Doc.FindMatcher(pageSel.links).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		text := fold(NFKC(s.Text()))
		imgs := s.FindMatcher(pageSel.img)
		if text == "" {
			imgs.Each(func(_ int, im *goquery.Selection) {
				alt, _ := im.Attr("alt")
				text += alt
			})
			if text == "" {
				text, _ = s.Attr("title")
			}
			text = fold(NFKC(text))
		}
		p.Links = append(p.Links, Link{Href: abs(href), Text: text, Image: imgs.Length() > 0})
	})
	p.Doc.FindMatcher(pageSel.img).Each(func(_ int, s *goquery.Selection) {
		src, _ := s.Attr("src")
		if src == "" {
			src, _ = s.Attr("data-src")
		}
		alt, _ := s.Attr("alt")
		if src == "" {
			return
		}
		p.Images = append(p.Images, Image{Src: abs(src), Alt: fold(NFKC(alt))})
	})
	p.Forms = parseForms(p.Doc, pageURL, abs)
	return p
}

// pageSel holds the parser's CSS selectors, compiled once: compiling one
// costs more than matching it against a small page.
var pageSel = struct {
	base, title, headings, links, img, labelFor, label, form, fields cascadia.Selector
}{
	base:     cascadia.MustCompile("base[href]"),
	title:    cascadia.MustCompile("title"),
	headings: cascadia.MustCompile("h1,h2,h3"),
	links:    cascadia.MustCompile("a[href],area[href]"),
	img:      cascadia.MustCompile("img"),
	labelFor: cascadia.MustCompile("label[for]"),
	label:    cascadia.MustCompile("label"),
	form:     cascadia.MustCompile("form"),
	fields:   cascadia.MustCompile("input,select,textarea"),
}

func parseForms(doc *goquery.Document, pageURL string, abs func(string) string) []Form {
	labels := map[string]string{}
	doc.FindMatcher(pageSel.labelFor).Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("for")
		labels[id] = fold(NFKC(s.Text()))
	})
	input := func(s *goquery.Selection) Input {
		in := Input{Tag: goquery.NodeName(s)}
		in.Type = strings.ToLower(strings.TrimSpace(s.AttrOr("type", "")))
		if in.Type == "" {
			in.Type = "text"
			if in.Tag != "input" {
				in.Type = in.Tag
			}
		}
		in.Name = s.AttrOr("name", "")
		in.ID = s.AttrOr("id", "")
		in.Placeholder = NFKC(s.AttrOr("placeholder", ""))
		in.Autocomplete = strings.ToLower(s.AttrOr("autocomplete", ""))
		if l, ok := labels[in.ID]; ok && in.ID != "" {
			in.Label = l
		} else if pl := s.ParentsMatcher(pageSel.label).First(); pl.Length() > 0 {
			in.Label = fold(NFKC(pl.Text()))
		} else {
			in.Label = textBefore(s)
		}
		if in.Label == "" {
			in.Label = fold(NFKC(s.AttrOr("aria-label", s.AttrOr("title", ""))))
		}
		return in
	}
	var forms []Form
	doc.FindMatcher(pageSel.form).Each(func(_ int, f *goquery.Selection) {
		action := strings.TrimSpace(f.AttrOr("action", ""))
		form := Form{Method: strings.ToLower(strings.TrimSpace(f.AttrOr("method", "get")))}
		if action == "" {
			form.Action = pageURL
		} else {
			form.Action = abs(action)
		}
		f.FindMatcher(pageSel.fields).Each(func(_ int, s *goquery.Selection) {
			form.Inputs = append(form.Inputs, input(s))
		})
		forms = append(forms, form)
	})
	orphan := Form{Action: pageURL, Method: "get", Orphan: true}
	doc.FindMatcher(pageSel.fields).Each(func(_ int, s *goquery.Selection) {
		if s.ParentsMatcher(pageSel.form).Length() == 0 && s.AttrOr("form", "") == "" {
			orphan.Inputs = append(orphan.Inputs, input(s))
		}
	})
	if len(orphan.Inputs) > 0 {
		forms = append(forms, orphan)
	}
	return forms
}

// textBefore returns the text of the nearest preceding sibling (or the
// parent's preceding text) of an input, as a stand-in for a missing label.
func textBefore(s *goquery.Selection) string {
	for n, depth := s, 0; depth < 3 && n.Length() > 0; n, depth = n.Parent(), depth+1 {
		if prev := n.Prev(); prev.Length() > 0 {
			if t := fold(NFKC(prev.Text())); t != "" {
				return Clip(t, 60)
			}
		}
		for sib := n.Nodes[0].PrevSibling; sib != nil; sib = sib.PrevSibling {
			if sib.Type == html.TextNode {
				if t := fold(NFKC(sib.Data)); t != "" {
					return Clip(t, 60)
				}
			} else {
				break
			}
		}
	}
	return ""
}

func walkText(n *html.Node, sb *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		if n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key == "alt" && a.Val != "" {
					sb.WriteString(" ")
					sb.WriteString(a.Val)
					sb.WriteString(" ")
				}
			}
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		sb.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(c, sb)
	}
	if block {
		sb.WriteByte('\n')
	} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "span") {
		sb.WriteByte(' ')
	}
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = fold(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// fold trims s and folds runs of white space (including U+3000) to one space.
func fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
