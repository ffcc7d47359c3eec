package rules

import (
	"iter"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// The signs of fake shops that write natural Japanese (GitHub issue 7).
// Since about 2020 most fake shops in Japan copy a real company's name,
// address and phone and write fluent Japanese, so the language and the
// 特定商取引法 page alone no longer give them away. These signs look for what
// they still get wrong: payment terms that contradict the shop's own logos,
// payment by gift-card codes, product images and texts lifted from other
// shops and flea markets, an address whose postcode or area code belongs to
// another prefecture, and a page that differs for smartphones.
//
// Unexported names in these files start with fl so that they cannot clash
// with the other rule files of the package.

func fluentRules() []Rule {
	return []Rule{
		{
			ID: "payment-method-mismatch", Severity: High, Points: 25, Topic: "shopping", NeedsPage: true,
			Summary: Text{
				JA: "トップページなどにカードのロゴや「各種クレジットカード利用可」と出しているのに、支払方法の説明では銀行振込しか選べない（または「カード決済は現在ご利用いただけません」）",
				EN: "the site shows card logos or says cards are accepted, but its payment terms offer only bank transfer (or say card payment is unavailable)",
			},
			Message: Text{
				JA: "表示している支払方法と実際の支払方法が食い違っています（カードが使えると見せて銀行振込に誘導）",
				EN: "The payment methods shown do not match the payment terms: cards are advertised but only bank transfer is offered",
			},
			Check: checkPaymentMismatch,
		},
		{
			ID: "payment-gift-card", Severity: High, Points: 40, Topic: "shopping", NeedsPage: true,
			Summary: Text{
				JA: "代金をAmazonギフトカードやApple Gift Card、電子マネーの番号で払うよう求めている（コンビニで買わせて番号を送らせる手口）",
				EN: "the shop asks to be paid with gift-card or prepaid codes (Amazon, Apple, Google Play, WebMoney …) bought at a store",
			},
			Message: Text{
				JA: "ギフトカードや電子マネーの番号での支払いを求めています（正規の通販ではまずありません）",
				EN: "The shop asks for payment with gift-card or prepaid codes, which genuine shops do not do",
			},
			Check: checkGiftCardPayment,
		},
		{
			ID: "images-hotlinked", Severity: Medium, Points: 20, Topic: "shopping", NeedsPage: true,
			Summary: Text{
				JA: "商品画像の多くを楽天市場・Yahoo!ショッピング・メルカリなど他の店の画像サーバーから直接読み込んでいる（他店の商品ページをコピーしたサイト）",
				EN: "many product images are loaded straight from other shops' image servers (Rakuten, Yahoo! Shopping, Mercari …): the catalogue was copied",
			},
			Message: Text{
				JA: "商品画像の多くが他の通販サイトの画像サーバーから読み込まれています",
				EN: "Many product images are loaded from other shopping sites' image servers",
			},
			Check: checkImagesHotlinked,
		},
		{
			ID: "listing-copied", Severity: Medium, Points: 20, Topic: "shopping", NeedsPage: true,
			Summary: Text{
				JA: "会社を名乗る通販サイトなのに、商品説明がフリマの個人出品の文面（「即購入OK」「プロフ必読」「喫煙者なし」など）のまま",
				EN: "a shop that claims to be a business describes its goods in the words of private flea-market listings (\"即購入OK\", \"プロフ必読\", \"no smokers\" …)",
			},
			Message: Text{
				JA: "商品説明がフリマアプリの出品文をコピーしたものに見えます",
				EN: "Product texts look copied from flea-market listings",
			},
			Check: checkListingCopied,
		},
		{
			ID: "address-inconsistent", Severity: Medium, Points: 15, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
			Summary: Text{
				JA: "販売者の郵便番号・都道府県・電話の市外局番がかみ合わない（実在の会社の情報を寄せ集めた疑い）",
				EN: "the seller's postcode, prefecture and landline area code do not fit together (details pieced together from real companies)",
			},
			Message: Text{
				JA: "販売者の住所・郵便番号・電話番号の地域が一致しません",
				EN: "The seller's address, postcode and phone number point to different regions",
			},
			Check: checkAddressInconsistent,
		},
		{
			ID: "cloaking", Severity: High, Points: 30, Topic: "shopping", NeedsPage: true, AnyFraud: true,
			Summary: Text{
				JA: "パソコンとスマートフォンで中身がまったく違うページを見せている（調査や審査の目をそらすための偽装）",
				EN: "the site shows smartphones a different page than desktop browsers (or the other way round), to hide from reviewers",
			},
			Message: Text{
				JA: "パソコンとスマートフォンで別の内容を表示しています（クローキング）",
				EN: "The site shows different content to smartphones and desktop browsers (cloaking)",
			},
			Check: checkCloaking,
		},
		subscriptionTrapRule(),
	}
}

// flCompact folds s for matching: NFKC is assumed done by Page; this lower-
// cases ASCII letters and drops white space, so "即購入 OK" matches "即購入ok".
func flCompact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	flAppendCompact(&b, s)
	return b.String()
}

