package rules

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestWarmAlongsideScoring runs Warm while a site is scored, as a command
// does (in a fresh process the tables are then still being built): both
// finish, no table waiting on another in a cycle, and the signs are those
// of scoring once everything is built.
func TestWarmAlongsideScoring(t *testing.T) {
	dir := filepath.Join("..", "testdata", "fluent", "fluent-fake")
	done := make(chan struct{})
	go func() { Warm(); close(done) }()
	during := Evaluate(flLoadFixture(t, dir), All(), "ja")
	<-done
	Warm() // a second call finds everything built
	after := Evaluate(flLoadFixture(t, dir), All(), "ja")
	if len(during) == 0 || !reflect.DeepEqual(during, after) {
		t.Errorf("signs while warming %v, after %v", during, after)
	}
}
