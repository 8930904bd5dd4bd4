package plan_test

import (
	"testing"

	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
	"plansite/generator/plan"
)

// BenchmarkNewIndex indexes the shipped data and a synthetic dataset,
// loaded once (PLANSITE_BENCH_NATIONAL=1 for national scale): the part of
// progress.Compute that builds the index every later stage reads.
func BenchmarkNewIndex(b *testing.B) {
	for _, ds := range benchdata.Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				plan.NewIndex(p)
			}
		})
	}
}
