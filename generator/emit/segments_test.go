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

// The area pages are split by the first two letters of their ids, in
// both languages, with a few patterns that no two parts share, dealt so
// that the parts hold about as many areas; part 1 renders everything the
// others do not.
func TestWithSegmentsSplitsByPrefix(t *testing.T) {
	p := &plan.Plan{Areas: []plan.Area{
		{ID: "vn"}, {ID: "vi-a"}, {ID: "vi-b"},
		{ID: "an-1"}, {ID: "an-2"}, {ID: "an-3"}, {ID: "ab"}, {ID: "a"},
	}}
	cfg := string(WithSegments([]byte("baseURL = \"/\"\n[params]\n"), p, Segment{K: 2, N: 2}))
	if !strings.HasPrefix(cfg, "renderSegments = [\"part-2\"]\nbaseURL") {
		t.Errorf("renderSegments is not the first key:\n%s", cfg)
	}
	// Largest first, each to the part with fewest: an* (3) to part 1, vi*
	// (2) to part 2, then the single ones in order: a to part 2 (2 < 3),
	// ab* to part 1 (3 = 3: the first), vn* to part 2.
	_, seg2, _ := strings.Cut(cfg, "[[segments.part-2.includes]]\n")
	want := `path = ["/dia-phuong/vi*", "/districts/vi*", "/dia-phuong/a", "/districts/a", "/dia-phuong/vn*", "/districts/vn*"]`
	if strings.TrimSpace(seg2) != want {
		t.Errorf("part 2 includes\n%s\nwant\n%s", seg2, want)
	}
	if !strings.Contains(cfg, "[[segments.part-1.includes]]\nkind = [\"**\"]\n[[segments.part-1.excludes]]\n"+want[:len("path = ")]) {
		t.Errorf("part 1 does not render all but part 2's pages:\n%s", cfg)
	}
	// A single-letter id is its own pattern, so that a* would not take ab*.
	if strings.Contains(cfg, `"/dia-phuong/a*"`) {
		t.Errorf("a one-letter id's pattern matches other ids:\n%s", cfg)
	}
}
