package plan

// Boundaries are the outlines of the plan's areas, from the data folder's
// boundaries.geojson: a GeoJSON FeatureCollection whose features' ids are
// areas of areas.yaml, with two members of its own, credit (who drew the
// lines, shown under every map and in the open data) and simplified (how
// the lines were thinned for the web).
type Boundaries struct {
	Pos        Pos
	Credit     Text
	Simplified Text
	Features   []Boundary
}

// A Boundary is one area's outline: one or more polygons, each an outer
// ring and its holes.
type Boundary struct {
	Area     string // the feature's id: an area of areas.yaml
	Pos      Pos
	Polygons []Polygon
}

// A Polygon is an outer ring and its holes, each ring closed (its last
// point is its first).
type Polygon []Ring

// A Ring is a closed line of points, with the position it was written at.
type Ring struct {
	Pos    Pos
	Points [][2]float64 // longitude, latitude (WGS 84)
}

// Boundary is the outline of the area id, or nil.
func (b *Boundaries) Boundary(id string) *Boundary {
	if b == nil {
		return nil
	}
	for i := range b.Features {
		if b.Features[i].Area == id {
			return &b.Features[i]
		}
	}
	return nil
}
