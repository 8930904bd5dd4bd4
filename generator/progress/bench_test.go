package progress_test

import (
	"testing"

	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
	"plansite/generator/progress"
)

// BenchmarkCompute computes the progress of the shipped data and of a
// synthetic dataset, loaded once (PLANSITE_BENCH_NATIONAL=1 for national
// scale).
func BenchmarkCompute(b *testing.B) {
	for _, ds := range benchdata.Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				progress.Compute(p, 0)
			}
		})
	}
}
