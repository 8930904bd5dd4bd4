// Package card draws share cards: the 1200×630 PNG image that a social
// site or a chat app shows beside a link to a page (og:image). A card
// carries the page's title, for a target its latest value in large type
// and its status, and the site's name, in Noto Sans, which the theme
// ships under its licence (themes/plansite/fonts) and which has every
// letter of Vietnamese.
//
// Drawing is pure Go (golang.org/x/image's OpenType rasteriser, and a
// PNG encoder of its own, deflate.go), with no clock and no randomness:
// the same card gives the same bytes on every build and machine. A card
// costs about 1 ms of CPU: glyphs are rasterised once a build, text is
// drawn straight into the card's palette through tables, and the encoder
// copies what repeats the row above or the pixel before. Its pixels are
// those of image/draw and color.Palette.Index on a full-colour canvas,
// which the tests draw beside it (fast_test.go).
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Size of a card, as og:image:width and og:image:height say it.
const (
	Width  = 1200
	Height = 630
)

// A Card is what one card says.
type Card struct {
	Kicker string // above the title, small: the section or the plan
	Title  string
	Big    string // the figure in large type ("7,50 %"); "" for none
	When   string // beside the figure: "2015"
	Line   string // under the title or the figure: the status and the goal
	Footer string // the site's name
	// Accent is the colour of the band on the left and of Line,
	// #RRGGBB (a status's colour); "" for the site's blue.
	Accent string
}

// Fonts are the faces a card is drawn with.
type Fonts struct {
	regular, bold *opentype.Font
	// canvases are those not drawing now, each with the faces it draws
	// with and what they have rasterised: kept as long as the Fonts, not
	// in a sync.Pool, which a collection of garbage empties.
	mu       sync.Mutex
	canvases []*canvas
	palettes map[color.RGBA]*palette // by accent
	glyphs   glyphStore
}

// Load parses the regular and bold TrueType or OpenType fonts.
func Load(regular, bold []byte) (*Fonts, error) {
	r, err := opentype.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("regular font: %w", err)
	}
	b, err := opentype.Parse(bold)
	if err != nil {
		return nil, fmt.Errorf("bold font: %w", err)
	}
	f := &Fonts{regular: r, bold: b, palettes: map[color.RGBA]*palette{}, glyphs: glyphStore{glyphs: map[storeKey]glyph{}}}
	return f, nil
}

