package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// domainRules are the signs read from the domain name, its registration
// date and the URL: none of them needs a page, so they are scored even when
// the site could not be read.
func domainRules() []Rule {
	rs := []Rule{domainNewRule(), domainLookalikeRule()}
	return append(rs, urlRules()...)
}

// DomainRules returns the signs that need no page (domain, WHOIS, URL and
// blocklist signs): what `shopcheck domain` scores.
func DomainRules() []Rule {
	var out []Rule
	for _, r := range All() {
		if !r.NeedsPage {
			out = append(out, r)
		}
	}
	return out
}

// The grades of domain-new: a domain registered under NewDomainHighDays
// days ago is high, under NewDomainMediumDays medium.
const (
	NewDomainHighDays   = 90
	NewDomainMediumDays = 365
)

func domainNewRule() Rule {
	return Rule{
		ID:       "domain-new",
		Severity: High,
		Points:   25,
		Topic:    "shopping",
		AnyFraud: true,
		Summary: Text{
			JA: "ドメインの登録日 (WHOIS/RDAP) が新しい: 90日未満は強 25点、1年未満は中 15点。登録日がわからないときは判定しない",
			EN: "the domain was registered recently (WHOIS/RDAP creation date): under 90 days strong 25, under a year moderate 15; an unknown date never counts",
		},
		Message: Text{
			JA: "ドメインが最近登録されたものです。偽ショップやフィッシングサイトは、作ってすぐのドメインを使い捨てにすることがよくあります。",
			EN: "The domain was registered recently. Fake shops and phishing sites often use freshly registered, throw-away domains.",
		},
		Check: checkDomainNew,
	}
}

func checkDomainNew(site *Site) []Finding {
	w := site.Whois
	if w == nil || w.Created.IsZero() || site.Now.IsZero() {
		return nil
	}
	age := w.AgeDays(site.Now)
	if age < 0 && site.Now.Before(w.Created) {
		// A creation date in the future is a registry's or a clock's
		// mistake, not evidence of a new domain.
		return nil
	}
	var sev Severity
	var pts int
	switch {
	case age < NewDomainHighDays:
		sev, pts = High, 25
	case age < NewDomainMediumDays:
		sev, pts = Medium, 15
	default:
		return nil
	}
	created := w.Created.Format("2006-01-02")
	ev := fmt.Sprintf("%s: 登録日 %s（%d日前）、WHOIS: %s", site.Domain, created, age, orUnknown(w.Server, "レジストリ"))
	return []Finding{{
		Evidence:   ev,
		EvidenceEN: fmt.Sprintf("%s: registered %s (%d days ago), WHOIS: %s", site.Domain, created, age, orUnknown(w.Server, "the registry")),
		URL:        site.URL,
		Severity:   sev,
		Points:     pts,
		Message:    domainNewMessage(site.Domain, created, age, sev == High),
	}}
}

// domainNewMessage says how new the domain is: "just registered" under
// NewDomainDays, "less than a year ago" beyond.
func domainNewMessage(domain, created string, age int, fresh bool) Text {
	if fresh {
		return Text{
			JA: fmt.Sprintf("ドメイン %s は %s に登録されたばかりです（%d日前）。偽ショップやフィッシングサイトは、作ってすぐのドメインを使い捨てにすることがよくあります。", domain, created, age),
			EN: fmt.Sprintf("The domain %s was registered on %s, only %d days ago. Fake shops and phishing sites often use freshly registered, throw-away domains.", domain, created, age),
		}
	}
	return Text{
		JA: fmt.Sprintf("ドメイン %s は %s に登録され、まだ1年たっていません（%d日前）。偽ショップやフィッシングサイトは、新しいドメインを使い捨てにすることがよくあります。", domain, created, age),
		EN: fmt.Sprintf("The domain %s was registered on %s, %d days ago: less than a year. Fake shops and phishing sites often use new, throw-away domains.", domain, created, age),
	}
}

// orUnknown is s, or what to say when it is empty.
func orUnknown(s, unknown string) string {
	if s == "" {
		return unknown
	}
	return s
}

func domainLookalikeRule() Rule {
	return Rule{
		ID:       "domain-lookalike",
		Severity: High,
		Points:   40,
		Topic:    "phishing",
		Summary: Text{
			JA: "ドメインが銀行・カード会社・通販などの公式ドメインに似せてある (綴り違い、似た文字、ブランド名+語、別のドメインの前に公式名、末尾の差し替え)",
			EN: "the domain imitates a brand's official domain (typo, look-alike characters, brand name plus words, official name in front of another domain, another ending)",
		},
		Message: Text{
			JA: "ドメインが有名な会社の公式ドメインに似せてあります。",
			EN: "The domain imitates a well-known company's official domain.",
		},
		Check: checkDomainLookalike,
	}
}

