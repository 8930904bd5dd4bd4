package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"plansite/generator/hugo"
	"plansite/generator/plan"
)

// pollInterval is how often serve looks at the data folder. A change is
// acted on once two polls agree, so an edit waits one to two intervals
// before the rebuild starts: short enough that a saved edit reaches the
// browser within a second (make bench measures it), while a poll of the
// data folder's few files costs next to nothing.
const pollInterval = 100 * time.Millisecond

// serve previews the site: it emits the project, runs Hugo's server on it,
// and re-emits whenever a data file changes. Hugo reloads the browser when
// the emitted files change; emit writes only files whose bytes changed, so
// an edit to one value rewrites a handful of files. Bad data keeps the last
// good preview up, with the problems shown on every page (see
// showProblems) until they are fixed.
func serve(cfg config, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return preview(ctx, cfg, stdout, stderr)
}

// preview is serve until ctx is done; it watches the content folder as
// well as the data folder, and shows drafts (cfg.drafts). It holds the output folder's lock
// all the while (lockOut): it writes there at every data change.
func preview(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	if err := dataFolder(cfg.data); err != nil {
		return err // before the lock creates -out
	}
	l, err := lockOut(cfg.out, "serve")
	if err != nil {
		return err
	}
	defer l.Release()
	if err := emitSite(cfg, stderr); err != nil {
		// Bad data with an earlier project to show: start on that.
		if _, statErr := os.Stat(filepath.Join(cfg.out, "hugo.toml")); !errors.Is(err, errBadData) || statErr != nil {
			return err
		}
		showProblems(cfg, stderr)
	}
	// Hugo renders in memory: site/public stays the last published build,
	// which the next build's summary of changes compares with.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	h := hugo.Server(ctx, hugoCommand(cfg), cfg.out, "--port", cfg.port, "--bind", "127.0.0.1",
		"--disableFastRender", "--renderToMemory", "--logLevel", "warn")
	h.Stdout, h.Stderr = stdout, stderr
	runtime.LockOSThread() // see hugo.Server
	defer runtime.UnlockOSThread()
	if err := h.Start(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "preview at http://127.0.0.1:%s/ — watching %s and %s (Ctrl+C to stop)\n", cfg.port, cfg.data, cfg.contentDir())
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		watch(ctx, pollInterval, func() { reemit(cfg, stdout, stderr) }, cfg.data, cfg.contentDir())
	}()
	err = h.Wait()
	stopped := ctx.Err() != nil
	cancel()
	<-watched // no emit runs on after preview returns
	if stopped {
		return nil
	}
	return fmt.Errorf("hugo server stopped: %v", err)
}

// reemit emits the project again after a data change. Bad data leaves the
// last good project in place and shows its problems in the preview.
func reemit(cfg config, stdout, stderr io.Writer) {
	start := time.Now()
	switch err := emitSite(cfg, stderr); {
	case err == nil:
		fmt.Fprintf(stdout, "data changed: site updated in %v\n", time.Since(start).Round(time.Millisecond))
	case errors.Is(err, errBadData) || errors.As(err, new(usageError)):
		if err := showProblems(cfg, stderr); err == nil {
			fmt.Fprintf(stderr, "the preview keeps the last good data until this is fixed; its pages list the problems\n")
		}
	default:
		fmt.Fprintf(stderr, "generator serve: %v\n", err)
	}
}

// problemsData is the Hugo data file, in the emitted project, that lists
// the data's problems; the theme's data-errors partial shows them on top
// of every page when Hugo runs as a server. emit owns the data/ folder, so
// the next good emit removes the file, and the list with it.
const problemsData = "data/editor.json"

// showProblems writes the problems of the data folder where the preview
// shows them.
func showProblems(cfg config, stderr io.Writer) error {
	_, probs, err := verify(cfg, nil)
	if err != nil && !errors.Is(err, errBadData) {
		// The folder itself is gone or is a file: say so in the page too.
		probs = plan.Problems{{Pos: plan.Pos{File: cfg.data}, VI: err.Error(), EN: err.Error()}}
	}
	b := append([]byte(`{"problems": `), probs.JSON()...)
	b = append(b, "}\n"...)
	path := filepath.Join(cfg.out, filepath.FromSlash(problemsData))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "generator serve: %v\n", err)
		return err
	}
	return nil
}

// watch polls dir every interval until ctx is done and calls onChange once
// for each change that has settled: a change is acted on at the first poll
// that finds the folder as the poll before it did, so that a save made of
// several writes, or a checkout of many files, gives one rebuild and never
// one of a half-written file. onChange runs on watch's goroutine; polls
// wait for it.
func watch(ctx context.Context, interval time.Duration, onChange func(), dirs ...string) {
	built := fingerprint(dirs...)
	last := built
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			now := fingerprint(dirs...)
			if now == last && now != built {
				built = now
				onChange()
			}
			last = now
		}
	}
}

// fingerprint sums the names, sizes and modification times of the files
// of the data and content folders, so that a poll notices any edit,
// addition or removal. A folder that does not exist has no files.
func fingerprint(dirs ...string) string {
	var lines []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				lines = append(lines, fmt.Sprintf("%s %d %d", path, info.Size(), info.ModTime().UnixNano()))
			}
			return nil
		})
	}
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n"))))
}
