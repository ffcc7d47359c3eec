package checker

import (
	"errors"
	"fmt"
)

// The error codes of the contract (error.code).
const (
	CodeInvalidTarget     = "invalid-target"
	CodeUnsupportedScheme = "unsupported-scheme"
	CodeBlockedAddress    = "blocked-address"
	CodeDNS               = "dns"
	CodeConnect           = "connect"
	CodeTLS               = "tls"
	CodeTimeout           = "timeout"
	CodeHTTPStatus        = "http-status"
	CodeTooManyRedirects  = "too-many-redirects"
	CodeRead              = "read"
)

// CodeNotSaved is the code of an unread page (Result.Unread, beside the
// contract) that a saved page links to as its seller disclosure but that
// was not saved with it: nothing failed, there was nothing to read.
const CodeNotSaved = "not-saved"

// InternalPrefix begins the message of an error record for a check that
// failed inside shopcheck (a panic), not because of its target. Its code
// is read, the contract's nearest; the report tells the two apart by this.
const InternalPrefix = "internal error"

// Error is a failure to read a target, with the contract's code.
type Error struct {
	Code string
	// Msg says what went wrong in plain words (English; the printer
	// translates by code).
	Msg string
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Msg, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// RedirectedError is a fetch that failed after it was sent on: Err is why
// (its code is the result's), URL where the last redirect led (the final
// URL the result names and scores without a page: a short link to a
// look-alike that is down is still the look-alike's), Redirects the
// addresses passed through.
type RedirectedError struct {
	Err       error
	URL       string
	Redirects []string
}

func (e *RedirectedError) Error() string { return e.Err.Error() }

func (e *RedirectedError) Unwrap() error { return e.Err }

// CodeOf returns the contract code of err, or "read" when it has none.
func CodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeRead
}
