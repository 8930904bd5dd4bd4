package check_test

import (
	"testing"

	"plansite/generator/check"
	"plansite/generator/internal/benchdata"
)

// BenchmarkPlan checks the shipped data and a synthetic dataset, loaded
// once (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkPlan(b *testing.B) {
	for _, ds := range benchdata.Plans(b) {
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if probs := check.Plan(ds.Plan); probs.Fatal() {
					b.Fatal(probs)
				}
			}
		})
	}
}
