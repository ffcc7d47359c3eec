package rules

import (
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DisguisedLink is an HTML link whose text shows one web address (Shown)
// and whose href goes to another site (Href).
type DisguisedLink struct {
	Shown, Href string
}

// Mail is an e-mail or SMS as the message signs see it: decoded text, the
// sender and every URL found in it (package internal/message builds it).
type Mail struct {
	// From is the sender as written (display name and address), decoded;
	// empty for an SMS.
	From string
	// FromDomain is the domain of the sender's address, lower case.
	FromDomain string
	// ReplyToDomain is the domain of the Reply-To address, lower case; ""
	// when there is none.
	ReplyToDomain string
	Subject       string
	// Text is the body as plain text (HTML parts converted).
	Text string
	// Shown is the text a mail client shows of a message with HTML parts
	// (HTML true): the HTML's text without its hidden parts, and the plain
	// parts that are not its alternatives; it may be empty. The warning
	// test reads it: a lure salted with a hidden warning, or with one in
	// the plain alternative nobody sees, is no warning. Without HTML, Text
	// is what is shown.
	Shown string
	HTML  bool
	// URLs are the links found in the message, refanged; bare domains are
	// kept without a scheme.
	URLs []string
	// Defanged are those of URLs the message writes only defanged
	// (hxxps://, example[.]top). A warning from a brand or a public body
	// quotes a lure's address so; the signs then leave it out (Quoted).
	Defanged []string
	// Attachments are the file names of attached parts.
	Attachments []string
	// Disguised are the HTML links that show another address than the
	// one they lead to.
	Disguised []DisguisedLink
	// Data is the rule data (brands); the shipped data when nil.
	Data *Data
	// view is the message prepared once for all the checks of one
	// EvaluateMail (which sets it on its own copy of the Mail); nil
	// when a check is called alone.
	view *mailViewOnce
}

// mailViewOnce builds a message's view once for every check.
type mailViewOnce struct {
	once sync.Once
	v    *mailView
}

// mailViewOf returns m's view: the one EvaluateMail prepared, or a fresh
// one.
func mailViewOf(m *Mail) *mailView {
	if m.view == nil {
		return newMailView(m)
	}
	m.view.once.Do(func() { m.view.v = newMailView(m) })
	return m.view.v
}

// MessageRule is one warning sign of a message, like Rule for sites.
type MessageRule struct {
	ID       string
	Severity Severity
	Points   int
	// Topic names the advice topic (phishing, billing, spam, …).
	Topic   string
	Summary Text
	Message Text
	// Check looks for the sign. It must not do I/O and must not change m.
	Check func(m *Mail) []Finding
}

// MessageRules returns every message sign, in the order `shopcheck rules`
// lists them. Each call builds a fresh list.
func MessageRules() []MessageRule {
	return []MessageRule{
		{
			ID: "mail-credential-request", Severity: High, Points: 40, Topic: "phishing",
			Summary: Text{
				JA: "メール・SMSで暗証番号・カード番号・セキュリティコード・口座番号などの入力や返信を求める（アカウント停止の脅しと一緒なら登録情報・パスワードの確認も）",
				EN: "the message asks for PINs, card numbers, security codes or account numbers (or, with a suspension threat, account data and passwords)",
			},
			Message: Text{
				JA: "銀行・カード会社がメールやSMSで暗証番号やカード情報の入力を求めることはありません（フィッシングの疑い）",
				EN: "banks and card companies never ask for PINs or card data by mail or SMS (suspected phishing)",
			},
			Check: checkMailCredential,
		},
		{
			ID: "mail-urgency", Severity: Medium, Points: 20, Topic: "phishing",
			Summary: Text{
				JA: "「利用停止」「アカウントがロック」「不正利用」などの脅しと、「24時間以内」などの期限やリンク先での確認要求",
				EN: "account suspension or intrusion claims (利用停止, アカウントがロック, 不正利用) with a deadline or a link to \"confirm\"",
			},
			Message: Text{
				JA: "利用停止や不正利用を口実に急がせる、フィッシングによくある文面です。届いたメールやSMSのリンクは開かず、公式アプリや自分でブックマークしたURLから確認してください",
				EN: "urgent claims that your account is suspended or misused are typical of phishing; do not open the links, check in the official app or through your own bookmark",
			},
			Check: checkMailUrgency,
		},
		{
			ID: "mail-delivery-lure", Severity: Medium, Points: 20, Topic: "phishing",
			Summary: Text{
				JA: "「不在のため持ち帰りました」「再配達」「住所不明」など配達の失敗を装い、公式でないリンクへ誘導する",
				EN: "a failed-delivery claim (不在, 再配達, 住所不明) with a link that is not the carrier's",
			},
			Message: Text{
				JA: "宅配業者を装った不在通知の詐欺メッセージによくある文面です。リンクは開かず、伝票番号で公式サイトから確認してください",
				EN: "this reads like a fake delivery notice; do not open the link, check the tracking number on the carrier's official site",
			},
			Check: checkMailDelivery,
		},
		{
			ID: "mail-fake-bill", Severity: High, Points: 50, Topic: "billing",
			Summary: Text{
				JA: "「未払い」「料金が発生」などの請求と、「法的措置」「本日中にご連絡」などの脅しや連絡要求（架空請求）",
				EN: "an unpaid-bill claim (未払い, 料金が発生) with legal threats or a demand to call (fake bill)",
			},
			Message: Text{
				JA: "架空請求の特徴があります。身に覚えのない請求は支払う必要はありません。記載の連絡先にも連絡しないでください",
				EN: "this looks like a fake bill. You do not have to pay a charge you do not recognise. Do not contact the number or address it gives",
			},
			Check: checkMailFakeBill,
		},
		{
			ID: "mail-sender-mismatch", Severity: High, Points: 30, Topic: "phishing",
			Summary: Text{
				JA: "差出人名・件名・本文がブランドを名乗っているのに、送信元アドレスのドメインがそのブランドの公式ドメインでない",
				EN: "the message speaks as a brand (sender name, subject, greeting, signature) but the sender's domain is none of the brand's",
			},
			Message: Text{
				JA: "ブランドを名乗っていますが、送信元のドメインが公式のものではありません",
				EN: "the message speaks as a brand but comes from a domain that is not the brand's",
			},
			Check: checkMailSender,
		},
		{
			ID: "mail-link-offbrand", Severity: Medium, Points: 20, Topic: "phishing",
			Summary: Text{
				JA: "ブランドを名乗るメッセージのリンク先が、そのブランドの公式ドメインでない",
				EN: "a message speaking as a brand links to a domain that is none of the brand's",
			},
			Message: Text{
				JA: "ブランドを名乗っていますが、リンク先は公式ドメインではありません",
				EN: "the message speaks as a brand but links somewhere that is not the brand's",
			},
			Check: checkMailLink,
		},
		{
			ID: "mail-link-disguised", Severity: High, Points: 30, Topic: "phishing",
			Summary: Text{
				JA: "HTMLメールのリンクが、ブランドの公式URLを表示しながら、公式でない別のサイトへ飛ぶ",
				EN: "an HTML mail's link shows a brand's official web address but leads to a site that is not the brand's",
			},
			Message: Text{
				JA: "リンクの表示と実際の行き先が違います。表示されたURLを信じてクリックさせる、フィッシングの手口です",
				EN: "the link shows one address and leads to another: a phishing trick that relies on the address shown",
			},
			Check: checkMailDisguised,
		},
		{
			ID: "mail-prize-lure", Severity: High, Points: 40, Topic: "phishing",
			Summary: Text{
				JA: "「当選しました」などの当選の知らせと、賞品の送料・手数料の支払いの求め、公式でないリンク",
				EN: "a you-have-won claim (当選しました) that asks the winner to pay a shipping or handling fee, with a link that is no brand's",
			},
			Message: Text{
				JA: "当選をうたって送料や手数料を払わせるのは、カード情報をだまし取る詐欺の手口です。本当の懸賞で当選者が送料を払うことはありません。リンクは開かず、カード情報を入力しないでください",
				EN: "a prize that you must pay shipping or a fee to receive is a scam to take card details: real prizes never cost the winner a fee; do not open the link or enter card data",
			},
			Check: checkMailPrize,
		},
		{
			ID: "mail-support-scam", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "「お使いのPCでウイルスが検出されました」などと、あなたの機器が感染した・ロックされたと告げ、電話をかけさせる番号（050・フリーダイヤル・海外の番号、脅しを伴う固定電話）を示す（サポート詐欺）",
				EN: "the message claims your device is infected or locked (お使いのPCでウイルスが検出されました) and gives a number to call: 050, toll-free or foreign, or a landline with pressure to call at once (tech-support scam, サポート詐欺)",
			},
			Message: Text{
				JA: "ウイルス感染などの偽の警告で電話をかけさせる「サポート詐欺」のメッセージです。メーカーやセキュリティ会社が、メールやSMSで感染を知らせて電話をかけさせることはありません。記載の番号に電話せず、リンクも開かないでください。電話してしまった、指示されたソフトを入れた、電子マネーを買ったときは、ネットから切断し、#9110か最寄りの警察署に相談してください",
				EN: "this is a tech-support scam (サポート詐欺) message: a fake virus or security alert made to get you to call. No maker or security company tells you of an infection by mail or SMS and asks you to call. Do not call the number and do not open its links. If you already called, installed software they asked for or bought electronic money, disconnect from the internet and consult #9110 or the nearest police station",
			},
			Check: checkMailSupport,
		},
		{
			ID: "mail-fake-police", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "警察・検察を名乗り、「あなた名義の口座が詐欺事件に使用されています」「逮捕状」などと容疑者扱いして、電話・LINE・ビデオ通話での連絡を求めるか、偽の逮捕状などのページへのリンクを送る。警察官がキャッシュカードを受け取りに行くと告げるものも（ニセ警察詐欺・キャッシュカード詐欺盗）",
				EN: "the message speaks as the police or a prosecutor, says that you or an account in your name are involved in a crime (あなた名義の口座が詐欺事件に使用, 逮捕状) and asks you to call, add a LINE account or join a video call, or sends a link to a page such as a fake arrest warrant; or says an officer will come to collect the cash card (fake-police fraud, ニセ警察詐欺; キャッシュカード詐欺盗)",
			},
			Message: Text{
				JA: "警察官や検察官を名乗って容疑者扱いし、連絡させる「ニセ警察詐欺」の特徴があります。本物の警察が、お金の振込みや口座番号・暗証番号を求めたり、LINEやビデオ通話で連絡したり、逮捕状を見せたりすることはありません。記載の番号に電話をかけ直さず、電話がかかってきたらすぐに切ってください。心配なときは、#9110（警察相談専用電話）か最寄りの警察署に、自分で調べた番号で相談してください",
				EN: "this has the marks of fake-police fraud (ニセ警察詐欺): someone calling themselves a police officer or prosecutor treats you as a suspect to make you get in touch. Real police never ask you to transfer money or for account numbers or PINs, never contact you by LINE or video call and never show you an arrest warrant. Do not call back the number given, and if they call you, hang up. If you are worried, consult #9110 (the police consultation line) or your local police station, on a number you look up yourself",
			},
			Check: checkMailFakePolice,
		},
		{
			ID: "mail-refund-atm", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "市役所・年金事務所・税務署などを名乗り、医療費や保険料の還付金・払い戻しを「ATMで手続き」させようとする（還付金詐欺）",
				EN: "the message speaks of a refund (還付金, 払い戻し of medical costs or premiums) and has you go to an ATM to receive it (refund fraud, 還付金詐欺)",
			},
			Message: Text{
				JA: "「還付金詐欺」の特徴があります。市役所や年金事務所、税務署などが、還付金や払い戻しのためにATMへ行かせることはありません。ATMで操作させられると、お金を受け取るのではなく相手に振り込むことになります。記載の番号に電話せず、心配なときは自分で調べた役所の番号か、#9110（警察相談専用電話）に相談してください",
				EN: "this has the marks of refund fraud (還付金詐欺). No city office, pension office or tax office ever has you go to an ATM to receive a refund: the steps they read out at an ATM send your money to them. Do not call the number given; if you are worried, call the office on a number you look up yourself, or #9110 (the police consultation line)",
			},
			Check: checkMailRefundATM,
		},
		{
			ID: "mail-refund-link", Severity: High, Points: 40, Topic: "phishing",
			Summary: Text{
				JA: "税務署・国税庁・市役所・年金事務所などを名乗って還付金・給付金の知らせを送り、公的機関のものでないリンク先へ誘導する",
				EN: "the message speaks as a tax office, city hall or pension office about a refund or benefit (還付金, 給付金) and links to a site that is not a public body's",
			},
			Message: Text{
				JA: "公的機関を装った還付金・給付金のフィッシングによくある文面です。役所の手続きのページは、その役所自身のサイト（go.jp、lg.jp、市区町村のドメインなど）にあります。リンクは開かず、カード番号や口座番号を入力しないでください。心配なときは、自分で調べた役所の番号に問い合わせてください",
				EN: "this reads like refund or benefit phishing posing as a public office. A public office's own procedures are on its own site (go.jp, lg.jp, a city's own domain). Do not open the link or enter card or account numbers; if you are worried, call the office on a number you look up yourself",
			},
			Check: checkMailRefundLink,
		},
		{
			ID: "mail-phone-stop", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "総務省・総合通信局を名乗り、「2時間後に電話が使えなくなる」「番号が不正利用されている」などと脅して、電話や番号の押下・LINEで連絡させる（ニセ総務省・電話停止詐欺）",
				EN: "the message speaks as the Ministry of Internal Affairs and Communications (総務省) or a regional telecom bureau, threatens that your phone line is about to be cut, and asks you to call, press a key or add a LINE account (fake ministry, phone-stop fraud)",
			},
			Message: Text{
				JA: "総務省を名乗る「電話停止詐欺」の特徴があります。総務省や総合通信局が、個人の電話番号の利用停止を電話やSMSで知らせることはありません。この手口は「警察につなぐ」と言って、ニセ警察詐欺に続くことがあります。記載の番号にかけず、電話なら切ってください。心配なときは、契約している携帯電話会社の公式窓口か#9110に、自分で調べた番号で相談してください",
				EN: "this has the marks of a phone-stop fraud posing as the Ministry of Internal Affairs and Communications (総務省). Neither the ministry nor its regional bureaus tell individuals by phone or SMS that their number will be cut off. Such calls often go on to 'put you through to the police' (fake-police fraud). Do not call the number given, and hang up if they call. If you are worried, ask your mobile carrier's official desk or #9110, on a number you look up yourself",
			},
			Check: checkMailPhoneStop,
		},
		{
			ID: "mail-fake-embassy", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "大使館・領事館を名乗り、パスポート・ビザ・重要書類・在留資格の問題を告げて、電話や番号の押下（「1番を押して」「按1」）で連絡させる（ニセ大使館詐欺、在日外国人が狙われる）",
				EN: "the message speaks as an embassy or consulate, raises a problem with your passport, visa, documents or residence status, and asks you to call or press a key ('press 1', 按1) (fake-embassy fraud, aimed at foreign residents)",
			},
			Message: Text{
				JA: "大使館・領事館を名乗る「ニセ大使館詐欺」の特徴があります。大使館が自動音声の電話やSMSで、書類の受け取りやパスポート・ビザの問題を知らせ、電話をかけさせることはありません。この手口は、本国の「警察」につなぐと言って、お金を振り込ませます。記載の番号にかけず、電話なら切ってください。心配なときは、大使館の公式サイトに載っている番号で確かめるか、#9110（警察相談専用電話）に相談してください",
				EN: "this has the marks of fake-embassy fraud. Embassies do not use recorded calls or SMS to tell you about documents to collect or problems with your passport or visa, and do not ask you to call back. These calls go on to 'put you through to the police' of your home country, who then have you transfer money. Do not call the number given, and hang up if they call. If you are worried, check with the embassy on the number on its official website, or consult #9110 (the Japanese police consultation line)",
			},
			Check: checkMailFakeEmbassy,
		},
		{
			ID: "mail-account-change", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "取引先や管理会社を名乗って「振込先口座が変わった」と知らせ、個人名義の口座を示す、電話での確認をさせない（電話が工事中、このメールに返信を）、フリーメールに返信させる（ビジネスメール詐欺・振込先変更詐欺）",
				EN: "the message says the account to pay into has changed and gives reasons to doubt it: a person's account for a company, no way to check by phone ('our lines are being rewired, reply to this mail'), replies to a free mail address (business e-mail compromise, payee-change fraud)",
			},
			Message: Text{
				JA: "振込先の変更を知らせるメールに、詐欺の特徴があります（会社なのに個人名義の口座、電話で確かめさせない、フリーメールへの返信など）。取引先や管理会社を装って振込先を変えさせる詐欺が増えています。振り込む前に、メールに書かれた番号ではなく、契約書や以前の請求書にある番号に電話して、担当者に直接確かめてください。すでに振り込んだときは、すぐに振込元の銀行と警察に相談してください",
				EN: "this notice of a changed payee account has the marks of fraud (a person's account for a company, no way to check by phone, replies to free mail). Frauds that pose as a supplier or a managing agent to change where you pay are on the rise. Before paying, call the person you deal with on the number in your contract or an earlier invoice, not the one in this mail. If you have already paid, contact your bank and the police at once",
			},
			Check: checkMailAccountChange,
		},
		{
			ID: "mail-ceo-group", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "社長・役員を名乗って、新しいLINEグループを作りそのQRコードや招待リンクを送るよう社員に頼む（社外秘・電話に出られない・振込の指示・フリーメールが伴えば強）（社長なりすまし詐欺）",
				EN: "the message speaks as the company's president or a director and asks an employee to create a new LINE group and send back its QR code or invitation link (strong with secrecy, no call-back, money or a free mail sender beside it) (CEO-impersonation fraud)",
			},
			Message: Text{
				JA: "社長や役員になりすました詐欺の特徴があります。メールで社員にLINEグループを作らせ、QRコードを送らせて、そのグループで「至急の振込」を指示する手口です。QRコードは送らず、グループにも参加しないでください。社長本人に、社内の内線や以前から知っている番号で確かめ、会社の経理の手順どおりに扱ってください。振り込んでしまったときは、すぐに銀行と警察に相談してください",
				EN: "this has the marks of CEO-impersonation fraud: a mail in the president's name has an employee set up a LINE group and send its QR code, and in that group 'urgent transfers' are then ordered. Do not send the QR code or join the group. Check with the president in person, on the internal line or a number you already know, and keep to the company's payment procedures. If money has been sent, contact the bank and the police at once",
			},
			Check: checkMailCEOGroup,
		},
		{
			ID: "mail-parcel-fee", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "恋人や海外の軍人・医師などを名乗る相手が、お金や贈り物を「あなたに送った」と言い、税関や配送業者（「外交官の配送」）で止まっているので通関手数料などを先に払うよう求める（国際ロマンス詐欺）",
				EN: "someone writing as a lover, or as a soldier, doctor or engineer abroad, says they sent you money or gifts that customs or a courier (a 'diplomatic' one) holds until a clearance fee is paid, and asks you to pay it (international romance fraud)",
			},
			Message: Text{
				JA: "国際ロマンス詐欺の特徴があります。SNSなどで知り合った相手が「お金や贈り物を送った」と言い、税関や配送業者に止められているとして手数料を払わせる手口です。荷物はなく、支払いは何度も求められます。会ったことのない相手にお金を払わないでください。払ってしまったときは、やり取りを保存して警察（#9110 か最寄りの警察署）に相談してください",
				EN: "this has the marks of international romance fraud: someone met online says they sent you money or gifts, held by customs or a courier until you pay a fee. There is no parcel, and the fees never end. Do not pay anyone you have never met. If you have paid, keep the messages and consult the police (#9110 or your local station)",
			},
			Check: checkMailParcelFee,
		},
		{
			ID: "mail-ticket-prepay", Severity: High, Points: 50, Topic: "shopping",
			Summary: Text{
				JA: "SNSなどでチケットを譲ると言い、「先に振り込んだ方にお譲りします」「本日中に」と急がせて、個人名義の口座やPayPay送金で代金を先に払わせる（チケット譲渡詐欺）",
				EN: "the message offers a ticket (typically on social media) and wants the money first, into a person's account or by PayPay, in a race or by a deadline ('whoever pays first gets it') (ticket-transfer fraud)",
			},
			Message: Text{
				JA: "SNSでのチケット譲渡を装った詐欺の特徴があります。「先に振り込んだ人に譲る」と急がせ、個人の口座やPayPayに代金を先払いさせて、チケットを渡さない手口です。身分証の写真を見せられても信用できません。チケットは公式のリセールで買い、個人への先払いはしないでください。支払ってしまったときは、やり取りの画面を保存して、最寄りの警察署か#9110に相談してください",
				EN: "this has the marks of ticket-transfer fraud on social media: the seller rushes you ('whoever pays first gets it') to pay in advance into a personal account or by PayPay, and no ticket ever comes. A photo of an ID proves nothing. Buy tickets through the official resale and do not pay individuals in advance. If you have paid, keep screenshots of the exchange and consult your local police station or #9110",
			},
			Check: checkMailTicketPrepay,
		},
		{
			ID: "mail-offplatform", Severity: High, Points: 50, Topic: "shopping",
			Summary: Text{
				JA: "フリマアプリの取引相手が「手数料がかからない」などとLINEでの直接取引に誘い、身分証の写真や口座名義・電話番号を求める",
				EN: "a flea-market trading partner wants to deal directly on LINE ('no fees') and asks for a photo of your ID or your account holder's name and phone number",
			},
			Message: Text{
				JA: "フリマアプリの外での取引に誘い、身分証の写真や口座の情報を求めるのは詐欺の手口です。アプリの外で取引すると、補償を受けられず、送られた身分証は悪用されます。取引はアプリの中だけで行い、身分証や口座の情報を送らないでください。アプリの運営事務局に通報してください",
				EN: "asking to trade outside the flea-market app and for a photo of your ID or your account details is a fraud's method. Outside the app you have no protection, and an ID photo you send will be misused. Trade only inside the app, do not send ID or account details, and report the user to the app",
			},
			Check: checkMailOffPlatform,
		},
		{
			ID: "mail-pr-purchase", Severity: Medium, Points: 30, Topic: "shopping",
			Summary: Text{
				JA: "ブランドのアンバサダーやモニターに誘い、商品を先に買わせて「投稿後に全額キャッシュバック」などと約束する",
				EN: "the message invites you to be a brand's ambassador or monitor, has you buy the product first and promises the money back after you post",
			},
			Message: Text{
				JA: "アンバサダーやモニターを名目に、先に商品を買わせ「あとで代金を返す」と約束するのは、国民生活センターも注意を呼びかけている手口です。お金は戻らず、定期購入になることもあります。本物の企業のPR依頼は、商品を無償で送るもので、購入を求めません。急がされても、買う前に会社の所在や評判を確かめてください。困ったときは188（消費者ホットライン）に相談してください",
				EN: "having you buy a product first as an 'ambassador' or 'monitor' with a promise to pay you back later is a method the National Consumer Affairs Center warns of. The money is not returned, and the purchase may turn into a subscription. Real PR requests send the product for free and ask for no purchase. Even if rushed, check the company before buying; if in trouble, call 188 (the consumer hotline)",
			},
			Check: checkMailPRPurchase,
		},
		{
			ID: "mail-public-payee", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "税金・保険料・反則金やふるさと納税の寄附を、個人名義の口座に振り込ませようとする",
				EN: "the message asks for a tax, a public insurance premium, a fine or a hometown-tax (ふるさと納税) donation to be paid into an account in a person's name",
			},
			Message: Text{
				JA: "税金や保険料、反則金、ふるさと納税の寄附を、個人名義の口座に振り込ませることはありません。役所への支払いは、役所の口座・納付書・窓口で行います。このメールの口座には振り込まず、支払い先の役所に、自分で調べた番号で確かめてください。振り込んでしまったときは、すぐに振込元の銀行と警察に相談してください",
				EN: "taxes, insurance premiums, fines and hometown-tax donations are never paid into a person's account. Public bodies are paid into their own accounts, by their payment slips or at their counters. Do not pay into this account; check with the office concerned on a number you look up yourself. If you have paid, contact your bank and the police at once",
			},
			Check: checkMailPublicPayee,
		},
		{
			ID: "mail-relative-trouble", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "子・孫・配偶者が事故や会社のお金のトラブルを起こしたと告げ、示談金などのお金を「本日中」「内密に」用意させ、本人は電話に出られない、会社の者が受け取りに行くなどと言う（オレオレ詐欺）",
				EN: "the message says your child, grandchild or spouse is in trouble (an accident, money lost or embezzled) and needs money such as a settlement today, in secret, while they cannot take calls or someone will come to collect it (relative-in-trouble fraud, オレオレ詐欺)",
			},
			Message: Text{
				JA: "家族のトラブルを口実にお金を用意させる「オレオレ詐欺」の特徴があります。示談金を家族に急いで払わせたり、会社の人や弁護士が自宅まで受け取りに来たりすることはありません。お金を用意する前に、いつもの電話番号で家族本人に連絡して確かめてください。つながらなくても、ほかの家族や#9110（警察相談専用電話）、最寄りの警察署に相談してください",
				EN: "this has the marks of relative-in-trouble fraud (オレオレ詐欺): a family member's 'trouble' is used to make you get money ready. Settlements are never paid in a rush by relatives, and no colleague or lawyer comes to your home to collect money. Before getting any money, call your family member on the number you always use. If you cannot reach them, consult other family members, #9110 (the police consultation line) or your local police station",
			},
			Check: checkMailRelativeTrouble,
		},
		{
			ID: "mail-gift-card", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "電子マネーやギフトカード（Amazon・Apple・Google Play など）を買わせ、その番号を送らせる（料金の請求や、家族・知人を名乗る頼みごととして）",
				EN: "the message has you buy e-money or gift cards (Amazon, Apple, Google Play …) and send their numbers (as a bill, or as a favour asked in a relative's or friend's name)",
			},
			Message: Text{
				JA: "電子マネーやギフトカードを買わせて、その番号を送らせるのは詐欺の手口です。料金の請求でも、家族や知人を名乗る頼みでも、カードの番号や写真を送らないでください。家族や知人なら、いつもの電話番号で本人に確かめてください。心配なときは#9110（警察相談専用電話）か188（消費者ホットライン）に相談してください",
				EN: "having you buy e-money or gift cards and send their numbers is a fraud's method. Whether it is a bill or a favour asked in a relative's or friend's name, do not send card numbers or photos of them; check with the person on the number you always use. If you are worried, consult #9110 (the police consultation line) or 188 (the consumer hotline)",
			},
			Check: checkMailGiftCard,
		},
		{
			ID: "mail-extortion", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "「あなたのデバイスをハッキングした」「カメラで録画した」などと告げ、ビットコインなどの暗号資産を払わないと動画を家族や知人に送ると脅す（セクストーション・性的脅迫メール）",
				EN: "the message claims to have hacked your device or filmed you (「あなたのデバイスをハッキングしました」) and demands Bitcoin or other crypto, threatening to send the video to your family and contacts (sextortion spam)",
			},
			Message: Text{
				JA: "「パソコンをハッキングした」「恥ずかしい動画を撮った」と脅して暗号資産を払わせる、セクストーション（性的脅迫）の迷惑メールです。同じ文面が大量に送られていて、実際に撮影されていることはまずありません。送信元があなた自身のアドレスに見えても偽装です。支払わず、返信もしないでください。このメールに書かれたパスワードが本物なら、そのパスワードは変更してください。心配なときは#9110（警察相談専用電話）か最寄りの警察署に相談してください",
				EN: "this is sextortion spam: a claim to have hacked your computer or filmed you, made to get you to pay in crypto. The same text is sent to huge numbers of people, and nothing was filmed. Even if it seems to come from your own address, that is forged. Do not pay and do not reply. If the mail quotes a real password of yours, change that password. If you are worried, consult #9110 (the police consultation line) or your local police station",
			},
			Check: checkMailExtortion,
		},
		{
			ID: "mail-dark-job", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "「闇バイト」の募集：テレグラム・Signalなど秘匿アプリでの連絡に加え、「高額・即日払い」「日給◯万円」、「荷物を受け取るだけ」「出し子」などの仕事、身分証の写真や家族の連絡先の要求のうち二つ",
				EN: "闇バイト recruitment: contact by a secret messenger (Telegram, Signal) with two of high or same-day pay, a courier's or collector's task (receive parcels, withdraw cash) and a demand for ID photos or family contacts",
			},
			Message: darkJobText,
			Check:   checkMailDarkJob,
		},
		{
			ID: "mail-investment-lure", Severity: High, Points: 50, Topic: "scam",
			Summary: Text{
				JA: "SNS型投資詐欺・副業詐欺・ロマンス詐欺のメッセージ：元本保証・高い利益の約束とLINEグループへの誘導、出金のための手数料・税金の要求、入金先をLINEで教える、1日数万円・いいね1件N円の副業とLINE（強）、利益の約束のない投資グループへの招待、投資の話をしてLINEへ誘う見知らぬ人の最初のメッセージ（中）",
				EN: "an investment, side-job or romance scam message: promised returns with a move to a LINE group, a fee or tax to pay before a withdrawal, the account to pay into given on LINE, a side job paying tens of thousands of yen a day or per \"like\" with a LINE hand-off (strong); an invitation to an investing group without a promise, or a stranger's first message that brings up investing and moves to LINE (moderate)",
			},
			Message: investPromiseText,
			Check:   checkMailInvestment,
		},
		{
			// Topic spam: the police's advice on attachments is in the
			// spam advice (ADVICE-FACTS), after the advice on being
			// cheated that the mail's other signs bring.
			ID: "mail-attachment-executable", Severity: High, Points: 40, Topic: "spam",
			Summary: Text{
				JA: "実行ファイル・スクリプト・ディスクイメージ（強）、HTMLやマクロ付き文書（中）が添付されている",
				EN: "an executable, script or disk image is attached (strong), or an HTML file or macro document (moderate)",
			},
			Message: Text{
				JA: "開くとウイルスに感染するおそれのあるファイルが添付されています。開かずに削除してください。心当たりがあるときは、メールに返信せず、公式サイトなどで自分で調べた連絡先で送り主に確かめてください",
				EN: "an attachment could infect your device if opened; delete it unopened, and if you think it may be genuine, check with the sender by contact details you look up yourself, not by replying",
			},
			Check: checkMailAttachment,
		},
	}
}

