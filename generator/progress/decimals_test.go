package progress

import "testing"

// An input is written with as few decimals as show it, at most 2; the
// site reads Decimals instead of working it out.
func TestDecimals(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want int
	}{{0, 0}, {3, 0}, {-12, 0}, {8.5, 1}, {-0.5, 1}, {14.76, 2}, {0.125, 2}, {1797889, 0}, {7.8, 1}} {
		if got := decimals(c.v); got != c.want {
			t.Errorf("decimals(%v) = %d, want %d", c.v, got, c.want)
		}
	}
	e := explain("f", 1, num("a", 8.5), num("b", 2), num("c", 6.32))
	for i, want := range []int{1, 0, 2} {
		if got := e.Inputs[i].Decimals; got != want {
			t.Errorf("explain: input %s has Decimals %d, want %d", e.Inputs[i].Name, got, want)
		}
	}
}
