package rules

import (
	"strings"
	"testing"
)

// TestInvestmentPages: investment-lure fires on stock-pick LINE groups
// with promised returns, fake exchanges that want a fee before a
// withdrawal and side-job pages at implausible pay with a LINE sign-up;
// honest brokers, banks, job ads, shops with a LINE account and warnings
// about the fraud stay silent.
func TestInvestmentPages(t *testing.T) {
	cases := []struct {
		name, url, body string
		points          int // 0: silent
		evidence        string
	}{
		// Firing.
		{"monthly rate and a LINE group link", "https://kabu-juku.example.top/",
			"<h1>プロ投資家の株塾</h1><p>会員の実績は月利25%。</p><p>今すぐ参加 <a href='https://line.me/ti/g2/XyZ987'>参加する</a></p>", 50, "月利25%"},
		{"principal guaranteed, open chat", "https://fund-asia.example.com/",
			"<h1>アジア成長ファンド</h1><p>元本保証で毎月配当をお受け取りいただけます。</p><p>詳しくはオープンチャットでご説明します。</p>", 50, "元本保証"},
		{"tenfold stock and an assistant", "https://ai-kabu.example.net/",
			"<p>AIが見つけた銘柄で資産10倍も夢ではありません。</p><p>アシスタントの佐藤が個別にご案内します。</p><p>友だち追加はこちら</p>", 50, "10倍"},
		{"withdrawal needs a tax first", "https://coin-ex.example.top/mypage",
			"<h2>出金について</h2><p>残高 ¥8,300,000</p><p>出金の前に、利益に対する税金25%を指定口座へお振込みいただく必要があります。</p>", 50, "出金の前に"},
		{"withdrawal frozen until a release fee", "https://trade-pro.example.xyz/",
			"<p>お客様の口座は凍結されています。</p><p>出金には凍結解除料30万円のお支払いが必要です。</p>", 50, "凍結解除料"},
		{"side job: tap work, 2万円 a day, LINE", "https://easy-job.example.shop/",
			"<h1>スマホ1台でできる副業</h1><p>タップするだけで日収2万円</p><p><a href='https://lin.ee/AbC123'>LINEで友だち追加</a></p>", 50, "日収2万円"},
		{"stock-pick group, no promise: moderate", "https://kabu-salon.example.com/",
			"<h1>株式投資の無料勉強会</h1><p>毎朝、注目銘柄をLINEグループで配信しています。</p>", 30, "LINEグループ"},
		{"English: guaranteed returns, WhatsApp group", "https://alpha-signals.example.io/",
			"<h1>Crypto signals</h1><p>Guaranteed returns of 5% every week.</p><p>Join our WhatsApp group today.</p>", 50, "Guaranteed returns"},

		{"principal guaranteed, join by a LINE ID in katakana (review 20 iv02)", "https://kabu-sensei.example.top/",
			"<h1>プロ投資家の無料講座</h1><p>元本保証で月利30%。必ず儲かる銘柄を毎日配信。</p><p>参加はこちらのライン（@kabu123）から。</p>", 50, "元本保証"},
		{"a lure titled 無料相談会, linking a LINE group", "https://soudan-kai.example.top/",
			"<h1>無料相談会</h1><p>元本保証・月利10%の資産運用をご紹介。</p><p><a href='https://line.me/ti/g2/Soudan01'>LINEで参加</a></p>", 50, "元本保証"},

		// Silent.
		// Review 19: a brand buy-back shop, a company's IR page, a car
		// rental's day price, a broker's online-banking deposit page.
		{"a buy-back shop at twice the going rate, LINE quotes", "https://kaitori-x.example.jp/",
			"<h1>ブランド買取</h1><p>他店相場の2倍で買取します!</p><p>友だち追加で簡単査定</p>", 0, ""},
		{"a company's growth and its LINE account", "https://ir.example.co.jp/",
			"<h1>決算ハイライト</h1><p>営業収益は前年比45%増となりました。</p><p>LINE公式アカウントを友だち追加</p>", 0, ""},
		{"a car rental from 1万円 a day, LINE coupon", "https://rent-x.example.jp/",
			"<p>スマホで簡単予約。</p><p>1日1万円からご利用いただけます。</p><p>LINE登録でクーポン</p>", 0, ""},
		{"a broker's deposit page: online banking", "https://sec.example.co.jp/nyukin",
			"<h1>入金方法</h1><p>入金方法:提携金融機関のオンラインバンキングからの即時入金</p><p>投資は元本割れのリスクがあります。</p>", 0, ""},
		{"consumer centre's case page, no brackets", "https://www.shohi.example.jp/jirei/12",
			"<html><head><title>相談事例</title></head><body><h1>相談事例</h1><p>SNSで知り合った人から、元本保証で月利10%の投資があるとLINEグループに誘われた。</p></body></html>", 0, ""},
		{"exchange's fee table: a fee per withdrawal", "https://www.coin.example.co.jp/fee2",
			"<p>日本円の出金手数料は1回330円です。</p>", 0, ""},
		{"a company that never promises profits, LINE news", "https://www.shoken.example.co.jp/policy",
			"<p>当社の社員が必ず儲かるなどと勧誘することは一切ありません。</p><p>LINE友だち追加で最新情報</p>", 0, ""},
		{"broker asks to report a quoted pitch", "https://www.shoken3.example.co.jp/notice",
			"<p>「必ず儲かる」という話とともに友だち追加を求められたら、当社窓口までお知らせください。</p>", 0, ""},
		{"FX campaign: leverage 25x, LINE", "https://www.fx2.example.co.jp/campaign",
			"<p>最大レバレッジ25倍のFX口座を開設しよう。</p><p>LINE友だち追加でマーケット情報</p>", 0, ""},
		{"honest broker's seminar with LINE news", "https://www.sendai-shoken.example.co.jp/seminar/",
			"<h1>投資信託入門セミナー</h1><p>投資信託は値動きがあり、元本割れのリスクがあります。</p><p>セミナーのお知らせはLINE公式アカウントを友だち追加してご覧ください。</p>", 0, ""},
		{"bank's NISA page", "https://www.miyagi-bank.example.co.jp/nisa/",
			"<h1>新NISAのご案内</h1><p>運用益が非課税になります。投資信託は元本保証ではありません。</p><p>LINEで相談予約も受け付けています。友だち追加はこちら。</p>", 0, ""},
		{"police warning quoting the lures", "https://www.police.example.jp/sns-toushi/",
			"<h1>SNS型投資詐欺に注意</h1><p>「元本保証」「必ず儲かる」と言われたら詐欺です。</p><p>LINEグループに誘導し、出金のために手数料や税金の振込みを求めます。</p>", 0, ""},
		{"news article about a fake exchange", "https://www.shinbun.example.jp/news/1201",
			"<h1>投資詐欺で1億円被害</h1><p>男性はLINEグループで「月利20%」の投資を勧められ、出金に税金のお振込みが必要と言われて計8回振り込んだ。</p><p>警察は投資詐欺にご注意くださいと呼びかけている。</p>", 0, ""},
		{"real job ad with an employer and hourly wage", "https://recruit.example.co.jp/",
			"<h1>在宅ワーク スタッフ募集</h1><p>時給1,100円。株式会社サンプル 仙台市青葉区。</p><p>LINEで友だち追加して応募できます。</p>", 0, ""},
		{"event job: 副業OK, a day's pay, workplace and fares", "https://job.example.co.jp/event",
			"<h1>イベントスタッフ募集</h1><p>副業OK、日給1万2千円。</p><p>勤務地：仙台駅周辺、交通費支給。</p><p>応募はLINEで友だち追加してください。</p>", 0, ""},
		{"exchange's fee table: withdrawal fee free", "https://www.coin.example.co.jp/fee",
			"<h2>手数料</h2><p>日本円の出金手数料は無料です。銀行へのお振込みは翌営業日。</p><p>LINE公式アカウントでお知らせ</p>", 0, ""},
		{"shop with a LINE friend button", "https://shop.example.jp/",
			"<h1>手づくり雑貨の店</h1><p>新作のお知らせはLINEで。友だち追加で10%OFFクーポン。</p><p>株式会社サンプル雑貨</p>", 0, ""},
		{"points campaign: double points and LINE", "https://shop.example.jp/campaign",
			"<p>期間中ポイント2倍！</p><p>LINE友だち追加でさらに100ポイント</p>", 0, ""},
		{"past yield with a disclaimer on the next line", "https://www.am.example.co.jp/fund/",
			"<p>過去1年の利回り42%のファンド。</p><p>過去の実績は将来の運用成果を保証するものではありません。元本割れのリスクがあります。</p><p>LINE友だち追加で最新情報</p>", 0, ""},
		{"adviser disclaiming profits, LINE reports", "https://www.komon.example.co.jp/",
			"<p>投資顧問サービスのご案内。当社は利益を保証するものではありません。</p><p>LINE友だち追加で銘柄レポートを配信</p>", 0, ""},
		{"bank's time deposit: principal guaranteed, LINE", "https://www.bank.example.co.jp/teiki/",
			"<p>定期預金は元本保証で安心です。</p><p>LINE友だち追加で金利上乗せクーポン</p>", 0, ""},
		{"glossary: monthly and yearly rates, no channel", "https://www.money-yougo.example.jp/getsuri",
			"<h1>月利とは</h1><p>月利1%は年利にすると約12%です。</p>", 0, ""},
		{"neighbourhood LINE group", "https://www.chounaikai.example.jp/",
			"<p>町内会のLINEグループに参加しましょう。</p><p>清掃活動のお知らせを配信します。</p>", 0, ""},
		{"shop gives its transfer account on LINE", "https://shop.example.jp/order",
			"<p>ご注文後、振込先をLINEでお知らせします。</p>", 0, ""},
		// rev23 p29 page04: the lure copies a broker's disclaimer into
		// its small print; a guaranteed principal beside a monthly rate
		// is still a promise.
		// rev24 p36 page12: a monthly return of 30% in other words, a
		// copied disclaimer.
		{"a monthly profit target of 30%, a copied disclaimer", "https://moriyama-kabu-juku.example.com/lp/",
			"<p>毎月の利益目標30%以上を目指す銘柄を、参加者の皆さまだけにお伝えしています。</p><p>今すぐLINEで友だち追加</p><p>※投資にはリスクが伴います。過去の実績は将来の成果を保証するものではありません。</p>", 50, "毎月の利益目標30%"},
		{"a monthly distribution fund's yield, a disclaimer", "https://www.am.example.co.jp/fund/monthly/",
			"<p>毎月分配型ファンド。過去5年の毎月のリターンは平均1.2%でした。</p><p>LINE友だち追加で運用レポートをお届け</p><p>過去の実績は将来の運用成果を保証するものではありません。元本割れのリスクがあります。</p>", 0, ""},
		{"a monthly return of 12% denied, a disclaimer", "https://www.am.example.co.jp/faq/",
			"<p>「毎月のリターン12%」といった宣伝は保証されるものではありません。</p><p>LINE友だち追加で最新情報</p><p>過去の実績は将来の運用成果を保証するものではありません。</p>", 0, ""},
		{"guaranteed principal and a monthly rate, a copied disclaimer", "https://kabu-ai-kenkyukai.example.com/lp/",
			"<p>AIが選ぶ急騰銘柄を毎朝LINEで無料配信</p><p>元本保証・月利15%の特別運用プランもご案内</p><p><a href=\"https://line.me/R/ti/p/@kabu-ai777\">LINEで友だち追加して無料参加</a></p><p>※過去の実績は将来の運用成果を保証するものではありません。</p>", 50, "元本保証・月利15%"},
		{"iDeCo: principal-protected products, funds at risk, LINE", "https://www.bank.example.co.jp/ideco/",
			"<p>iDeCoでは元本確保型の商品もお選びいただけます。</p><p>投資信託は元本割れのリスクがあります。</p><p>LINE友だち追加で資料請求</p>", 0, ""},
		{"a monthly rate explained beside a risk disclosure, LINE", "https://www.money-yougo.example.jp/getsuri",
			"<p>月利1%は年利にすると約12%です。</p><p>投資には元本割れのリスクがあります。</p><p>LINE友だち追加で用語解説を配信</p>", 0, ""},
		// rev23: a person's account counts in messages only; a broker's
		// warning cut by its layout names one.
		{"a broker's seminar whose warning names a person's account", "https://www.minase-sec.example.co.jp/seminar/",
			"<h1>【無料オンラインセミナー】新NISAと債券投資の基礎</h1><p>ご注意：当社の社員や講師を名乗り、個人名義の口座へ入金を</p><p>求めたりすることはありません。</p><p>LINE友だち追加でセミナー情報を配信</p>", 0, ""},
		{"a broker's warning on LINE groups, cut by the layout", "https://www.minase-sec.example.co.jp/seminar/",
			"<h1>【無料オンラインセミナー】新NISAと債券投資の基礎</h1><p>ご注意：当社の社員や講師を名乗り、LINEグループで投資を勧誘したり、</p><p>個人名義の口座へ入金を求めたりすることはありません。</p><p>LINE友だち追加でセミナー情報を配信</p>", 0, ""},
		{"FX broker: leverage 25x, risk disclosure", "https://www.fx.example.co.jp/",
			"<p>最大レバレッジ25倍のFX取引。</p><p>FXは元本を割り込むおそれがあります。LINEでマーケット情報を配信中。</p>", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := phFired(phSite(phHTML(c.url, "<html><head><title>t</title></head><body>"+c.body+"</body></html>")))
			s, ok := got["investment-lure"]
			if c.points == 0 {
				if ok {
					t.Fatalf("investment-lure fired: %d, evidence %q", s.Points, s.Evidence)
				}
				return
			}
			if !ok {
				t.Fatalf("investment-lure did not fire; signs %v", got)
			}
			if s.Points != c.points {
				t.Errorf("points %d, want %d (evidence %q)", s.Points, c.points, s.Evidence)
			}
			if !strings.Contains(s.Evidence, c.evidence) {
				t.Errorf("evidence %q lacks %q", s.Evidence, c.evidence)
			}
			if !strings.Contains(s.Message, "188") || !strings.Contains(s.Message, "#9110") {
				t.Errorf("message names no desk: %q", s.Message)
			}
		})
	}
}

