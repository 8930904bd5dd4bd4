package emit

import (
	"strings"
	"testing"

	"plansite/generator/plan"
)

func TestParseSegment(t *testing.T) {
	for _, s := range []string{"1/1", "2/4", "4/4"} {
		if _, err := ParseSegment(s); err != nil {
			t.Errorf("ParseSegment(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "0/2", "3/2", "1/0", "2", "1/2x", "a/b", "-1/2", " 1/2"} {
		if sg, err := ParseSegment(s); err == nil {
			t.Errorf("ParseSegment(%q) = %v, want an error", s, sg)
		}
	}
}

// Each province goes whole to one segment, in both languages, and the
// segments are balanced by their number of areas.
func TestWithSegmentsSplitsByProvince(t *testing.T) {
	p := &plan.Plan{Areas: []plan.Area{
		{ID: "vn"},
		{ID: "p1", Parent: "vn"}, {ID: "d1", Parent: "p1"}, {ID: "c1", Parent: "d1"}, {ID: "c2", Parent: "d1"},
		{ID: "p2", Parent: "vn"}, {ID: "d2", Parent: "p2"},
		{ID: "p3", Parent: "vn"}, {ID: "d3", Parent: "p3"},
	}}
	cfg := string(WithSegments([]byte("baseURL = \"/\"\n[params]\n"), p, Segment{K: 2, N: 2}))
	if !strings.HasPrefix(cfg, "renderSegments = [\"part-2\"]\nbaseURL") {
		t.Errorf("renderSegments is not the first key:\n%s", cfg)
	}
	// Largest first: p1's four areas go to part 2 (part 1 already holds
	// vn), then p2 and p3 (two each) to part 1, which excludes part 2's.
	_, seg2, _ := strings.Cut(cfg, "[[segments.part-2.includes]]\n")
	for _, id := range []string{"p1", "d1", "c1", "c2"} {
		for _, path := range []string{`"/dia-phuong/` + id + `"`, `"/districts/` + id + `"`} {
			if !strings.Contains(seg2, path) {
				t.Errorf("part 2 does not include %s:\n%s", path, seg2)
			}
		}
	}
	for _, id := range []string{"vn", "p2", "d2", "p3", "d3"} {
		if strings.Contains(seg2, `/`+id+`"`) {
			t.Errorf("part 2 includes %s:\n%s", id, seg2)
		}
	}
	if !strings.Contains(cfg, "[[segments.part-1.excludes]]\npath = [\"/dia-phuong/p1\"") {
		t.Errorf("part 1 does not exclude part 2's areas:\n%s", cfg)
	}
}
