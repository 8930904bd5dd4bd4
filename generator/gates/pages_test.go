//go:build gates

package gates

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A pageType is one page type of the URL contract, in both languages.
type pageType struct {
	kind     string // for test names: "target-with-data"
	vi, en   string // its paths
	notFound bool   // the 404 page, served with status 404
}

// A sample names, for a dataset, the item that stands for each page type;
// "" where the dataset has none.
type sample struct {
	targetData, targetNone string
	policy                 string
	areaData, areaNone     string
	agency                 string
	report                 string
	about                  bool   // the dataset has content/gioi-thieu.md beside it
	news                   string // a news item of its content/tin-tuc/
}

// Every demo area has figures and the shipped data has no report yet; each
// of those page types is tested on the other dataset.
var samples = map[string]sample{
	demo.name:        {targetData: "2a", targetNone: "3i", policy: "1-1", areaData: "son-dong", agency: "so-ldtbxh", report: "bao-cao-2015-nam", about: true, news: "trang-minh-hoa"},
	shipped.name:     {targetData: "2a", targetNone: "3a", policy: "1-1", areaData: "bac-giang", areaNone: "tan-yen", agency: "so-ldtbxh", about: true},
	hostileText.name: {targetData: "2a", targetNone: "3i", policy: "1-1", areaData: "son-dong", agency: "so-ldtbxh", report: "bao-cao-2015-nam"},
}

// sections are the first path segments of the URL contract (docs/architecture.md).
var sections = map[string][2]string{
	"plan":        {"ke-hoach", "plan"},
	"targets":     {"chi-tieu", "indicators"},
	"policies":    {"chinh-sach", "policies"},
	"areas":       {"dia-phuong", "districts"},
	"budget":      {"ngan-sach", "budget"},
	"agencies":    {"co-quan", "agencies"},
	"reports":     {"bao-cao", "reports"},
	"opendata":    {"du-lieu", "data"},
	"methodology": {"phuong-phap", "methodology"},
	"about":       {"gioi-thieu", "about"},
	"news":        {"tin-tuc", "news"},
	"search":      {"tra-cuu", "search"},
	"embed":       {"nhung", "embed"},
}

// pagesOf lists one page of every page type that d has.
func pagesOf(d dataset) []pageType {
	s := samples[d.name]
	ps := []pageType{{kind: "home", vi: "/", en: "/en/"}}
	add := func(kind, section, id string, item bool) {
		if item && id == "" {
			return
		}
		sec := sections[section]
		p := pageType{kind: kind, vi: "/" + sec[0] + "/", en: "/en/" + sec[1] + "/"}
		if item {
			p.vi += id + "/"
			p.en += id + "/"
		}
		ps = append(ps, p)
	}
	add("plan", "plan", "", false)
	add("targets", "targets", "", false)
	add("target-with-data", "targets", s.targetData, true)
	add("target-without-data", "targets", s.targetNone, true)
	add("policies", "policies", "", false)
	add("policy", "policies", s.policy, true)
	add("areas", "areas", "", false)
	add("area-with-figures", "areas", s.areaData, true)
	add("area-without-figures", "areas", s.areaNone, true)
	add("budget", "budget", "", false)
	add("agencies", "agencies", "", false)
	add("agency", "agencies", s.agency, true)
	add("reports", "reports", "", false)
	add("report", "reports", s.report, true)
	add("open-data", "opendata", "", false)
	add("methodology", "methodology", "", false)
	if s.about {
		add("about", "about", "", false)
	}
	add("news", "news", "", false)
	add("news-item", "news", s.news, true)
	add("search", "search", "", false)
	add("embed", "embed", "target-"+s.targetData+"-trend", s.targetData != "")
	return append(ps, pageType{kind: "404", vi: "/khong-co-trang-nay/", en: "/en/no-such-page/", notFound: true})
}

// A viewport is a window size the pages are opened at.
type viewport struct {
	w, h   int64
	mobile bool
}

var viewports = []viewport{{360, 800, true}, {1280, 800, false}}

// serve serves a built site as a static host would: the headers of its
// _headers file on every response, and the nearest 404.html, with status
// 404, for a path that has no file.
func serve(t *testing.T, public string) *httptest.Server {
	t.Helper()
	return serveRules(t, public, headerRules(t, public))
}