// TestInvestmentHinted: the cheap test lets a page through on a LINE word,
// a LINE link or a withdrawal, and not on the ライン of オンラインショップ,
// 商品ラインナップ or ガイドライン, which every shop has.
func TestInvestmentHinted(t *testing.T) {
	cases := []struct {
		name, body string
		want       bool
	}{
		{"a LINE group in katakana", "<p>ライングループで銘柄を配信中</p>", true},
		{"LINE in ASCII", "<p>LINEで最新情報をお届け</p>", true},
		{"a link to line.me", "<p><a href='https://line.me/R/ti/p/@abc'>友だちになる</a></p>", true},
		{"a withdrawal", "<p>出金には手数料が必要です</p>", true},
		{"a LINE ID in katakana", "<p>お問い合わせはライン@kabu123まで</p>", true},
		{"an online shop", "<h1>いろは商店 オンラインショップ</h1><p>商品ラインナップ</p><p>ガイドラインに沿って運営しています。オンラインでのご注文は24時間受付。</p>", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := phHTML("https://shop.example.jp/", "<html><head><title>t</title></head><body>"+c.body+"</body></html>")
			if got := investHinted(p); got != c.want {
				t.Errorf("investHinted = %v, want %v", got, c.want)
			}
		})
	}
}

// TestInvestmentMessages: mail-investment-lure on SMS and mail.
func TestInvestmentMessages(t *testing.T) {
	cases := []struct {
		name   string
		m      Mail
		points int // 0: silent
	}{
		// Firing.
		{"group invite with a profit record", Mail{Text: "【限定招待】著名トレーダーが教える株の勉強会。会員の平均利益は+240%です。LINEグループで毎日銘柄をお届けします https://line.me/ti/g2/Kabu_Room77"}, 50},
		{"daily rate, open chat", Mail{Text: "日利3%の自動売買で毎月安定収入。詳細はオープンチャットで https://line.me/ti/g2/AutoTrade1"}, 50},
		{"fake exchange: tax before withdrawal", Mail{Text: "【GLX取引所】お客様の出金申請を受け付けました。出金には利益の20%の税金を事前にお振込みいただく必要があります。"}, 50},
		{"follow-up: the deposit account on LINE", Mail{Text: "先生のおかげで今月は150万円の利益が出たよ。あなたも5万円から始められるよ。入金先はアシスタントがLINEで教えてくれるからね。"}, 50},
		{"AI trading app, deposit account on LINE, no promise", Mail{Text: "この投資アプリ、登録して5万円入金するとAIが自動で運用してくれるよ。入金先はLINEで聞いてね https://app.example.top/"}, 50},
		{"side job: per-like rate and LINE", Mail{Text: "副業のご紹介です！動画にいいねするだけで1件300円、スクショを送るだけ。LINEで「参加」と送ってください https://lin.ee/Job9876"}, 50},
		// rev24 p38 m36 (written in kanji): a 'simple job' for foreign
		// residents, a like quoted in brackets at 500 yen each, LINE.
		{"side job for foreign residents: a quoted like at 500 yen, LINE", Mail{Text: "【簡単なお仕事】日本に住んでいる外国人の皆さんへ\nスマホで1日10分、YouTubeに「いいね」するだけで1回500円！\n在留カードの写真と銀行の口座の情報を送るだけで登録できます。\nLINEを追加してください https://lin.ee/Xk29fQa", URLs: []string{"https://lin.ee/Xk29fQa"}}, 50},
		{"side job: a day's pay and a LINE ID", Mail{Text: "スキマ時間で1日2万円以上稼げるお仕事です。ご興味あればLINE ID: easywork2026 までどうぞ"}, 50},
		// rev23 p32 m28: a romance 'uncle' at a gold exchange, the
		// deposit into a staff member's account.
		{"gold trading signals, the deposit into a staff member's account", Mail{Text: "叔父は香港の金（ゴールド）取引所の内部の人で、今夜21時に短期取引のシグナルが出る。\nアプリの入金は、カスタマーサービスが教えてくれる担当者の口座に振り込む形だよ。 https://app.gmxgold-trade.example.com/register"}, 50},
		{"a broker's warning: no deposits into a staff member's account", Mail{Text: "【みなせ証券】当社の社員を名乗り、担当者の口座に入金を求める投資詐欺にご注意ください。株式投資のお取引はお客様名義の口座で行います。"}, 0},
		// rev22 p24 m15: a month's pay, LINE by a look-alike link.
		{"side job: 月収30万円以上も可能, to the official LINE", Mail{Text: "【副業のご案内】スマホ1台・1日たった15分の簡単作業で月収30万円以上も可能です！詳細は公式LINEへ→ https://lin-ee-sidejob.com/r/aK92m"}, 50},
		{"a job ad: 月収30万円以上可能, a workplace, apply on LINE", Mail{Text: "【正社員募集】副業OK。月収30万円以上可能。勤務地：仙台市青葉区、交通費支給。応募は公式LINEへ https://lin.ee/Job7x"}, 0},
		// rev22 p23 f08: the wrong-number opener.
		{"a wrong number turning to investing and LINE", Mail{Text: "田中さんですか？来週の食事の件です。\nあれ、番号間違えちゃったみたいです…ごめんなさい。\n最近は叔父に教わった投資にハマってます。LINEのIDは misaki_chen0823 です。"}, 30},
		{"a real wrong number, apologising", Mail{Text: "すみません、番号を間違えて送ってしまいました。失礼しました。"}, 0},
		// rev22 p23 f22: the pay with an exclamation mark, LINE by link.
		{"side job: 1日3万円! and a LINE link", Mail{Text: "【スマホ副業】1日30分、スマホをタップするだけで1日3万円！LINEで「副業」と送ってください→ https://lin.ee/Fk7pQ2w"}, 50},
		{"a rental car's day rate with a LINE coupon", Mail{Text: "レンタカーは1日1万円から！LINEで予約できます https://lin.ee/Rent7x"}, 0},
		{"romance opener with investing and LINE", Mail{Text: "初めまして、みさきです。プロフィールを見て気になってメッセージしました。私は香港で仮想通貨のトレードをしています。もっとお話ししたいのでLINEで連絡しませんか？"}, 30},
		{"investing study group invite, no promise", Mail{Text: "無料の株式投資勉強会を開催しています。参加はLINEグループから https://line.me/ti/g2/Study55"}, 30},
		{"English group invite with guaranteed profit", Mail{Text: "Join our crypto investment group on Telegram. Guaranteed profit every day, no risk."}, 50},

		// Silent.
		{"a bank's ATM withdrawal fee notice (review 19)", Mail{Text: "【〇〇銀行】コンビニATMでの引き出し手数料のお支払い方法が変わります。詳しくは当行ホームページをご覧ください。"}, 0},
		{"a broker's online deposit notice (review 19)", Mail{Text: "【サンプル証券】オンラインでの入金方法が変わりました。投資信託の積立をご利用のお客様はご確認ください。"}, 0},
		{"police SMS warning about investment scams", Mail{Text: "【宮城県警】SNS型投資詐欺に注意！「元本保証」「必ず儲かる」と言われたら詐欺です。LINEグループへの招待にも注意してください。"}, 0},
		{"consumer desk's SMS without the fraud's name", Mail{Text: "元本保証で月利10%、LINEグループで銘柄を配信します、という勧誘が増えています。消費者ホットライン188か警察相談#9110へ。"}, 0},
		{"bank's NISA newsletter", Mail{From: "みやぎ銀行 <info@miyagi-bank.example.co.jp>", FromDomain: "miyagi-bank.example.co.jp", Subject: "新NISAのご案内", Text: "新NISAで資産形成を始めませんか。投資信託は元本保証ではなく、元本割れのリスクがあります。ご相談は店頭で。"}, 0},
		{"broker's seminar mail", Mail{Text: "東北証券です。12月の投資セミナーのご案内です。投資は自己責任でお願いします。セミナー情報はLINE公式アカウントでもお届けします。"}, 0},
		{"friend's LINE message about meeting", Mail{Text: "久しぶり！来週の土曜に会えるかな？詳しくはLINEで連絡するね。"}, 0},
		{"real job ad", Mail{Text: "【株式会社データサポート仙台】在宅ワークのスタッフ募集。時給1,100円、週3日から。応募はLINEで友だち追加のうえご連絡ください。"}, 0},
		{"news about a romance scam", Mail{Subject: "【ニュース】ロマンス詐欺で被害", Text: "「はじめまして、投資の仕事をしています。LINEで話しませんか」というメッセージから始まり、女性は計800万円を振り込んだ。"}, 0},
		{"exchange's notice: withdrawals are free", Mail{Text: "【お知らせ】日本円の出金手数料は無料で、翌営業日にご登録口座へお振込みいたします。"}, 0},
		{"consumer centre on side-job scams", Mail{Text: "「いいねするだけで1件500円」「1日3万円」とうたう副業詐欺が増えています。LINEで登録させ、サポート料を請求する手口です。お金を払わないでください。"}, 0},
		{"side-job ad whose briefing is online (オンラインで is no LINE)", Mail{Text: "【在宅ワーク募集】スキマ時間で日給1万円以上も可能です。説明会はオンラインで開催します。詳細 https://job-navi.example.jp/apply"}, 0},
		{"romance opener: online, not LINE", Mail{Text: "初めまして、みさきです。香港で仮想通貨のトレードをしています。オンラインで交流会をしているので興味があれば。"}, 0},
		{"dating app opener without investing", Mail{Text: "はじめまして！プロフィールを見て、同じ猫好きなのでメッセージしました。LINEで話しませんか？"}, 0},
		{"a friend explaining rates", Mail{Text: "月利1%と年利12%はだいたい同じだよ。また今度説明するね。"}, 0},
		{"a new sales rep's greeting, no LINE", Mail{Text: "はじめまして、新しく担当になった佐藤です。投資信託のご案内を郵送いたしました。"}, 0},
		{"a friend asking about an ad she saw", Mail{Text: "「月利20%、元本保証」という広告を見たけど、どう思う？LINEで教えて"}, 0},
		{"a colleague's stock talk", Mail{Text: "昨日の株の話だけど、長期で持つつもり。また会社で話そう。"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mlFired(&c.m)
			s, ok := got["mail-investment-lure"]
			if c.points == 0 {
				if ok {
					t.Fatalf("mail-investment-lure fired: %d, evidence %q", s.Points, s.Evidence)
				}
				return
			}
			if !ok {
				t.Fatalf("mail-investment-lure did not fire; signs %v", got)
			}
			if s.Points != c.points {
				t.Errorf("points %d, want %d (evidence %q)", s.Points, c.points, s.Evidence)
			}
			if !strings.Contains(s.Message, "188") {
				t.Errorf("message names no desk: %q", s.Message)
			}
		})
	}
}
