package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// floorFolder is how many pages writeFloor puts in one folder of content/.
const floorFolder = 1000

// writeFloor writes into dir Hugo's floor for a site of n pages: a
// project of n small markdown pages (and the sections that hold them) in
// two languages, as the site has, a one-line layout and no data, which
// Hugo builds as fast as it builds anything. The pipeline over the floor
// is what the theme and its data cost on top of Hugo itself.
func writeFloor(dir string, n int) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "/"
title = "floor"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]
defaultContentLanguage = "vi"
[languages.vi]
weight = 1
contentDir = "content/vi"
[languages.en]
weight = 2
contentDir = "content/en"
`,
		"layouts/page.html": "<!doctype html><html lang=\"{{ site.Language.Lang }}\"><title>{{ .Title }}</title>{{ .Content }}</html>\n",
		"layouts/list.html": "<!doctype html><html lang=\"{{ site.Language.Lang }}\"><title>{{ .Title }}</title>{{ .Content }}</html>\n",
	}
	for name, s := range files {
		if err := writeFloorFile(filepath.Join(dir, name), s); err != nil {
			return err
		}
	}
	// Half the pages in each language; the home page and each folder's
	// section page count among them, and so does the page Hugo writes at
	// /vi/ to send readers to the root, as it does for the site.
	for lang, count := range map[string]int{"vi": (n+1)/2 - 1, "en": n / 2} {
		root := filepath.Join(dir, "content", lang)
		sections := (count + floorFolder - 1) / floorFolder
		pages := max(count-1-sections, 0) // less the home page and the sections
		for i := range pages {
			name := filepath.Join(root, fmt.Sprintf("s%03d", i/floorFolder), fmt.Sprintf("p%05d.md", i))
			body := fmt.Sprintf("---\ntitle: \"Trang %d\"\n---\n\nMột đoạn văn ngắn của trang %d, với **chữ đậm** và [một liên kết](/).\n", i, i)
			if err := writeFloorFile(name, body); err != nil {
				return err
			}
		}
		for s := range sections {
			if err := writeFloorFile(filepath.Join(root, fmt.Sprintf("s%03d", s), "_index.md"), fmt.Sprintf("---\ntitle: \"Mục %d\"\n---\n", s)); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFloorFile(name, s string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(s), 0o644)
}
