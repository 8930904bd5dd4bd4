package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// An area's rank table is its ranking's rows (shared by the areas ranked
// together), lowest rate first, with the page's own area first among the
// areas of its rate, marked as this area, and every other area once.
func TestRankTableOwnAreaFirstAmongEquals(t *testing.T) {
	data := t.TempDir()
	for _, name := range []string{"agencies.yaml", "budget.yaml", "plan.yaml", "policies.yaml", "site.yaml", "sources.yaml", "targets.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "base", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(data, name), b)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "base", "areas.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	areas := string(b)
	// Four districts: b-tie and c-tie share a rate, a-low is below them
	// and d-high above.
	for _, d := range []struct{ id, rate string }{{"d-high", "30.5"}, {"c-tie", "20.25"}, {"a-low", "10"}, {"b-tie", "20.25"}} {
		areas += "  - id: " + d.id + "\n    parent: bac-giang\n    kind: district\n    name: " + d.id +
			"\n    figures:\n      - year: 2013\n        poor_rate: " + d.rate + "\n        source: ktxh-509\n"
	}
	writeFile(t, filepath.Join(data, "areas.yaml"), []byte(areas))
	out := t.TempDir()
	if code, stderr := buildSite(t, data, out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	row := regexp.MustCompile(`(?s)<tr( class="?this-row"?)?>\s*<td class="?num"?>(\d+)</td>\s*<th scope="?row"? class="?row-name"?>(.*?)</th>`)
	name := regexp.MustCompile(`<a href="?/dia-phuong/([a-z-]+)/"?>|<strong>([^<]+)</strong>`)
	for _, c := range []struct {
		page string
		want []string // position, area ("*" marks the page's own)
	}{
		{"a-low", []string{"1 *a-low", "2 b-tie", "2 c-tie", "4 d-high"}},
		{"b-tie", []string{"1 a-low", "2 *b-tie", "2 c-tie", "4 d-high"}},
		{"c-tie", []string{"1 a-low", "2 *c-tie", "2 b-tie", "4 d-high"}},
		{"d-high", []string{"1 a-low", "2 b-tie", "2 c-tie", "4 *d-high"}},
	} {
		page, err := os.ReadFile(filepath.Join(out, "public", "dia-phuong", c.page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		section := string(page)
		if i := strings.Index(section, `id="area-rank"`); i >= 0 {
			section = section[i:]
		} else if i := strings.Index(section, `id=area-rank`); i >= 0 {
			section = section[i:]
		} else {
			t.Fatalf("%s: no rank table", c.page)
		}
		section = section[:strings.Index(section, "</table>")]
		var got []string
		for _, m := range row.FindAllStringSubmatch(section, -1) {
			n := name.FindStringSubmatch(m[3])
			if n == nil {
				t.Fatalf("%s: a row names no area: %s", c.page, m[3])
			}
			if m[1] != "" {
				got = append(got, m[2]+" *"+n[2])
			} else {
				got = append(got, m[2]+" "+n[1])
			}
		}
		if strings.Join(got, ", ") != strings.Join(c.want, ", ") {
			t.Errorf("%s: rank table %q, want %q", c.page, got, c.want)
		}
	}
}
