//go:build gates

package gates

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets of the accessibility bar (docs/architecture.md):
// WCAG 2.0, 2.1 and 2.2, A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']`

// An axeViolation is one failed axe-core rule, with the first elements
// that fail it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Count   int      `json:"count"`
	Targets []string `json:"targets"`
	Summary string   `json:"summary"` // what to fix, for the first element
}

// runAxe injects axe-core into the page and runs the WCAG rules.
func runAxe(ctx context.Context, axe string) []string {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		return []string{fmt.Sprintf("injecting axe-core: %v", err)}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {
  runOnly: {type: 'tag', values: `+axeTags+`},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help, count: v.nodes.length,
  targets: v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)),
  summary: (v.nodes[0] && v.nodes[0].failureSummary || '').replace(/\s+/g, ' '),
})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		return []string{fmt.Sprintf("running axe-core: %v", err)}
	}
	var problems []string
	for _, v := range vs {
		problems = append(problems, fmt.Sprintf("axe %s (%s): %s, %d elements: %s; %s",
			v.ID, v.Impact, v.Help, v.Count, strings.Join(v.Targets, " "), v.Summary))
	}
	return problems
}

// focusables marks every control a keyboard user must reach: shown, not
// disabled, not inside a closed details (its summary excepted) or an inert
// or hidden subtree. Each gets an index in a property the page cannot see
// as markup; the count is returned.
const focusables = `(() => {
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable=false])';
  const shown = e => {
    if (e.disabled || e.closest('[inert], [hidden]')) return false;
    // A tab of a tablist that is not selected: the tabs pattern keeps one
    // tab in the Tab order, and the arrow keys move between them.
    if (e.getAttribute('role') === 'tab' && e.getAttribute('tabindex') === '-1') return false;
    const closed = e.closest('details:not([open])');
    if (closed && !(e.tagName === 'SUMMARY' && e.parentElement === closed)) return false;
    const s = getComputedStyle(e);
    return s.visibility === 'visible' && e.getClientRects().length > 0;
  };
  window.__controls = [...document.querySelectorAll(sel)].filter(shown);
  window.__controls.forEach((e, i) => { e.__gateIndex = i; });
  return window.__controls.length;
})()`

// describe names an element for a message.
const describe = `e => {
  let s = e.tagName.toLowerCase();
  if (e.id) s += '#' + e.id;
  else if (e.classList.length) s += '.' + [...e.classList].join('.');
  const href = e.getAttribute('href');
  if (href) s += '[href="' + href + '"]';
  const text = (e.innerText || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
  if (text) s += ' "' + text.slice(0, 50) + '"';
  return s;
}`

// A focusStop is where one Tab press put the focus, as the page's focusin
// listener saw it.
type focusStop struct {
	Index   int     `json:"i"` // in window.__controls; -1 for another element
	Desc    string  `json:"desc"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	InPage  bool    `json:"inPage"`
	Outline bool    `json:"outline"`
	Opaque  bool    `json:"opaque"`
}

// recordFocus makes the page record every focus stop in window.__stops.
// It measures the element when it gets the focus, in page coordinates: an
// element inside the page's scrollable area is what the browser scrolls
// into the viewport on focus (measuring after that scroll would take a
// round trip per key press).
const recordFocus = `(() => {
  const describe = ` + describe + `;
  window.__stops = [];
  document.addEventListener('focusin', ev => {
    const e = ev.target;
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const de = document.documentElement;
    window.__stops.push({
      i: e.__gateIndex === undefined ? -1 : e.__gateIndex,
      desc: describe(e), w: r.width, h: r.height,
      inPage: r.right + scrollX > 0 && r.bottom + scrollY > 0 && r.left + scrollX < de.scrollWidth && r.top + scrollY < de.scrollHeight,
      outline: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
      opaque: (() => { for (let a = e; a; a = a.parentElement) if (getComputedStyle(a).opacity === '0') return false; return true; })(),
    });
  });
})()`

// tabThrough presses Tab until the focus has gone round the page once, and
// checks that every control was reached and that, when focused, each was
// visible: at least 2×2 px, not transparent, inside the page, and with a
// focus outline.
func tabThrough(ctx context.Context) []string {
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](focusables))
	if err != nil {
		return []string{fmt.Sprintf("listing the controls: %v", err)}
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](recordFocus)); err != nil {
		return []string{fmt.Sprintf("listening for focus: %v", err)}
	}
	// Press in rounds until a control is focused a second time: the focus
	// has left the page after the last control and come back to the first.
	round := `(() => { const seen = new Set(); return window.__stops.some(s => s.i >= 0 && (seen.has(s.i) || !seen.add(s.i))); })()`
	for presses := 0; presses < 3*n+60; presses += 20 {
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			for range 20 {
				if err := pressTab(ctx, t); err != nil {
					return err
				}
			}
			return nil
		})); err != nil {
			return []string{fmt.Sprintf("pressing Tab: %v", err)}
		}
		if done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](round)); err != nil || done {
			break
		}
	}
	stops, err := chromedp.Run(ctx, chromedp.Evaluate[[]focusStop](`window.__stops`))
	if err != nil {
		return []string{fmt.Sprintf("reading the focus stops: %v", err)}
	}
	var problems []string
	reached := map[int]bool{}
	for k, f := range stops {
		if f.Index >= 0 && reached[f.Index] {
			break // round again
		}
		if f.Index >= 0 {
			reached[f.Index] = true
		}
		switch {
		case f.W < 2 || f.H < 2:
			problems = append(problems, fmt.Sprintf("keyboard: focus stop %d is %s, which is %.0f×%.0f px: too small to see", k+1, f.Desc, f.W, f.H))
		case !f.Opaque:
			problems = append(problems, fmt.Sprintf("keyboard: focus stop %d is %s, which is transparent (opacity 0)", k+1, f.Desc))
		case !f.InPage:
			problems = append(problems, fmt.Sprintf("keyboard: focus stop %d is %s, outside the page", k+1, f.Desc))
		case !f.Outline:
			problems = append(problems, fmt.Sprintf("keyboard: focus stop %d is %s, with no visible focus outline", k+1, f.Desc))
		}
	}
	if len(reached) < n {
		missed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const describe = `+describe+`;
  return window.__controls.filter((e, i) => !`+jsSet(reached)+`.has(i)).map(describe);
})()`))
		if err != nil {
			missed = []string{err.Error()}
		}
		if len(missed) > 10 {
			missed = append(missed[:10], fmt.Sprintf("and %d more", len(missed)-10))
		}
		problems = append(problems, fmt.Sprintf("keyboard: Tab reaches %d of %d controls; not reached: %s", len(reached), n, strings.Join(missed, "; ")))
	}
	return problems
}

// jsSet writes a set of ints as a JavaScript Set.
func jsSet(m map[int]bool) string {
	var b strings.Builder
	b.WriteString("new Set([")
	for i := range m {
		fmt.Fprintf(&b, "%d,", i)
	}
	b.WriteString("])")
	return b.String()
}
