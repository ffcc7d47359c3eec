package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/defang"
	"github.com/shopcheck/shopcheck/rules"
)

// htmlWriter writes one self-contained HTML file for officers: no external
// assets, the CSS and the script inline. Rows are written as results
// arrive, each with one Write call, so memory does not grow with the list;
// the summary, the filters and the campaigns come after the table in the
// file and are shown above it by CSS (flex order). Everything from a result
// goes through html/template: pages are made by criminals, and their
// evidence strings can hold markup. A Content-Security-Policy allows only
// this file's own script and style (by digest), so even markup that slipped
// through could neither run nor load anything.
type htmlWriter struct {
	w       io.Writer
	o       Options
	started bool
	n       int
	// risk and signs are counted here too, so that the filters and a
	// summary exist even without WriteSummary.
	own   *Tally
	tally *Tally
	buf   bytes.Buffer
	now   func() time.Time
}

func newHTML(w io.Writer, o Options) Writer {
	return &htmlWriter{w: w, o: o, own: NewTally(1), now: time.Now}
}

// htmlRow is what the row template sees.
type htmlRow struct {
	N        int
	Risk     string
	RiskName string
	// RiskKey sorts by risk, then score: rank×1000 + score.
	RiskKey   int
	Score     int
	Target    string
	Domain    string
	URL       string
	SignIDs   string
	Signs     []rules.Sign
	Redirects []string
	Whois     *checker.WhoisInfo
	Error     *checker.ErrorInfo
	// ErrorWhy is what the error means for the reader, in the report's
	// language (the text view's words), "" when there is none.
	ErrorWhy string
	// HopError, ScriptBuilt and DisclosureImage say what of the site was
	// not seen.
	HopError        string
	ScriptBuilt     bool
	DisclosureImage string
	Unread          []checker.PageError
	// Links are a message's URLs and their results (message only).
	Links []*checker.Result
	L     func(string) string
	Lang  string
}

// htmlTmpl is one row of the report, parsed on first use: most runs
// write no HTML report, and parsing it cost every process a millisecond.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("row").Funcs(template.FuncMap{"defang": defang.Defang}).Parse(
		`<tr data-risk="{{.Risk}}" data-signs="{{.SignIDs}}">` +
			`<td data-v="{{.N}}">{{.N}}</td>` +
			`<td data-v="{{.RiskKey}}"><span class="risk r-{{.Risk}}">{{.RiskName}}</span></td>` +
			`<td data-v="{{.Score}}" class="num">{{.Score}}</td>` +
			`<td class="t">{{.Target}}</td>` +
			`<td>{{.Domain}}</td>` +
			`<td>{{range .Signs}}<span class="sign s-{{.Severity}}" title="{{.Message}}">{{.ID}}</span> {{end}}</td>` +
			`<td>{{if .Error}}<span class="err">{{.Error.Code}}</span>{{end}}</td>` +
			`<td><details><summary>{{len .Signs}}</summary><div class="ev">` +
			`{{if .URL}}<p><b>{{call .L "url"}}</b>: <span class="u">{{.URL}}</span></p>{{end}}` +
			`{{if .Redirects}}<p><b>{{call .L "redirects"}}</b>:</p><ol class="u">{{range .Redirects}}<li>{{.}}</li>{{end}}</ol>{{end}}` +
			`{{if .Whois}}<p><b>{{call .L "registered"}}</b>: {{.Whois.Created}} ({{.Whois.Registrar}})</p>{{end}}` +
			`{{if .Error}}<p class="err"><b>{{call .L "errcol"}}</b>: {{if .ErrorWhy}}{{.ErrorWhy}} <small>({{.Error.Code}}: {{.Error.Message}})</small>{{else}}{{.Error.Code}}: {{.Error.Message}}{{end}}</p>{{end}}` +
			`{{if .HopError}}<p class="err"><b>{{call .L "hoperr"}}</b>: {{.HopError}}</p>{{end}}` +
			`{{if .Unread}}<p class="err"><b>{{call .L "unread"}}</b>:{{range .Unread}}<br>{{.URL}} ({{.Message}}){{end}}</p>{{end}}` +
			`{{if .ScriptBuilt}}<p class="err">{{call .L "scriptbuilt"}}</p>{{end}}` +
			`{{if .DisclosureImage}}<p class="err">{{call .L "discimage"}}: <span class="u">{{.DisclosureImage}}</span></p>{{end}}` +
			`{{if .Links}}<p><b>{{call .L "links"}}</b>:</p><ul>{{range .Links}}<li><span class="risk r-{{.Risk}}">{{call $.L (printf "%s" .Risk)}}</span> {{.Score}} {{if .Quoted}}<span class="u">{{defang .Target}}</span> <i>{{call $.L "quoted"}}</i>{{else}}<span class="u">{{.Target}}</span>{{end}}` +
			`{{range .Signs}} <span class="sign s-{{.Severity}}">{{.ID}}</span>{{end}}{{if .Error}} <span class="err">{{.Error.Code}}</span>{{end}}</li>{{end}}</ul>{{end}}` +
			`{{if .Signs}}<ol>{{range .Signs}}<li><b>{{.ID}}</b> <span class="sign s-{{.Severity}}">{{.Severity.Word $.Lang}} +{{.Points}}</span> {{.Message}}` +
			`{{if .Evidence}}<br><q>{{.Evidence}}</q>{{end}}{{if .URL}}<br><span class="u">{{.URL}}</span>{{end}}</li>{{end}}</ol>` +
			`{{else}}<p>{{call .L "none"}}</p>{{end}}` +
			`</div></details></td></tr>` + "\n"))
})

