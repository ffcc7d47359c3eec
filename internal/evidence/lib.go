package evidence

import (
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/google/uuid"
	"github.com/nlnwa/gowarc/v3"
)

// libMu serialises gowarc's constructors. Each of them builds its options
// with uuid.EnableRandPool(), an unsynchronised write to a variable of
// github.com/google/uuid, so two goroutines making a record builder or a
// reader at the same moment race (go test -race reports it). Only the
// constructors are serialised, and they are cheap: building, writing and
// reading records still run in parallel.
var libMu sync.Mutex

// NewRecordBuilder is gowarc.NewRecordBuilder, safe to call from many
// goroutines at once.
func NewRecordBuilder(t gowarc.RecordType, opts ...gowarc.WarcRecordOption) gowarc.WarcRecordBuilder {
	libMu.Lock()
	defer libMu.Unlock()
	return gowarc.NewRecordBuilder(t, opts...)
}

// OpenWARC is gowarc.NewWarcFileReader from the start of the file, safe to
// call from many goroutines at once.
func OpenWARC(path string, opts ...gowarc.WarcRecordOption) (*gowarc.WarcFileReader, error) {
	libMu.Lock()
	defer libMu.Unlock()
	return gowarc.NewWarcFileReader(path, 0, opts...)
}

// NewRecordID makes a WARC-Record-ID, "<urn:uuid:...>", from a random
// (version 4) UUID. It reads crypto/rand directly rather than uuid.New,
// which consults the switch gowarc flips (see libMu).
func NewRecordID() (string, error) {
	u, err := uuid.NewRandomFromReader(rand.Reader)
	if err != nil {
		return "", fmt.Errorf("making a record id: %w", err)
	}
	return "<" + u.URN() + ">", nil
}
