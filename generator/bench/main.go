// Command bench is make bench: it measures the pipeline on the shipped
// data and on a synthetic dataset of national scale, and compares the
// pipeline with Hugo alone.
//
//	go run ./generator/bench [-generator bin/generator] [-hugo bin/hugo] [-runs 3] [-scale national|tenth]
//
// It runs, in order:
//
//  1. the shipped data: make site into a fresh folder (the first build),
//     then make site again -runs times (later builds, against the 1 s goal);
//     then generator serve on a copy of it: serveEdits one-value edits of
//     areas.yaml, each timed until Hugo's server serves the changed page;
//  2. generator synth at the scale asked (BENCH_SCALE=tenth for a tenth of
//     national scale, which it says is not national scale);
//  3. -runs rounds, interleaved, of the full pipeline (generator build,
//     the first one into a fresh folder), Hugo alone on the project the
//     pipeline emitted, into a fresh destination, as the pipeline runs
//     it, and Hugo's floor: Hugo on a project of as many minimal pages,
//     with a one-line layout and no data (floor.go);
//  4. the stages of the generator one by one (load, check, compute,
//     charts, emit), in a child process of its own so that its peak memory
//     is theirs: "bench stages" runs the generator's pipeline (package
//     pipeline) with a hook that times each stage, at least 3 times, each
//     into a fresh folder (a cold build: every file written);
//  5. the growth axes (growth.go): the pipeline on synthetic data at two
//     sizes of the number of targets, of communes and of years, each
//     built once, for pages per second at each.
//
// Then it prints a table: the wall time of each stage (median of the
// runs), peak memory, pages per second, the largest page, the script and
// style bytes per page type (gzip), the growth axes, the goals, and, last,
//
//	generator stages national: X.XX s
//	ratio pipeline/hugo-floor: X.XX
//	ratio pipeline/hugo-alone: X.XX
//
// the stages together (median), and the median pipeline over the median
// Hugo's floor and over the median Hugo alone. "bench growth" measures the
// growth axes alone. The pipeline's own split between the generator and
// Hugo comes from generator build under PLANSITE_TIMINGS=1
// (generator/timings.go).
package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"plansite/generator/hugo"
	"plansite/generator/synth"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "stages" {
		if err := stagesCommand(os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench stages:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "growth" {
		if err := growthCommand(os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench growth:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "segments" {
		if err := segmentsCommand(os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench segments:", err)
			os.Exit(1)
		}
		return
	}
	var cfg config
	flag.StringVar(&cfg.generator, "generator", "bin/generator", "the generator, built")
	flag.StringVar(&cfg.hugo, "hugo", "bin/hugo", "the pinned Hugo, built")
	flag.StringVar(&cfg.data, "data", "data", "the shipped data")
	flag.IntVar(&cfg.runs, "runs", 3, "timed runs of each measurement; the median is reported")
	scale := os.Getenv("BENCH_SCALE")
	if scale == "" {
		scale = "national"
	}
	flag.StringVar(&cfg.scale, "scale", scale, "national, or tenth for a tenth of it (default $BENCH_SCALE, else national)")
	flag.StringVar(&cfg.work, "work", os.Getenv("BENCH_WORK"), "folder for the datasets and sites (default $BENCH_WORK, else a new folder in /dev/shm when it is a tmpfs with room, else in $TMPDIR; removed at the end)")
	flag.Parse()
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// scaleOptions are the options of generator synth at a -scale: national,
// or tenth for a tenth of it.
func scaleOptions(scale string) (synth.Options, error) {
	switch scale {
	case "national":
		return synth.National(), nil
	case "tenth":
		return synth.Options{Provinces: 6, Districts: 70, Communes: 1060, Years: 6, Seed: 1}, nil
	}
	return synth.Options{}, fmt.Errorf("-scale must be national or tenth (got %q)", scale)
}

// absolute makes each path absolute: the commands run in other folders.
func absolute(paths ...*string) error {
	for _, p := range paths {
		abs, err := filepath.Abs(*p)
		if err != nil {
			return err
		}
		*p = abs
	}
	return nil
}

// A subcommand's settings are those bench growth and bench segments share:
// the generator and Hugo they run, the scale, and the folder they build in.
type subcommand struct {
	generator, hugo, scale, work string
}

// flags declares the settings on fset.
func (s *subcommand) flags(fset *flag.FlagSet) {
	fset.StringVar(&s.generator, "generator", "bin/generator", "the generator, built")
	fset.StringVar(&s.hugo, "hugo", "bin/hugo", "the pinned Hugo, built")
	fset.StringVar(&s.scale, "scale", cmp.Or(os.Getenv("BENCH_SCALE"), "national"), "national, or tenth")
	fset.StringVar(&s.work, "work", cmp.Or(os.Getenv("BENCH_WORK"), workRoot()), "folder to build in")
}

// start checks the parsed settings, makes the programs' paths absolute and
// a folder for the run under work, named after name, which the caller
// removes; it returns the scale's dataset and the folder.
func (s *subcommand) start(name string) (synth.Options, string, error) {
	opts, err := scaleOptions(s.scale)
	if err != nil {
		return synth.Options{}, "", err
	}
	if err := absolute(&s.generator, &s.hugo); err != nil {
		return synth.Options{}, "", err
	}
	dir, err := os.MkdirTemp(s.work, "plansite-"+name+"-")
	return opts, dir, err
}

// serveEdits is how many edits the serve measurement makes.
const serveEdits = 5

type config struct {
	generator, hugo, data string
	runs                  int
	scale                 string
	work                  string
}

func run(cfg config, out io.Writer) error {
	start := time.Now()
	opts, err := scaleOptions(cfg.scale)
	if err != nil {
		return err
	}
	if cfg.runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	if err := absolute(&cfg.generator, &cfg.hugo, &cfg.data); err != nil {
		return err
	}
	if cfg.work == "" {
		dir, err := os.MkdirTemp(workRoot(), "plansite-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.work = dir
	}
	r := &report{scale: cfg.scale, opts: opts.Normalize(), runs: cfg.runs, work: describeWork(cfg.work)}

	// 1. The shipped data, as make site builds it.
	progressf("shipped data: make site, first build")
	shipped := filepath.Join(cfg.work, "shipped")
	first, err := makeSite(shipped)
	if err != nil {
		return err
	}
	r.shippedFirst = first.wall
	for i := range cfg.runs {
		progressf("shipped data: make site, later build %d of %d", i+1, cfg.runs)
		m, err := makeSite(shipped)
		if err != nil {
			return err
		}
		r.shippedMake = append(r.shippedMake, m)
	}
	if r.shippedPages, err = pagesOf(filepath.Join(shipped, "public")); err != nil {
		return err
	}
	progressf("shipped data: make serve, %d one-value edits", serveEdits)
	if r.serveEdits, err = serveLatency(cfg.generator, cfg.hugo, cfg.data, filepath.Join(shipped, "public"), cfg.work, serveEdits); err != nil {
		return err
	}

	// 2. The synthetic dataset.
	progressf("generator synth: %s scale", cfg.scale)
	data := filepath.Join(cfg.work, "synth-data")
	t := time.Now()
	if _, err := command(cfg.generator, synthArgs(opts, data)...).run(); err != nil {
		return err
	}
	r.synth = time.Since(t)

	// 3. The pipeline, Hugo alone and Hugo's floor, interleaved.
	site := filepath.Join(cfg.work, "synth-site")
	floor := filepath.Join(cfg.work, "hugo-floor")
	for i := range cfg.runs {
		progressf("%s scale: pipeline, run %d of %d", cfg.scale, i+1, cfg.runs)
		m, err := command(cfg.generator, "build", "-data", data, "-out", site, "-hugo", cfg.hugo).run()
		if err != nil {
			return err
		}
		r.pipeline = append(r.pipeline, m)
		progressf("%s scale: Hugo alone, run %d of %d", cfg.scale, i+1, cfg.runs)
		dest := filepath.Join(site, fmt.Sprintf(".bench-hugo-alone-%d", i))
		cmd := hugo.Command(context.Background(), []string{cfg.hugo}, site, dest)
		m, err = (&measured{cmd: cmd}).run()
		if err != nil {
			return err
		}
		r.hugoAlone = append(r.hugoAlone, m)
		if err := os.RemoveAll(dest); err != nil {
			return err
		}
		if i == 0 {
			r.floorPages = hugo.Rendered(filepath.Join(site, "public"))
			if err := writeFloor(floor, r.floorPages); err != nil {
				return err
			}
		}
		progressf("%s scale: Hugo's floor (%d minimal pages), run %d of %d", cfg.scale, r.floorPages, i+1, cfg.runs)
		dest = filepath.Join(floor, "public")
		m, err = (&measured{cmd: hugo.Command(context.Background(), []string{cfg.hugo}, floor, dest)}).run()
		if err != nil {
			return err
		}
		r.floor = append(r.floor, m)
		if err := os.RemoveAll(dest); err != nil {
			return err
		}
	}
	progressf("%s scale: reading the built site", cfg.scale)
	if r.pages, err = pagesOf(filepath.Join(site, "public")); err != nil {
		return err
	}
	r.scripts = measureScriptTimes(filepath.Join(shipped, "public"), filepath.Join(site, "public"))

	// 4. The generator's stages one by one, on both datasets.
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, ds := range []struct {
		data, out string
		into      *[]stageRun
	}{{cfg.data, filepath.Join(cfg.work, "shipped-stages"), &r.shippedStages}, {data, filepath.Join(cfg.work, "synth-stages"), &r.stages}} {
		// Every run is a cold build, as the goal is: a fresh output folder,
		// every file written.
		for i := range max(cfg.runs, 3) {
			progressf("stages of the generator, %s, run %d of %d", filepath.Base(ds.data), i+1, max(cfg.runs, 3))
			if err := os.RemoveAll(ds.out); err != nil {
				return err
			}
			m, err := command(self, "stages", "-data", ds.data, "-out", ds.out).run()
			if err != nil {
				return err
			}
			sr, err := parseStages(m.stdout)
			if err != nil {
				return err
			}
			*ds.into = append(*ds.into, sr)
		}
	}
	// 5. The growth axes: pages per second at two sizes of each.
	if r.growth, err = measureGrowth(cfg.generator, cfg.hugo, cfg.work, axes(cfg.scale)); err != nil {
		return err
	}
	r.elapsed = time.Since(start)
	r.print(out)
	return nil
}

// shm is a folder in memory on Linux, when it is a tmpfs.
const shm = "/dev/shm"

// workRoot is where the bench builds by default: in memory (/dev/shm)
// when the machine has room there for a national site, else the usual
// temporary folder. In memory, the figures measure the programs rather
// than the disk: on a virtual machine, creating the 23,000 folders and
// files of a national site can cost Hugo a third of its time, and that
// cost varies from run to run. The pipeline and Hugo alone are measured
// in the same place, so their ratio is fair either way; BENCH_WORK (or
// -work) puts the bench on disk.
func workRoot() string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(shm, &st); err != nil {
		return ""
	}
	const tmpfsMagic, room = 0x01021994, 8 << 30
	if int64(st.Type) != tmpfsMagic || int64(st.Bavail)*int64(st.Bsize) < room {
		return ""
	}
	return shm
}

// describeWork says where the bench builds, for its report.
func describeWork(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err == nil && int64(st.Type) == 0x01021994 {
		return dir + " (tmpfs, in memory)"
	}
	return dir + " (on disk)"
}

// progressf says on stderr what the bench is doing, since it takes minutes.
func progressf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// A measured is a command run once: its wall time, its peak memory (the
// largest of it and the children it waited for), and what it printed.
type measured struct {
	cmd    *exec.Cmd
	wall   time.Duration
	maxRSS int64         // kB
	cpu    time.Duration // user and system, its own and its children's
	stdout string
	stderr string
	// generator and hugo are the pipeline's own split, from its
	// PLANSITE_TIMINGS lines; genRSS the generator's peak memory.
	generator, hugo time.Duration
	genRSS          int64
}

func command(name string, args ...string) *measured {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "PLANSITE_TIMINGS=1")
	return &measured{cmd: cmd}
}

func (m *measured) run() (*measured, error) {
	var stdout, stderr bytes.Buffer
	m.cmd.Stdout, m.cmd.Stderr = &stdout, &stderr
	t := time.Now()
	err := m.cmd.Run()
	m.wall = time.Since(t)
	m.stdout, m.stderr = stdout.String(), stderr.String()
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s%s", strings.Join(m.cmd.Args, " "), err, m.stdout, m.stderr)
	}
	if ru, ok := m.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = ru.Maxrss
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, line := range strings.Split(m.stderr, "\n") {
		var part, dur string
		var rss int64
		if n, _ := fmt.Sscanf(line, "timing %s %s peak-rss %d kB", &part, &dur, &rss); n < 2 {
			continue
		}
		d, err := time.ParseDuration(dur)
		if err != nil {
			continue
		}
		switch part {
		case "generator":
			m.generator, m.genRSS = d, rss
		case "hugo":
			m.hugo = d
		}
	}
	return m, nil
}

// makeSite runs make site into out, from the repository's root.
func makeSite(out string) (*measured, error) {
	return command("make", "--no-print-directory", "site", "OUT="+out).run()
}

// median is the middle of ds (the mean of the two middle ones for an
// even count).
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

func walls(ms []*measured, f func(*measured) time.Duration) []time.Duration {
	var out []time.Duration
	for _, m := range ms {
		out = append(out, f(m))
	}
	return out
}

func maxOf(ms []*measured, f func(*measured) int64) int64 {
	var n int64
	for _, m := range ms {
		n = max(n, f(m))
	}
	return n
}
