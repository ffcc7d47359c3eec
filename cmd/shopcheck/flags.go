package main

import (
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// commonOptions are the flags shared by the commands that fetch or score.
type commonOptions struct {
	List         string
	Output       string
	Format       string
	JSON         bool
	Lang         string
	Concurrency  int
	Rate         float64
	Timeout      time.Duration
	SiteTimeout  time.Duration
	MaxPages     int
	MaxBody      int64
	Mobile       bool
	NoCloaking   bool
	NoWhois      bool
	WhoisServer  string
	RDAPServer   string
	Resolve      []string
	AllowPrivate bool
	Evidence     string
	Resume       bool
	FailOn       string
	RulesFiles   []string
	NoProgress   bool
	Clusters     string
}

// flagSet says which groups of flags a command takes.
type flagSet struct {
	fetch bool // the flags of commands that fetch pages
	whois bool
}

// listFlag is -l: one list. A second -l would silently replace the first
// (a string flag keeps its last value), and an officer passing two report
// files would lose one with exit 0; it is refused with the way to join them.
type listFlag string

func (l *listFlag) String() string { return string(*l) }
func (l *listFlag) Type() string   { return "string" }
func (l *listFlag) Set(v string) error {
	if *l != "" {
		return fmt.Errorf("one list only (got %s, then %s): join them first, e.g. cat %s %s | shopcheck ... -l -", string(*l), v, string(*l), v)
	}
	*l = listFlag(v)
	return nil
}

// addCommonFlags registers the flags of the contract on cmd.
func addCommonFlags(cmd *cobra.Command, o *commonOptions, set flagSet) {
	f := cmd.Flags()
	f.VarP((*listFlag)(&o.List), "list", "l", "read targets from `FILE`, one a line (- for stdin); blank lines and # comments skipped")
	f.StringVarP(&o.Output, "output", "o", "", "write results to `FILE` instead of stdout")
	f.StringVar(&o.Format, "format", "text", "output format: text, json (JSON Lines), csv or html; without it, -o FILE ending in .json, .jsonl, .csv or .html picks that one")
	f.BoolVar(&o.JSON, "json", false, "same as --format json")
	f.StringVar(&o.Lang, "lang", "ja", "language of messages and advice: ja or en")
	f.IntVarP(&o.Concurrency, "concurrency", "c", 8, "targets checked at once")
	f.StringVar(&o.FailOn, "fail-on", "", "exit 3 when any target's risk is at or above this level: medium or high")
	f.StringArrayVar(&o.RulesFiles, "rules", nil, "extra rule data `FILE` (JSON: brands, blocklist, fraud_accounts, weights); repeatable")
	f.BoolVar(&o.NoProgress, "no-progress", false, "do not show a progress bar")
	f.StringVar(&o.Clusters, "clusters", "", "write the campaign clusters (targets sharing a bank account, phone, e-mail or seller disclosure) to `FILE` as JSON Lines")
	f.BoolVar(&o.Resume, "resume", false, "with -o: skip targets already in the output file and append the rest")
	f.DurationVar(&o.SiteTimeout, "site-timeout", 30*time.Second, "time for one target from start to result")
	if set.whois {
		f.BoolVar(&o.NoWhois, "no-whois", false, "skip WHOIS/RDAP (no domain age)")
		f.StringVar(&o.WhoisServer, "whois-server", "", "send every WHOIS query to `HOST:PORT`, no referrals and no RDAP")
		f.StringVar(&o.RDAPServer, "rdap-server", "", "send RDAP queries to this base `URL` instead of the IANA bootstrap")
	}
	f.DurationVar(&o.Timeout, "timeout", 10*time.Second, "time for one HTTP request (and one WHOIS query); a third of it at a host where a request already ran out of time")
	f.BoolVar(&o.AllowPrivate, "allow-private", false, "permit loopback, private, link-local and other non-public addresses")
	if set.fetch {
		f.Float64Var(&o.Rate, "rate", 0, "HTTP requests per second over all hosts; 0 = no limit")
		f.IntVar(&o.MaxPages, "max-pages", 6, "pages fetched for one site, the first included: a smartphone copy and a stub page's refresh hop count too, HTTP redirects on the way to a page do not (1 = the page alone; 3 or more to compare with a smartphone's)")
		f.Int64Var(&o.MaxBody, "max-body", 5<<20, "bytes read of one response (after decompression); the rest is dropped and noted")
		f.BoolVar(&o.Mobile, "mobile", false, "send a smartphone User-Agent (and skip the desktop/smartphone comparison)")
		f.BoolVar(&o.NoCloaking, "no-cloaking", false, "skip the desktop/smartphone comparison")
		f.StringArrayVar(&o.Resolve, "resolve", nil, "connect to ADDR for HOST:PORT, like curl (`HOST:PORT:ADDR`; HOST * = every other name at PORT); repeatable")
		f.StringVar(&o.Evidence, "evidence", "", "save every request/response as WARC plus manifest.jsonl in `DIR`")
	}
}

// validate checks the flag values that cobra cannot.
func (o *commonOptions) validate(flags *pflag.FlagSet) error {
	if o.JSON {
		if flags.Changed("format") && o.Format != "json" {
			return usageError("--json and --format %s contradict each other", o.Format)
		}
		o.Format = "json"
	}
	if !o.JSON && !flags.Changed("format") && o.Output != "" && o.Output != "-" {
		// -o report.csv means a CSV file, not text in a file named .csv.
		switch strings.ToLower(filepath.Ext(o.Output)) {
		case ".json", ".jsonl", ".ndjson":
			o.Format = "json"
		case ".csv":
			o.Format = "csv"
		case ".html", ".htm":
			o.Format = "html"
		}
	}
	switch o.Format {
	case "text", "json", "csv", "html":
	default:
		return usageError("--format %q is not one of text, json, csv, html", o.Format)
	}
	switch o.Lang {
	case "ja", "en":
	default:
		return usageError("--lang %q is not ja or en", o.Lang)
	}
	switch o.FailOn {
	case "", "medium", "high":
	default:
		return usageError("--fail-on %q is not medium or high", o.FailOn)
	}
	if o.Concurrency < 1 || o.Concurrency > 1000 {
		return usageError("--concurrency must be between 1 and 1000, not %d", o.Concurrency)
	}
	if o.Rate < 0 {
		return usageError("--rate must not be negative")
	}
	if flags.Lookup("max-pages") != nil && (o.MaxPages < 1 || o.MaxPages > 100) {
		return usageError("--max-pages must be between 1 and 100, not %d", o.MaxPages)
	}
	if flags.Lookup("max-body") != nil && o.MaxBody < 1024 {
		return usageError("--max-body must be at least 1024 bytes, not %d", o.MaxBody)
	}
	if o.Timeout <= 0 || o.SiteTimeout <= 0 {
		return usageError("--timeout and --site-timeout must be positive")
	}
	if o.Resume && (o.Output == "" || o.Output == "-") {
		return usageError("--resume needs -o FILE: it skips the targets already in that file")
	}
	if o.Resume && o.Format != "json" && o.Format != "csv" {
		return usageError("--resume works with --format json or csv, whose files can be read back")
	}
	for _, r := range o.Resolve {
		if strings.Count(r, ":") < 2 && !strings.HasPrefix(strings.TrimSpace(r), "-") {
			return usageError("--resolve %q: want HOST:PORT:ADDR (or *:PORT:ADDR for every name at that port)", r)
		}
	}
	if o.WhoisServer != "" {
		// A server that cannot be asked would leave every domain's age
		// unknown without a word but a whois_error on each result.
		// A name alone gets WHOIS's port 43.
		host, port, err := net.SplitHostPort(o.WhoisServer)
		if err != nil && !strings.Contains(o.WhoisServer, ":") {
			host, port, err = o.WhoisServer, "43", nil
		}
		if n, perr := strconv.Atoi(port); err != nil || host == "" || strings.ContainsAny(host, " /\t") || perr != nil || n < 1 || n > 65535 {
			return usageError("--whois-server %q: want HOST or HOST:PORT (whois.jprs.jp, 127.0.0.1:4343)", o.WhoisServer)
		}
	}
	if o.RDAPServer != "" {
		if u, err := url.Parse(o.RDAPServer); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageError("--rdap-server %q: want an http:// or https:// base URL (https://rdap.example/)", o.RDAPServer)
		}
	}
	return nil
}

