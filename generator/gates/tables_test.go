//go:build gates

package gates

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// readNumber reads a number as the page writes it in lang (7,50 and
// 44.541 in Vietnamese, 7.50 and 44,541 in English), or NaN.
func readNumber(s, lang string) float64 {
	f := strings.Fields(strings.ReplaceAll(s, "\u00a0", " "))
	if len(f) == 0 {
		return math.NaN()
	}
	x := f[0]
	if lang == "vi" {
		x = strings.ReplaceAll(strings.ReplaceAll(x, ".", ""), ",", ".")
	} else {
		x = strings.ReplaceAll(x, ",", "")
	}
	v, err := strconv.ParseFloat(strings.Replace(x, "−", "-", 1), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// The districts' table sorts by the poor-household rate from the keyboard
// alone: Enter on the column's heading sorts ascending, again descending,
// aria-sort says which, numbers sort by their value as the page writes
// them, and a missing value comes last.
func TestSortableTables(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	for _, tc := range []struct{ path, lang string }{{"/dia-phuong/", "vi"}, {"/en/districts/", "en"}} {
		t.Run(tc.lang, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancelT := context.WithTimeout(ctx, time.Minute)
			defer cancelT()
			if err := chromedp.Do(ctx, emulate(viewports[1]), chromedp.Navigate(srv.URL+tc.path)); err != nil {
				t.Fatal(err)
			}
			const head = `document.querySelectorAll('table.areas-table thead th')[1]`
			for _, want := range []string{"ascending", "descending"} {
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](head+`.querySelector('button').focus()`), chromedp.KeyEvent(kb.Enter)); err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[string](head+`.getAttribute('aria-sort') || ''`))
				if err != nil || got != want {
					t.Fatalf("aria-sort = %q (%v), want %q", got, err, want)
				}
				cells, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table.areas-table tbody tr')].map(r => r.cells[1].textContent.trim())`))
				if err != nil || len(cells) < 3 {
					t.Fatalf("cells %q (%v)", cells, err)
				}
				var vs []float64
				missing := false
				for _, c := range cells {
					v := readNumber(c, tc.lang)
					if math.IsNaN(v) {
						missing = true
						continue
					}
					if missing {
						t.Errorf("%s: %q after a missing value in %q", want, c, cells)
					}
					vs = append(vs, v)
				}
				sorted := slices.IsSorted(vs)
				if want == "descending" {
					sorted = slices.IsSortedFunc(vs, func(a, b float64) int { return cmp.Compare(b, a) })
				}
				if !sorted {
					t.Errorf("%s: %q is not in %s order", tc.path, cells, want)
				}
			}
		})
	}
}
