package progress

import (
	"sort"

	"plansite/generator/plan"
)

// A Point is one dated value of a series: a baseline, an observation or an
// area's yearly figure.
type Point struct {
	Year   int
	Half   int // 1 for a first-half (30 June) figure
	Value  float64
	Status string // final (or empty), provisional or estimate
	Source string
	// Computed says how the value was worked out from household counts; it
	// is nil when the source states the value.
	Computed *Explanation
	// Qualifier is the source's hedge on the value (plan.Qualifiers).
	Qualifier string `json:",omitempty"`
	// ConfirmedBy are other sources that publish the same value.
	ConfirmedBy []string `json:",omitempty"`
	// Derived is true when the value was worked out from published ones,
	// not stated by its source: it is then never shown as official.
	Derived bool     `json:",omitempty"`
	Pos     plan.Pos `json:"-"`
}

// T is the point's place on the time axis, in years.
func (pt Point) T() float64 { return at(pt.Year, pt.Half) }

// Provisional reports whether the value is provisional or an estimate.
func (pt Point) Provisional() bool { return provisional(pt.Status) }

// input is the point as the input name of a formula.
func (pt Point) input(name string) Input {
	return Input{Name: name, Value: pt.Value, Year: pt.Year, Half: pt.Half, Source: pt.Source, Status: pt.Status}
}

// time is the point's time as the input name of a formula.
func (pt Point) time(name string) Input { return num(name, pt.T()) }

// at places a value in time. A year's figure stands at the end of its year,
// as the baseline year and the target year do: from a 2012 baseline to a
// 2015 target is three years. A first-half figure (30 June) stands half a
// year before the end of its year, so that it comes after the previous
// year's figure and before its own year's.
func at(year, half int) float64 {
	if half == 1 {
		return float64(year) - 0.5
	}
	return float64(year)
}

// sortPoints orders points in time, keeping the first of two at the same
// time and reporting the others to dup.
func sortPoints(pts []Point, dup func(kept, dropped Point)) []Point {
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].T() < pts[j].T() })
	out := pts[:0:0]
	for _, pt := range pts {
		if n := len(out); n > 0 && out[n-1].T() == pt.T() {
			dup(out[n-1], pt)
			continue
		}
		out = append(out, pt)
	}
	return out
}

// A Rate is a poor or near-poor household rate of one year: the stated rate
// where the source gives one (it is what the site shows), and the rate
// computed from household counts where they are known.
type Rate struct {
	Value    float64 // Stated if known, else Computed.Result
	Stated   *float64
	Computed *Explanation
}

// rateOf is the poor (near == false) or near-poor rate of f, or nil.
func rateOf(f *plan.Figure, near bool) *Rate {
	stated, count := f.PoorRate, f.PoorHouseholds
	if near {
		stated, count = f.NearPoorRate, f.NearPoorHouseholds
	}
	r := &Rate{Stated: stated}
	if count != nil && f.Households != nil && *f.Households > 0 {
		n, total := float64(*count), float64(*f.Households)
		r.Computed = explain(FormulaRate, n/total*100,
			Input{Name: "n", Value: n, Year: f.Year, Source: f.Source, Status: f.Status},
			Input{Name: "N", Value: total, Year: f.Year, Source: f.Source, Status: f.Status})
	}
	switch {
	case stated != nil:
		r.Value = *stated
	case r.Computed != nil:
		r.Value = r.Computed.Result
	default:
		return nil
	}
	return r
}

// measure reports whether m is the near-poor rate, and whether it is a
// measure this package knows.
func measure(m string) (near, known bool) {
	switch m {
	case plan.MeasurePoorRate:
		return false, true
	case plan.MeasureNearPoorRate:
		return true, true
	}
	return false, false
}

