package report

import (
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// TestDetailMarksSmartphoneCopy checks that the full text view lists the
// smartphone copy of a page as such, in both languages, and nothing else.
func TestDetailMarksSmartphoneCopy(t *testing.T) {
	res := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow,
		Pages: []checker.PageInfo{
			{URL: "https://shop.example.jp/", Status: 200, SHA256: "ab"},
			{URL: "https://shop.example.jp/", Status: 200, SHA256: "ab", Mobile: true},
			{URL: "https://shop.example.jp/law", Status: 200, SHA256: "cd", Truncated: true},
		}}
	for lang, mark := range map[string]string{"ja": "スマートフォンとして取得", "en": "fetched as a smartphone"} {
		b := detailText(t, res, lang)
		var marked []string
		for _, l := range strings.Split(b, "\n") {
			if strings.Contains(l, mark) {
				marked = append(marked, l)
			}
		}
		if len(marked) != 1 || !strings.Contains(marked[0], "https://shop.example.jp/ [200]") {
			t.Errorf("%s: lines marked as the smartphone copy %q, want the second page's alone; output:\n%s", lang, marked, b)
		}
	}
}

// TestDetailExplainsErrors: a target that could not be checked says why in
// the reader's language, with what to do, then the technical detail; and
// "judged by URL and domain" only when a domain was judged.
func TestDetailExplainsErrors(t *testing.T) {
	typo := &checker.Result{Target: "amazon.co,jp", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: `"amazon.co,jp" has a host name with a character no host name can have`}}
	down := &checker.Result{Target: "https://gone.example.jp/", URL: "https://gone.example.jp/", Domain: "example.jp", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeConnect, Message: "could not connect to gone.example.jp: connection refused"}}
	for _, c := range []struct {
		res           *checker.Result
		lang          string
		want, wantNot []string
	}{
		{typo, "ja", []string{"理由: URLまたはドメイン名として読めませんでした", "技術的な詳細（英語）: \"amazon.co,jp\" has a host name", "[invalid-target]"}, []string{"URLとドメインだけで判断", "\n\n\n"}},
		{typo, "en", []string{"Reason: This is not a URL or domain name", "Details: \"amazon.co,jp\""}, []string{"only the URL and domain were judged"}},
		{down, "ja", []string{"理由: サイトに接続できませんでした", "技術的な詳細（英語）: could not connect", "URLとドメインだけで判断"}, []string{"\n\n\n"}},
	} {
		var b strings.Builder
		w, err := New("text", &b, Options{Lang: c.lang, Detailed: true, Advice: rules.DefaultAdvice()})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(c.res); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, s := range c.want {
			if !strings.Contains(out, s) {
				t.Errorf("%s %s: no %q in:\n%s", c.res.Target, c.lang, s, out)
			}
		}
		for _, s := range c.wantNot {
			if strings.Contains(out, s) {
				t.Errorf("%s %s: %q in:\n%s", c.res.Target, c.lang, s, out)
			}
		}
	}
}

