package checker

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	whoisparser "github.com/likexian/whois-parser"
)

// WhoisRecord is what shopcheck reads from a WHOIS answer.
type WhoisRecord struct {
	Created    time.Time
	Expires    time.Time
	Registrar  string
	Registrant string
}

// jst is Japan Standard Time, in which JPRS writes its dates.
var jst = time.FixedZone("JST", 9*3600)

// ParseWhois reads the creation date (and what else it can) from a WHOIS
// answer about domain. JPRS answers (.jp, in English or Japanese, general
// and attribute domains such as co.jp) are read by shopcheck's own parser;
// others by whois-parser, with a plain key scan as a fallback. It returns
// errNotFound when the registry says it has no such domain, and a record
// with a zero Created when the answer has the domain but no date.
func ParseWhois(domain, raw string) (WhoisRecord, error) {
	if strings.TrimSpace(raw) == "" {
		return WhoisRecord{}, errors.New("empty answer")
	}
	if rec, ok := parseJPRS(raw); ok {
		return rec, nil
	}
	rec, found := parseWhoisKeys(raw)
	if rec.Created.IsZero() {
		if whoisNotFound(raw) {
			return WhoisRecord{}, errNotFound
		}
		if whoisLimited(raw) {
			return WhoisRecord{}, errors.New("the server refused: query limit")
		}
	}
	if rec.Created.IsZero() || rec.Registrar == "" {
		if info, err := safeWhoisParse(raw); err == nil && info.Domain != nil {
			found = true
			if rec.Created.IsZero() && info.Domain.CreatedDateInTime != nil {
				if t := *info.Domain.CreatedDateInTime; plausibleDate(t) {
					rec.Created = t.UTC()
				}
			}
			if rec.Registrar == "" && info.Registrar != nil {
				rec.Registrar = info.Registrar.Name
			}
		}
	}
	if !found {
		return WhoisRecord{}, fmt.Errorf("no domain record in the answer about %s", domain)
	}
	return rec, nil
}

// safeWhoisParse runs whois-parser, which must not take the program down
// on a hostile answer.
func safeWhoisParse(raw string) (info whoisparser.WhoisInfo, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("whois-parser: %v", r)
		}
	}()
	return whoisparser.Parse(raw)
}

// jprsLine matches a JPRS line: "a. [Domain Name]   EXAMPLE.CO.JP" or
// "[Created on]   2005/05/30".
var jprsLine = regexp.MustCompile(`^\s*(?:[a-z]\.\s*)?\[([^\]]+)\]\s*(.*?)\s*$`)

// parseJPRS reads a JPRS answer. ok is false when raw is not one.
func parseJPRS(raw string) (WhoisRecord, bool) {
	var rec WhoisRecord
	jprs := false
	var connected time.Time
	for _, l := range strings.Split(raw, "\n") {
		m := jprsLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(m[1]))
		val := strings.TrimSpace(m[2])
		switch key {
		case "domain name", "ドメイン名":
			jprs = true
		case "created on", "registered date", "登録年月日", "作成日", "登録日":
			if t, ok := parseWhoisDate(val, jst); ok && rec.Created.IsZero() {
				rec.Created = t
			}
		case "connected date", "接続年月日":
			connected, _ = parseWhoisDate(val, jst)
		case "expires on", "有効期限":
			rec.Expires, _ = parseWhoisDate(val, jst)
		case "state", "状態":
			// co.jp and friends: "Connected (2026/09/30)" gives the expiry.
			if i := strings.Index(val, "("); i >= 0 {
				if t, ok := parseWhoisDate(val[i+1:], jst); ok {
					rec.Expires = t
				}
			}
		case "registrant", "登録者名":
			if rec.Registrant == "" {
				rec.Registrant = val
			}
		case "organization", "組織名":
			if rec.Registrant == "" {
				rec.Registrant = val
			}
		}
	}
	_ = connected // kept apart: a connection date is not a registration date
	if !jprs {
		if strings.Contains(raw, "JPRS") && strings.Contains(raw, "No match!!") {
			return WhoisRecord{}, false // not found: left to whoisNotFound
		}
		return WhoisRecord{}, false
	}
	return rec, true
}

// creationKeys are the keys of the creation date in registry and registrar
// answers, lower case.
var creationKeys = map[string]bool{
	"creation date": true, "created": true, "created on": true, "created date": true,
	"registered on": true, "registered": true, "registration time": true,
	"registration date": true, "domain registration date": true, "record created": true,
	"domain create date": true, "create date": true, "domain name commencement date": true,
	"registered date": true, "domain record activated": true,
}

// parseWhoisKeys scans "Key: value" lines for the creation date and the
// registrar; found is true when the answer names a domain.
func parseWhoisKeys(raw string) (rec WhoisRecord, found bool) {
	for _, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '%' || l[0] == '#' || l[0] == '>' {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case k == "domain name" || k == "domain":
			found = true
		case creationKeys[k]:
			if t, ok := parseWhoisDate(v, time.UTC); ok && rec.Created.IsZero() {
				rec.Created = t
			}
		case k == "registrar" || k == "registrar name" || k == "sponsoring registrar":
			if rec.Registrar == "" && v != "" {
				rec.Registrar = v
			}
		}
	}
	return rec, found
}

var (
	ymdDate = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	dmyDate = regexp.MustCompile(`(?i)\b(\d{1,2})[-/. ]([a-z]{3})[a-z]*[-/. ](\d{4})\b`)
	dmyNum  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	months  = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// parseWhoisDate finds a date in v: 2005/05/30, 2005-05-30T04:00:00Z,
// 2005年5月30日, 30-May-2005, 30.05.2005. The day is taken in loc.
func parseWhoisDate(v string, loc *time.Location) (time.Time, bool) {
	if len(v) > 200 {
		v = v[:200]
	}
	var y, d int
	var mo time.Month
	if m := ymdDate.FindStringSubmatch(v); m != nil {
		y, _ = strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		mo = time.Month(mi)
		d, _ = strconv.Atoi(m[3])
	} else if m := dmyDate.FindStringSubmatch(v); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo = months[strings.ToLower(m[2])]
		y, _ = strconv.Atoi(m[3])
	} else if m := dmyNum.FindStringSubmatch(v); m != nil {
		d, _ = strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		mo = time.Month(mi)
		y, _ = strconv.Atoi(m[3])
	} else {
		return time.Time{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, loc)
	if t.Day() != d || !plausibleDate(t) {
		return time.Time{}, false
	}
	return t, true
}

// plausibleDate rejects dates before the DNS or after tomorrow.
func plausibleDate(t time.Time) bool {
	return t.Year() >= 1985 && t.Before(time.Now().Add(48*time.Hour))
}

func whoisNotFound(raw string) bool {
	l := strings.ToLower(raw)
	for _, p := range []string{"no match!!", "no match for", "not found", "no data found", "no entries found",
		"domain not found", "status: free", "status: available", "is available for registration",
		"no object found", "object does not exist", "該当するデータがありません"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

func whoisLimited(raw string) bool {
	l := strings.ToLower(raw)
	for _, p := range []string{"limit exceeded", "too many queries", "query rate", "exceeded the maximum",
		"try again later", "quota exceeded"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}
