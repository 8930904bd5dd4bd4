package opendata

import (
	"testing"

	"plansite/generator/internal/benchdata"
	"plansite/generator/progress"
)

// BenchmarkXLSX writes the four tables' workbooks one after another: the
// shipped data and a synthetic country (a tenth of it unless
// PLANSITE_BENCH_NATIONAL=1). It reports the workbooks' bytes.
func BenchmarkXLSX(b *testing.B) {
	for _, ds := range benchdata.Plans(b) {
		r := progress.Compute(ds.Plan, 0)
		tables := []*table{indicators(ds.Plan, r), observations(ds.Plan, r), districts(ds.Plan, r), budgets(ds.Plan, r)}
		b.Run(ds.Name, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				size = 0
				for _, t := range tables {
					x, err := t.xlsx()
					if err != nil {
						b.Fatal(err)
					}
					size += len(x)
				}
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