func (f *Fonts) face(bold bool, size float64) (font.Face, error) {
	ft := f.regular
	if bold {
		ft = f.bold
	}
	return opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// Colours of a card.
var (
	ink   = color.RGBA{0x1b, 0x1b, 0x1b, 0xff}
	muted = color.RGBA{0x4d, 0x4d, 0x4d, 0xff}
	paper = color.RGBA{0xff, 0xff, 0xff, 0xff}
	soft  = color.RGBA{0xf3, 0xf5, 0xf8, 0xff}
	blue  = color.RGBA{0x0b, 0x4f, 0x8a, 0xff}
)

// Where a card's parts are: the margin of its text, the band on the left
// and the footer's band at the bottom.
const (
	margin = 80
	band   = 24
	footer = Height - 96
)

// background is a card's colour at (x, y) under its text.
func background(x, y int, accent color.RGBA) color.RGBA {
	switch {
	case x < band:
		return accent
	case y >= footer:
		return soft
	}
	return paper
}

// A run is a line of text in one face, colour and place.
type run struct {
	bold bool
	size float64
	col  color.RGBA
	dot  fixed.Point26_6
	text string
}

// layout places c's text: its lines, wrapped and cut to their room, in the
// faces that face gives, which measure them.
func layout(c Card, face func(bold bool, size float64) (font.Face, error)) ([]run, error) {
	accent := accentOf(c)
	var runs []run
	w := Width - 2*margin
	y := margin
	text := func(s string, bold bool, size float64, col color.RGBA, maxLines int) error {
		if s == "" {
			return nil
		}
		f, err := face(bold, size)
		if err != nil {
			return err
		}
		lineHeight := int(size * 1.25)
		for _, ln := range wrap(f, s, w, maxLines) {
			y += lineHeight
			runs = append(runs, run{bold, size, col, fixed.P(margin, y-int(size*0.25)), ln})
		}
		y += int(size * 0.35)
		return nil
	}
	if err := text(c.Kicker, false, 30, muted, 1); err != nil {
		return nil, err
	}
	lines := 3
	if c.Big != "" {
		lines = 2
	}
	if err := text(c.Title, true, 52, ink, lines); err != nil {
		return nil, err
	}
	if c.Big != "" {
		big, err := face(true, 132)
		if err != nil {
			return nil, err
		}
		y += 132
		dot := fixed.P(margin, y-10)
		runs = append(runs, run{true, 132, ink, dot, c.Big})
		if c.When != "" {
			dot.X += font.MeasureString(big, c.Big) + fixed.I(24)
			runs = append(runs, run{false, 44, muted, dot, c.When})
		}
		y += 20
	}
	if err := text(c.Line, true, 36, accent, 2); err != nil {
		return nil, err
	}
	if c.Footer != "" {
		foot, err := face(true, 30)
		if err != nil {
			return nil, err
		}
		runs = append(runs, run{true, 30, ink, fixed.P(margin, Height-36), wrap(foot, c.Footer, w, 1)[0]})
	}
	return runs, nil
}

// accentOf is the colour of c's band and Line.
func accentOf(c Card) color.RGBA {
	if a, ok := parseHex(c.Accent); ok {
		return a
	}
	return blue
}

// A canvas is the memory one drawing needs, reused from one card to the
// next: a national site draws hundreds of cards, whose garbage would
// otherwise cost more than their drawing. It keeps its faces, whose
// glyphs most cards share.
//
// Text is drawn straight into pal, the card in its palette: a pixel that
// one glyph covers is looked up in a table of what the glyph's colour
// gives over the background at each coverage; one that a second glyph
// covers too (letters whose boxes overlap) is blended over its colour,
// kept in rgba, as image/draw blends it. The pixels are those of drawing
// in full colour and then finding each pixel's nearest colour in the
// palette, for a fraction of the cost.
type canvas struct {
	fonts *Fonts
	pal   *image.Paletted
	// rgba is a pixel's colour, four bytes read little-endian, where text
	// is drawn on it, and 0 (transparent, which no card is) elsewhere:
	// drawn are the rectangles to set back to 0 after the card.
	rgba  []uint32
	drawn []image.Rectangle
	faces map[faceKey]*cachedFace
	hint  layoutHint // of the card drawn last
	out   bytes.Buffer
	png   pngWriter
}

func newCanvas(f *Fonts) *canvas {
	return &canvas{fonts: f, pal: image.NewPaletted(image.Rect(0, 0, Width, Height), nil),
		rgba:  make([]uint32, Width*Height),
		faces: map[faceKey]*cachedFace{}}
}

type faceKey struct {
	bold bool
	size float64
}

func (cv *canvas) face(bold bool, size float64) (font.Face, error) {
	k := faceKey{bold, size}
	if f, ok := cv.faces[k]; ok {
		return f, nil
	}
	f, err := cv.fonts.face(bold, size)
	if err != nil {
		return nil, err
	}
	cf := newCachedFace(f, k, &cv.fonts.glyphs)
	cv.faces[k] = cf
	return cf, nil
}

// Draw draws c as a PNG.
func (f *Fonts) Draw(c Card) ([]byte, error) {
	cv := f.canvas()
	defer f.done(cv)
	runs, err := layout(c, cv.face)
	if err != nil {
		return nil, err
	}
	if err := cv.draw(runs, accentOf(c)); err != nil {
		return nil, err
	}
	cv.out.Reset()
	cv.png.encode(&cv.out, cv.pal, &cv.hint)
	return bytes.Clone(cv.out.Bytes()), nil
}

// canvas is a canvas to draw on, that no other card is drawn on until
// done.
func (f *Fonts) canvas() *canvas {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := len(f.canvases); n > 0 {
		cv := f.canvases[n-1]
		f.canvases = f.canvases[:n-1]
		return cv
	}
	return newCanvas(f)
}

func (f *Fonts) done(cv *canvas) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.canvases = append(f.canvases, cv)
}

