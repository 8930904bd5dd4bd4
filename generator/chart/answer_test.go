package chart

import (
	"reflect"
	"strings"
	"testing"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// answers are the answers of every target of a data folder, by id.
func answers(t *testing.T, dir string) map[string]Answer {
	t.Helper()
	p, probs := load.Dir(dir)
	if probs.Fatal() {
		t.Fatal(probs)
	}
	r := progress.Compute(p, 0)
	out := map[string]Answer{}
	for i := range p.Targets {
		out[p.Targets[i].ID] = AnswerOf(&p.Targets[i], &r.Targets[i])
	}
	return out
}

// The answers say, in words and with the series' decimals, where a target
// stands: the headline of the shipped data as the issue words it, a target
// of the demo with its year ahead, and one with no data.
func TestAnswerOf(t *testing.T) {
	shipped, demo := answers(t, "../../data"), answers(t, "../../examples/demo")
	tests := []struct {
		name string
		got  plan.Text
		want plan.Text
	}{
		{"2a value", shipped["2a"].Value, plan.Text{VI: "7,50 %", EN: "7.50 %"}},
		{"2a change", shipped["2a"].Change, plan.Text{VI: "Giảm 4,61 điểm % so với 12,11 % (2012)", EN: "Down 4.61 points from 12.11 % (2012)"}},
		{"2a goal", shipped["2a"].Goal, plan.Text{VI: "Mục tiêu 2015: 8,5–9,0 %", EN: "Target 2015: 8.5–9.0 %"}},
		{"2a line", shipped["2a"].Line, plan.Text{VI: "Đã đạt: 7,50 % (2015), mục tiêu 8,5–9,0 % đến năm 2015.",
			EN: "Achieved: 7.50 % (2015), target 8.5–9.0 % by 2015."}},
		{"2a pace", shipped["2a"].Pace, plan.Text{}},
		{"3h pace", demo["3h"].Pace, plan.Text{
			VI: "Để đạt mục tiêu 100,0 % vào năm 2015, từ mức 97,5 % (2014) cần tăng 2,50 điểm % mỗi năm. Chưa đủ số liệu để biết tốc độ đến nay.",
			EN: "To reach the target of 100.0 % by 2015 from 97.5 % (2014) takes a rise of 2.50 points a year. There are not yet enough figures to tell the pace so far."}},
		{"3i line", demo["3i"].Line, plan.Text{VI: "Chưa có số liệu. Mục tiêu ít nhất 100 % đến năm 2015.", EN: "No data yet. Target at least 100 % by 2015."}},
		{"3e line", demo["3e"].Line, plan.Text{VI: "Chưa đạt khi hết hạn: 84,0 % (2015), mục tiêu ít nhất 95 % đến năm 2015.",
			EN: "Not met by the target year: 84.0 % (2015), target at least 95 % by 2015."}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if shipped["2a"].Source == "" {
		t.Error("2a: Source is empty, want the source of the 2015 value")
	}
}

// How a status is computed is told in words: no symbol of a formula and no
// name of a goal kind of the data format reaches a reader.
func TestHowIsInWords(t *testing.T) {
	for _, dir := range datasets {
		for id, a := range answers(t, dir) {
			texts := append([]plan.Text{a.Line, a.Pace, a.Change, a.Goal}, a.How...)
			for _, x := range texts {
				for _, s := range []string{x.VI, x.EN} {
					for _, bad := range []string{"v_", "t_target", "b_low", "b_high", "at_least", "at_most", "between", "reduce_per_year", "per_year", "share_leaving", "%!"} {
						if strings.Contains(s, bad) {
							t.Errorf("%s %s: %q holds %q", dir, id, s, bad)
						}
					}
				}
			}
		}
	}
	a := answers(t, "../../examples/demo")["2a"]
	if len(a.How) < 4 {
		t.Fatalf("demo 2a: How = %q, want the rule, the goal, both paces, their ratio and the bands", a.How)
	}
	if want := "Chỉ tiêu đạt khi giá trị mới nhất không vượt quá mục tiêu (9,0 %)."; a.How[0].VI != want {
		t.Errorf("demo 2a: How[0] = %q, want %q", a.How[0].VI, want)
	}
}

// A target not met with its year ahead has the dashed line of what it
// takes from here, from its latest value to the goal at the target year.
func TestNeededLine(t *testing.T) {
	c := byID(build(t, "../../examples/demo"), "target-3h-trend")
	if c == nil {
		t.Fatal("no chart target-3h-trend")
	}
	last := c.Table.Columns[len(c.Table.Columns)-1]
	if last.Head.VI != "Cần đạt từ nay (%)" {
		t.Fatalf("last column = %q, want the line needed from here", last.Head.VI)
	}
	var got []float64
	for _, r := range c.Table.Rows {
		if v := r.Cells[len(r.Cells)-1].Value; v != nil {
			got = append(got, *v)
		}
	}
	if len(got) != 2 || got[0] != 97.5 || got[1] != 100 {
		t.Errorf("needed line = %v, want [97.5 100]", got)
	}
	if !strings.Contains(string(c.Options[plan.VI]), `"type":"dashed"`) {
		t.Error("the needed line is not dashed")
	}
	if c := byID(build(t, "../../data"), "target-2a-trend"); len(c.Table.Columns) != 2 {
		t.Errorf("shipped 2a (achieved): %d columns, want 2 (no needed line)", len(c.Table.Columns))
	}
}

// A target's values share one number of decimals: 7,50 beside 12,11.
func TestAnswerDecimals(t *testing.T) {
	if d := answers(t, "../../data")["2a"].Decimals; d != 2 {
		t.Errorf("shipped 2a: Decimals = %d, want 2 (12,11 … 7,50)", d)
	}
}

// Years are spaced by time: every year between the first and the last is
// on the axis, so that 2010 and 2013 are three years apart, not side by
// side; a half-year point keeps its place between its neighbours.
func TestYearsSpacedByTime(t *testing.T) {
	if got := everyYear([]int{2010, 2013, 2014}); !reflect.DeepEqual(got, []int{2010, 2011, 2012, 2013, 2014}) {
		t.Errorf("everyYear = %v", got)
	}
	labels, lines := trendLines(plan.Text{VI: "x"}, []progress.Point{{Year: 2010, Value: 50}, {Year: 2014, Half: 1, Value: 40}, {Year: 2014, Value: 38}}, 2015, nil)
	var got []string
	for _, l := range labels {
		got = append(got, l.VI)
	}
	want := []string{"2010", "2011", "2012", "2013", "30/6/2014", "2014", "2015"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("labels = %q, want %q", got, want)
	}
	if v := lines[0].values; v[1] != nil || v[0] == nil || *v[4] != 40 {
		t.Errorf("values = %v, want 50 in 2010, none in 2011, 40 on 30/6/2014", v)
	}
}
