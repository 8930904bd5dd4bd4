package chart_test

import (
	"testing"

	"plansite/generator/chart"
	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
	"plansite/generator/progress"
)

// BenchmarkBuild makes the charts of the shipped data and of a synthetic
// dataset (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkBuild(b *testing.B) {
	for _, ds := range benchdata.Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		r := progress.Compute(p, 0)
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := chart.Build(p, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
