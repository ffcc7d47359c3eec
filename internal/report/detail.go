package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/defang"
	"github.com/shopcheck/shopcheck/rules"
)

// detailWriter prints the full view of each target for a resident: the
// verdict in one line first, then each sign with its evidence and page,
// then the advice and where to consult.
type detailWriter struct {
	w     io.Writer
	o     Options
	n     int
	desks bool // whether the desks were printed already
}

// maxUnreadShown is how many unread pages the text view names.
const maxUnreadShown = 5

// words holds the fixed phrases of the text view.
var words = map[string]rules.Text{
	"high":         {JA: "危険度: 高", EN: "Risk: HIGH"},
	"medium":       {JA: "危険度: 中", EN: "Risk: MEDIUM"},
	"low":          {JA: "危険度: 低", EN: "Risk: LOW"},
	"error":        {JA: "確認できませんでした", EN: "Could not be checked"},
	"high.say":     {JA: "詐欺の疑いが強いです。リンクを開いたり、注文・入力・振込をしたりしないでください。", EN: "This looks like fraud. Do not open its links, order, enter any data or transfer money."},
	"high.bill":    {JA: "架空請求の疑いが強いです。支払ったり、表示された連絡先に連絡したりしないでください。", EN: "This looks like a fake bill. Do not pay, and do not contact the number or address it shows."},
	"quoted.say":   {JA: "このメッセージ自体には詐欺の兆候は見つかりませんでした。危険度は、メッセージが引用しているURL（開けない書き方のもの）についての判定です。引用されたURLは開かないでください。メッセージ自体が本物かどうかは、公式サイトや公式アプリで確かめてください。", EN: "No sign of fraud was found in the message itself; the risk is that of the addresses it quotes in a form that cannot be opened. Do not open them, and check whether the message itself is genuine on the official site or app."},
	"high.msg":     {JA: "詐欺の疑いが強いです。リンクや添付ファイルを開いたり、返信・入力・支払いをしたり、記載の連絡先に連絡したりしないでください。", EN: "This looks like fraud. Do not open its links or attachments, reply, enter any data, pay, or contact the number or address it gives."},
	"med.msg":      {JA: "注意が必要です。下の根拠を確かめてください。リンクや添付ファイルは開かず、公式アプリや自分で調べた連絡先で確かめてください。", EN: "Be careful. Check the evidence below. Do not open the links or attachments; check in the official app or by contact details you look up yourself."},
	"high.support": {JA: "サポート詐欺の疑いが強いです。表示された番号に電話せず、ブラウザのタブやウィンドウを閉じてください。閉じ方と、電話してしまったときの相談先は下の兆候の説明にあります。", EN: "This looks like a tech-support scam. Do not call the number it shows; close the browser tab or window. How to close it, and whom to consult if you already called, is in the sign below."},
	"med.support":  {JA: "注意が必要です。下の根拠を確かめてください。ウイルス感染などの警告に表示された番号には電話しないでください。", EN: "Be careful. Check the evidence below. Do not call a number shown with a virus or security alert."},
	"med.bill":     {JA: "注意が必要です。下の根拠を確かめてください。身に覚えのない請求なら、支払ったり連絡したりしないでください。", EN: "Be careful. Check the evidence below. If you do not recognise the charge, do not pay and do not contact them."},
	"med.say":      {JA: "注意が必要です。下の根拠を確かめ、少しでも不安なら利用を控えてください。", EN: "Be careful. Check the evidence below, and if in any doubt, do not use the site."},
	"low.say":      {JA: "大きな危険の兆候は見つかりませんでした。ただし安全の保証ではありません。", EN: "No strong warning signs were found. That is not a guarantee of safety."},
	"low.msg":      {JA: "大きな危険の兆候は見つかりませんでした。ただし安全の保証ではありません。お金の支払い、口座番号や暗証番号、LINEでの連絡などを求める内容なら、名乗っている会社や役所に、自分で調べた番号で確かめてください（迷ったら #9110 警察相談専用電話、188 消費者ホットライン）。", EN: "No strong warning signs were found. That is not a guarantee of safety. If it asks you to pay, for account numbers or PINs, or to get in touch on LINE, check with the company or office it names, on a number you look up yourself (when unsure: #9110, the police consultation line, or 188, the consumer hotline)."},
	"err.say":      {JA: "ページを読めなかったため、URLとドメインだけで判断しています。", EN: "The page could not be read, so only the URL and domain were judged."},
	"signs":        {JA: "見つかった兆候", EN: "Warning signs found"},
	"nosigns":      {JA: "兆候は見つかりませんでした。", EN: "No warning signs were found."},
	"nosigns.msg":  {JA: "メッセージの本文には兆候は見つかりませんでした（危険度と点数は下のリンク先の判定によるものです）。", EN: "The message's own text shows no warning signs (the risk and score come from the links below)."},
	"low.partial":  {JA: "大きな危険の兆候は見つかりませんでしたが、ページの中身を読めていないため、安全とは判断できません。下の注意書きを読んでください。", EN: "No strong warning sign was found, but the page's content could not be read, so it cannot be judged safe. Read the note below."},
	"low.but":      {JA: "全体の危険度は低めですが、注意したい強い兆候があります。下の根拠を確かめてください。", EN: "The risk is low overall, but a strong warning sign was found: check the evidence below."},
	"evidence":     {JA: "根拠", EN: "Evidence"},
	"page":         {JA: "ページ", EN: "Page"},
	"domain":       {JA: "ドメイン", EN: "Domain"},
	"created":      {JA: "登録日", EN: "registered"},
	"advice":       {JA: "アドバイス", EN: "Advice"},
	"consult":      {JA: "相談窓口", EN: "Where to consult"},
	"stations":     {JA: "宮城県内の警察署", EN: "Police stations in Miyagi"},
	"pages":        {JA: "調べたページ", EN: "Pages read"},
	"score":        {JA: "点", EN: "points"},
	"error.code":   {JA: "理由", EN: "Reason"},
	"error.more":   {JA: "技術的な詳細（英語）", EN: "Details"},
	"script.built": {JA: "※このページは文字がほとんどなく、実際の内容は閲覧したときにプログラム（スクリプト）で表示される仕組みのようです。shopcheck はそれを実行しないため、表示される内容は判断に入っていません。店名やURLを検索して評判を確かめてください。", EN: "Note: this page has almost no text of its own; what a browser shows seems to be built by a program (scripts) when it is opened. shopcheck does not run it, so that content was not judged. Search the shop's name and address for its reputation."},
	"unread":       {JA: "※次のページは読めなかったため（時間切れなど）、判断に入っていません。特定商取引法の表記や支払方法のページなら、判定は実際より安全側に出ているかもしれません。時間をおいて、または --timeout / --site-timeout を長くして確かめ直してください。", EN: "Note: these pages could not be read (a timeout or the like) and were not judged. If they hold the seller disclosure or the payment terms, the verdict may look safer than the site is: check again later, or with a longer --timeout / --site-timeout."},
	"links.byname": {JA: "※リンクが多いため、%d 件はページを開かず、アドレスだけで確かめました（サイトごとに1件を先に開いて確かめました）。", EN: "Note: there are many links: %d were screened by their addresses alone, without opening their pages (one of each site was opened first)."},
	"unread.more":  {JA: "ほか %d ページ", EN: "and %d more"},
	"unsaved":      {JA: "※このページからリンクされている特定商取引法の表記（販売者情報）のページは一緒に保存されていないため、読めていません。販売者名・住所・電話番号を確かめていないので、低い判定でも安全とは言えません。表記のページも保存して、両方を入れたフォルダーを指定するか、URLで確かめてください。", EN: "Note: the seller disclosure page this saved page links to was not saved with it and was not read. The seller's name, address and phone were not checked, so a low verdict is no all-clear: save that page too and give the folder that holds both, or check the site by its URL."},
	"disc.image":   {JA: "※「特定商取引法に基づく表記」が画像になっていて、shopcheck は中身（販売者名・住所・電話番号）を読んでいません。画像の内容を自分で確かめ、会社名や住所、電話番号を検索して実在するか調べてください。", EN: "Note: the legal disclosure (特定商取引法に基づく表記) is an image, which shopcheck does not read: its seller, address and phone were not judged. Read it yourself, and search the name, address and phone to see whether they are real."},
	"hop.failed":   {JA: "※このページは、別のページへ移動させるか、別のページを画面いっぱいに表示するだけのページです。そのページを読めなかったため、その内容は判断に入っていません。", EN: "Note: this page only sends the browser on to another page, or shows one in its place, and that page could not be read: what it shows was not judged."},
	"whois.failed": {JA: "登録日を問い合わせられなかったため、ドメインの新しさは判断に入っていません", EN: "The registry could not be asked, so the domain's age was not judged"},
	// What each error code means for the person reading, and what to do.
	"err." + checker.CodeInvalidTarget:     {JA: "URLまたはドメイン名として読めませんでした。綴り（「.」と「,」の打ち間違いなど）を確かめてください。", EN: "This is not a URL or domain name that can be read. Check the spelling (a comma typed for a dot, say)."},
	"err.empty":                            {JA: "メッセージの本文が空でした（空のファイル、または何も貼り付けられていません）。SMSやメールの本文を貼り付けるか、.txt / .eml に保存して指定してください。", EN: "The message was empty (an empty file, or nothing was pasted). Paste the SMS or e-mail text, or save it as .txt / .eml and give the file."},
	"err.nofile":                           {JA: "ファイルまたはフォルダーが見つかりませんでした。場所と名前を確かめてください。", EN: "No such file or folder. Check where it is and its name."},
	"err.notpage":                          {JA: "保存したページ（.html）か証拠ファイル（.warc、.warc.gz）ではありません。SMSやメールの文面なら shopcheck message で調べてください。", EN: "This is not a saved page (.html) or an evidence file (.warc, .warc.gz). For the text of an SMS or e-mail, use shopcheck message."},
	"err.emptydir":                         {JA: "このフォルダーには保存したページ（.html）がありません。", EN: "This folder holds no saved pages (.html)."},
	"err.folder":                           {JA: "フォルダーが指定されました。メッセージのファイル（.txt または .eml）を指定してください。", EN: "A folder was given: give a message file (.txt or .eml)."},
	"err.nottext":                          {JA: "文字を読み取れませんでした（画像などのファイルは読めません）。文面をコピーして、テキストファイルか .eml で保存してください。", EN: "No text could be read (images and other files cannot be): copy the message's text and save it as a .txt or .eml file."},
	"err." + checker.CodeUnsupportedScheme: {JA: "http:// または https:// で始まるWebサイトのアドレスではありません。先頭の綴りを確かめてください。", EN: "This is not a web address starting with http:// or https://. Check how it begins."},
	"err." + checker.CodeBlockedAddress:    {JA: "家庭や会社の中など、インターネットに公開されていないアドレスを指しているため、調べませんでした。", EN: "It points to an address that is not on the public internet (inside a home or office network), so it was not checked."},
	"err." + checker.CodeDNS:               {JA: "このドメインは見つかりませんでした。綴りの誤りか、サイトがすでに閉鎖された可能性があります。", EN: "This domain could not be found: it may be misspelt, or the site may have been taken down."},
	"err." + checker.CodeConnect:           {JA: "サイトに接続できませんでした。サーバーが止まっているか、サイトが閉鎖された可能性があります。", EN: "Could not connect to the site: its server may be down, or the site closed."},
	"err." + checker.CodeTLS:               {JA: "証明書などに問題があり、安全な接続（https）ができませんでした。", EN: "A secure (https) connection could not be made: the site's certificate or setup is faulty."},
	"err." + checker.CodeTimeout:           {JA: "時間内に応答がありませんでした。しばらくしてからもう一度お試しください。", EN: "The site did not answer in time. Try again later."},
	"err." + checker.CodeHTTPStatus:        {JA: "サイトがエラーを返しました（ページが存在しないか、サイトが閉鎖された可能性があります）。", EN: "The site answered with an error (the page may not exist, or the site may be closed)."},
	"err." + checker.CodeTooManyRedirects:  {JA: "転送が何度も繰り返されたため、たどるのをやめました。", EN: "The site redirected too many times; shopcheck stopped following it."},
	"err." + checker.CodeRead:              {JA: "ページを最後まで受け取れませんでした。", EN: "The page could not be read to its end."},
	"err.internal":                         {JA: "shopcheck 自身の不具合で、最後まで調べられませんでした（調べた対象のせいではありません）。同じ入力でくり返し起きるときは、入力と下の詳細を添えて開発者に知らせてください。", EN: "shopcheck failed on a fault of its own and could not finish (not because of what was checked). If the same input fails again, please report it with the input and the detail below."},
	"links":                                {JA: "リンク先の判定", EN: "Links in the message"},
	"link.quoted":                          {JA: "（引用されたURL・開かないでください）", EN: " (quoted URL: do not open)"},
	"links.quoted":                         {JA: "※「引用されたURL」は、メッセージの中で開けない書き方（hxxps://、[.] など）で書かれていたものです。ここでもそのまま表示しています。開かないでください。", EN: "Note: addresses marked quoted were written in the message in a form that cannot be opened (hxxps://, [.]); they are shown so here too. Do not open them."},
	"link.nosign":                          {JA: "兆候なし（ドメイン名だけで判定）", EN: "No sign (judged by domain name alone)"},
	"link.nameonly":                        {JA: "（ドメイン名だけで判定・ページは取得していません）", EN: " (judged by its domain name alone: the page was not fetched)"},
	"advice.head":                          {JA: "%s ― %s", EN: "%s — %s"},
	"paren":                                {JA: "%s（%s）", EN: "%s (%s)"},
	"mobile":                               {JA: "（スマートフォンとして取得）", EN: " (fetched as a smartphone)"},
	"cut":                                  {JA: "（送られてくる途中で途切れ、一部しか読めていません: %s）", EN: " (the answer stopped before its end, so only part was read: %s)"},
	"cut.note":                             {JA: "※%s は送られてくる途中で途切れ、一部しか読めていません（%s）。残りの部分は判断に入っていません。", EN: "Note: %s stopped before its end, so only part of it was read (%s); the rest was not judged."},
	"truncated":                            {JA: "（大きすぎるため途中まで読みました）", EN: " (too large: read in part)"},
}

