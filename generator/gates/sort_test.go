//go:build gates

package gates

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// pressEnter sends Enter to the focused element, as a keyboard does.
func pressEnter(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeChar, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		if typ == input.DispatchKeyEventTypeChar {
			p.Text = "\r"
		}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
			return err
		}
	}
	return nil
}

// A column of money sorts by value from the keyboard, in the page's own
// number format: Enter on its header sorts it ascending (8,5 before 480
// before 1.200, which sorting as text or reading the dot as a decimal
// point would get wrong; "khoảng 6.000" as 6000; no figure last), again
// descending, with aria-sort saying which, and no row lost. The table is
// added to a page of the built site, whose sort.js is then run again.
func TestTablesSortByValue(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	for _, tt := range []struct {
		lang, path string
		cells      []string
		asc        []string
	}{
		{"vi", "/ngan-sach/",
			[]string{"1.200", "480", "33.372", "chưa có số liệu", "8,5", "1.053.000", "khoảng 6.000"},
			[]string{"8,5", "480", "1.200", "khoảng 6.000", "33.372", "1.053.000", "chưa có số liệu"}},
		{"en", "/en/budget/",
			[]string{"1,200", "480", "33,372", "no data yet", "8.5", "1,053,000", "about 6,000"},
			[]string{"8.5", "480", "1,200", "about 6,000", "33,372", "1,053,000", "no data yet"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
			defer cancelTimeout()
			rows, _ := json.Marshal(tt.cells)
			add := `((cells) => {
  const d = document.createElement('div');
  d.className = 'table-scroll';
  d.innerHTML = '<table id="sort-under-test"><thead><tr><th scope="col">Row</th><th scope="col" class="num">Money</th></tr></thead><tbody></tbody></table>';
  const body = d.querySelector('tbody');
  cells.forEach((c, i) => { const r = body.insertRow(); r.insertCell().textContent = 'r' + i; const v = r.insertCell(); v.className = 'num'; v.textContent = c; });
  document.querySelector('main').appendChild(d);
  const s = document.createElement('script');
  s.src = document.querySelector('script[src*="/js/sort"]').src;
  document.body.appendChild(s);
})(` + string(rows) + `)`
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+tt.path), chromedp.Evaluate[chromedp.Void](add)); err != nil {
				t.Fatal(err)
			}
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const b = document.querySelector('#sort-under-test th:nth-child(2) button.sort'); if (b) b.focus(); return !!b })()`,
				chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				t.Fatalf("sort.js did not make the table sortable: %v", err)
			}
			read := `[...document.querySelectorAll('#sort-under-test tbody tr')].map(r => r.cells[1].textContent)`
			state := `document.querySelector('#sort-under-test th:nth-child(2)').getAttribute('aria-sort') || ''`
			for _, dir := range []string{"ascending", "descending"} {
				if err := chromedp.Do(ctx, chromedp.Func(pressEnter)); err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](read))
				if err != nil {
					t.Fatal(err)
				}
				want := slices.Clone(tt.asc)
				if dir == "descending" { // the figures reversed, no figure still last
					slices.Reverse(want[:len(want)-1])
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: rows %q, want %q", dir, got, want)
				}
				if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); s != dir {
					t.Errorf("after Enter: aria-sort = %q, want %q", s, dir)
				}
			}
		})
	}
}

// Sorting the districts by their rate leaves the province's row above
// them and the country's below: a total and a comparison are not among
// the rows compared.
func TestSortKeepsTotalsInPlace(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dia-phuong/")); err != nil {
		t.Fatal(err)
	}
	const table = `[...document.querySelectorAll('table.sortable')].find(t => t.querySelector('tr.total-row') && t.querySelector('tr.compare-row'))`
	for _, click := range []int{1, 2} {
		classes, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => {
  const t = `+table+`;
  if (!t) return null;
  t.tHead.rows[0].cells[1].querySelector('button.sort').click();
  return [...t.tBodies[0].rows].map(r => r.className);
})()`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("no sortable table with a total and a comparison row on /dia-phuong/: %v", err)
		}
		if n := len(classes); n < 4 || classes[0] != "total-row" || classes[n-1] != "compare-row" {
			t.Errorf("after %d clicks the rows are %q: want the total first and the comparison last", click, classes)
		}
	}
}
