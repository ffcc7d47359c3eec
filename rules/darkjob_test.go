package rules

import (
	"strings"
	"testing"
)

// TestDarkJob: 闇バイト recruitment on pages and in messages (rev22 blind
// probes p23 page05, f07), against honest job ads and the warnings that
// quote the recruiters' words.
func TestDarkJob(t *testing.T) {
	pages := []struct {
		name, url, body string
		want            bool
		evidence        string
	}{
		{"a recruitment page: pay, parcels, ID photos, Telegram link", "https://white-job.example.top/",
			`<h1>【即日現金】高額バイト募集｜日給5万〜10万円</h1><p>荷物を受け取って指定の場所に届けるだけの簡単なお仕事です！</p><p>身分証明書の表裏の写真と、身分証を持った自撮り写真を送信</p><p><a href="https://t.me/white_job_kanto88">Telegramで応募する</a></p>`, true, "荷物を受け取って"},
		{"Signal named, pay and the collector's task", "https://job.example.top/",
			`<p>1件3万円〜、即日手渡し。</p><p>ATMでの簡単な引き出し作業のみ。</p><p>連絡はシグナルで。</p>`, true, "シグナル"},
		{"a recruiter's page saying it is no 闇バイト", "https://white-job2.example.top/",
			`<p>闇バイトではありません！完全ホワイト案件です。</p><p>荷物を受け取るだけで日給5万円。</p><p>連絡はテレグラムで。</p>`, true, "荷物を受け取るだけ"},
		{"a delivery firm's job ad: day's pay, parcels, no secret messenger", "https://recruit.example.co.jp/",
			`<h1>宅配ドライバー募集</h1><p>日給1万2千円、荷物の受け取りと配達。</p><p>勤務地：仙台市宮城野区。面接時に身分証をお持ちください。</p>`, false, ""},
		{"the police's warning quoting the recruiters", "https://www.police.pref.example.jp/yami.html",
			`<h1>闇バイトに注意</h1><p>「高額バイト」「荷物を受け取るだけ」とうたい、テレグラムで連絡させ、身分証の写真を送らせるのが闇バイトの手口です。</p>`, false, ""},
		{"a crypto community with a Telegram group, no job", "https://coin-club.example.com/",
			`<p>毎週の相場解説はTelegramグループで配信中。</p><p><a href="https://t.me/coinclub">参加する</a></p>`, false, ""},
	}
	for _, c := range pages {
		t.Run(c.name, func(t *testing.T) {
			got := phFired(phSite(phHTML(c.url, phDoc("募集", c.body))))
			s, ok := got["dark-job"]
			if ok != c.want {
				t.Fatalf("dark-job fired = %v, want %v (signs %v)", ok, c.want, got)
			}
			if ok && !strings.Contains(s.Evidence, c.evidence) {
				t.Errorf("evidence %q lacks %q", s.Evidence, c.evidence)
			}
		})
	}
	mails := []struct {
		name string
		m    Mail
		want bool
	}{
		{"an SMS: pay, parcels, ID photo, Telegram", Mail{Text: "【即日払い・高額案件】\n荷物を受け取って指定の場所へ届けるだけ！日給5万〜10万円。\n身分証の写真を送るだけで即採用。\n詳細はテレグラムで連絡ください → @hikari_job_7741"}, true},
		{"pay and a t.me link with the task", Mail{Text: "ホワイト案件あります。カードを受け取るだけで1件5万。https://t.me/easy_job_99"}, true},
		{"a school's warning about 闇バイト", Mail{Text: "【さくら台高校】SNSで「高額バイト」「荷物を受け取るだけ」とうたい、テレグラムで連絡させる闇バイトの募集が増えています。絶対に応募しないでください。"}, false},
		{"a newsletter naming 闇バイト without quotation marks", Mail{Text: "高額バイトや荷物を受け取るだけの仕事をテレグラムで募集し、身分証の写真を送らせる闇バイトが増えています。"}, false},
		{"a recruiter denying it is 闇バイト", Mail{Text: "闇バイトではありません！荷物を受け取るだけで日給5万。身分証の写真を送るだけ。テレグラムで連絡を。"}, true},
		// rev22 p25 m36, m49: recruiting foreign residents.
		{"Vietnamese: parcels, 5 man a day, residence card photo, Telegram", Mail{Text: "Việc nhẹ lương cao cho anh em đang ở Nhật. Chỉ cần đi nhận đồ rồi giao lại, 5 man/ngày, trả tiền mặt trong ngày. Ai quan tâm nhắn Telegram @viecnhanh_nhatban kèm ảnh thẻ ngoại kiều (zairyu) để đăng ký nhé."}, true},
		{"Tagalog: packages, ¥50,000 a day, residence card, Telegram", Mail{Text: "Madaling trabaho lang, kukuha at magdadala ng package. ¥50,000 bawat araw, bayad agad cash! I-message lang sa Telegram: @easyjob_jp88 at ipadala ang litrato ng residence card mo."}, true},
		{"English: a community's Telegram group and the residence card office", Mail{Text: "Join our Telegram group for news. You can pick up your residence card at the immigration office from Monday."}, false},
		{"a friend's Telegram and a moving job", Mail{Text: "引っ越しのバイト、日給1万だって。詳細はテレグラムで送るね。"}, false},
	}
	for _, c := range mails {
		t.Run(c.name, func(t *testing.T) {
			m := c.m
			_, ok := mlFired(&m)["mail-dark-job"]
			if ok != c.want {
				t.Errorf("mail-dark-job fired = %v, want %v", ok, c.want)
			}
		})
	}
}
