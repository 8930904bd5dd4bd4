// Package load reads a data folder into a plan.Plan, keeping the position
// of every item and field so that later checks can name file, line and
// column.
//
// Each kind of item has its file, named after it (targets.yaml), or a
// folder of files with the same name (areas/*.yaml) for kinds that grow
// long. Decoding is strict: an unknown key, a duplicate key, a wrong type or
// a number written in a local habit (8,5 or 8.500) is a problem. Every
// problem of every file is reported, not just the first.
//
// Whatever is in the folder, reading it ends, in bounded memory: a file in
// the folder that is not a data file is named, with the likely fix; a link
// that leaves the folder or leads nowhere, and a special file (a named
// pipe, a device), is refused before it is opened; sizes are checked
// before files are read, and what decoding takes is counted as it goes
// (read.go).
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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

// Dir reads the data folder dir. Positions name files as dir joined with
// the file's path inside it. The problems are sorted; the plan is complete
// only when none of them is fatal. Links that leave the folder or lead
// nowhere, and files that are not ordinary files, are refused before they
// are opened.
func Dir(dir string) (*plan.Plan, plan.Problems) {
	return read(newFolder(os.DirFS(dir), dir, dir))
}

// FS reads a data folder from fsys; prefix is prepended to file names in
// positions. Sizes are bounded as for Dir; fs.FS knows no links.
func FS(fsys fs.FS, prefix string) (*plan.Plan, plan.Problems) {
	return read(newFolder(fsys, "", prefix))
}

// read reads the data folder f: it finds the data files, and the files
// it will not read, then reads and decodes the data files.
func read(f *folder) (*plan.Plan, plan.Problems) {
	p := &plan.Plan{}
	files, probs := f.find()
	jobs, more := f.readAll(files)
	probs = append(probs, more...)
	probs = append(probs, decodeAll(jobs, p, f.lim)...)
	probs.Sort()
	return p, probs
}

// find lists the data files of the folder and of the kinds' folders that
// are fit to read, and the problems of the others: links out of the
// folder, special files, missing files, files that are not data files.
func (f *folder) find() ([]file, plan.Problems) {
	var probs plan.Problems
	add := func(pr *plan.Problem) {
		if pr != nil {
			probs = append(probs, *pr)
		}
	}
	top, _ := fs.ReadDir(f.fsys, ".")
	listed := map[string]bool{}
	for _, e := range top {
		listed[e.Name()] = true
	}
	var files []file
	handled := map[string]bool{} // top-level names read or refused
	hasData := map[string]bool{} // kinds with a data file, fit to read or not
	folders := map[string][]fs.DirEntry{}
	for _, k := range kinds {
		// Only names as listed are read, so that Targets.yaml is not read
		// on a Mac and ignored on the Linux that publishes.
		if listed[k.name+".yaml"] {
			handled[k.name+".yaml"] = true
			hasData[k.name] = true
			fl, res, pr := f.look(k.name+".yaml", false)
			add(pr)
			if res == fit {
				fl.k = k
				files = append(files, fl)
			}
		}
		if k.keys == nil || !listed[k.name] {
			continue
		}
		_, res, pr := f.look(k.name, true)
		add(pr)
		if res == mismatch {
			continue // an ordinary file named like the folder: strays names it
		}
		handled[k.name] = true
		if res != fit {
			continue
		}
		entries, err := fs.ReadDir(f.fsys, k.name)
		if err != nil {
			probs = append(probs, plan.Problem{Pos: plan.Pos{File: f.name(k.name)},
				VI: "không đọc được thư mục: " + err.Error(), EN: "cannot read the folder: " + err.Error()})
			continue
		}
		folders[k.name] = entries
		for _, e := range entries {
			n := e.Name()
			if !strings.HasSuffix(n, ".yaml") || ignored(n) {
				continue
			}
			hasData[k.name] = true
			fl, res, pr := f.look(k.name+"/"+n, false)
			add(pr)
			if res == fit {
				fl.k = k
				files = append(files, fl)
			}
		}
	}
	if listed[boundariesFile] {
		handled[boundariesFile] = true
		fl, res, pr := f.look(boundariesFile, false)
		add(pr)
		if res == fit {
			fl.k = boundariesKind
			files = append(files, fl)
		}
	}
	stray, renamed := f.strays(top, handled, hasData, folders)
	probs = append(probs, stray...)
	for _, k := range kinds {
		if k.required && !hasData[k.name] && !renamed[k.name] {
			probs = append(probs, plan.Problem{Pos: plan.Pos{File: f.name(k.name + ".yaml")},
				VI: fmt.Sprintf("thiếu tệp %s.yaml: tạo tệp này (xem docs/data-format.md)", k.name),
				EN: fmt.Sprintf("missing file %s.yaml: create it (see docs/data-format.md)", k.name)})
		}
	}
	return files, probs
}