// loadData reads the built-in rule data and every --rules file.
func (o *commonOptions) loadData() (*rules.Data, error) {
	var readers []io.Reader
	for _, name := range o.RulesFiles {
		f, err := os.Open(name)
		if err != nil {
			return nil, usageError("reading --rules file: %v", err)
		}
		defer f.Close()
		readers = append(readers, f)
	}
	d, err := rules.LoadData(readers...)
	if err != nil {
		return nil, usageError("loading --rules: %v", err)
	}
	return d, nil
}

// setup loads the rule data and builds the Checker: what every command
// that scores does first. closeFn releases what the checker opened.
//
// The signs' tables and the look-alike index are built in the background
// meanwhile, on one goroutine, so that while they are built the first
// requests can go out on another core. A batch starts on every core (Go's
// default GOMAXPROCS); a list then measures whether fewer threads serve it
// better (procTuner).
func (o *commonOptions) setup() (c *checker.Checker, data *rules.Data, closeFn func() error, err error) {
	loaded := make(chan *rules.Data, 1)
	go func() {
		rules.Warm()
		if d := <-loaded; d != nil {
			d.Brands.Warm()
		}
	}()
	data, err = o.loadData()
	loaded <- data
	if err != nil {
		return nil, nil, nil, err
	}
	if c, closeFn, err = o.newChecker(data); err != nil {
		return nil, nil, nil, err
	}
	return c, data, closeFn, nil
}