func (d *detailWriter) say(key string) string { return words[key].In(d.o.Lang) }

func (d *detailWriter) Write(r *checker.Result) error {
	var b strings.Builder
	if d.n > 0 {
		b.WriteString("\n" + strings.Repeat("─", 60) + "\n\n")
	}
	d.n++
	where := r.URL
	if where == "" {
		where = r.Target
	}
	verdict := d.say(string(r.Risk))
	switch r.Risk {
	case rules.RiskError:
		fmt.Fprintf(&b, "【%s】 %s\n", verdict, where)
	default:
		fmt.Fprintf(&b, "【%s】 %s  (%d/100)\n", verdict, where, r.Score)
	}
	switch r.Risk {
	case rules.RiskHigh, rules.RiskMedium:
		b.WriteString("  " + d.say(verdictSay(r)) + "\n")
	case rules.RiskLow:
		switch {
		case hasHighSign(r.Signs):
			b.WriteString("  " + d.say("low.but") + "\n")
		case r.HopError != "" || r.ScriptBuilt || r.DisclosureImage != "" || len(r.Unread) > 0 || r.LinksByName > 0 || slices.ContainsFunc(r.Pages, func(p checker.PageInfo) bool { return p.Cut != "" }):
			b.WriteString("  " + d.say("low.partial") + "\n")
		case r.Links != nil:
			// A message (its result lists its links, if none): what no
			// sign caught may still be a lure of a kind not known.
			b.WriteString("  " + d.say("low.msg") + "\n")
		default:
			b.WriteString("  " + d.say("low.say") + "\n")
		}
	}
	if r.Error != nil {
		d.writeError(&b, "  ", r.Error)
		if r.Domain != "" && (r.Risk == rules.RiskError || len(r.Signs) > 0) {
			b.WriteString("  " + d.say("err.say") + "\n")
		}
	}
	if r.Target != where {
		fmt.Fprintf(&b, "  (%s)\n", r.Target)
	}
	if len(r.Signs) == 0 {
		switch {
		case r.Error != nil:
		case len(r.Links) > 0 && (r.Risk != rules.RiskLow || r.Score > 0):
			b.WriteString("\n" + d.say("nosigns.msg") + "\n")
		default:
			b.WriteString("\n" + d.say("nosigns") + "\n")
		}
	} else {
		b.WriteString("\n")
		b.WriteString(d.say("signs") + ":\n")
		for _, s := range r.Signs {
			fmt.Fprintf(&b, "  ● [%s] %s  (+%d %s)\n", s.Severity.Word(d.o.Lang), s.Message, s.Points, d.say("score"))
			if s.Evidence != "" {
				fmt.Fprintf(&b, "      %s: %s\n", d.say("evidence"), s.Evidence)
			}
			if s.URL != "" && s.URL != where {
				fmt.Fprintf(&b, "      %s: %s\n", d.say("page"), s.URL)
			}
		}
	}
	if r.ScriptBuilt { // the checker sets it only when no hop_error is said
		b.WriteString("  " + d.say("script.built") + "\n")
	}
	if r.DisclosureImage != "" {
		fmt.Fprintf(&b, "  %s\n    %s\n", d.say("disc.image"), r.DisclosureImage)
	}
	if r.HopError != "" {
		fmt.Fprintf(&b, "  %s\n    %s: %s\n", d.say("hop.failed"), d.say("error.more"), r.HopError)
	}
	for i, p := range r.Pages {
		// Once a page: its smartphone copy has the same address.
		if p.Cut != "" && !slices.ContainsFunc(r.Pages[:i], func(q checker.PageInfo) bool { return q.Cut != "" && q.URL == p.URL }) {
			fmt.Fprintf(&b, "  "+d.say("cut.note")+"\n", p.URL, p.Cut)
		}
	}
	var unread, unsaved []checker.PageError
	for _, p := range r.Unread {
		if p.Code == checker.CodeNotSaved {
			unsaved = append(unsaved, p)
		} else {
			unread = append(unread, p)
		}
	}
	if len(unread) > 0 {
		b.WriteString("  " + d.say("unread") + "\n")
		for i, p := range unread {
			if i == maxUnreadShown {
				fmt.Fprintf(&b, "    "+d.say("unread.more")+"\n", len(unread)-i)
				break
			}
			fmt.Fprintf(&b, "    %s (%s)\n", p.URL, p.Message)
		}
	}
	if len(unsaved) > 0 {
		b.WriteString("  " + d.say("unsaved") + "\n")
		for _, p := range unsaved {
			fmt.Fprintf(&b, "    %s\n", p.URL)
		}
	}
	d.writeLinks(&b, r.Links)
	if r.LinksByName > 0 {
		fmt.Fprintf(&b, "  "+d.say("links.byname")+"\n", r.LinksByName)
	}
	if r.Whois != nil || r.Domain != "" {
		line := fmt.Sprintf("%s: %s", d.say("domain"), r.Domain)
		if r.Whois != nil {
			line = fmt.Sprintf(d.say("paren"), line, fmt.Sprintf("%s %s, %s", d.say("created"), r.Whois.Created, d.age(r.Whois.AgeDays)))
		}
		b.WriteString("\n" + line + "\n")
		if r.WhoisError != "" {
			if d.o.Lang == "en" {
				fmt.Fprintf(&b, "  %s (%s)\n", d.say("whois.failed"), r.WhoisError)
			} else {
				fmt.Fprintf(&b, "  %s（%s: %s）\n", d.say("whois.failed"), d.say("error.more"), r.WhoisError)
			}
		}
	}
	if len(r.Pages) > 1 {
		fmt.Fprintf(&b, "%s: %d\n", d.say("pages"), len(r.Pages))
		for _, p := range r.Pages {
			t := ""
			if p.Cut != "" {
				t = fmt.Sprintf(d.say("cut"), p.Cut)
			} else if p.Truncated {
				t = d.say("truncated")
			}
			if p.Mobile {
				t = d.say("mobile") + t
			}
			fmt.Fprintf(&b, "  - %s [%d]%s\n", p.URL, p.Status, t)
		}
	}
	for _, a := range r.Advice {
		b.WriteString("\n" + fmt.Sprintf(d.say("advice.head"), d.say("advice"), d.o.Advice.Title(a.Topic, d.o.Lang)) + ":\n")
		for _, l := range a.Lines {
			b.WriteString("  ・" + l + "\n")
		}
	}
	if r.Risk != rules.RiskLow && !d.desks && !inputMistake(r) {
		d.desks = true
		b.WriteString("\n" + d.say("consult") + ":\n")
		writeDesks(&b, d.o.Advice, d.o.Lang)
	}
	_, err := io.WriteString(d.w, TerminalSafe(b.String()))
	return err
}

