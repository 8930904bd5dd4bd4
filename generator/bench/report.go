package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"plansite/generator/pipeline"
	"plansite/generator/synth"
)

// Goals of the issue the bench reports against.
const (
	goalShippedSite = 1 * time.Second         // make site after the first build
	goalGenerator   = 1500 * time.Millisecond // the generator's stages at national scale
	goalGeneratorKB = 1 << 20                 // 1 GiB of peak memory, in kB
	goalRatio       = 1.15                    // pipeline over Hugo alone
	goalFloor       = 10                      // pipeline over Hugo's floor
	goalServeEdit   = 1 * time.Second         // make serve: an edit reaches the page
)

// A report is everything the bench measured.
type report struct {
	scale string
	opts  synth.Options
	runs  int
	work  string // where it built, and whether in memory

	shippedFirst  time.Duration
	shippedMake   []*measured
	shippedPages  *pageStats
	shippedStages []stageRun
	serveEdits    []time.Duration // make serve: a one-value edit until its page is served

	synth     time.Duration
	pipeline  []*measured
	hugoAlone []*measured
	pages     *pageStats
	stages    []stageRun
	// scripts are the main thread's script times by page type
	// (browser.go), of the shipped site then the synthetic one.
	scripts []scriptTimes

	// floor is Hugo building floorPages minimal pages (writeFloor);
	// growth is the growth axes measured.
	floor      []*measured
	floorPages int
	growth     []growth

	elapsed time.Duration
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(kb int64) string { return fmt.Sprintf("%.0f MiB", float64(kb)/1024) }

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

// stageMedian is the median wall time (or CPU time) of one stage over runs.
func stageMedian(runs []stageRun, stage string, cpu bool) time.Duration {
	var ds []time.Duration
	for _, r := range runs {
		ds = append(ds, r.of(cpu)[stage])
	}
	return median(ds)
}

// stagesTotal is the median over runs of the stages' sum.
func stagesTotal(runs []stageRun, cpu bool) time.Duration {
	var ds []time.Duration
	for _, r := range runs {
		var sum time.Duration
		for _, s := range pipeline.Stages {
			sum += r.of(cpu)[s]
		}
		ds = append(ds, sum)
	}
	return median(ds)
}

func (r stageRun) of(cpu bool) map[string]time.Duration {
	if cpu {
		return r.cpu
	}
	return r.times
}

func peak(runs []stageRun) int64 {
	var n int64
	for _, r := range runs {
		n = max(n, r.peakKB)
	}
	return n
}

func (r *report) print(w io.Writer) {
	o := r.opts
	fmt.Fprintf(w, "\nplansite bench, %s, %d CPUs, %s %s/%s; medians of %d runs\n",
		time.Now().Format("2006-01-02"), runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, r.runs)
	fmt.Fprintf(w, "built in %s\n", r.work)
	scale := fmt.Sprintf("%d provinces, %d districts, %d communes, %d years, seed %d", o.Provinces, o.Districts, o.Communes, o.Years, o.Seed)
	if r.scale != "national" {
		fmt.Fprintf(w, "NOTE: BENCH_SCALE=%s: NOT national scale (%s); national-scale goals are not judged\n", r.scale, scale)
	}
	fmt.Fprintf(w, "shipped data: %d pages; synthetic (%s scale): %d pages, %s, written in %s\n\n",
		r.shippedPages.pages, r.scale, r.pages.pages, scale, secs(r.synth))

	pipe := median(walls(r.pipeline, func(m *measured) time.Duration { return m.wall }))
	alone := median(walls(r.hugoAlone, func(m *measured) time.Duration { return m.wall }))
	floor := median(walls(r.floor, func(m *measured) time.Duration { return m.wall }))
	pipeGen := median(walls(r.pipeline, func(m *measured) time.Duration { return m.generator }))
	pipeHugo := median(walls(r.pipeline, func(m *measured) time.Duration { return m.hugo }))

	wall := func(m *measured) time.Duration { return m.wall }
	cpu := func(m *measured) time.Duration { return m.cpu }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tshipped\t\t%s\t\t\n", r.scale)
	fmt.Fprintf(tw, "stage\twall\tCPU\twall\tCPU\t\n")
	for _, st := range pipeline.Stages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", st, secs(stageMedian(r.shippedStages, st, false)), secs(stageMedian(r.shippedStages, st, true)),
			secs(stageMedian(r.stages, st, false)), secs(stageMedian(r.stages, st, true)))
	}
	fmt.Fprintf(tw, "generator stages together\t%s\t%s\t%s\t%s\t\n", secs(stagesTotal(r.shippedStages, false)), secs(stagesTotal(r.shippedStages, true)),
		secs(stagesTotal(r.stages, false)), secs(stagesTotal(r.stages, true)))
	shippedGen := median(walls(r.shippedMake, func(m *measured) time.Duration { return m.generator }))
	shippedHugo := median(walls(r.shippedMake, func(m *measured) time.Duration { return m.hugo }))
	fmt.Fprintf(tw, "generator, within the pipeline\t%s\t\t%s\t\t\n", secs(shippedGen), secs(pipeGen))
	fmt.Fprintf(tw, "hugo, within the pipeline\t%s\t\t%s\t\t\n", secs(shippedHugo), secs(pipeHugo))
	fmt.Fprintf(tw, "pipeline (make site; generator build)\t%s\t%s\t%s\t%s\t\n",
		secs(median(walls(r.shippedMake, wall))), secs(median(walls(r.shippedMake, cpu))), secs(pipe), secs(median(walls(r.pipeline, cpu))))
	fmt.Fprintf(tw, "Hugo alone\t\t\t%s\t%s\t\n", secs(alone), secs(median(walls(r.hugoAlone, cpu))))
	fmt.Fprintf(tw, "Hugo's floor (%d minimal pages)\t\t\t%s\t%s\t\n", r.floorPages, secs(floor), secs(median(walls(r.floor, cpu))))
	tw.Flush()
	fmt.Fprintf(w, "\npeak memory: generator stages %s shipped, %s %s; Hugo alone %s %s\n",
		mib(peak(r.shippedStages)), mib(peak(r.stages)), r.scale, mib(maxOf(r.hugoAlone, func(m *measured) int64 { return m.maxRSS })), r.scale)
	fmt.Fprintf(w, "pages per second: pipeline %.0f shipped, %.0f %s; Hugo alone %.0f %s\n",
		float64(r.shippedPages.pages)/median(walls(r.shippedMake, wall)).Seconds(),
		float64(r.pages.pages)/pipe.Seconds(), r.scale, float64(r.pages.pages)/alone.Seconds(), r.scale)
	fmt.Fprintf(w, "\nlargest page: shipped %s (%d bytes); %s %s (%d bytes)\n",
		r.shippedPages.largest, r.shippedPages.largestBytes, r.scale, r.pages.largest, r.pages.largestBytes)
	fmt.Fprintf(w, "\nscript and style per page type (%s scale; gzip bytes, the most any page of the type loads; script for the first screen, then in all, with what charts.js loads when a chart nears the viewport):\n", r.scale)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "page type\tpages\tscript first screen\tscript in all\tstyle\t%s\n", scriptHeads(r.scale, r.scripts))
	var types []string
	for t := range r.pages.types {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		ts := r.pages.types[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", t, ts.pages, ts.script, ts.script+ts.lazy, ts.style, scriptCells(t, r.scripts))
	}
	tw.Flush()
	printScriptNotes(w, r.scale, r.scripts)

	printGrowth(w, r.scale, r.growth)

	fmt.Fprintf(w, "\ngoals:\n")
	makeSite := median(walls(r.shippedMake, func(m *measured) time.Duration { return m.wall }))
	fmt.Fprintf(w, "  shipped data, make site after the first build (%s): %s ≤ 1 s: %s\n",
		secs(r.shippedFirst)+" first", secs(makeSite), verdict(makeSite <= goalShippedSite))
	edit := median(r.serveEdits)
	fmt.Fprintf(w, "  shipped data, make serve: a one-value edit served in %s ≤ 1 s: %s (edits: %s)\n",
		secs(edit), verdict(edit <= goalServeEdit), durations(r.serveEdits, 2))
	if r.scale == "national" {
		gen, kb := stagesTotal(r.stages, false), peak(r.stages)
		fmt.Fprintf(w, "  national, generator stages together: %s ≤ 1.5 s: %s; peak memory %s ≤ 1 GiB: %s\n",
			secs(gen), verdict(gen <= goalGenerator), mib(kb), verdict(kb <= goalGeneratorKB))
		ratio := pipe.Seconds() / alone.Seconds()
		fmt.Fprintf(w, "  national, pipeline ≤ 1.15 × Hugo alone: %.2f: %s\n", ratio, verdict(ratio <= goalRatio))
		fl := pipe.Seconds() / floor.Seconds()
		fmt.Fprintf(w, "  national, pipeline ≤ 10 × Hugo's floor: %.2f: %s\n", fl, verdict(fl <= goalFloor))
	}
	for _, g := range r.growth {
		fmt.Fprintf(w, "  growth of %s, pages per second %d → %d ≥ %.0f %%: %.0f %%: %s\n", g.axis.name,
			g.axis.size(g.axis.small), g.axis.size(g.axis.large), goalGrowth*100, g.ratio(false)*100, verdict(g.ratio(false) >= goalGrowth))
	}
	fmt.Fprintf(w, "\nruns (wall): pipeline %s; Hugo alone %s\n", durations(walls(r.pipeline, wall), 1), durations(walls(r.hugoAlone, wall), 1))
	fmt.Fprintf(w, "ratio of CPU time, pipeline/hugo-alone: %.2f (less sensitive to other load on the machine)\n",
		median(walls(r.pipeline, cpu)).Seconds()/median(walls(r.hugoAlone, cpu)).Seconds())
	fmt.Fprintf(w, "bench took %s\n", r.elapsed.Round(time.Second))
	fmt.Fprintf(w, "generator stages %s: %.2f s\n", r.scale, stagesTotal(r.stages, false).Seconds())
	fmt.Fprintf(w, "ratio pipeline/hugo-floor: %.2f\n", pipe.Seconds()/floor.Seconds())
	fmt.Fprintf(w, "ratio pipeline/hugo-alone: %.2f\n", pipe.Seconds()/alone.Seconds())
}

// durations lists ds in seconds with prec decimals: "1.23, 4.56 s".
func durations(ds []time.Duration, prec int) string {
	var s []string
	for _, d := range ds {
		s = append(s, strconv.FormatFloat(d.Seconds(), 'f', prec, 64))
	}
	return strings.Join(s, ", ") + " s"
}
