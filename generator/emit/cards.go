package emit

import (
	"fmt"
	"io/fs"

	"plansite/generator/card"
	"plansite/generator/internal/parallel"
	"plansite/generator/plan"
)

// A shareCard is what a page's share card says, in each language; the
// page's og:image is its PNG at cardPath.
type shareCard struct {
	name                           string // file name without .png: "home", "target-2a", "section-plan"
	kicker, title, big, when, line plan.Text
	accent                         string
}

// cardPath is where a card is served, from the site's root.
func cardPath(lang plan.Lang, name string) string {
	return "cards/" + string(lang) + "/" + name + ".png"
}

// The fonts of the cards, in the theme, under their licence (OFL.txt).
const (
	fontRegular = "fonts/NotoSans-Regular.ttf"
	fontBold    = "fonts/NotoSans-Bold.ttf"
)

// targetCard is a target's card: its name, its latest value and status.
func targetCard(name, kicker plan.Text, t targetView) *shareCard {
	a := t.Answer
	status := t.Progress.Status
	line := plan.Text{VI: status.Label().VI, EN: status.Label().EN}
	if a.Goal.VI != "" {
		line = plan.Text{VI: line.VI + " · " + a.Goal.VI, EN: line.EN + " · " + a.Goal.In(plan.EN)}
	}
	return &shareCard{kicker: kicker, title: name, big: a.Value, when: a.When, line: line, accent: status.Colour()}
}

// cardFiles draws every page's card in every language, on every CPU, and
// adds them to files under static/.
func cardFiles(files Files, ps []sitePage, theme fs.FS, site plan.Text) error {
	regular, err := fs.ReadFile(theme, fontRegular)
	if err != nil {
		return err
	}
	bold, err := fs.ReadFile(theme, fontBold)
	if err != nil {
		return err
	}
	fonts, err := card.Load(regular, bold)
	if err != nil {
		return err
	}
	type job struct {
		path string
		c    card.Card
	}
	var jobs []job
	for _, pg := range ps {
		sc := pg.card
		if sc == nil {
			continue
		}
		for _, lang := range plan.Langs {
			jobs = append(jobs, job{cardPath(lang, sc.name), card.Card{Kicker: sc.kicker.In(lang), Title: sc.title.In(lang),
				Big: sc.big.In(lang), When: sc.when.In(lang), Line: sc.line.In(lang), Footer: site.In(lang), Accent: sc.accent}})
		}
	}
	out := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Do(len(jobs), func(i int) { out[i], errs[i] = fonts.Draw(jobs[i].c) })
	for i, j := range jobs {
		if errs[i] != nil {
			return fmt.Errorf("share card %s: %w", j.path, errs[i])
		}
		files["static/"+j.path] = out[i]
	}
	return nil
}