// flSentences splits a line into sentences at 。！？!? (kept at the end of
// each sentence).
func flSentences(line string) []string {
	var out []string
	for s := range flSentenceSeq(line) {
		out = append(out, s)
	}
	return out
}

// flSentenceSeq yields the sentences of flSentences without collecting
// them.
func flSentenceSeq(line string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for start := 0; start < len(line); {
			end := start + flSentenceEnd(line[start:])
			if s := strings.TrimSpace(line[start:end]); s != "" && !yield(s) {
				return
			}
			start = end
		}
	}
}

// flSentencePairs yields each sentence of line (as flSentences) with its
// compact form (flCompact), cut from compact, the compact line, rather
// than built: compacting keeps the sentence ends and drops only white
// space, so the compact line is the compact sentences one after another.
func flSentencePairs(line, compact string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for s := range flSentenceSeq(line) {
			end := flSentenceEnd(compact)
			if !yield(s, compact[:end]) {
				return
			}
			compact = compact[end:]
		}
	}
}

// flPairs walks the sentences of a line with their compact forms as
// flSentencePairs yields them, without a closure to allocate:
//
//	for it := flPairsOf(line, compact); it.next(); { use(it.sent, it.compact) }
type flPairs struct {
	line, rest    string // the line, and its compact form not yet read
	start         int    // where the next sentence of line starts
	sent, compact string // the current sentence and its compact form
}

// flPairsOf starts a walk of line's sentences; compact is flCompact(line).
func flPairsOf(line, compact string) flPairs { return flPairs{line: line, rest: compact} }

// next moves to the next sentence, false when there is none.
func (it *flPairs) next() bool {
	for it.start < len(it.line) {
		end := it.start + flSentenceEnd(it.line[it.start:])
		s := strings.TrimSpace(it.line[it.start:end])
		it.start = end
		if s != "" {
			e := flSentenceEnd(it.rest)
			it.sent, it.compact, it.rest = s, it.rest[:e], it.rest[e:]
			return true
		}
	}
	return false
}

// flSentenceEnd returns the end of the first sentence of s: after its
// first 。！？!?, or len(s). It looks at bytes: the lead byte of 。！？
// never continues another character, so this is where a rune-by-rune
// reading would find them, malformed text included.
func flSentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '?':
			return i + 1
		case 0xE3: // 。 is E3 80 82
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i + 3
			}
		case 0xEF: // ！ is EF BC 81, ？ EF BC 9F
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x81 || s[i+2] == 0x9F) {
				return i + 3
			}
		}
	}
	return len(s)
}

// flHost returns the lower-case host of u, or "" when u is not an absolute
// http(s) URL.
func flHost(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(p.Hostname()), ".")
}

// flRegistrable returns the registrable domain (eTLD+1) of host, or host
// itself when it has none (an IP address, a bare suffix).
func flRegistrable(host string) string {
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// flUnder reports whether host is domain or a subdomain of it.
func flUnder(host, domain string) bool {
	// strings.HasSuffix(host, "."+domain) without building "."+domain.
	return host == domain || len(host) > len(domain) && host[len(host)-len(domain)-1] == '.' && host[len(host)-len(domain):] == domain
}

// flPageName names page i of site for evidence: トップページ for the first,
// otherwise its path.
func flPageName(site *Site, i int) string {
	if i == 0 {
		return "トップページ"
	}
	return flPagePath(site, i)
}

// flPageNameEN is flPageName for an English reader.
func flPageNameEN(site *Site, i int) string {
	if i == 0 {
		return "top page"
	}
	return flPagePath(site, i)
}

// flPagePath is the path of the site's page i, clipped.
func flPagePath(site *Site, i int) string {
	p := site.Pages[i]
	if u, err := url.Parse(p.URL); err == nil && u.Path != "" {
		return Clip(u.EscapedPath(), 40)
	}
	return Clip(p.URL, 40)
}

// flLinkTexts returns the texts of a page's links, to tell a navigation
// item from a heading with the same words.
func flLinkTexts(p *Page) map[string]bool {
	m := make(map[string]bool, len(p.Links))
	for _, l := range p.Links {
		if l.Text != "" {
			m[l.Text] = true
		}
	}
	return m
}
