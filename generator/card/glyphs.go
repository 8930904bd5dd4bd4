package card

import (
	"image"
	"image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A cachedFace is a face that rasterises each glyph once for each
// sub-pixel offset it is drawn at, and looks up each advance and kerning
// once: cards share most of their letters, and rasterising them was most
// of the cost of their text. What it gives is what the face gives.
// It is not safe for concurrent use, nor is the face it wraps; the
// glyphs it rasterises go to a store that the faces of other canvases
// share, so that each is rasterised once in a build.
type cachedFace struct {
	font.Face
	key      faceKey
	store    *glyphStore
	glyphs   map[glyphKey]glyph
	advances map[rune]advance
	kerns    map[[2]rune]fixed.Int26_6
}

// A glyphKey is a letter and the sub-pixel part of the dot it is drawn
// at, which alone changes its mask.
type glyphKey struct {
	r    rune
	x, y fixed.Int26_6
}

// A glyph is a face's answer to Glyph for a dot whose whole-pixel part is
// (0, 0).
type glyph struct {
	dr      image.Rectangle
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

type advance struct {
	a  fixed.Int26_6
	ok bool
}

// A glyphStore is the glyphs of the faces of all canvases.
type glyphStore struct {
	mu     sync.RWMutex
	glyphs map[storeKey]glyph
}

type storeKey struct {
	face faceKey
	glyphKey
}

func newCachedFace(f font.Face, key faceKey, store *glyphStore) *cachedFace {
	return &cachedFace{Face: f, key: key, store: store, glyphs: map[glyphKey]glyph{}, advances: map[rune]advance{}, kerns: map[[2]rune]fixed.Int26_6{}}
}

// Glyph is the wrapped face's Glyph, with a mask of its own that later
// calls do not overwrite.
func (f *cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	k := glyphKey{r, dot.X & 63, dot.Y & 63}
	g, ok := f.glyphs[k]
	if !ok {
		g = f.rasterise(k)
		f.glyphs[k] = g
	}
	return g.dr.Add(image.Pt(dot.X.Floor(), dot.Y.Floor())), g.mask, image.Point{}, g.advance, g.ok
}

// rasterise is the glyph of k, from the store or else from the face.
func (f *cachedFace) rasterise(k glyphKey) glyph {
	sk := storeKey{f.key, k}
	f.store.mu.RLock()
	g, ok := f.store.glyphs[sk]
	f.store.mu.RUnlock()
	if ok {
		return g
	}
	dr, mask, maskp, adv, found := f.Face.Glyph(fixed.Point26_6{X: k.x, Y: k.y}, k.r)
	g = glyph{dr: dr, advance: adv, ok: found, mask: image.NewAlpha(image.Rectangle{Max: dr.Size()})}
	// The face reuses its mask: a copy is kept.
	if a, ok := mask.(*image.Alpha); ok {
		for y := range dr.Dy() {
			copy(g.mask.Pix[y*g.mask.Stride:][:dr.Dx()], a.Pix[a.PixOffset(maskp.X, maskp.Y+y):])
		}
	} else if !dr.Empty() {
		draw.Draw(g.mask, g.mask.Rect, mask, maskp, draw.Src)
	}
	f.store.mu.Lock()
	defer f.store.mu.Unlock()
	if first, ok := f.store.glyphs[sk]; ok {
		return first // rasterised meanwhile by another canvas, the same
	}
	f.store.glyphs[sk] = g
	return g
}

// GlyphAdvance is the wrapped face's, looked up once for each letter.
func (f *cachedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	a, ok := f.advances[r]
	if !ok {
		a.a, a.ok = f.Face.GlyphAdvance(r)
		f.advances[r] = a
	}
	return a.a, a.ok
}

// Kern is the wrapped face's, looked up once for each pair of letters.
func (f *cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	v, ok := f.kerns[k]
	if !ok {
		v = f.Face.Kern(r0, r1)
		f.kerns[k] = v
	}
	return v
}