func (d *detailWriter) Close() error { return nil }

// WriteSummary adds, after the full views of several targets (check A B,
// message a.eml b.eml), the campaigns among them: the accounts, phones,
// e-mail addresses or disclosures they share. One target has none to
// share, and no summary is printed for it.
func (d *detailWriter) WriteSummary(t *Tally) error {
	if t.Total < 2 {
		return nil
	}
	camps := t.Clusters.Campaigns()
	if len(camps) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n")
	writeCampaigns(&b, camps, d.o.Lang)
	_, err := io.WriteString(d.w, TerminalSafe(b.String()))
	return err
}

// age says how long ago a domain was registered: in days under a year
// (what domain-new weighs), in years beyond (「約15年前」 reads better than
// 「5474日前」).
func (d *detailWriter) age(days int) string {
	years := int(float64(days)/365.25 + 0.5)
	switch {
	case days < 365 && d.o.Lang == "en":
		return fmt.Sprintf("%d days ago", days)
	case days < 365:
		return fmt.Sprintf("%d日前", days)
	case d.o.Lang == "en" && years == 1:
		return "about a year ago"
	case d.o.Lang == "en":
		return fmt.Sprintf("about %d years ago", years)
	}
	return fmt.Sprintf("約%d年前", years)
}

// verdictKind says what a result is about, for what its verdict line
// tells the reader to do: "msg" (a message: its links and attachments are
// not to be opened, a bill in it not paid), "support" (a fake virus alert:
// its number not to be called; its topic is billing's, whose verdict line
// would speak of a bill to pay), "bill" (a one-click bill page: not to be paid)
// or "" (a site: not to be used).
func verdictKind(r *checker.Result) string {
	if len(r.Links) > 0 {
		if len(r.Signs) == 0 && !slices.ContainsFunc(r.Links, func(l *checker.Result) bool {
			return !l.Quoted && l.Risk.Rank() >= rules.RiskMedium.Rank()
		}) {
			// The risk is that of addresses a warning quotes.
			return "quoted"
		}
		return "msg"
	}
	support, bill := false, false
	for _, s := range r.Signs {
		if strings.HasPrefix(s.ID, "mail-") {
			return "msg"
		}
		support = support || s.ID == "support-scam"
		bill = bill || s.ID == "oneclick-billing"
	}
	if support {
		return "support"
	}
	if bill && len(r.Advice) > 0 && r.Advice[0].Topic == "billing" {
		// A bill's screen. The other signs with the billing advice
		// (investment, fake police, 闇バイト recruitment) are no bill:
		// their verdict is the plain one, their own message says more.
		return "bill"
	}
	return ""
}

