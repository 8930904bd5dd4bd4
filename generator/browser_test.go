package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser the tests drive. It is not optional: a
// missing browser fails the test rather than skipping it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("PLANSITE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium: run .ci/run, or apt-get install chromium (or set PLANSITE_CHROMIUM)")
	return ""
}

// One page of each kind of chart, in both languages, renders: every chart
// container holds an SVG, the console has no error, and nothing is
// requested from another origin.
func TestChartsRenderInBrowser(t *testing.T) {
	exe := chromium(t)
	public := siteOf(t, "../examples/demo")
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	origin, _ := url.Parse(srv.URL)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()

	var mu sync.Mutex
	var problems []string
	note := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, s)
	}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				note("console." + string(e.Type) + ": " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			note("exception: " + text)
		case *log.EventEntryAdded:
			// The browser asks for /favicon.ico by itself; the site has none.
			if e.Entry.Level == log.EntryLevelError && !strings.HasSuffix(e.Entry.URL, "/favicon.ico") {
				note("log: " + e.Entry.Text + " " + e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u, err := url.Parse(e.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != origin.Host) {
				note("request to another origin: " + e.Request.URL)
			}
		}
	}))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	for _, tc := range []struct {
		page  string
		kinds []string
	}{
		{"/chi-tieu/2a/", []string{"trend"}},
		{"/en/indicators/3k/", []string{"trend"}},
		{"/", []string{"status", "trend"}},
		{"/dia-phuong/", []string{"rank", "map", "small"}},
		{"/en/budget/", []string{"stack", "stages"}},
	} {
		t.Run(tc.page, func(t *testing.T) {
			mu.Lock()
			problems = nil
			mu.Unlock()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+tc.page)); err != nil {
				t.Fatal(err)
			}
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart').length`))
			if err != nil || n == 0 {
				t.Fatalf("no chart on the page (%v)", err)
			}
			// Wait until every chart has drawn, or for the poll's timeout.
			ready, err := chromedp.Run(ctx, chromedp.Poll[bool](
				`(() => { const u = [...document.querySelectorAll('.chart')].filter(e => !e.querySelector('svg')); if (u.length) { const p = u[0].closest('[role=tabpanel][hidden]'); if (p) document.querySelector('[role=tab][aria-controls="' + p.id + '"]').click(); u[0].scrollIntoView() } else scrollTo(0, 0); return !u.length })()`,
				chromedp.WithPollingTimeout(20*time.Second)))
			if err != nil || !ready {
				missing, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](
					`[...document.querySelectorAll('.chart')].filter(e => !e.querySelector('svg')).map(e => e.id)`))
				t.Errorf("charts without an SVG: %v (%v)", missing, err)
			}
			kinds, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[...new Set([...document.querySelectorAll('.chart')].map(e => [...e.classList].find(c => c !== 'chart').slice(6)))]`))
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tc.kinds {
				if !strings.Contains(" "+strings.Join(kinds, " ")+" ", " "+k+" ") {
					t.Errorf("no chart of kind %s (kinds %v)", k, kinds)
				}
			}
			// Let late errors and requests arrive.
			if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}