func checkDomainLookalike(site *Site) []Finding {
	if site.Data == nil || site.Data.Brands == nil {
		return nil
	}
	var out []Finding
	var seen []string // hosts looked at, as written and as parsed
	final, finalOK := hostOfURL(site.URL)
	if plain, ok := plainHost(site.URL); ok {
		seen = append(seen, strings.ToLower(plain))
	}
	for i, u := range siteURLs(site) {
		h, ok := final, finalOK
		if i > 0 || u != site.URL {
			if plain, ok := plainHost(u); ok && slices.Contains(seen, strings.ToLower(plain)) {
				continue // the same host (the target as typed, the final URL)
			}
			h, ok = hostOfURL(u)
		}
		if !ok || slices.Contains(seen, h.ASCII) && (i > 0 || u != site.URL) {
			continue
		}
		seen = append(seen, h.ASCII)
		im, ok := site.Data.Brands.LookalikeHost(h)
		if !ok {
			if f, ok := governmentImitation(h, u); ok {
				out = append(out, f)
			}
			continue
		}
		if u != site.URL && final.ASCII != "" && im.Brand.Official(final.ASCII) {
			// A name that only led to the brand's own site: most such
			// names are the brand's defensive registrations.
			continue
		}
		out = append(out, imitationFinding(&h, &im, u))
	}
	return out
}

// govSuffixRe finds a public office's domain written into another name:
// lg.jp (local governments) or go.jp (the state) followed by more
// (city.yokohama.lg.jp.kanpu-info.com, www.city.kobe.lg.jp-shien.sbs,
// pref-osaka-lg.jp.net), its dot made a hyphen at a label's end
// (city.yokohama.lg-jp.net, city-osaka-lg-jp.com), a prefecture's or a
// city's own domain in front of another (police.pref.miyagi.jp.sousa-
// kakunin.com, city.sendai.jp.kyufu.com), or pref- and city- names made
// with lg (police-pref-osaka-lg.xyz). Group 1 or 2 is lg or go; a match of
// the other alternatives is a local government's.
var govSuffixRe = regexp.MustCompile(`(?:^|[.-])(lg|go)\.jp[.-]|(?:^|[.-])(lg|go)-jp(?:\.|$)|(?:^|[.-])pref[.-][a-z]+[.-](?:lg[.-])?jp[.-]|(?:^|\.)city\.[a-z]+\.(?:lg\.)?jp[.-]|(?:^|[.-])(?:pref|city)[.-][a-z]+[.-]lg(?:[.-]|$)`)

// governmentImitation is domain-lookalike's finding for a host that is no
// public office's but is named as one (govSuffixRe): refund and tax
// smishing under city.<name>.lg-jp.net imitates no brand of the list, and
// a city's real domain ends in lg.jp. ok is false for any other host.
func governmentImitation(h HostName, u string) (Finding, bool) {
	m := govSuffixRe.FindStringSubmatch(h.ASCII)
	if m == nil || GovernmentHost(h.ASCII) {
		return Finding{}, false
	}
	// What the offices' own domains end in: go.jp, or for local
	// governments lg.jp and the older pref.<name>.jp and city.<name>.jp.
	office, officeEN, ends := "地方公共団体", "local governments (cities, prefectures)", "lg.jp, pref.○○.jp, city.○○.jp"
	if m[1]+m[2] == "go" {
		office, officeEN, ends = "国の機関", "the state's offices (ministries, agencies)", "go.jp"
	}
	host := h.ASCII
	if h.Unicode != h.ASCII {
		host = h.ASCII + " (" + h.Unicode + ")"
	}
	return Finding{
		Evidence:   host + " ≈ " + ends + " (" + office + ")",
		EvidenceEN: host + " ≈ " + ends + " (" + officeEN + ")",
		URL:        u,
		Message: Text{
			JA: fmt.Sprintf("ドメイン %s は、%sのドメイン（%s）に見せかけた名前ですが、そのドメインではありません。%sのサイトは、これらで終わるドメインにあります。役所や警察を名乗る還付金・税金・給付金・捜査の連絡なら、自分で調べた番号で確かめてください。", h.ASCII, office, ends, office),
			EN: fmt.Sprintf("The domain %s is made to look like a domain of %s (%s), but it is not one: their sites are on domains ending so. If it came with news of a refund, a tax, a benefit or an investigation, check with the office on a number you look up yourself.", h.ASCII, officeEN, ends),
		},
	}, true
}

// imitationFinding is the finding for host h of URL u imitating a brand
// (kept out of checkDomainLookalike, whose frame stays on the stack while
// the matcher runs).
func imitationFinding(h *HostName, im *Imitation, u string) Finding {
	return Finding{Evidence: imitationEvidence(*h, *im), URL: u, Message: ImitationMessage(*im)}
}

