package opendata

import (
	"encoding/json"

	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// BoundariesFile is the areas' outlines as GeoJSON, written when the data
// has them; the map of the site draws from it.
const BoundariesFile = "boundaries.geojson"

// Geo formats of the boundaries file.
const (
	FormatGeoJSON = "geojson"
	MediaGeoJSON  = "application/geo+json"
)

// boundaries is the GeoJSON of p's boundaries: a FeatureCollection, a
// MultiPolygon a feature, with the area's id and Vietnamese name in its
// properties (the map registers districts by id) and the credit.
func boundaries(p *plan.Plan, x *plan.Index) ([]byte, error) {
	type geometry struct {
		Type        string           `json:"type"`
		Coordinates [][][][2]float64 `json:"coordinates"`
	}
	type feature struct {
		Type       string            `json:"type"`
		ID         string            `json:"id"`
		Properties map[string]string `json:"properties"`
		Geometry   geometry          `json:"geometry"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Credit   plan.Text `json:"credit"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Credit: Credit(p), Features: []feature{}}
	for _, b := range p.Boundaries.Features {
		name := b.Area
		if a := x.Area(b.Area); a != nil {
			name = markdown.Plain(a.Name.VI)
		}
		f := feature{Type: "Feature", ID: b.Area, Properties: map[string]string{"id": b.Area, "name": name},
			Geometry: geometry{Type: "MultiPolygon"}}
		for _, pg := range b.Polygons {
			var rings [][][2]float64
			for _, r := range pg {
				rings = append(rings, r.Points)
			}
			f.Geometry.Coordinates = append(f.Geometry.Coordinates, rings)
		}
		fc.Features = append(fc.Features, f)
	}
	b, err := json.Marshal(fc)
	return append(b, '\n'), err
}

// Credit is who drew the boundaries, as the data says, without markup.
func Credit(p *plan.Plan) plan.Text {
	if p.Boundaries == nil {
		return plan.Text{}
	}
	c := p.Boundaries.Credit
	return plan.Text{VI: markdown.Plain(c.VI), EN: markdown.Plain(c.In(plan.EN))}
}
