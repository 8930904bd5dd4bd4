package check

import (
	"fmt"

	"plansite/generator/plan"
)

// boundaries checks the areas' outlines: each feature is an area of
// areas.yaml, once; each ring is closed, has at least four points, lies on
// the globe and does not cross itself.
func (c *checker) boundaries() {
	b := c.p.Boundaries
	if b == nil {
		return
	}
	if len(b.Features) == 0 {
		c.err(b.Pos, "", "tệp ranh giới không có Feature nào: thêm ranh giới các địa phương hoặc xóa tệp",
			"the boundaries file has no Feature: add the areas' boundaries or delete the file")
	}
	seen := map[string]bool{}
	for _, f := range b.Features {
		if _, ok := c.areaByID[f.Area]; !ok {
			c.refAt(f.Pos, f.Area, f.Area, false, "địa bàn", "area", "areas.yaml")
		}
		if seen[f.Area] {
			c.err(f.Pos, f.Area, "địa bàn có hai ranh giới: gộp thành một MultiPolygon",
				"the area has two boundaries: merge them into one MultiPolygon")
		}
		seen[f.Area] = true
		if len(f.Polygons) == 0 {
			c.err(f.Pos, f.Area, "ranh giới không có đa giác nào: thêm ít nhất một vòng điểm",
				"the boundary has no polygon: add at least one ring of points")
		}
		for _, pg := range f.Polygons {
			if len(pg) == 0 {
				c.err(f.Pos, f.Area, "đa giác không có vòng nào: thêm một vòng điểm",
					"a polygon has no ring: add a ring of points")
			}
			for _, r := range pg {
				c.ring(f.Area, r)
			}
		}
	}
}

// ring checks one ring of a boundary.
func (c *checker) ring(id string, r plan.Ring) {
	pts := r.Points
	if len(pts) < 4 {
		c.err(r.Pos, id, fmt.Sprintf("vòng chỉ có %d điểm: một vòng cần ít nhất 4 điểm, điểm cuối trùng điểm đầu", len(pts)),
			fmt.Sprintf("the ring has only %d points: a ring needs at least 4, the last the same as the first", len(pts)))
		return
	}
	if pts[0] != pts[len(pts)-1] {
		c.err(r.Pos, id, fmt.Sprintf("vòng không khép kín: điểm cuối %v phải trùng điểm đầu %v", pts[len(pts)-1], pts[0]),
			fmt.Sprintf("the ring is not closed: its last point %v must be its first %v", pts[len(pts)-1], pts[0]))
		return
	}
	for i, p := range pts {
		if p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
			c.err(r.Pos, id, fmt.Sprintf("điểm %d %v nằm ngoài trái đất: viết [kinh độ, vĩ độ], kinh độ −180…180, vĩ độ −90…90", i, p),
				fmt.Sprintf("point %d %v is off the globe: write [longitude, latitude], longitude −180…180, latitude −90…90", i, p))
			return
		}
	}
	if i, j, ok := selfCrossing(pts); ok {
		c.err(r.Pos, id, fmt.Sprintf("vòng tự cắt: cạnh từ điểm %d cắt cạnh từ điểm %d; sửa các điểm đó", i, j),
			fmt.Sprintf("the ring crosses itself: the edge from point %d crosses the edge from point %d; correct those points", i, j))
	}
}

// selfCrossing finds two edges of the closed ring pts that cross (not
// merely touch at a shared end), by their first points.
func selfCrossing(pts [][2]float64) (int, int, bool) {
	n := len(pts) - 1 // edges
	for i := 0; i < n; i++ {
		for j := i + 2; j < n; j++ {
			if i == 0 && j == n-1 {
				continue // adjacent through the closing point
			}
			if crosses(pts[i], pts[i+1], pts[j], pts[j+1]) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// crosses reports whether segments ab and cd cross at a point inside both.
func crosses(a, b, c, d [2]float64) bool {
	d1, d2 := orient(c, d, a), orient(c, d, b)
	d3, d4 := orient(a, b, c), orient(a, b, d)
	return d1*d2 < 0 && d3*d4 < 0
}

func orient(a, b, c [2]float64) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}
