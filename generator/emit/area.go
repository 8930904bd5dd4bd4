package emit

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"plansite/generator/internal/parallel"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// An area's page reads its own view (areaView, in AreaPagesFile), one an
// area: 10,600 of them at national scale. Each holds what the page shows and nothing
// more, and says each number once: a figure's year, source and status are
// its row's in the figures table, and the explanations of the rates and
// changes computed from those rows name their inputs by what they are
// (the year's poor households, the previous year's rate) without
// repeating the row's year, source and status; each sibling's rate is a
// row of the rank table, not an input of the rank's explanation too. So a
// page's cost grows with its own rows only.

// An areaView is an area as its own page shows it.
type areaView struct {
	areaNode
	// ParentKind is the kind of the area's parent ("" when it has none);
	// Ancestors are the ids of the areas above it that have a page (all
	// but the country), outermost first, for the breadcrumb.
	ParentKind string   `json:",omitempty"`
	Ancestors  []string `json:",omitempty"`
	AreaKM2    *float64 `json:",omitempty"`
	Lat, Lon   *float64 `json:",omitempty"`
	// AreaSource and CoordinatesSource are the sources of AreaKM2 and of
	// Lat and Lon.
	AreaSource, CoordinatesSource string `json:",omitempty"`
	// Figures are the rows of the figures table, oldest first.
	Figures []figureView
	// LeftNearPoverty is true when a figure counts the households that
	// left near poverty: the table then has a column for them.
	LeftNearPoverty bool `json:",omitempty"`
	// Change explains the figures table's change column once, by its
	// latest row: a page explains it once however many years it shows.
	Change *changeView `json:",omitempty"`
	Facts  []factView  `json:",omitempty"`
	Note   plan.Text   `json:",omitzero"`
	// Latest is the latest year with a poor rate.
	Latest *latestView `json:",omitempty"`
	// AverageReduction is the average fall of the poor rate a year, its
	// rates and years those of the figures table's rows.
	AverageReduction *progress.Explanation `json:",omitempty"`
	// Bands compares the yearly falls with each yearly-reduction target
	// whose scope is the area.
	Bands []progress.BandCheck `json:",omitempty"`
	Rank  *areaRank            `json:",omitempty"`
	// Totals checks the area's figures against its children's.
	Totals  *totalsView `json:",omitempty"`
	Targets []string    // targets whose scope it is
	// Sources are the sources the page cites, in the order of their
	// numbers.
	Sources []string

	// progress is the area's progress in full, for its summary.
	progress *progress.AreaProgress
}

// A figureView is a row of an area's figures table: a figure of the
// data and the year's rates as shown, with how the site computed them.
type figureView struct {
	Year                                           int
	Households, PoorHouseholds, NearPoorHouseholds *int `json:",omitempty"`
	LeftPoverty, LeftNearPoverty                   *int `json:",omitempty"`
	// Poor and NearPoor are the year's rates; nil when the year has none
	// (or is after the data's last year taken into account).
	Poor, NearPoor *rateView `json:",omitempty"`
	// PoorChange is the change of the poor rate in points a year since
	// the previous row with a rate; every row's is computed alike, and
	// areaView.Change explains the latest.
	PoorChange *float64 `json:",omitempty"`
	Status     string
	// Source is the number of the figure's source in the page's list
	// (areaView.Sources, from 1); ConfirmedBy those of other sources that
	// publish the same values.
	Source      int       `json:",omitempty"`
	ConfirmedBy []int     `json:",omitempty"`
	Note        plan.Text `json:",omitzero"`
	// Derived says how the values were worked out from published ones.
	Derived plan.Text `json:",omitzero"`
}

// A changeView is the change of the poor rate of a row of the figures
// table (Year) and how it is computed.
type changeView struct {
	Year int
	How  *progress.Explanation
}

// A rateView is a rate as the figures table shows it: the rate the
// source states, else the one computed from the counts. Computed is how
// the counts give it, only where the page shows that: when no rate is
// stated, or when the counts give a rate that reads differently at two
// decimals (Differs: by more than progress.RateTolerance).
type rateView struct {
	Value    float64
	Stated   bool                  `json:",omitempty"`
	Computed *progress.Explanation `json:",omitempty"`
	Differs  bool                  `json:",omitempty"`
}

// An areaRank is an area's place among its siblings. The table that shows
// it is its ranking's (siteView.Rankings[Group]), shared by the areas
// ranked together: a district's page once repeated every sibling's row,
// and the rows were two fifths of the areas' views at national scale.
type areaRank struct {
	Position, Of int
	// Year is the year of every rate ranked.
	Year int
	// Group names the ranking (the parent, the year, and whether groups
	// are ranked): its rows are siteView.Rankings[Group], and the theme
	// renders the other areas' rows once for the ranking.
	Group string
	// Self is the area's own row; the page shows it first among the rows
	// of its value.
	Self rankRow
	// How is the rank's explanation: the formula and the area's own rate;
	// the rates it is counted against are the ranking's rows.
	How progress.Explanation
}