// EvaluateMail runs every message rule over m and returns one sign for each
// rule that fired (its strongest finding), strongest first, messages in
// lang: the same resolution as Evaluate, weights from m.Data included.
func EvaluateMail(m *Mail, rs []MessageRule, lang string) []Sign {
	// The checks read the message through one view, built by the first
	// that asks, on a copy of m so that the caller's Mail is not changed.
	mc := *m
	mc.view = &mailViewOnce{}
	var signs []Sign
	for _, r := range rs {
		base := Rule{ID: r.ID, Severity: r.Severity, Points: r.Points, Message: r.Message}
		if s, ok := resolve(&base, mailSafeCheck(r, &mc), m.Data, lang); ok {
			signs = append(signs, s)
		}
	}
	sortSigns(signs)
	return signs
}

// mailSafeCheck runs one rule; a rule that panics on a hostile message is
// treated as not firing.
func mailSafeCheck(r MessageRule, m *Mail) (fs []Finding) {
	defer func() {
		if recover() != nil {
			fs = nil
		}
	}()
	return r.Check(m)
}

// ------------------------------------------------------------- reading

// mailView is a message prepared for the checks: normalised sentences,
// whether it reads as a warning, and the hosts of its links.
type mailView struct {
	m         *Mail
	subject   string   // NFKC, folded
	lines     []string // NFKC lines of the text, blank ones dropped
	sentences []string // phishNorm sentences of subject and text
	// warn are the sentences the warning tests read: those of what a
	// mail client shows (Mail.Shown), else sentences itself.
	warn    []string
	raw     []string // the same sentences as written (NFKC), for evidence
	warning bool
	hosts   []string // lower-case host of each URL, same order ("" when quoted)
	// quoted are the defanged addresses a warning quotes (mailQuotes).
	quoted []string
	brands []phishBrand
	// denies says, for each sentence, whether mailDenies holds for it.
	denies []bool
	// pres is what presented returns, worked out once.
	presOnce sync.Once
	pres     []mailPresentation
	// holder is what personalHolder returns, worked out once: three
	// signs ask, and reading the accounts parses every line.
	holderOnce sync.Once
	holder     string
}

