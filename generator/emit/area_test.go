package emit

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"plansite/generator/load"
	"plansite/generator/progress"
	"plansite/generator/synth"
)

// An area's file says each number once: the explanations of the rates
// and changes computed from the figures table's rows leave the rows' year,
// source and status to the rows, and the rank's explanation names the
// area's own rate only, each sibling's being a row of the rank table.
// (Before, a district's file repeated every sibling's rate, year, source
// and status in its rank's explanation, and each year's source in every
// explanation that used it.)
func TestAreaViewsSayEachNumberOnce(t *testing.T) {
	p, probs := load.Dir("../../examples/demo")
	if probs.Fatal() {
		t.Fatal(probs)
	}
	r := progress.Compute(p, 0)
	v := view(p, r)
	views, err := areaViews(v.areaPages)
	if err != nil {
		t.Fatal(err)
	}
	ranked := 0
	for i, a := range v.areaPages {
		b := views[i]
		if b == nil {
			continue
		}
		var f map[string]any
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		// Bands are a target's checks, whose values may come from the
		// target's own sources; a sum that differs lists each child's.
		delete(f, "Bands")
		delete(f, "Totals")
		walkInputs(f, func(in map[string]any) {
			for _, k := range []string{"Year", "Source", "Status"} {
				if _, ok := in[k]; ok {
					t.Errorf("%s: an input of an explanation repeats its row's %s: %v", a.ID, k, in)
				}
			}
		})
		rank := r.Areas[i].Rank
		if rank == nil {
			continue
		}
		ranked++
		if a.Rank == nil || len(a.Rank.How.Inputs) != 1 || len(v.Rankings[a.Rank.Group]) != rank.Of {
			t.Errorf("%s: rank %+v, want one input (the area's rate) and a ranking of %d rows", a.ID, a.Rank, rank.Of)
			continue
		}
		seen := map[string]bool{}
		for _, row := range v.Rankings[a.Rank.Group] {
			if seen[row.Area] {
				t.Errorf("%s: %s is twice in the rank table", a.ID, row.Area)
			}
			seen[row.Area] = true
		}
		if _, ok := f["Rank"].(map[string]any)["Rows"]; ok {
			t.Errorf("%s: the view repeats its ranking's rows", a.ID)
		}
	}
	if ranked == 0 {
		t.Fatal("the demo has no ranked area: the test sees nothing")
	}
}

// walkInputs calls f on every input of every explanation within v.
func walkInputs(v any, f func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if k == "Inputs" {
				for _, in := range c.([]any) {
					f(in.(map[string]any))
				}
				continue
			}
			walkInputs(c, f)
		}
	case []any:
		for _, c := range x {
			walkInputs(c, f)
		}
	}
}

// An area's page explains each kind of figure once, however many years it
// shows: twice the years is twice the rows of its figures table, not twice
// the explanations (but for the yearly checks of a target whose scope is
// the area, a province's). (Before, each row explained its change: the years
// axis of make bench grew faster than the pages.)
func TestAreaViewExplanationsIndependentOfYears(t *testing.T) {
	most := map[int]int{}
	for _, years := range []int{4, 8} {
		dir := t.TempDir()
		if err := synth.Write(dir, synth.Options{Provinces: 1, Districts: 2, Communes: 8, Years: years, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		p, probs := load.Dir(dir)
		if probs.Fatal() {
			t.Fatal(probs)
		}
		v := view(p, progress.Compute(p, 0))
		views, err := areaViews(v.areaPages)
		if err != nil {
			t.Fatal(err)
		}
		for i, b := range views {
			if b == nil {
				continue
			}
			name := v.areaPages[i].ID
			// Bands are the yearly checks of a target whose scope is the
			// area, one a year on the target's page too: not counted.
			var f map[string]any
			if err := json.Unmarshal(b, &f); err != nil {
				t.Fatal(err)
			}
			delete(f, "Bands")
			b, _ := json.Marshal(f)
			n := bytes.Count(b, []byte(`"Formula"`))
			if n > most[years] {
				most[years] = n
			}
			if years == 8 && n > most[4] {
				t.Errorf("%s: %d explanations with %d years, at most %d with 4", name, n, years, most[4])
			}
		}
	}
	if most[4] == 0 {
		t.Fatal("no explanation in any area file: the test sees nothing")
	}
}

// The areas ranked together (one areaRank.Group) are the rows of its
// ranking, each once, each area's own row as its rank says: the theme
// renders a group's rows once, and each page's own row itself.
func TestAreaRankGroupsShareRows(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Options{Provinces: 2, Districts: 4, Communes: 24, Years: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	p, probs := load.Dir(dir)
	if probs.Fatal() {
		t.Fatal(probs)
	}
	v := view(p, progress.Compute(p, 0))
	members := map[string]int{}
	for _, a := range v.areaPages {
		if a.Rank == nil {
			continue
		}
		g := a.Rank.Group
		members[g]++
		rows := v.Rankings[g]
		if len(rows) != a.Rank.Of {
			t.Errorf("%s: ranked of %d, its ranking %q has %d rows", a.ID, a.Rank.Of, g, len(rows))
		}
		i := slices.IndexFunc(rows, func(r rankRow) bool { return r.Area == a.ID })
		if i < 0 || rows[i] != a.Rank.Self || a.Rank.Self.Position != a.Rank.Position {
			t.Errorf("%s: own row %+v at place %d, its ranking %q: %+v", a.ID, a.Rank.Self, a.Rank.Position, g, rows)
		}
	}
	for g, rows := range v.Rankings {
		if members[g] != len(rows) {
			t.Errorf("ranking %q has %d rows for %d areas ranked in it", g, len(rows), members[g])
		}
	}
	if len(v.Rankings) < 2 {
		t.Fatalf("%d rankings: the test sees too little", len(v.Rankings))
	}
}
