package message

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// Screener turns message files into results: the message's own signs, a
// check of every URL in it, and the advice of both. Its zero value is not
// usable: Link must be set. A Screener is safe for concurrent use; the
// `message` command screens several files at once as one batch.
type Screener struct {
	// Link checks one URL of a message (a fetch, or by domain alone).
	Link func(ctx context.Context, target string) *checker.Result
	// ByName checks one URL by its name alone, fetching nothing: the
	// links past the first maxURLs of a message get their result so
	// (one for each URL, as the contract asks, without a hundred
	// fetches more). Nil: Link checks them all.
	ByName func(ctx context.Context, target string) *checker.Result
	// Data is the rule data (brands, phrases); nil for the built-in data.
	Data *rules.Data
	// Lang is the language of messages and advice: "ja" or "en".
	Lang string
	// MaxBytes is the most bytes read of one message; <= 0 means
	// DefaultLimit.
	MaxBytes int64
	// Concurrency is the most links checked at once over all the
	// messages being screened (-c): not that many for each message.
	// <= 0 means one.
	Concurrency int
	// Stdin is read for the target "-", once.
	Stdin io.Reader
	// Warn receives a line for each message only partly read (cut at
	// MaxBytes, or parts skipped). Writes may come from several
	// goroutines at once: it must be safe for that. Nil discards them.
	Warn io.Writer
	// Now gives the time stamped on results; nil means time.Now.
	Now func() time.Time

	setup  sync.Once
	rules  []rules.MessageRule
	advice *rules.Advice
	topic  map[string]string // rule id -> advice topic
	brands *rules.BrandSet   // Data's, or the built-in ones
	slots  chan struct{}
	stdin  sync.Once
}

func (sc *Screener) init() {
	sc.setup.Do(func() {
		sc.rules = rules.MessageRules()
		sc.advice = rules.DefaultAdvice()
		sc.topic = map[string]string{}
		for _, r := range sc.rules {
			sc.topic[r.ID] = r.Topic
		}
		sc.slots = make(chan struct{}, max(sc.Concurrency, 1))
		if sc.Data != nil && sc.Data.Brands != nil {
			sc.brands = sc.Data.Brands
		} else {
			sc.brands = rules.DefaultData().Brands
		}
	})
}

// ErrFolder is the error of a folder given as a message.
var ErrFolder = errors.New("is a folder, not a message file (.txt or .eml)")

// ErrStdinTwice is the error of a second "-" target: standard input can be
// read once.
var ErrStdinTwice = errors.New("standard input was already read as another message")

// Screen reads the message named target ("-" for Stdin), scores its own
// signs, checks its URLs and combines them into one result: the message's
// risk is the highest of its own and its links'. A file that cannot be
// read, or is no text, gives an error record.
func (sc *Screener) Screen(ctx context.Context, target string) *checker.Result {
	sc.init()
	now := time.Now
	if sc.Now != nil {
		now = sc.Now
	}
	res := &checker.Result{
		Target: target, Signs: []rules.Sign{}, Advice: []checker.AdviceBlock{},
		Redirects: []string{}, Pages: []checker.PageInfo{}, CheckedAt: now().UTC().Format(time.RFC3339),
		Links: []*checker.Result{},
	}
	m, err := sc.read(target)
	if err != nil {
		code := checker.CodeRead
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrStdinTwice) || errors.Is(err, ErrFolder) {
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
	if strings.TrimSpace(m.Text) == "" && strings.TrimSpace(m.Subject) == "" && len(m.URLs) == 0 && len(m.Attachments) == 0 {
		// Nothing was read: a verdict of low would reassure about a
		// message no one has seen (an empty file, a paste that never
		// came).
		res.Risk = rules.RiskError
		res.Error = &checker.ErrorInfo{Code: checker.CodeInvalidTarget, Message: "empty: " + target + " holds no text to check"}
		return res
	}
	if m.Truncated {
		sc.warn("shopcheck: %s is longer than %d bytes; only its beginning was read\n", target, sc.limit())
	}
	m.DropShownOnly(sc.brands.OfficialHost)
	mail := m.Mail(sc.Data)
	if sg := rules.EvaluateMail(mail, sc.rules, sc.Lang); sg != nil {
		res.Signs = sg
	}
	res.Score, res.Risk = rules.Score(res.Signs)
	if res.Risk.Rank() >= rules.RiskMedium.Rank() {
		// A suspect message's own accounts and numbers tie it to others
		// (mule accounts of payee-change mails, a fake bill's number);
		// an ordinary notice's customer centre ties nothing.
		for _, c := range rules.MessageClues(mail, callFraud(res.Signs)) {
			res.Clues = append(res.Clues, checker.Clue{Kind: c.Kind, Value: c.Value})
		}
	}
	links, rest := m.URLs, []string(nil)
	if sc.ByName != nil {
		links, rest = PickURLs(m.URLs, maxURLs)
	}
	if len(rest) > 0 {
		res.LinksByName = len(rest)
		sc.warn("shopcheck: %s holds %d links; %d were fetched (one of each site first), %d screened by their names alone\n", target, len(m.URLs), len(links), len(rest))
	}
	res.Links = append(sc.checkLinks(ctx, links, sc.Link), sc.checkLinks(ctx, rest, sc.ByName)...)
	// Addresses a warning quotes defanged are checked like every link
	// (the contract: each URL found, its risk the message's), and marked,
	// so that the reader is told the message quotes them.
	for _, q := range mail.Quoted() {
		for _, l := range res.Links {
			if l.Target == q {
				l.Quoted = true
			}
		}
	}
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
		msg := fmt.Sprintf("%d part(s) of the mail were not read: nested more than %d levels deep or after the %dth part, as no ordinary mail is; what they hold is unknown", m.SkippedParts, maxDepth, maxParts)
		sc.warn("shopcheck: %s: %s\n", target, msg)
		if res.Risk.Rank() < rules.RiskMedium.Rank() {
			res.Risk = rules.RiskError
			res.Error = &checker.ErrorInfo{Code: checker.CodeRead, Message: msg}
		}
	}
	res.Advice = sc.adviceFor(res)
	return res
}

