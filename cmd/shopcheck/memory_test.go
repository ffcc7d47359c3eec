package main

import "testing"

// TestGCPercentFor checks the collector's percent as the live heap grows:
// the full percent while the heap's growth fits in heapHeadroom, then less,
// down to Go's default and no lower.
func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},
		{1 << 20, 400},
		{16 << 20, 400},
		{20 << 20, 320},
		{32 << 20, 200},
		{64 << 20, 100},
		{1 << 30, 100},
	} {
		if got := gcPercentFor(c.live, 400); got != c.want {
			t.Errorf("gcPercentFor(%d MB, 400) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