// newChecker builds a Checker, with its fetcher, WHOIS client and evidence
// recorder, from the flags. close releases what it opened.
func (o *commonOptions) newChecker(data *rules.Data) (c *checker.Checker, closeFn func() error, err error) {
	fetch, err := checker.NewHTTPFetcher(checker.FetchOptions{
		Timeout:      o.Timeout,
		MaxBody:      o.MaxBody,
		AllowPrivate: o.AllowPrivate,
		Resolve:      o.Resolve,
		Rate:         o.Rate,
	})
	if err != nil {
		return nil, nil, usageError("%v", err)
	}
	var whois checker.WhoisLookup
	if !o.NoWhois {
		whois = checker.NewWhois(checker.WhoisOptions{
			Server:       o.WhoisServer,
			RDAPServer:   o.RDAPServer,
			Timeout:      o.Timeout,
			AllowPrivate: o.AllowPrivate,
		})
	}
	closeFn = func() error { return nil }
	var rec checker.Recorder
	if o.Evidence != "" {
		w, err := checker.NewWARCRecorder(o.Evidence)
		if err != nil {
			return nil, nil, usageError("opening --evidence folder: %v", err)
		}
		w.SetCrawlOptions(o.MaxPages, o.Mobile, o.NoCloaking)
		rec, closeFn = w, w.Close
	}
	c = checker.New(checker.Options{
		Lang:        o.Lang,
		SiteTimeout: o.SiteTimeout,
		MaxBody:     o.MaxBody,
		MaxPages:    o.MaxPages,
		Mobile:      o.Mobile,
		NoCloaking:  o.NoCloaking,
		Data:        data,
	}, fetch, whois, rec)
	return c, closeFn, nil
}

// memoryPerTarget is the soft memory limit allowed for each target checked
// at once: a 5 MB page parses into a tree of about 50 MB, and without a
// limit the garbage collector lets the heap grow to twice what is live.
const memoryPerTarget = 80 << 20

// checkGCPercent is the garbage collector's percent while checking sites:
// a batch of ordinary pages keeps a few MB live and allocates some 100 KB a
// target, so that at the default of 100 the collector's background work
// alone was about 6 % of a batch's CPU. 400 ran 3.7 % fewer instructions
// than 200 (callgrind), but instructions are not the whole cost: each page
// of memory the heap touches for the first time is a page fault, about
// 11 µs on the 2-core virtual machine this was measured on, and at 400 a
// batch of 2,000 small pages took 8,300-9,000 such faults, 5,600-5,800 at 200.
// Side by side over 6 pairs, 200 checked them in 0.39-0.41 s against
// 0.42-0.48 s, and 2,000 crawled testdata shops as fast or faster; the peak
// of 1,000 small pages is 33 MB instead of 47. The soft memory limit still
// bounds the heap of big pages.
const checkGCPercent = 200

// limitMemory sets a soft memory limit for inFlight targets at once (the
// garbage collector works harder near it; it is never a hard cap), unless
// the user set GOMEMLIMIT, and collects at checkGCPercent, or less as the
// live heap grows (tuneGC), unless the user set GOGC. stop ends the tuning.
func limitMemory(inFlight int) (stop func()) {
	stop = func() {}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(checkGCPercent)
		done := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			tuneGC(done, checkGCPercent)
		}()
		stop = func() {
			close(done)
			<-finished
		}
	}
	if os.Getenv("GOMEMLIMIT") != "" || inFlight < 1 {
		return stop
	}
	debug.SetMemoryLimit(int64(inFlight) * memoryPerTarget)
	return stop
}