// imitationEvidence is the domain beside the official one it imitates.
func imitationEvidence(h HostName, im Imitation) string {
	host := h.ASCII
	if h.Unicode != h.ASCII {
		host = h.ASCII + " (" + h.Unicode + ")"
	}
	return host + " ≈ " + im.Official + " (" + im.Brand.Name + ")"
}

// ImitationMessage says in both languages which brand a domain imitates
// and how: 「ドメイン smbc-cerd.com は、三井住友カード（smbc-card.com）の綴りを
// 1文字変えたものです（smbc-cerd）。このドメインは、三井住友カードの公式ドメイン
// の一覧にありません。」 / "The domain smbc-cerd.com imitates smbc-card.com, the
// official domain of SMBC Card (三井住友カード): one letter changed
// (smbc-cerd). It is not one of the official domains of SMBC Card (三井住友カード)."
func ImitationMessage(im Imitation) Text {
	ja, en := imitationHow(im)
	// 「…付けたもの (本当のドメインは x)」: the detail goes after です.
	ja = strings.NewReplacer(" (", "（", ") ", "）", ")", "）").Replace(ja)
	detail := ""
	if strings.HasSuffix(ja, "）") {
		if i := strings.LastIndex(ja, "（"); i > 0 {
			ja, detail = ja[:i], ja[i:]
		}
	}
	t := Text{
		JA: fmt.Sprintf("ドメイン %s は、%s（%s）%sです%s。", im.Host, im.Brand.Name, im.Official, ja, detail),
		EN: fmt.Sprintf("The domain %s imitates %s, the official domain of %s: %s.", im.Host, im.Official, im.Brand.EnglishName(), en),
	}
	if im.Hosted != "" {
		t.JA += fmt.Sprintf("%s は誰でも名前を取れる共用ドメインです。", im.Hosted)
		t.EN += fmt.Sprintf(" Anyone can get a name under %s.", im.Hosted)
	}
	t.JA += fmt.Sprintf("このドメインは、%sの公式ドメインの一覧にありません。", im.Brand.Name)
	t.EN += fmt.Sprintf(" It is not one of the official domains of %s.", im.Brand.EnglishName())
	return t
}

// imitationHow says how im imitates: in Japanese as what follows
// "{brand} ({official})", in English as what follows a colon.
func imitationHow(im Imitation) (ja, en string) {
	quoted := func(ws []string) string { return "「" + strings.Join(ws, "」「") + "」" }
	switch im.Kind {
	case ImitationHomoglyph:
		ja, en := swapWords(im.Swaps)
		return fmt.Sprintf("の名前 %s を形の似た別の文字で綴ったもの (%s)", im.Keyword, ja),
			fmt.Sprintf("%s spelled with look-alike characters (%s)", im.Keyword, en)
	case ImitationSubdomain:
		return fmt.Sprintf("の公式ドメインを別のドメインの前に付けたもの (本当のドメインは %s)", im.Real),
			fmt.Sprintf("the official name put in front of another domain; the real domain is %s", im.Real)
	case ImitationOtherEnding:
		return fmt.Sprintf("と同じ名前 %s を別の末尾 (.%s) で取ったもの", im.Keyword, im.Real),
			fmt.Sprintf("the same name %s under another ending (.%s)", im.Keyword, im.Real)
	case ImitationFakeSuffix:
		return fmt.Sprintf("の名前と末尾をつなげて別のドメインの名前にしたもの (%s)", im.Matched),
			fmt.Sprintf("its name and ending run together into another domain's name (%s)", im.Matched)
	case ImitationTypo:
		if im.Distance > 1 && im.Edit != "plural" {
			return fmt.Sprintf("の綴りを%d文字変えたもの (%s)", im.Distance, im.Matched),
				fmt.Sprintf("%d letters changed (%s)", im.Distance, im.Matched)
		}
		ja, en := editWords(im.Edit)
		return fmt.Sprintf("の%s (%s)", ja, im.Matched), fmt.Sprintf("%s (%s)", en, im.Matched)
	case ImitationHyphen:
		if im.Edit == "hyphen-omitted" {
			return fmt.Sprintf("の名前からハイフンを抜いたもの (%s)", im.Matched),
				fmt.Sprintf("the hyphen of its name left out (%s)", im.Matched)
		}
		return fmt.Sprintf("の名前にハイフンを入れたもの (%s)", im.Matched),
			fmt.Sprintf("a hyphen put into its name (%s)", im.Matched)
	case ImitationDotted:
		return fmt.Sprintf("の名前に点 (.) を入れて、前半を別のドメインのサブドメインにしたもの (%s)", im.Matched),
			fmt.Sprintf("a dot put into its name, making its first letters a subdomain of another domain (%s)", im.Matched)
	case ImitationPlusWords:
		if len(im.Words) == 0 {
			return fmt.Sprintf("の名前 %s の語順を入れ替えたもの (%s)", im.Keyword, im.Matched),
				fmt.Sprintf("the words of %s in another order (%s)", im.Keyword, im.Matched)
		}
		if im.Reordered {
			return fmt.Sprintf("の名前 %s の語順を入れ替え、%sを付け足したもの", im.Keyword, quoted(im.Words)),
				fmt.Sprintf("the words of its name %s in another order, with %q added", im.Keyword, strings.Join(im.Words, "-"))
		}
		return fmt.Sprintf("の名前 %s に%sを付け足したもの", im.Keyword, quoted(im.Words)),
			fmt.Sprintf("its name %s with %q added", im.Keyword, strings.Join(im.Words, "-"))
	case ImitationJapaneseName:
		return fmt.Sprintf("の名前「%s」を日本語ドメインにしたもの", im.Keyword),
			fmt.Sprintf("its Japanese name %s made into a domain name", im.Keyword)
	case ImitationSubdomainWord:
		return fmt.Sprintf("の名前 %s を無関係なドメイン %s のサブドメインにしたもの", im.Keyword, im.Real),
			fmt.Sprintf("its name %s as a subdomain of the unrelated domain %s", im.Keyword, im.Real)
	}
	return "に似せたもの", "a look-alike"
}

