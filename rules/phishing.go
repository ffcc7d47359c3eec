package rules

import (
	"net/url"
	"strings"
)

// phishingRules are the signs of fake login and card pages, one-click
// billing pages and app downloads.
func phishingRules() []Rule {
	return []Rule{
		{
			ID: "phishing-credential-form", Severity: High, Points: 50, Topic: "phishing", NeedsPage: true,
			Summary: Text{
				JA: "ブランドの公式ドメイン以外で、パスワード・カード番号・セキュリティコード・暗証番号・乱数表などを入力させるフォーム（ブランドを名乗らなくても、暗証番号と口座番号など通販では求められない組み合わせや、不正利用の確認・当選品の送料を口実にカード番号を求めるものを含む）",
				EN: "a form asking for passwords, card numbers, security codes, PINs or security number tables off the brand's official domains (also, naming no brand, a combination no shop asks for, such as a PIN with an account number, or card data asked for over suspected misuse or a prize's shipping fee)",
			},
			Message: Text{
				JA: "公式ではないドメインで、暗証番号やカード情報などを入力させようとしています（フィッシングの疑い）",
				EN: "this page, not on an official domain, asks for PINs, card data or similar secrets (suspected phishing)",
			},
			Check: checkCredentialForm,
		},
		{
			ID: "phishing-brand-impersonation", Severity: High, Points: 40, Topic: "phishing", NeedsPage: true,
			Summary: Text{
				JA: "銀行・カード会社などのブランドを名乗るログイン画面が、そのブランドの公式ドメインにない",
				EN: "the page presents itself as a brand (bank, card company, …) whose official domains do not include this one",
			},
			Message: Text{
				JA: "このページは公式ドメインではないのに、ブランドのログイン・確認画面を名乗っています",
				EN: "this page presents itself as a brand's login or verification page, but is not on the brand's official domain",
			},
			Check: checkBrandImpersonation,
		},
		{
			ID: "form-posts-offsite", Severity: Medium, Points: 15, Topic: "phishing", NeedsPage: true,
			Summary: Text{
				JA: "入力内容を別のドメインへ送信するフォーム（決済代行会社など既知の送信先を除く）",
				EN: "a form sends what is typed to another domain (known payment gateways excepted)",
			},
			Message: Text{
				JA: "入力内容が、このサイトとは別のドメインへ送信されます",
				EN: "what is typed into this form is sent to a different domain",
			},
			Check: checkFormPostsOffsite,
		},
		oneclickRule(),
		supportRule(),
		clickfixRule(),
		investRule(),
		policeRule(),
		publicOfficeRule(),
		darkJobRule(),
		downloadRule(),
	}
}

// phishPrepaidIssuerRe finds the registration a prepaid card's issuer must
// print (資金決済法: 前払式支払手段 発行者); phishBalanceRe a balance check.
var (
	phishPrepaidIssuerRe = shopMustRe(`前払式支払手段`)
	phishBalanceRe       = shopMustRe(`残高|スクラッチ|利用履歴`)
)

// phishPrepaidIssuer reports whether page p is a prepaid card issuer's own
// balance check: it prints the issuer's registration and speaks of the
// balance or the scratch-off PIN.
func phishPrepaidIssuer(p *Page) bool {
	return phishPrepaidIssuerRe.MatchString(p.Text) && phishBalanceRe.MatchString(p.Text)
}

