//go:build gates

package gates

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// exportPages are pages with every kind of chart figure: a target's trend,
// the budget's stacked and grouped bars, the districts' ranking, map and
// small multiples, and a district's chart to compare.
var exportPages = []string{"/chi-tieu/2a/", "/en/indicators/2a/", "/ngan-sach/", "/en/budget/", "/dia-phuong/", "/en/districts/", "/dia-phuong/son-dong/"}

// drawAll scrolls every chart of the page into view, one at a time, each
// until it has drawn (up to 20 s, for a loaded machine), and says whether
// all have (but those of a tab not shown). A chart scrolled past before
// the browser saw it near the viewport would never start drawing.
const drawAll = `(async () => {
  const els = [...document.querySelectorAll('.chart[data-src]')].filter(e => !e.closest('[role=tabpanel][hidden]'));
  for (const e of els) {
    e.scrollIntoView();
    for (let i = 0; i < 200 && !e.chart; i++) await new Promise(r => setTimeout(r, 100));
  }
  return els.length > 0 && els.every(e => e.chart);
})()`

// figures lists what is wrong with the page's chart figures: a figure
// (or a set of small multiples, which shares one) without exactly one
// download menu, an old download list, a toolbox in a chart, or a legend
// that pages or, on a phone, is not below the plot.
const figures = `(() => {
  const out = [];
  const phone = PHONE;
  for (const f of document.querySelectorAll('figure.chart-figure')) {
    const set = f.closest('.chart-set');
    const own = f.querySelectorAll('.chart-export').length;
    if (set) {
      const shared = [...set.children].filter(e => e.matches('details.chart-export')).length;
      if (own !== 0 || shared !== 1) out.push(f.id + ': ' + own + ' menus of its own, ' + shared + ' shared with its set, want 0 and 1');
    } else if (own !== 1) {
      out.push(f.id + ': ' + own + ' download menus, want 1');
    }
    if (f.querySelector('.chart-downloads, .chart-downloads button')) out.push(f.id + ': a download list beside the menu');
    const c = f.querySelector('.chart');
    if (!c || !c.chart) continue;
    const o = c.chart.getOption();
    if (o.toolbox && o.toolbox.length) out.push(f.id + ': a toolbox is drawn');
    for (const l of o.legend || []) {
      if (l.show === false) continue;
      if (l.type === 'scroll') out.push(f.id + ': the legend pages');
      if (phone && l.bottom !== 0) out.push(f.id + ': the legend is not below the chart on a phone');
    }
  }
  return out;
})()`