// verdictSay is the key of the verdict line for r's risk (high or medium) and kind.
func verdictSay(r *checker.Result) string {
	base := "med"
	if r.Risk == rules.RiskHigh {
		base = "high"
	}
	switch verdictKind(r) {
	case "msg":
		return base + ".msg"
	case "quoted":
		return "quoted.say"
	case "bill":
		return base + ".bill"
	case "support":
		return base + ".support"
	}
	return base + ".say"
}

// inputMistake reports whether r is an error record for input the tool
// could not take (a mistyped file name, not a URL), or for a check that
// failed inside the tool: the desks are of no help there.
func inputMistake(r *checker.Result) bool {
	return r.Risk == rules.RiskError && len(r.Signs) == 0 && r.Error != nil &&
		(r.Error.Code == checker.CodeInvalidTarget || r.Error.Code == checker.CodeUnsupportedScheme || internalError(r.Error))
}

// internalError reports whether e is a check that failed inside shopcheck
// (checker.InternalPrefix), not on its target.
func internalError(e *checker.ErrorInfo) bool {
	return e.Code == checker.CodeRead && strings.HasPrefix(e.Message, checker.InternalPrefix)
}

// hasHighSign reports whether any sign is of high severity: a low verdict
// must not then say that no strong sign was found.
func hasHighSign(signs []rules.Sign) bool {
	for _, s := range signs {
		if s.Severity == rules.High {
			return true
		}
	}
	return false
}

