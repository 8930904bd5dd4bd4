//go:build gates

package gates

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// foldState is the budget lines' fold: whether it is open and its table
// shown, and the planned amounts of its rows as numbers in the page's
// language (null for "no data yet"), with the column's aria-sort.
const foldState = `(() => {
  const d = document.querySelector('details.table-fold');
  if (!d) return {Found: false};
  const t = d.querySelector('table');
  const vi = document.documentElement.lang.startsWith('vi');
  const num = s => { const m = /\d[\d.,]*/.exec(s); if (!m) return null;
    return parseFloat(vi ? m[0].replace(/\./g, '').replace(',', '.') : m[0].replace(/,/g, '')); };
  return {Found: true, Open: d.open, Shown: !!t && t.checkVisibility(),
    Sortable: !!t && !!t.querySelector('thead th:nth-child(5) button.sort'),
    Sort: t ? t.querySelector('thead th:nth-child(5)').getAttribute('aria-sort') || '' : '',
    Planned: t ? [...t.tBodies[0].rows].map(r => num(r.cells[4].textContent)) : []};
})()`

// The budget's 147 lines are folded under their summary, one click (or
// Enter) away, with or without JavaScript; opened, the table is sortable
// by sort.js as any other: Enter on the planned column's heading sorts the
// lines by amount, those without one last.
func TestFoldedTableSorts(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	for _, path := range []string{"/" + sections["budget"][0] + "/", "/en/" + sections["budget"][1] + "/"} {
		for _, script := range []bool{false, true} {
			name := demo.name + path + map[bool]string{false: "no-script", true: "script"}[script]
			t.Run(name, func(t *testing.T) {
				open(t, bctx, srv.URL+path, 360, 800, true, script, func(ctx context.Context) {
					type fold struct {
						Found, Open, Shown, Sortable bool
						Sort                         string
						Planned                      []*float64
					}
					read := func() fold {
						f, err := chromedp.Run(ctx, chromedp.Evaluate[fold](foldState))
						if err != nil {
							t.Fatalf("%s: %v", path, err)
						}
						return f
					}
					f := read()
					switch {
					case !f.Found:
						t.Fatalf("%s: no folded table (details.table-fold)", path)
					case f.Open || f.Shown:
						t.Fatalf("%s: the lines are not folded on load: open %t, table shown %t", path, f.Open, f.Shown)
					}
					if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('details.table-fold > summary').focus()`), chromedp.Func(pressEnter)); err != nil {
						t.Fatal(err)
					}
					if f = read(); !f.Open || !f.Shown {
						t.Fatalf("%s: Enter on the summary: open %t, table shown %t", path, f.Open, f.Shown)
					}
					if !script {
						return
					}
					if !f.Sortable {
						t.Fatalf("%s: the folded table's planned column has no sort button", path)
					}
					if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('details.table-fold thead th:nth-child(5) button.sort').focus()`), chromedp.Func(pressEnter)); err != nil {
						t.Fatal(err)
					}
					f = read()
					if f.Sort != "ascending" {
						t.Errorf("%s: aria-sort %q after Enter, want ascending", path, f.Sort)
					}
					last, missing := -1.0, false
					for i, v := range f.Planned {
						switch {
						case v == nil:
							missing = true
						case missing || *v < last:
							t.Fatalf("%s: row %d's planned amount %v is out of order (after %v; a missing amount before: %t)", path, i+1, *v, last, missing)
						default:
							last = *v
						}
					}
					if len(f.Planned) != 147 {
						t.Errorf("%s: %d lines, want the demo's 147", path, len(f.Planned))
					}
				})
			})
		}
	}
}
