package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plansite/generator/hugo"
	"plansite/generator/synth"
)

// hugoCommand is the Hugo the tests build with: PLANSITE_HUGO when make
// sets it, else the pinned one through go tool.
func hugoCommand(t *testing.T) []string {
	t.Helper()
	if h := os.Getenv("PLANSITE_HUGO"); h != "" {
		return []string{h}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return []string{"go", "tool", "-modfile=" + filepath.Join(root, "tools", "hugo.mod"), "hugo"}
}

// Hugo's floor for n pages builds into n pages, in both languages, with
// the flags the pipeline gives Hugo (warnings are errors).
func TestFloor(t *testing.T) {
	for _, n := range []int{10, 2501} {
		dir := t.TempDir()
		if err := writeFloor(dir, n); err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(dir, "public")
		cmd := hugo.Command(context.Background(), hugoCommand(t), dir, dest)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("hugo on the floor of %d pages: %v\n%s", n, err, out)
		}
		if got := hugo.Rendered(dest); got != n {
			t.Errorf("the floor of %d pages built %d pages", n, got)
		}
		if _, err := os.Stat(filepath.Join(dest, "en", "index.html")); err != nil {
			t.Errorf("the floor of %d pages has no English home page: %v", n, err)
		}
	}
}

// Each axis grows one count, tenfold for targets and as the sizes
// for communes (10,600 → 20,000) and years (6 → 12), and keeps every other
// option of the dataset.
func TestAxes(t *testing.T) {
	for _, scale := range []string{"national", "tenth"} {
		as := axes(scale)
		names := []string{}
		for _, a := range as {
			names = append(names, a.name)
			s, l := a.size(a.small), a.size(a.large)
			switch a.name {
			case "targets":
				if l != 10*s {
					t.Errorf("%s: targets %d → %d, want tenfold", scale, s, l)
				}
			case "communes":
				if r := float64(l) / float64(s); r < 1.85 || r > 1.9 {
					t.Errorf("%s: communes %d → %d, want as 10,600 → 20,000", scale, s, l)
				}
			case "years":
				if s != 6 || l != 12 {
					t.Errorf("%s: years %d → %d, want 6 → 12", scale, s, l)
				}
			}
			// Everything but the axis's count is the same.
			o := a.large
			switch a.name {
			case "targets":
				o.Targets = a.small.Targets
			case "communes":
				o.Communes = a.small.Communes
			case "years":
				o.Years = a.small.Years
			}
			if o != a.small {
				t.Errorf("%s: axis %s changes more than its count: %+v → %+v", scale, a.name, a.small, a.large)
			}
			if synth.TargetCount(a.large) != a.size(a.large) && a.name == "targets" {
				t.Errorf("%s: the targets axis counts %d, the dataset has %d", scale, a.size(a.large), synth.TargetCount(a.large))
			}
		}
		if got := strings.Join(names, " "); got != "targets communes years" {
			t.Errorf("%s: axes %s, want targets communes years", scale, got)
		}
	}
}

// A growth's ratio is the larger size's pages per second over the
// smaller's, by wall or CPU time; printGrowth shows it with its verdict.
func TestGrowth(t *testing.T) {
	a := axes("tenth")[0]
	g := growth{axis: a,
		small: build{pages: 100, wall: 2 * time.Second, cpu: 3 * time.Second},
		large: build{pages: 1000, wall: 25 * time.Second, cpu: 30 * time.Second}}
	if got := g.ratio(false); got != 0.8 {
		t.Errorf("ratio by wall time = %v, want 0.8 (40 over 50 pages a second)", got)
	}
	if got := g.ratio(true); got < 0.999 || got > 1.001 {
		t.Errorf("ratio by CPU time = %v, want 1", got)
	}
	if got := (growth{}).ratio(false); got != 0 {
		t.Errorf("ratio of nothing measured = %v, want 0", got)
	}
	var out bytes.Buffer
	slow := g
	slow.large.wall = 40 * time.Second
	printGrowth(&out, "tenth", []growth{g, slow})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if n := len(lines); n < 3 {
		t.Fatalf("printGrowth printed %d lines:\n%s", n, out.String())
	}
	for i, want := range []string{"40 → 400  100 → 1000  50 → 40  0.80  33 → 33  1.00  met", "50 → 25  0.50  33 → 33  1.00  MISSED"} {
		if l := strings.Join(strings.Fields(lines[len(lines)-2+i]), " "); !strings.Contains(l, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("printGrowth line %q, want it to hold %q", l, want)
		}
	}
}

// The report ends with the three lines a script reads, in this order:
// the generator's stages, the pipeline over Hugo's floor, and last the
// pipeline over Hugo alone; the growth axes come before the goals.
func TestReportEnds(t *testing.T) {
	stages := stageRun{times: map[string]time.Duration{}, cpu: map[string]time.Duration{}}
	for _, s := range []string{"load", "check", "compute", "charts", "emit"} {
		stages.times[s] = 300 * time.Millisecond
	}
	ms := func(d time.Duration) []*measured { return []*measured{{wall: d, cpu: d}} }
	r := &report{scale: "national", opts: synth.National(), runs: 1,
		shippedMake: ms(time.Second), shippedPages: &pageStats{pages: 10}, shippedStages: []stageRun{stages},
		pipeline: ms(60 * time.Second), hugoAlone: ms(50 * time.Second), floor: ms(4 * time.Second), floorPages: 1000,
		pages: &pageStats{pages: 1000}, stages: []stageRun{stages},
		growth: []growth{{axis: axes("national")[0], small: build{pages: 10, wall: time.Second}, large: build{pages: 100, wall: 10 * time.Second}}}}
	var out bytes.Buffer
	r.print(&out)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{"generator stages national: 1.50 s", "ratio pipeline/hugo-floor: 15.00", "ratio pipeline/hugo-alone: 1.20"}
	if got := lines[len(lines)-3:]; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the report ends with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"Hugo's floor (1000 minimal pages)", "national, pipeline ≤ 10 × Hugo's floor: 15.00: MISSED", "growth of targets, pages per second 200 → 2000 ≥ 80 %: 100 %: met"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("the report does not say %q:\n%s", s, out.String())
		}
	}
}
