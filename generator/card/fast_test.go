package card

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// plain draws c the plain way: every glyph rasterised by a new face, the
// whole card converted to its palette pixel by pixel. Draw, with its
// caches, its tables and its encoder, must give the same pixels.
func plain(t *testing.T, f *Fonts, c Card) *image.Paletted {
	t.Helper()
	runs, err := layout(c, f.face)
	if err != nil {
		t.Fatal(err)
	}
	return plainRuns(t, f, runs, accentOf(c))
}

func plainRuns(t *testing.T, f *Fonts, runs []run, accent color.RGBA) *image.Paletted {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	for y := range Height {
		for x := range Width {
			img.SetRGBA(x, y, background(x, y, accent))
		}
	}
	for _, r := range runs {
		ft, err := f.face(r.bold, r.size)
		if err != nil {
			t.Fatal(err)
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(r.col), Face: ft, Dot: r.dot}
		d.DrawString(r.text)
	}
	pal := newPalette(accent).colours
	out := image.NewPaletted(img.Rect, pal)
	for y := range Height {
		for x := range Width {
			out.SetColorIndex(x, y, uint8(pal.Index(img.At(x, y))))
		}
	}
	return out
}

// Letters drawn over letters (boxes of glyphs overlap, as kerned pairs'
// can) blend as image/draw blends them; and text may run off the card.
func TestDrawOverlapping(t *testing.T) {
	f := fonts(t)
	half := fixed.I(1) / 2
	runs := []run{
		{true, 52, ink, fixed.P(margin, 200), "AVATAR Tỷ"},
		{false, 52, muted, fixed.P(margin, 200).Add(fixed.Point26_6{X: half + 3, Y: 17}), "AVATAR Tỷ"},
		{true, 132, accentOf(target), fixed.P(margin, 230), "ếĐ"},
		{true, 132, ink, fixed.P(-40, Height+30), "Wg"},
		{true, 132, ink, fixed.P(Width-60, 60), "ẴW"},
		{true, 30, ink, fixed.P(10, Height-36), "ẴW"},
	}
	cv := newCanvas(f)
	for range 2 { // the second time over the first's pixels
		if err := cv.draw(runs, accentOf(target)); err != nil {
			t.Fatal(err)
		}
		want := plainRuns(t, f, runs, accentOf(target))
		if !bytes.Equal(cv.pal.Pix, want.Pix) {
			t.Error("overlapping letters differ from image/draw's")
		}
	}
}

// Draw gives the pixels of the plain drawing, for each card drawn in turn
// on the same canvases: what one card draws does not stay for the next.
func TestDrawIsPlainDrawing(t *testing.T) {
	f := fonts(t)
	cs := append(cards()[:12], target, Card{Title: "ệ"}, Card{Title: "Ỷ Ỹ ỹ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ đ Đ ơ ớ ờ ở ỡ ợ ư ứ ừ ử ữ ự", Footer: "x", Accent: "#8A1538"})
	for i, c := range cs {
		b, err := f.Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		want := plain(t, f, c)
		p, ok := got.(*image.Paletted)
		if !ok {
			t.Fatalf("card %d is a %T, want a paletted image", i, got)
		}
		if !bytes.Equal(p.Pix, want.Pix) || !samePalette(p.Palette, want.Palette) {
			t.Errorf("card %d (%q): Draw's pixels are not the plain drawing's", i, c.Title)
		}
	}
}

func samePalette(a, b color.Palette) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		r1, g1, b1, a1 := a[i].RGBA()
		r2, g2, b2, a2 := b[i].RGBA()
		if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
			return false
		}
	}
	return true
}

// The encoder writes a PNG that image/png reads back to the same pixels,
// checksums included, for images unlike a card too: noise of all 256
// colours, colours of very unequal frequencies (codes longer than 15 bits
// unless flattened), one colour, and rows that repeat or differ by a pixel.
func TestEncode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pal := newPalette(blue).colours
	for name, fill := range map[string]func(x, y int) uint8{
		"noise":   func(x, y int) uint8 { return uint8(rng.IntN(256)) },
		"skewed":  func(x, y int) uint8 { return uint8(min(bitsOf(rng.Uint64()), 255)) },
		"one":     func(x, y int) uint8 { return 7 },
		"rows":    func(x, y int) uint8 { return uint8(y / 50) },
		"columns": func(x, y int) uint8 { return uint8(x % 3) },
		"pixel": func(x, y int) uint8 {
			if x == y {
				return 1
			}
			return 0
		},
	} {
		t.Run(name, func(t *testing.T) {
			img := image.NewPaletted(image.Rect(0, 0, Width, Height), pal)
			for y := range Height {
				for x := range Width {
					img.Pix[y*img.Stride+x] = fill(x, y)
				}
			}
			var w pngWriter
			var out bytes.Buffer
			w.encode(&out, img, nil)
			got, err := png.Decode(&out)
			if err != nil {
				t.Fatal(err)
			}
			if p, ok := got.(*image.Paletted); !ok || !bytes.Equal(p.Pix, img.Pix) || !samePalette(p.Palette, pal) {
				t.Error("decoded image differs from the one encoded")
			}
		})
	}
}

// bitsOf is how many times a fair coin came up heads in a row: 0 half the
// time, 1 a quarter of it, and so on.
func bitsOf(u uint64) int {
	n := 0
	for u&1 == 1 {
		n++
		u >>= 1
	}
	return n
}

// The background painted back after a card is the background: a card
// drawn after another is the card drawn first.
func TestDrawAfterAnother(t *testing.T) {
	f := fonts(t)
	first, err := f.Draw(target)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cards()[:5] {
		if _, err := f.Draw(c); err != nil {
			t.Fatal(err)
		}
	}
	again, err := f.Draw(target)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("a card drawn after others differs from its first drawing")
	}
}

// adler is hash/adler32's sum, for every length of a row and more, of
// bytes of every value and of the largest.
func TestAdler(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 3000 {
		p := make([]byte, n)
		for i := range p {
			p[i] = byte(rng.IntN(256))
		}
		if got, want := adler(1, 0, p), adler32.Checksum(p); got != want {
			t.Fatalf("adler of %d random bytes = %#x, want %#x", n, got, want)
		}
		for i := range p {
			p[i] = 0xff
		}
		if got, want := adler(1, 0, p), adler32.Checksum(p); got != want {
			t.Fatalf("adler of %d bytes 0xff = %#x, want %#x", n, got, want)
		}
	}
}

// Cards drawn at once on several canvases, which share their glyphs and
// palettes, are the cards drawn one by one.
func TestDrawConcurrently(t *testing.T) {
	cs := cards()
	want := make([][]byte, len(cs))
	for i, c := range cs {
		var err error
		if want[i], err = fonts(t).Draw(c); err != nil {
			t.Fatal(err)
		}
	}
	f := fonts(t)
	got := make([][]byte, len(cs))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(cs); i += 4 {
				got[i], _ = f.Draw(cs[i])
			}
		})
	}
	wg.Wait()
	for i := range cs {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("card %d drawn concurrently differs from its drawing alone", i)
		}
	}
}
