package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// appendResult appends res as one JSON object, byte for byte what
// encoding/json's Encoder (HTML escaping off) writes for it (but for an
// empty, non-nil Links, written as [] where the struct tag would leave it
// out: a message result always has its links), without the
// newline: a batch writes one a target, and reflection plus escaping the
// same advice texts again was most of that cost. known keeps the escaped
// form of long strings seen before (the advice lines, the sign messages of
// common cases); it is bounded.
func appendResult(b []byte, res *checker.Result, known *escapeCache) []byte {
	b = append(b, `{"target":`...)
	b = appendJSONString(b, res.Target)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, res.URL)
	b = append(b, `,"domain":`...)
	b = appendJSONString(b, res.Domain)
	b = append(b, `,"risk":`...)
	b = appendJSONString(b, string(res.Risk))
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(res.Score), 10)
	b = append(b, `,"signs":`...)
	b = appendArray(b, res.Signs, func(b []byte, s rules.Sign) []byte {
		b = append(b, `{"id":`...)
		b = appendJSONString(b, s.ID)
		b = append(b, `,"severity":`...)
		b = appendJSONString(b, string(s.Severity))
		b = append(b, `,"points":`...)
		b = strconv.AppendInt(b, int64(s.Points), 10)
		b = append(b, `,"message":`...)
		b = known.append(b, s.Message)
		b = append(b, `,"evidence":`...)
		b = appendJSONString(b, s.Evidence)
		b = append(b, `,"url":`...)
		b = appendJSONString(b, s.URL)
		return append(b, '}')
	})
	b = append(b, `,"advice":`...)
	b = appendArray(b, res.Advice, func(b []byte, a checker.AdviceBlock) []byte {
		b = append(b, `{"topic":`...)
		b = appendJSONString(b, a.Topic)
		b = append(b, `,"lines":`...)
		b = appendArray(b, a.Lines, known.append)
		return append(b, '}')
	})
	b = append(b, `,"redirects":`...)
	b = appendArray(b, res.Redirects, appendJSONString)
	b = append(b, `,"pages":`...)
	b = appendArray(b, res.Pages, func(b []byte, p checker.PageInfo) []byte {
		b = append(b, `{"url":`...)
		b = appendJSONString(b, p.URL)
		b = append(b, `,"status":`...)
		b = strconv.AppendInt(b, int64(p.Status), 10)
		b = append(b, `,"content_type":`...)
		b = appendJSONString(b, p.ContentType)
		b = append(b, `,"bytes":`...)
		b = strconv.AppendInt(b, int64(p.Bytes), 10)
		b = append(b, `,"truncated":`...)
		b = strconv.AppendBool(b, p.Truncated)
		b = append(b, `,"sha256":`...)
		b = appendJSONString(b, p.SHA256)
		if p.Mobile {
			b = append(b, `,"mobile":true`...)
		}
		if p.Cut != "" {
			b = append(b, `,"cut":`...)
			b = appendJSONString(b, p.Cut)
		}
		return append(b, '}')
	})
	b = append(b, `,"whois":`...)
	if w := res.Whois; w == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"created":`...)
		b = appendJSONString(b, w.Created)
		b = append(b, `,"age_days":`...)
		b = strconv.AppendInt(b, int64(w.AgeDays), 10)
		b = append(b, `,"registrar":`...)
		b = appendJSONString(b, w.Registrar)
		b = append(b, `,"server":`...)
		b = appendJSONString(b, w.Server)
		b = append(b, '}')
	}
	if res.WhoisError != "" { // omitempty
		b = append(b, `,"whois_error":`...)
		b = appendJSONString(b, res.WhoisError)
	}
	if res.HopError != "" { // omitempty
		b = append(b, `,"hop_error":`...)
		b = appendJSONString(b, res.HopError)
	}
	if res.ScriptBuilt { // omitempty
		b = append(b, `,"script_built":true`...)
	}
	if res.DisclosureImage != "" { // omitempty
		b = append(b, `,"disclosure_image":`...)
		b = appendJSONString(b, res.DisclosureImage)
	}
	if len(res.Unread) > 0 { // omitempty
		b = append(b, `,"unread":`...)
		b = appendArray(b, res.Unread, func(b []byte, p checker.PageError) []byte {
			b = append(b, `{"url":`...)
			b = appendJSONString(b, p.URL)
			b = append(b, `,"code":`...)
			b = appendJSONString(b, p.Code)
			b = append(b, `,"message":`...)
			b = appendJSONString(b, p.Message)
			return append(b, '}')
		})
	}
	if e := res.Error; e != nil {
		b = append(b, `,"error":{"code":`...)
		b = appendJSONString(b, e.Code)
		b = append(b, `,"message":`...)
		b = appendJSONString(b, e.Message)
		b = append(b, '}')
	}
	b = append(b, `,"checked_at":`...)
	b = appendJSONString(b, res.CheckedAt)
	if res.Evidence != "" {
		b = append(b, `,"evidence":`...)
		b = appendJSONString(b, res.Evidence)
	}
	if res.Links != nil { // a message result's, [] when it has no URLs
		b = append(b, `,"links":`...)
		b = appendArray(b, res.Links, func(b []byte, l *checker.Result) []byte {
			if l == nil {
				return append(b, "null"...)
			}
			return appendResult(b, l, known)
		})
	}
	if res.LinksByName > 0 { // omitempty
		b = append(b, `,"links_by_name":`...)
		b = strconv.AppendInt(b, int64(res.LinksByName), 10)
	}
	if res.Quoted { // omitempty
		b = append(b, `,"quoted":true`...)
	}
	if len(res.Clues) > 0 { // omitempty
		b = append(b, `,"clues":`...)
		b = appendArray(b, res.Clues, func(b []byte, c checker.Clue) []byte {
			b = append(b, `{"kind":`...)
			b = appendJSONString(b, c.Kind)
			b = append(b, `,"value":`...)
			b = appendJSONString(b, c.Value)
			return append(b, '}')
		})
	}
	return append(b, '}')
}

// appendArray appends list as a JSON array, each element written by each;
// a nil list is null, as encoding/json writes it.
func appendArray[T any](b []byte, list []T, each func([]byte, T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, v)
	}
	return append(b, ']')
}

// escapeCache keeps the JSON form of long strings that come back target
// after target. A nil cache keeps nothing.
type escapeCache struct {
	m map[string][]byte
}

const (
	escapeCacheMin = 48   // shorter strings are escaped each time: as cheap as a look-up
	escapeCacheMax = 1024 // entries; beyond it new strings are escaped each time
)

func (c *escapeCache) append(b []byte, s string) []byte {
	if c == nil || len(s) < escapeCacheMin {
		return appendJSONString(b, s)
	}
	if q, ok := c.m[s]; ok {
		return append(b, q...)
	}
	n := len(b)
	b = appendJSONString(b, s)
	if len(c.m) < escapeCacheMax {
		if c.m == nil {
			c.m = make(map[string][]byte)
		}
		c.m[s] = append([]byte(nil), b[n:]...)
	}
	return b
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off: quotes, backslashes and control characters
// escaped (\b \f \n \r \t short), invalid UTF-8 as \ufffd, and U+2028 and
// U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// A rune of U+3000 to U+9FFF (kana, kanji, CJK punctuation:
			// most of Japanese text), always valid and never escaped:
			// copied as written.
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
