package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"plansite/generator/internal/sitefiles"
)

// cpuSlowdown is how much slower than this machine's the browser's CPU is
// made: a mid-range phone's, as Lighthouse's mobile preset assumes.
const cpuSlowdown = 4

// A scriptTime is the main thread's script time of one page in headless
// Chromium on a phone's screen (360×640) with the CPU slowed cpuSlowdown
// times, as Chromium's Performance.getMetrics counts it (ScriptDuration):
// once the page has loaded, and again once it has been scrolled to its
// first chart and the chart is drawn, so that the ECharts that charts.js
// loads on the way counts.
type scriptTime struct {
	page  string        // from the site's root
	load  time.Duration // after loading
	chart time.Duration // after the first chart is drawn; 0 for a page without one
	// charts says the page has a chart; drawn, that it was drawn within
	// chartWait.
	charts, drawn bool
}

// scriptTimes are the script times of a site's page types, by type
// (pageType), or why they could not be measured.
type scriptTimes struct {
	byType map[string]scriptTime
	err    error
}

// chartWait bounds the wait for a chart to draw on the slowed CPU.
const chartWait = 30 * time.Second

// measureScriptTimes measures one page of each type of the built sites in
// the public folders given, in one browser: the shipped site's and the
// synthetic site's, for the bench's table of page types.
func measureScriptTimes(publics ...string) []scriptTimes {
	out := make([]scriptTimes, len(publics))
	exe, err := chromiumPath()
	for i, public := range publics {
		if err != nil {
			out[i].err = err
			continue
		}
		out[i].byType, out[i].err = scriptTimesOf(exe, public, cpuSlowdown)
	}
	return out
}

// chromiumPath finds the browser: PLANSITE_CHROMIUM, else Debian's
// chromium on the PATH.
func chromiumPath() (string, error) {
	for _, name := range []string{os.Getenv("PLANSITE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium to measure script time: apt-get install chromium (or set PLANSITE_CHROMIUM)")
}

// samplePages picks one page of each type of the built site in public, in
// Vietnamese: the first, in lexical order, that has a chart, else the first.
func samplePages(public string) (map[string]string, error) {
	out := map[string]string{}
	charted := map[string]bool{}
	err := sitefiles.Each(public, ".html", func(rel string, b []byte) error {
		if strings.HasPrefix(rel, "en/") {
			return nil
		}
		typ := pageType(rel)
		if typ == "other" || charted[typ] {
			return nil
		}
		has := bytes.Contains(b, []byte("data-echarts"))
		if _, ok := out[typ]; !ok || has {
			out[typ], charted[typ] = "/"+strings.TrimSuffix(rel, "index.html"), has
		}
		return nil
	})
	return out, err
}

// scriptTimesOf serves the site in public and measures a sample page of
// each type in Chromium (exe) with the CPU slowed rate times.
func scriptTimesOf(exe, public string, rate float64) (map[string]scriptTime, error) {
	pages, err := samplePages(public)
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	var types []string
	for t := range pages {
		types = append(types, t)
	}
	slices.Sort(types)
	out := map[string]scriptTime{}
	for _, t := range types {
		st, err := measurePage(bctx, srv.URL, pages[t], rate)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", pages[t], err)
		}
		out[t] = st
	}
	return out, nil
}

// measurePage opens page in a new tab of the browser and measures it.
func measurePage(bctx context.Context, base, page string, rate float64) (scriptTime, error) {
	st := scriptTime{page: page}
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	script := func() (time.Duration, error) {
		m, err := chromedp.Run(ctx, chromedp.Action[performance.GetMetricsResult](func(ctx context.Context, t *chromedp.Target) (performance.GetMetricsResult, error) {
			return cdp.Call(ctx, t, performance.GetMetrics, cdp.Empty{})
		}))
		if err != nil {
			return 0, err
		}
		return scriptDuration(m.Metrics), nil
	}
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, performance.Enable, performance.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			return err
		}),
		chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile),
		chromedp.Navigate(base+page),
		// What the page starts after its load event (charts.js's observer).
		chromedp.Sleep(time.Second),
	)
	if err == nil {
		st.load, err = script()
	}
	if err == nil {
		st.charts, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
  const f = document.querySelector('.chart-figure');
  if (f) f.scrollIntoView();
  return !!f;
})()`))
	}
	for end := time.Now().Add(chartWait); err == nil && st.charts && !st.drawn && time.Now().Before(end); {
		time.Sleep(250 * time.Millisecond)
		st.drawn, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('.chart svg, .chart canvas')`))
	}
	if err == nil && st.charts {
		time.Sleep(500 * time.Millisecond) // the chart's animation and the tasks after it
		st.chart, err = script()
	}
	return st, err
}

// scriptDuration reads ScriptDuration (seconds) from Chromium's metrics.
func scriptDuration(ms []*performance.Metric) time.Duration {
	for _, m := range ms {
		if m.Name == "ScriptDuration" {
			return time.Duration(m.Value * float64(time.Second))
		}
	}
	return 0
}

// cell is a script time as the bench's table prints it, in milliseconds:
// "load / after the first chart", "load" for a page without a chart, and
// "load / not drawn" for a chart that did not draw.
func (s scriptTime) cell() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/float64(time.Millisecond)) }
	switch {
	case !s.charts:
		return ms(s.load)
	case !s.drawn:
		return ms(s.load) + " / not drawn"
	}
	return ms(s.load) + " / " + ms(s.chart)
}

// scriptHeads are the headings of the script-time columns of the bench's
// table of page types: the shipped site's, then the synthetic site's.
func scriptHeads(scale string, sites []scriptTimes) string {
	var b strings.Builder
	for i := range sites {
		fmt.Fprintf(&b, "script ms ×%d CPU, %s\t", cpuSlowdown, siteName(i, scale))
	}
	return b.String()
}

// siteName names the i-th site measured: the shipped one, then the
// synthetic one at its scale.
func siteName(i int, scale string) string {
	if i == 0 {
		return "shipped"
	}
	return scale
}

// scriptCells are a page type's cells of the script-time columns.
func scriptCells(typ string, sites []scriptTimes) string {
	var b strings.Builder
	for _, s := range sites {
		if st, ok := s.byType[typ]; ok {
			b.WriteString(st.cell())
		} else {
			b.WriteString("–")
		}
		b.WriteString("\t")
	}
	return b.String()
}

// printScriptNotes says what the script-time columns are, which page of
// each type was measured, and why a site was not measured.
func printScriptNotes(w io.Writer, scale string, sites []scriptTimes) {
	if len(sites) == 0 {
		return
	}
	fmt.Fprintf(w, "script ms: the main thread's script time (Chromium's ScriptDuration) of one page of the type at 360×640 with the CPU slowed %d×, after loading / after scrolling to its first chart and drawing it (ECharts loaded on the way)\n", cpuSlowdown)
	for i, s := range sites {
		if s.err != nil {
			fmt.Fprintf(w, "  %s: not measured: %v\n", siteName(i, scale), s.err)
			continue
		}
		var types []string
		for t := range s.byType {
			types = append(types, t)
		}
		slices.Sort(types)
		var pages []string
		for _, t := range types {
			pages = append(pages, s.byType[t].page)
		}
		fmt.Fprintf(w, "  pages measured, %s: %s\n", siteName(i, scale), strings.Join(pages, " "))
	}
}
