package emit

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"plansite/generator/chart"
)

// The map's legend (35-map.css) shows each band in the colour the map
// draws it with (chart.Bands), and the band without data hatched.
func TestMapBandColours(t *testing.T) {
	b, err := os.ReadFile("../../themes/plansite/assets/css/35-map.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	for i, band := range chart.Bands() {
		rule := ".map-band-" + strconv.Itoa(i) + " { background: "
		switch {
		case band.None && !strings.Contains(css, rule+"#fff repeating-linear-gradient("):
			t.Errorf("35-map.css: %s is not hatched", rule)
		case !band.None && !strings.Contains(css, rule+band.Colour+";"):
			t.Errorf("35-map.css: no %q%s;", rule, band.Colour)
		}
	}
}
