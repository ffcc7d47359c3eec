// Package checker turns a target (a URL, a domain, a saved page or a WARC
// file) into a Result: it fetches safely, crawls the pages that matter,
// asks WHOIS/RDAP, and scores the signs from package rules. All I/O sits
// behind the small interfaces in this package so that tests can replace it.
package checker

import (
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// Result is the outcome of checking one target, in the shape of the JSON
// contract (one line a target with --format json).
type Result struct {
	Target    string        `json:"target"`
	URL       string        `json:"url"`
	Domain    string        `json:"domain"`
	Risk      rules.Risk    `json:"risk"`
	Score     int           `json:"score"`
	Signs     []rules.Sign  `json:"signs"`
	Advice    []AdviceBlock `json:"advice"`
	Redirects []string      `json:"redirects"`
	Pages     []PageInfo    `json:"pages"`
	Whois     *WhoisInfo    `json:"whois"`
	// WhoisError says why the domain's age is unknown when the registry
	// could not be asked (a timeout, a refused connection, an answer that
	// could not be read): beside the contract's whois, which is null
	// alike for "not looked up", "no such domain" and this. The domain-new
	// sign could not be scored; the result says so rather than nothing.
	WhoisError string `json:"whois_error,omitempty"`
	// HopError says, when the first page only sends the browser on (a
	// script's location or a quick meta refresh) or shows another site's
	// page in its place (a frame), and that page could not be read, where it sends it and why that failed: the
	// verdict then rests on the stub alone. Beside the contract's fields.
	HopError string `json:"hop_error,omitempty"`
	// ScriptBuilt is true when the page judged has next to no text of its
	// own and runs scripts: what a browser shows there is built by code
	// shopcheck does not run, so the verdict may miss it. Beside the
	// contract's fields; left out when false.
	ScriptBuilt bool `json:"script_built,omitempty"`
	// DisclosureImage is the address of the seller disclosure
	// (特定商取引法に基づく表記) when it is drawn as an image, which shopcheck
	// does not read: its seller, address and phone were not judged.
	// Beside the contract's fields; left out when empty.
	DisclosureImage string `json:"disclosure_image,omitempty"`
	// Unread lists the pages of the site that the crawl tried and could
	// not read (a timeout, --site-timeout running out, a refused
	// connection): the verdict rests on the pages in Pages alone, and a
	// shop whose 特定商取引法 page timed out may look cleaner than it is.
	// Beside the contract's fields; left out when empty.
	Unread    []PageError `json:"unread,omitempty"`
	Error     *ErrorInfo  `json:"error,omitempty"`
	CheckedAt string      `json:"checked_at"`
	// Evidence is the name of the WARC file in --evidence DIR that holds
	// what this check fetched, so that a report line and its evidence can
	// be joined (two lines reporting one URL with two notes are two
	// checks, two files). Beside the contract's fields; left out when
	// no evidence is kept.
	Evidence string `json:"evidence,omitempty"`
	// Links holds one result for each URL in a message (`message` only):
	// written whenever it is not nil, as [] for a message without URLs, so
	// that scripts can read it on every message result. The JSON writer in
	// internal/report does that; encoding/json would leave an empty one out.
	Links []*Result `json:"links,omitempty"`
	// LinksByName is how many of a message's links were screened by their
	// names alone, fetching nothing (those past the first 100, which are
	// fetched: one of each site first). Beside the contract's fields;
	// written only when set.
	LinksByName int `json:"links_by_name,omitempty"`
	// Quoted is true on a message's link that the message quotes
	// defanged (hxxps://, example[.]top) as a warning does (a bank's or
	// the police's, quoting a lure): checked and counted like any link,
	// marked so that the reader is told. Beside the contract's fields.
	Quoted bool `json:"quoted,omitempty"`
	// Clues are values that tie sites together into campaigns (bank
	// accounts, phones, e-mail addresses, a digest of the seller
	// disclosure). Not part of the contract; used for clustering.
	Clues []Clue `json:"clues,omitempty"`
}

// AdviceBlock is the advice for one topic.
type AdviceBlock struct {
	Topic string   `json:"topic"`
	Lines []string `json:"lines"`
}

// PageInfo describes one fetched page.
type PageInfo struct {
	URL         string `json:"url"`
	Status      int    `json:"status"`
	ContentType string `json:"content_type"`
	Bytes       int    `json:"bytes"`
	Truncated   bool   `json:"truncated"`
	SHA256      string `json:"sha256"`
	// Mobile is true for a page fetched as a smartphone: the second copy
	// of the first page that the cloaking sign compares, or every page
	// with --mobile. Beside the contract's fields; written only when true.
	Mobile bool `json:"mobile,omitempty"`
	// Cut says why the body stopped short of its end when the server
	// stalled or closed the connection: the page is scored on what
	// arrived, as one cut at --max-body is, but truncated stays false,
	// which the contract keeps for that cap (the page was not too large:
	// it was not all sent). Beside the contract's fields; written only
	// when set.
	Cut string `json:"cut,omitempty"`
}

// PageError is a page the crawl could not read, and why.
type PageError struct {
	URL     string `json:"url"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// WhoisInfo is the contract's whois block.
type WhoisInfo struct {
	Created   string `json:"created"`
	AgeDays   int    `json:"age_days"`
	Registrar string `json:"registrar"`
	Server    string `json:"server"`
}

// ErrorResult is the record of a target that could not be checked at all
// (a list line that is no target, an internal failure): risk "error" and
// the contract's arrays empty, never null, as on every other record.
func ErrorResult(target, code, message string, now time.Time) *Result {
	return &Result{
		Target: target, Risk: rules.RiskError,
		Signs: []rules.Sign{}, Advice: []AdviceBlock{}, Redirects: []string{}, Pages: []PageInfo{},
		Error:     &ErrorInfo{Code: code, Message: message},
		CheckedAt: now.UTC().Format(time.RFC3339),
	}
}

// ErrorInfo is the contract's error block.
type ErrorInfo struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Clue is one campaign clue: Kind is "account", "phone", "email" or
// "disclosure"; Value is normalised so that equal values mean the same thing.
type Clue struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// setWhoisError notes a failed WHOIS/RDAP lookup (nil: none).
func (r *Result) setWhoisError(err error) {
	if err != nil {
		r.WhoisError = errorMessage(err)
	}
}