// personalHolder returns the holder of the first bank account the
// message's text gives (shopLineAccounts, the page reader) whose holder is
// a person (ClassifyHolder), "" when it gives none.
func (v *mailView) personalHolder() string {
	v.holderOnce.Do(func() {
		for _, a := range shopLineAccounts(v.lines, "") {
			if k, _ := ClassifyHolder(a.Holder); k.Personal() {
				v.holder = a.Holder
				return
			}
		}
	})
	return v.holder
}

// mailRead splits a message's text (its first mailMaxText bytes) into
// lines (NFKC, spaces folded, masks undone) and, with the subject first,
// into sentences (phishNorm form) and the same sentences as written.
// Lures quoted by a report (「…」と脅し, 「…」などの件名) are the report's
// words, not the message's: quotations are blanked.
func mailRead(subject, raw string) (lines, sentences, written []string) {
	if len(raw) > mailMaxText {
		cut := mailMaxText
		for cut > 0 && !utf8.RuneStart(raw[cut]) {
			cut--
		}
		raw = raw[:cut]
	}
	for _, l := range strings.Split(NFKC(raw), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			l, _ = phishUnmask(l)
			lines = append(lines, l)
		}
	}
	for _, l := range append([]string{subject}, mailJoinWrapped(lines)...) {
		for _, s := range mailSplitSentences(mailUnquote(l)) {
			if n := phishNorm(s); n != "" {
				// Spaced-out words (還 付 金, ロ グ イ ン) are read
				// joined, as a person reads them (phishReveal).
				n, _ = phishReveal(n)
				sentences = append(sentences, n)
				written = append(written, strings.TrimSpace(s))
			}
		}
	}
	return lines, sentences, written
}

