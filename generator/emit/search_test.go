package emit

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"plansite/generator/plan"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sơn Động", "son dong"},
		{"Trợ giúp pháp lý", "tro giup phap ly"},
		{"hộ nghèo", "ho ngheo"},
		{"ĐẮK LẮK", "dak lak"},
		{"  Tỷ lệ (%) — 2015 ", "ty le 2015"},
		{"Hiệp Hòa", "hiep hoa"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func gzipLen(b []byte) int {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return z.Len()
}

// A national-scale index (10,600 communes, 700 districts) is split in
// parts of at most 300 KB gzip-compressed each, every entry in the part of
// each of its uncommon words; a small one is one file under 100 KB.
func TestSearchSplit(t *testing.T) {
	for _, tc := range []struct {
		name      string
		districts int
		communes  int
		split     bool
		limit     int
	}{
		{"province", 10, 230, false, 100 << 10},
		{"national", 700, 10600, true, 300 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := &siteView{}
			syl := []string{"An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Lạc", "Long", "Minh", "Nam", "Phú", "Quang", "Sơn", "Tân", "Thanh", "Trung", "Vĩnh", "Xuân", "Yên", "Đức"}
			name := func(i int) string {
				return syl[i%len(syl)] + " " + syl[(i/len(syl))%len(syl)] + " " + fmt.Sprint(i/400)
			}
			for i := range tc.districts {
				v.Areas = append(v.Areas, areaSummary{areaNode: areaNode{ID: fmt.Sprintf("d%d", i), Kind: plan.KindDistrict, Name: plan.Text{VI: "Huyện " + name(i)}}})
			}
			for i := range tc.communes {
				v.Areas = append(v.Areas, areaSummary{areaNode: areaNode{ID: fmt.Sprintf("c%d", i), Kind: plan.KindCommune, Name: plan.Text{VI: "Xã " + name(i*7)}}})
			}
			files := Files{}
			if err := searchFiles(files, v, nil); err != nil {
				t.Fatal(err)
			}
			var m searchManifest
			if err := json.Unmarshal(files["static/search/vi.json"], &m); err != nil {
				t.Fatal(err)
			}
			if got := len(m.Parts) > 0; got != tc.split {
				t.Fatalf("split = %t, want %t", got, tc.split)
			}
			if !tc.split {
				if n := gzipLen(files["static/search/vi.json"]); n > tc.limit {
					t.Errorf("index: %d bytes gzip, want at most %d", n, tc.limit)
				}
				return
			}
			found := map[string]bool{}
			for _, p := range m.Parts {
				b := files["static/search/vi/"+p+".json"]
				if n := gzipLen(b); n > tc.limit {
					t.Errorf("part %s: %d bytes gzip, want at most %d", p, n, tc.limit)
				}
				var part searchManifest
				json.Unmarshal(b, &part)
				for _, e := range part.Entries {
					if !strings.HasPrefix(Fold(e.Title), "xa ") && !strings.HasPrefix(Fold(e.Title), "huyen ") {
						t.Fatalf("part %s: %q", p, e.Title)
					}
					if strings.Contains(" "+Fold(e.Title), " "+p) {
						found[e.URL] = true
					}
				}
			}
			if len(found) != tc.districts+tc.communes {
				t.Errorf("%d areas found in their parts, want %d", len(found), tc.districts+tc.communes)
			}
		})
	}
}

// foldWhole is Fold as it was written first: the whole string decomposed
// at once, then its marks dropped.
func foldWhole(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// Folding each character on its own gives what folding the whole string
// gives: for every character alone, for text in many scripts, and for
// characters followed by marks in every order.
func TestFoldByCharacter(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if s := string(r) + "a" + string(r); Fold(s) != foldWhole(s) {
			t.Fatalf("U+%04X: Fold %q, want %q", r, Fold(s), foldWhole(s))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []rune("aAđĐơƠưƯ ,.-–0123456789ÀÁẢÃẠàáảãạĂẮẰẲẴẶâấầẩẫậÉÈẺẼẸêếềểễệÍÌỈĨỊÓÒỎÕỌôốồổỗộờớởỡợÚÙỦŨỤứừửữựÝỲỶỸỴ" +
		"\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0345\u05b0\u0f71\u0f72\u0f80\U0001D165\U0001D16D" +
		"ΆάΐЁёйÅÅ가각ﬁǅ①²Ⅳẞßİı")
	for range 20000 {
		r := make([]rune, 1+rng.IntN(12))
		for i := range r {
			r[i] = pool[rng.IntN(len(pool))]
		}
		if s := string(r); Fold(s) != foldWhole(s) {
			t.Fatalf("%q: Fold %q, want %q", s, Fold(s), foldWhole(s))
		}
	}
}