// serveWith serves a built site with the given headers on every response:
// none, for a host such as GitHub Pages that sends no headers of the
// site's choosing, where only the pages' own <meta> policy holds.
func serveWith(t *testing.T, public string, headers http.Header) *httptest.Server {
	t.Helper()
	return serveRules(t, public, func(string) http.Header { return headers })
}

// serveRules serves a built site with, on every response, the headers
// headers gives for its path.
func serveRules(t *testing.T, public string, headers func(path string) http.Header) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(public))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range headers(r.URL.Path) {
			w.Header()[k] = v
		}
		p := path.Clean("/" + r.URL.Path)
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(p))); err != nil {
			notFound := "404.html"
			if strings.HasPrefix(p, "/en/") {
				notFound = "en/404.html"
			}
			b, err := os.ReadFile(filepath.Join(public, notFound))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// browser starts one headless Chromium for a test; each page gets a tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// No connection of the browser's own: this machine has no network.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// checks are what a visit does beyond what it always does (console,
// network, origin, CSP, dialogs, charts drawn).
type checks struct {
	sabotage string // a script run once the page is loaded, for the gates' own test
	hover    bool   // move the mouse over every chart, to show its tooltips
	axe      string // axe.min.js, to run axe-core; "" for none
	keyboard bool   // Tab through every control
	hostile  bool   // look for injected elements and the attack shown as text
}

// A recorder collects the problems of one page from the browser's events.
type recorder struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
	host     string // the test server's
	page     string // the page's URL
	notFound bool   // the page is served with 404 on purpose
}

