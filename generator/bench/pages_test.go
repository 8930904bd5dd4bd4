package main

import (
	"testing"
)

// pagesOf counts pages, finds the largest, and adds up per page type the
// script and style a page loads, gzip-compressed, inline or from files,
// and the script charts.js loads later (data-echarts).
func TestPagesOf(t *testing.T) {
	files := map[string]string{
		"index.html":                   `<html><head><link rel=stylesheet href=/css/site.css><link rel=icon href=/f.svg></head><body><script src=/js/a.js data-echarts=/js/lib.js></script><script type=application/json>{"a":1}</script></body></html>`,
		"js/lib.js":                    `var lib = "a library loaded later"`,
		"dia-phuong/x/index.html":      `<html><head><link rel="stylesheet" href="../../css/site.css"></head><body><scripts></scripts></body></html>`,
		"en/districts/y/index.html":    `<html><head><style>p{color:red}</style></head><body>a longer page than the others, the largest of them all</body></html>`,
		"css/site.css":                 `body{margin:0}`,
		"js/a.js":                      `console.log(1)`,
		"dia-phuong/index.html":        `<html></html>`,
		"chi-tieu/3a/index.html":       `<html></html>`,
		"404.html":                     `<html></html>`,
		"khong-co-trong-hop-dong.html": `<html></html>`,
	}
	dir := writeSite(t, files)
	st, err := pagesOf(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.pages != 7 {
		t.Errorf("pages = %d, want 7", st.pages)
	}
	if st.largest != "/index.html" {
		t.Errorf("largest = %s, want /index.html", st.largest)
	}
	css, js, inline := gzipSize([]byte(files["css/site.css"])), gzipSize([]byte(files["js/a.js"])), gzipSize([]byte(`{"a":1}`))
	for typ, want := range map[string]typeStats{
		"home":         {pages: 1, script: js + inline, style: css, lazy: gzipSize([]byte(files["js/lib.js"]))},
		"areas/<id>":   {pages: 2, style: max(css, gzipSize([]byte("p{color:red}")))},
		"areas":        {pages: 1},
		"targets/<id>": {pages: 1},
		"404":          {pages: 1},
		"other":        {pages: 1},
	} {
		if got := st.types[typ]; got == nil || *got != want {
			t.Errorf("types[%s] = %+v, want %+v", typ, got, want)
		}
	}
}