// palette is the palette of cards of accent.
func (f *Fonts) palette(accent color.RGBA) *palette {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.palettes[accent]
	if !ok {
		p = newPalette(accent)
		f.palettes[accent] = p
	}
	return p
}

// draw draws the background of a card of accent, and runs over it, in pal.
func (cv *canvas) draw(runs []run, accent color.RGBA) error {
	p := cv.fonts.palette(accent)
	cv.pal.Palette = p.colours
	h := &cv.hint
	for i, y := range []int{0, footer} { // the background above the footer's band, and in it
		left, right := p.background[pixel(accent)], p.background[pixel(background(band, y, accent))]
		for x := range Width {
			h.rows[i][x] = right
			if x < band {
				h.rows[i][x] = left
			}
		}
	}
	h.sum()
	for y := range Height {
		h.kind[y] = uint8(min(y/footer, 1))
		h.spans[y] = span{Width, 0}
		copy(cv.pal.Pix[y*cv.pal.Stride:][:Width], h.rows[h.kind[y]][:])
	}
	defer func() {
		for _, r := range cv.drawn {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				clear(cv.rgba[y*Width+r.Min.X : y*Width+r.Max.X])
			}
		}
		cv.drawn = cv.drawn[:0]
	}()
	for _, r := range runs {
		face, err := cv.face(r.bold, r.size)
		if err != nil {
			return err
		}
		cv.drawString(face, r, p, accent)
	}
	for _, r := range cv.drawn {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			sp := &h.spans[y]
			sp.x0, sp.x1 = min(sp.x0, r.Min.X), max(sp.x1, r.Max.X)
		}
	}
	return nil
}

// drawString draws r as font.Drawer does, over the background of a card
// of accent in its palette p.
func (cv *canvas) drawString(face font.Face, r run, p *palette, accent color.RGBA) {
	src := pixel(r.col)
	var on [3]*overTable // r's colour over the band, the paper and the footer's band
	for i, bg := range []color.RGBA{accent, paper, soft} {
		on[i] = p.over(pixel(bg), src)
	}
	dot := r.dot
	prev := rune(-1)
	for _, c := range r.text {
		if prev >= 0 {
			dot.X += face.Kern(prev, c)
		}
		dr, mask, maskp, advance, _ := face.Glyph(dot, c)
		if a, ok := mask.(*image.Alpha); ok && !dr.Empty() {
			cv.drawGlyph(dr, a, maskp, src, p, &on)
		}
		dot.X += advance
		prev = c
	}
}

// drawGlyph draws src through mask at dr, as image/draw.DrawMask draws it
// with draw.Over; on are the tables of src over the card's backgrounds.
func (cv *canvas) drawGlyph(dr image.Rectangle, mask *image.Alpha, maskp image.Point, src uint32, p *palette, on *[3]*overTable) {
	clip := dr.Intersect(cv.pal.Rect)
	maskp = maskp.Add(clip.Min.Sub(dr.Min))
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		m := mask.Pix[mask.PixOffset(maskp.X, maskp.Y+y-clip.Min.Y):][:clip.Dx()]
		pix := cv.pal.Pix[y*cv.pal.Stride+clip.Min.X:][:clip.Dx()]
		rgba := cv.rgba[y*Width+clip.Min.X:][:clip.Dx()]
		t := on[1+min(y/footer, 1)] // right of the band
		for j, v := range m {
			if v == 0 {
				continue
			}
			if c := rgba[j]; c != 0 {
				c = over(c, src, v)
				rgba[j], pix[j] = c, p.nearest(c)
				continue
			}
			if clip.Min.X+j < band {
				rgba[j], pix[j] = on[0].colour[v], on[0].index[v]
				continue
			}
			rgba[j], pix[j] = t.colour[v], t.index[v]
		}
	}
	cv.drawn = append(cv.drawn, clip)
}

// pixel is c's four bytes read little-endian.
func pixel(c color.RGBA) uint32 {
	return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | uint32(c.A)<<24
}