// htmlTail is what the summary template sees.
type htmlTail struct {
	T         *Tally
	Lang      string
	Risks     []htmlCount
	Signs     []Count
	Errors    []Count
	Campaigns []Campaign
	Limited   int
	L         func(string) string
	Kind      func(string) string
	// Show is a clue's value for the reader (clueShow); Sum a sign's
	// summary in the report's language.
	Show func(kind, value string) string
	Sum  func(id string) string
	// Target is a campaign member as shown (targetShow); its button
	// still filters by the line as given.
	Target func(string) string
}

type htmlCount struct {
	Risk, Name string
	N          int
}

// htmlTailTmpl is the end of the report (summary, clusters), parsed on
// first use like htmlTmpl.
var htmlTailTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("tail").Parse(`</tbody></table></main>
<section id="summary"><h2>{{call .L "summary"}}</h2>
{{if .T.Unfinished}}<p class="warn"><b>{{call .L "unfinished"}}</b></p>{{end}}
<div class="cards"><button type="button" class="card" data-risk="">{{call .L "targets"}} <b>{{.T.Total}}</b></button>
{{range .Risks}}<button type="button" class="card r-{{.Risk}}" data-risk="{{.Risk}}">{{.Name}} <b>{{.N}}</b></button>
{{end}}</div>
{{if .Errors}}<p>{{call .L "reasons"}}: {{range $i, $e := .Errors}}{{if $i}}, {{end}}{{$e.Name}} {{$e.N}}{{end}}</p>{{end}}
<h3>{{call .L "topsigns"}}</h3>
{{if .Signs}}<table class="top"><tbody>{{range .Signs}}<tr><td class="num">{{.N}}</td><td><button type="button" class="link" data-sign="{{.Name}}">{{.Name}}</button></td><td>{{call $.Sum .Name}}</td></tr>{{end}}</tbody></table>
{{else}}<p>{{call .L "nosigns"}}</p>{{end}}
<h3>{{call .L "campaigns"}}</h3>
{{if .Campaigns}}{{range .Campaigns}}<details class="camp"><summary>{{call $.L "campaign"}} {{.ID}}: {{printf (call $.L "sites") .Targets .Sites}}</summary><ul>
{{range .Clusters}}<li><b>{{call $.Kind .Kind}}</b> <code>{{call $.Show .Kind .Value}}</code> ({{printf (call $.L "keysites") .Sites}}): {{range .Targets}}<button type="button" class="link" data-q="{{.}}">{{call $.Target .}}</button> {{end}}{{if gt .Count (len .Targets)}}…{{end}}</li>
{{end}}</ul></details>
{{end}}{{else}}<p>{{call .L "nocampaign"}}</p>{{end}}
{{if .Limited}}<p class="err">{{printf (call .L "limited") .Limited}}</p>{{end}}
</section>
<section id="controls"><label>{{call .L "filter"}} <input id="q" type="search" autocomplete="off"></label>
<label>{{call .L "risk"}} <select id="f-risk"><option value="">{{call .L "all"}}</option>{{range .Risks}}<option value="{{.Risk}}">{{.Name}}</option>{{end}}</select></label>
<label>{{call .L "sign"}} <select id="f-sign"><option value="">{{call .L "all"}}</option>{{range .Signs}}<option value="{{.Name}}">{{.Name}} ({{.N}})</option>{{end}}</select></label>
<span>{{call .L "shown"}}: <b id="shown">-</b> / {{.T.Total}}</span> <small>{{call .L "sortnote"}}</small></section>
`))
})

