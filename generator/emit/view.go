package emit

import (
	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// The view is what templates read from data/plan.json: the plan reduced to
// what pages show, with both languages side by side.

// T is a text in both languages. En is empty when there is no translation;
// templates then show the Vietnamese.
type T struct {
	VI string `json:"vi"`
	EN string `json:"en,omitempty"`
}

func text(t plan.Text) T { return T{VI: t.VI, EN: t.EN} }

// plain is the text without markup, for lists and descriptions.
func plain(t plan.Text) T { return T{VI: markdown.Plain(t.VI), EN: markdown.Plain(t.EN)} }

type siteView struct {
	Title    T            `json:"title"`
	Demo     bool         `json:"demo"`
	Updated  string       `json:"updated,omitempty"`
	Document documentView `json:"document"`
	Targets  []targetView `json:"targets"`
}

type documentView struct {
	Title  T      `json:"title"`
	Number string `json:"number,omitempty"`
	Date   string `json:"date,omitempty"`
	Issuer T      `json:"issuer"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Note   T      `json:"translation_note"`
}

type targetView struct {
	ID          string `json:"id"`
	Name        T      `json:"name"`
	Description T      `json:"description"`
	Section     string `json:"section,omitempty"`
	By          int    `json:"by"`
}

func view(p *plan.Plan) siteView {
	d := p.Document
	v := siteView{
		Title:   text(p.Site.Title),
		Demo:    p.Site.Demo,
		Updated: p.Site.Updated,
		Document: documentView{
			Title: text(d.Title), Number: d.Number, Date: d.Date, Issuer: text(d.Issuer),
			Start: d.Period.Start, End: d.Period.End, Note: text(d.Translation),
		},
		Targets: []targetView{},
	}
	for _, t := range p.Targets {
		v.Targets = append(v.Targets, targetView{
			ID: t.ID, Name: plain(t.Name), Description: plain(t.Description), Section: t.Section, By: t.By,
		})
	}
	return v
}
