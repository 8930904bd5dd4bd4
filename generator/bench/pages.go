package main

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"plansite/generator/emit"
	"plansite/generator/internal/sitefiles"
)

// pageStats describe a built site: its pages, the largest, and what each
// type of page loads.
type pageStats struct {
	pages        int
	largest      string // path from the site's root
	largestBytes int64
	types        map[string]*typeStats
}

// typeStats are the pages of one type and the most script and style any of
// them loads, gzip-compressed, as a browser fetches them.
type typeStats struct {
	pages         int
	script, style int64 // bytes, gzip; script is what the first screen needs
	// lazy is the script a page loads once a chart nears the viewport (the
	// files charts.js names in data-echarts and data-locale), so that
	// script+lazy is all the script the page may load.
	lazy int64
}

var reAttr = regexp.MustCompile(`(?i)(?:^|\s)(src|href|rel|data-echarts|data-locale)=("[^"]*"|'[^']*'|[^\s>]+)`)

// pagesOf reads every HTML page of the built site in public.
func pagesOf(public string) (*pageStats, error) {
	st := &pageStats{types: map[string]*typeStats{}}
	gz := map[string]int64{} // gzip size of each file loaded, by path
	sizeOf := func(file string) int64 {
		if n, ok := gz[file]; ok {
			return n
		}
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(file)))
		n := int64(0)
		if err == nil {
			n = gzipSize(b)
		}
		gz[file] = n
		return n
	}
	err := sitefiles.Each(public, ".html", func(rel string, b []byte) error {
		st.pages++
		if n := int64(len(b)); n > st.largestBytes {
			st.largest, st.largestBytes = "/"+rel, n
		}
		ts := st.types[pageType(rel)]
		if ts == nil {
			ts = &typeStats{}
			st.types[pageType(rel)] = ts
		}
		ts.pages++
		var script, style, lazy int64
		for _, t := range tags(b, "script") {
			if src := attr(t.attrs, "src"); src != "" {
				script += sizeOf(resolve(rel, src))
			} else {
				script += gzipSize(t.body)
			}
			for _, a := range []string{"data-echarts", "data-locale"} {
				if src := attr(t.attrs, a); src != "" {
					lazy += sizeOf(resolve(rel, src))
				}
			}
		}
		for _, t := range tags(b, "style") {
			style += gzipSize(t.body)
		}
		for _, t := range tags(b, "link") {
			if strings.EqualFold(attr(t.attrs, "rel"), "stylesheet") {
				style += sizeOf(resolve(rel, attr(t.attrs, "href")))
			}
		}
		ts.script, ts.style, ts.lazy = max(ts.script, script), max(ts.style, style), max(ts.lazy, lazy)
		return nil
	})
	return st, err
}

// A tag is an element found in a page: its attributes and, unless it is a
// link, its content.
type tag struct{ attrs, body []byte }

// tags finds the elements named name in page (lower case, as Hugo's
// minifier writes them). It scans with bytes.Index rather than a regular
// expression: the pages of a national site are hundreds of megabytes.
func tags(page []byte, name string) []tag {
	var out []tag
	open, end := []byte("<"+name), []byte("</"+name+">")
	for rest := page; ; {
		i := bytes.Index(rest, open)
		if i < 0 {
			return out
		}
		rest = rest[i+len(open):]
		if len(rest) == 0 || !(rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n') {
			continue // <scripts, <linkx: another element
		}
		j := bytes.IndexByte(rest, '>')
		if j < 0 {
			return out
		}
		t := tag{attrs: rest[:j]}
		rest = rest[j+1:]
		if name != "link" {
			k := bytes.Index(rest, end)
			if k < 0 {
				return out
			}
			t.body, rest = rest[:k], rest[k+len(end):]
		}
		out = append(out, t)
	}
}

// attr is the value of the attribute name in a tag's attributes.
func attr(attrs []byte, name string) string {
	for _, m := range reAttr.FindAllSubmatch(attrs, -1) {
		if strings.EqualFold(string(m[1]), name) {
			return strings.Trim(string(m[2]), `"'`)
		}
	}
	return ""
}

// resolve is the file a page at rel loads for ref: a path from the
// site's root, without query or fragment.
func resolve(rel, ref string) string {
	u, err := url.Parse(ref)
	if err != nil || u.Host != "" {
		return ""
	}
	if strings.HasPrefix(u.Path, "/") {
		return strings.TrimPrefix(u.Path, "/")
	}
	return path.Join(path.Dir(rel), u.Path)
}

func gzipSize(b []byte) int64 {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return int64(buf.Len())
}

// pageType names the type of the page at rel by the URL contract: the
// section ("areas"), an item of it ("areas/<id>"), "home" or "404".
func pageType(rel string) string {
	rel = strings.TrimPrefix(rel, "en/")
	if rel == "index.html" {
		return "home"
	}
	if rel == "404.html" {
		return "404"
	}
	parts := strings.Split(strings.TrimSuffix(rel, "/index.html"), "/")
	for key, dirs := range emit.Sections {
		for _, dir := range dirs {
			if parts[0] == dir {
				if len(parts) > 1 {
					return key + "/<id>"
				}
				return key
			}
		}
	}
	return "other"
}
