package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/internal/message"
	"github.com/shopcheck/shopcheck/rules"
)

type messageOptions struct {
	commonOptions
	// NoFetch screens the message's URLs by domain alone.
	NoFetch bool
	Files   []string
}

func newMessageCmd(s *Streams) *cobra.Command {
	o := &messageOptions{}
	cmd := &cobra.Command{
		Use:   "message [FILE...]",
		Short: "Screen an SMS or e-mail (text or .eml): its own signs and every URL in it",
		Long: `SMSやメール（テキスト・.emlファイル）を読み、文面の兆候を調べ、含まれるURLをすべて確認します。

Read each FILE (an SMS or e-mail saved as text, or an .eml file; standard input when no
FILE is given, or for "-"), score the message's own warning signs (requests for PINs or
card data, suspension and delivery lures, fake bills, a sender or links that are not the
brand's) and check every URL found in it, defanged ones (hxxps, [.]) included. The
message's risk is the highest of its own and its links'.`,
		Example: `  shopcheck message sms.txt
  pbpaste | shopcheck message
  shopcheck message suspicious.eml --json
  shopcheck message --no-fetch --no-whois mail.eml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			if err := o.validate(cmd.Flags()); err != nil {
				return err
			}
			return runMessage(cmd.Context(), s, o)
		},
	}
	addCommonFlags(cmd, &o.commonOptions, flagSet{fetch: true, whois: true})
	cmd.Flags().BoolVar(&o.NoFetch, "no-fetch", false, "screen the message's URLs by domain alone, fetch nothing")
	return cmd
}

// runMessage screens each message file as one target of a batch (so that
// -l, -o, --format, --resume and --fail-on work as for check).
func runMessage(ctx context.Context, s *Streams, o *messageOptions) error {
	files := o.Files
	if len(files) == 0 && o.List == "" {
		files = []string{"-"}
	}
	if o.List == "-" {
		for _, f := range files {
			if f == "-" {
				return usageError("standard input cannot be both the list (-l -) and a message (-)")
			}
		}
	}
	c, data, closeFn, err := o.setup()
	if err != nil {
		return err
	}
	defer closeFn()
	// Messages are screened several at once and note what they could not
	// read on stderr, where the progress bar is drawn too: one lock.
	locked := *s
	locked.Err = &syncWriter{w: s.Err}
	s = &locked
	sc := &messageScreener{
		s: s, o: o, data: data, rules: rules.MessageRules(), adv: rules.DefaultAdvice(),
		link: c.Check, now: time.Now, slots: make(chan struct{}, max(o.Concurrency, 1)),
	}
	if o.NoFetch {
		sc.link = c.CheckDomain
	}
	return runBatch(ctx, s, &o.commonOptions, files, sc.screen)
}

// syncWriter writes each call whole, one at a time.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// messageScreener turns one message file into a result.
type messageScreener struct {
	s     *Streams
	o     *messageOptions
	data  *rules.Data
	rules []rules.MessageRule
	adv   *rules.Advice
	// link checks one URL of a message (a fetch, or by domain alone).
	link  func(ctx context.Context, target string) *checker.Result
	now   func() time.Time
	stdin sync.Once
	// slots holds the links checked at once, over all messages: -c is
	// what is checked at once, not -c links for each of -c messages.
	slots chan struct{}
}

// screen reads the message named target ("-" for standard input), scores
// its own signs, checks its URLs and combines them into one result.
func (sc *messageScreener) screen(ctx context.Context, target string) *checker.Result {
	now := sc.now()
	res := &checker.Result{
		Target: target, Signs: []rules.Sign{}, Advice: []checker.AdviceBlock{},
		Redirects: []string{}, Pages: []checker.PageInfo{}, CheckedAt: now.UTC().Format(time.RFC3339),
		Links: []*checker.Result{},
	}
	m, err := sc.read(target)
	if err != nil {
		code := checker.CodeRead
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errStdinTwice) || errors.Is(err, errFolder) {
			code = checker.CodeInvalidTarget
		}
		res.Risk = rules.RiskError
		res.Error = &checker.ErrorInfo{Code: code, Message: err.Error()}
		return res
	}
	if m.NotText {
		res.Risk = rules.RiskError
		res.Error = &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: "not text: " + target + " is an image or another file, not the text of a message (a screenshot cannot be read): save the message's text as .txt or .eml"}
		return res
	}
	if m.Truncated {
		fmt.Fprintf(sc.s.Err, "shopcheck: %s is longer than %d bytes; only its beginning was read\n", target, sc.limit())
	}
	if sc.data != nil && sc.data.Brands != nil {
		m.DropShownOnly(sc.data.Brands.OfficialHost)
	}
	if sg := rules.EvaluateMail(m.Mail(sc.data), sc.rules, sc.o.Lang); sg != nil {
		res.Signs = sg
	}
	res.Score, res.Risk = rules.Score(res.Signs)
	res.Links = sc.checkLinks(ctx, m.URLs)
	for _, l := range res.Links {
		if l.Risk != rules.RiskError && l.Risk.Rank() > res.Risk.Rank() {
			res.Risk = l.Risk
		}
		if l.Score > res.Score {
			res.Score = l.Score
		}
	}
	if m.SkippedParts > 0 {
		// Parts nested beyond any real mail's depth, or past the 200th,
		// were not read: what they say is unknown, so the mail cannot
		// be called harmless.
		msg := fmt.Sprintf("%d part(s) of the mail were not read: nested more than 8 levels deep or after the 200th part, as no ordinary mail is; what they hold is unknown", m.SkippedParts)
		fmt.Fprintf(sc.s.Err, "shopcheck: %s: %s\n", target, msg)
		if res.Risk.Rank() < rules.RiskMedium.Rank() {
			res.Risk = rules.RiskError
			res.Error = &checker.ErrorInfo{Code: checker.CodeRead, Message: msg}
		}
	}
	res.Advice = sc.advice(res)
	return res
}

// errFolder is the error of a folder given as a message.
var errFolder = errors.New("is a folder, not a message file (.txt or .eml)")

// errStdinTwice is the error of a second "-" target: standard input can be
// read once.
var errStdinTwice = errors.New("standard input was already read as another message")

// read reads and parses one message file, at most --max-body bytes.
func (sc *messageScreener) read(target string) (*message.Message, error) {
	var r io.Reader
	if target == "-" {
		first := false
		sc.stdin.Do(func() { first = true })
		if !first {
			return nil, errStdinTwice
		}
		r = sc.s.In
	} else {
		f, err := os.Open(target)
		if errors.Is(err, fs.ErrNotExist) {
			// The same words on every system (the text view tells a
			// missing file by them).
			return nil, fmt.Errorf("no such file or folder: %s: %w", target, fs.ErrNotExist)
		}
		if err != nil {
			return nil, fmt.Errorf("opening the message: %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("opening the message: %s: %w", target, errFolder)
		}
		r = f
	}
	m, err := message.Read(r, sc.limit())
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", target, err)
	}
	return m, nil
}

// limit is the most bytes read of one message: --max-body.
func (sc *messageScreener) limit() int64 {
	if sc.o.MaxBody > 0 {
		return sc.o.MaxBody
	}
	return message.DefaultLimit
}

// checkLinks checks each URL, up to --concurrency at once over all the
// messages being screened, and returns the results in the order of the URLs.
func (sc *messageScreener) checkLinks(ctx context.Context, urls []string) []*checker.Result {
	out := make([]*checker.Result, len(urls))
	workers := min(max(sc.o.Concurrency, 1), len(urls))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sc.slots <- struct{}{}
				out[i] = sc.link(ctx, urls[i])
				<-sc.slots
			}
		}()
	}
	for i := range urls {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// advice gives the advice of the topics of the message's signs and of its
// links' signs, billing, phishing, account and shopping before spam; a
// message where nothing was found gets the advice on unsolicited mail.
func (sc *messageScreener) advice(res *checker.Result) []checker.AdviceBlock {
	topicOf := map[string]string{}
	for _, r := range sc.rules {
		topicOf[r.ID] = r.Topic
	}
	var topics []string
	seen := map[string]bool{}
	addTopic := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			topics = append(topics, t)
		}
	}
	for _, s := range res.Signs {
		addTopic(topicOf[s.ID])
	}
	for _, l := range res.Links {
		for _, a := range l.Advice {
			if len(l.Signs) > 0 { // a clean link's default shopping advice is not the message's
				addTopic(a.Topic)
			}
		}
	}
	if len(topics) == 0 {
		// No sign: the care every message deserves (a bank never asks
		// for a PIN by mail; open the official app yourself), not the
		// spam advice, which would call a genuine notice spam.
		topics = []string{"phishing"}
	}
	// The advice for being cheated comes before that on spam (an
	// executable attachment's sign is spam's, a fake bill's billing).
	slices.SortStableFunc(topics, func(a, b string) int { return topicRank(a) - topicRank(b) })
	out := []checker.AdviceBlock{}
	for _, t := range topics {
		if lines := sc.adv.Lines(t, sc.o.Lang); len(lines) > 0 {
			out = append(out, checker.AdviceBlock{Topic: t, Lines: lines})
		}
	}
	return out
}

// topicRank orders advice topics: what to do about fraud first, spam last.
func topicRank(t string) int {
	switch t {
	case "billing":
		return 0
	case "phishing":
		return 1
	case "account":
		return 2
	case "shopping":
		return 3
	}
	return 4
}