// TestDetailVerdictWords: a low verdict over a high-severity sign does not
// say no strong sign was found, and a message whose risk comes from its
// links does not say "no signs" under a high verdict.
func TestDetailVerdictWords(t *testing.T) {
	lowHigh := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow, Score: 25,
		Signs: []rules.Sign{{ID: "payment-transfer-only", Severity: rules.High, Points: 25, Message: "支払方法が銀行振込だけです。"}}}
	msg := &checker.Result{Target: "sms.txt", Risk: rules.RiskHigh, Score: 60,
		Links: []*checker.Result{{Target: "https://evil.example.top/", Risk: rules.RiskHigh, Score: 60}}}
	clean := &checker.Result{Target: "order.eml", Risk: rules.RiskLow,
		Links: []*checker.Result{{Target: "https://shop.example.jp/mypage", Risk: rules.RiskLow}}}
	bill := &checker.Result{Target: "https://douga.example.top/", Risk: rules.RiskHigh, Score: 60,
		Signs:  []rules.Sign{{ID: "oneclick-billing", Severity: rules.High, Points: 60, Message: "登録完了と料金の請求"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"身に覚えのない請求には支払う必要はありません。"}}}}
	shop := &checker.Result{Target: "https://shop.example.top/", Risk: rules.RiskHigh, Score: 65,
		Signs:  []rules.Sign{{ID: "payment-transfer-only", Severity: rules.High, Points: 25, Message: "支払方法が銀行振込だけです。"}},
		Advice: []checker.AdviceBlock{{Topic: "shopping", Lines: []string{"代金引換など"}}}}
	billMail := &checker.Result{Target: "nta.eml", Risk: rules.RiskHigh, Score: 50,
		Signs:  []rules.Sign{{ID: "mail-fake-bill", Severity: rules.High, Points: 50, Message: "架空請求の特徴があります。"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"x"}}}}
	medMail := &checker.Result{Target: "sms.txt", Risk: rules.RiskMedium, Score: 30,
		Signs: []rules.Sign{{ID: "mail-urgency", Severity: rules.Medium, Points: 30, Message: "急がせる文面です。"}}}
	medBill := &checker.Result{Target: "https://douga.example/", Risk: rules.RiskMedium, Score: 30,
		Signs:  []rules.Sign{{ID: "oneclick-billing", Severity: rules.Medium, Points: 30, Message: "m"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"x"}}}}
	support := &checker.Result{Target: "https://alert.example.top/", Risk: rules.RiskHigh, Score: 60,
		Signs:  []rules.Sign{{ID: "support-scam", Severity: rules.High, Points: 60, Message: "サポート詐欺の画面です。"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"x"}}}}
	medSupport := &checker.Result{Target: "https://pc-error.example.top/", Risk: rules.RiskMedium, Score: 30,
		Signs:  []rules.Sign{{ID: "support-scam", Severity: rules.Medium, Points: 30, Message: "m"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"x"}}}}
	darkJob := &checker.Result{Target: "https://white-job.example.top/", Risk: rules.RiskHigh, Score: 50,
		Signs:  []rules.Sign{{ID: "dark-job", Severity: rules.High, Points: 50, Message: "「闇バイト」の募集の特徴があります。"}},
		Advice: []checker.AdviceBlock{{Topic: "billing", Lines: []string{"x"}}}}
	inputErr := func(target, msg string) *checker.Result {
		return &checker.Result{Target: target, Risk: rules.RiskError, Error: &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: msg}}
	}
	noFile := &checker.Result{Target: "/tmp/nope.html", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: "no such file or folder: /tmp/nope.html"}}
	badURL := &checker.Result{Target: "https://shop,example.jp", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: "invalid host"}}
	imgLaw := &checker.Result{Target: "https://zakka.example.jp/", URL: "https://zakka.example.jp/", Domain: "example.jp", Risk: rules.RiskLow,
		Signs: []rules.Sign{}, DisclosureImage: "https://zakka.example.jp/law.html"}
	crashed := &checker.Result{Target: "sms.txt", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeRead, Message: checker.InternalPrefix + " while checking: runtime error: index out of range"}}
	cut := &checker.Result{Target: "https://slow.example.top/", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeRead, Message: "reading the body: unexpected EOF"}}
	down := &checker.Result{Target: "https://gone.example.top/", Domain: "example.top", Risk: rules.RiskError,
		Error: &checker.ErrorInfo{Code: checker.CodeConnect, Message: "connection refused"}}
	for _, c := range []struct {
		res           *checker.Result
		want, wantNot string
	}{
		{lowHigh, "注意したい強い兆候があります", "大きな危険の兆候は見つかりませんでした"},
		{lowHigh, "● [強] 支払方法", "[高]"}, // a sign's weight is not the verdict's word
		{msg, "メッセージの本文には兆候は見つかりませんでした", "\n兆候は見つかりませんでした。"},
		{msg, "リンクや添付ファイルを開いたり", "注文・入力・振込"},
		{clean, "\n兆候は見つかりませんでした。", "リンク先の判定によるもの"},
		{clean, "【兆候なし（ドメイン名だけで判定）】 https://shop.example.jp/mypage", "【危険度: 低】 https://shop.example.jp/mypage"},
		{bill, "架空請求の疑いが強いです。支払ったり", "注文・入力・振込"},
		{shop, "注文・入力・振込をしたりしないでください", "架空請求"},
		{noFile, "ファイルまたはフォルダーが見つかりませんでした", "相談窓口"},
		{badURL, "URLまたはドメイン名として読めませんでした", "相談窓口"},
		{down, "サイトに接続できませんでした", "ファイルまたはフォルダー"},
		{imgLaw, "「特定商取引法に基づく表記」が画像になっていて", "大きな危険の兆候は見つかりませんでした。ただし"},
		{imgLaw, "https://zakka.example.jp/law.html", "\x00"},
		{crashed, "shopcheck 自身の不具合で", "ページを最後まで受け取れませんでした"},
		{crashed, "runtime error: index out of range [read]", "相談窓口"},
		{cut, "ページを最後まで受け取れませんでした", "shopcheck 自身の不具合"},
		{down, "相談窓口", "\x00"},
		{bill, "アドバイス ― 架空請求", "アドバイス（"},
		// A message whose own sign is a fake bill: its links and
		// attachments are the danger too.
		{billMail, "リンクや添付ファイルを開いたり", "架空請求の疑いが強いです"},
		{medMail, "リンクや添付ファイルは開かず、公式アプリや自分で調べた連絡先で", "利用を控えて"},
		{medBill, "身に覚えのない請求なら、支払ったり連絡したりしないでください", "利用を控えて"},
		// A fake virus alert shares the billing advice, not the bill:
		// the verdict says not to call.
		{support, "サポート詐欺の疑いが強いです。表示された番号に電話せず", "架空請求の疑い"},
		{medSupport, "警告に表示された番号には電話しないでください", "身に覚えのない請求"},
		// 闇バイト recruitment (as investment lures and fake police)
		// shares the billing advice but is no bill (rev22).
		{darkJob, "詐欺の疑いが強いです。リンクを開いたり", "架空請求の疑い"},
		// What to do about each input mistake, without the desks.
		{inputErr("notes.txt", "notes.txt is a local file but not an .html, .warc or .warc.gz file"), "SMSやメールの文面なら shopcheck message", "相談窓口"},
		{inputErr("empty", "empty holds no .html files"), "このフォルダーには保存したページ（.html）がありません", "綴り"},
		{inputErr("mails", "opening the message: mails: is a folder, not a message file (.txt or .eml)"), "メッセージのファイル（.txt または .eml）を指定", "綴り"},
		{inputErr("shot.png", "not text: shot.png is an image or another file"), "画像などのファイルは読めません", "相談窓口"},
	} {
		var b strings.Builder
		w, err := New("text", &b, Options{Lang: "ja", Detailed: true, Advice: rules.DefaultAdvice()})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(c.res); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, c.want) || strings.Contains(out, c.wantNot) {
			t.Errorf("%s: want %q and not %q in:\n%s", c.res.Target, c.want, c.wantNot, out)
		}
	}
}

