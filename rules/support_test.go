package rules

import (
	"strings"
	"testing"
)

// TestSupportScamFixtures: the fake virus alerts that tell the visitor to
// call fire, strong with a vendor's name, pressure or a trapping script and
// weaker without; warning pages, a news article quoting the screen, a repair
// shop and an antivirus vendor (all with a number to call and the alarm
// words) stay silent.
func TestSupportScamFixtures(t *testing.T) {
	cases := []struct {
		name, file, url string
		points          int      // 0: must stay silent
		evidence        []string // what the evidence must hold
	}{
		{"Windows Defender alert with traps", "support-windows/index.html", "https://mswin-alert0x7f.z13.web.core.windows.net/", 60,
			[]string{"このPCへのアクセスはセキュリティ上の理由によりブロックされました", "050-1234-5678", "onbeforeunload", "requestFullscreen"}},
		{"iPhone alert titled 注意", "support-iphone/index.html", "https://iphone-anzen.example.top/", 60,
			[]string{"お使いのiPhoneは(4)個のウイルスに感染しています", "0120-123-456"}},
		{"English alert with a +1 number", "support-en/index.html", "https://ms-alert.example.xyz/", 60,
			[]string{"Your computer has been blocked", "+1-888-555-0142"}},
		{"claim and number, no vendor or pressure", "support-bare/index.html", "https://pc-error.example.top/", 30,
			[]string{"お使いのパソコンはウイルスに感染しました", "050-1234-9876"}},
		{"police warning quoting the screen and its number", "support-warning-police/index.html", "https://www.police.example.jp/cyber/support.html", 0, nil},
		{"consultation case quoting the screen, title without warning words", "support-warning-ipa/index.html", "https://www.security-guide.example.jp/anshin/case12.html", 0, nil},
		{"news article quoting the screen", "support-news/index.html", "https://www.shinbun.example.jp/articles/20261130-01", 0, nil},
		{"PC repair shop: call us if your PC is infected", "support-repair-shop/index.html", "https://www.pc-doctor.example.jp/", 0, nil},
		{"antivirus product page with a support number", "support-antivirus/index.html", "https://www.secureguard.example.jp/total/", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := phFired(phSite(phPage(t, c.file, c.url)))
			s, ok := got["support-scam"]
			if c.points == 0 {
				if ok {
					t.Fatalf("support-scam fired: %d, evidence %q", s.Points, s.Evidence)
				}
				return
			}
			if !ok {
				t.Fatalf("support-scam did not fire; signs %v", got)
			}
			if s.Points != c.points {
				t.Errorf("points %d, want %d (evidence %q)", s.Points, c.points, s.Evidence)
			}
			for _, w := range c.evidence {
				if !strings.Contains(s.Evidence, w) {
					t.Errorf("evidence %q lacks %q", s.Evidence, w)
				}
			}
			if !strings.Contains(s.Message, "電話せず") && !strings.Contains(s.Message, "電話しないで") {
				t.Errorf("message does not say not to call: %q", s.Message)
			}
		})
	}
}