// writeError prints why a target could not be checked: what its code
// means and what to do, in the reader's language, then the technical
// detail (in English, as the JSON has it) with the code.
func (d *detailWriter) writeError(b *strings.Builder, indent string, e *checker.ErrorInfo) {
	if why := errorWhy(e, d.o.Lang); why != "" {
		fmt.Fprintf(b, "%s%s: %s\n", indent, d.say("error.code"), why)
		fmt.Fprintf(b, "%s%s: %s [%s]\n", indent, d.say("error.more"), e.Message, e.Code)
		return
	}
	fmt.Fprintf(b, "%s%s: %s [%s]\n", indent, d.say("error.code"), e.Message, e.Code)
}

// errorWhy is what error e means for the reader and what to do, in lang
// (the text view and the HTML report say it alike); "" for no error or
// one without such words.
func errorWhy(e *checker.ErrorInfo, lang string) string {
	if e == nil {
		return ""
	}
	key := "err." + e.Code
	switch {
	case e.Code == checker.CodeInvalidTarget:
		key = inputErrorKey(e.Message)
	case internalError(e):
		key = "err.internal"
	}
	if why, ok := words[key]; ok {
		return why.In(lang)
	}
	return ""
}

// inputErrorKey says which input mistake an invalid-target error's detail
// tells of (the checker's and the message reader's wording), for a message
// that says what to do about it: a missing file, a file that is no page,
// an empty folder, a folder given as a message, a screenshot.
func inputErrorKey(msg string) string {
	switch {
	case strings.Contains(msg, "no such file or folder"):
		return "err.nofile" // the checker's and the message reader's own words, on every system
	case strings.Contains(msg, "is a local file but not an .html"):
		return "err.notpage"
	case strings.Contains(msg, "holds no .html files"):
		return "err.emptydir"
	case strings.Contains(msg, "is a folder, not a message file"):
		return "err.folder"
	case strings.HasPrefix(msg, "not text: "):
		return "err.nottext"
	case strings.HasPrefix(msg, "empty: "):
		return "err.empty"
	}
	return "err." + checker.CodeInvalidTarget
}

