// Package echartsbuild bundles the site's ECharts: exactly the chart types
// and components the generated charts use, the map included, from the npm
// package pinned in package-lock.json, minified by esbuild into one script
// that defines the global echarts, as the vendored langVI.js expects.
//
// The output is committed (themes/plansite/static/vendor/echarts/echarts.min.js)
// so that building the site needs only Go; `make echarts` rewrites it and the
// gate TestEChartsBuildIsReproducible rebuilds it and compares the bytes.
package echartsbuild

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Version is the ECharts release the bundle is built from; the build
// refuses any other, so that a changed package-lock.json is seen.
const Version = "6.1.0"

// Entry is the bundle's source. Its imports are what the chart package
// emits (generator/chart: line, bar, scatter and map series; grid, title,
// plain legend (it wraps, never pages), tooltip, mark lines and areas, aria
// with decals; label layout) and the SVG renderer (charts draw as SVG; a
// PNG is drawn from the SVG). No toolbox: a figure's download menu saves
// the chart (charts.js).
// A new series type or component in generator/chart needs its line here.
const Entry = `export * from "echarts/lib/export/core.js";
import { use } from "echarts/lib/extension.js";
import { install as SVGRenderer } from "echarts/lib/renderer/installSVGRenderer.js";
import { install as LineChart } from "echarts/lib/chart/line/install.js";
import { install as BarChart } from "echarts/lib/chart/bar/install.js";
import { install as ScatterChart } from "echarts/lib/chart/scatter/install.js";
import { install as MapChart } from "echarts/lib/chart/map/install.js";
import { install as GridComponent } from "echarts/lib/component/grid/install.js";
import { install as TitleComponent } from "echarts/lib/component/title/install.js";
import { install as LegendComponent } from "echarts/lib/component/legend/installLegendPlain.js";
import { install as TooltipComponent } from "echarts/lib/component/tooltip/install.js";
import { install as MarkLineComponent } from "echarts/lib/component/marker/installMarkLine.js";
import { install as MarkAreaComponent } from "echarts/lib/component/marker/installMarkArea.js";
import { install as AriaComponent } from "echarts/lib/component/aria/install.js";
import { installLabelLayout as LabelLayout } from "echarts/lib/label/installLabelLayout.js";
use([SVGRenderer, LineChart, BarChart, ScatterChart, MapChart,
  GridComponent, TitleComponent, LegendComponent, TooltipComponent,
  MarkLineComponent, MarkAreaComponent, AriaComponent, LabelLayout]);
`

// banner names what the file is; ECharts' licence and notice sit beside it.
const banner = "/*! Apache ECharts " + Version + " (Apache-2.0, see LICENSE and NOTICE beside this file), " +
	"built for this site by generator/internal/echartsbuild. */"

// Build bundles Entry from the echarts package under nodeModules and
// returns the script.
func Build(nodeModules string) ([]byte, error) {
	pkg, err := os.ReadFile(filepath.Join(nodeModules, "echarts", "package.json"))
	if err != nil {
		return nil, fmt.Errorf("echarts %s is not installed (npm ci --ignore-scripts): %w", Version, err)
	}
	if !strings.Contains(string(pkg), `"version": "`+Version+`"`) {
		return nil, fmt.Errorf("%s/echarts is not version %s: run npm ci --ignore-scripts", nodeModules, Version)
	}
	abs, err := filepath.Abs(nodeModules)
	if err != nil {
		return nil, err
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   Entry,
			ResolveDir: filepath.Dir(abs),
			Sourcefile: "echarts-entry.js",
			Loader:     api.LoaderJS,
		},
		NodePaths:         []string{abs},
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        "echarts",
		Target:            api.ES2017,
		Platform:          api.PlatformBrowser,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Banner:            map[string]string{"js": banner},
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`, "__DEV__": "false"},
		Write:             false,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var errs []error
		for _, m := range res.Errors {
			where := ""
			if m.Location != nil {
				where = fmt.Sprintf("%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column)
			}
			errs = append(errs, errors.New(where+m.Text))
		}
		return nil, errors.Join(errs...)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}
