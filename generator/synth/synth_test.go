package synth_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"plansite/generator/check"
	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
	"plansite/generator/synth"
)

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// A synthetic dataset loads and checks without a single problem, warnings
// included: its counts add up and its rates agree with them.
func TestClean(t *testing.T) {
	for _, o := range []synth.Options{
		{Provinces: 1, Communes: 1, Years: 2, Seed: 1},
		{Provinces: 3, Communes: 60, Years: 4, Seed: 2},
		{Provinces: 5, Districts: 40, Communes: 400, Years: 6, Seed: 3},
	} {
		p, probs := load.FS(mapFS(synth.Files(o)), "synth")
		probs = append(probs, check.Plan(p)...)
		r := progress.Compute(p, 0)
		for _, w := range r.Warnings {
			probs = append(probs, w.Problem())
		}
		if len(probs) > 0 {
			t.Errorf("%+v: %d problems, first: %v", o, len(probs), probs[0])
		}
		n := o.Normalize()
		if got := count(p, plan.KindCommune); got != n.Communes {
			t.Errorf("%+v: %d communes, want %d", o, got, n.Communes)
		}
		if got := count(p, plan.KindDistrict) + count(p, plan.KindCity); got != n.Districts {
			t.Errorf("%+v: %d districts and cities, want %d", o, got, n.Districts)
		}
		if got := count(p, plan.KindProvince); got != n.Provinces {
			t.Errorf("%+v: %d provinces, want %d", o, got, n.Provinces)
		}
		if !p.Site.Demo {
			t.Errorf("%+v: site.yaml has demo: false, want true", o)
		}
	}
}

func count(p *plan.Plan, kind string) int {
	n := 0
	for _, a := range p.Areas {
		if a.Kind == kind {
			n++
		}
	}
	return n
}

// The same options give the same bytes; another seed gives other bytes.
func TestDeterministic(t *testing.T) {
	o := synth.Options{Provinces: 4, Communes: 200, Years: 5, Seed: 7}
	a, b := synth.Files(o), synth.Files(o)
	if len(a) != len(b) {
		t.Fatalf("Files: %d files, then %d", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("Files: %s differs between two runs", name)
		}
	}
	o.Seed = 8
	if c := synth.Files(o); bytes.Equal(a["areas/viet-nam.yaml"], c["areas/viet-nam.yaml"]) {
		t.Errorf("Files: seeds 7 and 8 give the same areas/viet-nam.yaml")
	}
}

// Every file says on its first line that its data is synthetic.
func TestMarked(t *testing.T) {
	for name, b := range synth.Files(synth.Options{Provinces: 2, Communes: 10, Years: 3, Seed: 1}) {
		if name != "README.md" && !bytes.HasPrefix(b, []byte(synth.Header)) {
			t.Errorf("%s does not start with the synthetic-data header", name)
		}
	}
}

// Options.Targets adds targets up to the count asked, each with distinct
// ids, spread over the provinces; the dataset stays clean.
func TestTargets(t *testing.T) {
	for _, o := range []synth.Options{
		{Provinces: 2, Communes: 10, Years: 3, Seed: 1},
		{Provinces: 2, Communes: 10, Years: 3, Targets: 5, Seed: 1},
		{Provinces: 2, Communes: 10, Years: 3, Targets: 40, Seed: 1},
		{Provinces: 3, Communes: 10, Years: 4, Targets: 101, Seed: 1},
	} {
		p, probs := load.FS(mapFS(synth.Files(o)), "synth")
		probs = append(probs, check.Plan(p)...)
		if len(probs) > 0 {
			t.Errorf("%+v: %d problems, first: %v", o, len(probs), probs[0])
		}
		if got, want := len(p.Targets), synth.TargetCount(o); got != want {
			t.Errorf("%+v: %d targets, want %d", o, got, want)
		}
		if want := max(o.Targets, 9+2*o.Provinces); synth.TargetCount(o) != want {
			t.Errorf("TargetCount(%+v) = %d, want %d", o, synth.TargetCount(o), want)
		}
	}
}

// However many years a dataset has, they end in LastYear, and it checks
// clean: no figure is of a year to come.
func TestYears(t *testing.T) {
	for _, years := range []int{2, 6, 12} {
		o := synth.Options{Provinces: 1, Communes: 4, Years: years, Seed: 1}
		p, probs := load.FS(mapFS(synth.Files(o)), "synth")
		probs = append(probs, check.Plan(p)...)
		if len(probs) > 0 {
			t.Errorf("%d years: %d problems, first: %v", years, len(probs), probs[0])
		}
		first, last := 0, 0
		for _, a := range p.Areas {
			for _, f := range a.Figures {
				if first == 0 || f.Year < first {
					first = f.Year
				}
				last = max(last, f.Year)
			}
		}
		if first != synth.LastYear-years+1 || last != synth.LastYear {
			t.Errorf("%d years: figures from %d to %d, want %d to %d", years, first, last, synth.LastYear-years+1, synth.LastYear)
		}
	}
}
