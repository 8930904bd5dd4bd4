// Package hugo runs the pinned Hugo on an emitted project and publishes
// the result atomically: Hugo builds into a fresh folder beside public/,
// which replaces public/ only when the build succeeded. A failed build
// leaves the previous site exactly as it was.
//
// The replaced site stays beside the new one as public.old until the next
// build, which removes it while Hugo runs: a site of thousands of pages
// takes seconds to remove, which need not be waited for.
package hugo

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// DefaultCommand runs the Hugo pinned in tools/hugo.mod; it must be run
// from the repository root.
var DefaultCommand = []string{"go", "tool", "-modfile=tools/hugo.mod", "hugo"}

// Build renders the Hugo project in siteDir into siteDir/public. command is
// the Hugo executable and any leading arguments.
func Build(command []string, siteDir string) error {
	if len(command) == 0 {
		command = DefaultCommand
	}
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return err
	}
	public := filepath.Join(abs, "public")
	removed := make(chan error, 1) // the previous build's public.old, removed while Hugo runs
	go func() { removed <- os.RemoveAll(public + ".old") }()
	tmp, err := os.MkdirTemp(abs, ".public-new-")
	if err != nil {
		<-removed
		return err
	}
	defer os.RemoveAll(tmp) // after a successful swap it no longer exists
	cmd := Command(command, abs, tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	if rmErr := <-removed; err == nil && rmErr != nil {
		return rmErr
	}
	if err != nil {
		return fmt.Errorf("hugo failed (%v); the previous site is unchanged:\n%s", err, strings.TrimSpace(out.String()))
	}
	return swap(tmp, public)
}

// Command is the Hugo command that renders the project in siteDir into
// dest, as Build runs it; make bench runs it alone to compare.
func Command(command []string, siteDir, dest string) *exec.Cmd {
	args := append(append([]string(nil), command[1:]...),
		"build", "--source", siteDir, "--destination", dest, "--minify", "--logLevel", "warn", "--panicOnWarning", "--noBuildLock")
	cmd := exec.Command(command[0], args...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "HUGO_ENVIRONMENT=production")
	return cmd
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
