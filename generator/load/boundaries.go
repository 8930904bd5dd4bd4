package load

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"plansite/generator/plan"
)

// boundariesFile is the data folder's one GeoJSON file: the areas'
// outlines (plan.Boundaries). GeoJSON is JSON, which YAML reads with the
// line and column of every value, so it is decoded through yaml.Node like
// the other files; its shape is checked here, its rules (ids, rings) by
// the checker.
const boundariesFile = "boundaries.geojson"

var boundariesKind = kind{name: "boundaries", target: func(p *plan.Plan) []any { return []any{&p.Boundaries} }}

// decodeBoundaries fills p.Boundaries from the GeoJSON document doc.
func decodeBoundaries(d *decoder, doc *yaml.Node, p *plan.Plan) {
	b := &plan.Boundaries{Pos: d.pos(doc)}
	if doc.Kind != yaml.MappingNode {
		d.add(doc, "", "tệp ranh giới phải là một FeatureCollection GeoJSON: {\"type\": \"FeatureCollection\", \"features\": [...]}",
			"the boundaries file must be a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}")
		return
	}
	d.pairs(doc, "", func(k, v *yaml.Node) {
		switch k.Value {
		case "type":
			if v.Value != "FeatureCollection" {
				d.add(v, "", fmt.Sprintf("type là %q: tệp ranh giới phải là \"FeatureCollection\"", v.Value),
					fmt.Sprintf("type is %q: the boundaries file must be a \"FeatureCollection\"", v.Value))
			}
		case "credit":
			d.text(v, &b.Credit, "credit", "")
		case "simplified":
			d.text(v, &b.Simplified, "simplified", "")
		case "features":
			if v.Kind != yaml.SequenceNode {
				d.kindMismatch(v, "", "một danh sách", "a list")
				return
			}
			for i, f := range v.Content {
				if bf, ok := feature(d, f, i); ok {
					b.Features = append(b.Features, bf)
				}
			}
		case "name", "crs", "bbox":
			// GeoJSON's own members, which the site does not use
		default:
			d.unknownKey(k, "", []string{"type", "credit", "simplified", "features", "name"})
		}
	})
	p.Boundaries = b
}

// feature decodes the feature f, item i of the list: its id and its
// (Multi)Polygon geometry.
func feature(d *decoder, f *yaml.Node, i int) (plan.Boundary, bool) {
	at := fmt.Sprintf("features[%d]", i)
	bf := plan.Boundary{Pos: d.pos(f)}
	if f.Kind != yaml.MappingNode {
		d.add(f, at, "mỗi phần tử của features phải là một Feature GeoJSON", "each item of features must be a GeoJSON Feature")
		return bf, false
	}
	var geom *yaml.Node
	d.pairs(f, at, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			bf.Area = v.Value
		case "geometry":
			geom = v
		case "type", "properties", "bbox":
		default:
			d.unknownKey(k, at, []string{"type", "id", "properties", "geometry"})
		}
	})
	if bf.Area == "" {
		d.add(f, at, "Feature không có id: thêm \"id\" là id của một địa bàn trong areas.yaml",
			"the Feature has no id: add \"id\", the id of an area of areas.yaml")
		return bf, false
	}
	id := bf.Area
	if geom == nil || geom.Kind != yaml.MappingNode {
		d.add(f, id, "Feature không có geometry: thêm một Polygon hoặc MultiPolygon",
			"the Feature has no geometry: add a Polygon or MultiPolygon")
		return bf, false
	}
	var typ string
	var coords *yaml.Node
	d.pairs(geom, id, func(k, v *yaml.Node) {
		switch k.Value {
		case "type":
			typ = v.Value
		case "coordinates":
			coords = v
		}
	})
	if coords == nil || coords.Kind != yaml.SequenceNode {
		d.add(geom, id, "geometry không có coordinates", "the geometry has no coordinates")
		return bf, false
	}
	switch typ {
	case "Polygon":
		bf.Polygons = []plan.Polygon{polygon(d, coords, id)}
	case "MultiPolygon":
		for _, pn := range coords.Content {
			bf.Polygons = append(bf.Polygons, polygon(d, pn, id))
		}
	default:
		d.add(geom, id, fmt.Sprintf("geometry có type %q: ranh giới phải là Polygon hoặc MultiPolygon", typ),
			fmt.Sprintf("the geometry's type is %q: a boundary must be a Polygon or a MultiPolygon", typ))
		return bf, false
	}
	return bf, true
}

// polygon decodes a polygon's rings; a point that is not two numbers is a
// problem at its position.
func polygon(d *decoder, n *yaml.Node, id string) plan.Polygon {
	if n.Kind != yaml.SequenceNode {
		d.kindMismatch(n, id, "một danh sách các vòng", "a list of rings")
		return nil
	}
	var pg plan.Polygon
	for _, rn := range n.Content {
		r := plan.Ring{Pos: d.pos(rn)}
		if rn.Kind != yaml.SequenceNode {
			d.kindMismatch(rn, id, "một danh sách các điểm [kinh độ, vĩ độ]", "a list of [longitude, latitude] points")
			continue
		}
		for _, pt := range rn.Content {
			lonlat, ok := point(pt)
			if !ok {
				d.add(pt, id, "điểm phải là [kinh độ, vĩ độ], hai số", "a point must be [longitude, latitude], two numbers")
				continue
			}
			r.Points = append(r.Points, lonlat)
		}
		pg = append(pg, r)
	}
	return pg
}

func point(n *yaml.Node) ([2]float64, bool) {
	var p [2]float64
	if n.Kind != yaml.SequenceNode || len(n.Content) < 2 || len(n.Content) > 3 {
		return p, false
	}
	for i := range 2 {
		v, err := strconv.ParseFloat(n.Content[i].Value, 64)
		if err != nil || n.Content[i].Kind != yaml.ScalarNode {
			return p, false
		}
		p[i] = v
	}
	return p, true
}