// heapHeadroom is how far past the live heap a command's heap may grow
// when its collector runs at a high percent: the light commands hold to it
// by a memory limit set once (collectLess), check by tuning the percent as
// it goes (tuneGC). checkGCPercent lets a heap of a few MB grow threefold,
// but a batch of shops keeps its campaign clues (the targets that share an
// account, a phone, a disclosure) to the end, and at 400 % (the percent
// then) their few tens of MB made a peak of 241 MB for 100,000 crawled
// shops instead of 93 MB for 1,000 (129 MB with the percent tuned down).
const heapHeadroom = 64 << 20

// gcPercentFor is the collector's percent for a live heap of live bytes:
// top while the heap may grow by that much within heapHeadroom, less as it
// grows, never below Go's default of 100.
func gcPercentFor(live uint64, top int) int {
	if live == 0 {
		return top
	}
	p := uint64(heapHeadroom) * 100 / live
	return int(max(100, min(uint64(top), p)))
}

// tuneGC sets the collector's percent to gcPercentFor the live heap after
// each collection (read every quarter of a second) until done is closed.
func tuneGC(done <-chan struct{}, top int) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	cur := top
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if p := gcPercentFor(sample[0].Value.Uint64(), top); p != cur {
			debug.SetGCPercent(p)
			cur = p
		}
	}
}

// lightGCPercent is the garbage collector's percent for commands whose
// live heap is small but which allocate fast: the domain command keeps a few
// MB (the rule data, the results in flight) and allocates a few KB a name,
// so that at the default of 100 the collector ran every few thousand names
// and took about a tenth of the time of a long list.
const lightGCPercent = 400

// collectLess lets the heap grow to lightGCPercent above what is live,
// but by no more than heapHeadroom (a soft memory limit of what is live
// after setup plus that), for a command that holds little. A
// user's GOGC or GOMEMLIMIT wins over either setting. Call it after the
// rule data are loaded: what is live then is what the command keeps.
func collectLess() {
	if os.Getenv("GOGC") != "" {
		return
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		debug.SetMemoryLimit(int64(ms.HeapAlloc) + heapHeadroom)
	}
	debug.SetGCPercent(lightGCPercent)
}

// fitRate lowers the concurrency to what --rate can serve within
// --site-timeout: waiting for the rate limiter counts against a site's time,
// so -c 8 at --rate 0.2 (one request every 5 s over all hosts) would leave
// most sites timing out before their first request. A polite rate should
// make a run slower, not fail it. It says so on w when it changes anything.
func (o *commonOptions) fitRate(w io.Writer) {
	if o.Rate <= 0 {
		return
	}
	pages := float64(max(o.MaxPages, 1)) // a site's requests, its smartphone copy included
	fit := max(int(o.Rate*o.SiteTimeout.Seconds()/pages), 1)
	if fit < o.Concurrency {
		fmt.Fprintf(w, "shopcheck: at --rate %g, a site of up to %d pages takes about %s of requests; %d sites at once would run out of --site-timeout %s waiting their turn: checking %d at a time\n",
			o.Rate, o.MaxPages, time.Duration(pages/o.Rate*float64(time.Second)).Round(time.Second), o.Concurrency, o.SiteTimeout, fit)
		o.Concurrency = fit
	}
	if need := time.Duration(pages / o.Rate * float64(time.Second)); need > o.SiteTimeout {
		fmt.Fprintf(w, "shopcheck: at --rate %g, even one site of %d pages needs about %s, longer than --site-timeout %s: raise --site-timeout or lower --max-pages\n",
			o.Rate, o.MaxPages, need.Round(time.Second), o.SiteTimeout)
	}
}

// inFlight is how many targets can be checked at once: the concurrency,
// or fewer when fewer targets were given.
func (o *commonOptions) inFlight(args int) int {
	if o.List == "" && args < o.Concurrency {
		return args
	}
	return o.Concurrency
}

// failRank is the --fail-on threshold as a rank, 0 for none.
func (o *commonOptions) failRank() int {
	switch o.FailOn {
	case "medium":
		return rules.RiskMedium.Rank()
	case "high":
		return rules.RiskHigh.Rank()
	}
	return 0
}
