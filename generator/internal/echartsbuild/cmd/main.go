// Command echarts-build writes the site's ECharts bundle
// (generator/internal/echartsbuild) from node_modules: `make echarts`.
//
//	go run ./generator/internal/echartsbuild/cmd -node-modules node_modules -out themes/plansite/static/vendor/echarts/echarts.min.js
package main

import (
	"flag"
	"fmt"
	"os"

	"plansite/generator/internal/echartsbuild"
)

func main() {
	nm := flag.String("node-modules", "node_modules", "the npm packages of package-lock.json")
	out := flag.String("out", "themes/plansite/static/vendor/echarts/echarts.min.js", "the bundle to write")
	flag.Parse()
	b, err := echartsbuild.Build(*nm)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echarts-build:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "echarts-build:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, len(b))
}
