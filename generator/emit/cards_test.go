package emit

import (
	"bytes"
	"encoding/json"
	"image/png"
	"io/fs"
	"testing"

	"plansite/generator/card"
	"plansite/generator/chart"
	"plansite/generator/load"
	"plansite/generator/progress"
	"plansite/themes"
)

// build emits the project of a data folder.
func build(t *testing.T, dir string) Files {
	t.Helper()
	p, probs := load.Dir(dir)
	if probs.Fatal() {
		t.Fatal(probs)
	}
	r := progress.Compute(p, 0)
	cs, err := chart.Build(p, r)
	if err != nil {
		t.Fatal(err)
	}
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(p, r, cs, theme)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Every page names a share card that is emitted: a 1200×630 PNG under
// static/cards/, the same bytes on every build; each target and the home
// page have their own, with a description written for the page.
func TestShareCards(t *testing.T) {
	files := build(t, "../../examples/demo")
	again := build(t, "../../examples/demo")
	pages, own := 0, map[string]bool{}
	for name, m := range pageFrontMatters(t, files) {
		pages++
		b, _ := json.Marshal(m)
		var fm struct{ Card, Description, Type string }
		if err := json.Unmarshal(b, &fm); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if fm.Type == "" {
			continue // a page written in content/, not emitted
		}
		png1, ok := files["static/"+fm.Card]
		if !ok {
			t.Errorf("%s: card %q is not emitted", name, fm.Card)
			continue
		}
		if !bytes.Equal(png1, again["static/"+fm.Card]) {
			t.Errorf("%s: card %s differs between two builds", name, fm.Card)
		}
		if fm.Type == "target" || fm.Type == "home" {
			own[fm.Card] = true
			if fm.Description == "" {
				t.Errorf("%s: no description", name)
			}
		}
	}
	if pages == 0 || len(own) < 10 {
		t.Fatalf("%d pages, %d own cards: want pages, and a card for each target and the home page", pages, len(own))
	}
	img, err := png.Decode(bytes.NewReader(files["static/cards/vi/home.png"]))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != card.Width || s.Y != card.Height {
		t.Errorf("home card is %v, want %d×%d", s, card.Width, card.Height)
	}
}
