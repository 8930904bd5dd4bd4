// Package load reads a data folder into a plan.Plan, keeping the position
// of every item and field so that later checks can name file, line and
// column.
//
// Each kind of item has its file, named after it (targets.yaml), or a
// folder of files with the same name (areas/*.yaml) for kinds that grow
// long. Decoding is strict: an unknown key, a duplicate key, a wrong type or
// a number written in a local habit (8,5 or 8.500) is a problem. Every
// problem of every file is reported, not just the first.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"plansite/generator/plan"
)

// A kind is one file name in the data folder and where its items go.
type kind struct {
	name     string // file name without .yaml, and folder name
	required bool
	// keys are the top-level keys of a list file, each with the slice of
	// the plan it fills; a nil keys means the file is one record.
	keys   []string
	target func(p *plan.Plan) []any
}

var kinds = []kind{
	{name: "site", required: true, target: func(p *plan.Plan) []any { return []any{&p.Site} }},
	{name: "plan", required: true, target: func(p *plan.Plan) []any { return []any{&p.Document} }},
	{name: "targets", required: true, keys: []string{"targets"}, target: func(p *plan.Plan) []any { return []any{&p.Targets} }},
	{name: "observations", keys: []string{"observations"}, target: func(p *plan.Plan) []any { return []any{&p.Observations} }},
	{name: "policies", required: true, keys: []string{"policies"}, target: func(p *plan.Plan) []any { return []any{&p.Policies} }},
	{name: "agencies", required: true, keys: []string{"agencies"}, target: func(p *plan.Plan) []any { return []any{&p.Agencies} }},
	{name: "areas", required: true, keys: []string{"areas"}, target: func(p *plan.Plan) []any { return []any{&p.Areas} }},
	{name: "sources", keys: []string{"sources"}, target: func(p *plan.Plan) []any { return []any{&p.Sources} }},
	{name: "budget", keys: []string{"funds", "lines"}, target: func(p *plan.Plan) []any { return []any{&p.Funds, &p.BudgetLines} }},
	{name: "reports", keys: []string{"reports"}, target: func(p *plan.Plan) []any { return []any{&p.Reports} }},
}

// MaxFileSize bounds one data file, so that a mistaken paste cannot exhaust
// memory.
const MaxFileSize = 32 << 20

// Dir reads the data folder dir. Positions name files as dir joined with
// the file's path inside it. The problems are sorted; the plan is complete
// only when none of them is fatal.
func Dir(dir string) (*plan.Plan, plan.Problems) {
	return FS(os.DirFS(dir), dir)
}

// FS reads a data folder from fsys; prefix is prepended to file names in
// positions.
func FS(fsys fs.FS, prefix string) (*plan.Plan, plan.Problems) {
	p := &plan.Plan{}
	var probs plan.Problems
	name := func(rel string) string {
		if prefix == "" || prefix == "." {
			return rel
		}
		return path.Join(filepathToSlash(prefix), rel)
	}
	known := map[string]bool{}
	var jobs []*decodeJob
	for _, k := range kinds {
		files := []string{k.name + ".yaml"}
		known[k.name+".yaml"] = true
		known[k.name] = true
		if k.keys != nil {
			more, _ := fs.Glob(fsys, k.name+"/*.yaml")
			sort.Strings(more)
			files = append(files, more...)
			others, _ := fs.ReadDir(fsys, k.name)
			for _, e := range others {
				if n := e.Name(); !e.IsDir() && !strings.HasSuffix(n, ".yaml") && !strings.HasPrefix(n, ".") {
					f := k.name + "/" + n
					probs = append(probs, plan.Problem{Pos: plan.Pos{File: name(f)},
						VI: fmt.Sprintf("tệp không được đọc %q: tệp dữ liệu cần đuôi .yaml", n),
						EN: fmt.Sprintf("file %q is not read: data files end in .yaml", n)})
				}
			}
		}
		found := 0
		for _, f := range files {
			src, err := fs.ReadFile(fsys, f)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			found++
			if err != nil {
				probs = append(probs, plan.Problem{Pos: plan.Pos{File: name(f)},
					VI: "không đọc được tệp: " + err.Error(), EN: "cannot read the file: " + err.Error()})
				continue
			}
			jobs = append(jobs, &decodeJob{file: name(f), src: src, k: k})
		}
		if found == 0 && k.required {
			probs = append(probs, plan.Problem{Pos: plan.Pos{File: name(k.name + ".yaml")},
				VI: fmt.Sprintf("thiếu tệp %s.yaml: tạo tệp này (xem docs/data-format.md)", k.name),
				EN: fmt.Sprintf("missing file %s.yaml: create it (see docs/data-format.md)", k.name)})
		}
	}
	probs = append(probs, decodeAll(jobs, p)...)
	probs = append(probs, strayFiles(fsys, known, name)...)
	probs.Sort()
	return p, probs
}

// A decodeJob is one file to decode into a plan of its own.
type decodeJob struct {
	file  string
	src   []byte
	k     kind
	p     *plan.Plan
	probs plan.Problems
}

