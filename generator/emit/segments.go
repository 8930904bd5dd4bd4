package emit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"plansite/generator/plan"
)

// A Segment is one part of a build split across machines: the K-th of N
// (1 ≤ K ≤ N). The zero Segment is the whole build.
type Segment struct{ K, N int }

// ParseSegment reads "K/N".
func ParseSegment(s string) (Segment, error) {
	var sg Segment
	if _, err := fmt.Sscanf(s, "%d/%d", &sg.K, &sg.N); err != nil || fmt.Sprintf("%d/%d", sg.K, sg.N) != s || sg.N < 1 || sg.K < 1 || sg.K > sg.N {
		return Segment{}, fmt.Errorf("a segment is K/N with 1 ≤ K ≤ N, as 2/4 (got %q)", s)
	}
	return sg, nil
}

// segmentName is the name of segment k in hugo.toml.
func segmentName(k int) string { return fmt.Sprintf("part-%d", k) }

// WithSegments is the Hugo configuration cfg with the N segments of sg and
// renderSegments naming the K-th, so that Hugo renders only its pages.
//
// The area pages, nearly all of a large site's pages, are split by the
// first two letters of their id: Hugo matches every page against every
// pattern of a segment, so a pattern per area (a segment of whole
// provinces) made each part of a national build cost as much as the whole
// build; a few hundred prefixes cost nothing. The prefixes are dealt
// largest first, each to the part with fewest pages so far. Part 1 renders
// every page no other part does: its own prefixes, the home page, the
// lists, targets, policies, agencies, the budget, and Hugo's own pages
// (404, robots.txt, the sitemap). Every Hugo run still reads the whole
// project, so each part's pages are byte-identical to the same pages of a
// whole build, and the union of the N outputs is the whole site.
func WithSegments(cfg []byte, p *plan.Plan, sg Segment) []byte {
	groups := prefixGroups(p)
	load := make([]int, sg.N)
	owner := make([][]string, sg.N) // the patterns of each part
	for _, g := range groups {
		best := 0
		for k := range load {
			if load[k] < load[best] {
				best = k
			}
		}
		load[best] += g.areas
		owner[best] = append(owner[best], g.pattern)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "renderSegments = [%s]\n", tomlString(segmentName(sg.K)))
	// Top-level keys come before the first table.
	b.Write(cfg)
	b.WriteString("\n# Segments: generator build -segment K/N renders only part K (docs/scale.md).\n")
	for k := range sg.N {
		name := segmentName(k + 1)
		if k == 0 {
			fmt.Fprintf(&b, "[[segments.%s.includes]]\nkind = [\"**\"]\n", name)
			for j := 1; j < sg.N; j++ {
				writePaths(&b, name, "excludes", owner[j])
			}
			continue
		}
		if len(owner[k]) == 0 {
			// More parts than prefixes: this one renders nothing. The
			// table must exist: Hugo renders everything when asked for a
			// segment it does not know.
			fmt.Fprintf(&b, "[segments.%s]\n", name)
		}
		writePaths(&b, name, "includes", owner[k])
	}
	return b.Bytes()
}

// writePaths writes a filter of segment name matching the area pages of
// the patterns, in every language.
func writePaths(b *bytes.Buffer, name, kind string, patterns []string) {
	if len(patterns) == 0 {
		return
	}
	fmt.Fprintf(b, "[[segments.%s.%s]]\npath = [", name, kind)
	for i, pat := range patterns {
		for j, l := range plan.Langs {
			if i > 0 || j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tomlString("/" + Sections["areas"][l] + "/" + pat))
		}
	}
	b.WriteString("]\n")
}

// A prefixGroup is the areas whose ids begin with the same two letters,
// and the pattern that matches exactly their ids: "ab*", or the id itself
// for an id of one letter, so that no two patterns match one id.
type prefixGroup struct {
	pattern string
	areas   int
}

// prefixGroups are the areas grouped by the first two letters of their
// ids (ids are lower-case ASCII: the checker's rule), largest first.
func prefixGroups(p *plan.Plan) []prefixGroup {
	count := map[string]int{}
	for _, a := range p.Areas {
		pat := a.ID
		if len(pat) >= 2 {
			pat = pat[:2] + "*"
		}
		count[pat]++
	}
	groups := make([]prefixGroup, 0, len(count))
	for pat, n := range count {
		groups = append(groups, prefixGroup{pat, n})
	}
	slices.SortFunc(groups, func(a, b prefixGroup) int {
		if a.areas != b.areas {
			return b.areas - a.areas
		}
		return strings.Compare(a.pattern, b.pattern)
	})
	return groups
}
