//go:build gates

package gates

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// pressKey sends one key as a keyboard does: Enter (13), Space (32)…
func pressKey(ctx context.Context, t *chromedp.Target, key, code string, vk int64) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk}
		if typ == input.DispatchKeyEventTypeKeyDown && key == "Enter" {
			p.Text = "\r"
		}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
			return err
		}
	}
	return nil
}

// The districts' map is drawn from the site's own boundaries, on the
// districts page, a district's page and a target's page, in both languages, with no
// console error, no failed request and 0 axe-core violations; its year
// buttons work from the keyboard alone: Tab reaches them, Enter chooses a
// year, the map redraws that year's option, the text alternative shows
// that year's bands and the address keeps the year.
func TestMapInBrowser(t *testing.T) {
	axe, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	paths := []string{"/dia-phuong/", "/en/districts/", "/dia-phuong/son-dong/", "/en/districts/son-dong/", "/chi-tieu/2a-son-dong/", "/en/indicators/2a/"}
	for _, path := range paths {
		for _, vp := range viewports {
			t.Run(fmt.Sprintf("%s/%d", path, vp.w), func(t *testing.T) {
				for _, p := range visit(bctx, srv.URL+path, false, vp, checks{axe: string(axe)}) {
					t.Errorf("%s at %d: %s", path, vp.w, p)
				}
			})
		}
	}
	t.Run("keyboard", func(t *testing.T) {
		r := &recorder{urls: map[network.RequestID]string{}, host: strings.TrimPrefix(srv.URL, "http://"), page: srv.URL}
		var ctx context.Context
		ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(r.listen(&ctx)))
		defer cancel()
		ctx, cancelT := context.WithTimeout(ctx, time.Minute)
		defer cancelT()
		u := srv.URL + "/dia-phuong/"
		if err := chromedp.Do(ctx, emulate(viewports[1]), chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		drawn := `(() => { const e = document.querySelector('#chart-areas-map'); e.scrollIntoView(); return !!e.querySelector('svg path') })()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](drawn, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("the map is not drawn: %v", err)
		}
		years, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#figure-areas-map .chart-years button')].filter(b => b.offsetParent).map(b => b.dataset.year)`))
		if err != nil || len(years) < 2 {
			t.Fatalf("year buttons shown: %v (%v), want several", years, err)
		}
		first := years[0]
		// Tab from the control before the first year button onto it.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
  const b = document.querySelector('#figure-areas-map .chart-years button');
  const all = [...document.querySelectorAll('a[href], button, [tabindex="0"]')].filter(e => e.offsetParent);
  all[all.indexOf(b) - 1].focus();
})()`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if err := pressTab(ctx, tg); err != nil {
				return err
			}
			return pressKey(ctx, tg, "Enter", "Enter", 13)
		})); err != nil {
			t.Fatal(err)
		}
		state := fmt.Sprintf(`(() => {
  const f = document.querySelector('#figure-areas-map');
  const b = f.querySelector('.chart-years button[data-year="%s"]');
  const shown = [...f.querySelectorAll('[data-year-text]')].filter(p => !p.hidden).map(p => p.dataset.yearText);
  return document.activeElement === b && b.getAttribute('aria-pressed') === 'true' &&
    shown.join() === '%s' && location.hash === '#figure-areas-map=%s' &&
    f.querySelector('.chart').dataset.src.endsWith('areas-map-%s.json') && !!f.querySelector('.chart svg path');
})()`, first, first, first, first)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](state, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.outerHTML + ' ' + location.hash`))
			t.Errorf("after Tab and Enter on %s: %s (%v)", first, got, err)
		}
		// Reloading the address keeps the year.
		if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		kept := fmt.Sprintf(`document.querySelector('#figure-areas-map .chart-years button[data-year="%s"]').getAttribute('aria-pressed') === 'true'`, first)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](kept, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("the address %s#figure-areas-map=%s does not keep the year (%v)", u, first, err)
		}
		for _, p := range r.problems {
			t.Errorf("%s: %s", u, p)
		}
	})
}
