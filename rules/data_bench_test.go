package rules

import "testing"

// BenchmarkLoadData measures what every process pays once at start-up:
// reading the embedded brands and building their indexes.
func BenchmarkLoadData(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadData(); err != nil {
			b.Fatal(err)
		}
	}
}
