//go:build gates

package gates

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// An embed page is framed by a page of another origin (the site and the
// framing page on two ports of localhost), in both languages, and draws
// its chart there (it is seen drawn from inside the frame); a page that is not an embed page is refused in the
// same frame, as the _headers file says.
func TestEmbedFramedByOtherOrigin(t *testing.T) {
	public := site(t, demo)
	srv := serve(t, public)
	pages := map[string]string{
		"/vi": srv.URL + "/nhung/target-2a-trend/",
		"/en": srv.URL + "/en/embed/target-2a-trend/",
		"/no": srv.URL + "/chi-tieu/2a/",
	}
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>A newspaper</title><h1>A newspaper</h1><iframe src="%s" width="800" height="700" title="chart"></iframe>`, u)
	}))
	t.Cleanup(other.Close)
	if other.URL == srv.URL {
		t.Fatal("the two servers share an origin")
	}
	bctx := browser(t)
	for _, path := range []string{"/vi", "/en", "/no"} {
		t.Run(path, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancelT := context.WithTimeout(ctx, time.Minute)
			defer cancelT()
			if err := chromedp.Do(ctx, chromedp.Navigate(other.URL+path)); err != nil {
				t.Fatal(err)
			}
			// The frame's document: the embed page drawing its chart, or
			// the browser's error page when framing is refused.
			var frame *page.FrameTree
			state := ""
			for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
				err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					res, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
					frame = res.FrameTree
					return err
				}))
				if err != nil || frame == nil || len(frame.ChildFrames) != 1 {
					continue
				}
				state = frame.ChildFrames[0].Frame.URL
				if path == "/no" && strings.HasPrefix(state, "chrome-error:") {
					break
				}
				if path != "/no" && state == pages[path] {
					break
				}
			}
			if path != "/no" && state == pages[path] {
				// Inside the frame, the chart draws.
				id := frame.ChildFrames[0].Frame.ID
				drawn := false
				for end := time.Now().Add(20 * time.Second); time.Now().Before(end) && !drawn; time.Sleep(200 * time.Millisecond) {
					chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
						w, err := cdp.Call(ctx, tg, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id})
						if err != nil {
							return err
						}
						yes := true
						res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{
							Expression: `!!document.querySelector('.chart svg path')`, ContextID: w.ExecutionContextID, ReturnByValue: &yes})
						if err == nil && res.Result != nil {
							drawn = string(res.Result.Value) == "true"
						}
						return err
					}))
				}
				if !drawn {
					t.Errorf("%s framed by %s: the chart is not drawn", pages[path], other.URL)
				}
			}
			switch {
			case path == "/no" && !strings.HasPrefix(state, "chrome-error:"):
				t.Errorf("%s was framed by %s (frame at %q): only embed pages may be", pages[path], other.URL, state)
			case path != "/no" && state != pages[path]:
				t.Errorf("%s was not framed by %s (frame at %q)", pages[path], other.URL, state)
			}
		})
	}
}
