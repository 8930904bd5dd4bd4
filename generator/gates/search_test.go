//go:build gates

package gates

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func gzipLen(b []byte) int {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return z.Len()
}

// The search box finds, from the keyboard alone and in both languages,
// Sơn Động typed "son dong", the legal-aid target typed "tro giup phap
// ly" and a page about poor households typed "ho ngheo": Tab reaches the
// box, the typed words list the results (announced), the arrow keys reach
// the one wanted, Enter opens its page; Escape closes the list. The
// shipped data's index is at most 100 KB gzip-compressed and loads only
// once the reader types.
func TestSearchInBrowser(t *testing.T) {
	public := site(t, shipped)
	for _, lang := range []string{"vi", "en"} {
		b, err := os.ReadFile(filepath.Join(public, "search", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if n := gzipLen(b); n > 100<<10 {
			t.Errorf("search/%s.json: %d bytes gzip-compressed, want at most 100 KB", lang, n)
		}
	}
	bctx := browser(t)
	srv := serve(t, public)
	for _, tc := range []struct {
		start, query, want string
	}{
		{"/", "son dong", "/dia-phuong/son-dong/"},
		{"/", "tro giup phap ly", "/chi-tieu/3i/"},
		{"/", "ho ngheo", "/chi-tieu/"},
		{"/en/", "son dong", "/en/districts/son-dong/"},
		{"/en/", "tro giup phap ly", "/en/indicators/3i/"},
		{"/en/", "ho ngheo", "/en/indicators/"},
	} {
		t.Run(tc.start+tc.query, func(t *testing.T) {
			for _, p := range searchByKeyboard(bctx, srv.URL, tc.start, tc.query, tc.want) {
				t.Errorf("%s, typing %q: %s", tc.start, tc.query, p)
			}
		})
	}
}

// searchByKeyboard opens start, tabs to the search box, types query and
// moves down the results to the first whose page starts with want, opens
// it, and returns the problems.
func searchByKeyboard(bctx context.Context, base, start, query, want string) []string {
	l, _ := url.Parse(base)
	r := &recorder{urls: map[network.RequestID]string{}, host: l.Host, page: base + start}
	var ctx context.Context
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(r.listen(&ctx)))
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, emulate(viewports[0]), chromedp.Navigate(base+start)); err != nil {
		return []string{err.Error()}
	}
	loaded, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length`))
	if loaded != 0 {
		r.add("the index loaded before any typing")
	}
	// Tab until the search box has the focus.
	for i := 0; ; i++ {
		if i == 40 {
			return append(r.problems, "Tab never reached the search box")
		}
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error { return pressTab(ctx, t) })); err != nil {
			return []string{err.Error()}
		}
		id, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
		if id == "search-q" {
			break
		}
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(query)); err != nil {
		return []string{err.Error()}
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#search-list').dataset.query === '`+query+`' &&
  document.querySelectorAll('#search-list [role=option]').length > 0 &&
  document.querySelector('#search-q').getAttribute('aria-expanded') === 'true' && document.querySelector('.search-status').textContent !== ''`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		return append(r.problems, fmt.Sprintf("no results listed (%v)", err))
	}
	options, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-list [role=option]')].map(o => o.textContent)`))
	idx, _ := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(
		`[...document.querySelectorAll('#search-list [role=option]')].findIndex(o => new URL(o.dataset.url, location.href).pathname.startsWith(%q))`, want)))
	if idx < 0 {
		return append(r.problems, fmt.Sprintf("no result leads to %s among %q", want, options))
	}
	for range idx + 1 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			return []string{err.Error()}
		}
	}
	sel, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const a = document.querySelector('#search-q').getAttribute('aria-activedescendant'); return a && document.getElementById(a).getAttribute('aria-selected') })()`))
	if sel != "true" {
		r.add("the chosen result is not aria-selected (%q)", sel)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		return []string{err.Error()}
	}
	// The page changes: ask again until the new one answers.
	got := ""
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if p, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'complete' ? location.pathname : ''`)); err == nil && strings.HasPrefix(p, want) {
			got = p
			break
		}
	}
	if got == "" {
		now, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		r.add("Enter led to %s, want %s…", now, want)
	}
	// Escape closes the list.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+start)); err != nil {
		return []string{err.Error()}
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#search-q").focus()`), chromedp.KeyEvent(query)); err != nil {
		return []string{err.Error()}
	}
	chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#search-list').dataset.query === '`+query+`'`, chromedp.WithPollingTimeout(10*time.Second)))
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		return []string{err.Error()}
	}
	closed, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#search-list').hidden && document.querySelector('#search-q').getAttribute('aria-expanded') === 'false'`))
	if !closed {
		r.add("Escape did not close the results")
	}
	return dedupe(r.problems)
}