func (r *recorder) add(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// deliberate reports whether u is the 404 page's own document.
func (r *recorder) deliberate(u string) bool {
	return r.notFound && u == r.page
}

func (r *recorder) listen(ctx *context.Context) func(ev any) {
	return func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			r.add("uncaught exception: %s", exceptionText(e.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				r.add("console.%s: %s", e.Type, argsText(e.Args))
			}
		case *log.EventEntryAdded:
			en := e.Entry
			switch {
			case strings.Contains(en.Text, "Content Security Policy"):
				r.add("Content-Security-Policy violation: %s (%s:%d)", en.Text, en.URL, en.LineNumber+1)
			case en.Level == log.EntryLevelError && !r.deliberate(en.URL):
				r.add("browser %s error: %s %s", en.Source, en.Text, en.URL)
			}
		case *network.EventRequestWillBeSent:
			r.mu.Lock()
			r.urls[e.RequestID] = e.Request.URL
			r.mu.Unlock()
			u, err := url.Parse(e.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Host != r.host) {
				r.add("request to another origin: %s", e.Request.URL)
			}
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 && !r.deliberate(e.Response.URL) {
				r.add("HTTP %d for %s (%s)", e.Response.Status, e.Response.URL, e.Type)
			}
		case *network.EventLoadingFailed:
			r.mu.Lock()
			u := r.urls[e.RequestID]
			r.mu.Unlock()
			if !r.deliberate(u) {
				r.add("failed request: %s: %s %s", u, e.ErrorText, e.BlockedReason)
			}
		case *page.EventJavascriptDialogOpening:
			r.add("a script opened a %s dialog: %q", e.Type, e.Message)
			go chromedp.Call(*ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

func argsText(args []*runtime.RemoteObject) string {
	var s []string
	for _, a := range args {
		var str string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal([]byte(a.Value), &str) == nil:
			s = append(s, str)
		case a.Description != "":
			s = append(s, a.Description)
		default:
			s = append(s, string(a.Value))
		}
	}
	return strings.Join(s, " ")
}

// cspListener records every securitypolicyviolation event of the page in
// window.__csp, for violations the console does not report.
const cspListener = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' +
    e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + (e.sample ? ' (' + e.sample + ')' : ''));
});`

// visit opens the page at u in a new tab at the viewport vp and returns
// every problem found.
func visit(bctx context.Context, u string, notFound bool, vp viewport, c checks) []string {
	l, _ := url.Parse(u)
	r := &recorder{urls: map[network.RequestID]string{}, host: l.Host, page: u, notFound: notFound}
	var ctx context.Context
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(r.listen(&ctx)))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	err := chromedp.Do(ctx,
		emulate(vp),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener})
			return err
		}),
		chromedp.Navigate(u),
	)
	if err != nil {
		return []string{fmt.Sprintf("opening the page: %v", err)}
	}
	if c.sabotage != "" {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](c.sabotage)); err != nil {
			r.add("running the sabotage: %v", err)
		}
	}
	// Wait until every chart has drawn; a chart that cannot hides itself.
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](
		`(() => { const u = [...document.querySelectorAll('.chart[data-src]')].filter(e => !e.querySelector('svg')); if (u.length) { const p = u[0].closest('[role=tabpanel][hidden]'); if (p) document.querySelector('[role=tab][aria-controls="' + p.id + '"]').click(); u[0].scrollIntoView() } else scrollTo(0, 0); return !u.length })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		undrawn, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('.chart[data-src]')].filter(e => !e.querySelector('svg')).map(e => e.id)`))
		r.add("charts not drawn after 20 s: %v (%v)", undrawn, err)
	}
	if vp.mobile {
		for _, p := range tooWide(ctx, vp.w) {
			r.add("%s", p)
		}
	}
	if c.hover {
		for _, p := range hoverCharts(ctx) {
			r.add("%s", p)
		}
	}
	if c.axe != "" {
		for _, p := range runAxe(ctx, c.axe) {
			r.add("%s", p)
		}
	}
	if c.keyboard {
		for _, p := range tabThrough(ctx) {
			r.add("%s", p)
		}
	}
	if c.hostile {
		for _, p := range injected(ctx) {
			r.add("%s", p)
		}
	}
	// Let late events arrive before the tab closes.
	chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err != nil {
		r.add("reading window.__csp: %v", err)
	}
	for _, v := range violations {
		r.add("Content-Security-Policy violation: %s", v)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return dedupe(r.problems)
}

// dedupe keeps the first of equal problems, with how often it happened.
func dedupe(problems []string) []string {
	count := map[string]int{}
	var out []string
	for _, p := range problems {
		if count[p]++; count[p] == 1 {
			out = append(out, p)
		}
	}
	for i, p := range out {
		if n := count[p]; n > 1 {
			out[i] = fmt.Sprintf("%s (%d times)", p, n)
		}
	}
	return out
}

// emulate sets the viewport, and asks for reduced motion so that charts
// draw without animation.
func emulate(vp viewport) chromedp.Action[chromedp.Void] {
	var opts []chromedp.EmulateViewportOption
	if vp.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(2))
	}
	return chromedp.Steps(
		chromedp.EmulateViewport(vp.w, vp.h, opts...),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
			})
			return err
		}),
	)
}

// hoverCharts moves the mouse across every chart of the page, so that
// ECharts draws its tooltips and runs charts.js's formatters; the
// tooltips are HTML that ECharts styles with style attributes, which is
// why the policy has style-src-attr 'unsafe-inline'. At least one tooltip
// must show, or the hovering missed.
func hoverCharts(ctx context.Context) []string {
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart svg').length`))
	if err != nil || n == 0 {
		return nil
	}
	for i := range n {
		box, err := chromedp.Run(ctx, chromedp.Evaluate[[4]float64](fmt.Sprintf(`(() => {
  const s = document.querySelectorAll('.chart svg')[%d];
  s.scrollIntoView({block: 'center'});
  const r = s.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height];
})()`, i)))
		if err != nil {
			return []string{fmt.Sprintf("finding chart %d: %v", i+1, err)}
		}
		for _, fx := range []float64{0.25, 0.5, 0.75} {
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, input.DispatchMouseEventParams{
					Type: input.DispatchMouseEventTypeMouseMoved, X: box[0] + box[2]*fx, Y: box[1] + box[3]*0.5,
				})
				return err
			}))
			if err != nil {
				return []string{fmt.Sprintf("moving the mouse: %v", err)}
			}
		}
	}
	const tooltips = `[...document.querySelectorAll('.chart > div')].filter(d => !d.querySelector('svg'))`
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](tooltips+`.some(d => d.textContent.trim() !== '')`))
	if err != nil || !shown {
		return []string{fmt.Sprintf("hovering %d charts showed no tooltip (%v)", n, err)}
	}
	// ECharts fades its tooltips in and out (CSS transitions), whatever the
	// reader's motion preference: wait until no transition runs, so that
	// axe-core sees the last one shown and the others gone, not a faded
	// colour. A fixed pause was too short on a loaded machine.
	const fading = `document.getAnimations().some(a => a.playState === 'running')`
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if busy, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fading)); err != nil || !busy {
			break
		}
		chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](tooltips+`.every(d => ['0', '1'].includes(getComputedStyle(d).opacity))`,
		chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		return []string{fmt.Sprintf("the charts' tooltips still fade after 5 s (%v)", err)}
	}
	return nil
}

