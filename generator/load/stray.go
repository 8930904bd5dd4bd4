package load

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"plansite/generator/plan"
)

// ignored reports whether a name in the data folder is passed over without
// a word: hidden files, which tools make and editors do not see (.DS_Store,
// .gitkeep, ._targets.yaml that macOS leaves on USB sticks), the litter of
// Windows' file browser, and a README or LICENSE that documents the data.
func ignored(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, ".") || strings.HasPrefix(n, "readme") ||
		strings.HasPrefix(n, "license") || strings.HasPrefix(n, "licence") ||
		n == "thumbs.db" || n == "desktop.ini"
}

// How a file name relates to data files.
const (
	foreign  = iota // another kind of file: photo.jpg, plan.docx
	yamlName        // ends in .yaml or .yml, in any case: targtes.yaml, Areas.YML
	yamlMore        // a YAML name with more after it: observations.yaml.txt, areas.yaml.bak
	text            // .txt or no extension: observations.txt, observations
)

// dataName splits a file name into the name of the data file it may have
// been, without extension, and how it relates to a data file.
func dataName(name string) (base string, how int) {
	parts := strings.Split(name, ".")
	for i := 1; i < len(parts); i++ {
		if strings.EqualFold(parts[i], "yaml") || strings.EqualFold(parts[i], "yml") {
			if i == len(parts)-1 {
				return strings.Join(parts[:i], "."), yamlName
			}
			return strings.Join(parts[:i], "."), yamlMore
		}
	}
	switch {
	case len(parts) == 1:
		return name, text
	case strings.EqualFold(parts[len(parts)-1], "txt"):
		return strings.Join(parts[:len(parts)-1], "."), text
	}
	return "", foreign
}

// kindOf is the kind a top-level name without extension means, written
// exactly or nearly (targtes).
func kindOf(base string) (kind, bool) {
	var names []string
	for _, k := range kinds {
		names = append(names, k.name)
	}
	s := strings.ToLower(base)
	if indexOf(names, s) < 0 {
		s = suggest(s, names)
	}
	for _, k := range kinds {
		if k.name == s {
			return k, true
		}
	}
	return kind{}, false
}

// strays reports the files and folders of the data folder, and of the
// folders of split kinds, that the loader does not read, so that an edit
// is never silently ignored. A file that looks like a data file whose
// proper name is then missing is an error that says to rename it
// (observations.yaml.txt, as Notepad saves it); so is any file ending in
// .yaml or .yml; other files are warnings. renamed holds the kinds a
// rename is asked for, whose missing file needs no problem of its own.
func (f *folder) strays(top []fs.DirEntry, handled, hasData map[string]bool, folders map[string][]fs.DirEntry) (probs plan.Problems, renamed map[string]bool) {
	renamed = map[string]bool{}
	var splits []string
	for _, k := range kinds {
		if k.keys != nil {
			splits = append(splits, k.name)
		}
	}
	problem := func(rel string, sev plan.Severity, vi, en string) {
		probs = append(probs, plan.Problem{Pos: plan.Pos{File: f.name(rel)}, VI: vi, EN: en, Severity: sev})
	}
	notRead := func(rel string, sev plan.Severity, vi, en string) {
		n := path.Base(rel)
		problem(rel, sev, fmt.Sprintf("tệp không được đọc %q: %s", n, vi), fmt.Sprintf("file %q is not read: %s", n, en))
	}
	foreignFile := func(rel string) {
		notRead(rel, plan.Warning, "tệp dữ liệu có đuôi .yaml; nếu đây không phải dữ liệu, hãy chuyển nó ra khỏi thư mục dữ liệu",
			"data files end in .yaml; if it is not data, move it out of the data folder")
	}
	copyOf := func(rel, want string, how int) {
		sev := plan.Warning
		if how == yamlName {
			sev = plan.Fatal
		}
		notRead(rel, sev, fmt.Sprintf("dữ liệu chỉ được đọc từ %s; chuyển phần cần dùng sang đó rồi xóa tệp này", want),
			fmt.Sprintf("the data is read from %s only; move what is needed there, then delete this file", want))
	}
	for _, e := range top {
		n := e.Name()
		if handled[n] || ignored(n) {
			continue
		}
		if f.isDir(n, e) {
			if k, ok := kindOf(n); ok && k.name == n && k.keys == nil {
				problem(n, plan.Warning, fmt.Sprintf("thư mục không được đọc %q: %s là một tệp duy nhất, %s.yaml", n, n, n),
					fmt.Sprintf("folder %q is not read: %s is one file, %s.yaml", n, n, n))
				continue
			}
			problem(n, plan.Warning,
				fmt.Sprintf("thư mục không được đọc %q: chỉ các thư mục %s được đọc; chuyển nó ra khỏi thư mục dữ liệu", n, strings.Join(splits, ", ")),
				fmt.Sprintf("folder %q is not read: only the folders %s are; move it out of the data folder", n, strings.Join(splits, ", ")))
			continue
		}
		base, how := dataName(n)
		k, isKind := kindOf(base)
		want := k.name + ".yaml"
		switch {
		case how == foreign:
			foreignFile(n)
		case isKind && !hasData[k.name]:
			renamed[k.name] = true
			notRead(n, plan.Fatal, "đổi tên thành "+want, "rename it to "+want)
		case isKind && strings.EqualFold(base, k.name):
			if !listed(top, want) {
				want = k.name + "/*.yaml"
			}
			copyOf(n, want, how)
		case isKind && how == yamlName:
			notRead(n, plan.Fatal, fmt.Sprintf("có phải ý bạn là %q?", want), fmt.Sprintf("did you mean %q?", want))
		case how == yamlName:
			notRead(n, plan.Fatal, "đặt tên theo docs/data-format.md", "name it as docs/data-format.md says")
		default:
			foreignFile(n)
		}
	}
	for _, dir := range slices.Sorted(maps.Keys(folders)) {
		entries := folders[dir]
		for _, e := range entries {
			n := e.Name()
			rel := dir + "/" + n
			if strings.HasSuffix(n, ".yaml") || ignored(n) {
				continue
			}
			if f.isDir(rel, e) {
				problem(rel, plan.Warning, fmt.Sprintf("thư mục không được đọc %q: đặt các tệp của nó thẳng trong %s/", n, dir),
					fmt.Sprintf("folder %q is not read: put its files directly in %s/", n, dir))
				continue
			}
			base, how := dataName(n)
			want := base + ".yaml"
			switch {
			case how == foreign:
				foreignFile(rel)
			case how == text:
				notRead(rel, plan.Warning, "tệp dữ liệu có đuôi .yaml; nếu tệp chứa dữ liệu, đổi tên thành "+want,
					"data files end in .yaml; if it holds data, rename it to "+want)
			case !listed(entries, want):
				notRead(rel, plan.Fatal, "đổi tên thành "+want, "rename it to "+want)
			default:
				copyOf(rel, dir+"/"+want, how)
			}
		}
	}
	return probs, renamed
}

// isDir reports whether the entry rel is a folder or a link to one.
func (f *folder) isDir(rel string, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	// Stat follows the link without opening what it leads to.
	info, err := fs.Stat(f.fsys, rel)
	return err == nil && info.IsDir()
}

func listed(entries []fs.DirEntry, name string) bool {
	for _, e := range entries {
		if e.Name() == name {
			return true
		}
	}
	return false
}
