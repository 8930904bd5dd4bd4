package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"
	"time"

	"plansite/generator/hugo"
	"plansite/generator/synth"
)

// goalGrowth is the least share of a smaller dataset's pages per second
// that a larger one along an axis must keep (issue 18, goal 4): a build
// whose pages each cost the same whatever their number keeps all of it.
const goalGrowth = 0.80

// An axis is one way a dataset grows: the bench builds the synthetic data
// at two sizes of it, everything else equal, and compares their pages
// per second. A page whose cost grows with the number of other pages (a
// target page that loops over every target) shows as a ratio well under 1.
type axis struct {
	name         string
	small, large synth.Options
	size         func(synth.Options) int // the axis's count in a dataset
}

// axes are the growth axes of a scale. The issue asks for targets from
// 1,000 to 10,000 on the national dataset, communes from 10,600 to 20,000
// and years from 6 to 12: at national scale the four largest of those
// builds alone take longer than make bench may (12 minutes), so each axis
// grows by the same factor on a smaller dataset, which the report says.
func axes(scale string) []axis {
	targets := func(o synth.Options) int { return synth.TargetCount(o) }
	communes := func(o synth.Options) int { return o.Communes }
	years := func(o synth.Options) int { return o.Years }
	with := func(o synth.Options, f func(*synth.Options)) synth.Options { f(&o); return o }
	// One province and a few communes: the targets' pages are nearly all.
	tb := synth.Options{Provinces: 1, Districts: 2, Communes: 10, Years: 6, Seed: 1}
	tSmall, tLarge := 200, 2000
	// Provinces and districts fixed as communes grow: each district has
	// about twice the communes, as in a country of 20,000. The years grow
	// on the same dataset, whose build the two axes share.
	cb := synth.Options{Provinces: 3, Districts: 35, Communes: 530, Years: 6, Seed: 1}
	if scale == "tenth" {
		tb.Districts, tb.Communes = 1, 4
		tSmall, tLarge = 40, 400
		cb = synth.Options{Provinces: 1, Districts: 7, Communes: 106, Years: 6, Seed: 1}
	}
	cLarge := cb.Communes * 20000 / 10600
	return []axis{
		{"targets", with(tb, func(o *synth.Options) { o.Targets = tSmall }), with(tb, func(o *synth.Options) { o.Targets = tLarge }), targets},
		{"communes", cb, with(cb, func(o *synth.Options) { o.Communes = cLarge }), communes},
		{"years", cb, with(cb, func(o *synth.Options) { o.Years = 12 }), years},
	}
}

// A build is one pipeline build of a growth axis: its pages, wall and
// CPU time.
type build struct {
	pages     int
	wall, cpu time.Duration
}

// rate is pages per second of wall time, or of CPU time.
func (b build) rate(cpu bool) float64 {
	d := b.wall
	if cpu {
		d = b.cpu
	}
	if d <= 0 {
		return 0
	}
	return float64(b.pages) / d.Seconds()
}

// A growth is an axis measured: a build at each size.
type growth struct {
	axis         axis
	small, large build
}

// ratio is the larger size's pages per second over the smaller's.
func (g growth) ratio(cpu bool) float64 {
	if s := g.small.rate(cpu); s > 0 {
		return g.large.rate(cpu) / s
	}
	return 0
}

// measureGrowth builds each axis at its two sizes with the pipeline
// (generator synth, then generator build into a fresh folder).
func measureGrowth(generator, hugoBin, work string, as []axis) ([]growth, error) {
	built := map[synth.Options]build{} // a dataset two axes share is built once
	measure := func(a axis, o synth.Options) (build, error) {
		if b, ok := built[o]; ok {
			return b, nil
		}
		progressf("growth of %s: %d %s", a.name, a.size(o), a.name)
		dir, err := os.MkdirTemp(work, "growth-")
		if err != nil {
			return build{}, err
		}
		defer os.RemoveAll(dir)
		data, site := filepath.Join(dir, "data"), filepath.Join(dir, "site")
		if _, err := command(generator, synthArgs(o, data)...).run(); err != nil {
			return build{}, err
		}
		m, err := command(generator, "build", "-data", data, "-out", site, "-hugo", hugoBin).run()
		if err != nil {
			return build{}, err
		}
		b := build{pages: hugo.Rendered(filepath.Join(site, "public")), wall: m.wall, cpu: m.cpu}
		built[o] = b
		return b, nil
	}
	var out []growth
	for _, a := range as {
		small, err := measure(a, a.small)
		if err != nil {
			return nil, err
		}
		large, err := measure(a, a.large)
		if err != nil {
			return nil, err
		}
		out = append(out, growth{axis: a, small: small, large: large})
	}
	return out, nil
}

// growthCommand is "bench growth [-generator G] [-hugo H] [-scale S]
// [-work DIR]": the growth axes alone, as make bench measures them last.
func growthCommand(args []string, w io.Writer) error {
	fset := flag.NewFlagSet("growth", flag.ContinueOnError)
	var s subcommand
	s.flags(fset)
	if err := fset.Parse(args); err != nil {
		return err
	}
	_, dir, err := s.start("growth")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	t := time.Now()
	gs, err := measureGrowth(s.generator, s.hugo, dir, axes(s.scale))
	if err != nil {
		return err
	}
	printGrowth(w, s.scale, gs)
	fmt.Fprintf(w, "growth took %s\n", time.Since(t).Round(time.Second))
	return nil
}

// synthArgs are the arguments of generator synth that write o into dir.
func synthArgs(o synth.Options, dir string) []string {
	return []string{"synth", "-provinces", strconv.Itoa(o.Provinces), "-districts", strconv.Itoa(o.Districts),
		"-communes", strconv.Itoa(o.Communes), "-years", strconv.Itoa(o.Years), "-targets", strconv.Itoa(o.Targets),
		"-seed", strconv.FormatUint(o.Seed, 10), "-out", dir}
}

// printGrowth prints the growth axes: each size's pages and pages per
// second, and the ratio against the goal.
func printGrowth(w io.Writer, scale string, gs []growth) {
	fmt.Fprintf(w, "\ngrowth: pages per second of the pipeline (generator build) at two sizes of each axis, the rest equal;\n")
	fmt.Fprintf(w, "the issue's sizes (targets 1,000 → 10,000 at national scale, communes 10,600 → 20,000, years 6 → 12)\n")
	fmt.Fprintf(w, "do not fit the bench's time: each axis grows by as much on a smaller synthetic dataset (%s scale).\n", scale)
	fmt.Fprintf(w, "Each build is timed once; a build's fixed cost (Hugo starting, the theme's files) favours the larger size a little.\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "axis\tsizes\tpages\tpages/s\tratio\tpages/CPU s\tratio\tgoal ≥ %.2f\t\n", goalGrowth)
	for _, g := range gs {
		fmt.Fprintf(tw, "%s\t%d → %d\t%d → %d\t%.0f → %.0f\t%.2f\t%.0f → %.0f\t%.2f\t%s\t\n", g.axis.name,
			g.axis.size(g.axis.small), g.axis.size(g.axis.large), g.small.pages, g.large.pages,
			g.small.rate(false), g.large.rate(false), g.ratio(false), g.small.rate(true), g.large.rate(true), g.ratio(true),
			verdict(g.ratio(false) >= goalGrowth))
	}
	tw.Flush()
}
