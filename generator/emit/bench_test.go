package emit_test

import (
	"io/fs"
	"path/filepath"
	"testing"

	"plansite/generator/chart"
	"plansite/generator/emit"
	"plansite/generator/internal/benchdata"
	"plansite/generator/load"
	"plansite/generator/progress"
	"plansite/themes"
)

// built is a dataset's emitted project, and what it was built from.
type built struct {
	name  string
	build func() (emit.Files, error)
}

// datasets loads, checks and charts each dataset once, outside the timer.
func datasets(b *testing.B) []built {
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		b.Fatal(err)
	}
	var out []built
	for _, ds := range benchdata.Datasets(b) {
		p, probs := load.Dir(ds.Dir)
		if probs.Fatal() {
			b.Fatal(probs)
		}
		r := progress.Compute(p, 0)
		cs, err := chart.Build(p, r)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, built{ds.Name, func() (emit.Files, error) { return emit.Build(p, r, cs, theme) }})
	}
	return out
}

// BenchmarkBuild assembles the Hugo project in memory: the view, the
// pages, the open data, the charts' files and the theme.
func BenchmarkBuild(b *testing.B) {
	for _, d := range datasets(b) {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite writes a project that is already on disk, as a rebuild
// after an edit does: every file is read and compared, none written.
func BenchmarkWrite(b *testing.B) {
	for _, d := range datasets(b) {
		files, err := d.build()
		if err != nil {
			b.Fatal(err)
		}
		dir := filepath.Join(b.TempDir(), "site")
		if _, err := emit.Write(dir, files); err != nil {
			b.Fatal(err)
		}
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if n, err := emit.Write(dir, files); err != nil || n != 0 {
					b.Fatalf("Write = %d, %v; want 0 files written", n, err)
				}
			}
		})
	}
}