// htmlCSS is the report's whole style sheet.
const htmlCSS = `
body{font-family:"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",Meiryo,sans-serif;margin:0;color:#222;background:#fafafa;font-size:14px}
#page{display:flex;flex-direction:column;gap:12px;padding:12px 16px}
header{order:-3}#summary{order:-2}#controls{order:-1}main{order:0;overflow-x:auto}
h1{font-size:20px;margin:4px 0}h2{font-size:17px;margin:4px 0}h3{font-size:15px;margin:10px 0 4px}
.warn{border:2px solid #c00;background:#fee;padding:8px 12px}
.cards{display:flex;flex-wrap:wrap;gap:8px}
.card{border:1px solid #ccc;border-radius:6px;padding:6px 12px;background:#fff;cursor:pointer;font:inherit}
.card b{font-size:18px;margin-left:4px}
#controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px;position:sticky;top:0;z-index:1}
table#results{border-collapse:collapse;width:100%;background:#fff}
#results th,#results td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
#results th{background:#eee;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
#results th[data-dir="1"]::after{content:" ▲"}#results th[data-dir="-1"]::after{content:" ▼"}
.num{text-align:right}.t,.u{word-break:break-all;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.risk{display:inline-block;border-radius:4px;padding:0 6px;font-weight:bold;white-space:nowrap}
.r-high{background:#c62828;color:#fff}.r-medium{background:#f9a825;color:#000}.r-low{background:#2e7d32;color:#fff}.r-error{background:#757575;color:#fff}
.card.r-high,.card.r-medium,.card.r-low,.card.r-error{border:0}
.sign{display:inline-block;border-radius:3px;padding:0 4px;margin:1px 0;background:#e3f2fd;font-size:12px;white-space:nowrap}
.s-high{background:#ffcdd2}.s-medium{background:#ffe0b2}.s-low{background:#e8f5e9}
.err{color:#b71c1c}.ev{max-width:60em}.ev q{background:#fff8e1;display:inline-block;margin:2px 0}
details>summary{cursor:pointer}
.link{border:0;background:none;color:#0645ad;text-decoration:underline;cursor:pointer;padding:0;font:inherit;word-break:break-all}
table.top td{padding:1px 8px}
tr[hidden]{display:none}
`

