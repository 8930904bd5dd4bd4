//go:build gates

package gates

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// tooWide names what makes the page wider than the screen's w px: a
// phone must never scroll sideways. (A phone browser widens its layout
// viewport to fit a wide page, so innerWidth cannot be the measure.)
// Elements inside a container that scrolls on its own (a wide table in
// .table-scroll) do not count.
func tooWide(ctx context.Context, w int64) []string {
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const w = `+fmt.Sprint(w)+`;
  const page = document.documentElement.scrollWidth;
  if (page <= w) return [];
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
  const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1 && !scrolls(e));
  const outer = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3).map(e => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += '#' + e.id; else if (e.classList.length) s += '.' + [...e.classList].join('.');
    return s + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)';
  });
  return ['the page is ' + page + ' px wide on a ' + w + ' px screen: ' + outer.join(', ')];
})()`))
	if err != nil {
		return []string{fmt.Sprintf("measuring the page's width: %v", err)}
	}
	return out
}

// open opens u in a new tab at w×h as a phone or a desktop, with or
// without JavaScript, and runs do on it.
func open(t *testing.T, bctx context.Context, u string, w, h int64, mobile, script bool, do func(ctx context.Context)) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	err := chromedp.Do(ctx,
		emulate(viewport{w, h, mobile}),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !script})
			return err
		}),
		chromedp.Navigate(u),
	)
	if err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	do(ctx)
}

// The home page answers first: on a 360×640 phone screen, without
// scrolling, the headline result in type of at least 28 px, its change
// from the baseline, the goal with the status in words, and the source;
// the menu is folded without needing JavaScript.
func TestAnswerFirst(t *testing.T) {
	bctx := browser(t)
	for _, d := range []dataset{demo, shipped} {
		srv := serve(t, site(t, d))
		for _, path := range []string{"/", "/en/"} {
			t.Run(d.name+path, func(t *testing.T) {
				open(t, bctx, srv.URL+path, 360, 640, true, false, func(ctx context.Context) {
					type box struct {
						Found      bool
						Bottom, Px float64
						Text       string
						MenuFolded bool
						WiderThan  bool
					}
					for _, sel := range []string{".answer-value", ".answer-change", ".answer-goal", ".answer-goal .status", ".answer-source"} {
						b, err := chromedp.Run(ctx, chromedp.Evaluate[box](fmt.Sprintf(`(() => {
  const e = document.querySelector(%q);
  if (!e) return {Found: false};
  const r = e.getBoundingClientRect();
  const m = document.querySelector('.nav-menu');
  return {Found: true, Bottom: r.bottom + window.scrollY, Px: parseFloat(getComputedStyle(e).fontSize), Text: e.textContent.trim(),
    MenuFolded: !!m && !m.open && getComputedStyle(m).display !== 'none'};
})()`, sel)))
						switch {
						case err != nil:
							t.Fatalf("%s: %v", sel, err)
						case !b.Found:
							t.Errorf("%s: no %s", path, sel)
						case b.Bottom > 640:
							t.Errorf("%s: %s %q ends at %.0f px, below the first 640 px", path, sel, b.Text, b.Bottom)
						case !b.MenuFolded:
							t.Errorf("%s: the menu is not folded on a phone", path)
						}
						if sel == ".answer-value" && b.Px < 28 {
							t.Errorf("%s: the headline %q is %.0f px, want at least 28", path, b.Text, b.Px)
						}
					}
				})
			})
		}
	}
}

// A target's Chart | Table | Map frame follows the WAI-ARIA tabs pattern:
// a tablist of tabs, one selected and in the Tab order, each controlling a
// panel labelled by it; the arrow keys, Home and End move the selection
// and show its panel alone. Without JavaScript every panel shows, the
// table among them.
func TestTargetTabs(t *testing.T) {
	bctx := browser(t)
	for _, d := range []dataset{demo, shipped} {
		srv := serve(t, site(t, d))
		id := samples[d.name].targetData
		for _, path := range []string{"/" + sections["targets"][0] + "/" + id + "/", "/en/" + sections["targets"][1] + "/" + id + "/"} {
			t.Run(d.name+path, func(t *testing.T) {
				open(t, bctx, srv.URL+path, 1280, 800, false, true, func(ctx context.Context) {
					for _, p := range tabPattern(ctx) {
						t.Errorf("%s: %s", path, p)
					}
				})
				open(t, bctx, srv.URL+path, 360, 800, true, false, func(ctx context.Context) {
					shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
						`(() => { const t = document.querySelector('.tab-panel table.chart-table'); return !!t && t.getClientRects().length > 0; })()`))
					if err != nil || !shown {
						t.Errorf("%s without JavaScript: the table is not shown (%v)", path, err)
					}
				})
			})
		}
	}
}

// tabPattern checks the tabs of the page and drives them by keyboard.
func tabPattern(ctx context.Context) []string {
	const state = `(() => {
  const tabs = [...document.querySelectorAll('[role=tablist] [role=tab]')];
  return tabs.map(t => {
    const p = document.getElementById(t.getAttribute('aria-controls'));
    return {Selected: t.getAttribute('aria-selected') === 'true', TabIndex: t.tabIndex, Focused: document.activeElement === t,
      Panel: !!p && p.getAttribute('role') === 'tabpanel' && p.getAttribute('aria-labelledby') === t.id, Shown: !!p && !p.hidden,
      Name: t.textContent.trim()};
  });
})()`
	type tab struct {
		Selected, Focused, Panel, Shown bool
		TabIndex                        int
		Name                            string
	}
	read := func() ([]tab, error) { return chromedp.Run(ctx, chromedp.Evaluate[[]tab](state)) }
	var problems []string
	check := func(when string, want int, focused bool) {
		tabs, err := read()
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: reading the tabs: %v", when, err))
			return
		}
		if len(tabs) < 2 {
			problems = append(problems, fmt.Sprintf("%s: %d tabs in a tablist, want at least 2 (Chart, Table)", when, len(tabs)))
			return
		}
		for i, tb := range tabs {
			on := i == want
			switch {
			case !tb.Panel:
				problems = append(problems, fmt.Sprintf("%s: tab %q controls no tabpanel labelled by it", when, tb.Name))
			case tb.Selected != on || tb.Shown != on:
				problems = append(problems, fmt.Sprintf("%s: tab %q selected %t, panel shown %t; want %t", when, tb.Name, tb.Selected, tb.Shown, on))
			case (tb.TabIndex == 0) != on:
				problems = append(problems, fmt.Sprintf("%s: tab %q has tabindex %d", when, tb.Name, tb.TabIndex))
			case focused && tb.Focused != on:
				problems = append(problems, fmt.Sprintf("%s: focus is not on the selected tab", when))
			}
		}
	}
	check("on load", 0, false)
	key := func(k string, code int64) {
		chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
				if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
					Type: typ, Key: k, Code: k, WindowsVirtualKeyCode: code, NativeVirtualKeyCode: code}); err != nil {
					return err
				}
			}
			return nil
		}))
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[role=tab][aria-selected=true]').focus()`)); err != nil {
		return append(problems, fmt.Sprintf("focusing the selected tab: %v", err))
	}
	key("ArrowRight", 39)
	check("after ArrowRight", 1, true)
	key("Home", 36)
	check("after Home", 0, true)
	tabs, _ := read()
	key("End", 35)
	check("after End", len(tabs)-1, true)
	key("ArrowRight", 39)
	check("after ArrowRight on the last tab", 0, true)
	if len(problems) > 0 {
		return []string{strings.Join(problems, "; ")}
	}
	return nil
}
