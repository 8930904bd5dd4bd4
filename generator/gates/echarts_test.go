//go:build gates

package gates

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"plansite/generator/internal/echartsbuild"
)

// The committed ECharts bundle is what `make echarts` builds from the npm
// package pinned in package-lock.json, byte for byte.
func TestEChartsBuildIsReproducible(t *testing.T) {
	nodeModule(t, "echarts/package.json")
	got, err := echartsbuild.Build(filepath.Join(root, "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join(root, "themes", "plansite", "static", "vendor", "echarts", "echarts.min.js")
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s (%d bytes) is not what echartsbuild.Build gives (%d bytes): run make echarts", committed, len(want), len(got))
	}
}
