// Package hugo runs the pinned Hugo on an emitted project and publishes
// the result atomically: Hugo builds into a fresh folder beside public/,
// which replaces public/ only when the build succeeded. A failed or
// interrupted build leaves the previous site exactly as it was.
//
// The caller holds the project folder's lock (package lock) while Build
// runs, for Build clears what earlier builds left there, which only the
// one writer may do: the replaced site (public.old), and the temporary
// folder (.public-new-*) of a build that was killed before it could remove
// its own. They are removed while Hugo runs: a site of thousands of pages
// takes seconds to remove, which need not be waited for.
//
// Hugo runs in a process group of its own. When the context is done (the
// generator got SIGINT or SIGTERM), the group gets SIGTERM (SIGKILL if it
// is still running 10 s later), Build waits for it and removes the
// temporary folder. On Linux and FreeBSD, Hugo also dies with the
// generator (Pdeathsig), even when the generator is killed outright.
package hugo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// DefaultCommand runs the Hugo pinned in tools/hugo.mod; it must be run
// from the repository root.
var DefaultCommand = []string{"go", "tool", "-modfile=tools/hugo.mod", "hugo"}

// TempPrefix begins the name of the folder Hugo builds into, in the
// project folder, until it replaces public/.
const TempPrefix = ".public-new-"

// stopDelay is how long Hugo has to stop after SIGTERM before it is killed.
const stopDelay = 10 * time.Second

// Build renders the Hugo project in siteDir into siteDir/public. command is
// the Hugo executable and any leading arguments. When ctx is done before
// public/ is replaced, Build stops Hugo and returns an error wrapping
// ctx's cause, and public/ is as it was.
func Build(ctx context.Context, command []string, siteDir string) error {
	_, err := BuildWatched(ctx, command, siteDir, nil)
	return err
}

// Stats is what Hugo reports of a build it finished.
type Stats struct {
	Pages int // pages rendered, in every language
}

// BuildWatched is Build, which also calls started, when it is not nil,
// with the folder Hugo renders into as soon as Hugo runs (for Rendered to
// count), and returns what Hugo reported of the build.
func BuildWatched(ctx context.Context, command []string, siteDir string, started func(dest string)) (Stats, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return Stats{}, err
	}
	public := filepath.Join(abs, "public")
	left, _ := filepath.Glob(filepath.Join(abs, TempPrefix+"*"))
	left = append(left, public+".old")
	removed := make(chan error, 1) // what earlier builds left, removed while Hugo runs
	go func() {
		var errs []error
		for _, dir := range left {
			errs = append(errs, os.RemoveAll(dir))
		}
		removed <- errors.Join(errs...)
	}()
	tmp, err := os.MkdirTemp(abs, TempPrefix)
	if err != nil {
		<-removed
		return Stats{}, err
	}
	defer os.RemoveAll(tmp) // after a successful swap it no longer exists
	cmd := Command(ctx, command, abs, tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if started != nil {
		started(tmp)
	}
	err = run(cmd)
	rmErr := <-removed
	switch {
	case ctx.Err() != nil:
		return Stats{}, fmt.Errorf("hugo stopped: %w", context.Cause(ctx))
	case err != nil:
		msg := fmt.Sprintf("hugo failed (%v); the previous site is unchanged", err)
		if said := strings.TrimSpace(out.String()); said != "" {
			msg += ". Hugo said:\n" + said
		}
		return Stats{}, errors.New(msg)
	case rmErr != nil:
		return Stats{}, rmErr
	}
	if err := swap(tmp, public); err != nil {
		return Stats{}, fmt.Errorf("publishing %s: %v; the previous site is unchanged", public, err)
	}
	return Stats{Pages: pagesIn(out.String())}, nil
}

// pagesIn is the number of pages in Hugo's summary of a build, the sum
// of its languages' columns:
//
//	                  │ VI │ EN
//	──────────────────┼────┼────
//	 Pages            │ 94 │ 92
//
// or 0 when the summary has no such line.
func pagesIn(said string) int {
	for _, l := range strings.Split(said, "\n") {
		cells := strings.Split(l, "│")
		if len(cells) < 2 || strings.TrimSpace(cells[0]) != "Pages" {
			continue
		}
		n := 0
		for _, c := range cells[1:] {
			v, err := strconv.Atoi(strings.TrimSpace(c))
			if err != nil {
				return 0
			}
			n += v
		}
		return n
	}
	return 0
}

// Rendered is the number of pages (HTML files) in dest so far: how far
// Hugo, rendering into dest, has come.
func Rendered(dest string) int {
	n := 0
	filepath.WalkDir(dest, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".html") {
			n++
		}
		return nil
	})
	return n
}

// Command is the Hugo command that renders the project in siteDir into
// dest, as Build runs it; make bench runs it alone to compare.
func Command(ctx context.Context, command []string, siteDir, dest string) *exec.Cmd {
	cmd := command1(ctx, command, "build", "--source", siteDir, "--destination", dest,
		"--minify", "--logLevel", "warn", "--panicOnWarning", "--noBuildLock")
	cmd.Env = append(cmd.Env, "HUGO_ENVIRONMENT=production")
	return cmd
}

// Server is the command of Hugo's server on the project in siteDir, with
// args after its own. The caller starts it, and waits for it on the
// goroutine that started it, locked to its thread (runtime.LockOSThread):
// Pdeathsig is sent when the thread that started Hugo ends.
func Server(ctx context.Context, command []string, siteDir string, args ...string) *exec.Cmd {
	return command1(ctx, command, append([]string{"server", "--source", siteDir}, args...)...)
}

// command1 is command (DefaultCommand if empty) with args after it, stopped
// as the package comment says when ctx is done.
func command1(ctx context.Context, command []string, args ...string) *exec.Cmd {
	if len(command) == 0 {
		command = DefaultCommand
	}
	cmd := exec.CommandContext(ctx, command[0], append(append([]string(nil), command[1:]...), args...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.SysProcAttr = sysProcAttr()
	cmd.Cancel = func() error { return terminate(cmd.Process) }
	cmd.WaitDelay = stopDelay
	return cmd
}

// run runs cmd from a goroutine locked to its thread, so that the thread
// that started Hugo, whose end Pdeathsig watches, lives as long as Hugo.
func run(cmd *exec.Cmd) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return cmd.Run()
}

// swap replaces dst with src: dst moves aside to dst.old, src takes its
// name. Both renames are within one folder. The old copy is left for the
// next Build to remove.
func swap(src, dst string) error {
	old := dst + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(dst, old); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(src, dst); err != nil {
		_ = os.Rename(old, dst) // put the previous site back
		return err
	}
	return nil
}
