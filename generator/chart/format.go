package chart

import (
	"math"
	"strconv"
	"strings"

	"plansite/generator/plan"
)

// num writes x for a reader of lang with d decimals, as the pages do:
// 1.234,5 in Vietnamese, 1,234.5 in English.
func num(lang plan.Lang, x float64, d int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', d, 64)
	whole, frac, _ := strings.Cut(s, ".")
	group, point := ".", ","
	if lang == plan.EN {
		group, point = ",", "."
	}
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// decimals is how many decimals the numbers need, up to 2, so that a
// series reads alike: 12,11 and 7,50.
func decimals(xs ...float64) int { return places(2, xs...) }

// areaDecimals are the decimals of areas' rates in the charts of areas:
// two, as every table of the area pages shows them (31,70 %), so that a
// chart reads as the table beside it, not "31,7" beside "31,70".
const areaDecimals = 2

// places is how many decimals the numbers need, up to max.
func places(max int, xs ...float64) int {
	d := 0
	for _, x := range xs {
		for d < max && math.Abs(x*math.Pow10(d)-math.Round(x*math.Pow10(d))) > 1e-9 {
			d++
		}
	}
	return d
}

// units are the words after a number of each unit.
var units = map[string]plan.Text{
	plan.UnitPercent:    {VI: " %", EN: " %"},
	plan.UnitPoints:     {VI: " điểm %", EN: " points"},
	plan.UnitMillionVND: {VI: " triệu đồng", EN: " million VND"},
}

// Suffix is what follows a number of the unit: " %", " triệu đồng".
func Suffix(unit string) plan.Text { return units[unit] }

// unitHeads are the units as a column heading or an axis name shows them.
var unitHeads = map[string]plan.Text{
	plan.UnitPercent:    {VI: "%", EN: "%"},
	plan.UnitPoints:     {VI: "điểm %", EN: "points"},
	plan.UnitMillionVND: {VI: "triệu đồng", EN: "million VND"},
}

// withUnit writes x with d decimals and its unit.
func withUnit(lang plan.Lang, x float64, d int, unit string) string {
	return num(lang, x, d) + units[unit].In(lang)
}

// headWithUnit is a column heading with its unit in brackets.
func headWithUnit(t plan.Text, unit string) plan.Text {
	u, ok := unitHeads[unit]
	if !ok {
		return t
	}
	return plan.Text{VI: t.VI + " (" + u.VI + ")", EN: t.In(plan.EN) + " (" + u.EN + ")"}
}

// when names a point in time: the year, or 30/6/year for a first-half
// figure, as the target pages write it.
func when(year, half int) plan.Text {
	s := strconv.Itoa(year)
	if half == 1 {
		s = "30/6/" + s
	}
	return plan.Text{VI: s, EN: s}
}

// list joins items as a sentence does: "a, b và c" / "a, b and c".
func list(lang plan.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return lastTwo.in(lang, strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// both applies f in each language.
func both(f func(lang plan.Lang) string) plan.Text {
	return plan.Text{VI: f(plan.VI), EN: f(plan.EN)}
}

// textsIn is each of ts in lang.
func textsIn(lang plan.Lang, ts []plan.Text) []string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.In(lang)
	}
	return s
}

func ptr(x float64) *float64 { return &x }
