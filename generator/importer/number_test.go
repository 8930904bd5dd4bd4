package importer

import "testing"

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		in          string
		whole, rate bool
		want        float64
		ok          bool
	}{
		{"8,5", false, true, 8.5, true},
		{"8.5", false, true, 8.5, true},
		{"8,88%", false, true, 8.88, true},
		{"8.885", false, true, 8.885, true}, // a rate is never a thousand
		{"44.541", true, false, 44541, true},
		{"44,541", true, false, 44541, true},
		{"44 541", true, false, 44541, true},
		{"44\u00a0541", true, false, 44541, true},
		{"1.234,5", false, false, 1234.5, true},
		{"1,234.5", false, false, 1234.5, true},
		{"1.250.000", false, false, 1250000, true},
		{"4.800", false, false, 0, false}, // 4800 or 4.8?
		{"4,800", false, false, 0, false},
		{"0,125", false, false, 0.125, true},
		{"8,5", true, false, 0, false}, // a count is whole
		{"nhiều", false, false, 0, false},
		{"-0", false, false, 0, true},
	} {
		got, ok, vi, en := Number(c.in, c.whole, c.rate)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("Number(%q, whole %t, rate %t) = %v, %t, want %v, %t", c.in, c.whole, c.rate, got, ok, c.want, c.ok)
		}
		if !ok && (vi == "" || en == "") {
			t.Errorf("Number(%q) refused without saying why in both languages", c.in)
		}
	}
}
