//go:build gates

package gates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type        string `json:"type"` // error, info or non-document-error
	SubType     string `json:"subType"`
	URL         string `json:"url"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// Every HTML file of the demo, shipped and hostile-text sites is valid
// HTML: 0 errors from the Nu HTML Checker (vnu.jar from npm), run once
// over the three public folders. Nothing is filtered: neither Hugo's
// minified markup nor the chart figures need an exception.
//
// A canary file with one known error goes through the same run, so that a
// checker that silently checks nothing fails the gate too.
func TestValidHTML(t *testing.T) {
	java := javaPath(t)
	jar := nodeModule(t, "vnu-jar/build/dist/vnu.jar")
	roots := map[string]string{} // public folder → dataset name
	args := []string{"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html"}
	for _, d := range []dataset{demo, shipped, hostileText} {
		public := site(t, d)
		roots[public] = d.name
		args = append(args, public)
	}
	canary, err := filepath.Abs(filepath.Join("testdata", "vnu-canary.html"))
	if err != nil {
		t.Fatal(err)
	}
	args = append(args, canary)

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exit 1 when there are errors; the JSON says which
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("vnu.jar: %v; its output is not JSON (%v):\n%s\n%s", runErr, err, stdout.String(), stderr.String())
	}

	var problems []string
	canaryErrors := 0
	for _, m := range out.Messages {
		file := fileOf(m.URL)
		if file == canary {
			canaryErrors++
			continue
		}
		where := file
		for public, name := range roots {
			if rel, err := filepath.Rel(public, file); err == nil && !strings.HasPrefix(rel, "..") {
				where = name + ": " + filepath.ToSlash(rel)
			}
		}
		problems = append(problems, fmt.Sprintf("%s:%d:%d: %s: %s\n\t%s", where, m.LastLine, m.FirstColumn, m.Type, m.Message, strings.TrimSpace(m.Extract)))
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Errorf("the Nu HTML Checker found %d errors:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	if canaryErrors == 0 {
		t.Errorf("the Nu HTML Checker found no error in %s, which has one: is it checking anything?\n%s", canary, stderr.String())
	}
}

// fileOf turns the checker's file: URL into a path.
func fileOf(u string) string {
	l, err := url.Parse(u)
	if err != nil || l.Scheme != "file" {
		return u
	}
	return filepath.FromSlash(l.Path)
}
