package chart

import (
	"encoding/json"
	"math"
	"plansite/generator/plan"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Palette holds the series colours: the Okabe–Ito colours, which readers
// with any common colour-vision deficiency tell apart, with orange and sky
// blue darkened so that every colour has a contrast of at least 3:1 with
// the white background (WCAG 1.4.11). Decal patterns on bars and distinct
// marker shapes carry the same distinctions without colour.
var Palette = []string{
	"#0072B2", // blue
	"#D55E00", // vermillion
	"#009E73", // bluish green
	"#CC79A7", // reddish purple
	"#9E7200", // orange, darkened
	"#2B8CBE", // sky blue, darkened
	"#595959", // grey
	"#882255", // wine
}

// Colours of things that are not series.
const (
	inkColour  = "#1B1B1B" // labels of marks, as the page's text
	markColour = "#4D4D4D" // goal and baseline lines
	bandColour = "rgba(0, 158, 115, 0.16)"
	// bandKeyColour is bandColour over white, for the band's key in the
	// legend; bandEdgeColour is the band's edge.
	bandKeyColour  = "#D6F0E9"
	bandEdgeColour = "#007A5A"
	noneColour     = "#767676" // no data
)

// Symbols are the marker shapes given to series in turn, so that series
// differ by shape as well as colour.
var Symbols = []string{"circle", "triangle", "diamond", "rect", "roundRect", "pin"}

// Contrast is the WCAG contrast ratio of two colours written #RRGGBB.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		var v int
		for _, r := range hex[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case r >= '0' && r <= '9':
				v += int(r - '0')
			case r >= 'a' && r <= 'f':
				v += int(r-'a') + 10
			case r >= 'A' && r <= 'F':
				v += int(r-'A') + 10
			}
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// common are the options every chart has: the description for screen
// readers, the palette, a tooltip, a legend at the top when there are
// several series, and a grid that keeps the axis labels inside. The legend
// is plain: it wraps onto as many lines as its items need and never pages,
// so that no item is hidden (charts.js makes room for it, and puts it below
// the chart on a phone). No toolbox: the figure's download menu saves the
// chart (_partials/chart-export.html). No decal patterns either: series
// differ by colour and marker shape, and hatch only where a colour repeats
// (hatch) or means "no data".
func common(c *Chart, lang plan.Lang, legend bool) []charts.GlobalOpts {
	top := "32" // room for the value axis's name
	if legend {
		top = "60" // and for a line of the legend, until charts.js measures it
	}
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: c.Description.In(lang)},
		}),
		charts.WithColorsOpts(Palette),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(legendOpts(legend, nil)),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: top, Bottom: "8", ContainLabel: opts.Bool(true)}),
	}
}

// legendOpts is the legend of every chart: plain (wrapping, never paged)
// at the top, selected naming the series hidden until a reader adds them.
func legendOpts(show bool, selected map[string]bool) opts.Legend {
	return opts.Legend{Show: opts.Bool(show), Type: "plain", Left: "0", Top: "0", Right: "0", Selected: selected}
}

// hatch is the decal of the i-th series: none while the palette's colours
// last, a pattern once a colour comes round again, so that two series of
// one colour still differ.
func hatch(i int) map[string]any {
	if i < len(Palette) {
		return nil
	}
	return map[string]any{"symbol": "rect", "symbolSize": 1, "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4},
		"rotation": 0.785, "color": "rgba(255, 255, 255, 0.7)"}
}

// hatched is a chart whose series are hatched where their colour repeats
// (hatch): go-echarts' item style has no decal, so it is set on the
// option's series as plain values.
type hatched struct{ echart }

func (h hatched) JSON() map[string]any {
	o := h.echart.JSON()
	b, err := json.Marshal(o["series"])
	if err != nil {
		return o
	}
	var series []map[string]any
	if json.Unmarshal(b, &series) != nil {
		return o
	}
	for i, s := range series {
		if d := hatch(i); d != nil {
			style, _ := s["itemStyle"].(map[string]any)
			if style == nil {
				style = map[string]any{}
			}
			style["decal"] = d
			s["itemStyle"] = style
		}
	}
	o["series"] = series
	return o
}

// overTime are the options of a chart over labelled points in time: those
// of every chart (common), a category axis along, and y, a value axis headed
// by unit.
func overTime(c *Chart, lang plan.Lang, legend bool, unit string, y opts.YAxis) []charts.GlobalOpts {
	y.Type, y.Name = "value", unitHeads[unit].In(lang)
	return append(common(c, lang, legend),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(y))
}

// markLabel is the style of the labels of goal and baseline marks.
func markLabel(position string) *opts.Label {
	if position == "" {
		return &opts.Label{Show: opts.Bool(false)}
	}
	return &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: position, Color: inkColour}
}

// markLines is the style of goal and baseline lines: dashed, grey, no
// arrows.
func markLines(position string) charts.SeriesOpts {
	return charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     markLabel(position),
		LineStyle: &opts.LineStyle{Color: markColour, Type: "dashed", Width: 1.5},
	})
}

// A mark is a goal or baseline line with a label of its own: go-echarts'
// MarkLineNameXAxisItem and MarkLineNameYAxisItem carry no label, and one
// label style for all of a series' lines cannot suit a horizontal and a
// vertical line at once.
type mark struct {
	Name  string      `json:"name"`
	XAxis any         `json:"xAxis,omitempty"`
	YAxis *float64    `json:"yAxis,omitempty"`
	Label *opts.Label `json:"label,omitempty"`
}

func lineMark(m mark) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		if s.MarkLines == nil {
			s.MarkLines = &opts.MarkLines{}
		}
		s.MarkLines.Data = append(s.MarkLines.Data, m)
	})
}

// A bound is one end of a band of a mark area across the whole plot.
// go-echarts' MarkAreaData writes its y bound as "YAxis", which ECharts
// does not read, so the band's ends are written here.
type bound struct {
	Name  string   `json:"name,omitempty"`
	XAxis *float64 `json:"xAxis,omitempty"`
	YAxis *float64 `json:"yAxis,omitempty"`
}

// band marks the range [lo, hi] of the value axis, named name ("" for a
// band named by the legend, without a label); vertical
// is true when the values run along the x axis. A horizontal band's label
// is at its right end, inside it: the baseline's mark and the lines'
// starts are at the left, and by the target year a line has left the
// band or ends in it below the label.
func band(name string, lo, hi float64, vertical bool) []charts.SeriesOpts {
	from, to := bound{Name: name, YAxis: ptr(lo)}, bound{YAxis: ptr(hi)}
	position := "insideTopRight"
	if vertical {
		from, to = bound{Name: name, XAxis: ptr(lo)}, bound{XAxis: ptr(hi)}
		position = "top"
	}
	if name == "" { // named elsewhere: in the legend
		position = ""
	}
	return []charts.SeriesOpts{
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{
			Label:     markLabel(position),
			ItemStyle: &opts.ItemStyle{Color: bandColour, BorderColor: bandEdgeColour, BorderWidth: 1},
		}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.MarkAreas.Data = append(s.MarkAreas.Data, []bound{from, to})
		}),
	}
}
