package plan

import (
	"reflect"
	"testing"
)

func fp(x float64) *float64 { return &x }

// Every goal kind has its bounds and its numbers; a range is ordered, a
// range of one number runs from it to itself, and a goal of no kind or of
// several has none.
func TestGoalBounds(t *testing.T) {
	tests := []struct {
		name      string
		goal      Goal
		low, high *float64
		numbers   []float64
	}{
		{GoalAtLeast, Goal{AtLeast: fp(90)}, fp(90), nil, []float64{90}},
		{GoalAbove, Goal{Above: fp(80)}, fp(80), nil, []float64{80}},
		{GoalAtMost, Goal{AtMost: fp(6)}, nil, fp(6), []float64{6}},
		{GoalAtMost + " 0", Goal{AtMost: fp(0)}, nil, fp(0), []float64{0}},
		{GoalZero, Goal{Zero: true}, fp(0), fp(0), []float64{0}},
		{GoalBetween, Goal{Between: []float64{8.5, 9}, Direction: Decrease}, fp(8.5), fp(9), []float64{8.5, 9}},
		{GoalBetween + " reversed", Goal{Between: []float64{9, 8.5}, Direction: Decrease}, fp(8.5), fp(9), []float64{8.5, 9}},
		{GoalReducePerYear, Goal{ReducePerYear: []float64{4, 5}}, fp(4), fp(5), []float64{4, 5}},
		{GoalReducePerYear + " of one", Goal{ReducePerYear: []float64{4}}, fp(4), fp(4), []float64{4, 4}},
		{GoalReducePerYear + " empty", Goal{ReducePerYear: []float64{}}, nil, nil, nil},
		{GoalPerYear, Goal{PerYear: []float64{3, 5}}, fp(3), fp(5), []float64{3, 5}},
		{GoalPerYear + " reversed", Goal{PerYear: []float64{5, 3}}, fp(3), fp(5), []float64{3, 5}},
		{GoalTotal, Goal{Total: fp(12)}, fp(12), nil, []float64{12}},
		{GoalShareLeaving, Goal{ShareLeaving: fp(10)}, fp(10), nil, []float64{10}},
		{GoalQualitative, Goal{Qualitative: true}, nil, nil, nil},
		{"none", Goal{}, nil, nil, nil},
		{"several", Goal{AtLeast: fp(1), AtMost: fp(2)}, nil, nil, nil},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.goal.Kind()] = true
		t.Run(tc.name, func(t *testing.T) {
			low, high := tc.goal.Bounds()
			if !reflect.DeepEqual(low, tc.low) || !reflect.DeepEqual(high, tc.high) {
				t.Errorf("Bounds() = %v, %v, want %v, %v", deref(low), deref(high), deref(tc.low), deref(tc.high))
			}
			if got := tc.goal.Numbers(); !reflect.DeepEqual(got, tc.numbers) {
				t.Errorf("Numbers() = %v, want %v", got, tc.numbers)
			}
		})
	}
	every := Goal{AtLeast: fp(1), Above: fp(1), AtMost: fp(1), Zero: true, Between: []float64{1, 2},
		ReducePerYear: []float64{1, 2}, PerYear: []float64{1, 2}, Total: fp(1), ShareLeaving: fp(1), Qualitative: true}
	for _, k := range every.Kinds() {
		if !covered[k] {
			t.Errorf("no case of goal kind %s", k)
		}
	}
}

// The bounds are copies: changing them leaves the goal as it was.
func TestGoalBoundsAreCopies(t *testing.T) {
	g := Goal{AtLeast: fp(90)}
	low, _ := g.Bounds()
	*low = 0
	if *g.AtLeast != 90 {
		t.Errorf("after changing the bound, AtLeast = %v, want 90", *g.AtLeast)
	}
}

func deref(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}
