package emit

import (
	"testing"

	"plansite/generator/plan"
)

// goalNumbers gives the i18n words of a goal its numbers: a level as the
// low one, whichever its kind; a range low then high, even when the data
// writes it high then low.
func TestGoalNumbers(t *testing.T) {
	x := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		goal      plan.Goal
		low, high *float64
	}{
		{plan.Goal{AtLeast: x(90)}, x(90), nil},
		{plan.Goal{AtMost: x(6)}, x(6), nil},
		{plan.Goal{Zero: true}, x(0), nil},
		{plan.Goal{Between: []float64{8.5, 9}, Direction: plan.Decrease}, x(8.5), x(9)},
		{plan.Goal{Between: []float64{9, 8.5}, Direction: plan.Decrease}, x(8.5), x(9)},
		{plan.Goal{PerYear: []float64{3, 5}}, x(3), x(5)},
		{plan.Goal{Qualitative: true}, nil, nil},
	} {
		low, high := goalNumbers(tc.goal)
		if !same(low, tc.low) || !same(high, tc.high) {
			t.Errorf("goalNumbers(%v) = %v, %v, want %v, %v", tc.goal.Kinds(), show(low), show(high), show(tc.low), show(tc.high))
		}
	}
}

func same(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func show(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}
