package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// SummaryWriter is a Writer that can print a summary of the whole batch
// (counts by risk, the most frequent signs, campaign clusters). A batch run
// calls WriteSummary once, after the last Write and before Close; a writer
// that never gets it prints no summary. The text (one line a target) and
// HTML writers implement it; JSON Lines and CSV stay one record a target.
type SummaryWriter interface {
	Writer
	WriteSummary(t *Tally) error
}

// Tally counts the results of a batch for its summary and exit code. It
// keeps counts and, through its Clusterer, target strings by clue; never
// the results themselves.
type Tally struct {
	// Total is the number of result records (one a target line).
	Total int
	// Risk counts the records by risk.
	Risk map[rules.Risk]int
	// Failed counts the records with an error (the target could not be read).
	Failed int
	// Errors counts the failed records by error code.
	Errors map[string]int
	// Signs counts how many records carry each sign.
	Signs    map[string]int
	Clusters *Clusterer
	// Unfinished is set when the run stopped before the end of its list
	// (an interrupt): the summary then says it covers part of the list.
	Unfinished bool
}

// NewTally returns an empty Tally whose Clusterer tracks at most maxClues
// distinct clue values (DefaultMaxClues when <= 0).
func NewTally(maxClues int) *Tally {
	return &Tally{
		Risk:     make(map[rules.Risk]int),
		Errors:   make(map[string]int),
		Signs:    make(map[string]int),
		Clusters: NewClusterer(maxClues),
	}
}

// Add counts r. fresh is false when r is the result of a target already
// counted (a repeated line): it is counted again but adds no clues.
func (t *Tally) Add(r *checker.Result, fresh bool) {
	ids := make([]string, 0, len(r.Signs))
	for _, s := range r.Signs {
		ids = append(ids, s.ID)
	}
	code := ""
	if r.Error != nil {
		code = r.Error.Code
	}
	var clues []checker.Clue
	if fresh {
		links := make([]LinkClues, 0, len(r.Links))
		for _, l := range r.Links {
			if l != nil {
				links = append(links, LinkClues{Quoted: l.Quoted, Clues: l.Clues})
			}
		}
		clues = RecordClues(r.Clues, len(r.Signs), links)
	}
	t.AddRecord(r.Target, r.URL, r.Risk, code, ids, clues)
}

// LinkClues is what RecordClues reads of one link of a message.
type LinkClues struct {
	Quoted bool
	Clues  []checker.Clue
}

// RecordClues returns the campaign clues a result counts: a site's own;
// a message's own and, when its own signs make it suspect (ownSigns > 0),
// those of the sites it links to and does not quote. An honest newsletter's
// shop and the sites a police warning lists or quotes tie no messages
// together (rev25 QA: such a mail joined two gangs into one campaign).
func RecordClues(own []checker.Clue, ownSigns int, links []LinkClues) []checker.Clue {
	clues := own
	if ownSigns == 0 {
		return clues
	}
	for _, l := range links {
		if !l.Quoted && len(l.Clues) > 0 {
			clues = append(clues[:len(clues):len(clues)], l.Clues...)
		}
	}
	return clues
}

// AddRecord counts one record given by its parts (as read back from an
// output file when resuming). url is the page the target led to ("" when
// unknown), errCode "" when the target was read.
func (t *Tally) AddRecord(target, url string, risk rules.Risk, errCode string, signIDs []string, clues []checker.Clue) {
	t.Total++
	t.Risk[risk]++
	if errCode != "" {
		t.Failed++
		t.Errors[errCode]++
	}
	seen := make(map[string]bool, len(signIDs))
	for _, id := range signIDs {
		if !seen[id] {
			seen[id] = true
			t.Signs[id]++
		}
	}
	if len(clues) > 0 {
		t.Clusters.Add(target, url, clues)
	}
}

// AtLeast returns how many records have a risk at or above rank (the
// error risk never counts).
func (t *Tally) AtLeast(rank int) int {
	n := 0
	for r, c := range t.Risk {
		if r != rules.RiskError && r.Rank() >= rank {
			n += c
		}
	}
	return n
}

// Count is a name and how often it occurred.
type Count struct {
	Name string
	N    int
}

// TopSigns returns the n most frequent signs, most frequent first (all of
// them when n <= 0).
func (t *Tally) TopSigns(n int) []Count { return top(t.Signs, n) }

// TopErrors returns the error codes by frequency.
func (t *Tally) TopErrors() []Count { return top(t.Errors, 0) }

