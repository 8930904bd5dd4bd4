package chart

import (
	"math"
	"strconv"

	"plansite/generator/markdown"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// A builder makes the charts of one plan and its progress.
type builder struct {
	p *plan.Plan
	r *progress.Report
	x *plan.Index // the plan's, as the report carries it
}

func newBuilder(p *plan.Plan, r *progress.Report) *builder {
	return &builder{p: p, r: r, x: r.Index}
}

// scope says where and when a chart's numbers are of: the name of the
// area id and the span of years, "Bắc Giang, 2010–2015".
func (b *builder) scope(id string, years ...int) plan.Text {
	lo, hi := 0, 0
	for _, y := range years {
		if y == 0 {
			continue
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	return both(func(lang plan.Lang) string {
		s := b.areaName(id).In(lang)
		switch {
		case lo == 0:
		case lo == hi:
			s += ", " + strconv.Itoa(lo)
		default:
			s += ", " + strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
		}
		return s
	})
}

// sourceList are the ids, each once, in the order met, without "".
func sourceList(ids ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// pointSources are the sources of points.
func pointSources(pts ...[]progress.Point) []string {
	var ids []string
	for _, ps := range pts {
		for _, p := range ps {
			ids = append(ids, p.Source)
		}
	}
	return ids
}

// pointYears are the years of points.
func pointYears(pts ...[]progress.Point) []int {
	var ys []int
	for _, ps := range pts {
		for _, p := range ps {
			ys = append(ys, p.Year)
		}
	}
	return ys
}

// plain is a text of the data without markup.
func plain(t plan.Text) plan.Text {
	return plan.Text{VI: markdown.Plain(t.VI), EN: markdown.Plain(t.EN)}
}

// areaName is the name of the area with the given id, or the id.
func (b *builder) areaName(id string) plan.Text {
	if a := b.x.Area(id); a != nil {
		return plain(a.Name)
	}
	return plan.Text{VI: id, EN: id}
}

// districts are the areas right under the plan's area that are districts
// or cities, in the data's order: the rows of the districts page.
func (b *builder) districts() []*plan.Area {
	var out []*plan.Area
	for _, id := range b.x.Children(b.p.Document.Area) {
		if a := b.x.Area(id); a.Kind == plan.KindDistrict || a.Kind == plan.KindCity {
			out = append(out, a)
		}
	}
	return out
}

// headline is the target the overview leads with (plan.Plan.Headline)
// and its progress.
func (b *builder) headline() (*plan.Target, *progress.TargetProgress) {
	t := b.p.Headline()
	if t == nil {
		return nil, nil
	}
	tp := b.r.Target(t.ID)
	if tp == nil {
		return nil, nil
	}
	return t, tp
}

// figureStatus names the status of a figure: final, provisional, estimate.
var figureStatus = map[string]plan.Text{
	"":               {VI: "chính thức", EN: "final"},
	plan.Final:       {VI: "chính thức", EN: "final"},
	plan.Provisional: {VI: "sơ bộ", EN: "provisional"},
	plan.Estimate:    {VI: "ước tính", EN: "estimate"},
}

// yearHead heads a column of years.
var yearHead = plan.Text{VI: "Năm", EN: "Year"}

// hollowNote says how provisional values are drawn.
var hollowNote = plan.Text{VI: "Điểm rỗng: số liệu sơ bộ hoặc ước tính.", EN: "Hollow markers: provisional figures or estimates."}

// axisRange is a value axis from lo to hi, with room around the values
// and ends on round numbers; a rate stays within 0–100 and a count or an
// amount does not go below 0.
func axisRange(lo, hi float64, unit string) (float64, float64) {
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	step := niceStep(span / 5)
	min := math.Floor((lo-span*0.1)/step) * step
	max := math.Ceil((hi+span*0.1)/step) * step
	if lo >= 0 && min < 0 {
		min = 0
	}
	if unit == plan.UnitPercent && max > 100 && hi <= 100 {
		max = 100
	}
	return round(min), round(max)
}

// niceStep is 1, 2 or 5 times a power of ten, at least x.
func niceStep(x float64) float64 {
	p := math.Pow10(int(math.Floor(math.Log10(x))))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// round drops floating-point noise: 0.30000000000000004 is 0.3.
func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }
