//go:build gates

package gates

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// figure reads a cell's first number as the page's language writes it:
// Vietnamese 1.053.000 and 87,5; English 1,053,000 and 87.5. ok is false
// for a cell with no figure.
func figure(lang, cell string) (v float64, ok bool) {
	m := regexp.MustCompile(`-?\d[\d.,]*`).FindString(cell)
	if m == "" {
		return 0, false
	}
	if lang == "vi" {
		m = strings.ReplaceAll(m, ".", "")
		m = strings.Replace(m, ",", ".", 1)
	} else {
		m = strings.ReplaceAll(m, ",", "")
	}
	v, err := strconv.ParseFloat(strings.TrimRight(m, "."), 64)
	return v, err == nil
}

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

// The budget page's table of policies sorts by a column of money from the
// keyboard: Enter on the column's header sorts it by value (1.053.000
// after 33.372, which sorting as text or reading the dot as a decimal
// point would get wrong), again in reverse, with aria-sort saying which,
// and no row lost. In both languages, whose number formats differ.
func TestTablesSortByValue(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	for _, tt := range []struct{ lang, path, column string }{
		{"vi", "/ngan-sach/", "Kế hoạch"},
		{"en", "/en/budget/", "Planned"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
			defer cancelTimeout()
			// The first sortable table with the column whose figures reach the thousands.
			pick := fmt.Sprintf(`(() => {
  for (const [n, t] of [...document.querySelectorAll('table.sortable')].entries()) {
    const i = [...t.tHead.rows[0].cells].findIndex(th => th.textContent.trim() === %q);
    if (i >= 0 && [...t.tBodies[0].rows].some(r => /\d[.,]\d{3}[.,]\d{3}/.test(r.cells[i].textContent))) {
      t.id = 'sort-under-test';
      t.tHead.rows[0].cells[i].querySelector('button.sort').focus();
      return i;
    }
  }
  return -1;
})()`, tt.column)
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+tt.path)); err != nil {
				t.Fatal(err)
			}
			col, err := chromedp.Run(ctx, chromedp.Poll[int](pick+` >= 0 ? `+pick+` : null`, chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				t.Fatalf("no sortable table with a column %q of figures in the thousands on %s: %v", tt.column, tt.path, err)
			}
			// A cell's figure is the text it holds itself: "626.256", not the
			// small print "31,9 % tổng" in an element after it.
			own := `c => [...c.childNodes].filter(n => n.nodeType === 3).map(n => n.nodeValue).join('').trim() || c.textContent.trim()`
			read := fmt.Sprintf(`((own) => [...document.querySelectorAll('#sort-under-test tbody tr')].map(r => own(r.cells[%d])))(%s)`, col, own)
			sortState := fmt.Sprintf(`document.querySelector('#sort-under-test thead tr').cells[%d].getAttribute('aria-sort') || ''`, col)
			before, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](read))
			if err != nil {
				t.Fatal(err)
			}
			for _, dir := range []string{"ascending", "descending"} {
				if err := chromedp.Do(ctx, chromedp.Func(pressEnter)); err != nil {
					t.Fatal(err)
				}
				cells, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](read))
				if err != nil {
					t.Fatal(err)
				}
				state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](sortState))
				if state != dir {
					t.Errorf("after Enter: aria-sort = %q, want %q", state, dir)
				}
				if len(cells) != len(before) {
					t.Fatalf("%d rows after sorting, %d before", len(cells), len(before))
				}
				var prev float64
				for i, c := range cells {
					v, ok := figure(tt.lang, c)
					if !ok {
						continue
					}
					if i > 0 && (dir == "ascending" && v < prev || dir == "descending" && v > prev) {
						t.Errorf("%s: row %d (%q) is out of order after %v:\n%q", dir, i+1, c, prev, cells)
						break
					}
					prev = v
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
