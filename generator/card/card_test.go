package card

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// fonts are the theme's fonts, as emit passes them.
func fonts(t *testing.T) *Fonts {
	t.Helper()
	dir := filepath.Join("..", "..", "themes", "plansite", "fonts")
	r, err := os.ReadFile(filepath.Join(dir, "NotoSans-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "NotoSans-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Load(r, b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var target = Card{Kicker: "Chỉ tiêu", Title: "Tỷ lệ hộ nghèo toàn tỉnh", Big: "7,50 %", When: "2015",
	Line: "Đã đạt · Mục tiêu 2015: 8,5–9,0 %", Footer: "Giảm nghèo bền vững Bắc Giang 2013–2015", Accent: "#0B5D1E"}

// A card is a 1200×630 PNG, the same bytes every time it is drawn.
func TestDrawIsDeterministic(t *testing.T) {
	f := fonts(t)
	for name, c := range map[string]Card{
		"target":  target,
		"section": {Kicker: "Giảm nghèo bền vững Bắc Giang 2013–2015", Title: "Phương pháp và nguồn", Footer: "Giảm nghèo bền vững Bắc Giang 2013–2015"},
		"long": {Title: "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2013 - 2015 trên địa bàn tỉnh Bắc Giang, với một tên rất dài",
			Line: "Chưa có số liệu", Footer: "x"},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := f.Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			b, err := fonts(t).Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Error("two drawings of one card differ")
			}
			img, err := png.Decode(bytes.NewReader(a))
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds().Size(); s.X != Width || s.Y != Height {
				t.Errorf("card is %v, want %d×%d", s, Width, Height)
			}
		})
	}
}

// The words are drawn: a card with a figure differs from one without, and
// Vietnamese letters are drawn, not left blank.
func TestDrawDrawsText(t *testing.T) {
	f := fonts(t)
	with, _ := f.Draw(target)
	c := target
	c.Big = ""
	without, _ := f.Draw(c)
	if bytes.Equal(with, without) {
		t.Error("the figure is not drawn")
	}
	vi, _ := f.Draw(Card{Title: "ệ"})
	blank, _ := f.Draw(Card{Title: " "})
	if bytes.Equal(vi, blank) {
		t.Error("a Vietnamese letter draws nothing")
	}
}

// Text too long for its lines ends in an ellipsis within the card.
func TestWrap(t *testing.T) {
	face, err := fonts(t).face(true, 52)
	if err != nil {
		t.Fatal(err)
	}
	lines := wrap(face, target.Footer+" "+target.Footer+" "+target.Footer+" "+target.Footer, 600, 2)
	if len(lines) != 2 || lines[1][len(lines[1])-len("…"):] != "…" {
		t.Errorf("wrap = %q, want 2 lines, the last ending in …", lines)
	}
}

func BenchmarkDraw(b *testing.B) {
	t := &testing.T{}
	f := fonts(t)
	for b.Loop() {
		if _, err := f.Draw(target); err != nil {
			b.Fatal(err)
		}
	}
}
