package rules

import (
	"strings"
	"sync"
)

// This file holds the signs of 闇バイト recruitment (dark-job on pages,
// mail-dark-job in messages): "easy, high-paid" work that makes the
// applicant the hands of a fraud or a robbery. The phrases and when they
// fire are in data/darkjob_phrases.txt.

// darkData is darkjob_phrases.txt, indexed for one-pass searching.
var darkData = sync.OnceValue(func() map[string]*phishLits {
	return phishIndexSections(phishSections("darkjob_phrases.txt"))
})

// darkJobText is what both signs tell the reader.
var darkJobText = Text{
	JA: "「高額・即日」「荷物を受け取るだけ」などとうたい、テレグラムなどの秘匿アプリで連絡させ、身分証の写真や家族の連絡先を送らせる「闇バイト」の募集の特徴があります。特殊詐欺の受け子・出し子や強盗などの犯罪の実行役にされ、送った身分証や家族の情報で脅されて抜けられなくなります。応募せず、連絡もしないでください。応募してしまった、脅されているときは、すぐに警察（#9110、身の危険があれば110）に相談してください",
	EN: "this has the marks of 闇バイト recruitment (a 'dark part-time job'): high pay for easy work such as receiving parcels, contact moved to a secret messenger such as Telegram, and photos of your ID and your family's contacts demanded. Those who apply are made the hands of frauds and robberies (collecting cash or cards, withdrawing at ATMs) and are then threatened with the ID they sent. Do not apply or reply. If you have applied or are being threatened, consult the police at once (#9110, or 110 if you are in danger)",
}

// darkJobHits is what a text shows: the first sentence of each kind, as
// written.
type darkJobHits struct {
	channel, pay, task, id string
	warns                  bool
}

// scan reads one sentence (phishNorm form n, as written raw).
func (h *darkJobHits) scan(n, raw string) {
	d := darkData()
	if d["warning"].has(n) && !phishNegated(n) {
		// 「闇バイトではありません」 is the recruiter's own line.
		h.warns = true
	}
	first := func(dst *string, ok bool) {
		if *dst == "" && ok {
			*dst = raw
		}
	}
	first(&h.channel, d["channel"].has(n))
	first(&h.pay, d["pay"].has(n) || investDayPayRe.MatchString(n))
	first(&h.task, d["task"].has(n))
	first(&h.id, d["id"].has(n))
}

// finding is the sign's finding, or nil: a secret messenger and two of
// pay, task and identity papers, in a text that does not warn.
func (h *darkJobHits) finding() []Finding {
	if h.warns || h.channel == "" {
		return nil
	}
	n := 0
	for _, s := range []string{h.pay, h.task, h.id} {
		if s != "" {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(h.pay, h.task, h.id, h.channel)}}
}

// darkChannelLink reports whether a link goes to Telegram or Signal.
func darkChannelLink(href string) bool {
	h := strings.ToLower(href)
	return strings.Contains(h, "t.me/") || strings.Contains(h, "telegram.me/") || strings.Contains(h, "signal.me/") || strings.Contains(h, "signal.group/")
}

// darkJobRule is dark-job on web pages.
func darkJobRule() Rule {
	return Rule{
		ID: "dark-job", Severity: High, Points: 50, Topic: "scam", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "「闇バイト」の募集ページ：テレグラム・Signalなど秘匿アプリでの連絡に加え、「高額・即日払い」「日給◯万円」、「荷物を受け取るだけ」「出し子」などの仕事、身分証の写真や家族の連絡先の要求のうち二つ",
			EN: "a 闇バイト recruitment page: contact by a secret messenger (Telegram, Signal) with two of high or same-day pay, a courier's or collector's task (receive parcels, withdraw cash) and a demand for ID photos or family contacts",
		},
		Message: darkJobText,
		Check:   checkDarkJob,
	}
}

// checkDarkJob fires on a page that recruits for 闇バイト (see
// darkjob_phrases.txt): pages with no secret messenger named or linked go
// at once; warning pages stay silent.
func checkDarkJob(site *Site) []Finding {
	var out []Finding
	ch := darkData()["channel"]
	for _, p := range site.Pages {
		var h darkJobHits
		for _, l := range p.Links {
			if darkChannelLink(l.Href) {
				h.channel = l.Href
				break
			}
		}
		// One pass over the text lets every page that names no secret
		// messenger go (nearly all).
		if h.channel == "" && !phishHasLower(ch, p.Title) && !phishHasLower(ch, p.Text) {
			continue
		}
		if phishWarningPage(p) {
			continue
		}
		// The title and first lines, as investment-lure reads them.
		for _, s := range investSentences(investHead(p)) {
			h.scan(s.norm, s.raw)
		}
		if fs := h.finding(); fs != nil {
			fs[0].URL = p.URL
			out = append(out, fs...)
		}
	}
	return out
}

// checkMailDarkJob is the message sign: the page sign's test over the
// message's sentences and links. Messages that read as warnings stay
// silent.
func checkMailDarkJob(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	var h darkJobHits
	for i, s := range v.sentences {
		if !v.denies[i] {
			h.scan(s, v.raw[i])
		}
	}
	if h.channel == "" {
		for _, u := range m.URLs {
			if darkChannelLink(u) {
				h.channel = u
				break
			}
		}
	}
	return h.finding()
}
