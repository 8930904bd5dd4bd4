package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/generator/changes"
	"plansite/generator/load"
	"plansite/generator/progress"
)

// Each target page with values says when its data was last updated: the
// newest date of the sources its values cite, else the data's own date. A
// page with no value shows no such date.
func TestTargetPagesShowDataDate(t *testing.T) {
	public := siteOf(t, "../examples/demo")
	p, probs := load.Dir("../examples/demo")
	if probs.Fatal() {
		t.Fatal(probs)
	}
	r := progress.Compute(p, 0)
	dated := map[string]string{}
	for _, s := range p.Sources {
		dated[s.ID] = s.Date
	}
	fromSources := 0
	for i, tgt := range p.Targets {
		want := ""
		for _, pt := range r.Targets[i].Series {
			want = max(want, dated[pt.Source])
		}
		if want != "" {
			fromSources++
		} else {
			want = p.Site.Updated
		}
		html := readFile(t, filepath.Join(public, "chi-tieu", tgt.ID, "index.html"))
		if len(r.Targets[i].Series) == 0 {
			if strings.Contains(html, "Cập nhật số liệu") {
				t.Errorf("%s: a date of data on a page with no data", tgt.ID)
			}
			continue
		}
		if !strings.Contains(html, "<p class=data-updated>Cập nhật số liệu: <time datetime="+want+">") {
			t.Errorf("%s: no line \"Cập nhật số liệu\" with %s", tgt.ID, want)
		}
	}
	if fromSources == 0 {
		t.Errorf("no demo target takes its date from a source: the test tests nothing")
	}
}

// A build says what changed in the data since the site it replaces, in
// /data/changes.json and on one line of its output.
func TestBuildSummarisesChanges(t *testing.T) {
	out := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	copyDir(t, "../examples/demo", data)
	build := func() (string, changes.Summary) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-data", data, "-out", out, "-hugo", hugoCmd(t)}, &stdout, &stderr); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr.String())
		}
		var s changes.Summary
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "public", "data", "changes.json"))), &s); err != nil {
			t.Fatal(err)
		}
		return stdout.String(), s
	}
	stdout, s := build()
	if !strings.Contains(stdout, "changes: no previous build to compare with\n") || s.Previous != nil {
		t.Errorf("first build: stdout %q, previous %+v; want no previous build", stdout, s.Previous)
	}

	obs := filepath.Join(data, "observations.yaml")
	b, err := os.ReadFile(obs)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("    value: 97\n"), []byte("    value: 98\n"), 1)
	b = append(b, "  - {target: 2a-nguoi-co-cong, year: 2016, value: 0, status: provisional, source: demo-chi-tieu-2015}\n"...)
	if err := os.WriteFile(obs, b, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, s = build()
	want := "changes: since the previous build: 1 new observations, 1 changed, 0 removed; 0 new targets, 1 changed, 0 removed (2a-nguoi-co-cong)\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("second build's output lacks %q:\n%s", want, stdout)
	}
	if len(s.Observations.Added) != 1 || s.Observations.Added[0]["year"] != 2016.0 {
		t.Errorf("added = %+v, want the 2016 observation", s.Observations.Added)
	}
	if len(s.Observations.Changed) != 1 || strings.Join(s.Observations.Changed[0].Columns, ",") != "value" ||
		s.Observations.Changed[0].Before["value"] != 97.0 || s.Observations.Changed[0].After["value"] != 98.0 {
		t.Errorf("changed = %+v, want 2014's value 97 → 98", s.Observations.Changed)
	}
	if s.Previous == nil || s.Previous.Updated != s.Updated {
		t.Errorf("previous = %+v, want the first build's date %s", s.Previous, s.Updated)
	}
}