// pressTab sends the Tab key as a keyboard does.
func pressTab(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: "Tab", Code: "Tab", WindowsVirtualKeyCode: 9, NativeVirtualKeyCode: 9,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// One page of every page type, in both languages, for the demo and the
// shipped data, at 360×800 and 1280×800, served with the site's own
// Content-Security-Policy: no console error or uncaught exception, no
// failed request, no request to another origin, no policy violation, every
// chart drawn, nothing wider than the 360 px screen, 0 axe-core
// violations, and every control reached by Tab and visible when focused.
func TestPagesInBrowser(t *testing.T) {
	axe, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	bctx := browser(t)
	for _, d := range []dataset{demo, shipped} {
		t.Run(d.name, func(t *testing.T) {
			srv := serve(t, site(t, d))
			for _, p := range pagesOf(d) {
				for _, lp := range [][2]string{{"vi", p.vi}, {"en", p.en}} {
					lang, path := lp[0], lp[1]
					for _, vp := range viewports {
						t.Run(fmt.Sprintf("%s/%s/%d", p.kind, lang, vp.w), func(t *testing.T) {
							t.Parallel()
							u := srv.URL + path
							c := checks{axe: string(axe), keyboard: true, hover: !vp.mobile}
							for _, pr := range visit(bctx, u, p.notFound, vp, c) {
								t.Errorf("%s at %d×%d: %s", path, vp.w, vp.h, pr)
							}
						})
					}
				}
			}
		})
	}
}

// sabotage breaks a page in every way the browser gates look for.
const sabotage = `(() => {
  const main = document.querySelector('main');
  const add = (tag, props) => main.appendChild(Object.assign(document.createElement(tag), props));
  add('script', {textContent: 'window.__ran = true'});
  document.head.appendChild(Object.assign(document.createElement('style'), {textContent: 'main { color: red }'}));
  add('img', {src: 'http://other.invalid/tracker.png'});
  add('img', {src: '/no-such-image.png', alt: 'missing'});
  add('a', {href: '#main'});
  add('a', {href: '#main', textContent: 'no outline'}).style.outline = 'none';
  main.insertAdjacentHTML('beforeend', '<p><img src=x onerror=alert(2)></p>');
  main.append('<script>alert(1)</script> <img src=x onerror=alert(2)>');
  console.error('sabotage');
  setTimeout(() => { throw new Error('sabotage'); }, 0);
  setTimeout(() => alert('sabotage'), 0);
})()`

// The browser gates fail on a page broken on purpose, each with a message
// that says what and where: the gates above cannot pass by seeing nothing.
// The page is served twice: with the _headers file's headers, and with no
// header at all, as GitHub Pages serves it, where the page's own <meta>
// policy must refuse the inline script and style just the same.
func TestBrowserGatesCatchBreakage(t *testing.T) {
	axe, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	bctx := browser(t)
	public := site(t, demo)
	for _, host := range []struct {
		name    string
		headers http.Header
	}{{"headers", parseHeaders(t, public)}, {"meta-only", nil}} {
		t.Run(host.name, func(t *testing.T) {
			srv := serveWith(t, public, host.headers)
			catchBreakage(t, bctx, srv, string(axe))
		})
	}
}

func catchBreakage(t *testing.T, bctx context.Context, srv *httptest.Server, axe string) {
	problems := visit(bctx, srv.URL+"/", false, viewports[1], checks{sabotage: sabotage, axe: axe, keyboard: true, hostile: true})
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"Content-Security-Policy violation: script-src",
		"Content-Security-Policy violation: style-src",
		"other.invalid/tracker.png",
		"HTTP 404 for " + srv.URL + "/no-such-image.png",
		"console.error: sabotage\n",
		"uncaught exception: Uncaught Error: sabotage",
		`a script opened a alert dialog: "sabotage"`,
		"axe image-alt (critical)",
		"axe link-name (serious)",
		`keyboard: focus stop`,
		`a[href="#main"], which is 0×`,
		`a[href="#main"] "no outline", with no visible focus outline`,
		"a script element the theme did not write: <script>window.__ran = true</script>",
		`an injected image: <img src="x" onerror="alert(2)">`,
		`an event handler: <img onerror="alert(2)">`,
		"Content-Security-Policy violation: script-src-attr blocked inline",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem says %q", want)
		}
	}
	if t.Failed() {
		t.Logf("the problems found:\n%s", all)
	}
}
