package batch

import (
	"container/list"
	"fmt"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
)

// refLRU is a plain LRU on container/list: what lru must do.
type refLRU struct {
	n   int
	ll  *list.List
	idx map[string]*list.Element
}

type refEntry struct {
	target string
	res    *checker.Result
}

func (c *refLRU) get(target string) *checker.Result {
	if e, ok := c.idx[target]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*refEntry).res
	}
	return nil
}

func (c *refLRU) put(target string, res *checker.Result) {
	if e, ok := c.idx[target]; ok {
		e.Value.(*refEntry).res = res
		c.ll.MoveToFront(e)
		return
	}
	c.idx[target] = c.ll.PushFront(&refEntry{target, res})
	if c.ll.Len() > c.n {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.idx, last.Value.(*refEntry).target)
	}
}

// TestLRUMatchesReference runs the same random gets and puts on lru and on
// a list-based LRU, for windows of one, a few and more entries.
func TestLRUMatchesReference(t *testing.T) {
	for _, n := range []int{1, 2, 3, 8, 50} {
		c := newLRU(n)
		ref := &refLRU{n: n, ll: list.New(), idx: map[string]*list.Element{}}
		x := uint32(n)
		for step := 0; step < 20000; step++ {
			x = x*1664525 + 1013904223
			target := fmt.Sprintf("t%d", (x>>8)%uint32(3*n+2))
			if x>>30 < 2 {
				res := &checker.Result{Target: target, Score: step}
				c.put(target, res)
				ref.put(target, res)
				continue
			}
			if got, want := c.get(target), ref.get(target); got != want {
				t.Fatalf("n=%d step %d: get(%s) = %v, want %v", n, step, target, got, want)
			}
		}
		if len(c.idx) != ref.ll.Len() {
			t.Errorf("n=%d: %d remembered, want %d", n, len(c.idx), ref.ll.Len())
		}
	}
}
