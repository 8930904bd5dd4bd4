// Package card draws share cards: the 1200×630 PNG image that a social
// site or a chat app shows beside a link to a page (og:image). A card
// carries the page's title, for a target its latest value in large type
// and its status, and the site's name, in Noto Sans, which the theme
// ships under its licence (themes/plansite/fonts) and which has every
// letter of Vietnamese.
//
// Drawing is pure Go (image, image/png and golang.org/x/image's
// OpenType rasteriser), with no clock and no randomness: the same card
// gives the same bytes on every build and machine.
package card

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
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
	canvases      sync.Pool // of *canvas, each with the faces it draws with
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
	f := &Fonts{regular: r, bold: b}
	f.canvases.New = func() any { return newCanvas(f) }
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
// next: a card's pixels are 3 MB, and a national site draws hundreds of
// cards, whose garbage would otherwise cost more than their drawing. It
// keeps its faces, whose glyphs most cards share, and the palettes of the
// accents it has drawn.
//
// Between cards, rgba right of the band is the background: text is drawn
// over it, the rows it touched (spans) are converted to pal, and those
// spans are painted back.
type canvas struct {
	fonts *Fonts
	rgba  *image.RGBA
	pal   *image.Paletted
	spans [Height]span
	// background is the rgba of a row above the footer's band, and in it.
	background [2][]byte
	faces      map[faceKey]*cachedFace
	palettes   map[color.RGBA]*palette
	out        bytes.Buffer
	png        pngWriter
}

// A span is the columns [x0, x1) of a row that text was drawn on.
type span struct{ x0, x1 int }

func newCanvas(f *Fonts) *canvas {
	r := image.Rect(0, 0, Width, Height)
	cv := &canvas{fonts: f, rgba: image.NewRGBA(r), pal: image.NewPaletted(r, nil),
		faces: map[faceKey]*cachedFace{}, palettes: map[color.RGBA]*palette{}}
	for i, y := range []int{0, footer} {
		row := image.NewRGBA(image.Rect(0, 0, Width, 1))
		for x := range Width {
			row.SetRGBA(x, 0, background(x, y, blue))
		}
		cv.background[i] = row.Pix
	}
	for y := range Height {
		copy(cv.rgba.Pix[y*cv.rgba.Stride:][:4*Width], cv.background[min(y/footer, 1)])
	}
	return cv
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
	cf := newCachedFace(f)
	cv.faces[k] = cf
	return cf, nil
}

// Draw draws c as a PNG.
func (f *Fonts) Draw(c Card) ([]byte, error) {
	cv := f.canvases.Get().(*canvas)
	defer f.canvases.Put(cv)
	defer cv.clean()
	runs, err := layout(c, cv.face)
	if err != nil {
		return nil, err
	}
	accent := accentOf(c)
	for x := range band {
		cv.rgba.SetRGBA(x, 0, accent)
	}
	for y := 1; y < Height; y++ {
		copy(cv.rgba.Pix[y*cv.rgba.Stride:][:4*band], cv.rgba.Pix[:4*band])
	}
	for _, r := range runs {
		face, err := cv.face(r.bold, r.size)
		if err != nil {
			return nil, err
		}
		cv.drawString(face, r)
	}
	cv.out.Reset()
	cv.png.encode(&cv.out, cv.paletted(accent))
	return bytes.Clone(cv.out.Bytes()), nil
}

// drawString draws r as font.Drawer does, noting the spans it draws on.
func (cv *canvas) drawString(face font.Face, r run) {
	src := image.NewUniform(r.col)
	dot := r.dot
	prev := rune(-1)
	for _, c := range r.text {
		if prev >= 0 {
			dot.X += face.Kern(prev, c)
		}
		dr, mask, maskp, advance, _ := face.Glyph(dot, c)
		if !dr.Empty() {
			draw.DrawMask(cv.rgba, dr, src, image.Point{}, mask, maskp, draw.Over)
			dr = dr.Intersect(cv.rgba.Rect)
			for y := dr.Min.Y; y < dr.Max.Y; y++ {
				s := &cv.spans[y]
				if s.x0 == s.x1 {
					*s = span{dr.Min.X, dr.Max.X}
				} else {
					s.x0, s.x1 = min(s.x0, dr.Min.X), max(s.x1, dr.Max.X)
				}
			}
		}
		dot.X += advance
		prev = c
	}
}

