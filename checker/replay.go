package checker

import (
	"context"
	"net/url"
	"time"
)

// checkWARC re-checks a target from a stored WARC evidence file, with no
// network: the stored responses are served by URL (redirects and the
// smartphone version included), the stored WHOIS answer stands for WHOIS,
// and the time of the check is the capture time, so that the signs and
// the risk are those of the live check. The crawl options of the capture
// (--max-pages, --mobile, --no-cloaking) are taken from the file when it
// holds them; the rule data (--rules) is the current run's.
//
// The result's target is the file as the user gave it; url, pages and
// checked_at are those of the capture. A file whose digests do not match
// its content is refused (code read): it was changed after capture.
func (c *Checker) checkWARC(ctx context.Context, t Target, now time.Time) *Result {
	maxBody := int64(maxReplayBody)
	if c.opts.MaxBody > 0 {
		maxBody = min(c.opts.MaxBody, maxBody)
	}
	cp, err := readCaptureWithin(ctx, t.Path, maxReplayRecords, maxReplayTotal, maxBody)
	if err != nil {
		return c.failed(t.Raw, nil, err, now)
	}
	start := cp.startURL()
	u, err := url.Parse(start)
	if start == "" || err != nil || u.Host == "" {
		return c.failed(t.Raw, nil, Errorf(CodeRead, "%s holds no HTTP response to check", t.Path), now)
	}
	at := cp.capturedAt()
	if at.IsZero() {
		at = now
	}

	rc := *c
	rc.rec = nil // the file itself is the evidence; a copy of a replay would claim a capture that never happened
	if maxPages, mobile, noCloaking, known := cp.crawlOptions(); known {
		if maxPages > 0 {
			rc.opts.MaxPages = maxPages
			// Written before every request counted, the smartphone copy
			// and a meta refresh's hop came on top of --max-pages.
			rc.opts.firstOnly = cp.info[infoPagesCounted] == ""
		}
		rc.opts.Mobile, rc.opts.NoCloaking = mobile, noCloaking
	} else if mobile {
		rc.opts.Mobile = true
	}
	domain := ""
	if cp.whois != nil {
		domain = cp.whois.Domain
	}
	res := rc.checkURL(ctx, Target{Raw: cp.target(), Kind: TargetURL, URL: u},
		newReplayFetcher(cp), replayWhois{domain: domain, w: cp.storedWhois()}, nil, at)
	res.Target = t.Raw
	return res
}