// over is src over dst through a mask of value v, as image/draw's
// drawGlyphOver computes it.
func over(dst, src uint32, v uint8) uint32 {
	const m = 1<<16 - 1
	ma := uint32(v) | uint32(v)<<8
	sa := (src >> 24) * 0x101
	a := (m - (sa * ma / m)) * 0x101
	var out uint32
	for sh := 0; sh < 32; sh += 8 {
		d, s := dst>>sh&0xff, (src>>sh&0xff)*0x101
		out |= ((d*a + s*ma) / m >> 8 & 0xff) << sh
	}
	return out
}

// A palette is a card's 256 colours for one accent: the blends of each
// colour of text over its background, in 63 steps, and the background's
// colours. A card has no other colours, and an image of a palette is
// several times quicker to encode, and smaller, than one of full colour.
// The canvases share it.
type palette struct {
	colours    color.Palette
	rgba       [256][4]uint32   // the colours' RGBA, for nearest
	background map[uint32]uint8 // the indices of the background's colours
	// overs are the colours and indices of a colour of text over a
	// background, at each value of a glyph's mask, made when first asked
	// for.
	mu    sync.Mutex
	overs map[[2]uint32]*overTable
}

type overTable struct {
	colour [256]uint32
	index  [256]uint8
}

func newPalette(accent color.RGBA) *palette {
	p := &palette{background: map[uint32]uint8{}, overs: map[[2]uint32]*overTable{}}
	for _, pair := range [][2]color.RGBA{{ink, paper}, {muted, paper}, {accent, paper}, {ink, soft}} {
		for i := range 63 {
			p.colours = append(p.colours, blend(pair[0], pair[1], float64(i)/62))
		}
	}
	p.colours = append(p.colours, paper, soft, accent, ink)
	for i, c := range p.colours {
		r, g, b, a := c.RGBA()
		p.rgba[i] = [4]uint32{r, g, b, a}
	}
	for _, c := range []color.RGBA{accent, paper, soft} {
		p.background[pixel(c)] = p.nearest(pixel(c))
	}
	return p
}

// over is the table of src over bg.
func (p *palette) over(bg, src uint32) *overTable {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := [2]uint32{bg, src}
	t, ok := p.overs[k]
	if !ok {
		t = &overTable{}
		for v := range 256 {
			t.colour[v] = over(bg, src, uint8(v))
			t.index[v] = p.nearest(t.colour[v])
		}
		p.overs[k] = t
	}
	return t
}

// nearest is the index of the colour nearest to the pixel c, as
// color.Palette.Index finds it, without an interface's call for each
// colour.
func (p *palette) nearest(c uint32) uint8 {
	cr, cg, cb, ca := (c&0xff)*0x101, (c>>8&0xff)*0x101, (c>>16&0xff)*0x101, (c>>24)*0x101
	sq := func(x, y uint32) uint32 { d := x - y; return (d * d) >> 2 }
	ret, best := 0, uint32(1<<32-1)
	for i := range p.colours {
		v := &p.rgba[i]
		sum := sq(cr, v[0]) + sq(cg, v[1]) + sq(cb, v[2]) + sq(ca, v[3])
		if sum < best {
			if sum == 0 {
				return uint8(i)
			}
			ret, best = i, sum
		}
	}
	return uint8(ret)
}

// blend is a over b at the share t of a.
func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*t + float64(y)*(1-t) + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// wrap breaks s into lines of at most w pixels in face, at most max of
// them; the last one shown ends in "…" when text is left over.
func wrap(face font.Face, s string, w, max int) []string {
	fits := func(t string) bool { return font.MeasureString(face, t).Ceil() <= w }
	var lines []string
	line := ""
	words := strings.Fields(s)
	for _, word := range words {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if fits(next) || line == "" {
			line = next
			continue
		}
		lines = append(lines, line)
		line = word
		if len(lines) == max {
			last := strings.Fields(lines[max-1])
			for len(last) > 1 && !fits(strings.Join(last, " ")+" …") {
				last = last[:len(last)-1]
			}
			lines[max-1] = strings.Join(last, " ") + " …"
			return lines
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// parseHex reads #RRGGBB.
func parseHex(s string) (color.RGBA, bool) {
	var r, g, b uint8
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, false
	}
	if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return color.RGBA{}, false
	}
	return color.RGBA{r, g, b, 0xff}, true
}
