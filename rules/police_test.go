package rules

import (
	"strings"
	"testing"
)

// TestFakePolicePage: the page a fake officer sends the victim to (a
// warrant under a police emblem, the officer's LINE) fires; the police's
// own site, a warning or a news report quoting such a page, and a police
// drama's page stay silent.
func TestFakePolicePage(t *testing.T) {
	warrant := `<h1>警視庁 サイバー犯罪対策課</h1><h2>逮捕状（通常逮捕）</h2><table><tr><th>被疑者氏名</th><td>山田 太郎</td></tr><tr><th>罪名</th><td>詐欺</td></tr></table>
<p>あなた名義の口座が詐欺事件に使用されています。捜査に協力しない場合、逮捕状が執行されます。</p>`
	for _, c := range []struct {
		name, url, title, body string
		want                   bool
	}{
		{"a warrant and the officer's LINE ID", "https://keishicho-sousa.com/case/1234", "警視庁 捜査情報照会システム",
			warrant + `<p>担当捜査官へLINEで連絡してください。LINE ID: keishicho-sousa</p>`, true},
		{"a warrant and a LINE link", "https://mpd-info.example.net/", "警視庁 捜査情報照会システム",
			warrant + `<p><a href="https://line.me/ti/p/abcdef">担当捜査官と話す</a></p>`, true},
		{"a warrant without a way to get in touch", "https://keishicho-sousa.com/case/1234", "警視庁 捜査情報照会システム",
			warrant, false},
		{"the police's own site", "https://www.keishicho.metro.tokyo.lg.jp/sodan/", "警視庁",
			warrant + `<p>担当捜査官へLINEで連絡してください。LINE ID: keishicho-sousa</p>`, false},
		{"a bank's warning quoting the page", "https://www.example-bank.co.jp/security/police.html", "ニセ警察詐欺にご注意ください",
			`<h1>ニセ警察詐欺にご注意ください</h1><p>警察官を名乗る者から「あなた名義の口座が詐欺事件に使用されています」と電話があり、偽の逮捕状を表示したサイトを見せられ、LINEで連絡するよう求められる被害が増えています。</p><p>警察がLINEで連絡することはありません。</p>`, false},
		{"a news report", "https://news.example.com/articles/2025/11/fake-police", "警察官かたり「逮捕状」画像 詐欺被害相次ぐ",
			`<h1>警察官かたり「逮捕状」画像 詐欺被害相次ぐ</h1><p>警察官を名乗る男から「あなた名義の口座が犯罪に使われている」と電話があり、LINEのビデオ通話で逮捕状の画像を見せられたという。</p><p>県警は「警察がLINEで連絡することはない」と注意を呼びかけている。</p>`, false},
		// p44 page28: the reader named as the suspect in the table
		// (照会者本人), the account as 「被疑者名義」 further on.
		{"a warrant naming the visitor as the suspect in the third person", "https://keishicho-sousa-info.com/", "警視庁 捜査情報照会システム",
			`<h1>警視庁 捜査情報照会システム</h1><h2>逮捕状（通常逮捕）</h2><table><tr><th>被疑者</th><td>照会者本人</td></tr><tr><th>被疑事実の要旨</th><td>被疑者名義で開設された銀行口座が、特殊詐欺グループの犯罪収益の送金先として利用された疑い</td></tr></table>
<p>担当：警視庁 捜査第二課 山田警部補 連絡方法：LINE ID keishi-sousa2 を追加し、ビデオ通話にて事情聴取に応じてください。</p>`, true},
		{"a press release: an arrest over an account in the suspect's name", "https://police-news.example.jp/2025/1201", "特殊詐欺事件の被疑者を逮捕",
			`<h1>特殊詐欺事件の被疑者を逮捕</h1><p>警視庁は、被疑者名義の口座が特殊詐欺に使用された事件で、無職の男（45）を逮捕しました。</p><p>情報提供は警視庁捜査第二課 03-3581-4321 まで。</p>`, false},
		{"a police drama's episode page", "https://tv.example.jp/drama/keiji/ep5", "刑事ゼロ 第5話",
			`<h1>第5話 逮捕状</h1><p>捜査一課の刑事・佐藤は、詐欺事件の容疑者を追う。ついに逮捕状が出るが…。</p><p>公式LINEを友だち追加すると最新情報が届きます。<a href="https://lin.ee/Drama5">友だち追加</a></p>`, false},
	} {
		site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
		got := false
		var ev string
		for _, s := range Evaluate(site, phishingRules(), "ja") {
			if s.ID == "fake-police" {
				got, ev = true, s.Evidence
			}
		}
		if got != c.want {
			t.Errorf("%s: fake-police fired %v (evidence %q), want %v", c.name, got, ev, c.want)
		}
		if got && !strings.Contains(ev, "名義の口座") && !strings.Contains(ev, "被疑者名義で開設された銀行口座") {
			t.Errorf("%s: evidence %q does not quote the accusation", c.name, ev)
		}
	}
}
