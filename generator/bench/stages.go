package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"plansite/generator/internal/memory"
	"plansite/generator/pipeline"
	"plansite/generator/plan"
)

// A stageRun is one run of the generator's stages: the wall time and the
// CPU time (user and system, all threads) of each, and the peak memory of
// the process that ran them.
type stageRun struct {
	times, cpu map[string]time.Duration
	peakKB     int64
}

// stagesCommand is "bench stages -data DIR -out DIR [-cpuprofile FILE]
// [-memprofile FILE]": it runs the generator's pipeline (package pipeline)
// with a hook that times each stage, and prints (with -check, instead of
// -out, only load, check and compute: parseStages refuses that output)
//
//	stage load 0.123456s cpu 0.200000s
//	…
//	peak-rss 123456 kB
func stagesCommand(args []string, w io.Writer) error {
	fset := flag.NewFlagSet("stages", flag.ContinueOnError)
	data := fset.String("data", "data", "data folder")
	out := fset.String("out", "", "folder to emit the Hugo project into")
	profile := fset.String("cpuprofile", "", "write a CPU profile of the stages to this file (go tool pprof)")
	heap := fset.String("memprofile", "", "write a heap profile as of the last collection before the end of emit, with the project still held, to this file (go tool pprof -sample_index=inuse_space)")
	checkOnly := fset.Bool("check", false, "stop after load, check and compute (pipeline.Check), so that a profile is of them alone; -out is not needed")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *out == "" && !*checkOnly {
		return errors.New("-out is required")
	}
	memory.Limit() // as the generator runs (generator/memory.go, main.go)
	memory.Batch()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	t, cpu := time.Now(), cpuTime()
	lap := func(stage string) {
		if stage == "emit" && *heap != "" {
			if err := writeHeapProfile(*heap); err != nil {
				fmt.Fprintln(os.Stderr, "bench stages:", err)
			}
		}
		now, c := time.Now(), cpuTime()
		fmt.Fprintf(w, "stage %s %.6fs cpu %.6fs\n", stage, now.Sub(t).Seconds(), (c - cpu).Seconds())
		t, cpu = now, c
	}
	run := pipeline.Run
	if *checkOnly {
		run = func(data, _ string, hook pipeline.Hook) (plan.Problems, error) {
			_, probs, err := pipeline.Check(data, hook)
			return probs, err
		}
	}
	probs, err := run(*data, *out, lap)
	if errors.Is(err, pipeline.ErrBadData) {
		return fmt.Errorf("%s has fatal problems:\n%s", *data, probs.Format(""))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "peak-rss %d kB\n", memory.Peak())
	return nil
}

func parseStages(s string) (stageRun, error) {
	sr := stageRun{times: map[string]time.Duration{}, cpu: map[string]time.Duration{}}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 5 && f[0] == "stage":
			d, err := time.ParseDuration(f[2])
			if err != nil {
				return sr, err
			}
			c, err := time.ParseDuration(f[4])
			if err != nil {
				return sr, err
			}
			sr.times[f[1]], sr.cpu[f[1]] = d, c
		case len(f) == 3 && f[0] == "peak-rss":
			sr.peakKB, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	if len(sr.times) != len(pipeline.Stages) {
		return sr, fmt.Errorf("bench stages printed %d stages, want %d:\n%s", len(sr.times), len(pipeline.Stages), s)
	}
	return sr, nil
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeHeapProfile writes the heap profile to name: what was live at the
// last collection, and every allocation since the start.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