// htmlJS sorts and filters the rows and says it ran (data-ready="1").
const htmlJS = `
(function () {
  "use strict";
  var table = document.getElementById("results");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var text = rows.map(function (r) {
    // The whole row, the evidence under it too: an officer searches by an
    // account number, a holder's name or a phone.
    return r.textContent.toLowerCase();
  });
  var q = document.getElementById("q"), fr = document.getElementById("f-risk"), fs = document.getElementById("f-sign"), shown = document.getElementById("shown");
  function apply() {
    var t = q.value.trim().toLowerCase(), risk = fr.value, sign = fs.value, n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!risk || r.getAttribute("data-risk") === risk) &&
        (!sign || (" " + r.getAttribute("data-signs") + " ").indexOf(" " + sign + " ") >= 0) &&
        (!t || text[i].indexOf(t) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = String(n);
  }
  q.addEventListener("input", apply);
  fr.addEventListener("change", apply);
  fs.addEventListener("change", apply);
  var ths = table.tHead.rows[0].cells;
  function key(r, i, num) {
    var c = r.cells[i], v = c.getAttribute("data-v");
    if (v === null) v = c.textContent;
    return num ? (parseFloat(v) || 0) : v.toLowerCase();
  }
  function sortBy(i, dir) {
    var th = ths[i], num = th.getAttribute("data-type") === "num";
    Array.prototype.forEach.call(ths, function (h) { h.removeAttribute("data-dir"); });
    th.setAttribute("data-dir", String(dir));
    var order = rows.map(function (r, j) { return {r: r, k: key(r, i, num), j: j}; });
    order.sort(function (a, b) { return a.k < b.k ? -dir : a.k > b.k ? dir : a.j - b.j; });
    var frag = document.createDocumentFragment();
    order.forEach(function (o) { frag.appendChild(o.r); });
    tbody.appendChild(frag);
  }
  Array.prototype.forEach.call(ths, function (th, i) {
    th.addEventListener("click", function () { sortBy(i, th.getAttribute("data-dir") === "1" ? -1 : 1); });
  });
  // A view can be linked: report.html#risk=high&sign=domain-new&q=shop&sort=-score
  var h = new URLSearchParams(location.hash.slice(1));
  if (h.get("q")) q.value = h.get("q");
  if (h.get("risk")) fr.value = h.get("risk");
  if (h.get("sign")) fs.value = h.get("sign");
  // Without a sort asked for, the riskiest first (risk, then score).
  var s = h.get("sort") || "-risk";
  var desc = s.charAt(0) === "-", k = desc ? s.slice(1) : s;
  Array.prototype.forEach.call(ths, function (th, i) { if (th.getAttribute("data-key") === k) sortBy(i, desc ? -1 : 1); });
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button") : null;
    if (!b) return;
    if (b.hasAttribute("data-risk")) { fr.value = b.getAttribute("data-risk"); apply(); }
    else if (b.hasAttribute("data-sign")) { fs.value = b.getAttribute("data-sign"); apply(); }
    else if (b.hasAttribute("data-q")) { q.value = b.getAttribute("data-q"); fr.value = ""; fs.value = ""; apply(); }
    else return;
    table.scrollIntoView();
  });
  apply();
  document.body.setAttribute("data-ready", "1");
})();
`

// csp allows the inline style and script above by their digests, and
// nothing else: no network, no other script.
var csp = fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; img-src data:; base-uri 'none'; form-action 'none'",
	digest(htmlCSS), digest(htmlJS))

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// riskName is a risk as the report names it.
func (h *htmlWriter) riskName(r rules.Risk) string {
	if r == "" {
		r = rules.RiskError
	}
	return say(string(r), h.o.Lang)
}

func (h *htmlWriter) l(key string) string { return say(key, h.o.Lang) }

