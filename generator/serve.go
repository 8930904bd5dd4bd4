package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// serve previews the site: it emits the project, runs Hugo's server on it,
// and re-emits whenever a data file changes. Hugo reloads the browser when
// the emitted files change; emit writes only files whose bytes changed, so
// an edit to one value rewrites a handful of files. Bad data is reported
// in the terminal and the last good preview stays up.
func serve(cfg config, stdout, stderr io.Writer) error {
	if err := emitSite(cfg, stderr); err != nil {
		return err
	}
	cmd := hugoCommand(cfg)
	args := append(cmd[1:], "server", "--source", cfg.out, "--port", cfg.port, "--bind", "127.0.0.1",
		"--disableFastRender", "--logLevel", "warn")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	h := exec.CommandContext(ctx, cmd[0], args...)
	h.Stdout, h.Stderr = stdout, stderr
	h.Env = append(os.Environ(), "CGO_ENABLED=0")
	if err := h.Start(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "preview at http://127.0.0.1:%s/ — watching %s (Ctrl+C to stop)\n", cfg.port, cfg.data)
	last := fingerprint(cfg.data)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	done := make(chan error, 1)
	go func() { done <- h.Wait() }()
	for {
		select {
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("hugo server stopped: %v", err)
		case <-tick.C:
			now := fingerprint(cfg.data)
			if now == last {
				continue
			}
			last = now
			start := time.Now()
			if err := emitSite(cfg, stderr); err != nil {
				fmt.Fprintf(stderr, "the preview keeps the last good data until this is fixed\n")
				continue
			}
			fmt.Fprintf(stdout, "data changed: site updated in %v\n", time.Since(start).Round(time.Millisecond))
		}
	}
}

// fingerprint sums the names, sizes and modification times of the data
// folder's files, so that a poll notices any edit, addition or removal.
func fingerprint(dir string) string {
	var lines []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			lines = append(lines, fmt.Sprintf("%s %d %d", path, info.Size(), info.ModTime().UnixNano()))
		}
		return nil
	})
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n"))))
}
