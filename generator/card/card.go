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
	"image/png"
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
	return &Fonts{regular: r, bold: b}, nil
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

const margin = 80

// A canvas is the memory one drawing needs, reused from one card to the
// next: a card's pixels are 3 MB, and a national site draws hundreds of
// cards, whose garbage would otherwise cost more than their drawing.
type canvas struct {
	rgba *image.RGBA
	pal  *image.Paletted
	out  bytes.Buffer
	enc  png.Encoder
}

var canvases = sync.Pool{New: func() any {
	r := image.Rect(0, 0, Width, Height)
	return &canvas{rgba: image.NewRGBA(r), pal: image.NewPaletted(r, nil),
		enc: png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderBuffers{}}}
}}

// encoderBuffers keeps a canvas's PNG encoder's buffers between cards.
type encoderBuffers struct{ b *png.EncoderBuffer }

func (p *encoderBuffers) Get() *png.EncoderBuffer  { return p.b }
func (p *encoderBuffers) Put(b *png.EncoderBuffer) { p.b = b }

// Draw draws c as a PNG.
func (f *Fonts) Draw(c Card) ([]byte, error) {
	cv := canvases.Get().(*canvas)
	defer canvases.Put(cv)
	img := cv.rgba
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	accent := blue
	if a, ok := parseHex(c.Accent); ok {
		accent = a
	}
	draw.Draw(img, image.Rect(0, 0, 24, Height), image.NewUniform(accent), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(24, Height-96, Width, Height), image.NewUniform(soft), image.Point{}, draw.Src)

	w := Width - 2*margin
	y := margin
	text := func(s string, bold bool, size float64, col color.Color, maxLines int) error {
		if s == "" {
			return nil
		}
		face, err := f.face(bold, size)
		if err != nil {
			return err
		}
		defer face.Close()
		lineHeight := int(size * 1.25)
		for _, ln := range wrap(face, s, w, maxLines) {
			y += lineHeight
			d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: face, Dot: fixed.P(margin, y-int(size*0.25))}
			d.DrawString(ln)
		}
		y += int(size * 0.35)
		return nil
	}
	steps := []func() error{
		func() error { return text(c.Kicker, false, 30, muted, 1) },
		func() error {
			lines := 3
			if c.Big != "" {
				lines = 2
			}
			return text(c.Title, true, 52, ink, lines)
		},
		func() error {
			if c.Big == "" {
				return nil
			}
			big, err := f.face(true, 132)
			if err != nil {
				return err
			}
			defer big.Close()
			y += 132
			d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: big, Dot: fixed.P(margin, y-10)}
			d.DrawString(c.Big)
			if c.When != "" {
				small, err := f.face(false, 44)
				if err != nil {
					return err
				}
				defer small.Close()
				d.Face, d.Src = small, image.NewUniform(muted)
				d.Dot.X += fixed.I(24)
				d.DrawString(c.When)
			}
			y += 20
			return nil
		},
		func() error { return text(c.Line, true, 36, accent, 2) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return nil, err
		}
	}
	foot, err := f.face(true, 30)
	if err != nil {
		return nil, err
	}
	defer foot.Close()
	if c.Footer != "" {
		ln := wrap(foot, c.Footer, w, 1)[0]
		d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: foot, Dot: fixed.P(margin, Height-36)}
		d.DrawString(ln)
	}
	cv.out.Reset()
	if err := cv.enc.Encode(&cv.out, paletted(cv.pal, img, accent)); err != nil {
		return nil, err
	}
	return bytes.Clone(cv.out.Bytes()), nil
}

// paletted is img in 256 colours: the blends of each colour of text over
// its background, in 63 steps. A card has no other colours, and an image
// of a palette is several times quicker to encode, and smaller, than one
// of full colour. out, of img's size, is overwritten.
func paletted(out *image.Paletted, img *image.RGBA, accent color.RGBA) *image.Paletted {
	var pal color.Palette
	for _, pair := range [][2]color.RGBA{{ink, paper}, {muted, paper}, {accent, paper}, {ink, soft}} {
		for i := range 63 {
			pal = append(pal, blend(pair[0], pair[1], float64(i)/62))
		}
	}
	pal = append(pal, paper, soft, accent, ink)
	out.Palette = pal
	// Pixels compared four bytes at a time: long runs of one colour (the
	// paper, the bands) cost a load and a compare each.
	index := map[uint32]uint8{}
	var last uint32
	k := uint8(0)
	for i, j := 0, 0; i < len(img.Pix); i, j = i+4, j+1 {
		c := binary.LittleEndian.Uint32(img.Pix[i:])
		if c != last || i == 0 {
			var ok bool
			if k, ok = index[c]; !ok {
				k = uint8(pal.Index(color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}))
				index[c] = k
			}
			last = c
		}
		out.Pix[j] = k
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