// writeDesks prints the consultation desks and the police stations.
func writeDesks(b *strings.Builder, a *rules.Advice, lang string) {
	for _, desk := range a.Desks() {
		contact := desk.Phone
		if desk.Email != "" {
			if contact != "" {
				contact += ", "
			}
			contact += desk.Email
		}
		fmt.Fprintf(b, "  ・%s: %s\n", desk.Name.In(lang), contact)
		if n := desk.Note.In(lang); n != "" {
			fmt.Fprintf(b, "      %s\n", n)
		}
	}
	fmt.Fprintf(b, "  ・%s:\n", words["stations"].In(lang))
	line := "     "
	for i, s := range a.Stations {
		item := fmt.Sprintf(" %s %s", s.In(lang), s.Phone)
		if i > 0 {
			item = " /" + item
		}
		if len([]rune(line))+len([]rune(item)) > 78 {
			b.WriteString(line + "\n")
			line = "     " + strings.TrimPrefix(item, " /")
			continue
		}
		line += item
	}
	b.WriteString(line + "\n")
}

// WriteAdvice prints the advice for topic, or every topic when topic is
// empty, and where to consult: the `shopcheck advice` command's output.
func WriteAdvice(w io.Writer, a *rules.Advice, topic, lang string) error {
	var b strings.Builder
	topics := rules.Topics()
	if topic != "" {
		topics = []string{topic}
	}
	for i, t := range topics {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s (%s)\n", a.Title(t, lang), t)
		for _, l := range a.Lines(t, lang) {
			b.WriteString("  ・" + l + "\n")
		}
	}
	b.WriteString("\n" + words["consult"].In(lang) + ":\n")
	writeDesks(&b, a, lang)
	_, err := io.WriteString(w, TerminalSafe(b.String()))
	return err
}

