package load_test

import (
	"testing"

	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
)

// BenchmarkDir reads the shipped data and a synthetic dataset
// (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkDir(b *testing.B) {
	for _, ds := range benchdata.Datasets(b) {
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, probs := load.Dir(ds.Dir); probs.Fatal() {
					b.Fatal(probs)
				}
			}
		})
	}
}