// A rankRow is one area of a ranking: its place and latest poor rate, the
// rate's year (the rank's) and its status when it is not final. Another
// area's row is the same on the page of each area it is ranked with, and
// holds all that it shows, so that the theme renders it once.
type rankRow struct {
	Position int
	Area     string
	Value    float64
	Year     int
	Status   string `json:",omitempty"`
}

// A totalsView is the check of an area's figures against the sum of its
// children's (progress.ChildTotal): how many figures were checked, the
// checks that found a difference, each with its sum explained, and
// whether the data holds only some of the children.
type totalsView struct {
	Checked int
	Differs []progress.ChildTotal `json:",omitempty"`
	// Partial is true when a sum below the stated figure is expected: the
	// area is a district or a city, whose communes the data seldom lists
	// in full, or some children lack the figure.
	Partial bool `json:",omitempty"`
}

// areas builds every area's page view, in the plan's order, with r's
// progress.
func areas(p *plan.Plan, r *progress.Report) []areaView {
	// Each area's view is its own: they are made on every CPU.
	out := make([]areaView, len(p.Areas))
	parallel.Do(len(p.Areas), func(i int) {
		a := p.Areas[i]
		ap := &r.Areas[i]
		av := areaView{areaNode: areaNode{ID: a.ID, Parent: a.Parent, Kind: a.Kind, Name: plain(a.Name), Children: []string{},
			Flags: nonNil(a.Flags), FlagCounts: a.FlagCounts, Members: nonNil(a.Members), MemberCount: a.MemberCount},
			AreaKM2: a.AreaKM2, Lat: a.Lat, Lon: a.Lon, AreaSource: a.AreaSource, CoordinatesSource: a.CoordinatesSource,
			Figures: []figureView{}, Note: inert(a.Note), Bands: ap.Bands, Targets: []string{}, Sources: []string{}, progress: ap}
		av.Children = append(av.Children, r.Index.Children(a.ID)...)
		av.ParentKind, av.Ancestors = ancestors(r.Index, a.Parent)
		number := map[string]int{}
		add := func(s string) int {
			if s == "" {
				return 0
			}
			if _, seen := number[s]; !seen {
				av.Sources = append(av.Sources, s)
				number[s] = len(av.Sources)
			}
			return number[s]
		}
		if a.AreaKM2 != nil {
			add(a.AreaSource)
		}
		if a.Lat != nil {
			add(a.CoordinatesSource)
		}
		av.Figures = figureRows(a.Figures, ap, add)
		for _, f := range av.Figures {
			av.LeftNearPoverty = av.LeftNearPoverty || f.LeftNearPoverty != nil
		}
		for _, y := range ap.Years {
			if y.PoorChange != nil {
				av.Change = &changeView{Year: y.Year, How: ofRows(y.PoorChange)}
			}
		}
		for _, f := range a.Facts {
			av.Facts = append(av.Facts, factView{Year: f.Year, Label: plain(f.Label), Value: f.Value, Qualifier: f.Qualifier, Unit: f.Unit,
				Source: f.Source, Note: inert(f.Note)})
			add(f.Source)
		}
		if l := ap.Latest; l != nil {
			av.Latest = latestOf(l)
		}
		av.AverageReduction = ofRows(ap.AverageReduction)
		av.Rank = rankOf(ap.Rank, a)
		av.Totals = totalsOf(ap.Totals, a.Kind)
		av.Targets = append(av.Targets, r.Index.Scoped(a.ID)...)
		out[i] = av
	})
	return out
}

// ancestors are the kind of the area parent and the ids of it and the
// areas above it that have a page, outermost first. The walk stops after
// a few levels, on a cycle of parents that check has reported.
func ancestors(x *plan.Index, parent string) (kind string, ids []string) {
	if p := x.Area(parent); p != nil {
		kind = p.Kind
	}
	for range 8 {
		p := x.Area(parent)
		if parent == "" || p == nil {
			break
		}
		if p.Kind != plan.KindCountry {
			ids = append([]string{p.ID}, ids...)
		}
		parent = p.Parent
	}
	return kind, ids
}

// figureRows are the rows of an area's figures table: its figures by
// year, each with the year's rates and change from ap. add numbers a
// source in the page's list.
func figureRows(figures []plan.Figure, ap *progress.AreaProgress, add func(string) int) []figureView {
	years := map[int]*progress.AreaYear{}
	for i := range ap.Years {
		years[ap.Years[i].Year] = &ap.Years[i]
	}
	figs := append([]plan.Figure(nil), figures...)
	sort.SliceStable(figs, func(i, j int) bool { return figs[i].Year < figs[j].Year })
	out := []figureView{}
	for _, f := range figs {
		fv := figureView{Year: f.Year, Households: f.Households, PoorHouseholds: f.PoorHouseholds,
			NearPoorHouseholds: f.NearPoorHouseholds, LeftPoverty: f.LeftPoverty, LeftNearPoverty: f.LeftNearPoverty,
			Status: f.Status, Source: add(f.Source), Note: inert(f.Note), Derived: inert(f.Derived)}
		for _, s := range f.ConfirmedBy {
			fv.ConfirmedBy = append(fv.ConfirmedBy, add(s))
		}
		if y := years[f.Year]; y != nil {
			fv.Poor, fv.NearPoor = rateOf(y.Poor), rateOf(y.NearPoor)
			if c := y.PoorChange; c != nil {
				fv.PoorChange = &c.Result
			}
		}
		out = append(out, fv)
	}
	return out
}

