package chart_test

import (
	"testing"

	"plansite/generator/chart"
	"plansite/generator/internal/benchdata"
	"plansite/generator/progress"
)

// BenchmarkBuild makes the charts of the shipped data and of a synthetic
// dataset (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkBuild(b *testing.B) {
	for _, ds := range benchdata.Plans(b) {
		r := progress.Compute(ds.Plan, 0)
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := chart.Build(ds.Plan, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
