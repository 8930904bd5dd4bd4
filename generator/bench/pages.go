package main

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"plansite/generator/emit"
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
	script, style int64 // bytes, gzip
}

var (
	reScript = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	reStyle  = regexp.MustCompile(`(?is)<style\b[^>]*>(.*?)</style>`)
	reLink   = regexp.MustCompile(`(?is)<link\b([^>]*)>`)
	reSrc    = regexp.MustCompile(`(?i)\b(src|href|rel)=("[^"]*"|'[^']*'|[^\s>]+)`)
)

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
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
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
		var script, style int64
		for _, m := range reScript.FindAllSubmatch(b, -1) {
			if src := attr(m[1], "src"); src != "" {
				script += sizeOf(resolve(rel, src))
			} else {
				script += gzipSize(m[2])
			}
		}
		for _, m := range reStyle.FindAllSubmatch(b, -1) {
			style += gzipSize(m[1])
		}
		for _, m := range reLink.FindAllSubmatch(b, -1) {
			if strings.EqualFold(attr(m[1], "rel"), "stylesheet") {
				style += sizeOf(resolve(rel, attr(m[1], "href")))
			}
		}
		ts.script, ts.style = max(ts.script, script), max(ts.style, style)
		return nil
	})
	return st, err
}

// attr is the value of the attribute name in a tag's attributes.
func attr(attrs []byte, name string) string {
	for _, m := range reSrc.FindAllSubmatch(attrs, -1) {
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
