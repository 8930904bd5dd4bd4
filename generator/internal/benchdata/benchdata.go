// Package benchdata gives the benchmarks of the generator's stages their
// data: the shipped data/ and a synthetic dataset written by package synth
// into the benchmark's temporary folder. The synthetic dataset is a tenth
// of national scale, so that a run of every benchmark stays short;
// PLANSITE_BENCH_NATIONAL=1 asks for the whole country (63 provinces,
// 700 districts, 10,600 communes).
//
// Sub-benchmarks are named data=shipped and data=synth-tenth (or
// data=synth-national), which benchstat reads as a configuration key.
package benchdata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/synth"
)

// A Dataset is a data folder to benchmark with.
type Dataset struct {
	Name string // sub-benchmark name: data=shipped, data=synth-tenth, data=synth-national
	Dir  string
}

// Tenth is a tenth of national scale: 6 provinces, 70 districts, 1,060
// communes, 6 years.
func Tenth() synth.Options {
	return synth.Options{Provinces: 6, Districts: 70, Communes: 1060, Years: 6, Seed: 1}
}

// Scale is the synthetic dataset's options and name: national when
// PLANSITE_BENCH_NATIONAL=1, else a tenth of it.
func Scale() (synth.Options, string) {
	if os.Getenv("PLANSITE_BENCH_NATIONAL") == "1" {
		return synth.National(), "synth-national"
	}
	return Tenth(), "synth-tenth"
}

// Datasets are the shipped data and a synthetic dataset written into a
// temporary folder of b.
func Datasets(b *testing.B) []Dataset {
	b.Helper()
	o, name := Scale()
	dir := filepath.Join(b.TempDir(), "data")
	if err := synth.Write(dir, o); err != nil {
		b.Fatal(err)
	}
	return []Dataset{{Name: "data=shipped", Dir: Shipped()}, {Name: "data=" + name, Dir: dir}}
}

// A Plan is a dataset loaded, for the benchmarks of the stages after
// loading.
type Plan struct {
	Name string // as the Dataset's
	Plan *plan.Plan
}

// Plans are the Datasets, each loaded once, outside the timer; a dataset
// with fatal problems fails b.
func Plans(b *testing.B) []Plan {
	b.Helper()
	var ps []Plan
	for _, ds := range Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		ps = append(ps, Plan{Name: ds.Name, Plan: p})
	}
	return ps
}

// Shipped is the repository's data folder.
func Shipped() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "data")
}