// writeLinks writes the results of a message's links: each link's
// verdict, its error and its signs; the addresses a warning quotes are
// marked so, with a note.
func (d *detailWriter) writeLinks(b *strings.Builder, links []*checker.Result) {
	if len(links) == 0 {
		return
	}
	b.WriteString("\n" + d.say("links") + ":\n")
	if slices.ContainsFunc(links, func(l *checker.Result) bool { return l.Quoted }) {
		b.WriteString("  " + d.say("links.quoted") + "\n")
	}
	for _, l := range links {
		quoted, target := "", l.Target
		if l.Quoted {
			quoted, target = d.say("link.quoted"), defang.Defang(l.Target)
		}
		nameOnly := ""
		if l.Error == nil && len(l.Pages) == 0 && l.Risk != rules.RiskError {
			nameOnly = d.say("link.nameonly")
		}
		if nameOnly != "" && len(l.Signs) == 0 {
			// Not "low": nothing about the page was judged, and the
			// message's own verdict is what counts.
			fmt.Fprintf(b, "  ● 【%s】 %s%s\n", d.say("link.nosign"), target, quoted)
		} else {
			fmt.Fprintf(b, "  ● 【%s】 %s%s  (%d/100)%s\n", d.say(string(l.Risk)), target, quoted, l.Score, nameOnly)
		}
		if l.Error != nil {
			d.writeError(b, "      ", l.Error)
		}
		for _, s := range l.Signs {
			fmt.Fprintf(b, "      - [%s] %s  (+%d %s)\n", s.Severity.Word(d.o.Lang), s.Message, s.Points, d.say("score"))
			if s.Evidence != "" {
				fmt.Fprintf(b, "        %s: %s\n", d.say("evidence"), s.Evidence)
			}
		}
	}
}
