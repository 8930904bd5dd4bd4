// Package emit writes the Hugo project for a checked plan: the site
// configuration, one content page per URL of the contract, the data the
// templates render, and the theme. The generator decides what the site
// says; Hugo only renders it.
//
// Site writes only files whose bytes changed and removes files it no
// longer produces, so that Hugo's server and a nightly sync do the least
// work. It never touches the built site in public/.
package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"plansite/generator/chart"
	"plansite/generator/opendata"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// Files is the emitted project: slash-separated paths relative to the
// site folder, and their bytes.
type Files map[string][]byte

// Managed are the folders of the site whose files emit owns; anything else
// in the site folder (public/, resources/) is left alone.
var Managed = []string{"content", "data", "themes", "static", "assets"}

// Build assembles the Hugo project for p, its progress r and its charts
// cs with the theme from theme. The open data files go under static/, so
// that they are served language-neutral at /data/; so do the charts'
// options and data, at /charts/<lang>/.
func Build(p *plan.Plan, r *progress.Report, cs []chart.Chart, theme fs.FS) (Files, error) {
	files := Files{}
	files["hugo.toml"] = config(p)
	// The open data is written meanwhile: its workbooks take a while at
	// national scale, and it only reads the plan and the report.
	type openData struct {
		static    map[string][]byte
		resources []opendata.Resource
		err       error
	}
	od := make(chan openData, 1)
	go func() {
		s, res, err := opendata.Files(p, r)
		od <- openData{s, res, err}
	}()
	v := view(p, r)
	addCharts(&v, cs)
	charts, err := chartFiles(cs)
	if err != nil {
		return nil, err
	}
	for name, b := range charts {
		files[name] = b
	}
	areaPages := v.areaPages
	v.areaPages = nil // not in site.json: the pages need only the summaries
	// The pages, their search index, the area pages' file and the cards
	// need nothing of the open data: they are made while it is written.
	ps := pages(p, &v)
	if err := searchFiles(files, &v, ps); err != nil {
		return nil, err
	}
	if err := areaPagesFiles(files, ps, areaPages); err != nil {
		return nil, err
	}
	for _, pg := range ps {
		if isAreaPage(pg) {
			continue // in AreaPagesFile
		}
		for _, lang := range languages {
			path := "content/" + string(lang.Code) + "/" + pg.path(lang.Code)
			files[path] = pg.content(lang.Code)
		}
	}
	if err := cardFiles(files, ps, theme, v.Title); err != nil {
		return nil, err
	}
	o := <-od
	if o.err != nil {
		return nil, fmt.Errorf("open data: %w", o.err)
	}
	static := o.static
	for _, res := range o.resources {
		v.Files = append(v.Files, fileView{Path: "/" + res.Path, Format: res.Format, MediaType: res.MediaType, Bytes: res.Bytes, Rows: res.Rows,
			Title: plan.Text{VI: res.Title.VI, EN: res.Title.EN}, Description: plan.Text{VI: res.Description.VI, EN: res.Description.EN}})
	}
	note := opendata.CSVNote()
	v.CSVNote = plan.Text{VI: note.VI, EN: note.EN}
	b, err := marshal(v)
	if err != nil {
		return nil, err
	}
	files["data/site.json"] = b
	for name, b := range static {
		files["static/"+name] = b
	}
	files["static/_headers"] = headersFile()
	err = fs.WalkDir(theme, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, path)
		if err != nil {
			return err
		}
		files["themes/plansite/"+path] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the theme: %w", err)
	}
	return files, nil
}

// marshal is deterministic JSON with a final newline; encoding/json sorts
// map keys and escapes <, > and & so that data cannot close a script tag.
// It is not indented: at national scale indenting doubles the bytes. The
// slice is exactly as long as the JSON: thousands of them are kept until
// they are written.
func marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(b)+1)
	copy(out, b)
	out[len(b)] = '\n'
	return out, nil
}

// A language is how the site is published in one of plan.Langs.
type language struct {
	Code   plan.Lang
	Name   string // in itself, for the language switch
	Locale string
	Weight int
}

// languages are the site's languages: Vietnamese at the root, English
// under /en/.
var languages = []language{
	{Code: plan.VI, Name: "Tiếng Việt", Locale: "vi-VN", Weight: 1},
	{Code: plan.EN, Name: "English", Locale: "en-GB", Weight: 2},
}

