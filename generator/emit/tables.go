package emit

import (
	"slices"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// The tables of this file are chosen and pivoted here rather than in the
// templates that show them, so that a template only looks things up and
// prints: which areas the districts page lists, the budget's costs by area
// and year, the places of an area's ranking.

// An areasPage is what the districts page lists, by area id: the plan's
// area, the districts and cities within it, the country for comparison,
// and the communes and groups of communes under each of them.
type areasPage struct {
	// Root is the plan's area, else the first province; "" when the data
	// has neither, and the page says there is no data.
	Root string `json:",omitempty"`
	// Districts are Root's children other than communes and groups, in
	// the plan's order.
	Districts []string
	// Country is Root's parent when it is a country with a latest figure:
	// its row is shown for comparison.
	Country string `json:",omitempty"`
	// Communes are the communes and groups of communes of Root, then of
	// each district, in that order; an area with none has no entry.
	Communes []communeList
	// MixedYears is true when the latest rates of Root and Districts are
	// not all of one year: the pages then show them as the latest
	// available, each with its year, and rank none across years.
	MixedYears bool `json:",omitempty"`
}

// A communeList is the communes and groups of communes within one area.
type communeList struct {
	Parent string
	Areas  []string
}

// areasPageOf chooses the areas of the districts page from the areas as
// lists show them (index is each one's place in areas, by id) and the
// plan's area.
func areasPageOf(root string, areas []areaSummary, index map[string]int) areasPage {
	v := areasPage{Districts: []string{}, Communes: []communeList{}}
	find := func(id string) *areaSummary {
		if i, ok := index[id]; ok {
			return &areas[i]
		}
		return nil
	}
	r := find(root)
	if r == nil {
		for i := range areas {
			if areas[i].Kind == plan.KindProvince {
				r = &areas[i]
				break
			}
		}
	}
	if r == nil {
		return v
	}
	v.Root = r.ID
	local := func(a *areaSummary) bool { return a.Kind == plan.KindGroup || a.Kind == plan.KindCommune }
	for _, id := range r.Children {
		if a := find(id); a != nil && !local(a) {
			v.Districts = append(v.Districts, a.ID)
		}
	}
	year := 0
	for _, id := range append([]string{r.ID}, v.Districts...) {
		if l := find(id).Progress.Latest; l != nil {
			v.MixedYears = v.MixedYears || (year != 0 && l.Year != year)
			year = l.Year
		}
	}
	if p := find(r.Parent); p != nil && p.Kind == plan.KindCountry && p.Progress.Latest != nil {
		v.Country = p.ID
	}
	for _, parent := range append([]string{r.ID}, v.Districts...) {
		l := communeList{Parent: parent, Areas: []string{}}
		for _, id := range find(parent).Children {
			if a := find(id); a != nil && local(a) {
				l.Areas = append(l.Areas, a.ID)
			}
		}
		if len(l.Areas) > 0 {
			v.Communes = append(v.Communes, l)
		}
	}
	return v
}

// A costTable is the costs per household leaving poverty as the budget
// page shows them: a row an area, a column a year of the budget, and a
// column for the whole period when any area has a cost for it.
type costTable struct {
	// Years are the budget's years, the table's columns.
	Years       []int
	WholePeriod bool
	Rows        []costRow
	// Sources are the sources the costs' inputs cite, each once, in the
	// order the table's cells first cite them: the numbered sources of the
	// explanations listed below the table.
	Sources []string
}

// A costRow is one area's costs: one a year of the table's Years, null
// where there is none; Whole is the cost over the whole period.
type costRow struct {
	Area  string
	Years []*progress.Cost
	Whole *progress.Cost `json:",omitempty"`
}

// costTableOf pivots costs (a cost for the whole period has Year 0) into
// rows by area, in the order the areas first appear, and columns by the
// budget's years. Costs of a year outside years are not shown.
func costTableOf(costs []progress.Cost, years []int) costTable {
	t := costTable{Years: years, Rows: []costRow{}}
	col := map[int]int{}
	for i, y := range years {
		col[y] = i
	}
	row := map[string]int{}
	for i := range costs {
		c := &costs[i]
		r, ok := row[c.Area]
		if !ok {
			r = len(t.Rows)
			row[c.Area] = r
			t.Rows = append(t.Rows, costRow{Area: c.Area, Years: make([]*progress.Cost, len(years))})
		}
		if c.Year == 0 {
			t.WholePeriod = true
			t.Rows[r].Whole = c
		} else if j, ok := col[c.Year]; ok {
			t.Rows[r].Years[j] = c
		}
	}
	t.Sources = []string{}
	seen := map[string]bool{}
	for _, r := range t.Rows {
		for _, c := range append(slices.Clip(r.Years), r.Whole) {
			if c == nil || c.PerHousehold == nil {
				continue
			}
			for _, in := range c.PerHousehold.Inputs {
				if in.Source != "" && !seen[in.Source] {
					seen[in.Source] = true
					t.Sources = append(t.Sources, in.Source)
				}
			}
		}
	}
	return t
}

// lineSources are the sources budget lines cite, each once, in the order
// the lines first cite them.
func lineSources(lines []plan.BudgetLine) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, l := range lines {
		if l.Source != "" && !seen[l.Source] {
			seen[l.Source] = true
			out = append(out, l.Source)
		}
	}
	return out
}

// lineNotes are the distinct notes of budget lines, in the order the
// lines first give them; each line's NoteRef is set to its note's number.
// Many lines share a note (a decision's number), so the page lists each
// once below the table rather than under every line.
func lineNotes(lines []lineView) []plan.Text {
	out := []plan.Text{}
	for i := range lines {
		n := lines[i].Note
		if n.IsZero() {
			continue
		}
		at := slices.IndexFunc(out, func(o plan.Text) bool { return o.VI == n.VI && o.EN == n.EN })
		if at < 0 {
			out = append(out, n)
			at = len(out) - 1
		}
		lines[i].NoteRef = at + 1
	}
	return out
}
