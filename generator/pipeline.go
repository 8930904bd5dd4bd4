package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"plansite/generator/chart"
	"plansite/generator/check"
	"plansite/generator/emit"
	"plansite/generator/hugo"
	"plansite/generator/internal/lock"
	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
	"plansite/themes"
)

type config struct {
	data string // data folder
	out  string // emitted Hugo project
	hugo string // Hugo executable
	port string // preview port
	lang string // language of messages
	// format of printed problems: text, json or github (plan.Formats)
	format string
}

// errBadData is returned when the data has fatal problems, already printed.
var errBadData = errors.New("bad data")

// checked loads and checks the data folder, computes its progress, and
// prints every problem to w in cfg.format.
func checked(cfg config, w io.Writer) (*plan.Plan, *progress.Report, error) {
	p, report, probs, err := verify(cfg)
	if err != nil {
		return nil, nil, err
	}
	printProblems(w, probs, cfg)
	if probs.Fatal() {
		return nil, nil, errBadData
	}
	return p, report, nil
}

// verify loads and checks the data folder and computes its progress. Its
// problems, sorted, are the checker's and the warnings only the
// computation can find (children that do not add up to their parent, a
// baseline that differs from the figure of its year); the plan and report
// are nil when a problem is fatal.
func verify(cfg config) (*plan.Plan, *progress.Report, plan.Problems, error) {
	switch st, err := os.Stat(cfg.data); {
	case err != nil:
		return nil, nil, nil, usageError(fmt.Sprintf("data folder %q not found: give -data the folder that holds site.yaml", cfg.data))
	case !st.IsDir():
		return nil, nil, nil, usageError(fmt.Sprintf("%q is a file, not a folder: give -data the folder that holds it", cfg.data))
	}
	p, probs := load.Dir(cfg.data)
	if !probs.Fatal() {
		// Checks need a fully decoded plan; decoding problems come first.
		probs = append(probs, check.Plan(p)...)
	}
	var report *progress.Report
	if !probs.Fatal() {
		report = progress.Compute(p, 0)
		for _, w := range report.Warnings {
			if w.Kind == progress.WarnChildrenTotal || w.Kind == progress.WarnBaselineDiffers {
				probs = append(probs, w.Problem())
			}
		}
	}
	probs.Sort()
	if probs.Fatal() {
		return nil, nil, probs, nil
	}
	return p, report, probs, nil
}

func checkData(cfg config, stderr io.Writer) error {
	_, _, err := checked(cfg, stderr)
	return err
}

// emitSite runs the pipeline up to the Hugo project: load, check,
// progress, charts, emit. It writes only files whose bytes changed.
func emitSite(cfg config, stderr io.Writer) error {
	p, report, err := checked(cfg, stderr)
	if err != nil {
		return err
	}
	files, err := project(cfg, p, report)
	if err != nil {
		return err
	}
	return write(cfg, files)
}

// project is the Hugo project of a checked plan, with the summary of what
// changed since the build published in cfg.out.
func project(cfg config, p *plan.Plan, report *progress.Report) (emit.Files, error) {
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		return nil, err
	}
	charts, err := chart.Build(p, report)
	if err != nil {
		return nil, err
	}
	files, err := emit.Build(p, report, charts, theme)
	if err != nil {
		return nil, err
	}
	addChanges(cfg, files, p.Site.Updated)
	return files, nil
}

// write writes the project into cfg.out. Stopped half-way (SIGKILL, a
// full disk), it leaves files that the next write compares with what it
// emits and rewrites, and files that it no longer emits, which it
// removes: nothing of it reaches the next build.
func write(cfg config, files emit.Files) error {
	if _, err := emit.Write(cfg.out, files); err != nil {
		return fmt.Errorf("writing %s: %w", cfg.out, err)
	}
	return nil
}

// hugoCommand is the Hugo to run: -hugo split into words, or the pinned one.
func hugoCommand(cfg config) []string {
	if cfg.hugo != "" {
		return strings.Fields(cfg.hugo)
	}
	return hugo.DefaultCommand
}

// build is the whole pipeline: emit the project, then build it with Hugo
// into a fresh folder that replaces public/ only when all went well.
//
// Once the data is checked, build takes cfg.out to itself (lockOut) and
// handles SIGINT and SIGTERM: it stops Hugo, removes what Hugo wrote,
// releases the folder and says that the previous site is unchanged. A
// panic releases the folder too, and so does SIGKILL: the lock is the
// kernel's.
func build(cfg config, stdout, stderr io.Writer) error {
	watch := newStopwatch(stderr) // PLANSITE_TIMINGS, for make bench
	p, report, err := checked(cfg, stderr)
	if err != nil {
		return err
	}
	// Until here a signal ends the process at once: nothing is written yet.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	l, err := lockOut(cfg.out, "build")
	if err != nil {
		return err
	}
	defer l.Release()
	files, err := project(cfg, p, report)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	if err := write(cfg, files); err != nil {
		return fmt.Errorf("%w; the previous site is unchanged", err)
	}
	watch.lap("generator")
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	if err := hugo.Build(ctx, hugoCommand(cfg), cfg.out); err != nil {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		return err
	}
	watch.lap("hugo")
	printChanges(cfg, stdout)
	fmt.Fprintf(stdout, "built %s\n", cfg.out+"/public")
	return nil
}

// interrupted is the error of a build stopped by a signal.
func interrupted(ctx context.Context) error {
	return fmt.Errorf("interrupted (%v); the previous site is unchanged", context.Cause(ctx))
}

// lockOut takes the lock of the output folder for command (build or
// serve), which holds it until it ends. When another build or a preview
// holds it, the error says which, and what to do.
func lockOut(out, command string) (*lock.Lock, error) {
	l, err := lock.Take(out, command)
	var h *lock.Held
	switch {
	case !errors.As(err, &h):
		return l, err
	case h.PID == 0:
		return nil, fmt.Errorf("another build is writing to %s; wait for it or stop it", out)
	case h.Command == "serve":
		return nil, fmt.Errorf("a preview (generator serve, process %d, started %s) is using %s; stop it, or give -out another folder", h.PID, h.When(), out)
	default:
		return nil, fmt.Errorf("another build is writing to %s (process %d, started %s); wait for it or stop it", out, h.PID, h.When())
	}
}