// Each chart figure has exactly one download menu ("Tải về / Download"),
// a set of small multiples one for all of them; no chart draws a toolbox;
// a legend never pages, at 1280 px or on a phone, where it is below the
// plot. The menu opens from the keyboard (Tab reaches it, Enter opens it,
// Tab then reaches its first item); its CSV link works without
// JavaScript; the SVG it saves is well-formed and carries the chart's
// title, scope, source, licence and site, and the PNG is a PNG.
func TestChartExport(t *testing.T) {
	bctx := browser(t)
	public := site(t, demo)
	srv := serve(t, public)
	for _, path := range exportPages {
		for _, vp := range viewports {
			t.Run(fmt.Sprintf("%s/%d", path, vp.w), func(t *testing.T) {
				open(t, bctx, srv.URL+path, vp.w, vp.h, vp.mobile, true, func(ctx context.Context) {
					if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](drawAll, chromedp.EvalAwaitPromise)); err != nil || !ok {
						t.Fatalf("the charts are not all drawn (%v)", err)
					}
					problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](strings.Replace(figures, "PHONE", fmt.Sprint(vp.mobile), 1)))
					if err != nil {
						t.Fatal(err)
					}
					for _, p := range problems {
						t.Error(p)
					}
					if vp.mobile {
						return
					}
					menuByKeyboard(t, ctx)
					exports(t, ctx)
				})
			})
		}
	}
	t.Run("no-script", func(t *testing.T) {
		// The menu and its CSV link are in the page as published, not
		// added by a script; the link's file exists.
		for _, path := range exportPages {
			b, err := os.ReadFile(filepath.Join(public, path, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			var menus []string
			for _, m := range strings.Split(string(b), "<details class=chart-export ")[1:] {
				end := strings.Index(m, "</ul>")
				if end < 0 {
					end = len(m)
				}
				menus = append(menus, m[:end])
			}
			if len(menus) == 0 {
				t.Errorf("%s: no download menu in the page", path)
			}
			for _, m := range menus {
				csv := regexp.MustCompile(`href=([^ >]+\.csv)`).FindStringSubmatch(m)
				if csv == nil {
					t.Errorf("%s: a download menu without a CSV link: %.200s", path, m)
					continue
				}
				if _, err := os.Stat(filepath.Join(public, strings.Trim(csv[1], `"`))); err != nil {
					t.Errorf("%s: the CSV link %s: %v", path, csv[1], err)
				}
			}
		}
	})
}

// menuByKeyboard tabs onto the first download menu, opens it with Enter
// and tabs onto its first item, an image.
func menuByKeyboard(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => {
  const s = document.querySelector('details.chart-export > summary');
  s.scrollIntoView();
  const all = [...document.querySelectorAll('a[href], button, summary, input, textarea, [tabindex="0"]')].filter(e => e.offsetParent);
  all[all.indexOf(s) - 1].focus();
})()`),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if err := pressTab(ctx, tg); err != nil {
				return err
			}
			if err := pressKey(ctx, tg, "Enter", "Enter", 13); err != nil {
				return err
			}
			return pressTab(ctx, tg)
		}))
	if err != nil {
		t.Fatal(err)
	}
	state := `(() => { const d = document.querySelector('details.chart-export'); const a = document.activeElement;
  return d.open && d.contains(a) && a.matches('button[data-type="png"]') && !!a.offsetParent })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](state, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.outerHTML.slice(0, 200) + ' open=' + document.querySelector('details.chart-export').open`))
		t.Errorf("Tab, Enter, Tab on the first download menu: focus on %s, want its PNG item (%v)", got, err)
	}
}

// exports saves each menu's images, catching the link charts.js clicks,
// and checks what they carry.
func exports(t *testing.T, ctx context.Context) {
	t.Helper()
	saved := `(async () => {
  const out = [];
  let got = null;
  HTMLAnchorElement.prototype.click = function () { got = { href: this.href, name: this.download }; };
  for (const m of document.querySelectorAll('details.chart-export')) {
    if (m.closest('[role=tabpanel][hidden]')) continue; // its chart draws once its tab is shown
    m.open = true;
    for (const type of ['svg', 'png']) {
      got = null;
      const b = m.querySelector('button[data-type="' + type + '"]');
      if (!b) { out.push(m.dataset.name + ': no ' + type + ' item'); continue; }
      b.click();
      for (let i = 0; i < 100 && !got; i++) await new Promise(r => setTimeout(r, 50));
      if (!got) { out.push(m.dataset.name + ': ' + type + ' not saved'); continue; }
      if (!got.name.endsWith('.' + type)) out.push(m.dataset.name + ': saved as ' + got.name);
      if (type === 'png') {
        if (!got.href.startsWith('data:image/png;base64,') || got.href.length < 2000) out.push(m.dataset.name + ': the PNG is ' + got.href.slice(0, 40));
        continue;
      }
      const svg = decodeURIComponent(got.href.slice(got.href.indexOf(',') + 1));
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      if (doc.querySelector('parsererror')) { out.push(m.dataset.name + ': the SVG is not well-formed'); continue; }
      const text = [...doc.querySelectorAll('text')].map(e => e.textContent).join(' ').replace(/\s+/g, ' ');
      const words = text.replace(/ /g, '');
      for (const k of ['title', 'scope', 'source', 'licence', 'site']) {
        const want = (m.dataset[k] || '').replace(/\s+/g, '');
        if (!want || !words.includes(want)) out.push(m.dataset.name + ': the SVG does not carry its ' + k + ' "' + m.dataset[k] + '"');
      }
      if (!words.includes('CCBY4.0')) out.push(m.dataset.name + ': the SVG names no licence');
      if (!doc.querySelector('svg svg')) out.push(m.dataset.name + ': the SVG holds no chart');
    }
  }
  return out;
})()`
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](saved, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}
