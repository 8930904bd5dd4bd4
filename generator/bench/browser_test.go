package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// One Vietnamese page of each type is measured: the first with a chart,
// else the first; English pages and pages outside the URL contract are not.
func TestSamplePages(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html":                `<html></html>`,
		"chi-tieu/1a/index.html":    `<html></html>`,
		"chi-tieu/2a/index.html":    `<html><script src=/js/charts.js data-echarts=/e.js></script></html>`,
		"chi-tieu/3a/index.html":    `<html><script src=/js/charts.js data-echarts=/e.js></script></html>`,
		"dia-phuong/x/index.html":   `<html></html>`,
		"en/indicators/index.html":  `<html></html>`,
		"en/districts/y/index.html": `<html><script data-echarts=/e.js></script></html>`,
		"404.html":                  `<html></html>`,
		"khong-co.html":             `<html></html>`,
	})
	got, err := samplePages(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"home": "/", "targets/<id>": "/chi-tieu/2a/", "areas/<id>": "/dia-phuong/x/", "404": "/404.html"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("samplePages = %v, want %v", got, want)
	}
}

// busy is a script that does a fixed amount of work, the same at any speed.
const busy = `{ let x = 0; for (let i = 0; i < 4e7; i++) x = (x + i) % 7919; document.body.dataset.x = x; }`

// The script time is measured in Chromium: the work a page does on load,
// then with the work its chart does once scrolled to (loaded on the way,
// as charts.js loads ECharts), on a CPU slowed as asked; a page without a
// chart has no second figure.
func TestScriptTimesOf(t *testing.T) {
	exe, err := chromiumPath()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, map[string]string{
		"index.html": `<!doctype html><html><body><p>Home</p><script>` + busy + `</script>
<figure class="chart-figure" style="margin-top: 3000px"><div class="chart"></div></figure>
<script>
new IntersectionObserver((es, o) => { if (!es[0].isIntersecting) return; o.disconnect();
  setTimeout(() => { ` + busy + busy + busy + ` document.querySelector('.chart').innerHTML = '<svg width="10" height="10"></svg>'; }, 50);
}).observe(document.querySelector('.chart-figure'));
</script></body></html>`,
		"ke-hoach/index.html": `<!doctype html><html><body><p>Plan</p><script>document.body.dataset.y = 1</script></body></html>`,
	})
	at := map[float64]map[string]scriptTime{}
	for _, rate := range []float64{1, cpuSlowdown} {
		if at[rate], err = scriptTimesOf(exe, dir, rate); err != nil {
			t.Fatal(err)
		}
	}
	home, plan := at[cpuSlowdown]["home"], at[cpuSlowdown]["plan"]
	t.Logf("home at 1×: %s ms; at %d×: %s ms", at[1]["home"].cell(), cpuSlowdown, home.cell())
	if !home.charts || !home.drawn {
		t.Fatalf("home: charts %t, drawn %t; want a chart drawn", home.charts, home.drawn)
	}
	// The chart does three times the load's work: on a machine busy with
	// other jobs, at least half as much again must show.
	if home.load <= 0 || home.chart < home.load+home.load/2 {
		t.Errorf("home: script %v after loading, %v after the chart; want the chart's work (three times the load's) counted", home.load, home.chart)
	}
	if plan.charts || plan.chart != 0 || plan.page != "/ke-hoach/" {
		t.Errorf("plan = %+v, want /ke-hoach/ without a chart", plan)
	}
	// 4× in theory; other jobs on the machine slow the unthrottled run too.
	if slow, fast := home.load, at[1]["home"].load; slow < fast*3/2 {
		t.Errorf("home: script %v at %d× slowdown, %v at 1×; want the slowdown to show (at least 1.5 times)", slow, cpuSlowdown, fast)
	}
}

// The table prints milliseconds: load, then after the first chart.
func TestScriptCells(t *testing.T) {
	sites := []scriptTimes{
		{byType: map[string]scriptTime{
			"home":     {load: 85 * time.Millisecond, chart: 1200400 * time.Microsecond, charts: true, drawn: true},
			"plan":     {load: 12 * time.Millisecond},
			"budget":   {load: 40 * time.Millisecond, charts: true},
			"embed/id": {},
		}},
		{},
	}
	for typ, want := range map[string]string{
		"home":    "85 / 1200\t–\t",
		"plan":    "12\t–\t",
		"budget":  "40 / not drawn\t–\t",
		"reports": "–\t–\t",
	} {
		if got := scriptCells(typ, sites); got != want {
			t.Errorf("scriptCells(%s) = %q, want %q", typ, got, want)
		}
	}
	if got, want := scriptHeads("tenth", sites), "script ms ×4 CPU, shipped\tscript ms ×4 CPU, tenth\t"; got != want {
		t.Errorf("scriptHeads = %q, want %q", got, want)
	}
}