// swapWords says each look-alike swap ("а→a") in words a reader can
// check: 「英字の a の代わりにキリル文字の а」, "Cyrillic а for Latin a".
func swapWords(swaps []string) (ja, en string) {
	var jas, ens []string
	for _, sw := range swaps {
		written, meant, ok := strings.Cut(sw, "→")
		if !ok {
			jas, ens = append(jas, sw), append(ens, sw)
			continue
		}
		sj, se := scriptName(written)
		jas = append(jas, "英字の "+meant+" の代わりに"+sj+" "+written)
		ens = append(ens, se+written+" for Latin "+meant)
	}
	return strings.Join(jas, "、"), strings.Join(ens, ", ")
}

// scriptName names the script of a look-alike, in Japanese and English.
func scriptName(s string) (ja, en string) {
	for _, r := range s {
		switch {
		case r >= 0x0400 && r <= 0x052F:
			return "キリル文字の", "Cyrillic "
		case r >= 0x0370 && r <= 0x03FF:
			return "ギリシャ文字の", "Greek "
		case r >= 0xFF00 && r <= 0xFFEF:
			return "全角の", "full-width "
		case r >= '0' && r <= '9':
			return "数字の", "digit "
		case r > 0x7F:
			return "別の文字の", "the character "
		}
	}
	return "英字の", "Latin "
}

func editWords(edit string) (ja, en string) {
	switch edit {
	case "omission":
		return "綴りから1文字抜いたもの", "one letter left out"
	case "insertion":
		return "綴りに1文字足したもの", "one letter added"
	case "repetition":
		return "綴りの文字を1つ重ねたもの", "one letter doubled"
	case "transposition":
		return "隣り合う2文字を入れ替えたもの", "two letters swapped"
	case "plural":
		return "綴りに s や es を足したもの", "an s or es added"
	}
	return "綴りを1文字変えたもの", "one letter changed"
}

// siteURLs are the URLs whose host names a site is judged by: the final
// URL, the target and the redirects passed through, without repeats.
func siteURLs(site *Site) []string {
	return siteDerive(site, memoSiteURLs, func(m *siteMemo) *[]string { return &m.siteURLs }, func() []string { return siteURLsUncached(site) })
}

// targetNamesFile reports whether a target as given names a saved file or
// folder, not a web address: a browser's 「yucho-login.html」 or
// 「smbc-card-login.html」 is no host to judge by its name (p47: an honest
// saved login page was high on its file's name).
func targetNamesFile(t string) bool {
	if strings.Contains(t, "://") {
		return strings.HasPrefix(strings.ToLower(t), "file://")
	}
	l := strings.ToLower(t)
	for _, ext := range []string{".html", ".htm", ".warc", ".warc.gz", ".mht", ".mhtml"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return strings.HasPrefix(t, ".") || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "~") || strings.Contains(t, "\\")
}

// siteURLsUncached does siteURLs's work; siteURLs keeps its answer for the site.
func siteURLsUncached(site *Site) []string {
	out := make([]string, 0, 2+len(site.Redirects))
	add := func(u string) {
		// A site has a few URLs: a search beats a map made for each.
		if u != "" && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	add(site.URL)
	if !targetNamesFile(site.Target) {
		add(site.Target)
	}
	for _, r := range site.Redirects {
		add(r)
	}
	if len(out) == 0 && site.Host != "" {
		add(site.Host)
	}
	return out
}