// mailJoinWrapped joins the lines of a mail wrapped inside a sentence:
// business mail breaks lines at a fixed width, and a line that ends in a
// comma or a particle no sentence ends with (「…ATMの操作をお願いしたり、
// キャッシュカードや暗証番号を」 before 「お預かりすることは絶対にありません。」)
// goes on in the next, unless that starts a list item. The sentence is
// read whole: its denial covers its first half too. lines itself is kept.
func mailJoinWrapped(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) && mailWrapsOn(l) && !flDecorationOne.MatchString(lines[i+1]) {
			i++
			l += lines[i]
		}
		out = append(out, l)
	}
	return out
}

// mailWrapsOn reports whether a line stops inside a sentence: it ends in
// a comma or in a particle (を, が, は, に, へ, や, と, で, も, の) after
// a kana or kanji.
func mailWrapsOn(l string) bool {
	r, size := utf8.DecodeLastRuneInString(l)
	if r == '、' || r == ',' && size == 1 && len(l) > 1 && l[len(l)-2] >= 0x80 {
		return true
	}
	if !strings.ContainsRune("をがはにへやとでもの", r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(l[:len(l)-size])
	return unicode.In(prev, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func newMailView(m *Mail) *mailView {
	v := &mailView{m: m, brands: phishBrandsOf(m.Data)}
	v.subject, _ = phishUnmask(strings.Join(strings.Fields(NFKC(m.Subject)), " "))
	v.lines, v.sentences, v.raw = mailRead(v.subject, m.Text)
	// The warning test reads what a mail client shows (hidden text can
	// accuse but not excuse): an HTML mail's shown text, when it differs.
	v.warn = v.sentences
	if m.HTML {
		_, v.warn, _ = mailRead(v.subject, m.Shown)
	}
	warn := v.warn
	// A message is a warning only with two phrases that only explanations
	// of fraud use: lures copy the weaker security-notice wording
	// (「ご注意ください」「心当たりのない取引」) to look genuine.
	strong, _ := phishWarningText(warn)
	// 「上記URLは当行のものではありません」 beside an address written
	// defanged: a warning disowning what it quotes.
	disclaims := len(m.Defanged) > 0 && slices.ContainsFunc(warn, phishData().sets.mail["disclaimer"].has)
	if disclaims {
		strong++
	}
	v.warning = strong >= 2
	introduces := disclaims || slices.ContainsFunc(warn, func(s string) bool {
		return phishData().sets.mail["quote-warning"].has(s) && !phishNegated(s)
	})
	v.quoted = mailQuotes(m, v.brands, introduces, v.warning)
	v.denies = make([]bool, len(v.sentences))
	for i, s := range v.sentences {
		v.denies[i] = mailDenies(s)
	}
	mailDenyLists(v.raw, v.denies)
	for _, u := range m.URLs {
		h := LinkHost(u)
		if t := mailRedirectTarget(u); t != "" && (phishOfficialHost(v.brands, h) || GovernmentHost(h)) {
			// A brand's or a city's own redirector passing the reader on
			// (…/redir?url=https%3A…): the link leads there. A stranger's
			// link is its own host's, whatever address its query names.
			h = LinkHost(t)
		}
		if slices.Contains(v.quoted, u) {
			h = "" // quoted, not offered: no link of the message's own
		}
		v.hosts = append(v.hosts, h)
	}
	return v
}

// mailQuotes returns the defanged addresses of a message that quotes them
// as a warning does: it introduces them in a warning's words (introduces:
// 「このようなSMS」「当行のものではありません」, message_phrases.txt
// [quote-warning]; not 「ご注意ください」 or a brand's footer line, which
// lures copy),
// and it comes from a brand's primary domain or a public body's (not a
// free mail account there) or links the ordinary way to such a site, not
// through a redirector (the bank's or the police's own page), or is a
// warning by its own words (warning: two phrases only warnings use) from
// an organisation's own domain. A lure
// passed on with its addresses defanged (an officer's copy of a reported
// SMS) has no such words, sender or link: its addresses stay its links for
// the signs. Either way every address is checked and counted among the
// message's links; this only keeps a warning's own signs off its quotes.
func mailQuotes(m *Mail, brands []phishBrand, introduces, warning bool) []string {
	if len(m.Defanged) == 0 || !introduces {
		return nil
	}
	if warning && m.FromDomain != "" && !mailPersonalBox(m.FromDomain) {
		// A warning by its own words from an organisation's own domain
		// (a security firm's newsletter listing the month's lure
		// domains): what it writes defanged it quotes. From a free mail
		// box a brand's warning is no one's.
		return m.Defanged
	}
	trusted := func(h string) bool {
		if h == "" {
			return false
		}
		if GovernmentHost(h) {
			return true
		}
		for _, pb := range brands {
			for _, d := range pb.b.Domains { // not group or infra domains: user content lives there (onedrive.live.com)
				if h == d || strings.HasSuffix(h, "."+d) {
					return true
				}
			}
		}
		return false
	}
	quoting := m.FromDomain != "" && !mailPersonalBox(m.FromDomain) && trusted(m.FromDomain)
	for _, u := range m.URLs {
		if !quoting && !slices.Contains(m.Defanged, u) && !mailRedirects(u) {
			quoting = trusted(LinkHost(u))
		}
	}
	if !quoting {
		return nil
	}
	return m.Defanged
}

// Quoted returns the addresses the message quotes defanged as a warning
// does (see mailQuotes): the message signs leave them out; its links'
// results may mark them.
func (m *Mail) Quoted() []string {
	if len(m.Defanged) == 0 {
		return nil // most messages: no view to build (EvaluateMail built its own)
	}
	return mailViewOf(m).quoted
}

// mailMaxText is how much of a message's text the signs read: far more
// than any lure, little enough that a hostile message stays cheap.
const mailMaxText = 64 << 10

// mailUnquote blanks out the quotations of a line that a report makes of
// someone else's words: a 「…」 (or 『…』, “…”) followed by a quoting
// particle (と, という, などの, …), and a line that is nothing but a
// quotation (a quoted subject or lure under 「件名の例」). Lures quote
// button names (「ご利用確認」ボタン), which stay.
// mailQuoteLabels are the words a warning puts right before a quotation
// it makes of a lure (件名「…」, 本文「…」).
var mailQuoteLabels = []string{"件名", "本文", "文面", "内容", "タイトル", "表示"}

func mailUnquote(l string) string {
	if !strings.ContainsAny(l, "「『“") {
		return l
	}
	quoting := phishData().mail["quoting"]
	var b strings.Builder
	rest := l
	for {
		i := strings.IndexAny(rest, "「『“")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		open, size := utf8.DecodeRuneInString(rest[i:])
		closing := map[rune]string{'「': "」", '『': "』", '“': "”"}[open]
		j := strings.Index(rest[i+size:], closing)
		if j < 0 {
			b.WriteString(rest)
			break
		}
		end := i + size + j + len(closing)
		after := strings.TrimLeft(rest[end:], " ")
		quoted := false
		for _, q := range quoting {
			if strings.HasPrefix(after, q) {
				quoted = true
				break
			}
		}
		b.WriteString(rest[:i])
		if quoted {
			b.WriteString("「…」")
		} else {
			b.WriteString(rest[i:end])
		}
		rest = rest[end:]
	}
	out := b.String()
	// A line that is a quotation and nothing else (with bullets or a
	// label such as 件名:) is quoted too.
	if out == l {
		t := strings.TrimLeft(l, " ■□●○◆◇・*-–—>")
		if k := strings.IndexAny(t, ":："); k >= 0 && k < 24 && strings.IndexAny(t, "「『“") > k {
			t = strings.TrimLeft(t[k:], ":： ")
		}
		for _, w := range mailQuoteLabels {
			// 件名「【国税庁】未納税金のお支払いについて」: a label glued to
			// the quotation, no colon between.
			if rest, ok := strings.CutPrefix(t, w); ok && strings.IndexAny(rest, "「『“") == 0 {
				t = rest
				break
			}
		}
		if r, _ := utf8.DecodeRuneInString(t); r == '「' || r == '『' || r == '“' {
			closing := map[rune]string{'「': "」", '『': "』", '“': "”"}[r]
			if strings.HasSuffix(strings.TrimRight(t, " 。"), closing) && strings.Count(t, closing) == 1 {
				return ""
			}
		}
	}
	return out
}

// mailSplitSentences cuts a line after Japanese and ASCII sentence ends.
func mailSplitSentences(l string) []string {
	var out []string
	start := 0
	for i, r := range l {
		if r == '。' || r == '!' || r == '?' {
			out = append(out, l[start:i+utf8.RuneLen(r)])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, l[start:])
}

// LinkHost returns the host of a URL found in a message (scheme-less bare
// domains included: example.co.jp/xyz), lower case without a trailing dot,
// "" when it has none.
func LinkHost(raw string) string {
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
}

// mailDenies reports whether a sentence denies or forbids rather than asks
// or claims (「〜することはありません」, 「これは架空請求ではありません」, a
// warning's list item 「・暗証番号を教えない」), or reports on fraud
// (「〜をかたる」「〜と脅す手口」): lure phrases in it do not count.
func mailDenies(s string) bool {
	sets := &phishData().sets
	if sets.words["negation"].has(s) || sets.mail["denial"].has(s) || sets.mail["report"].has(s) {
		return true
	}
	end := strings.TrimRight(s, " 。.!！")
	for _, w := range phishData().mail["denial-end"] {
		if strings.HasSuffix(end, w) {
			return true
		}
	}
	return false
}

// mailDenyLists marks as denials the items of a list that a denial closes:
// a warning's 「警察が、／・ビデオ通話で逮捕状を見せる／・暗証番号を求める／
// ことは絶対にありません。」 lists what is never done, and its last line,
// which goes on from the items (it starts with こと, といった, などの…),
// denies them all; a line that starts anew (「この件は家族にも話さないで
// ください」) denies only itself. A denial that points ahead (以下の, 下記の)
// denies the items after it. raw are the sentences as written, denies
// mailDenies of each.
func mailDenyLists(raw []string, denies []bool) {
	for i, s := range raw {
		if !denies[i] {
			continue
		}
		if mailListCloseRe.MatchString(s) {
			for j := i - 1; j >= 0 && mailListItemRe.MatchString(raw[j]); j-- {
				denies[j] = true
			}
		}
		if mailListOpenRe.MatchString(s) {
			// A denial that points ahead to its list (「当行が、以下の情報を
			// お尋ねすることは一切ありません。／・暗証番号／・ワンタイムパス
			// ワード」) denies the items that follow.
			for j := i + 1; j < len(raw) && mailListItemRe.MatchString(raw[j]); j++ {
				denies[j] = true
			}
		}
	}
}

// mailListItemRe finds a list item's bullet or number at a line's start;
// mailListCloseRe the start of a line that goes on from the items.
var mailListCloseRe = shopMustRe(`^(?:こと|といった|などの|などと|ような|等の)`)

// mailListOpenRe finds the words with which a sentence points ahead to the
// list after it (以下の, 下記の, 次の).
var mailListOpenRe = shopMustRe(`以下の|下記の|次の`)
var mailListItemRe = shopMustRe(`^(?:[・\-*●○◆◇▶►]|\d{1,2}[.)．])`)

// find returns the first sentence (not a denial) containing a phrase of
// section, and the phrase.
// mailTodayHourRe finds a deadline of an hour today (本日17時, 今日の15:00),
// which [deadline-urgent]'s phrases cannot spell.
var mailTodayHourRe = shopMustRe(`(?:本日|今日)\s*(?:の)?\s*\d{1,2}\s*(?:時|:\d{2})`)

// urgent returns the first sentence (not a denial) that sets a deadline of
// today or hours ([deadline-urgent], or an hour today: mailTodayHourRe),
// as written; "" when none does.
func (v *mailView) urgent() string {
	if s, _ := v.find("deadline-urgent"); s != "" {
		return s
	}
	for i, s := range v.sentences {
		if !v.denies[i] && mailTodayHourRe.MatchString(s) {
			return v.raw[i]
		}
	}
	return ""
}

func (v *mailView) find(section string) (string, string) {
	list := phishData().sets.mail[section]
	for i, s := range v.sentences {
		if v.denies[i] {
			continue
		}
		if p := list.find(s); p != "" {
			return v.raw[i], p
		}
	}
	return "", ""
}

// linksAllOfficial reports whether the message has links and every one is
// on an official domain of some brand: such a message leads nowhere but to
// the real sites, whatever it says.
func (v *mailView) linksAllOfficial() bool {
	n := 0
	for i, h := range v.hosts {
		if h == "" && slices.Contains(v.quoted, v.m.URLs[i]) {
			continue // quoted by a warning, not offered
		}
		if mailDescriptor(v.m.Text, v.m.URLs[i]) {
			// 「ご利用先:APPLE.COM/BILL」: the merchant a card
			// statement names, no link offered to the reader.
			continue
		}
		if h == "" || !phishOfficialHost(v.brands, h) {
			return false
		}
		n++
	}
	return n > 0
}

// mailDescriptor reports whether a URL found in a message's text is a
// merchant descriptor as card statements print them: a bare domain written
// in capitals (APPLE.COM/BILL, AMAZON.CO.JP), not an address offered to
// open. (The URLs found are given with their hosts in lower case.)
func mailDescriptor(text, u string) bool {
	if strings.Contains(u, "://") || !strings.ContainsAny(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return false
	}
	return strings.Contains(text, strings.ToUpper(u))
}

// offered is how many links the message offers: its URLs less the
// addresses it quotes as a warning.
func (v *mailView) offered() int { return len(v.m.URLs) - len(v.quoted) }

// offLinks returns the URLs that are on no brand's official domain.
func (v *mailView) offLinks() []string {
	var out []string
	for i, h := range v.hosts {
		if h != "" && !phishOfficialHost(v.brands, h) {
			out = append(out, v.m.URLs[i])
		}
	}
	return out
}

// mailPresentation is how a message speaks as a brand.
type mailPresentation struct {
	brand    *Brand
	evidence string
}

// presented returns the brands the message speaks as: named in the
// sender's display name, in the subject's own segment (【三井住友カード】), in
// the opening tag of an SMS, with words that only the brand itself would use
// (「〇〇をご利用いただき」「〇〇カスタマーセンター」), or as the holder of a
// copyright line. A brand merely mentioned (「PayPayが使えます」) does not count.
func (v *mailView) presented() []mailPresentation {
	v.presOnce.Do(func() { v.pres = v.presentedUncached() })
	return v.pres
}

// presentedUncached does presented's work.
func (v *mailView) presentedUncached() []mailPresentation {
	var out []mailPresentation
	name, _ := phishSeen(NFKC(mailDisplayName(v.m.From)))
	// Lines and subject as matched: spaced-out and digit-spelt names
	// read (phishReveal), each kept with the text to show beside it.
	subject, subjectShown := phishSeen(v.subject)
	lines := make([]string, len(v.lines))
	shown := make(map[string]string)
	for i, l := range v.lines {
		m, sh := phishSeen(l)
		lines[i] = m
		if sh != m {
			shown[m] = sh
		}
	}
	if subjectShown != subject {
		shown["Subject: "+subject] = "Subject: " + subjectShown
	}
	pres := phishData().mail["presents"]
	// Prepared once for all brands: lower-case lines (to skip brands not
	// named at all) and the holders of copyright lines.
	lower := make([]string, len(lines))
	var hay strings.Builder
	hay.WriteString(strings.ToLower(name + "\n" + subject + "\n"))
	for i, l := range lines {
		lower[i] = strings.ToLower(l)
		hay.WriteString(lower[i])
		hay.WriteByte('\n')
	}
	var holders []phishLine
	for _, l := range lines {
		if h, ok := phishCopyrightHolder(l); ok && h != "" {
			holders = append(holders, phishLine{text: l, lower: h})
		}
	}
	all := hay.String()
	for _, pb := range v.brands {
		ev := ""
		named := false
		for _, n := range pb.names {
			if strings.Contains(all, strings.ToLower(n.text)) {
				named = true
				break
			}
		}
		switch {
		case !named:
		case name != "" && pb.pure(name, mailSenderWords()...):
			ev = "From: " + v.m.From
		case mailPureSegment(pb, subject):
			ev = "Subject: " + subject
		}
		for i, l := range lines {
			if ev != "" || !named {
				break
			}
			if i < 3 && mailPureSegment(pb, l) && utf8.RuneCountInString(l) < 200 && strings.ContainsAny(l, "【[") {
				ev = l
				break
			}
			if i == 0 && mailOpensAs(pb, l, lower[i]) {
				ev = l
				break
			}
			for _, o := range pb.occurrencesIn(l, lower[i]) {
				if o.isProduct() {
					continue
				}
				after := strings.TrimLeft(o.after, " ")
				for _, w := range pres {
					if strings.HasPrefix(after, w) || (w == "株式会社" && strings.HasSuffix(strings.TrimRight(o.before, " "), w)) {
						ev = l
						break
					}
				}
				if ev != "" {
					break
				}
			}
		}
		for _, h := range holders {
			if ev == "" && pb.isHolder(h.lower) {
				ev = h.text
			}
		}
		// The signature: one of the last lines is the brand's name with
		// nothing but sender words (「三井住友カード株式会社」「Apple サポート」).
		for i := len(lines) - 1; named && ev == "" && i >= 0 && i >= len(lines)-3; i-- {
			if l := lines[i]; utf8.RuneCountInString(l) <= 40 && pb.pure(l, mailSenderWords()...) {
				ev = l
			}
		}
		if ev != "" {
			if sh, ok := shown[ev]; ok {
				ev = sh // the message's own text, with its reading
			}
			out = append(out, mailPresentation{brand: pb.b, evidence: Clip(ev, 80)})
		}
	}
	return out
}

// mailOpensAs reports whether a message's first line opens with the
// brand introducing itself: 「ヤマト運輸より…」「佐川急便です。」.
func mailOpensAs(pb phishBrand, l, lower string) bool {
	for _, o := range pb.occurrencesIn(l, lower) {
		if strings.Trim(o.before, " 　【】[]()") != "" {
			continue
		}
		after := strings.TrimLeft(o.after, " ")
		for _, w := range phishData().mail["opening"] {
			if strings.HasPrefix(after, w) {
				return true
			}
		}
	}
	return false
}

// mailSenderWords are the words a brand's sender name may carry besides the
// brand ("Amazon カスタマーサービス", "楽天カード株式会社 お知らせ").
func mailSenderWords() []string {
	return append([]string{"お知らせ", "通知", "配信", "メール", "mail", "no-reply", "noreply", "info", "support",
		"news", "notice", "notification", "事務局", "運営", "窓口", "センター", "サポート", "サポートチーム",
		"カスタマー", "発行者", "送信者"}, phishData().mail["presents"]...)
}

// mailPureSegment reports whether one of the bracketed or separated parts
// of s is the brand's name alone (with service words).
func mailPureSegment(pb phishBrand, s string) bool {
	for _, seg := range phishSegments(s) {
		if pb.pure(seg) {
			return true
		}
	}
	return false
}

// mailDisplayName returns the display name of a From value
// ("三井住友カード <info@x.cn>" gives 三井住友カード).
func mailDisplayName(from string) string {
	if i := strings.LastIndex(from, "<"); i >= 0 {
		return strings.Trim(strings.TrimSpace(from[:i]), `"' `)
	}
	if strings.Contains(from, "@") {
		return ""
	}
	return strings.TrimSpace(from)
}

// -------------------------------------------------------------- checks

// mailCode finds a one-time code given in a message: 4 to 8 digits standing
// alone on a line, or after a colon or は and ending there or before a space
// or a full stop (an SMS is one line: 「ワンタイムパスワード: 482913 この
// パスワードは…」).
var mailCode = shopMustRe(`(?m)(?:^|[:：]\s?)[0-9]{4,8}\s*$|(?:[:：]|は)\s?[0-9]{4,8}(?:\s|です|。)`)

// checkMailCredential fires where a message asks for a secret: a sentence
// with a request word and a secret no bank asks for by mail, or account
// data and passwords beside a suspension threat. A message whose links all
// go to brands' official domains leads nowhere else, and a message that
// gives a one-time code (「次のワンタイムパスワードを入力してください: 482913」)
// hands one out rather than asks for it.
func checkMailCredential(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 || v.linksAllOfficial() {
		return nil
	}
	ph := phishData().mail
	sets := phishData().sets.mail
	givesCode := mailCode.MatchString(strings.Join(v.lines, "\n"))
	for i, s := range v.sentences {
		if v.denies[i] || !sets["request"].has(s) {
			continue
		}
		p := sets["secret"].find(s)
		if p == "" || mailSecretReference(s, p, ph["secret-not"]) {
			continue
		}
		if givesCode && phishHas(ph["secret-otp"], p) {
			continue
		}
		return []Finding{mailCredentialFinding(v.raw[i], s, Text{})}
	}
	// A sign-in code asked to be sent on (the LINE takeover's 「認証番号が
	// 届くから、それをそのまま送ってほしい」); not by a message that gives
	// one (「認証コードは482913です」).
	if !givesCode {
		for i, s := range v.sentences {
			if !v.denies[i] && sets["secret-code"].has(s) && sets["code-ask"].has(s) {
				return []Finding{{Evidence: v.raw[i], Severity: High, Points: 50, Message: Text{
					JA: "SMSなどで届く認証番号（確認コード）を送るよう求めています。認証番号を他人に教えると、LINEなどのアカウントを乗っ取られます。知り合いからの頼みでも送らず、本人にいつもの電話で確かめてください",
					EN: "the message asks you to send on a sign-in code that arrives by SMS (認証番号). Giving that code to anyone lets them take over your account (LINE and the like). Do not send it, even to a friend: check with them by calling the number you always use",
				}}}
			}
		}
	}
	// Account data and passwords count when the message also threatens
	// suspension or reports an intrusion.
	lure, _ := v.find("suspension")
	if lure == "" {
		lure, _ = v.find("security-event")
	}
	if lure == "" {
		return nil
	}
	for i, s := range v.sentences {
		if v.denies[i] || !sets["request"].has(s) {
			continue
		}
		if sets["account-info"].has(s) {
			return []Finding{mailCredentialFinding(v.raw[i], s, Text{
				JA: "利用停止などを口実に、登録情報やパスワードの入力を求めています（フィッシングの疑い）",
				EN: "the message uses a suspension or intrusion claim to ask for account data or passwords (suspected phishing)",
			})}
		}
	}
	return nil
}

// mailCredentialFinding is mail-credential-request's finding on the
// sentence raw (s in phishNorm form), with msg as its message (the rule's
// own when empty). A sentence asking for the secret by reply
// (「このメッセージにパスワードを返信してください」, message_phrases.txt
// [reply]) is the strong form (50): nobody asks for passwords or PINs to
// be sent back by mail or SMS, and such a lure needs no link to be caught.
func mailCredentialFinding(raw, s string, msg Text) Finding {
	f := Finding{Evidence: raw, Message: msg}
	if phishData().sets.mail["reply"].has(s) {
		f.Severity, f.Points = High, 50
		f.Message = Text{
			JA: "パスワードや暗証番号などを、メールやSMSへの返信で送るよう求めています。銀行・証券会社・カード会社がそれを求めることはありません（フィッシングの疑い）。返信せず、公式アプリか公式サイトで確認してください",
			EN: "the message asks you to send passwords, PINs or the like back by replying. No bank, broker or card company asks for that (suspected phishing); do not reply, check in the official app or site",
		}
	}
	return f
}

// mailSecretReference reports whether every occurrence of secret in s is a
// reference to it (「カード番号下4桁」) rather than a request.
func mailSecretReference(s, secret string, not []string) bool {
	i := strings.Index(s, secret)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(s[i+len(secret):], " :()")
	for _, w := range not {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// checkMailUrgency fires on a suspension or intrusion claim with a
// deadline, or with a request and a link. When the link hides where it
// leads (a URL shortener, a bare IP address) or sits under a top-level
// domain reported mostly for abuse, the finding is stronger (medium 30):
// no bank or card company sends its customers there.
func checkMailUrgency(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 || v.linksAllOfficial() {
		return nil
	}
	lure, _ := v.find("suspension")
	if lure == "" {
		lure, _ = v.find("security-event")
	}
	if lure == "" {
		return nil
	}
	dl, _ := v.find("deadline")
	if dl == "" {
		dl = v.urgent() // 本日17時までに
	}
	rq, _ := v.find("request")
	if dl == "" && (v.offered() == 0 || rq == "") {
		return nil
	}
	ev := lure
	if dl != "" && dl != lure {
		ev += " / " + dl
	}
	f := Finding{Evidence: ev}
	if u, why := v.riskyLink(); u != "" {
		f.Evidence += " → " + Clip(u, 80) + " (" + why.JA + ")"
		f.EvidenceEN = ev + " → " + Clip(u, 80) + " (" + why.EN + ")"
		f.URL, f.Severity, f.Points = u, Medium, 30
	}
	if call := mailCallbackNumber(v); call != "" {
		// 「【三菱UFJ銀行】…口座のご利用を一時停止しております。至急下記まで
		// お電話ください。不正利用対策センター 050-…」: a brand's voice
		// sending the reader to an IP phone or a mobile, which no bank or
		// card company answers on; the voice on it asks for PINs.
		if !strings.Contains(f.Evidence, call) {
			f.Evidence += " / " + call
			if f.EvidenceEN != "" {
				f.EvidenceEN += " / " + call
			}
		}
		f.Severity, f.Points = High, 40
		f.Message = Text{
			JA: "銀行やカード会社などを名乗って利用停止や不正利用を告げ、050や携帯電話の番号に電話させようとしています。金融機関がこうした番号で連絡を求めることはなく、電話すると暗証番号などを聞き出されます。記載の番号にかけず、カードの裏面や公式サイトにある番号で確かめてください",
			EN: "the message speaks as a bank, card company or the like, claims a suspension or misuse, and has you call a 050 or mobile number. Financial firms do not ask to be called on such numbers; the voice on it asks for PINs and the like. Do not call it: check on the number on the back of your card or the official site",
		}
	}
	return []Finding{f}
}

// mailCallbackNumber returns the sentence (as written) of a message that
// speaks as a brand and gives a 050, 070, 080 or 090 number, "" otherwise:
// brands' desks are toll-free, navigation-dial or landline numbers.
func mailCallbackNumber(v *mailView) string {
	if len(v.presented()) == 0 {
		return ""
	}
	for i, raw := range v.raw {
		if !v.denies[i] && oneclickMobileRe.MatchString(NFKC(raw)) {
			return raw
		}
	}
	return ""
}

// riskyLink returns the first link of the message that hides where it
// leads or sits under a TLD reported mostly for abuse, and says which; ""
// when there is none. Brands' own shorteners (amzn.to, lin.ee) do not count.
func (v *mailView) riskyLink() (string, Text) {
	for i := range v.m.URLs {
		if u, why := v.riskyLinkAt(i); why.JA != "" {
			return u, why
		}
	}
	return "", Text{}
}

// riskyLinkAt is riskyLink for the message's i-th link alone: the link
// and why it is risky, in both languages (empty when it is not).
func (v *mailView) riskyLinkAt(i int) (string, Text) {
	raw := v.m.URLs[i]
	if v.hosts[i] == "" || phishOfficialHost(v.brands, v.hosts[i]) {
		return "", Text{}
	}
	h, ok := hostOfURL(mailAbs(raw))
	if !ok {
		return "", Text{}
	}
	if h.IP {
		return raw, Text{JA: "IPアドレス", EN: "IP address"}
	}
	if name, sh, ok := shortenerOf(h); ok && sh.brand == "" {
		return raw, Text{JA: "短縮URL " + name, EN: "URL shortener " + name}
	}
	if dd := dynamicDNSOf(h.ASCII); dd != "" {
		return raw, Text{JA: "ダイナミックDNS " + dd, EN: "dynamic DNS " + dd}
	}
	if tld := h.ASCII[strings.LastIndexByte(h.ASCII, '.')+1:]; suspiciousTLDs()[tld] {
		return raw, Text{JA: "." + tld, EN: "." + tld}
	}
	return "", Text{}
}

// dynamicDNSOf is the dynamic DNS or tunnel service (url_dynamic_dns.txt)
// that host is a name under, "" when none.
func dynamicDNSOf(host string) string {
	for _, d := range dynamicDNS() {
		if strings.HasSuffix(host, "."+d) {
			return d
		}
	}
	return ""
}

var dynamicDNS = sync.OnceValue(func() []string { return lines("url_dynamic_dns.txt") })

// mailAbs gives a scheme-less link found in a message ("example.cn/x") one.
func mailAbs(raw string) string {
	if strings.Contains(raw, "://") {
		return raw
	}
	return "http://" + raw
}

// checkMailDelivery fires on a delivery lure with a link that is none of
// the brands'. A claim that a delivery failed (「不在の為持ち帰りました」
// 「宛先不明のためお届けできませんでした」) with such a link is the smishing
// text itself (medium 30): carriers' own notices link to the carrier, and a
// shop's shipping mail only says what happens if nobody is in (「ご不在の
// 場合は」), which stays the weaker finding.
func checkMailDelivery(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	s, _ := v.find("delivery")
	if s == "" {
		return nil
	}
	off := v.offLinks()
	if len(off) == 0 {
		return nil
	}
	failed := ""
	list := phishData().sets.mail["delivery-failed"]
	for i, sn := range v.sentences {
		if !v.denies[i] && !strings.Contains(sn, "場合") && list.has(sn) {
			failed = v.raw[i]
			break
		}
	}
	if failed != "" {
		f := Finding{Evidence: failed + " → " + off[0], URL: off[0], Severity: Medium, Points: 30,
			Message: Text{
				JA: "配達できなかったと装い、宅配業者のものではないリンクへ誘導しています（不在通知を装う詐欺）。リンクは開かず、伝票番号で公式サイトから確認してください",
				EN: "the message claims a failed delivery and links somewhere that is not the carrier's (fake delivery notice); do not open the link, check the tracking number on the carrier's official site",
			}}
		if u, why := v.riskyLink(); u != "" {
			// The commonest smishing text of all, its link hidden behind
			// a shortener or an IP address, or under an abused ending:
			// no carrier's own notice looks like that.
			f.Evidence = failed + " → " + Clip(u, 80) + " (" + why.JA + ")"
			f.EvidenceEN = failed + " → " + Clip(u, 80) + " (" + why.EN + ")"
			f.URL, f.Severity, f.Points = u, High, 50
		}
		return []Finding{f}
	}
	return []Finding{{Evidence: s + " → " + off[0], URL: off[0]}}
}

func checkMailFakeBill(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 || v.linksAllOfficial() {
		return nil
	}
	unpaid, _ := v.find("unpaid")
	if unpaid == "" || mailCreditorsOwn(v) {
		return nil
	}
	legal, _ := v.find("legal")
	contact, _ := v.find("contact")
	deadline, _ := v.find("deadline")
	ev := []string{unpaid}
	for _, s := range []string{legal, contact, deadline} {
		if s != "" && !phishHas(ev, s) {
			ev = append(ev, s)
		}
	}
	// An unpaid bill with a threat to cut the service off today (「本日中に
	// お支払いがない場合、ご利用を停止いたします」): honest reminders give a
	// date and a link to the company's own site.
	cutoff := ""
	if urgent := v.urgent(); urgent != "" {
		if stop, _ := v.find("suspension"); stop != "" {
			cutoff = stop
			if !phishHas(ev, urgent) {
				ev = append(ev, urgent)
			}
			if !phishHas(ev, stop) {
				ev = append(ev, stop)
			}
		}
	}
	switch {
	case legal != "" && (contact != "" || deadline != ""):
		return []Finding{{Evidence: strings.Join(ev, " / ")}}
	case legal != "" || (contact != "" && deadline != "") || cutoff != "":
		return []Finding{{Evidence: strings.Join(ev, " / "), Severity: Medium, Points: 30}}
	}
	return nil
}

// mailCreditorsOwn reports whether a reminder of an unpaid bill is a
// creditor's own, as a shop's or a landlord's is: it
// comes from a company domain (not a free mailbox) that every link of the
// message is under, at least one; it names the dealing the money is owed
// for ([bill-reference]: ご注文番号, 契約書, 号室 …); and the debt is not
// a "paid site"'s, the 架空請求's own claim ([bill-paysite]). A fake bill
// names no order and links elsewhere; one that copies a shop's words from
// a look-alike domain still has its link judged.
func mailCreditorsOwn(v *mailView) bool {
	from := v.m.FromDomain
	if from == "" || mailPersonalBox(from) || len(v.m.URLs) == 0 {
		return false
	}
	own := flRegistrable(from)
	for _, h := range v.hosts {
		if h == "" || flRegistrable(h) != own {
			return false
		}
	}
	sets := phishData().sets.mail
	for _, s := range v.sentences {
		if sets["bill-paysite"].has(s) {
			return false
		}
	}
	ref, _ := v.find("bill-reference")
	return ref != ""
}

func checkMailSender(m *Mail) []Finding {
	if m.FromDomain == "" {
		return nil
	}
	v := mailViewOf(m)
	if len(v.quoted) > 0 {
		// A warning quoting a lure (a consumer centre's newsletter): the
		// brand it names is the lure's, not the sender's claim.
		return nil
	}
	pres := v.presented()
	if len(pres) == 0 {
		return nil
	}
	for _, p := range pres {
		if p.brand.Official(m.FromDomain) && !mailPersonalBox(m.FromDomain) {
			return nil
		}
		if publicBody(p.brand) && GovernmentHost(m.FromDomain) {
			// A police force's or a ministry's news sent from another
			// public body's domain (lg.jp, go.jp), which no one else
			// can hold.
			return nil
		}
	}
	p := pres[0]
	official := phishOfficialList(p.brand)
	return []Finding{{
		Evidence:   p.evidence + " — 送信元 @" + m.FromDomain + "（公式: " + official + "）",
		EvidenceEN: phishEvidenceEN(p.evidence) + " — sender @" + m.FromDomain + " (official: " + official + ")",
		Message: Text{
			JA: p.brand.Name + "を名乗っていますが、送信元のドメイン（" + m.FromDomain + "）は公式のもの（" + official + "）ではありません",
			EN: "the message speaks as " + p.brand.EnglishName() + " but the sender's domain (" + m.FromDomain + ") is none of its official domains (" + official + ")",
		},
	}}
}

// publicBody reports whether b is a public body: every official domain of
// its is a government host (go.jp, lg.jp, …).
func publicBody(b *Brand) bool {
	return len(b.Domains) > 0 && !slices.ContainsFunc(b.Domains, func(d string) bool { return !GovernmentHost(d) })
}

// mailRedirects reports whether a link carries another web address in its
// query or path (…/redirect?url=https://…, …/jump/https%3A%2F%2F…): a
// redirector passing the reader on.
func mailRedirects(raw string) bool {
	rest := strings.ToLower(raw)
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	return strings.Contains(rest, "http:") || strings.Contains(rest, "https:") || strings.Contains(rest, "http%3a") ||
		strings.Contains(rest, "%2f%2f") || strings.Contains(rest, "url=")
}

// mailRedirectKeys are the query keys redirectors pass the next address in
// (not an OAuth redirect_uri or an OpenID return address: a sign-in
// page's, where the reader is not sent).
var mailRedirectKeys = map[string]bool{"url": true, "u": true, "redirect": true, "redir": true, "redirect_url": true,
	"to": true, "target": true, "dest": true, "destination": true, "goto": true, "link": true, "out": true, "jump": true, "r": true}

// mailRedirectTarget returns the web address a link carries under a
// redirector's key (…?url=https%3A%2F%2Fkit.example.top%2F, …&U=https://…),
// decoded; "" when it carries none.
func mailRedirectTarget(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	q := u.Query()
	for _, k := range slices.Sorted(maps.Keys(q)) { // the same answer every run
		if !mailRedirectKeys[strings.ToLower(k)] {
			continue
		}
		for _, v := range q[k] {
			if l := strings.ToLower(v); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				return v
			}
		}
	}
	return ""
}

// mailPersonalBox reports whether domain is a free mail service's own
// (outlook.com, icloud.com, yahoo.co.jp): an address there is anyone's
// mailbox, even where the service's company is the brand named. A
// company's notices come from a subdomain (mail.yahoo.co.jp,
// email.apple.com) or a domain of their own.
func mailPersonalBox(domain string) bool {
	h, err := ParseHost(domain)
	return err == nil && h.Registrable == domain && FreeMailDomain(domain)
}

func checkMailLink(m *Mail) []Finding {
	v := mailViewOf(m)
	pres := v.presented()
	if len(pres) == 0 {
		return nil
	}
	for i, h := range v.hosts {
		if h == "" || mailNeutral(h) || slices.ContainsFunc(pres, func(p mailPresentation) bool { return p.brand.Official(h) }) {
			continue
		}
		if GovernmentHost(h) && !mailRedirects(m.URLs[i]) {
			// A public body's own site (the police's warning that quotes
			// a card company's lure links to the police page): only the
			// government holds such names. One that passes the reader on
			// to another address (an open redirect) is where that leads.
			continue
		}
		if phishOfficialHost(phishBrandsOf(m.Data), h) {
			// Another known brand's own site: a shop's shipping notice
			// links to the carrier's tracking page (Amazon to
			// toi.kuronekoyamato.co.jp), which is no phishing site.
			continue
		}
		p := pres[0]
		official := phishOfficialList(p.brand)
		f := Finding{
			Evidence: Clip(m.URLs[i], 100) + " ← " + p.evidence,
			URL:      m.URLs[i],
			Message: Text{
				JA: p.brand.Name + "を名乗っていますが、リンク先（" + h + "）は公式ドメイン（" + official + "）ではありません",
				EN: "the message speaks as " + p.brand.EnglishName() + " but links to " + h + ", none of its official domains (" + official + ")",
			},
		}
		// With a lure (an unpaid bill, a failed payment, a suspension, an
		// intrusion, a failed delivery, a refund) the link is where the lure
		// sends the reader; a link that hides where it leads (a shortener,
		// an IP address) or sits under a TLD reported mostly for abuse is
		// not where a brand sends its customers. Either makes the finding
		// stronger.
		if !v.warning {
			lured := false
			for _, sec := range []string{"unpaid", "payment-failed", "suspension", "security-event", "delivery-failed", "refund"} {
				if lure, _ := v.find(sec); lure != "" {
					f.Severity, f.Points, lured = Medium, 30, true
					if !strings.Contains(p.evidence, lure) {
						// An SMS's one line names the brand and
						// holds the lure: quoted once.
						f.Evidence += " / " + Clip(lure, 60)
					}
					break
				}
			}
			// A lure and a link made to look like the brand's own domain
			// (【au】ご利用料金の未払い… https://au-kddi.cc/): the message is
			// built to pass as the brand.
			if lured && mailImitates(m.Data, h, p.brand) {
				f.Severity, f.Points = High, 50
				f.Message.JA += "。公式ドメインに似せて作られたドメインです"
				f.Message.EN += ": a domain made to look like its official one"
			}
			if f.Points == 0 {
				if _, why := v.riskyLinkAt(i); why.JA != "" {
					f.Severity, f.Points = Medium, 30
					if f.EvidenceEN != "" {
						f.EvidenceEN += " (" + why.EN + ")"
					} else {
						f.EvidenceEN = f.Evidence + " (" + why.EN + ")"
					}
					f.Evidence += " (" + why.JA + ")"
				}
			}
		}
		return []Finding{f}
	}
	return nil
}

// mailImitates reports whether host imitates brand b's official domains
// (domain-lookalike's test, with d's brands or the shipped ones).
func mailImitates(d *Data, host string, b *Brand) bool {
	if d == nil || d.Brands == nil {
		d = phishDefaultData()
	}
	hn, err := ParseHost(host)
	if err != nil {
		return false
	}
	im, ok := d.Brands.LookalikeHost(hn)
	return ok && im.Brand != nil && im.Brand.Name == b.Name
}

// checkMailPrize fires for a message that tells the reader they have won
// (当選しました) and asks for a fee to receive the prize (送料・手数料 to
// pay, not 送料無料), with a link that is on no brand's official domain and
// no mail service's click counter. A fee with an amount (330円) is the
// strong finding; a fee without one, medium.
func checkMailPrize(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	prize, _ := v.find("prize")
	if prize == "" {
		return nil
	}
	if p, _ := v.find("prize-purchase"); p != "" {
		return nil // a lottery sale: the winner buys, as e+ and shops' lotteries say
	}
	link := ""
	for _, u := range v.offLinks() {
		if !mailNeutral(LinkHost(u)) {
			link = u
			break
		}
	}
	if link == "" {
		return nil
	}
	sets := phishData().sets.mail
	for i, sn := range v.sentences {
		if v.denies[i] || !sets["prize-fee"].has(sn) || !sets["prize-pay"].has(sn) || sets["prize-free"].has(sn) {
			continue
		}
		f := Finding{Evidence: Clip(prize, 60) + " / " + Clip(v.raw[i], 80) + " → " + Clip(link, 80), URL: link}
		if !mailAmountRe.MatchString(v.raw[i]) {
			f.Severity, f.Points = Medium, 30
		}
		return []Finding{f}
	}
	return nil
}

// mailAmountRe matches an amount of money as messages write it: 330円,
// ￥330, ¥1,200 (after NFKC), 300 yen, 300 JPY.
var mailAmountRe = regexp.MustCompile(`(?i)[0-9][0-9,]*\s*(?:円|yen\b|jpy\b)|[¥$]\s*[0-9]`)

// mailNeutral reports whether host is under a domain that any message may
// link to (rules/data/message_neutral_domains.txt: app stores, the
// anti-phishing bodies, mail services' click counters).
func mailNeutral(host string) bool {
	return slices.ContainsFunc(phishData().neutral, func(n string) bool { return phishUnder(host, n) })
}

// checkMailDisguised fires for each HTML link that shows a brand's
// official address and leads to a site that is not the brand's. A
// newsletter that shows its own shop's address and links through a
// mail service's click counter shows no brand's address: not a sign.
func checkMailDisguised(m *Mail) []Finding {
	if len(m.Disguised) == 0 {
		return nil
	}
	brands := phishBrandsOf(m.Data)
	var out []Finding
	for _, d := range m.Disguised {
		shown, to := LinkHost(d.Shown), LinkHost(d.Href)
		if h, err := ParseHost(shown); err != nil || h.Hosted {
			continue // a tenant's name on a brand's platform is no brand's address
		}
		if mailNeutral(to) {
			continue // a mail service's click counter: where it leads is not known here
		}
		for _, pb := range brands {
			if pb.b.Official(shown) && !pb.b.Official(to) {
				out = append(out, Finding{
					Evidence:   "表示: " + Clip(d.Shown, 60) + " → 実際のリンク先: " + Clip(d.Href, 80) + " (" + pb.b.Name + ")",
					EvidenceEN: "shown: " + Clip(d.Shown, 60) + " → leads to: " + Clip(d.Href, 80) + " — " + pb.b.EnglishName(),
					URL:        d.Href,
				})
				break
			}
		}
	}
	return out
}

// mailDisguisedName reports whether an attachment's name (lower case)
// hides what it is: a document's or picture's extension before the last
// one (.pdf.exe), a run of spaces before it, or a character that turns the
// text round (U+202E) or hides it.
func mailDisguisedName(name string) bool {
	if strings.ContainsAny(name, "\u202e\u202d\u2066\u2067\u2068") {
		return true
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	if strings.HasSuffix(base, "   ") {
		return true
	}
	switch strings.TrimPrefix(path.Ext(base), ".") {
	case "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "csv", "jpg", "jpeg", "png", "gif", "zip", "mp4", "mp3":
		return true
	}
	return false
}

func checkMailAttachment(m *Mail) []Finding {
	ph := phishData().mail
	var out []Finding
	for _, a := range m.Attachments {
		name := strings.ToLower(strings.TrimSpace(a))
		ext := strings.TrimPrefix(path.Ext(name), ".")
		switch {
		case phishHas(ph["exec"], ext) && mailDisguisedName(name):
			// 請求書_11月.pdf.exe, a name turned round by U+202E: made
			// to pass for a document, which nothing honest does.
			out = append(out, Finding{Evidence: a, Severity: High, Points: 60, Message: Text{
				JA: "文書や画像に見せかけた実行ファイルが添付されています（" + a + "）。開くとウイルスに感染します。開かずに削除してください",
				EN: "an executable disguised as a document or picture is attached (" + a + "): opening it infects the device. Delete it unopened",
			}})
		case phishHas(ph["exec"], ext):
			out = append(out, Finding{Evidence: a})
		case phishHas(ph["markup"], ext):
			out = append(out, Finding{Evidence: a, Severity: Medium, Points: 20})
		}
	}
	return out
}
