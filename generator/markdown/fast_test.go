package markdown

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// The shortcuts of Plain and Flaws give what goldmark gives, for the
// texts they take and for random texts made of markup characters.
func TestShortcutsAgreeWithGoldmark(t *testing.T) {
	texts := []string{
		"", " ", "Xã An Bình", "  Phường Đông Hà  ", "Tỉnh Hà Giang (giả lập)", "An Binh commune",
		"Số liệu: 12,5% năm 2021", "1. một", "2021 là năm gốc", "- mục", "+ mục", "    mã", "a  b\u00a0c",
		"Tỷ lệ 8,5-9,0%", "a.b", "O'Brien \"quoted\"", "x / y ; z ? (w)",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aă đ 1.-)(:;,\"'/?%\u00a0xyz"
	for range 2000 {
		b := make([]byte, 0, 12)
		for range 1 + rng.IntN(12) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if isPlain(s) {
			if got, want := Plain(s), parsePlain(s); got != want {
				t.Errorf("Plain(%q) = %q, want %q (goldmark)", s, got, want)
			}
		}
		if got, want := Flaws(s), parseFlaws(s); !reflect.DeepEqual(got, want) {
			t.Errorf("Flaws(%q) = %v, want %v (goldmark)", s, got, want)
		}
	}
}

// Plain text reads as the rendered page does: escapes and entities
// resolved, code spans kept as written, markup and raw HTML dropped.
func TestPlainText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a \< b \*c\*`, "a < b *c*"},
		{"Tom &amp; Jerry &#233;", "Tom & Jerry é"},
		{"`a\\b` and **bold** [link](/x)", `a\b and bold link`},
		{"one\ntwo\n\n- three", "one two three"},
		{"x <b>y</b> z", "x y z"},
	} {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
