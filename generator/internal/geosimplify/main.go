// Command geosimplify thins a GeoJSON FeatureCollection of area boundaries
// for the web and writes it as a data folder's boundaries.geojson:
//
//	go run ./generator/internal/geosimplify -grid 0.0025 -credit-vi … -credit-en … IN.geojson > data/boundaries.geojson
//
// Every point is snapped to a grid of -grid degrees (0.0025° is about
// 270 m, finer than a district map shows), then repeated points and
// back-and-forth spikes are dropped. A point is snapped the same way in
// every ring it belongs to, so that two districts still share their
// border exactly: no gaps, no overlaps. Each feature keeps its id and its
// name; the collection gains the members credit and simplified, which the
// site shows with the map.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

type collection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string            `json:"type"`
	ID         string            `json:"id"`
	Properties map[string]string `json:"properties"`
	Geometry   struct {
		Type        string           `json:"type"`
		Coordinates [][][][2]float64 `json:"coordinates"`
	} `json:"geometry"`
}

func main() {
	grid := flag.Float64("grid", 0.0025, "the grid, in degrees, points are snapped to")
	creditVI := flag.String("credit-vi", "", "who drew the lines, in Vietnamese")
	creditEN := flag.String("credit-en", "", "who drew the lines, in English")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: geosimplify [-grid DEG] -credit-vi TEXT -credit-en TEXT IN.geojson > boundaries.geojson")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = run(b, *grid, *creditVI, *creditEN, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "geosimplify:", err)
		os.Exit(1)
	}
}

func run(in []byte, grid float64, creditVI, creditEN string, w io.Writer) error {
	var c collection
	if err := json.Unmarshal(in, &c); err != nil {
		return err
	}
	if c.Type != "FeatureCollection" {
		return fmt.Errorf("not a FeatureCollection")
	}
	decimals := int(math.Ceil(-math.Log10(grid))) + 1
	how := fmt.Sprintf("mỗi điểm làm tròn về lưới %s° (khoảng %d m), bỏ điểm lặp và mũi nhọn (generator/internal/geosimplify)",
		strings.Replace(strconv.FormatFloat(grid, 'f', -1, 64), ".", ",", 1), int(math.Round(grid*111000)))
	howEN := fmt.Sprintf("every point snapped to a %g° grid (about %d m), repeated points and spikes dropped (generator/internal/geosimplify)", grid, int(math.Round(grid*111000)))
	var sb strings.Builder
	sb.WriteString("{\"type\": \"FeatureCollection\",\n")
	fmt.Fprintf(&sb, "\"credit\": {\"vi\": %s, \"en\": %s},\n", q(creditVI), q(creditEN))
	fmt.Fprintf(&sb, "\"simplified\": {\"vi\": %s, \"en\": %s},\n", q(how), q(howEN))
	sb.WriteString("\"features\": [\n")
	total := 0
	for i, f := range c.Features {
		if i > 0 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, "{\"type\": \"Feature\", \"id\": %s, \"properties\": {\"name\": %s}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [", q(f.ID), q(f.Properties["name"]))
		np := 0
		for _, pg := range f.Geometry.Coordinates {
			var rings [][][2]float64
			for _, r := range pg {
				if s := snap(r, grid); len(s) >= 4 {
					rings = append(rings, s)
				}
			}
			if len(rings) == 0 {
				continue
			}
			if np > 0 {
				sb.WriteString(",")
			}
			np++
			sb.WriteString("\n  [")
			for ri, r := range rings {
				if ri > 0 {
					sb.WriteString(",")
				}
				sb.WriteString("[")
				for pi, p := range r {
					if pi > 0 {
						sb.WriteString(",")
					}
					fmt.Fprintf(&sb, "[%s,%s]", strconv.FormatFloat(p[0], 'f', decimals, 64), strconv.FormatFloat(p[1], 'f', decimals, 64))
					total++
				}
				sb.WriteString("]")
			}
			sb.WriteString("]")
		}
		sb.WriteString("]}}")
	}
	sb.WriteString("\n]}\n")
	fmt.Fprintf(os.Stderr, "%d features, %d points\n", len(c.Features), total)
	_, err := io.WriteString(w, sb.String())
	return err
}

func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// snap snaps a closed ring's points to the grid, drops repeated points and
// spikes (a point whose neighbours are the same point), and closes it again.
func snap(r [][2]float64, grid float64) [][2]float64 {
	var out [][2]float64
	for _, p := range r {
		s := [2]float64{math.Round(p[0]/grid) * grid, math.Round(p[1]/grid) * grid}
		s[0], s[1] = math.Round(s[0]*1e6)/1e6, math.Round(s[1]*1e6)/1e6
		if n := len(out); n > 0 && out[n-1] == s {
			continue
		}
		out = append(out, s)
	}
	// open the ring, drop spikes until none is left, close it again
	if n := len(out); n > 1 && out[0] == out[n-1] {
		out = out[:n-1]
	}
	for changed := true; changed && len(out) >= 3; {
		changed = false
		for i := 0; i < len(out) && len(out) >= 3; i++ {
			prev, next := out[(i+len(out)-1)%len(out)], out[(i+1)%len(out)]
			if prev == next {
				// a spike: drop the point and one of its equal neighbours
				j := (i + 1) % len(out)
				out = remove(out, i, j)
				changed = true
				break
			}
		}
	}
	if len(out) < 3 {
		return nil
	}
	return append(out, out[0])
}

func remove(s [][2]float64, i, j int) [][2]float64 {
	if i > j {
		i, j = j, i
	}
	out := append([][2]float64{}, s[:i]...)
	out = append(out, s[i+1:j]...)
	return append(out, s[j+1:]...)
}
