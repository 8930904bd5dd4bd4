//go:build gates

package gates

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A district's chart takes other districts from the keyboard: Space on a
// district's box draws its series, the address keeps the choice, and
// opening that address draws the same districts again.
func TestCompareInBrowser(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	u := srv.URL + "/dia-phuong/son-dong/"
	const fig = "figure-area-son-dong-compare"
	drawn := `(() => { const e = document.querySelector('#` + fig + ` .chart'); e.scrollIntoView(); return !!(e.chart && e.querySelector('svg')) })()`
	selected := `(() => { const e = document.querySelector('#` + fig + ` .chart'); const b = document.querySelector('.compare input[data-area="luc-ngan"]');
  return b.checked && e.chart.getOption().legend[0].selected[b.value] === true })()`
	if err := chromedp.Do(ctx, emulate(viewports[1]), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](drawn, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the chart is not drawn: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('.compare input[data-area="luc-ngan"]').focus()`), chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](selected+` && location.hash === '#`+fig+`=luc-ngan'`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
		t.Fatalf("Space on Lục Ngạn: not drawn, or the address %q does not keep it (%v)", got, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"#"+fig+"=luc-ngan"), chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](drawn+` && `+selected, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("opening %s#%s=luc-ngan does not draw Lục Ngạn (%v)", u, fig, err)
	}
}