// readAll reads the files that are within the limits. Sizes are checked
// before anything is read, on the sizes find found, and read reads no more
// than those; items are counted once a file is read, before it is parsed.
func (f *folder) readAll(files []file) ([]*decodeJob, plan.Problems) {
	var probs plan.Problems
	var total int64
	var largest file
	fitting := files[:0]
	for _, fl := range files {
		if fl.size > f.lim.fileSize {
			probs = append(probs, f.tooLarge(fl))
			continue
		}
		total += fl.size
		if fl.size > largest.size || largest.rel == "" {
			largest = fl
		}
		fitting = append(fitting, fl)
	}
	if total > f.lim.totalSize {
		return nil, append(probs, f.tooMuch(largest, total))
	}
	var jobs []*decodeJob
	for _, fl := range fitting {
		src, err := f.read(fl)
		switch {
		case errors.Is(err, errChanged):
			probs = append(probs, plan.Problem{Pos: plan.Pos{File: f.name(fl.rel)},
				VI: "tệp thay đổi trong lúc đọc: chạy lại khi tệp đã được lưu xong",
				EN: "the file changed while it was read: run again once it is saved"})
			continue
		case err != nil:
			probs = append(probs, plan.Problem{Pos: plan.Pos{File: f.name(fl.rel)},
				VI: "không đọc được tệp: " + err.Error(), EN: "cannot read the file: " + err.Error()})
			continue
		}
		j := &decodeJob{file: f.name(fl.rel), src: src, k: fl.k, items: items(src), yamlOnly: f.yamlOnly}
		if j.items > f.lim.fileItems {
			probs = append(probs, f.lim.tooLong(j))
			continue
		}
		jobs = append(jobs, j)
	}
	return jobs, probs
}

// A decodeJob is one file to decode into a plan of its own.
type decodeJob struct {
	file  string
	src   string
	k     kind
	items int  // lines and values, which bound the memory parsing takes
	full  bool // the decoded data ran out of room in this file
	// yamlOnly has yaml.v3 parse the file even where parse would: for
	// the tests that compare the two.
	yamlOnly bool
	p        *plan.Plan
	probs    plan.Problems
}

