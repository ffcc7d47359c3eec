package batch

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/internal/report"
)

// BenchmarkDo measures what the batch itself costs a target: reading the
// list, the worker pool, dedup, the tally and a JSON line written, with a
// check that returns at once. Compare with the checker's own cost a target
// (milliseconds: fetching and scoring) to see that the batch adds little.
func BenchmarkDo(b *testing.B) {
	var list strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&list, "https://site%05d.example/item/%d\n", i, i)
	}
	text := list.String()
	f := newFake()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, err := Do(context.Background(), Config{List: "-", Stdin: strings.NewReader(text), Stdout: io.Discard,
			Format: "json", Report: report.Options{Lang: "ja"}}, f.check)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000), "ns/target")
}
