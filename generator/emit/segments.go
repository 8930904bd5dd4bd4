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

// SegmentName is the name of segment k in hugo.toml.
func SegmentName(k int) string { return fmt.Sprintf("part-%d", k) }

// WithSegments is the Hugo configuration cfg with the N segments of sg and
// renderSegments naming the K-th, so that Hugo renders only its pages.
//
// The area pages, which are nearly all of a large site's pages, are split
// at the first level with more than one area (the provinces of a country,
// the districts of a province): an area's page goes with its ancestor at
// that level, so each segment is a group of whole provinces. Groups are dealt
// to the segments largest first, each to the segment with fewest pages so
// far. Segment 1 also renders every page that is not an area's (the home
// page, the lists, targets, policies, the top area itself), and Hugo's own
// pages (404, robots.txt, the sitemap). Every Hugo run still reads the
// whole project, so each segment's pages are byte-identical to the same
// pages of a whole build, and the union of the N outputs is the whole site.
func WithSegments(cfg []byte, p *plan.Plan, sg Segment) []byte {
	groups := areaGroups(p)
	load := make([]int, sg.N)
	load[0] = len(p.Areas) - countAreas(groups) // the top areas
	owner := make([][]string, sg.N)             // area ids of each segment
	for _, g := range groups {
		best := 0
		for k := range load {
			if load[k] < load[best] {
				best = k
			}
		}
		load[best] += len(g)
		owner[best] = append(owner[best], g...)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "renderSegments = [%s]\n", tomlString(SegmentName(sg.K)))
	// Top-level keys come before the first table.
	b.Write(cfg)
	b.WriteString("\n# Segments: generator build -segment K/N renders only part K (docs/scale.md).\n")
	for k := range sg.N {
		name := SegmentName(k + 1)
		if k == 0 {
			fmt.Fprintf(&b, "[[segments.%s.includes]]\nkind = [\"**\"]\n", name)
			for j := 1; j < sg.N; j++ {
				writePaths(&b, name, "excludes", owner[j])
			}
			continue
		}
		if len(owner[k]) == 0 {
			// More segments than groups: this one renders nothing. The
			// table must exist: Hugo renders everything when asked for a
			// segment it does not know.
			fmt.Fprintf(&b, "[segments.%s]\n", name)
		}
		writePaths(&b, name, "includes", owner[k])
	}
	return b.Bytes()
}

// writePaths writes a filter of segment name matching the pages of the
// areas ids, in every language.
func writePaths(b *bytes.Buffer, name, kind string, ids []string) {
	if len(ids) == 0 {
		return
	}
	fmt.Fprintf(b, "[[segments.%s.%s]]\npath = [", name, kind)
	for i, id := range ids {
		for j, l := range plan.Langs {
			if i > 0 || j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tomlString("/" + Sections["areas"][l] + "/" + id))
		}
	}
	b.WriteString("]\n")
}

// areaGroups are the areas of the site grouped by their ancestor at the
// first level with more than one area (the provinces of a country; the
// districts of a province, under the country it is compared with), the
// ancestor first, in the order of size, largest first. The areas above
// that level are in no group.
func areaGroups(p *plan.Plan) [][]string {
	parent := map[string]string{}
	for _, a := range p.Areas {
		parent[a.ID] = a.Parent
	}
	// line is the area's ancestors from the top down, ending with itself.
	line := func(id string) []string {
		var l []string
		for ; id != "" && len(l) <= len(p.Areas); id = parent[id] { // bounded: a cycle cannot pass the checker
			l = append(l, id)
		}
		slices.Reverse(l)
		return l
	}
	lines := make([][]string, len(p.Areas))
	perLevel := map[int]int{}
	for i, a := range p.Areas {
		lines[i] = line(a.ID)
		perLevel[len(lines[i])-1]++
	}
	level := 0
	for perLevel[level] == 1 {
		level++
	}
	byHead := map[string][]string{}
	for _, l := range lines {
		if len(l) > level {
			byHead[l[level]] = append(byHead[l[level]], l[len(l)-1])
		}
	}
	heads := make([]string, 0, len(byHead))
	for h := range byHead {
		heads = append(heads, h)
	}
	slices.Sort(heads)
	groups := make([][]string, 0, len(heads))
	for _, h := range heads {
		g := byHead[h]
		slices.SortFunc(g, func(a, b string) int {
			if a == h {
				return -1
			}
			if b == h {
				return 1
			}
			return strings.Compare(a, b)
		})
		groups = append(groups, g)
	}
	// Largest first, so that dealing them balances the segments.
	slices.SortStableFunc(groups, func(a, b []string) int { return len(b) - len(a) })
	return groups
}

func countAreas(groups [][]string) int {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	return n
}