// TestDetailDomainAge: a young domain's age in days, an old one's in years.
func TestDetailDomainAge(t *testing.T) {
	for _, c := range []struct {
		days       int
		lang, want string
	}{
		{12, "ja", "12日前"}, {364, "ja", "364日前"}, {5474, "ja", "約15年前"}, {400, "ja", "約1年前"},
		{12, "en", "12 days ago"}, {400, "en", "about a year ago"}, {5474, "en", "about 15 years ago"},
	} {
		res := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow,
			Signs: []rules.Sign{}, Whois: &checker.WhoisInfo{Created: "2011-01-01", AgeDays: c.days}}
		var b strings.Builder
		w, _ := New("text", &b, Options{Lang: c.lang, Detailed: true})
		w.Write(res)
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%d days, %s: %q lacks %q", c.days, c.lang, b.String(), c.want)
		}
	}
}

// TestDetailSaysTheHopWasNotRead: a stub whose next page could not be read
// is judged on the stub alone, and the text view says so with the address.
func TestDetailSaysTheHopWasNotRead(t *testing.T) {
	res := &checker.Result{Target: "https://kit.example.top/", URL: "https://kit.example.top/", Domain: "example.top", Risk: rules.RiskLow,
		HopError: "the page sends the browser on to https://kit.example.top/ap/signin, which answered 404 Not Found"}
	for lang, words := range map[string]string{"ja": "そのページを読めなかった", "en": "that page could not be read"} {
		if out := detailText(t, res, lang); !strings.Contains(out, words) || !strings.Contains(out, "/ap/signin") ||
			!strings.Contains(out, map[string]string{"ja": "安全とは判断できません", "en": "cannot be judged safe"}[lang]) {
			t.Errorf("%s: want %q and the address; output:\n%s", lang, words, out)
		}
	}
}