// clean paints the background back over the spans that text was drawn on.
func (cv *canvas) clean() {
	for y := range cv.spans {
		s := cv.spans[y]
		if x0 := max(s.x0, band); x0 < s.x1 {
			row := cv.rgba.Pix[y*cv.rgba.Stride:]
			copy(row[4*x0:4*s.x1], cv.background[min(y/footer, 1)][4*x0:4*s.x1])
		}
		cv.spans[y] = span{}
	}
}

// A palette is a card's 256 colours for one accent: the blends of each
// colour of text over its background, in 63 steps, and the background's
// colours. A card has no other colours, and an image of a palette is
// several times quicker to encode, and smaller, than one of full colour.
type palette struct {
	colours color.Palette
	// The index of the colours met so far, by a pixel's four bytes read
	// little-endian, in a table of open addressing (a map was a third of
	// the cost of converting a card): a slot of key 0 is free, as no
	// pixel is transparent.
	keys []uint32
	vals []uint8
	n    int
}

func newPalette(accent color.RGBA) *palette {
	var pal color.Palette
	for _, pair := range [][2]color.RGBA{{ink, paper}, {muted, paper}, {accent, paper}, {ink, soft}} {
		for i := range 63 {
			pal = append(pal, blend(pair[0], pair[1], float64(i)/62))
		}
	}
	pal = append(pal, paper, soft, accent, ink)
	return &palette{colours: pal, keys: make([]uint32, 1<<12), vals: make([]uint8, 1<<12)}
}

// at is the index of the colour nearest to the pixel of four bytes c.
func (p *palette) at(c uint32) uint8 {
	mask := uint32(len(p.keys) - 1)
	for i := hash(c) & mask; ; i = (i + 1) & mask {
		switch p.keys[i] {
		case c:
			return p.vals[i]
		case 0:
			k := uint8(p.colours.Index(color.RGBA{uint8(c), uint8(c >> 8), uint8(c >> 16), uint8(c >> 24)}))
			p.keys[i], p.vals[i] = c, k
			if p.n++; 2*p.n > len(p.keys) {
				p.grow()
			}
			return k
		}
	}
}

// hash spreads a pixel's bytes over a table's slots.
func hash(c uint32) uint32 { return uint32(uint64(c) * 0x9e3779b97f4a7c15 >> 32) }

// grow doubles p's table.
func (p *palette) grow() {
	keys, vals := p.keys, p.vals
	p.keys, p.vals = make([]uint32, 2*len(keys)), make([]uint8, 2*len(keys))
	mask := uint32(len(p.keys) - 1)
	for j, c := range keys {
		if c == 0 {
			continue
		}
		i := hash(c) & mask
		for p.keys[i] != 0 {
			i = (i + 1) & mask
		}
		p.keys[i], p.vals[i] = c, vals[j]
	}
}

// paletted is the card in rgba in the palette of accent, in pal: each row
// is the background's, and the spans that text was drawn on are looked up.
func (cv *canvas) paletted(accent color.RGBA) *image.Paletted {
	p, ok := cv.palettes[accent]
	if !ok {
		p = newPalette(accent)
		cv.palettes[accent] = p
	}
	out, img := cv.pal, cv.rgba
	out.Palette = p.colours
	pixel := func(c color.RGBA) uint8 { return p.at(binary.LittleEndian.Uint32([]byte{c.R, c.G, c.B, c.A})) }
	var rows [2][Width]uint8 // above the footer's band, and in it
	for i, y := range []int{0, footer} {
		for x := range Width {
			rows[i][x] = pixel(background(x, y, accent))
		}
	}
	for y := range Height {
		row := out.Pix[y*out.Stride : y*out.Stride+Width]
		copy(row, rows[min(y/footer, 1)][:])
		s := cv.spans[y]
		// Pixels compared four bytes at a time: runs of one colour (the
		// paper between letters) cost a load and a compare each.
		var last uint32
		var k uint8
		for x := s.x0; x < s.x1; x++ {
			c := binary.LittleEndian.Uint32(img.Pix[y*img.Stride+4*x:])
			if c != last || x == s.x0 {
				k, last = p.at(c), c
			}
			row[x] = k
		}
	}
	return out
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
