package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	reChart  = regexp.MustCompile(`<div class="chart chart-\w+" id=chart-([\w-]+) data-src=([^\s>]+)`)
	reScript = regexp.MustCompile(`<script src=([^\s>]+)`)
	reFigure = regexp.MustCompile(`(?s)<figure class="chart-figure[^>]*>.*?</figure>`)
	reLazy   = regexp.MustCompile(`<script src=/js/charts\.min\.\w+\.js [^>]*data-echarts=/vendor/echarts/echarts\.min\.js`)
)

// siteJSON is the part of the emitted view the chart tests read.
type siteJSON struct {
	Targets []struct {
		ID      string
		Measure string
		Charts  []string
	}
	ChartsOn map[string][]string
}

func readSiteJSON(t *testing.T, public string) siteJSON {
	t.Helper()
	var v siteJSON
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(public, "..", "data", "site.json"))), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Every chart is on its page in both languages: a target's on the
// target's page, a district's on the district's page, the others on the
// overview, the districts page and the budget page.
func TestChartsAreOnTheirPages(t *testing.T) {
	pageOf := map[string][2]string{"home": {"/", "/en/"}, "areas": {"/dia-phuong/", "/en/districts/"}, "budget": {"/ngan-sach/", "/en/budget/"}}
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			public := siteOf(t, data)
			pages := pagesOf(t, public)
			v := readSiteJSON(t, public)
			want := map[string][]string{} // page → chart ids
			for _, tv := range v.Targets {
				want["/chi-tieu/"+tv.ID+"/"] = append(want["/chi-tieu/"+tv.ID+"/"], tv.Charts...)
				want["/en/indicators/"+tv.ID+"/"] = append(want["/en/indicators/"+tv.ID+"/"], tv.Charts...)
			}
			for page, ids := range v.ChartsOn {
				us := pageOf[page]
				if id, ok := strings.CutPrefix(page, "areas/"); ok {
					us = [2]string{"/dia-phuong/" + id + "/", "/en/districts/" + id + "/"}
				}
				for _, u := range us {
					want[u] = append(want[u], ids...)
				}
			}
			n := 0
			for u, ids := range want {
				for _, id := range ids {
					n++
					if !strings.Contains(pages[u], "id=chart-"+id+" ") {
						t.Errorf("%s: no chart %s", u, id)
					}
				}
			}
			if n == 0 {
				t.Error("no charts at all")
			}
		})
	}
}

// A page with charts loads charts.js from this site, which names ECharts
// (and its Vietnamese locale on a Vietnamese page) to load when a chart
// nears the viewport; a page without charts loads none of them. Every chart's figure holds its table, and its
// option and data files are valid.
func TestChartPagesAndScripts(t *testing.T) {
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			public := siteOf(t, data)
			for u, html := range pagesOf(t, public) {
				charts := reChart.FindAllStringSubmatch(html, -1)
				var scripts []string
				for _, m := range reScript.FindAllStringSubmatch(html, -1) {
					scripts = append(scripts, m[1])
				}
				joined := strings.Join(scripts, " ")
				hasECharts := reLazy.MatchString(html)
				hasOurs := regexp.MustCompile(`/js/charts\.min\.\w+\.js`).MatchString(joined)
				hasVI := strings.Contains(html, "data-locale=/vendor/echarts/langVI.js")
				switch {
				case len(charts) == 0 && (hasECharts || hasOurs || hasVI):
					t.Errorf("%s: no charts, but loads %v", u, scripts)
				case len(charts) > 0 && (!hasECharts || !hasOurs):
					t.Errorf("%s: %d charts, but loads only %v", u, len(charts), scripts)
				case len(charts) > 0 && hasVI != !strings.HasPrefix(u, "/en/"):
					t.Errorf("%s: Vietnamese locale loaded: %t", u, hasVI)
				}
				if figs := reFigure.FindAllString(html, -1); len(figs) != len(charts) {
					t.Errorf("%s: %d figures for %d charts", u, len(figs), len(charts))
				} else {
					for i, f := range figs {
						id := charts[i][1]
						if !strings.Contains(html, "<table class=chart-table data-chart="+id+">") || !strings.Contains(f, "<figcaption>") {
							t.Errorf("%s: chart %s has no table or caption", u, id)
						}
					}
				}
				for _, m := range charts {
					b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(m[2])))
					if err != nil {
						t.Errorf("%s: %v", u, err)
						continue
					}
					if !json.Valid(b) {
						t.Errorf("%s: %s is not valid JSON", u, m[2])
					}
				}
			}
		})
	}
}

