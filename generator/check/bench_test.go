package check_test

import (
	"testing"

	"plansite/generator/check"
	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
)

// BenchmarkPlan checks the shipped data and a synthetic dataset, loaded
// once (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkPlan(b *testing.B) {
	for _, ds := range benchdata.Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if probs := check.Plan(p); probs.Fatal() {
					b.Fatal(probs)
				}
			}
		})
	}
}