func config(p *plan.Plan) []byte {
	var b bytes.Buffer
	base := p.Site.BaseURL
	if base == "" {
		base = "/"
	}
	fmt.Fprintf(&b, "baseURL = %s\n", tomlString(base))
	absolute := plan.Absolute(base)
	if !absolute {
		// A sitemap of relative addresses is invalid: none rather than one.
		b.WriteString("disableKinds = [\"taxonomy\", \"term\", \"sitemap\"]\n")
	} else {
		b.WriteString("disableKinds = [\"taxonomy\", \"term\"]\n")
	}
	b.WriteString(`defaultContentLanguage = "vi"
disableHugoGeneratorInject = true
defaultContentLanguageInSubdir = false
disableDefaultLanguageRedirect = true
theme = "plansite"
enableRobotsTXT = true
timeZone = "Asia/Ho_Chi_Minh"

[markup.goldmark.renderer]
unsafe = false

# HTML only: the one feed is the reports section's, which asks for it in
# its front matter. Hugo's default feeds (the home page's lists every page,
# 23,000 of them at national scale) would cost minutes and serve no one.
[outputs]
home = ["html"]
section = ["html"]
page = ["html"]

[params]
`)
	fmt.Fprintf(&b, "demo = %t\n", p.Site.Demo)
	// absolute: the pages write canonical, hreflang and og:url links.
	fmt.Fprintf(&b, "absolute = %t\n", absolute)
	fmt.Fprintf(&b, "csp = %s\n", tomlString(MetaPolicy()))
	for _, l := range languages {
		fmt.Fprintf(&b, "\n[languages.%s]\ncontentDir = %s\nlocale = %s\nlabel = %s\nweight = %d\ntitle = %s\n",
			l.Code, tomlString("content/"+string(l.Code)), tomlString(l.Locale), tomlString(l.Name), l.Weight, tomlString(p.Site.Title.In(l.Code)))
	}
	return b.Bytes()
}

// tomlString quotes s as a TOML basic string (JSON's escapes are valid TOML).
func tomlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Write makes dir hold exactly files within the managed folders: it writes
// files whose bytes differ, removes managed files no longer produced, and
// leaves everything else alone. It reports how many files it wrote.
//
// A file in a folder that Write has just made is new: it is written
// without looking for one already there, so that a build into a fresh
// folder only creates files (tens of thousands at national scale); and
// only the managed folders that were there before are searched for files
// to remove.
func Write(dir string, files Files) (int, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	made, err := makeDirs(dir, paths)
	if err != nil {
		return 0, err
	}
	// Compared and written on every CPU, and a few more writers than CPUs,
	// since a writer on a disk waits for it. The result does not depend on
	// the order.
	wrote := make([]bool, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				full := filepath.Join(dir, filepath.FromSlash(paths[i]))
				wrote[i], errs[i] = writeFile(full, files[paths[i]], made[path.Dir(paths[i])])
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	written := 0
	for i := range paths {
		if errs[i] != nil {
			return written, errs[i]
		}
		if wrote[i] {
			written++
		}
	}
	for _, m := range Managed {
		if made[m] {
			continue // new: it holds only what was just written
		}
		root := filepath.Join(dir, m)
		var stale []string
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(dir, path)
			if _, ok := files[filepath.ToSlash(rel)]; !ok {
				stale = append(stale, path)
			}
			return nil
		})
		if err != nil {
			return written, err
		}
		for _, s := range stale {
			if err := os.Remove(s); err != nil {
				return written, err
			}
		}
		removeEmptyDirs(root)
	}
	return written, nil
}

// makeDirs makes the folders of paths (slash-separated, relative to dir)
// that do not exist yet, each once, and reports which folders it made,
// by slash-separated path. A folder whose parent it made is new too, and
// is made without looking for it first.
func makeDirs(dir string, paths []string) (map[string]bool, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	made := map[string]bool{}
	seen := map[string]bool{".": true}
	var mk func(d string) error
	mk = func(d string) error {
		if seen[d] {
			return nil
		}
		seen[d] = true
		parent := path.Dir(d)
		if err := mk(parent); err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(d))
		if !made[parent] {
			if st, err := os.Stat(full); err == nil && st.IsDir() {
				return nil
			}
		}
		if err := os.Mkdir(full, 0o755); err != nil {
			return err
		}
		made[d] = true
		return nil
	}
	for _, p := range paths {
		if err := mk(path.Dir(p)); err != nil {
			return nil, err
		}
	}
	return made, nil
}

// writeFile writes b to full unless full holds b already, and reports
// whether it wrote. A file known to be new (its folder was just made) is
// written without looking; one of another size is not read.
func writeFile(full string, b []byte, isNew bool) (bool, error) {
	if !isNew {
		if st, err := os.Stat(full); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(b)) {
			if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, b) {
				return false, nil
			}
		}
	}
	return true, os.WriteFile(full, b, 0o644)
}

func removeEmptyDirs(root string) {
	var dirs []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, path)
		}
		return nil
	})
	for i := len(dirs) - 1; i > 0; i-- { // deepest first; keep root
		_ = os.Remove(dirs[i]) // fails, as it should, when not empty
	}
}
