//go:build gates

package gates

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The tools the gates run. None is optional: a missing one fails the gate
// with what to install, since a skipped gate passes nothing.

// chromiumPath is Debian's chromium, or PLANSITE_CHROMIUM.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("PLANSITE_CHROMIUM"), "/usr/bin/chromium", "chromium"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium: run .ci/run, or apt-get install chromium (or set PLANSITE_CHROMIUM)")
	return ""
}

// javaPath is the JRE that runs the Nu HTML Checker.
func javaPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("no java for the Nu HTML Checker: run .ci/run, or apt-get install default-jre-headless")
	}
	return p
}

// nodeModule is a file of an npm package of package-lock.json.
func nodeModule(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(root, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("no node_modules/%s: run .ci/run, or npm ci --ignore-scripts in %s", rel, root)
	}
	return p
}