// TestSupportScamLines: the parts one at a time, on small inline pages.
func TestSupportScamLines(t *testing.T) {
	const call = "<p>Windows サポートに電話してください：050-1234-5678</p>"
	const traps = "<script>window.onbeforeunload=function(){return '';};document.documentElement.requestFullscreen();</script>"
	cases := []struct {
		name, body string
		fire       bool
	}{
		{"claim and call", "<p>お使いのPCはウイルスに感染しています。</p>" + call, true},
		// The device bare as the subject (rev18 ss02, ss03).
		{"iPhone as the subject", "<h1>iPhoneがウイルスに感染しています</h1><p>(4)件のウイルスが検出されました。</p><p>Appleサポート 0120-998-123 へご連絡ください。</p>", true},
		{"the system as the subject", "<h1>警告！システムが破損しています</h1><p>トロイの木馬型スパイウェアが検出されました。</p><p>サポート窓口 0800-111-2345 まで至急お電話ください。</p>", true},
		{"a shop: if your PC is infected, call", "<h1>パソコン修理のPCドクター</h1><p>パソコンがウイルスに感染した場合は、お気軽にご相談ください。</p><p>お電話 0120-555-123</p>", false},
		{"news: iPhone infected, the screen said", "<h1>偽警告に注意</h1><p>「iPhoneがウイルスに感染しています」と表示され、0120-998-123 に電話した男性が被害に遭いました。</p>", false},
		{"device on the line before the alarm", "<p>お使いのコンピューターは</p><p>ロックされています</p>" + call, true},
		{"number on the line after the call word", "<p>あなたのパソコンはハッキングされました</p><p>今すぐサポートにお電話ください</p><p>0800-123-4567</p>", true},
		{"full-width digits and hyphens", "<p>このＰＣはロックされました</p><p>Ｗｉｎｄｏｗｓサポート　０５０－１２３４－５６７８</p>", true},
		{"long marks and hyphens between the digits", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows サポートに電話してください：050ー1234ー5678</p>", true},
		{"unicode hyphens", "<p>お使いのPCはウイルスに感染しています。</p><p>Microsoft サポートに電話 0120‐123‐456</p>", true},
		{"a +81 number", "<p>お使いのPCはウイルスに感染しています。</p><p>Microsoft サポートに電話 +81-50-1234-5678</p>", true},
		{"malware named, vendor and 閉じないで", "<p>Windows Defender セキュリティ センター</p><p>トロイの木馬型スパイウェアが検出されました</p><p>このウィンドウを閉じないでください</p>" + call, true},
		{"malware named, vendor, no screen phrase", "<p>Windows Defender</p><p>トロイの木馬型スパイウェアが検出されました</p><p>今すぐ</p>" + call, false},
		{"malware named, screen phrase, no vendor", "<p>トロイの木馬型スパイウェアが検出されました</p><p>このウィンドウを閉じないでください</p><p>サポートに電話してください：050-1234-5678</p>", false},
		{"no number", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows サポートに電話してください</p>", false},
		{"masked number", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows サポートに電話してください：050-XXXX-XXXX</p>", false},
		{"number without a call word", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows 050-1234-5678</p>", false},
		{"alarm without the visitor's device", "<p>トロイの木馬が検出されました。</p>" + call, false},
		{"conditional: if it is infected", "<p>お使いのパソコンがウイルスに感染したら</p>" + call, false},
		{"question: is it infected", "<p>お使いのパソコンがウイルスに感染しているかどうか無料で診断</p>" + call, false},
		{"quoted in brackets", "<p>「お使いのPCはウイルスに感染しています」</p>" + call, false},
		{"quoted without brackets", "<p>お使いのPCはウイルスに感染していますと表示されたら</p>" + call, false},
		{"a heading says サポート詐欺", "<h2>サポート詐欺の手口</h2><p>お使いのPCはウイルスに感染しています。</p>" + call, false},
		{"two warnings", "<p>お使いのPCはウイルスに感染しています。</p>" + call + "<p>これはサポート詐欺の手口です。表示された番号に電話しないでください。</p>", false},
		// One warning line in the body is what kits add to pass (rev13).
		{"a kit's one line against 'fake' support", "<p>お使いのPCはウイルスに感染しています。</p>" + call + "<p>※偽のサポートには電話しないでください。</p>", true},
		{"a kit's boilerplate about scams", "<p>Your computer has been blocked.</p><p>Call Microsoft Support: +1-888-555-0142</p><p>Microsoft protects you from online scams.</p>", true},
		// Wordings kits use (rev13).
		{"viruses found", "<p>お使いのPCで3件のウイルスが見つかりました</p>" + call, true},
		{"a help desk, the number two lines below", "<p>お使いのPCはロックされています</p><p>Windows ヘルプデスク（無料）</p><p>（通話無料・24時間受付）</p><p>050-1234-5678</p>", true},
		// A landline with an area code and nothing pressing: a shop's or
		// a university's notice.
		{"a repair shop's case study", "<p>このパソコンはウイルスに感染しました。修理でデータを取り出しました。</p><p>パソコンの不調はお電話ください：022-123-4567</p>", false},
		{"a landline on a screen that presses", "<p>このパソコンはウイルスに感染しました。</p><p>今すぐサポートにお電話ください：03-1234-5678</p>", true},
		{"a stray 「 left open hides nothing", "<p>「お使いのPCはウイルスに感染しています</p>" + call, true},
		{"two thousand quoted decoys before the claim", "<p>" + strings.Repeat("「お使いのPCはウイルスに感染しています」", 2000) + "お使いのPCはウイルスに感染しています</p>" + call, true},
		{"hidden padding before the claim", "<p>" + strings.Repeat("あ", 800) + "お使いのPCはウイルスに感染しています</p>" + call, true},
		{"a megabyte line of alarms behind a stray 「", "<p>「" + strings.Repeat("お使いのPCはウイルスに感染しています", 20000) + "</p>" + call, true},
		{"an antivirus guide: if viruses are found", "<p>お使いのパソコンでウイルスが見つかりました場合、自動的に隔離されます。</p><p>ご不明な点はサポートセンターへ：0120-987-654</p>", false},
		{"an FAQ's question", "<p>フルスキャンを実行したところ、お使いのパソコンからウイルスが発見されました。どうすればよいですか？</p><p>ご不明な点はサポートセンター（0120-987-654）までお問い合わせください。</p>", false},
		{"a shop's page titled 【警告】 with its landline", "<h1>【警告】Windows 10 サポート終了</h1><p>このパソコンはウイルスに感染しています、という状態になる前に買い替えを。</p><p>お電話ください：022-123-4567</p>", false},
		{"a kit's offer to repair, as a question", "<p>お使いのPCはウイルスに感染しています。今すぐ修復しますか？</p>" + call, true},
		{"an English kit's question", "<p>Your computer is infected with a virus. Do you want to remove it now?</p><p>Call Microsoft Support: +1-888-555-0142</p>", true},
		{"a claim, then 場合 further on", "<p>お使いのPCはウイルスに感染しています、場合によってはデータが失われます。</p>" + call, true},
		{"a quoted state, the short alarm word first", "<p>このパソコンは危険にさらされています、という状態になる前に買い替えを。</p>" + call, false},
		{"the screen denying it is a scam", "<p>お使いのPCはウイルスに感染しています。</p>" + call + "<p>これはサポート詐欺ではありません。</p>", true},
		{"an English explanation of the scams", "<h2>How to spot tech support scams</h2><p>Your computer is infected, the page says.</p><p>Call Microsoft Support: +1-888-555-0142</p><p>Microsoft never asks you to call.</p>", false},
		{"date and order numbers are no phone", "<p>お使いのPCはウイルスに感染しています。</p><p>サポート 2026-11-30 受付番号 0123456789012345</p>", false},
		// A page that keeps itself up in two ways (rev15) is judged by
		// its screen: no warning page traps its reader.
		{"a warning heading on a trapping kit", "<h2>サポート詐欺対策</h2><p>お使いのPCはウイルスに感染しています。</p>" + call + traps, true},
		{"hidden warnings on a trapping kit", "<div style=display:none>サポート詐欺 偽の警告</div><p>お使いのPCはウイルスに感染しています。</p>" + call + traps, true},
		{"a claim in brackets on a trapping kit", "<p>「警告：お使いのコンピューターはウイルスに感染しています」</p>" + call + traps, true},
		{"one trap does not overrule a warning heading", "<h2>サポート詐欺の手口</h2><p>お使いのPCはウイルスに感染しています。</p>" + call + "<script>window.onbeforeunload=function(){return '';};</script>", false},
		{"a warning with a looping demo video", "<h2>サポート詐欺の手口</h2><p>お使いのPCはウイルスに感染しています。</p>" + call + "<video src=demo.mp4 autoplay loop muted></video><script>v.requestFullscreen()</script>", false},
		{"traps spelt in pieces, a landline", "<script>var e='before'+'unload';window.addEventListener(e,function(ev){ev.returnValue='';});</script><p>お使いのコンピューターはウイルスに感染しています。</p><p>Windows サポートに電話してください：03-4578-1234</p>", true},
		// Notices to an organisation's own people and block pages (rev15).
		{"a company IT department's notice", "<h1>情報システム部</h1><p>このPCでウイルスが検出されました。直ちにヘルプデスクへ連絡してください。</p><p>ヘルプデスク 050-5212-0000（内線 2100）</p>", false},
		{"a filtering service's block page", "<h1>このページへのアクセスはブロックされました</h1><p>お使いの端末はフィルタリングサービスによりブロックされています。</p><p>Android端末の設定変更はサポートセンターへお電話ください：0120-123-456</p>", false},
		// rev17: 内線 without digits is no extension; a vendor's name on
		// the line outweighs 社内 or フィルタリング.
		{"内線不要 on a kit", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows サポート（内線不要・直通）：050 5555 1234</p>", true},
		{"社内 beside Microsoft on a kit", "<h1>Microsoft 社内セキュリティ</h1><p>お使いのPCはウイルスに感染しています。</p>" + call, true},
		{"a repair shop's report on a PC it has", "<p>お預かりしたお使いのPCを診断したところ、ウイルスが検出されました。</p><p>至急、修理のご相談は担当 050-3000-1234 へご連絡ください。</p>", false},
		{"an extension number on a trapping kit", "<p>お使いのPCはウイルスに感染しています。</p><p>Windows サポートに電話してください：050-1234-5678（内線 21）</p>" + traps, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML("https://alert.example.top/", "<html><head><meta charset=utf-8><title>セキュリティ警告</title></head><body>"+c.body+"</body></html>"))
			s, ok := phFired(site)["support-scam"]
			if ok != c.fire {
				t.Errorf("fired %v (evidence %q), want %v", ok, s.Evidence, c.fire)
			}
		})
	}
}

// TestSupportScamEnglish: a reader of --lang en gets the sign's own words in
// English, the page's quoted as they are.
func TestSupportScamEnglish(t *testing.T) {
	site := phSite(phPage(t, "support-windows/index.html", "https://mswin-alert0x7f.z13.web.core.windows.net/"))
	for _, s := range Evaluate(site, phishingRules(), "en") {
		if s.ID != "support-scam" {
			continue
		}
		if !strings.Contains(s.Message, "Do not call the number shown (050-1234-5678)") {
			t.Errorf("message %q", s.Message)
		}
		if !strings.Contains(s.Evidence, "tricks keeping the screen up") || strings.Contains(s.Evidence, "仕掛け") {
			t.Errorf("evidence %q", s.Evidence)
		}
		return
	}
	t.Fatal("support-scam did not fire")
}

// TestSupportScamPublicTraining: a public body's training page shows the
// fake screen with its traps and says what it is (rev17 sup08): its warning
// words still speak there. The same page elsewhere is judged by its screen,
// and a kit with no warning on a hacked public site still fires.
func TestSupportScamPublicTraining(t *testing.T) {
	const traps = "<script>window.onbeforeunload=function(e){e.returnValue='';};document.documentElement.requestFullscreen();</script><audio src=beep.mp3 autoplay loop></audio>"
	const training = "<html><head><meta charset=utf-8><title>偽セキュリティ警告（サポート詐欺）画面の閉じ方体験サイト</title>" + traps + "</head><body><h1>偽セキュリティ警告画面の閉じ方体験</h1><p>お使いのコンピューターはウイルスに感染しています</p><p>Windows サポートに電話してください：050-0000-0000</p></body></html>"
	const kit = "<html><head><meta charset=utf-8><title>Windows Defender セキュリティ警告</title>" + traps + "</head><body><p>お使いのコンピューターはウイルスに感染しています</p><p>Windows サポートに電話してください：050-1234-5678</p></body></html>"
	for _, c := range []struct {
		name, url, html string
		fire            bool
	}{
		{"the training page on a public body's site", "https://www.ipa.go.jp/security/anshin/measures/fakealert-taiken.html", training, false},
		{"the same page elsewhere", "https://fakealert-taiken.example.top/", training, true},
		{"a kit on a hacked city site", "https://www.city.example.lg.jp/wp/alert.html", kit, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML(c.url, c.html))
			if s, ok := phFired(site)["support-scam"]; ok != c.fire {
				t.Errorf("fired %v (evidence %q), want %v", ok, s.Evidence, c.fire)
			}
		})
	}
}
