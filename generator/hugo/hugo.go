// Package hugo runs the pinned Hugo on an emitted project and publishes
// the result atomically: Hugo builds into a fresh folder beside public/,
// which replaces public/ only when the build succeeded. A failed build
// leaves the previous site exactly as it was.
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
	tmp, err := os.MkdirTemp(abs, ".public-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after a successful swap it no longer exists
	cmd := Command(command, abs, tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("hugo failed (%v); the previous site is unchanged:\n%s", err, strings.TrimSpace(out.String()))
	}
	return swap(tmp, filepath.Join(abs, "public"))
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

// swap replaces dst with src: dst moves aside, src takes its name, the old
// copy is removed. Both renames are within one folder.
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
	return os.RemoveAll(old)
}
