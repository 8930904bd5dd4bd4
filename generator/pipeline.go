package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"

	"plansite/generator/emit"
	"plansite/generator/hugo"
	"plansite/generator/internal/lock"
	"plansite/generator/internal/meter"
	"plansite/generator/pipeline"
	"plansite/generator/plan"
)

type config struct {
	data string // data folder
	// content folder of the pages editors write; "" is the content/
	// folder beside the data folder (contentDir)
	content string
	drafts  bool   // publish drafts, under a banner (build -drafts, serve)
	out     string // emitted Hugo project
	hugo    string // Hugo executable
	port    string // preview port
	// baseURL is the site's absolute address (-base-url), over base_url
	// in site.yaml; "" for that one.
	baseURL string
	lang    string // language of messages
	// format of printed problems: text, json or github (plan.Formats)
	format string
	quiet  bool // build: no line per stage
	// segment is build -segment K/N: render only part K of N (docs/scale.md);
	// "" for the whole site.
	segment string
}

// noBaseURL is the one warning of a build without the site's absolute
// address: the tags that need one are left out rather than written
// relative, which would make them invalid.
const noBaseURL = "cảnh báo: chưa có địa chỉ tuyệt đối của trang (-base-url hoặc base_url trong site.yaml): không ghi canonical, hreflang, og:url, og:image và sitemap" +
	" — warning: no absolute address for the site (-base-url or base_url in site.yaml): canonical, hreflang, og:url, og:image and the sitemap are left out"

// errBadData is returned when the data has fatal problems, already printed.
var errBadData = pipeline.ErrBadData

// checked runs the pipeline's checking stages on the data folder and
// prints every problem to w in cfg.format.
func checked(cfg config, w io.Writer) (*pipeline.Checked, error) {
	return checkedOn(cfg, w, nil)
}

// checkedOn is checked, showing the stages on m as they run.
func checkedOn(cfg config, w io.Writer, m *meter.Meter) (*pipeline.Checked, error) {
	c, probs, err := verify(cfg, stagesOn(m))
	m.Stop()                                      // the stage after the last that ran, before the problems
	if err == nil || errors.Is(err, errBadData) { // not when there is no data folder
		printProblems(w, probs, cfg)
	}
	return c, err
}

// verify is pipeline.Check on cfg.data, once -data names a folder.
func verify(cfg config, hook pipeline.Hook) (*pipeline.Checked, plan.Problems, error) {
	if err := dataFolder(cfg.data); err != nil {
		return nil, nil, err
	}
	return pipeline.CheckSite(pipeline.Input{Data: cfg.data, Content: cfg.contentDir(), Drafts: cfg.drafts}, hook)
}

// contentDir is the content folder: -content, or else content/ beside
// the data folder (data/ and content/ at the top of the repository).
func (cfg config) contentDir() string {
	if cfg.content != "" {
		return cfg.content
	}
	return filepath.Join(filepath.Dir(filepath.Clean(cfg.data)), "content")
}

// stagesOn is the pipeline's hook that shows its stages on m: as one
// ends, its line is printed and the next one begins. With a nil m, it is
// nil.
func stagesOn(m *meter.Meter) pipeline.Hook {
	if m == nil {
		return nil
	}
	return func(stage string) {
		m.End(0, "")
		if i := slices.Index(pipeline.Stages, stage); i >= 0 && i+1 < len(pipeline.Stages) {
			m.Begin(pipeline.Stages[i+1], nil)
		}
	}
}

// dataFolder refuses a -data that is not a folder.
func dataFolder(dir string) error {
	switch st, err := os.Stat(dir); {
	case err != nil:
		return usageError(fmt.Sprintf("data folder %q not found: give -data the folder that holds site.yaml", dir))
	case !st.IsDir():
		return usageError(fmt.Sprintf("%q is a file, not a folder: give -data the folder that holds it", dir))
	}
	return nil
}

func checkData(cfg config, stderr io.Writer) error {
	_, err := checked(cfg, stderr)
	return err
}

// emitSite runs the whole pipeline into cfg.out, printing the problems.
func emitSite(cfg config, stderr io.Writer) error {
	c, err := checked(cfg, stderr)
	if err != nil {
		return err
	}
	return pipeline.Emit(c, cfg.out, nil)
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
//
// Each stage is shown on stdout as it runs (package meter): redrawn in
// place on a terminal, one line as it ends elsewhere, nothing with -quiet.
func build(cfg config, stdout, stderr io.Writer) error {
	watch := newStopwatch(stderr) // PLANSITE_TIMINGS, for make bench
	m := meter.New(stdout, meter.ModeOf(stdout, cfg.quiet))
	defer m.Stop() // a stage that failed has no line: its error says why
	m.Begin(pipeline.Stages[0], nil)
	c, err := checkedOn(cfg, stderr, m)
	if err != nil {
		return err
	}
	if cfg.baseURL != "" {
		c.Plan.Site.BaseURL = cfg.baseURL
	}
	if cfg.segment != "" {
		c.Segment, _ = emit.ParseSegment(cfg.segment) // checked with the flags
	}
	// Until here a signal ends the process at once: nothing is written yet.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	l, err := lockOut(cfg.out, "build")
	if err != nil {
		return err
	}
	defer l.Release()
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	m.Begin("charts", nil)
	if err := pipeline.Emit(c, cfg.out, stagesOn(m)); err != nil {
		return fmt.Errorf("%w; the previous site is unchanged", err)
	}
	watch.lap("generator")
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	var dest atomic.Pointer[string] // where Hugo renders, once it runs
	m.Begin("hugo", func() (int, string) {
		if d := dest.Load(); d != nil {
			return hugo.Rendered(*d), "pages"
		}
		return 0, ""
	})
	st, err := hugo.BuildWatched(ctx, hugoCommand(cfg), cfg.out, func(d string) { dest.Store(&d) })
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		return err
	}
	m.End(st.Pages, "pages")
	watch.lap("hugo")
	if !plan.Absolute(c.Plan.Site.BaseURL) {
		fmt.Fprintln(stderr, noBaseURL) // once the site is built: a failed build says only why
	}
	if !cfg.quiet {
		printChanges(cfg, stdout)
	}
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