// checkCredentialForm fires where a form asks for secrets on a domain that
// is not official for the brand the page presents, or asks for secrets no
// shop asks for at all (暗証番号 with card data, 第二暗証番号, 乱数表, 口座番号
// with 生年月日). Honest card checkouts and shop logins present no brand and
// ask for none of the latter, so they stay clean; so does every page on a
// brand's official domain.
func checkCredentialForm(site *Site) []Finding {
	brands := phishBrandsOf(site.Data)
	var out []Finding
	for _, p := range site.Pages {
		host := phishPageHost(p, site)
		if host != "" && phishOfficialHost(brands, host) {
			continue
		}
		creds := phishFormsCreds(p)
		if len(creds) == 0 {
			continue
		}
		presented := phishPresentedOn(site, p)
		for _, fc := range creds {
			brand, brandEN, ja, en := phishCredReason(fc, presented)
			if ja == "" && len(presented) == 0 && fc.kinds&credCard != 0 && !GovernmentHost(host) {
				if win, fee := phishPrizeLure(p); win != "" {
					// No brand named, but a win announced and the card
					// asked for to pay only its shipping or a fee: the
					// prize scam (当選詐欺). An honest campaign sends its
					// prizes free and asks for no card.
					out = append(out, phishBrandlessCard(fc, host, p.URL, []string{Clip(win, 40), Clip(fee, 40)},
						"は、当選や無料の賞品を知らせ、送料や手数料の支払いを理由にカード番号を入力させようとしています。当選詐欺によくある手口です。応募した覚えのない当選の知らせで、カード情報を入力しないでください",
						" announces a win or a free prize and asks for your card number to pay only its shipping or a fee, a common prize scam; do not enter card details for a prize you never entered for"))
					continue
				}
				if fc.kinds&credCSC == 0 {
					continue
				}
				if head, fee := phishRedeliveryFee(p); fee != "" {
					// No carrier named, but a redelivery page that takes a
					// fee by card: 「再配達のお申し込み」「住所不備による
					// 再配達のため、再配達手数料330円をお支払いください」.
					out = append(out, phishBrandlessCard(fc, host, p.URL, []string{Clip(head, 30), Clip(fee, 50)},
						"は、荷物の再配達を理由に、手数料をカードで払わせようとしています。宅配業者は再配達に手数料を取らず、カード情報も求めません。宅配便を装ったフィッシングの手口です。不在票の番号は、宅配業者の公式アプリか公式サイトで確かめてください",
						" asks for a fee by card to redeliver a parcel. Carriers redeliver for free and never ask for card details: this is the fake-carrier phishing method. Check the tracking number in the carrier's official app or site"))
					continue
				}
				if lure := phishCardLure(p); lure != "" {
					// No brand named, but card data asked for against a
					// claim of misuse, and nothing sold: 「カード会員様
					// ご本人確認のお願い…不正利用の可能性」.
					out = append(out, phishBrandlessCard(fc, host, p.URL, []string{Clip(lure, 50)},
						"は、カードの不正利用や本人確認を理由に、カード番号とセキュリティコードを入力させようとしています。何も買っていないのにカード情報を求めるページはフィッシングの疑いがあります。カード会社には、カードの裏面の番号か公式アプリで確かめてください",
						" asks for your card number and security code, giving suspected misuse or identity checks as the reason; a page that wants card data when you are buying nothing is suspected phishing. Check with your card company on the number on the back of the card or in its official app"))
				}
				continue
			}
			if ja == "" || brand == "" && GovernmentHost(host) {
				continue // a public body's own form (a benefit's account)
			}
			if brand == "" && phishPrepaidIssuer(p) {
				// A prepaid card's issuer checking a balance by the
				// card's number and its scratch-off PIN, on a page that
				// gives the registration the law asks of issuers
				// (前払式支払手段 発行者): the PIN is the card's, no bank's.
				continue
			}
			// No brand presented: the page imitates no one in words, so
			// it is not told it is off a brand's domain; what it asks
			// for is the sign.
			f := Finding{
				Evidence:   strings.Join(fc.fields, ", ") + " — " + phishHostLabel(host),
				EvidenceEN: strings.Join(fc.fields, ", ") + " — " + phishHostLabelEN(host),
				URL:        p.URL,
				Message: Text{
					JA: phishThisPage(host) + "は、" + ja + "を入力させようとしています。通販や会員登録では求められない組み合わせです（フィッシングの疑い）",
					EN: phishThisPageEN(host) + " asks for " + en + ", a combination no shop or sign-up asks for (suspected phishing)",
				},
			}
			debit := brand == "" && fc.kinds&^(credAccount|credBirth) == 0
			if debit && host != "" {
				if office, _ := publicOfficeLure(p); office != "" {
					// A city's benefit asking for the account and the
					// birth date is no direct debit's sign-up:
					// public-office-form says what it is.
					continue
				}
			}
			if debit {
				// An account number and a birth date alone: a direct
				// debit's sign-up (a gym, a school, a newspaper) asks for
				// both; kits ask for the PIN or the login too.
				f.Severity, f.Points = Medium, 20
				f.Message = Text{
					JA: phishThisPage(host) + "は、口座番号と生年月日を入力させようとしています。口座振替の申込みなどでも求められますが、メールやSMSのリンクから開いたページなら入力しないでください",
					EN: phishThisPageEN(host) + " asks for a bank account number and a date of birth; a direct debit's sign-up asks for them too, but do not enter them on a page opened from a mail or SMS link",
				}
			}
			if host == "" && !debit {
				f.Message = Text{
					JA: ja + "を入力させるページです。保存されたページのため配信元のドメインを確認できません（フィッシングの疑い）",
					EN: "this page asks for " + en + "; it is a saved page, so the domain it came from cannot be confirmed (suspected phishing)",
				}
			}
			if brand != "" {
				f.Evidence += "（" + brand + "を名乗る）"
				f.EvidenceEN += "; presents itself as " + brandEN
				f.Message = Text{
					JA: brand + "を名乗っていますが公式ではないドメイン（" + host + "）で、" + ja + "を入力させようとしています（フィッシングの疑い）",
					EN: "this page presents itself as " + brandEN + " but is on " + host + ", not an official domain, and asks for " + en + " (suspected phishing)",
				}
				if to := phishFormSendsOff(brands, fc.form); host == "" && to != "" {
					// Wherever the page was shown, what is typed goes to
					// a domain that is none of a brand's: a kit's
					// 「action="https://vpass-secure-check.xyz/post.php"」.
					f.Evidence += " / 送信先: " + to
					f.EvidenceEN += "; sends to " + to
					f.Message = Text{
						JA: brand + "を名乗り、" + ja + "を入力させるページですが、入力した内容の送り先は公式ではないドメイン（" + to + "）です（フィッシングの疑い）",
						EN: "this page presents itself as " + brandEN + " and asks for " + en + ", but what you type is sent to " + to + ", not an official domain (suspected phishing)",
					}
				} else if _, _, kitJA, kitEN := phishCredReason(fc, nil); host == "" && kitJA != "" {
					// Unconfirmed, but what it asks for is what no shop or
					// sign-up asks for together: as high as the same form
					// naming no brand (naming one must not lower it).
					f.Message = Text{
						JA: brand + "を名乗り、" + kitJA + "を入力させるページです。保存されたページのため配信元のドメインは確認できませんが、通販や会員登録では求められない組み合わせです（フィッシングの疑い）",
						EN: "this page presents itself as " + brandEN + " and asks for " + kitEN + "; it is a saved page, so the domain it came from cannot be confirmed, but no shop or sign-up asks for these together (suspected phishing)",
					}
				} else if host == "" {
					// Unconfirmed: weighed below a page seen on a wrong domain.
					f.Severity, f.Points = Medium, 25
					f.Message = Text{
						JA: brand + "を名乗り、" + ja + "を入力させるページです。保存されたページのため配信元のドメインを確認できません。" + brand + "の公式ドメイン以外で表示されたならフィッシングです",
						EN: "this page presents itself as " + brandEN + " and asks for " + en + "; it is a saved page, so the domain it came from cannot be confirmed: if it was shown on a domain that is not the brand's own, it is phishing",
					}
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// phishThisPage names the page a finding is about: with the host it was
// seen on, or alone for a saved page, whose host is not known.
func phishThisPage(host string) string {
	if host == "" {
		return "このページ"
	}
	return "このページ（" + host + "）"
}

// phishThisPageEN is phishThisPage in English.
func phishThisPageEN(host string) string {
	if host == "" {
		return "this page"
	}
	return "this page on " + host
}

// phishCardLure returns the line of page p that gives a card holder a
// reason to type their card in (不正利用, ご利用を制限, ご本人確認, カード
// 会員様), "" when there is none or the page sells something (a cart, an
// order, a total: a checkout asks for the card and may name 本人認証).
//
// Whether the page sells is read from what a browser shows: a kit's hidden
// decoy of shop words (特定商取引法, 送料) lets no card harvest go.
// phishBrandlessCard is the medium finding of a card form on a page that
// names no brand but gives a reason to type the card in (a prize's fee, a
// redelivery's fee, a claim of misuse): the fields asked for, the host and
// the page's lines that say the reason (quotes), and the message after
// 「このページ（host）」 in each language.
func phishBrandlessCard(fc phishFormCreds, host, pageURL string, quotes []string, ja, en string) Finding {
	said := ""
	for _, q := range quotes {
		said += "「" + q + "」"
	}
	return Finding{
		Evidence:   strings.Join(fc.fields, ", ") + " — " + phishHostLabel(host) + " / " + said,
		EvidenceEN: strings.Join(fc.fields, ", ") + " — " + phishHostLabelEN(host) + " / " + said,
		URL:        pageURL, Severity: Medium, Points: 30,
		Message: Text{JA: phishThisPage(host) + ja, EN: phishThisPageEN(host) + en},
	}
}

// phishRedeliveryFee returns, for a page whose title or first heading
// speaks of a redelivery ([redelivery-page]), that and its first line with
// a fee of one ([redelivery-fee]: 再配達手数料, 住所不備, 関税); "", ""
// otherwise. Shops' checkouts are titled otherwise, whatever their terms
// say of a redelivery's cost.
func phishRedeliveryFee(p *Page) (head, fee string) {
	words := phishData().words
	switch {
	case phishFindRaw(p.Title, words["redelivery-page"]) != "":
		head = p.Title
	case len(p.Headings) > 0 && phishFindRaw(p.Headings[0], words["redelivery-page"]) != "":
		head = p.Headings[0]
	default:
		return "", ""
	}
	for i, l := range p.ShownLines() {
		if i >= oneclickLines {
			break
		}
		if phishFindRaw(l, words["redelivery-fee"]) != "" {
			return head, l
		}
	}
	return "", ""
}

func phishCardLure(p *Page) string {
	text := p.Text
	if p.HasHidden() {
		text = strings.Join(p.ShownLines(), "\n")
	}
	if shopCartRe.MatchString(text) {
		return ""
	}
	words := phishData().words
	if phishFindRaw(text, words["card-sells"]) != "" {
		return "" // a checkout, or a member's own subscription page
	}
	for i, l := range p.Lines {
		if i >= oneclickLines {
			break
		}
		if phishFindRaw(l, words["card-lure-safeguard"]) != "" {
			continue // a checkout's own safeguard
		}
		if phishFindRaw(l, words["card-lure"]) != "" {
			return l
		}
	}
	if phishFindRaw(p.Title, words["card-lure-title"]) != "" {
		return p.Title
	}
	return ""
}

// phishPrizeLure returns the line of page p that announces a win (当選
// しました, 抽選で選ばれました, おめでとうございます) and the line that asks
// to pay only the shipping or a fee (送料500円のみお支払いください), both ""
// unless p has both and sells nothing (no cart).
func phishPrizeLure(p *Page) (win, fee string) {
	words := phishData().words
	lines, text := p.ShownLines(), p.Text
	if p.HasHidden() {
		text = strings.Join(lines, "\n")
	}
	if phishFindRaw(text, words["prize-win"]) == "" || phishFindRaw(text, words["prize-shop"]) != "" {
		return "", ""
	}
	for i, l := range lines {
		if i >= oneclickLines {
			break
		}
		if win == "" && phishFindRaw(l, words["prize-win"]) != "" {
			win = l
		}
		if fee == "" && phishFindRaw(l, words["prize-fee"]) != "" && phishFindRaw(l, words["prize-fee-only"]) != "" {
			fee = l
		}
	}
	if win == "" || fee == "" {
		return "", ""
	}
	return win, fee
}

// joinAnd joins words as a list in English: "a, b and c".
func joinAnd(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// phishCredReason says why a form's secrets are a sign: the brand the page
// presents (if any) and the secrets asked for, named in Japanese and
// English; ja is "" when they are not a sign. With a presented brand any
// secret counts; without one only the combinations no shop checkout asks for.
func phishCredReason(fc phishFormCreds, presented []phishPresentation) (brand, brandEN, ja, en string) {
	k := fc.kinds
	var jas, ens []string
	for _, c := range phishCredOrder {
		if k&c.kind != 0 {
			jas = append(jas, c.ja)
			ens = append(ens, c.en)
		}
	}
	ja, en = strings.Join(jas, "・"), "your "+joinAnd(ens)
	if len(presented) > 0 {
		return presented[0].brand.Name, presented[0].brand.EnglishName(), ja, en
	}
	switch {
	case k&(credPIN2|credRandom) != 0,
		k&credAccount != 0 && k&credBirth != 0,
		k&credCard != 0 && k&(credPIN|credOTP) != 0,
		k&credPIN != 0 && (fc.pinCard || k&credAccount != 0):
		return "", "", ja, en
	}
	return "", "", "", ""
}

// phishFormSendsOff returns the host a form sends to when its action is an
// absolute http(s) address on none of the brands' official domains (nor a
// payment gateway's or a government's), "" otherwise: a relative action
// stays on whatever domain showed the page.
func phishFormSendsOff(brands []phishBrand, f *Form) string {
	if f == nil || f.Orphan {
		return ""
	}
	to := formActionHost(f)
	if to == "" || phishOfficialHost(brands, to) || GovernmentHost(to) || phishGateway(phishData().gateways, to) != "" {
		return ""
	}
	return to
}

// formActionHost is the lower-case host a form sends to when its action
// (absolute, as the page reader resolved it) is an http(s) address, ""
// otherwise.
func formActionHost(f *Form) string {
	u, err := url.Parse(f.Action)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
}

// AsksForSecrets reports whether a form of p asks for passwords, card
// data, PINs or the like (what phishing-credential-form reads).
func AsksForSecrets(p *Page) bool {
	return p != nil && len(phishFormsCreds(p)) > 0
}

// OfficialHost reports whether host (lower case) is an official domain of
// a brand in d (the built-in brands when d is nil or has none) or a
// government's. The checker asks it of the address a saved page claims
// for itself (<link rel=canonical>, og:url): a kit copies the real page's
// head with those tags, so such a claim cannot clear a page that asks for
// secrets.
func OfficialHost(d *Data, host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return phishOfficialHost(phishBrandsOf(d), host) || GovernmentHost(host)
}

// phishOfficialHost reports whether host is an official domain of any brand.
func phishOfficialHost(brands []phishBrand, host string) bool {
	if len(brands) > 0 && brands[0].all != nil {
		return brands[0].all.anyOfficial(host)
	}
	for _, pb := range brands {
		if pb.b.Official(host) {
			return true
		}
	}
	return false
}

// checkBrandImpersonation fires where a page presents itself as a brand
// (title, h1, a login heading or button naming the brand, its logo, its
// copyright line) on a domain that is none of the brand's, with a login or
// verification context (a secret field, or login wording in the title or a
// heading). A copyright line naming the brand without any login context is
// a weaker finding (medium). Shops naming the products they sell, news and
// warning pages do not present themselves as the brand and stay clean.
func checkBrandImpersonation(site *Site) []Finding {
	var login, delivery, bill *phishLits // looked up for a page presenting a brand only
	var out []Finding
	for _, p := range site.Pages {
		host := phishPageHost(p, site)
		presented := phishPresentedOn(site, p)
		if len(presented) == 0 {
			continue
		}
		if login == nil {
			words := phishData().sets.words
			login, delivery, bill = words["login"], words["delivery"], words["bill"]
		}
		hasSecret := len(phishFormsCreds(p)) > 0
		if !hasSecret && phishWarningPage(p) {
			continue
		}
		// Login wording, a courier's redelivery wording or an unpaid
		// bill's, in the title or a heading.
		title := phishNorm(p.Title)
		loginWords := login.has(title) || delivery.has(title) || bill.has(title)
		for _, h := range p.Headings {
			if loginWords {
				break
			}
			h := phishNorm(h)
			loginWords = login.has(h) || delivery.has(h) || bill.has(h)
		}
		ctx := hasSecret || loginWords
		for _, pr := range presented {
			official := phishOfficialList(pr.brand)
			f := Finding{
				Evidence:   pr.evidence + " — " + phishHostLabel(host) + "（公式: " + official + "）",
				EvidenceEN: phishEvidenceEN(pr.evidence) + " — " + phishHostLabelEN(host) + " (official: " + official + ")",
				URL:        p.URL,
				Message: Text{
					JA: pr.brand.Name + "を名乗るページですが、" + pr.brand.Name + "の公式ドメイン（" + official + "）ではありません（" + host + "）",
					EN: "this page presents itself as " + pr.brand.EnglishName() + " but " + host + " is not one of its official domains (" + official + ")",
				},
			}
			if host == "" {
				f.Severity, f.Points = Medium, 20
				f.Message = Text{
					JA: pr.brand.Name + "を名乗るページです。保存されたページのため配信元のドメインを確認できません。公式ドメイン（" + official + "）以外で表示されたなら偽物です",
					EN: "this page presents itself as " + pr.brand.EnglishName() + "; it is a saved page, so the domain it came from cannot be confirmed: if it was shown on any other domain than its official ones (" + official + "), it is a fake",
				}
			}
			switch {
			case pr.how == "masthead":
				// A header line naming the brand is a presentation only
				// beside a field asking for a secret.
				if !hasSecret {
					continue
				}
			case ctx:
			case pr.how == "copyright":
				f.Severity, f.Points = Medium, 20
				if host == "" {
					f.Severity, f.Points = Low, 10
				}
			default:
				continue
			}
			out = append(out, f)
		}
	}
	return out
}

// checkFormPostsOffsite fires where a form with fields to type into sends
// them to another registrable domain. Search boxes (a GET form with one
// field), payment gateways and the form services of phishing_gateways.txt
// (these only for forms without secrets), and forms between two official
// domains of one brand do not count.
func checkFormPostsOffsite(site *Site) []Finding {
	brands := phishBrandsOf(site.Data)
	gw := phishData().gateways
	var out []Finding
	for _, p := range site.Pages {
		host := phishPageHost(p, site)
		if host == "" || GovernmentHost(host) && len(phishPresentedOn(site, p)) == 0 {
			// A public body's forms go where it chose (its e-application
			// service), unless the page poses as a brand.
			continue
		}
		for i := range p.Forms {
			f := &p.Forms[i]
			if f.Orphan {
				continue
			}
			action := formActionHost(f)
			if action == "" || phishRegDomain(action) == phishRegDomain(host) {
				continue
			}
			var typed []string
			secret := phishCred(0)
			search := false
			for _, in := range f.Inputs {
				switch in.Type {
				case "text", "password", "email", "tel", "number", "textarea", "url", "":
				case "search":
					search = true
					continue
				default:
					continue
				}
				secret |= phishClassify(in)
				name := Clip(in.Label, 16)
				if name == "" {
					name = Clip(in.Placeholder, 16)
				}
				if name == "" {
					name = in.Name
				}
				typed = append(typed, name)
			}
			if len(typed) == 0 {
				continue
			}
			if f.Method != "post" && secret == 0 && (search || len(typed) == 1) {
				continue
			}
			if kind := phishGateway(gw, action); kind == "payment" || (kind == "forms" && secret&^credBirth == 0) ||
				(kind == "banking" && secret&(credCard|credExpiry|credCSC) == 0) {
				continue
			}
			if phishSameBrand(brands, host, action) {
				continue
			}
			method := strings.ToUpper(f.Method)
			out = append(out, Finding{
				Evidence: method + " " + Clip(f.Action, 100) + " (" + Clip(strings.Join(typed, ", "), 80) + ")",
				URL:      p.URL,
				Message: Text{
					JA: "このフォームの入力内容は別のドメイン（" + action + "）へ送信されます",
					EN: "this form sends what is typed to another domain (" + action + ")",
				},
			})
		}
	}
	return out
}

// phishGateway returns the kind of the gateway or form service host belongs
// to, or "".
func phishGateway(gw map[string]string, host string) string {
	for h := host; h != ""; {
		if k, ok := gw[h]; ok {
			return k
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return ""
}

// phishSameBrand reports whether a and b are both official domains of one
// brand (vpass.ne.jp posting to smbc-card.com).
func phishSameBrand(brands []phishBrand, a, b string) bool {
	for _, pb := range brands {
		if pb.b.Official(a) && pb.b.Official(b) {
			return true
		}
	}
	return false
}