// rateOf is r as the figures table shows it, or nil.
func rateOf(r *progress.Rate) *rateView {
	if r == nil {
		return nil
	}
	v := &rateView{Value: r.Value, Stated: r.Stated != nil}
	if c := r.Computed; c != nil {
		if r.Stated == nil || twoDecimals(c.Result) != twoDecimals(*r.Stated) {
			v.Computed = ofRows(c)
		}
		v.Differs = r.Stated != nil && math.Abs(c.Result-*r.Stated) > progress.RateTolerance
	}
	return v
}

// twoDecimals is x as the theme writes a rate (lang.FormatNumber 2),
// without the locale's separators, which do not change whether two
// rates read the same.
func twoDecimals(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// ofRows is e with its inputs' year, source and status left out, for an
// explanation whose measured inputs are figures of the table's rows: the
// rows show them, and a formula's years are inputs of their own. e is
// shared with the other stages and not changed.
func ofRows(e *progress.Explanation) *progress.Explanation {
	if e == nil {
		return nil
	}
	out := &progress.Explanation{Formula: e.Formula, Result: e.Result, Inputs: make([]progress.Input, len(e.Inputs))}
	for i, in := range e.Inputs {
		in.Year, in.Source, in.Status = 0, "", ""
		out.Inputs[i] = in
	}
	return out
}

// latestOf is the latest year of an area as its page and lists show it.
func latestOf(l *progress.AreaYear) *latestView {
	v := &latestView{Year: l.Year, Status: l.Status}
	if l.Poor != nil {
		v.Poor = &valueView{Value: l.Poor.Value}
	}
	if l.NearPoor != nil {
		v.NearPoor = &valueView{Value: l.NearPoor.Value}
	}
	return v
}

// rankOf is the rank r of the area a as its page shows it, or nil; the
// rows it is ranked among are its ranking's (ranking, siteView.Rankings).
func rankOf(r *progress.Rank, a plan.Area) *areaRank {
	if r == nil {
		return nil
	}
	v := &areaRank{Position: r.Position, Of: r.Of, Year: r.Year, Group: rankGroup(a, r.Year)}
	v.How = progress.Explanation{Formula: r.Formula, Result: r.Result}
	for _, in := range r.Inputs {
		if in.Item == a.ID {
			v.Self = rankRowOf(in, r.Position, r.Year)
			v.How.Inputs = []progress.Input{{Name: "v_latest", Value: in.Value, Decimals: in.Decimals}}
		}
	}
	return v
}

// rankGroup names the ranking of the area a in year: progress ranks
// together the siblings whose latest rates are of one year, groups apart.
func rankGroup(a plan.Area, year int) string {
	g := a.Parent + "/" + strconv.Itoa(year)
	if a.Kind == plan.KindGroup {
		g += "/" + plan.KindGroup
	}
	return g
}

// ranking orders the inputs of an area's rank (the area's own rate and
// its siblings', each with its area in Item) by value, lowest first, then
// by area id, as progress ranks them: the same rows whichever area's rank
// they come from. Equal values share a place and the next place skips
// (1, 2, 2, 4), as the rank itself counts.
func ranking(r *progress.Rank) []rankRow {
	if r == nil {
		return nil
	}
	in := slices.Clone(r.Inputs)
	slices.SortStableFunc(in, func(x, y progress.Input) int {
		if c := cmp.Compare(x.Value, y.Value); c != 0 {
			return c
		}
		return strings.Compare(x.Item, y.Item)
	})
	out := make([]rankRow, len(in))
	for i, x := range in {
		pos := i + 1
		if i > 0 && x.Value == in[i-1].Value {
			pos = out[i-1].Position
		}
		out[i] = rankRowOf(x, pos, r.Year)
	}
	return out
}

// rankRowOf is the row of a ranking of the input in (an area's rate, with
// the area in Item) at place pos, its rates of year.
func rankRowOf(in progress.Input, pos, year int) rankRow {
	row := rankRow{Position: pos, Area: in.Item, Value: in.Value, Year: year}
	if in.Status != plan.Final {
		row.Status = in.Status
	}
	return row
}

// totalsOf is the check of an area of kind kind against its children, or
// nil when there is none.
func totalsOf(ts []progress.ChildTotal, kind string) *totalsView {
	if len(ts) == 0 {
		return nil
	}
	v := &totalsView{Checked: len(ts), Partial: kind == plan.KindDistrict || kind == plan.KindCity}
	for _, t := range ts {
		if t.Differs {
			v.Differs = append(v.Differs, t)
		}
		v.Partial = v.Partial || t.With < t.Of
	}
	return v
}