// decodeAll decodes the files on every CPU, each into a plan of its own,
// then gathers their items into p in file order: the same plan as decoding
// them one after another, sooner when the areas are split over many files.
func decodeAll(jobs []*decodeJob, p *plan.Plan) plan.Problems {
	next := make(chan *decodeJob)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				j.p = &plan.Plan{}
				j.probs = decodeFile(j.file, j.src, j.k, j.p)
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	var probs plan.Problems
	for _, j := range jobs {
		probs = append(probs, j.probs...)
		dst, src := j.k.target(p), j.k.target(j.p)
		for i := range dst {
			d, s := reflect.ValueOf(dst[i]).Elem(), reflect.ValueOf(src[i]).Elem()
			if d.Kind() == reflect.Slice {
				d.Set(reflect.AppendSlice(d, s))
			} else {
				d.Set(s) // a record file (site, plan): there is one
			}
		}
	}
	return probs
}

func filepathToSlash(s string) string { return strings.ReplaceAll(s, "\\", "/") }

// strayFiles reports YAML files the loader would not read, such as a
// misspelled targtes.yaml, so that an edit is never silently ignored.
func strayFiles(fsys fs.FS, known map[string]bool, name func(string) string) plan.Problems {
	var probs plan.Problems
	entries, _ := fs.ReadDir(fsys, ".")
	var names []string
	for _, k := range kinds {
		names = append(names, k.name+".yaml")
	}
	for _, e := range entries {
		n := e.Name()
		isYAML := strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
		if known[n] || !isYAML {
			continue
		}
		hint := ""
		if s := suggest(strings.TrimSuffix(strings.TrimSuffix(n, ".yml"), ".yaml")+".yaml", names); s != "" {
			hint = s
		}
		vi := fmt.Sprintf("tệp không được đọc %q: đặt tên theo docs/data-format.md", n)
		en := fmt.Sprintf("file %q is not read: name it as docs/data-format.md says", n)
		if hint != "" {
			vi = fmt.Sprintf("tệp không được đọc %q: có phải ý bạn là %q?", n, hint)
			en = fmt.Sprintf("file %q is not read: did you mean %q?", n, hint)
		}
		probs = append(probs, plan.Problem{Pos: plan.Pos{File: name(n)}, VI: vi, EN: en})
	}
	return probs
}

var bom = []byte("\xef\xbb\xbf")

// decodeFile decodes one file's bytes into the plan.
func decodeFile(file string, src []byte, k kind, p *plan.Plan) plan.Problems {
	at := func(line, col int, vi, en string) plan.Problems {
		return plan.Problems{{Pos: plan.Pos{File: file, Line: line, Col: col}, VI: vi, EN: en}}
	}
	if len(src) > MaxFileSize {
		return at(0, 0, fmt.Sprintf("tệp quá lớn (%d byte, tối đa %d)", len(src), MaxFileSize),
			fmt.Sprintf("file too large (%d bytes, at most %d)", len(src), MaxFileSize))
	}
	src = bytes.TrimPrefix(src, bom) // editors on Windows add one; it means nothing
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		return at(line, col, "tệp không phải UTF-8: lưu lại tệp với bảng mã UTF-8",
			"the file is not UTF-8: save it again as UTF-8")
	}
	if len(bytes.TrimSpace(stripComments(src))) == 0 {
		return at(1, 1, "tệp trống: thêm nội dung hoặc xóa tệp", "the file is empty: add its content or delete the file")
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&root); err != nil {
		line, col, vi, en := syntaxError(err, lines)
		return at(line, col, vi, en)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		line := extra.Line
		if err != nil {
			line, _, _, _ = syntaxError(err, lines)
		}
		return at(line, 1, "tệp chỉ được có một tài liệu YAML: xóa dòng --- thứ hai",
			"a file holds one YAML document: remove the second --- line")
	}
	d := &decoder{file: file, lines: lines}
	doc := root.Content[0]
	targets := k.target(p)
	if k.keys == nil {
		d.value(doc, reflect.ValueOf(targets[0]).Elem(), k.name, "")
		return d.probs
	}
	if d.refuseAlias(doc, "") {
		return d.probs
	}
	if doc.Kind != yaml.MappingNode {
		d.add(doc, "", fmt.Sprintf("tệp cần bắt đầu bằng khóa %s:", strings.Join(k.keys, ": hoặc ")),
			fmt.Sprintf("the file must start with the key %s:", strings.Join(k.keys, ": or ")))
		return d.probs
	}
	seen := map[string]bool{}
	for j := 0; j+1 < len(doc.Content); j += 2 {
		key, val := doc.Content[j], doc.Content[j+1]
		if d.refuseAlias(key, "") || d.refuseAlias(val, "") {
			continue
		}
		i := indexOf(k.keys, key.Value)
		switch {
		case i < 0:
			d.unknownKey(key, "", k.keys)
			continue
		case seen[key.Value]:
			d.add(key, "", fmt.Sprintf("khóa %q bị lặp: gộp hai danh sách làm một", key.Value),
				fmt.Sprintf("duplicate key %q: merge the two lists into one", key.Value))
			continue
		}
		seen[key.Value] = true
		// Items of a kind split over several files are appended in file order.
		dst := reflect.ValueOf(targets[i]).Elem()
		items := reflect.New(dst.Type()).Elem()
		d.value(val, items, key.Value, "")
		dst.Set(reflect.AppendSlice(dst, items))
	}
	return d.probs
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// stripComments drops comment lines, so that a file of only comments
// counts as empty.
func stripComments(src []byte) []byte {
	var b bytes.Buffer
	for _, l := range bytes.Split(src, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' && !bytes.Equal(t, []byte("---")) {
			b.Write(l)
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}
