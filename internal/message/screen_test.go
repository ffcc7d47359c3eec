package message

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// TestScreenLinksShareConcurrency: the links of messages screened at once
// are checked at most -c at a time over all of them (not -c for each).
func TestScreenLinksShareConcurrency(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 4 {
		var b strings.Builder
		for j := range 8 {
			fmt.Fprintf(&b, "詳細はこちら https://shop%d-%d.example.top/\n", i, j)
		}
		f := filepath.Join(dir, fmt.Sprintf("m%d.txt", i))
		if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var now, most atomic.Int32
	sc := &Screener{
		Concurrency: 2,
		Link: func(ctx context.Context, target string) *checker.Result {
			n := now.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(2 * time.Millisecond) // let the others in, were they free to come
			now.Add(-1)
			return &checker.Result{Target: target, Risk: rules.RiskLow}
		},
	}
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Go(func() {
			if r := sc.Screen(context.Background(), f); len(r.Links) != 8 {
				t.Errorf("%s: %d links, want 8", f, len(r.Links))
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m > 2 {
		t.Errorf("%d links checked at once, want at most -c 2", m)
	}
}

// TestScreenUnreadable: what cannot be read as a message is an error record
// saying why, with the code the contract gives an input mistake.
func TestScreenUnreadable(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "sms.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	sc := &Screener{
		Stdin: strings.NewReader("至急ご確認ください"),
		Link:  func(ctx context.Context, target string) *checker.Result { return &checker.Result{Target: target} },
	}
	if r := sc.Screen(context.Background(), "-"); r.Error != nil {
		t.Fatalf("first -: %+v", r.Error)
	}
	for _, tt := range []struct{ target, code, words string }{
		{filepath.Join(dir, "none.txt"), checker.CodeInvalidTarget, "no such file or folder"},
		{dir, checker.CodeInvalidTarget, "is a folder"},
		{"-", checker.CodeInvalidTarget, "already read"},
		{png, checker.CodeInvalidTarget, "not text: "},
	} {
		r := sc.Screen(context.Background(), tt.target)
		if r.Risk != rules.RiskError || r.Error == nil || r.Error.Code != tt.code || !strings.Contains(r.Error.Message, tt.words) {
			t.Errorf("%s: risk %s error %+v, want %s with %q", tt.target, r.Risk, r.Error, tt.code, tt.words)
		}
	}
}

// TestScreenQuotedLinks: a bank's warning that quotes a lure's address
// defanged is not the lure: its own signs leave the address out, which is
// checked, counted (the contract: the message's risk is its links' too)
// and marked quoted. A lure passed on with its address defanged, a kit
// mail that keeps the brand's real footer, and the warning's text sent
// from a free mail account at a brand's domain are judged as the lure.
func TestScreenQuotedLinks(t *testing.T) {
	const body = "最近、次のようなSMSが確認されています。ご注意ください。\n――――\n【三井住友銀行】お客様の口座が一時凍結されました。24時間以内に下記より本人確認を行ってください。hxxps://smbc-kakunin[.]top/login\n――――\n" +
		"上記のURLは当行のものではありません。絶対にアクセスせず、暗証番号やパスワードを入力しないでください。当行の正しいホームページは https://www.smbc.co.jp/ です。\n"
	mail := func(from, body string) string {
		return "From: " + from + "\nSubject: =?UTF-8?B?5rOo5oSP?=\nContent-Type: text/plain; charset=utf-8\n\n" + body
	}
	noLink := strings.Replace(body, "当行の正しいホームページは https://www.smbc.co.jp/ です。", "", 1)
	lure := "【三井住友銀行】お客様の口座が一時凍結されました。24時間以内に下記より本人確認を行ってください。hxxps://smbc-kakunin[.]top/login"
	high := func(ctx context.Context, target string) *checker.Result {
		r := &checker.Result{Target: target, Risk: rules.RiskLow}
		if strings.Contains(target, "smbc-kakunin") {
			r.Risk, r.Score = rules.RiskHigh, 90
			r.Signs = []rules.Sign{{ID: "domain-lookalike"}}
		}
		return r
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text    string
		quoted, signs bool
	}{
		{"the bank's warning", mail("三井住友銀行 <info@dsmail.smbc.co.jp>", body), true, false},
		{"the bank's warning without a link of its own", mail("三井住友銀行 <info@dsmail.smbc.co.jp>", noLink), true, false},
		{"the lure, defanged by whoever passed it on", lure, false, true},
		// A consumer centre's newsletter introduces the quote after it
		// (rev18 honest 23).
		{"a consumer centre's newsletter quoting the lure", mail("国民生活センター 見守り新鮮情報 <mimamori@kokusen.go.jp>",
			"見守り新鮮情報 第520号\n「"+lure+"」\nというSMSが届き、URLを開いて口座番号を入力してしまった。（70歳代 女性）\n＜ひとことアドバイス＞\n・銀行を装ったSMSのURLにはアクセスしないでください。\nhttps://www.kokusen.go.jp/mimamori/\n"), true, false},
		// A kit copies the brand's real footer (its link and its line that
		// the bank never asks for a PIN): no warning's words.
		{"a kit mail passed on defanged, the brand's footer kept", mail("三井住友銀行 <info@dsmail.smbc.co.jp>", lure+"\n当行からメールで暗証番号をお尋ねすることはありません。 https://www.smbc.co.jp/\n"), false, true},
		{"the bank's warning copied to a free mail account at a brand's domain", mail("SMBC <smbc-info@outlook.com>", noLink), false, true},
	} {
		f := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".eml")
		if err := os.WriteFile(f, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		r := (&Screener{Link: high}).Screen(context.Background(), f)
		var kakunin *checker.Result
		for _, l := range r.Links {
			if strings.Contains(l.Target, "smbc-kakunin") {
				kakunin = l
			}
		}
		if r.Risk != rules.RiskHigh || kakunin == nil || kakunin.Quoted != tt.quoted || (len(r.Signs) > 0) != tt.signs {
			t.Errorf("%s: risk %s, quoted link %+v, signs %v; want high, quoted %v, own signs %v", tt.name, r.Risk, kakunin, r.Signs, tt.quoted, tt.signs)
		}
	}
}

// TestScreenPaddedMessage: a lure after more harmless links than are
// fetched is still fetched (one link of each site first), every other link
// gets a result by its name alone (the contract: one result for each URL;
// rev25 audit), and the result says how many (QA rev24: link 101 was
// dropped, the message low).
func TestScreenPaddedMessage(t *testing.T) {
	var b strings.Builder
	b.WriteString("今月のおすすめ記事です。\n")
	for i := range 150 {
		fmt.Fprintf(&b, "https://news.example.com/article/%d\n", i)
	}
	b.WriteString("ログインはこちら https://smbc-card.kakunin-jp.top/login\n")
	f := filepath.Join(t.TempDir(), "padded.txt")
	if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var warned strings.Builder
	sc := &Screener{
		Concurrency: 4,
		Warn:        &warned,
		Link: func(ctx context.Context, target string) *checker.Result {
			if strings.Contains(target, "kakunin-jp.top") {
				return &checker.Result{Target: target, Risk: rules.RiskHigh, Score: 90}
			}
			return &checker.Result{Target: target, Risk: rules.RiskLow}
		},
		ByName: func(ctx context.Context, target string) *checker.Result {
			return &checker.Result{Target: target, Risk: rules.RiskLow, Domain: "by-name"}
		},
	}
	r := sc.Screen(context.Background(), f)
	byName := 0
	for _, l := range r.Links {
		if l.Domain == "by-name" {
			byName++
		}
	}
	if r.Risk != rules.RiskHigh || len(r.Links) != 151 || byName != 151-maxURLs || r.LinksByName != 151-maxURLs {
		t.Errorf("risk %s, %d links, %d by name (said %d); want high, 151, %d", r.Risk, len(r.Links), byName, r.LinksByName, 151-maxURLs)
	}
	if !strings.Contains(warned.String(), "screened by their names alone") {
		t.Errorf("no word of the links screened by name: %q", warned.String())
	}
	// Without a name-only check (--no-fetch: Link is one), every link is
	// Link's.
	sc = &Screener{Link: sc.ByName}
	if r := sc.Screen(context.Background(), f); len(r.Links) != 151 || r.LinksByName != 0 {
		t.Errorf("by name only: %d links, %d said by name; want 151, 0", len(r.Links), r.LinksByName)
	}
}

// TestScreenClues: a suspect message's own account is a campaign clue; an
// ordinary notice's customer centre is none (rev25 QA D9).
func TestScreenClues(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bec := write("bec.eml", "From: =?UTF-8?B?5qCq5byP5Lya56S+44K144Oz44OX44Or?= <keiri.sample@gmail.com>\r\nSubject: =?UTF-8?B?5oyv6L6844Gb5YWI5aSJ5pu044Gu44GK55+l44KJ44Gb?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n株式会社サンプル 経理部です。\r\nお振込先口座が変更となりました。三井住友銀行 渋谷支店 普通 1234567 タナカ タロウ\r\n電話回線が工事中のため、このメールへのご返信にてお願いいたします。\r\n")
	notice := write("notice.txt", "ご利用ありがとうございます。ご不明な点はお客様センター 0120-123-456 までお問い合わせください。")
	sc := &Screener{Link: func(ctx context.Context, target string) *checker.Result {
		return &checker.Result{Target: target, Risk: rules.RiskLow}
	}}
	r := sc.Screen(context.Background(), bec)
	found := false
	for _, c := range r.Clues {
		found = found || c.Kind == "account" && c.Value == "三井住友|1234567"
	}
	if r.Risk != rules.RiskHigh || !found {
		t.Errorf("payee-change mail: risk %s, clues %v; want high and the account", r.Risk, r.Clues)
	}
	if r := sc.Screen(context.Background(), notice); len(r.Clues) != 0 {
		t.Errorf("an ordinary notice gave clues %v", r.Clues)
	}
}