// TestDetailSaysPagesWereNotRead: pages the crawl could not read are named,
// and a low verdict says it rests on less than the site.
func TestDetailSaysPagesWereNotRead(t *testing.T) {
	res := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow,
		Unread: []checker.PageError{{URL: "https://shop.example.jp/law.html", Code: "timeout", Message: "no complete answer within 10s"}}}
	for lang, words := range map[string]string{"ja": "次のページは読めなかった", "en": "these pages could not be read"} {
		if out := detailText(t, res, lang); !strings.Contains(out, words) || !strings.Contains(out, "/law.html (no complete answer") ||
			!strings.Contains(out, map[string]string{"ja": "安全とは判断できません", "en": "cannot be judged safe"}[lang]) {
			t.Errorf("%s: want %q and the address; output:\n%s", lang, words, out)
		}
	}
}

// TestDetailSaysDisclosureNotSaved: a saved page's disclosure that was not
// saved with it is named with its own note, not the timeout's, and a low
// verdict is not called safe.
func TestDetailSaysDisclosureNotSaved(t *testing.T) {
	res := &checker.Result{Target: "page39.html", URL: "file:///tmp/page39.html", Risk: rules.RiskLow, Score: 25,
		Unread: []checker.PageError{{URL: "file:///tmp/tokusho.html", Code: checker.CodeNotSaved, Message: "not saved"}}}
	for lang, words := range map[string]string{"ja": "一緒に保存されていないため", "en": "was not saved with it"} {
		out := detailText(t, res, lang)
		if !strings.Contains(out, words) || !strings.Contains(out, "file:///tmp/tokusho.html") || strings.Contains(out, "--timeout") ||
			!strings.Contains(out, map[string]string{"ja": "安全とは判断できません", "en": "cannot be judged safe"}[lang]) {
			t.Errorf("%s: want %q, the address, no timeout advice; output:\n%s", lang, words, out)
		}
	}
}

// TestDetailQuotedLinks: the addresses a warning quotes are marked among
// its links, with a note saying so.
func TestDetailQuotedLinks(t *testing.T) {
	res := &checker.Result{Target: "warning.eml", Risk: rules.RiskHigh, Score: 90,
		Links: []*checker.Result{{Target: "https://www.smbc.co.jp/", Risk: rules.RiskLow},
			{Target: "https://smbc-kakunin.top/login", Risk: rules.RiskHigh, Score: 90, Quoted: true}}}
	for lang, words := range map[string][3]string{
		"ja": {"開けない書き方（hxxps://、[.] など）で書かれていた", "hxxps://smbc-kakunin[.]top/login（引用されたURL・開かないでください）", "このメッセージ自体には詐欺の兆候は見つかりませんでした"},
		"en": {"written in the message in a form that cannot be opened", "hxxps://smbc-kakunin[.]top/login (quoted URL: do not open)", "No sign of fraud was found in the message itself"},
	} {
		out := detailText(t, res, lang)
		if !strings.Contains(out, words[0]) || !strings.Contains(out, words[1]) || !strings.Contains(out, words[2]) ||
			strings.Contains(out, "https://smbc-kakunin.top") || !strings.Contains(out, "https://www.smbc.co.jp/\n") {
			t.Errorf("%s: want the note, the quoted address defanged and marked, the other as it is; output:\n%s", lang, out)
		}
	}
}