// start writes everything before the first row.
func (h *htmlWriter) start() error {
	h.started = true
	var b strings.Builder
	lang := "ja"
	if h.o.Lang == "en" {
		lang = "en"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n", lang)
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", template.HTMLEscapeString(csp))
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style></head>\n<body><div id=\"page\">\n", template.HTMLEscapeString(h.l("title")), htmlCSS)
	fmt.Fprintf(&b, "<header><h1>%s</h1><p>%s: %s</p></header>\n", template.HTMLEscapeString(h.l("title")),
		template.HTMLEscapeString(h.l("generated")), h.now().Format(time.RFC3339))
	b.WriteString("<main><table id=\"results\"><thead><tr>")
	for _, c := range []struct{ key, typ string }{
		{"n", "num"}, {"risk", "num"}, {"score", "num"}, {"target", ""}, {"domain", ""}, {"signs", ""}, {"errcol", ""}, {"evidence", "num"},
	} {
		name := "#"
		if c.key != "n" {
			name = h.l(c.key)
		}
		fmt.Fprintf(&b, "<th data-key=\"%s\" data-type=\"%s\">%s</th>", c.key, c.typ, template.HTMLEscapeString(name))
	}
	b.WriteString("</tr></thead><tbody>\n")
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *htmlWriter) Write(r *checker.Result) error {
	if !h.started {
		if err := h.start(); err != nil {
			return err
		}
	}
	h.n++
	h.own.Add(r, false)
	ids := make([]string, len(r.Signs))
	for i, s := range r.Signs {
		ids[i] = s.ID
	}
	risk := r.Risk
	if risk == "" {
		risk = rules.RiskError
	}
	row := htmlRow{
		N: h.n, Risk: string(risk), RiskName: h.riskName(risk), RiskKey: risk.Rank()*1000 + r.Score, Score: r.Score,
		Target: r.Target, Domain: r.Domain, URL: r.URL, SignIDs: strings.Join(ids, " "), Signs: r.Signs,
		Redirects: r.Redirects, Whois: r.Whois, Error: r.Error, ErrorWhy: errorWhy(r.Error, h.o.Lang), HopError: r.HopError, ScriptBuilt: r.ScriptBuilt, DisclosureImage: r.DisclosureImage, Unread: r.Unread, L: h.l, Lang: h.o.Lang,
	}
	for _, l := range r.Links {
		if l != nil {
			row.Links = append(row.Links, l)
		}
	}
	h.buf.Reset()
	if err := htmlTmpl().Execute(&h.buf, row); err != nil {
		return fmt.Errorf("rendering the HTML row of %s: %w", r.Target, err)
	}
	_, err := h.w.Write(h.buf.Bytes())
	return err
}

// WriteSummary keeps the batch's tally for the summary written by Close.
func (h *htmlWriter) WriteSummary(t *Tally) error {
	h.tally = t
	return nil
}

// Close writes the summary, the filters, the campaigns and the script.
func (h *htmlWriter) Close() error {
	if !h.started {
		if err := h.start(); err != nil {
			return err
		}
	}
	t := h.tally
	if t == nil {
		t = h.own
	}
	tail := htmlTail{T: t, Lang: h.o.Lang, Signs: t.TopSigns(0), Errors: t.TopErrors(), L: h.l,
		Kind: func(k string) string { return kindName(k, h.o.Lang) },
		Show: func(k, v string) string { return clueShow(k, v, h.o.Lang) },
		Sum:  signSummaries(h.o.Lang), Target: targetShow}
	for _, r := range []rules.Risk{rules.RiskHigh, rules.RiskMedium, rules.RiskLow, rules.RiskError} {
		tail.Risks = append(tail.Risks, htmlCount{Risk: string(r), Name: h.riskName(r), N: t.Risk[r]})
	}
	if h.tally != nil {
		tail.Campaigns = t.Clusters.Campaigns()
		tail.Limited = t.Clusters.Limited()
	}
	h.buf.Reset()
	if err := htmlTailTmpl().Execute(&h.buf, tail); err != nil {
		return fmt.Errorf("rendering the HTML summary: %w", err)
	}
	h.buf.WriteString("<script>" + htmlJS + "</script>\n</div></body></html>\n")
	_, err := h.w.Write(h.buf.Bytes())
	return err
}