func top(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// sumWords holds the fixed phrases of the batch summaries (text and HTML).
var sumWords = map[string]rules.Text{
	"summary":     {JA: "集計", EN: "Summary"},
	"targets":     {JA: "対象", EN: "Targets"},
	"items":       {JA: "件", EN: ""},
	"high":        {JA: "高", EN: "high"},
	"medium":      {JA: "中", EN: "medium"},
	"low":         {JA: "低", EN: "low"},
	"error":       {JA: "確認不可", EN: "could not be checked"},
	"reasons":     {JA: "確認できなかった理由", EN: "Why targets could not be checked"},
	"unfinished":  {JA: "注意: 途中で中断したため、一覧の一部は確認していません。この集計は確認した分だけです（JSON・CSV 出力なら --resume で続きを確認できます）。", EN: "Note: the run was interrupted, so part of the list was not checked; this summary covers what was (with JSON or CSV output, --resume checks the rest)."},
	"topsigns":    {JA: "多かった兆候", EN: "Most frequent signs"},
	"nosigns":     {JA: "兆候はありませんでした", EN: "No signs were found"},
	"campaigns":   {JA: "同じ運営者の可能性（口座・電話・メール・特商法表記が共通）", EN: "Possible campaigns (shared bank account, phone, e-mail or seller disclosure)"},
	"nocampaign":  {JA: "共通の口座・電話・メール・特商法表記は見つかりませんでした", EN: "No shared bank account, phone, e-mail or seller disclosure was found"},
	"campaign":    {JA: "キャンペーン", EN: "Campaign"},
	"sites":       {JA: "%d 件（%d サイト）", EN: "%d targets (sites: %d)"},
	"more":        {JA: "ほか %d 件", EN: "and %d more"},
	"keysites":    {JA: "%d サイト", EN: "sites: %d"},
	"limited":     {JA: "注意: 手がかりが多すぎるため %d 件は照合していません", EN: "Note: %d clue values were not matched: too many distinct clues"},
	"account":     {JA: "口座", EN: "Bank account"},
	"phone":       {JA: "電話", EN: "Phone"},
	"email":       {JA: "メール", EN: "E-mail"},
	"disclosure":  {JA: "特商法表記", EN: "Seller disclosure"},
	"risk":        {JA: "危険度", EN: "Risk"},
	"score":       {JA: "点数", EN: "Score"},
	"target":      {JA: "対象", EN: "Target"},
	"domain":      {JA: "ドメイン", EN: "Domain"},
	"signs":       {JA: "兆候", EN: "Signs"},
	"evidence":    {JA: "根拠", EN: "Evidence"},
	"errcol":      {JA: "エラー", EN: "Error"},
	"filter":      {JA: "絞り込み", EN: "Filter"},
	"all":         {JA: "すべて", EN: "all"},
	"shown":       {JA: "表示中", EN: "Shown"},
	"title":       {JA: "shopcheck 一括調査報告", EN: "shopcheck batch report"},
	"page":        {JA: "ページ", EN: "page"},
	"url":         {JA: "最終URL", EN: "Final URL"},
	"redirects":   {JA: "リダイレクト", EN: "Redirects"},
	"registered":  {JA: "ドメイン登録日", EN: "Domain registered"},
	"none":        {JA: "なし", EN: "none"},
	"nothing":     {JA: "結果はありません", EN: "No results"},
	"sortnote":    {JA: "見出しをクリックすると並べ替えます", EN: "Click a heading to sort"},
	"generated":   {JA: "作成", EN: "Generated"},
	"sign":        {JA: "兆候", EN: "Sign"},
	"points":      {JA: "点", EN: "points"},
	"links":       {JA: "含まれるURL", EN: "Links in the message"},
	"quoted":      {JA: "（引用・開けない書き方）", EN: "(quoted, defanged)"},
	"unread":      {JA: "読めなかったページ（判断に入っていません）", EN: "Pages that could not be read (not judged)"},
	"hoperr":      {JA: "移動先（または画面いっぱいに表示されるページ）を読めず、その内容は判断に入っていません", EN: "The page it leads to (or shows in its place) could not be read, so its content was not judged"},
	"scriptbuilt": {JA: "文字がほとんどなく、内容は閲覧時にプログラム（スクリプト）で表示される仕組みのようです。shopcheck はそれを実行しないため、その内容は判断に入っていません", EN: "Almost no text: the content seems to be shown by a program (scripts) when the page is opened; shopcheck does not run it, so that content was not judged"},
	"discimage":   {JA: "特定商取引法の表記が画像のため、販売者名・住所・電話番号は読めておらず、判断に入っていません", EN: "The legal disclosure is an image: its seller, address and phone were not read or judged"},
}

func say(key, lang string) string { return sumWords[key].In(lang) }

// clueShow is a clue's value as a reader sees it: an account's parts
// (bank, branch, number, holder, kept joined by | for matching) apart, and
// a disclosure's digest said to be one, its first 12 digits shown.
func clueShow(kind, value, lang string) string {
	switch kind {
	case "disclosure":
		d := value
		if len(d) > 12 {
			d = d[:12] + "…"
		}
		if lang == "en" {
			return "the same text (SHA-256 " + d + ")"
		}
		return "同じ文面（SHA-256 " + d + "）"
	case "account":
		parts := strings.Split(value, "|")
		if len(parts) == 2 && strings.Trim(parts[0], "0123456789") != "" {
			parts[0] = rules.BankKeyName(parts[0]) // bank|number; number|holder starts with digits
		}
		return strings.Join(parts, " / ")
	case "phone":
		return phoneShow(value)
	}
	return value
}

// targetShow is a list line as a campaign lists it: without the note
// after a tab and without the zero-width characters a copied address
// brings along (checker.ZeroWidth; qa26e D4); the line itself stays in
// the results.
func targetShow(t string) string {
	if i := strings.IndexByte(t, '\t'); i > 0 {
		t = t[:i]
	}
	return strings.Map(func(r rune) rune {
		if checker.ZeroWidth(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(t))
}

// phoneShow writes a phone key (digits) as people write the number:
// mobiles and IP phones 090-1234-5678, toll-free 0120-123-456, Tokyo and
// Osaka 03-1234-5678; other numbers, whose area code's length a table
// would tell, as they are.
func phoneShow(d string) string {
	if strings.Trim(d, "0123456789") != "" {
		return d
	}
	switch {
	case len(d) == 11 && (strings.HasPrefix(d, "090") || strings.HasPrefix(d, "080") || strings.HasPrefix(d, "070") || strings.HasPrefix(d, "050")):
		return d[:3] + "-" + d[3:7] + "-" + d[7:]
	case len(d) == 10 && (strings.HasPrefix(d, "0120") || strings.HasPrefix(d, "0570")):
		return d[:4] + "-" + d[4:7] + "-" + d[7:]
	case len(d) == 11 && strings.HasPrefix(d, "0800"):
		return d[:4] + "-" + d[4:7] + "-" + d[7:]
	case len(d) == 10 && (strings.HasPrefix(d, "03") || strings.HasPrefix(d, "06")):
		return d[:2] + "-" + d[2:6] + "-" + d[6:]
	}
	return d
}

// signSummaries returns a lookup of each sign's one-line summary in lang
// (rules.All and rules.MessageRules): the report names what an id means.
func signSummaries(lang string) func(string) string {
	m := map[string]string{}
	for _, r := range rules.All() {
		m[r.ID] = r.Summary.In(lang)
	}
	for _, r := range rules.MessageRules() {
		m[r.ID] = r.Summary.In(lang)
	}
	return func(id string) string { return m[id] }
}

// kindName names a clue kind; an unknown kind is shown as it is.
func kindName(kind, lang string) string {
	if t, ok := sumWords[kind]; ok && kindRank(kind) < len(kindOrder) {
		return t.In(lang)
	}
	return kind
}

// riskLine is "Targets: 12 (high 1, medium 2, low 8, could not be checked 1)".
func riskLine(t *Tally, lang string) string {
	var parts []string
	for _, r := range []rules.Risk{rules.RiskHigh, rules.RiskMedium, rules.RiskLow, rules.RiskError} {
		parts = append(parts, fmt.Sprintf("%s %d", say(string(r), lang), t.Risk[r]))
	}
	if lang == "ja" {
		return fmt.Sprintf("%s: %d %s（%s）", say("targets", lang), t.Total, say("items", lang), strings.Join(parts, "、"))
	}
	return fmt.Sprintf("%s: %d (%s)", say("targets", lang), t.Total, strings.Join(parts, ", "))
}

// textSummary prints one line a target and, when given a Tally, a summary
// after the last one: the compact view for officers' lists.
type textSummary struct {
	w     io.Writer
	o     Options
	tally *Tally
}

func newTextSummary(w io.Writer, o Options) Writer { return &textSummary{w: w, o: o} }

// Write prints "risk score target sign,ids [error=code]" in one Write.
func (t *textSummary) Write(r *checker.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s %3d  %s", r.Risk, r.Score, oneLine(r.Target))
	if len(r.Signs) > 0 {
		b.WriteString("  ")
		for i, s := range r.Signs {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(s.ID)
		}
	}
	if r.Error != nil {
		b.WriteString("  error=" + r.Error.Code)
		// What the code means, in the reader's language: its first
		// sentence (qa26e D8: a Japanese list showed codes alone).
		if why := firstSentence(errorWhy(r.Error, t.o.Lang)); why != "" {
			b.WriteString("  " + why)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(t.w, TerminalSafe(b.String()))
	return err
}

// firstSentence is s up to its first full stop (。 or ". "), which it
// keeps.
func firstSentence(s string) string {
	if i := strings.Index(s, "。"); i >= 0 {
		return s[:i+len("。")]
	}
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// oneLine keeps a value on one line (targets are trimmed lines already; a
// message file name could still hold a newline).
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	}
	return s
}

// WriteSummary prints the summary of the batch.
func (t *textSummary) WriteSummary(tally *Tally) error {
	t.tally = tally
	var b strings.Builder
	writeTextSummary(&b, tally, t.o.Lang)
	_, err := io.WriteString(t.w, TerminalSafe(b.String()))
	return err
}

// writeTextSummary is the summary in plain text: counts, reasons, the top
// signs and the campaigns.
func writeTextSummary(b *strings.Builder, t *Tally, lang string) {
	fmt.Fprintf(b, "\n── %s ──\n%s\n", say("summary", lang), riskLine(t, lang))
	if t.Unfinished {
		b.WriteString(say("unfinished", lang) + "\n")
	}
	if errs := t.TopErrors(); len(errs) > 0 {
		b.WriteString(say("reasons", lang) + ": ")
		for i, e := range errs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%s %d", e.Name, e.N)
		}
		b.WriteString("\n")
	}
	if signs := t.TopSigns(10); len(signs) > 0 {
		b.WriteString(say("topsigns", lang) + ":\n")
		for _, s := range signs {
			fmt.Fprintf(b, "  %6d  %s\n", s.N, s.Name)
		}
	} else if t.Total > 0 {
		b.WriteString(say("nosigns", lang) + "\n")
	}
	camps := t.Clusters.Campaigns()
	if len(camps) == 0 {
		b.WriteString(say("nocampaign", lang) + "\n")
	} else {
		writeCampaigns(b, camps, lang)
	}
	if n := t.Clusters.Limited(); n > 0 {
		fmt.Fprintf(b, say("limited", lang)+"\n", n)
	}
}

// writeCampaigns lists the campaigns: the targets that share each clue.
func writeCampaigns(b *strings.Builder, camps []Campaign, lang string) {
	b.WriteString(say("campaigns", lang) + ":\n")
	for _, c := range camps {
		fmt.Fprintf(b, "  [%d] "+say("sites", lang)+"\n", c.ID, c.Targets, c.Sites)
		for _, cl := range c.Clusters {
			fmt.Fprintf(b, "      %s %s ("+say("keysites", lang)+"): %s\n", kindName(cl.Kind, lang), oneLine(clueShow(cl.Kind, cl.Value, lang)), cl.Sites, listTargets(cl.Targets, cl.Count, 10, lang))
		}
	}
}

// listTargets joins at most n of ts, one of each site first (siteOf: ten
// URLs of a campaign's first shop would hide its other nine shops), in
// their order otherwise, then says how many more of the total there are.
func listTargets(ts []string, total, n int, lang string) string {
	if len(ts) <= n && total <= len(ts) {
		shown := make([]string, len(ts))
		for i, t := range ts {
			shown[i] = targetShow(t)
		}
		return oneLine(strings.Join(shown, ", "))
	}
	pick := make([]bool, len(ts))
	seen := map[string]bool{}
	k := 0
	for i, t := range ts {
		if s := siteOf(t, ""); k < n && !seen[s] {
			seen[s], pick[i] = true, true
			k++
		}
	}
	for i := range ts {
		if k < n && !pick[i] {
			pick[i] = true
			k++
		}
	}
	shown := make([]string, 0, k)
	for i, t := range ts {
		if pick[i] {
			shown = append(shown, targetShow(t))
		}
	}
	return oneLine(strings.Join(shown, ", ")) + ", " + fmt.Sprintf(say("more", lang), total-len(shown))
}

func (t *textSummary) Close() error { return nil }