// TestDetailSaysScriptsBuildThePage: a page whose content scripts build is
// judged without it, and the text view says so.
func TestDetailSaysScriptsBuildThePage(t *testing.T) {
	res := &checker.Result{Target: "https://spa.example.jp/", URL: "https://spa.example.jp/", Domain: "example.jp", Risk: rules.RiskLow, ScriptBuilt: true}
	for lang, words := range map[string]string{"ja": "プログラム（スクリプト）で表示される仕組みのよう", "en": "built by a program (scripts)"} {
		b := detailText(t, res, lang)
		if !strings.Contains(b, words) {
			t.Errorf("%s: want %q; output:\n%s", lang, words, b)
		}
	}
}

// detailText is the full text view of res in lang.
func detailText(t *testing.T, res *checker.Result, lang string) string {
	t.Helper()
	var b strings.Builder
	w, err := New("text", &b, Options{Lang: lang, Detailed: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDetailLowMessage: a message without signs is told what to check
// before acting on it (where to ask); a site without signs is not.
func TestDetailLowMessage(t *testing.T) {
	msg := &checker.Result{Target: "sms.txt", Risk: rules.RiskLow, Links: []*checker.Result{}}
	site := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow}
	for lang, want := range map[string]string{"ja": "#9110", "en": "#9110"} {
		if b := detailText(t, msg, lang); !strings.Contains(b, want) {
			t.Errorf("%s: a low message lacks %q:\n%s", lang, want, b)
		}
		if b := detailText(t, site, lang); strings.Contains(b, want) {
			t.Errorf("%s: a low site has %q:\n%s", lang, want, b)
		}
	}
}

// TestDetailCampaigns: after the full views of several targets, the text
// names what they share (QA rev24: check A B never said so); a single
// target, or targets sharing nothing, get no such section.
func TestDetailCampaigns(t *testing.T) {
	acct := checker.Clue{Kind: "account", Value: "三井住友|新宿|7654321"}
	run := func(results ...*checker.Result) string {
		var b strings.Builder
		w, err := New("text", &b, Options{Lang: "ja", Detailed: true})
		if err != nil {
			t.Fatal(err)
		}
		tally := NewTally(0)
		for _, r := range results {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
			tally.Add(r, true)
		}
		if err := w.(SummaryWriter).WriteSummary(tally); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	a := &checker.Result{Target: "https://a.example.shop/", URL: "https://a.example.shop/", Risk: rules.RiskHigh, Clues: []checker.Clue{acct}}
	b := &checker.Result{Target: "https://b.example.top/", URL: "https://b.example.top/", Risk: rules.RiskHigh, Clues: []checker.Clue{acct}}
	c := &checker.Result{Target: "https://c.example.jp/", URL: "https://c.example.jp/", Risk: rules.RiskLow}
	if out := run(a, b); !strings.Contains(out, "同じ運営者の可能性") || !strings.Contains(out, "7654321") {
		t.Errorf("two sites sharing an account: no campaign named:\n%s", out)
	}
	for _, rs := range [][]*checker.Result{{a}, {a, c}} {
		if out := run(rs...); strings.Contains(out, "同じ運営者の可能性") {
			t.Errorf("%d targets sharing nothing: a campaign section:\n%s", len(rs), out)
		}
	}
}

// TestDetailLinkScoreExplained: a message whose own text shows no sign but
// whose link scores says where the points come from (QA rev24: 「(15/100)」
// beside 「兆候は見つかりませんでした」).
func TestDetailLinkScoreExplained(t *testing.T) {
	res := &checker.Result{Target: "mail.txt", Risk: rules.RiskLow, Score: 15, Signs: []rules.Sign{},
		Links: []*checker.Result{{Target: "https://shop.example.jp/", Risk: rules.RiskLow, Score: 15,
			Signs: []rules.Sign{{ID: "account-personal-name", Severity: rules.Medium, Points: 15}}}}}
	if out := detailText(t, res, "ja"); !strings.Contains(out, "点数は下のリンク先の判定によるもの") {
		t.Errorf("no word of where the 15 points come from:\n%s", out)
	}
}