// callFraud reports whether one of signs is a fraud that makes the reader
// call a number (a fake bill, a fake police officer or office, a support
// scam, a relative in trouble): its number is then the gang's, and a clue.
func callFraud(signs []rules.Sign) bool {
	return slices.ContainsFunc(signs, func(s rules.Sign) bool {
		switch s.ID {
		case "mail-fake-bill", "mail-fake-police", "mail-support-scam", "mail-refund-atm", "mail-phone-stop", "mail-fake-embassy", "mail-relative-trouble":
			return true
		}
		return false
	})
}

func (sc *Screener) warn(format string, a ...any) {
	if sc.Warn != nil {
		fmt.Fprintf(sc.Warn, format, a...)
	}
}

// read reads and parses one message file, at most MaxBytes bytes.
func (sc *Screener) read(target string) (*Message, error) {
	var r io.Reader
	if target == "-" {
		first := false
		sc.stdin.Do(func() { first = true })
		if !first {
			return nil, ErrStdinTwice
		}
		r = sc.Stdin
		if r == nil {
			r = eofReader{}
		}
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
			return nil, fmt.Errorf("opening the message: %s: %w", target, ErrFolder)
		}
		r = f
	}
	m, err := Read(r, sc.limit())
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", target, err)
	}
	return m, nil
}

// eofReader is an empty standard input.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// limit is the most bytes read of one message.
func (sc *Screener) limit() int64 {
	if sc.MaxBytes > 0 {
		return sc.MaxBytes
	}
	return DefaultLimit
}

// checkLinks checks each URL, up to Concurrency at once over all the
// messages being screened, and returns the results in the order of the URLs.
func (sc *Screener) checkLinks(ctx context.Context, urls []string, check func(context.Context, string) *checker.Result) []*checker.Result {
	out := make([]*checker.Result, len(urls))
	if len(urls) == 0 {
		return out
	}
	workers := min(max(sc.Concurrency, 1), len(urls))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				sc.slots <- struct{}{}
				out[i] = check(ctx, urls[i])
				<-sc.slots
			}
		})
	}
	for i := range urls {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// adviceFor gives the advice of the topics of the message's signs and of
// its links' signs, billing, phishing, account and shopping before spam.
func (sc *Screener) adviceFor(res *checker.Result) []checker.AdviceBlock {
	var topics, ids []string
	seen := map[string]bool{}
	addTopic := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			topics = append(topics, t)
		}
	}
	for _, s := range res.Signs {
		addTopic(sc.topic[s.ID])
		ids = append(ids, s.ID)
	}
	for _, l := range res.Links {
		if len(l.Signs) == 0 {
			continue // a clean link's default shopping advice is not the message's
		}
		for _, a := range l.Advice {
			addTopic(a.Topic)
		}
		for _, s := range l.Signs {
			ids = append(ids, s.ID)
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
		if lines := sc.advice.LinesFor(t, sc.Lang, ids); len(lines) > 0 {
			out = append(out, checker.AdviceBlock{Topic: t, Lines: lines})
		}
	}
	return out
}

// topicRank orders advice topics: what to do about fraud first, spam last.
func topicRank(t string) int {
	switch t {
	case "scam", "billing":
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
