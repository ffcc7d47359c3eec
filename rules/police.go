package rules

import (
	"strings"
)

// policeRule is fake-police on web pages: the page a ニセ警察詐欺 caller
// sends the victim to, which shows 「逮捕状」 with their name under a
// police emblem and gives the "officer's" LINE ID. It reads the page's
// shown text as mail-fake-police reads a message (checkMailFakePolice:
// the police or a prosecutor speaking, the reader accused, a contact
// given), so that the two signs agree; the police's own sites are
// government hosts (NotOnGovernment), and their warnings and the news
// that quote such pages read as warnings.
func policeRule() Rule {
	return Rule{
		ID: "fake-police", Severity: High, Points: 50, Topic: "scam", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "ニセ警察詐欺のページ：警察・検察を名乗り、「あなた名義の口座が詐欺事件に使用されています」「逮捕状」などと閲覧者を容疑者扱いして、電話・LINE・ビデオ通話での連絡を求める（偽の逮捕状を見せるサイトなど）",
			EN: "a fake-police (ニセ警察詐欺) page: it speaks as the police or a prosecutor, treats the visitor as a suspect (an account in their name used in a fraud, an arrest warrant) and asks them to call, add a LINE account or join a video call (sites that show a fake arrest warrant)",
		},
		Message: Text{
			JA: "警察や検察を名乗って閲覧者を容疑者扱いし、連絡させる「ニセ警察詐欺」のページです。本物の警察が、ウェブサイトで逮捕状を見せたり、LINEやビデオ通話で連絡させたり、お金の振込みや口座番号・暗証番号を求めたりすることはありません。書かれた番号やLINEには連絡せず、電話がかかってきたらすぐに切ってください。心配なときは、#9110（警察相談専用電話）か最寄りの警察署に、自分で調べた番号で相談してください",
			EN: "this page has the marks of fake-police fraud (ニセ警察詐欺): it speaks as the police or a prosecutor and treats you as a suspect to make you get in touch. Real police never show arrest warrants on a website, never have you contact them by LINE or video call, and never ask you to transfer money or for account numbers or PINs. Do not contact the number or LINE account given, and if they call you, hang up. If you are worried, consult #9110 (the police consultation line) or your local police station, on a number you look up yourself",
		},
		Check: checkFakePolice,
	}
}

// policeHints are words one of which a page speaking as the police or a
// prosecutor holds; a page without any is not read further. Indexed so
// that a page's text is scanned once for all of them.
var policeHints = newShopLitIndex([]string{"警察", "警視庁", "警部", "巡査", "刑事", "検察", "検事", "地検", "捜査"})

// checkFakePolice fires on a page whose shown text, read as a message
// (its title for the subject, its LINE links for the message's links),
// is fake-police fraud by checkMailFakePolice. Pages that read as warnings
// (phishWarningPage: 「ニセ警察詐欺にご注意」) stay silent.
func checkFakePolice(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if p == nil || !policeHinted(p.Text) || phishWarningPage(p) {
			continue
		}
		m := &Mail{Subject: p.Title, Text: strings.Join(p.ShownLines(), "\n"), URLs: pageLineLinks(p), Data: site.Data}
		fs := checkMailFakePolice(m)
		if len(fs) == 0 {
			continue
		}
		f := fs[0]
		f.URL = p.URL
		out = append(out, f)
	}
	return out
}

// policeHinted reports whether text holds one of policeHints.
func policeHinted(text string) bool {
	return policeHints.any(text)
}
