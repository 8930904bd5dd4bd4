package card

import (
	"bytes"
	"fmt"
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

// cards are 50 cards like a national site's: targets of provinces with
// their figures and statuses, in both languages, and the sections' cards.
func cards() []Card {
	provinces := []string{"Tỉnh Mường Châu", "Tỉnh Bắc Giang", "Thành phố Hồ Chí Minh", "Tỉnh Thừa Thiên Huế", "Tỉnh Đắk Lắk"}
	names := []string{"Tỷ lệ hộ nghèo", "Người nghèo có thẻ bảo hiểm y tế", "Tỷ lệ lao động qua đào tạo", "Tỷ lệ hộ cận nghèo"}
	lines := []string{"Đã đạt · Mục tiêu 2025: ít nhất 100 %", "Cần đẩy nhanh · Mục tiêu 2025: 50 % trở lên", "Chậm tiến độ · Mục tiêu 2025: giảm 1–1,5 điểm/năm", "Chưa có số liệu"}
	accents := []string{"#0B5D1E", "#7A4D00", "#9A2A00", "#595959", "#0B4F8A"}
	footer := "Dữ liệu giả lập: Giảm nghèo bền vững toàn quốc 2021–2025"
	var cs []Card
	for i := range 40 {
		c := Card{Kicker: "Chỉ tiêu", Title: names[i%len(names)] + ", " + provinces[i%len(provinces)],
			Big: fmt.Sprintf("%d,%d %%", 3+i*7%97, i%10), When: fmt.Sprint(2021 + i%5),
			Line: lines[i%len(lines)], Footer: footer, Accent: accents[i%len(accents)]}
		if i%8 == 7 {
			c.Title += " (huyện Điện Biên Đông, xã Nậm Nèn)"
			c.Big = ""
		}
		cs = append(cs, c)
	}
	for _, s := range []string{"Kế hoạch", "Phương pháp và nguồn", "Ngân sách", "Các cơ quan", "Địa bàn", "Chính sách", "Báo cáo", "Dữ liệu mở", "Tìm kiếm", "Poor people with health insurance, Muong Chau Province"} {
		cs = append(cs, Card{Kicker: footer, Title: s, Footer: footer})
	}
	return cs
}

// BenchmarkDraw draws the cards of cards as a build does: with fonts
// loaded for it, whose caches start empty.
func BenchmarkDraw(b *testing.B) {
	dir := filepath.Join("..", "..", "themes", "plansite", "fonts")
	regular, err := os.ReadFile(filepath.Join(dir, "NotoSans-Regular.ttf"))
	if err != nil {
		b.Fatal(err)
	}
	bold, err := os.ReadFile(filepath.Join(dir, "NotoSans-Bold.ttf"))
	if err != nil {
		b.Fatal(err)
	}
	cs := cards()
	size := 0
	for b.Loop() {
		f, err := Load(regular, bold)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, c := range cs {
			png, err := f.Draw(c)
			if err != nil {
				b.Fatal(err)
			}
			size += len(png)
		}
	}
	b.ReportMetric(float64(size)/float64(len(cs)), "B/card")
}
