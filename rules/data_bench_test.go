package rules

import "testing"

// BenchmarkLoadData measures what every process pays once at start-up:
// reading the embedded brands and indexing their official domains (the
// look-alike index is built on first use: BenchmarkLoadDataLookalike).
func BenchmarkLoadData(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadData(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDataLookalike measures loading the data and building the
// look-alike index: what a process pays once before its first host name is
// matched.
func BenchmarkLoadDataLookalike(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := LoadData()
		if err != nil {
			b.Fatal(err)
		}
		d.Brands.Warm()
	}
}
