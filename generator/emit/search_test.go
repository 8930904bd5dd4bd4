package emit

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

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