// decodeAll decodes the files on every CPU, each into a plan of its own,
// then gathers their items into p in file order: the same plan as decoding
// them one after another, sooner when the areas are split over many files.
// Files are parsed together only while their items add up to at most the
// limit for one file (a file alone may reach it), so that the memory
// parsing holds does not grow with the number of CPUs; the decoded data
// shares lim.decoded.
func decodeAll(jobs []*decodeJob, p *plan.Plan, lim limits) plan.Problems {
	var budget atomic.Int64 // the memory the decoded data may still take
	budget.Store(lim.decoded)
	next := make(chan *decodeJob)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := sync.NewCond(&mu)
	busy := 0 // items being decoded
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			var ps parser // its memory serves file after file
			for j := range next {
				mu.Lock()
				for busy > 0 && busy+j.items > lim.fileItems {
					done.Wait()
				}
				busy += j.items
				mu.Unlock()
				j.p = &plan.Plan{}
				j.probs, j.full = decodeFile(j.file, j.src, j.k, j.p, &budget, &ps, j.yamlOnly)
				j.src = ""
				mu.Lock()
				busy -= j.items
				done.Broadcast()
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	return gather(jobs, p, lim)
}

// gather moves the items of the files' plans into p, in file order, with
// their problems. Each list of p is made once at its full length rather
// than grown file by file, a list that one file fills is taken as it is,
// and each file's plan is let go once gathered: items are held twice at
// most.
func gather(jobs []*decodeJob, p *plan.Plan, lim limits) plan.Problems {
	length := map[any]int{} // the lists of p, by pointer
	parts := map[any]int{}  // how many files fill each
	for _, j := range jobs {
		dst, src := j.k.target(p), j.k.target(j.p)
		for i := range dst {
			if s := reflect.ValueOf(src[i]).Elem(); s.Kind() == reflect.Slice && s.Len() > 0 {
				length[dst[i]] += s.Len()
				parts[dst[i]]++
			}
		}
	}
	for list, n := range length {
		if parts[list] > 1 {
			d := reflect.ValueOf(list).Elem()
			d.Set(reflect.MakeSlice(d.Type(), 0, n))
		}
	}
	var probs plan.Problems
	var longest *decodeJob
	full := false // the decoded data ran out of room
	for _, j := range jobs {
		if longest == nil || j.items > longest.items {
			longest = j
		}
		full = full || j.full
	}
	if full {
		// Which file ran out depends on the order they were decoded in;
		// the longest does not.
		probs = append(probs, lim.tooDense(longest))
	}
	for _, j := range jobs {
		probs = append(probs, j.probs...)
		dst, src := j.k.target(p), j.k.target(j.p)
		for i := range dst {
			d, s := reflect.ValueOf(dst[i]).Elem(), reflect.ValueOf(src[i]).Elem()
			switch {
			case d.Kind() != reflect.Slice:
				d.Set(s) // a record file (site, plan): there is one
			case parts[dst[i]] == 1 && s.Len() > 0:
				d.Set(s)
			default:
				d.Set(reflect.AppendSlice(d, s))
			}
		}
		j.p = nil
	}
	return probs
}

func filepathToSlash(s string) string { return strings.ReplaceAll(s, "\\", "/") }

const bom = "\xef\xbb\xbf"

// decodeFile decodes one file's text into the plan.
// room is the memory the decoded data may still take, shared by the
// files; full reports that this file ran out of it. Files are parsed by
// ps, or by yaml.v3 when ps leaves them to it or yamlOnly.
func decodeFile(file string, src string, k kind, p *plan.Plan, room *atomic.Int64, ps *parser, yamlOnly bool) (probs plan.Problems, full bool) {
	at := func(line, col int, vi, en string) (plan.Problems, bool) {
		return plan.Problems{{Pos: plan.Pos{File: file, Line: line, Col: col}, VI: vi, EN: en}}, false
	}
	src = strings.TrimPrefix(src, bom) // editors on Windows add one; it means nothing
	if !utf8.ValidString(src) {
		line, col := invalidUTF8(src)
		return at(line, col, "tệp không phải UTF-8: lưu lại tệp với bảng mã UTF-8",
			"the file is not UTF-8: save it again as UTF-8")
	}
	if onlyComments(src) {
		return at(1, 1, "tệp trống: thêm nội dung hoặc xóa tệp", "the file is empty: add its content or delete the file")
	}
	d := &decoder{file: file, src: src, room: room} // the decoded strings are substrings of src
	defer d.release()
	var root *yaml.Node
	ok := false
	if !yamlOnly {
		root, ok = ps.parse(src)
	}
	if !ok {
		root = &yaml.Node{}
		dec := yaml.NewDecoder(strings.NewReader(src))
		if err := dec.Decode(root); err != nil {
			line, col, vi, en := syntaxError(err, d.textLines())
			return at(line, col, vi, en)
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); err != io.EOF {
			line := extra.Line
			if err != nil {
				line, _, _, _ = syntaxError(err, d.textLines())
			}
			return at(line, 1, "tệp chỉ được có một tài liệu YAML: xóa dòng --- thứ hai",
				"a file holds one YAML document: remove the second --- line")
		}
	}
	doc := root.Content[0]
	if k.name == boundariesKind.name {
		decodeBoundaries(d, doc, p)
		return d.problems(), d.full
	}
	targets := k.target(p)
	if k.keys == nil {
		d.value(doc, reflect.ValueOf(targets[0]).Elem(), k.name, "")
		return d.problems(), d.full
	}
	if d.refuseAlias(doc, "") {
		return d.problems(), d.full
	}
	if doc.Kind != yaml.MappingNode {
		d.add(doc, "", fmt.Sprintf("tệp cần bắt đầu bằng khóa %s:", strings.Join(k.keys, ": hoặc ")),
			fmt.Sprintf("the file must start with the key %s:", strings.Join(k.keys, ": or ")))
		return d.problems(), d.full
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
		// A key appears once in a file: the list it fills is empty, and
		// takes the decoded items as they are.
		items := reflect.New(reflect.TypeOf(targets[i]).Elem()).Elem()
		if d.value(val, items, key.Value, ""); items.Len() > 0 {
			reflect.ValueOf(targets[i]).Elem().Set(items)
		}
	}
	return d.problems(), d.full
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// onlyComments reports whether src holds nothing but blank lines,
// comment lines and --- lines: a file that is empty.
func onlyComments(src string) bool {
	for l := range strings.Lines(src) {
		if t := strings.TrimSpace(l); len(t) > 0 && t[0] != '#' && t != "---" {
			return false
		}
	}
	return true
}

func invalidUTF8(src string) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRuneInString(src)
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
