// Package pipeline runs the generator's stages, in the order they run:
//
//	load → check → compute → charts → emit
//
// from a data folder to the Hugo project in an output folder. Check runs
// the first three and Emit the last two; Run runs them all. They are the
// one way into the stages for every command that reads data (check,
// build, serve, new), for make bench and for the tests, so that all see
// the same problems and the same project. A Hook, called as each stage
// ends, is how make bench times them.
//
// Emit writes only files whose bytes changed; a write stopped half-way
// (SIGKILL, a full disk) leaves nothing that reaches the next one, which
// rewrites what differs and removes what it no longer emits. Who may write
// into the output folder is the caller's business (package lock).
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"plansite/generator/changes"
	"plansite/generator/chart"
	"plansite/generator/check"
	"plansite/generator/content"
	"plansite/generator/emit"
	"plansite/generator/load"
	"plansite/generator/opendata"
	"plansite/generator/plan"
	"plansite/generator/progress"
	"plansite/themes"
)

// Stages are the names of the stages, in the order they run.
var Stages = []string{"load", "check", "compute", "charts", "emit"}

// A Hook is called as each stage ends, with the stage's name. A nil Hook
// is not called.
type Hook func(stage string)

func (h Hook) done(stage string) {
	if h != nil {
		h(stage)
	}
}

// ErrBadData is returned, with the problems, when one of them is fatal.
var ErrBadData = errors.New("bad data")

// Checked is data that passed the checks: the plan and its progress.
type Checked struct {
	Plan   *plan.Plan
	Report *progress.Report
	// Segment is the part of the pages Hugo renders (build -segment); the
	// zero Segment for all of them.
	Segment emit.Segment
}

// Check loads and checks the data folder and computes its progress. Its
// problems, sorted, are the checker's and the warnings only the
// computation can find (children that do not add up to their parent, a
// baseline that differs from the figure of its year). When one is fatal,
// it returns them with ErrBadData and no Checked.
func Check(data string, hook Hook) (*Checked, plan.Problems, error) {
	return CheckSite(Input{Data: data}, hook)
}

// Input is what the pipeline reads: the data folder, the content folder
// of pages editors write (package content; "" for none), and whether
// drafts are published.
type Input struct {
	Data, Content string
	Drafts        bool
}

// CheckSite is Check, with the pages of in.Content checked after the
// data (their links name its items). Unless in.Drafts, the reports and
// pages marked draft are left out once checked.
func CheckSite(in Input, hook Hook) (*Checked, plan.Problems, error) {
	p, probs := load.Dir(in.Data)
	hook.done("load")
	if !probs.Fatal() {
		// Checks need a fully decoded plan; decoding problems come first.
		probs = append(probs, check.Plan(p)...)
		if in.Content != "" {
			pages, more := content.Dir(in.Content, p, emit.Sections)
			p.Pages = pages
			probs = append(probs, more...)
		}
		if !in.Drafts {
			p.Reports = slices.DeleteFunc(p.Reports, func(r plan.Report) bool { return r.Draft })
			p.Pages = slices.DeleteFunc(p.Pages, func(pg plan.Page) bool { return pg.Draft })
		}
	}
	hook.done("check")
	if probs.Fatal() {
		probs.Sort()
		return nil, probs, ErrBadData
	}
	report := progress.Compute(p, 0)
	for _, w := range report.Warnings {
		if w.Kind == progress.WarnChildrenTotal || w.Kind == progress.WarnBaselineDiffers {
			probs = append(probs, w.Problem())
		}
	}
	probs.Sort()
	hook.done("compute")
	if probs.Fatal() {
		return nil, probs, ErrBadData
	}
	return &Checked{Plan: p, Report: report}, probs, nil
}

// Emit builds the charts and the Hugo project of c, with the summary of
// what changed since the build published in out/public, and writes the
// project into out.
func Emit(c *Checked, out string, hook Hook) error {
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		return err
	}
	charts, err := chart.Build(c.Plan, c.Report)
	if err != nil {
		return err
	}
	hook.done("charts")
	files, err := emit.Build(c.Plan, c.Report, charts, theme)
	if err != nil {
		return err
	}
	if c.Segment.N > 0 {
		files["hugo.toml"] = emit.WithSegments(files["hugo.toml"], c.Plan, c.Segment)
	}
	addChanges(out, files, c.Plan.Site.Updated)
	if _, err := emit.Write(out, files); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	hook.done("emit")
	return nil
}

// Run runs every stage: Check, then Emit unless a problem is fatal.
func Run(data, out string, hook Hook) (plan.Problems, error) {
	c, probs, err := Check(data, hook)
	if err != nil {
		return probs, err
	}
	return probs, Emit(c, out, hook)
}

// ChangesPath is where the summary of what changed is emitted: beside the
// open data, so that it is published at /data/changes.json.
const ChangesPath = "static/" + opendata.Dir + "/" + changes.File

// addChanges compares the open data in files with the previous build's,
// which is the published site in out/public when there is one, and adds
// the summary to files. A previous build whose files cannot be read counts
// as none: it must not stop a new one.
func addChanges(out string, files emit.Files, updated string) {
	names := []string{changes.ObservationsFile, changes.IndicatorsFile}
	next := map[string][]byte{}
	for _, n := range names {
		next[n] = files[path.Join("static", opendata.Dir, n)]
	}
	var prev map[string][]byte
	dir := filepath.Join(out, "public", opendata.Dir)
	for _, n := range append(names, changes.File) {
		if b, err := os.ReadFile(filepath.Join(dir, n)); err == nil {
			if prev == nil {
				prev = map[string][]byte{}
			}
			prev[n] = b
		}
	}
	s, err := changes.Compare(prev, next, updated)
	if err != nil {
		s, _ = changes.Compare(nil, next, updated)
	}
	files[ChangesPath] = s.JSON()
}