// figurePoints is the series of measure in a's figures, in time order.
func (c *computer) figurePoints(a *plan.Area, near bool) []Point {
	var pts []Point
	for i := range a.Figures {
		f := &a.Figures[i]
		if !c.visible(f.Year) {
			continue
		}
		r := rateOf(f, near)
		if r == nil {
			continue
		}
		pt := Point{Year: f.Year, Value: r.Value, Status: f.Status, Source: f.Source, ConfirmedBy: f.ConfirmedBy,
			Derived: !f.Derived.IsZero(), Pos: f.Pos}
		if r.Stated == nil {
			pt.Computed = r.Computed
		}
		pts = append(pts, pt)
	}
	// Duplicate figure years are reported by the area pass.
	return sortPoints(pts, func(kept, dropped Point) {})
}

// observationPoints is the series of t's observations for its scope, in
// time order.
func (c *computer) observationPoints(t *plan.Target) []Point {
	var pts []Point
	for _, o := range c.x.Observations(t.ID) {
		if (o.Area != "" && o.Area != t.Scope) || o.Value == nil || !c.visible(o.Year) {
			continue
		}
		pts = append(pts, Point{Year: o.Year, Half: o.Half, Value: *o.Value, Status: o.Status, Source: o.Source,
			Qualifier: o.Qualifier, ConfirmedBy: o.ConfirmedBy, Pos: o.Pos})
	}
	return sortPoints(pts, func(kept, dropped Point) {
		c.warn(Warning{Kind: WarnDuplicate, Pos: dropped.Pos, Target: t.ID, Year: dropped.Year, Half: dropped.Half,
			Stated: kept.Value, Computed: dropped.Value})
	})
}

// rawPoints is a target's values in time order: the scope's figures of its
// measure, or else its observations for its scope. ok is false when the
// values cannot be found at all.
func (c *computer) rawPoints(t *plan.Target, tp *TargetProgress) (pts []Point, ok bool) {
	if t.Measure == "" {
		return c.observationPoints(t), true
	}
	near, known := measure(t.Measure)
	a := c.x.Area(t.Scope)
	switch {
	case !known:
		tp.Notes = append(tp.Notes, NoteUnknownMeasure)
		return nil, false
	case a == nil:
		tp.Notes = append(tp.Notes, NoteUnknownScope)
		c.warn(Warning{Kind: WarnUnknownScope, Pos: t.At("scope"), Target: t.ID, Area: t.Scope})
		return nil, false
	}
	for _, o := range c.x.Observations(t.ID) {
		c.warn(Warning{Kind: WarnIgnoredObservation, Pos: o.Pos, Target: t.ID, Year: o.Year, Half: o.Half})
	}
	return c.figurePoints(a, near), true
}

// series is what a target is measured on: its values from the baseline
// year on, the baseline first when it is known. It sets tp.Baseline, or
// notes that the first value stands in for an unknown baseline value.
func (c *computer) series(t *plan.Target, tp *TargetProgress) (pts []Point, ok bool) {
	pts, ok = c.rawPoints(t, tp)
	if !ok {
		return nil, false
	}
	b := t.Baseline
	if b.Year == 0 {
		if len(pts) > 0 {
			tp.Notes = append(tp.Notes, NoteBaselineFromFirst)
		}
		return pts, true
	}
	kept := pts[:0:0]
	for _, pt := range pts {
		if pt.T() >= float64(b.Year) {
			kept = append(kept, pt)
		}
	}
	before := len(kept) < len(pts)
	pts = kept
	if b.Value != nil && c.visible(b.Year) {
		base := Point{Year: b.Year, Value: *b.Value, Source: b.Source, Pos: b.Pos}
		if len(pts) > 0 && pts[0].T() == base.T() {
			if pts[0].Value != base.Value {
				c.warn(Warning{Kind: WarnBaselineDiffers, Pos: b.At("value"), Target: t.ID, Year: b.Year,
					Stated: base.Value, Computed: pts[0].Value})
			}
			pts = pts[1:]
		}
		pts = append([]Point{base}, pts...)
	}
	if len(pts) > 0 && pts[0].T() == float64(b.Year) {
		base := pts[0]
		tp.Baseline = &base
	} else if len(pts) > 0 {
		tp.Notes = append(tp.Notes, NoteBaselineFromFirst)
	}
	if len(pts) == 0 && before {
		tp.Notes = append(tp.Notes, NoteOnlyBeforeBaseline)
	}
	return pts, true
}
