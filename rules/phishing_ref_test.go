package rules

import (
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// This file keeps, as a test oracle, the brand-presentation test as it was
// before it was made cheap (commit b77fd93): every brand tested against a
// view of the whole page. TestPhishPresentedAgrees checks that the fast
// path finds exactly what this finds. Only renamed (ref suffix); the
// helpers they call (occurrences, pure, phishH1, …) are shared.

func phishPresentedRef(p *Page, brands []phishBrand, host string) []phishPresentation {
	for _, pb := range brands {
		if pb.b.Official(host) {
			return nil
		}
	}
	v := newPhishPageViewRef(p, brands)
	var out []phishPresentation
	for _, pb := range brands {
		if pr, ok := v.presentedAsRef(pb); ok {
			out = append(out, pr)
		}
	}
	return out
}

// phishLineRef is a line with its lower-case form.
type phishLineRef struct{ text, lower string }

// phishPageViewRef is what of a page the presentation test reads, prepared
// once per page rather than once per brand, with the disguises of
// phishUnmask undone.
type phishPageViewRef struct {
	title    string
	titleSeg []phishLineRef
	h1       []phishLineRef // each h1, with its segments in h1Seg
	h1Seg    [][]phishLineRef
	login    []phishLineRef // headings with login wording, with their segments
	loginSeg [][]phishLineRef
	short    []phishLineRef // short lines: buttons, labels, captions
	mast     []phishLineRef // the first lines, when short: the masthead
	holders  []phishLineRef // copyright lines (text) and their holders (lower)
	logo     *Image         // the first image with alt text, unless it is one of a row of badges
	logoFile string         // the logo's source when its file name gave the brand (phishLogoFile)
	// titleOnlyService: the title names nobody but is login words only (a
	// logo may then present the page).
	titleOnlyService bool
	// hay is every text above, lower-cased, to skip brands quickly.
	hay string
	// namedSet holds the brands hay names, found in one pass; nil when
	// each brand's names are searched for one by one.
	namedSet map[string]bool
}

func newPhishPageViewRef(p *Page, brands []phishBrand) *phishPageViewRef {
	title, _ := phishUnmask(p.Title)
	v := &phishPageViewRef{title: title}
	var hay strings.Builder
	line := func(s string) phishLineRef {
		l := phishLineRef{s, phishLowerASCII(s)}
		hay.WriteString(l.lower)
		hay.WriteByte('\n')
		return l
	}
	segs := func(s string) []phishLineRef {
		var out []phishLineRef
		for _, seg := range phishSegments(s) {
			out = append(out, line(seg))
		}
		return out
	}
	v.titleSeg = segs(title)
	for _, t := range phishH1(p, phishViewHeadings) {
		if t, _ = phishUnmask(t); t != "" {
			v.h1 = append(v.h1, phishLineRef{t, ""})
			v.h1Seg = append(v.h1Seg, segs(t))
		}
	}
	login := phishData().words["login"]
	for i, h := range p.Headings {
		if i >= phishViewHeadings {
			break
		}
		if phishFind(phishNorm(h), login) != "" {
			h, _ = phishUnmask(h)
			v.login = append(v.login, phishLineRef{h, ""})
			v.loginSeg = append(v.loginSeg, segs(h))
		}
	}
	for i, l := range p.Lines {
		if i >= phishViewLines {
			break
		}
		// Short lines without sentence punctuation: buttons, labels and
		// captions, not an article's prose quoting a lure.
		if utf8.RuneCountInString(l) <= 40 && !strings.ContainsAny(l, "。「」『』") {
			l, _ = phishUnmask(l)
			pl := line(l)
			v.short = append(v.short, pl)
			if i < phishMastLines {
				v.mast = append(v.mast, pl)
			}
		}
	}
	// The copyright line is in the footer, or at the top of a short page.
	for i, l := range p.Lines {
		if i >= phishViewLines && i < len(p.Lines)-phishViewFooter {
			continue
		}
		if !strings.Contains(l, "©") && !strings.Contains(strings.ToLower(l), "copyright") && !strings.Contains(strings.ToLower(l), "(c)") {
			continue
		}
		l, _ = phishUnmask(l)
		if holder, ok := phishCopyrightHolder(l); ok && holder != "" {
			v.holders = append(v.holders, phishLineRef{l, holder})
		}
	}
	logo, badges := phishLogoRef(p, brands, v.mast)
	if badges {
		v.mast = nil
	}
	if v.logo = logo; v.logo != nil {
		line(v.logo.Alt)
	}
	v.titleOnlyService = phishOnlyService(title)
	v.hay = hay.String()
	// namedSet stays nil: each brand's names are searched for one by one,
	// as the oracle should (the one-pass index is what is under test).
	//
	// A logo without alt text named for a brand (logo_mufg_bank.png) on a
	// login-only page that names no brand, nor has one as copyright holder.
	if v.logo == nil && v.titleOnlyService {
		named := false
		for _, pb := range brands {
			named = named || v.namedRef(pb)
			for _, h := range v.holders {
				named = named || pb.isHolderSlow(h.lower)
			}
		}
		if im, _ := phishLogoFile(p, brands); !named && im != nil {
			v.logo, v.logoFile = im, im.Src
			v.hay += phishLowerASCII(im.Alt) + "\n"
		}
	}
	return v
}

// phishLogo returns the page's own logo as a brand would show it: among
// the page's first images, the first with alt text that is marked as a logo
// (its file name, alt text or a surrounding element's id or class says
// logo, or it sits in an h1 or the page header). A banner or a row of
// badges is no logo: when the first images, or the masthead lines, name
// two or more brands or card networks (VISA, Mastercard, JCB, …: what a
// payment form accepts), there is none, and badges reports that the
// masthead is such a row too.
func phishLogoRef(p *Page, brands []phishBrand, mast []phishLineRef) (logo *Image, badges bool) {
	named := map[string]bool{}
	networks := phishData().words["card-network"]
	note := func(text string) {
		lower := phishNorm(text)
		if n := phishFind(lower, networks); n != "" {
			named["network:"+n] = true
			return
		}
		for _, pb := range brands {
			if len(pb.occurrences(text)) > 0 {
				named[pb.b.Name] = true
				return
			}
		}
	}
	// Where each of the first images sits, in the order of p.Images
	// (images without a source are not in it).
	var marked []bool
	phishWalk(p, func(n *html.Node) bool {
		if n.Data == "img" && (phishAttr(n, "src") != "" || phishAttr(n, "data-src") != "") {
			marked = append(marked, phishLogoPlace(n))
		}
		return len(marked) < phishViewImages
	})
	for i := range p.Images {
		if i >= phishViewImages {
			break
		}
		alt, _ := phishUnmask(p.Images[i].Alt)
		if alt == "" {
			continue
		}
		note(alt)
		place := i < len(marked) && marked[i]
		src := strings.ToLower(p.Images[i].Src)
		if logo == nil && i < 3 && (place || strings.Contains(src, "logo") ||
			strings.Contains(strings.ToLower(alt), "logo") || strings.Contains(alt, "ロゴ")) {
			im := p.Images[i]
			im.Alt = alt
			logo = &im
		}
	}
	for _, l := range mast {
		note(l.text)
	}
	if len(named) >= 2 {
		return nil, true
	}
	return logo, false
}

func (v *phishPageViewRef) namedRef(pb phishBrand) bool {
	if v.namedSet != nil {
		return v.namedSet[pb.b.Name]
	}
	for _, n := range pb.names {
		if strings.Contains(v.hay, phishLowerASCII(n.text)) {
			return true
		}
	}
	return false
}

// presentedAsRef tests, strongest first, whether the page presents itself as
// the brand.
func (v *phishPageViewRef) presentedAsRef(pb phishBrand) (phishPresentation, bool) {
	pr := phishPresentation{brand: pb.b}
	// The copyright line naming the brand as holder, on a page whose title
	// names the brand or nobody. A group company's own service carries the
	// parent's copyright under its own name (My Y!mobile, © SoftBank
	// Corp.); a kit's title names the brand or says nothing but ログイン.
	holder := func() bool {
		if !v.titleOnlyService && !pb.mentions(v.title) {
			return false
		}
		for _, h := range v.holders {
			if pb.isHolderSlow(h.lower) {
				pr.how, pr.evidence = "copyright", h.text
				return true
			}
		}
		return false
	}
	if !v.namedRef(pb) {
		return pr, len(v.holders) > 0 && holder()
	}
	// The title, in its segments.
	for _, seg := range v.titleSeg {
		if pb.pure(seg.text) {
			pr.how, pr.evidence = "title", "ページの題名: "+v.title
			return pr, true
		}
	}
	// Headings: an h1 made of the brand's name, or any heading made of the
	// brand's name and login wording ("Vpassログイン"). A heading that is
	// only a brand name below h1 is usually a shop's product category.
	for i, h := range v.h1 {
		for _, seg := range v.h1Seg[i] {
			if pb.pure(seg.text) {
				pr.how, pr.evidence = "heading", "h1: "+h.text
				return pr, true
			}
		}
	}
	for i, h := range v.login {
		for _, seg := range v.loginSeg[i] {
			if pb.pure(seg.text) {
				pr.how, pr.evidence = "heading", "heading: "+h.text
				return pr, true
			}
		}
	}
	// Login wording naming the brand on a short line (a button, a label, a
	// caption): "Vpassにログイン", "三井住友カード会員ログイン", "Sign in to Apple".
	for _, l := range v.short {
		for _, o := range pb.occurrencesIn(l.text, l.lower) {
			if !o.isProduct() && phishLoginPhrase(o) {
				pr.how, pr.evidence = "login", l.text
				return pr, true
			}
		}
	}
	if holder() {
		return pr, true
	}
	// A logo whose alt text is the brand, on a page whose title names the
	// brand or says nothing but login words. Only the page's first images
	// are taken for its own logo: a shop's own logo comes first, card-brand
	// badges and product-brand logos later, and the shop's title names the
	// shop.
	if v.logo != nil && (v.titleOnlyService || pb.mentions(v.title)) &&
		pb.pure(v.logo.Alt, "logo", "ロゴ", "画像", "image", "mark", "マーク") {
		pr.how, pr.evidence = "logo", "logo alt: "+v.logo.Alt
		if v.logoFile != "" {
			pr.evidence = "logo file: " + path.Base(v.logoFile)
		}
		return pr, true
	}
	// The masthead: one of the page's first lines is the brand's name
	// alone ("ETC利用照会サービス" in the header bar). Weaker than the
	// others: it counts only beside a field asking for a secret.
	for _, l := range v.mast {
		if pb.pure(l.text) {
			pr.how, pr.evidence = "masthead", "header: "+l.text
			return pr, true
		}
	}
	return pr, false
}
