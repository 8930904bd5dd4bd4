//go:build gates

package gates

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// firstParagraph is the plan's first paragraph of text: its preamble's, or
// else its first section's.
const firstParagraph = `(() => {
  const p = document.querySelector('.plan-preamble p, .plan-text p');
  if (!p) return {Found: false};
  return {Found: true, Top: p.getBoundingClientRect().top + window.scrollY, Text: p.textContent.trim().slice(0, 60)};
})()`

// The plan's page starts its text on a phone's first screen: at 360×640 the
// first paragraph of the plan begins above 640 px, with the title, the
// translation's note and the folded particulars of the document above it
// and the contents list folded.
func TestPlanTextOnFirstScreen(t *testing.T) {
	bctx := browser(t)
	for _, d := range []dataset{demo, shipped} {
		srv := serve(t, site(t, d))
		plan := sections["plan"]
		for _, path := range []string{"/" + plan[0] + "/", "/en/" + plan[1] + "/"} {
			t.Run(d.name+path, func(t *testing.T) {
				open(t, bctx, srv.URL+path, 360, 640, true, true, func(ctx context.Context) {
					type para struct {
						Found bool
						Top   float64
						Text  string
					}
					p, err := chromedp.Run(ctx, chromedp.Evaluate[para](firstParagraph))
					switch {
					case err != nil:
						t.Fatalf("%s: %v", path, err)
					case !p.Found:
						t.Errorf("%s: no paragraph in .plan-preamble or .plan-text", path)
					case p.Top >= 640:
						t.Errorf("%s: the plan's text (%q…) starts at %.0f px, below a 360×640 phone's first screen", path, p.Text, p.Top)
					}
				})
			})
		}
	}
}

// largestPaint is the largest contentful paint of the page so far, as the
// browser reports it to a PerformanceObserver: its element and whether it
// is an image (an entry with a url, or an img, canvas, svg or video).
const largestPaint = `new Promise(done => {
  let last = null;
  new PerformanceObserver(l => { const es = l.getEntries(); if (es.length) last = es[es.length - 1]; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => {
    if (!last) return done({Found: false});
    const e = last.element;
    const tag = e ? e.tagName.toUpperCase() : '';
    const inSVG = !!e && !!e.closest && !!e.closest('svg');
    done({Found: true, Tag: tag, URL: last.url || '', Image: !!last.url || inSVG || ['IMG', 'CANVAS', 'SVG', 'VIDEO', 'IMAGE'].includes(tag),
      What: e ? (e.id ? '#' + e.id : e.className ? '.' + String(e.className).split(' ')[0] : '') + ' ' + (e.textContent || '').trim().slice(0, 40) : ''});
  }, 800);
})`

// On every page type, in both languages and datasets, the largest element
// a phone paints first is text: the answer, the title or the plan's words,
// never a chart or a picture (issue 15, item 9).
func TestLargestPaintIsText(t *testing.T) {
	bctx := browser(t)
	for _, d := range []dataset{demo, shipped} {
		srv := serve(t, site(t, d))
		for _, pt := range pagesOf(d) {
			for _, path := range []string{pt.vi, pt.en} {
				t.Run(d.name+"/"+pt.kind+path, func(t *testing.T) {
					open(t, bctx, srv.URL+path, 360, 640, true, true, func(ctx context.Context) {
						type paint struct {
							Found, Image   bool
							Tag, URL, What string
						}
						p, err := chromedp.Run(ctx, chromedp.Evaluate[paint](largestPaint, chromedp.EvalAwaitPromise))
						switch {
						case err != nil:
							t.Fatalf("%s: %v", path, err)
						case !p.Found:
							t.Errorf("%s: the browser reported no largest contentful paint", path)
						case p.Image:
							t.Errorf("%s: the largest contentful paint is an image, %s %s %s; want text", path, p.Tag, p.URL, p.What)
						default:
							t.Logf("%s: largest contentful paint %s %s", path, p.Tag, p.What)
						}
					})
				})
			}
		}
	}
}

// TestLargestPaintIsText sees an image: a picture as large as a phone's
// first screen, put at the top of a page, is reported as its largest
// contentful paint, an image.
func TestLargestPaintSeesAnImage(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, demo))
	open(t, bctx, srv.URL+"/"+sections["plan"][0]+"/", 360, 640, true, true, func(ctx context.Context) {
		const picture = `(() => {
  const img = new Image(360, 600);
  img.alt = 'a picture';
  // Varied enough that Chromium counts it (it leaves out images of too few bytes a pixel).
  let shapes = '';
  for (let i = 0; i < 400; i++) shapes += '<rect x="' + (i * 37 % 360) + '" y="' + (i * 53 % 600) + '" width="' + (10 + i % 40) + '" height="' + (10 + i % 30) + '" fill="#' + (0x100000 + i * 2654435 % 0xefffff).toString(16) + '"/>';
  img.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="600">' + shapes + '</svg>');
  document.querySelector('main').prepend(img);
  return new Promise(done => img.decode().then(() => setTimeout(done, 300)));
})()`
		type paint struct {
			Found, Image   bool
			Tag, URL, What string
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](picture, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		p, err := chromedp.Run(ctx, chromedp.Evaluate[paint](largestPaint, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if !p.Found || !p.Image || p.Tag != "IMG" {
			t.Errorf("a 360×600 picture at the top: largest contentful paint %+v, want the IMG, an image", p)
		}
	})
}