// A page with charts loads at most 30 KB of gzip-compressed script for its
// first screen (the scripts of its <script> elements); ECharts, which
// charts.js loads only when a chart nears the viewport, is at most 240 KB.
func TestChartScriptWeight(t *testing.T) {
	const firstScreen, echarts = 30 * 1024, 240 * 1024
	gz := func(path string) int {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		return z.Len()
	}
	public := siteOf(t, "../examples/demo")
	pages := pagesOf(t, public)
	for u, html := range pages {
		total := 0
		for _, m := range reScript.FindAllStringSubmatch(html, -1) {
			total += gz(filepath.Join(public, filepath.FromSlash(m[1])))
		}
		if total > firstScreen {
			t.Errorf("%s: %d bytes of gzip-compressed script for the first screen, want at most %d", u, total, firstScreen)
		}
	}
	if n := gz(filepath.Join(public, "vendor", "echarts", "echarts.min.js")); n > echarts {
		t.Errorf("echarts.min.js: %d bytes gzip-compressed, want at most %d", n, echarts)
	} else {
		t.Logf("echarts.min.js: %d bytes gzip-compressed", n)
	}
}

// The districts' map is on the page of every target measured by the
// poor-household rate in the areas' figures, and on no other target's.
func TestMapOnTargetsByArea(t *testing.T) {
	public := siteOf(t, "../examples/demo")
	pages := pagesOf(t, public)
	n := 0
	for _, tv := range readSiteJSON(t, public).Targets {
		for _, u := range []string{"/chi-tieu/" + tv.ID + "/", "/en/indicators/" + tv.ID + "/"} {
			has := strings.Contains(pages[u], "id=figure-areas-map")
			if has != (tv.Measure == "poor_rate") {
				t.Errorf("%s (measure %q): map shown %t", u, tv.Measure, has)
			}
			if has {
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no target page shows the map")
	}
}

// A name that tries to close a script element stays inert in the built,
// minified site: escaped in the pages, escaped in the charts' JSON.
func TestHostileChartLabelsInert(t *testing.T) {
	const hostile = "</script><script>alert(1)</script>"
	data := t.TempDir()
	copyDir(t, "../examples/demo", data)
	areas := filepath.Join(data, "areas.yaml")
	src := readFile(t, areas)
	// A district's name, written as code so that markdown keeps its text.
	bad := strings.Replace(src, `"Sơn Động"`, "\"`"+hostile+"` Sơn Động\"", 1)
	if bad == src {
		t.Fatal(`no "Sơn Động" in areas.yaml`)
	}
	if err := os.WriteFile(areas, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if code, stderr := buildSite(t, data, out); code != 0 {
		t.Fatalf("build failed (%d):\n%s", code, stderr)
	}
	public := filepath.Join(out, "public")
	// Inside a quoted attribute value < is only text, and the minifier
	// leaves it unescaped there (aria-label="… </script> …"); anywhere
	// else it must be &lt;.
	attr := regexp.MustCompile(`="[^"]*"`)
	found := false
	for u, html := range pagesOf(t, public) {
		text := attr.ReplaceAllString(html, "")
		if strings.Contains(text, "<script>alert(1)") || strings.Contains(text, "</script><script>") {
			t.Errorf("%s: the name is not escaped", u)
		}
		found = found || strings.Contains(text, "&lt;/script>&lt;script>alert(1)")
	}
	if !found {
		t.Error("no page shows the name")
	}
	b := readFile(t, filepath.Join(public, "charts", "vi", "areas-ranking.json"))
	if strings.ContainsAny(b, "<>") || !json.Valid([]byte(b)) {
		t.Errorf("areas-ranking.json is not escaped, valid JSON:\n%s", b)
	}
	if !strings.Contains(b, `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
		t.Errorf("areas-ranking.json does not hold the escaped name")
	}
}
