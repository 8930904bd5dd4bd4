//go:build gates

// Package gates holds the site's quality gates, run by make test: the
// built site, demo and shipped data, in a real browser (no console error,
// no failed request, no other origin, no Content-Security-Policy
// violation, 0 axe-core violations, every control reached by Tab and
// visible on focus), through the Nu HTML Checker, with its headers file,
// and built from hostile data.
//
// The package has tests only. It builds sites as CI does, by running the
// generator: TestMain compiles it once, and each dataset is built the first
// time a test asks for it. Hugo is PLANSITE_HUGO (an absolute path; make
// sets it) or else the pinned one through go tool.
//
// The gates need Debian's chromium, a JRE, and node_modules from the
// committed package-lock.json; .ci/run installs them. A missing tool fails
// the test with what to install: a gate never skips.
//
// The files carry the build tag gates, so that go test ./... leaves them
// out; make runs them on their own:
//
//	PLANSITE_HUGO=$PWD/bin/hugo go test -tags gates ./generator/gates/   every gate
//	go test -tags gates ./generator/gates/ -run TestValidHTML             one of them
//	go test -tags gates ./generator/gates/ -run 'TestPagesInBrowser/demo/budget/'
//	go test -tags gates ./generator/gates/ -run '^$' -update              rewrite testdata/hostile*
//
// The gates:
//
//	TestValidHTML            the Nu HTML Checker over every page: 0 errors
//	TestPagesInBrowser       every page type, both languages, 360 and 1280 px
//	TestHeadersFile          the _headers file and its Content-Security-Policy
//	TestAssetsResolve        chart data, srcset, CSS url() and integrity
//	TestHostileDataRefused   raw HTML and script links refused at file:line
//	TestHostileTextInert     hostile text published inert, in the browser
//	TestHostileCSVNeutralised  no spreadsheet formula in the CSV files
//	TestBrowserGatesCatchBreakage  the browser gates fail on a broken page
//	TestTablesSortByValue    data tables sort by value from the keyboard, aria-sort
//	TestSortKeepsTotalsInPlace  totals and comparisons keep their place
//	TestFoldedTableSorts     the budget's folded lines open by keyboard and sort
//	TestPlanTextOnFirstScreen  the plan's text starts on a 360×640 screen
//	TestLargestPaintIsText   every page type's largest contentful paint is text
//	TestLargestPaintSeesAnImage  that gate reports a picture as an image
package gates

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/hostile and testdata/hostile-text from examples/demo")

// Set once by TestMain.
var (
	root      string // the repository
	generator string // the compiled generator
	work      string // where the sites are built
)

func TestMain(m *testing.M) {
	flag.Parse()
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "gates:", err)
		if work != "" {
			os.RemoveAll(work)
		}
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(work)
	os.Exit(code)
}

func setup() error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	root = filepath.Join(wd, "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("no go.mod two folders up from %s", wd)
	}
	if work, err = os.MkdirTemp("", "plansite-gates-"); err != nil {
		return err
	}
	generator = filepath.Join(work, "generator")
	cmd := exec.Command("go", "build", "-o", generator, "./generator")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./generator: %v\n%s", err, out)
	}
	if *update {
		return writeFixtures()
	}
	return nil
}

// hugo is the Hugo command the generator runs.
func hugo() string {
	if h := os.Getenv("PLANSITE_HUGO"); h != "" {
		return h
	}
	return "go tool -modfile=" + filepath.Join(root, "tools", "hugo.mod") + " hugo"
}

// build runs `generator build` on a data folder into out and returns its
// exit status and stderr.
func build(t *testing.T, data, out string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(generator, "build", "-data", data, "-out", out, "-hugo", hugo())
	cmd.Dir = root
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), stderr.String()
		}
		t.Fatalf("generator build -data %s: %v", data, err)
	}
	return 0, stderr.String()
}

// A dataset is a data folder the gates build a site from.
type dataset struct {
	name string // a short name for test names and messages
	dir  string // relative to the repository
}

var (
	demo        = dataset{"demo", "examples/demo"}
	shipped     = dataset{"data", "data"}
	hostileText = dataset{"hostile-text", "generator/gates/testdata/hostile-text"}
)

var (
	sitesMu sync.Mutex
	sites   = map[string]*builtSite{}
)

type builtSite struct {
	once   sync.Once
	public string
	err    string
}

// site builds d once per test run and returns its public folder.
func site(t *testing.T, d dataset) string {
	t.Helper()
	sitesMu.Lock()
	b := sites[d.name]
	if b == nil {
		b = &builtSite{}
		sites[d.name] = b
	}
	sitesMu.Unlock()
	b.once.Do(func() {
		out := filepath.Join(work, "site-"+d.name)
		if code, stderr := build(t, filepath.Join(root, d.dir), out); code != 0 {
			b.err = fmt.Sprintf("exit %d\n%s", code, stderr)
			return
		}
		b.public = filepath.Join(out, "public")
	})
	if b.err != "" {
		t.Fatalf("generator build -data %s: %s", d.dir, b.err)
	}
	return b.public
}
