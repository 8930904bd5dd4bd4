package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// A Change is a data file and its new text.
type Change struct {
	Path     string
	Old, New []byte
}

// Apply writes the records into the data files of dir, in memory: it
// returns the files that change, with their old and new text. A record
// for an item the data has is merged into it (its values replaced, its
// missing keys added); another is added to its list, in year order.
func Apply(dir string, recs []Record) ([]Change, Problems) {
	files := map[string]*yamlFile{}
	var order []string
	open := func(path string) (*yamlFile, error) {
		if f, ok := files[path]; ok {
			return f, nil
		}
		b, err := os.ReadFile(path)
		if os.IsNotExist(err) && filepath.Dir(path) == dir {
			// A kind's file the data does not have yet (observations.yaml):
			// made with the list the records go into.
			b, err = []byte(newFiles[filepath.Base(path)]), nil
		}
		if err != nil {
			return nil, err
		}
		f, err := parseYAML(path, b)
		if err != nil {
			return nil, err
		}
		files[path] = f
		order = append(order, path)
		return f, nil
	}
	var probs Problems
	for _, r := range recs {
		var err error
		switch r.Kind.Name {
		case "households":
			err = applyFigure(dir, open, r)
		case "budget":
			err = applyItem(dir, open, "budget", "lines", r, []string{"policy", "fund", "year", "area"})
		case "results":
			err = applyItem(dir, open, "observations", "observations", r, []string{"target", "area", "year"})
		}
		if err != nil {
			probs = append(probs, Problem{Where: r.Where, VI: "không ghi được vào dữ liệu: " + err.Error(), EN: "cannot write it into the data: " + err.Error()})
		}
	}
	var changes []Change
	for _, path := range order {
		f := files[path]
		if len(f.edits) == 0 {
			continue
		}
		old := []byte(joinLines(f.lines))
		if nb := f.Bytes(); string(nb) != string(old) {
			changes = append(changes, Change{Path: path, Old: old, New: nb})
		}
	}
	return changes, probs
}

func joinLines(lines []string) string {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b := make([]byte, 0, n)
	for _, l := range lines {
		b = append(b, l...)
	}
	return string(b)
}

// newFiles are the files import makes when the data has none of a kind.
var newFiles = map[string]string{
	"observations.yaml": "observations: []\n",
	"budget.yaml":       "funds: []\nlines: []\n",
}

// dataFiles are the files of a kind: name.yaml and name/*.yaml, sorted.
func dataFiles(dir, name string) []string {
	var paths []string
	if _, err := os.Stat(filepath.Join(dir, name+".yaml")); err == nil {
		paths = append(paths, filepath.Join(dir, name+".yaml"))
	}
	more, _ := filepath.Glob(filepath.Join(dir, name, "*.yaml"))
	sort.Strings(more)
	return append(paths, more...)
}

// applyFigure writes a row of households into the figures of its area.
func applyFigure(dir string, open func(string) (*yamlFile, error), r Record) error {
	for _, path := range dataFiles(dir, "areas") {
		f, err := open(path)
		if err != nil {
			return err
		}
		areas := get(f.root, "areas")
		if areas == nil || areas.Kind != yaml.SequenceNode {
			continue
		}
		for _, a := range areas.Content {
			if id := get(a, "id"); id == nil || id.Value != r.Area {
				continue
			}
			if a.Style == yaml.FlowStyle {
				return fmt.Errorf("%s: area %s is written on one line ({…}): write it one key a line first", path, r.Area)
			}
			figs := get(a, "figures")
			before := -1
			if figs != nil && figs.Kind == yaml.SequenceNode {
				for i, fig := range figs.Content {
					y := yearOf(fig)
					if y == r.Year && get(fig, "half") == nil {
						if fig.Style == yaml.FlowStyle {
							return fmt.Errorf("%s:%d: the figure of %d is written on one line ({…}): write it one key a line first", path, fig.Line, y)
						}
						f.setFields(fig, r.Fields)
						return nil
					}
					if y > r.Year && before < 0 {
						before = i
					}
				}
			}
			fields := append([]field{{"year", strconv.Itoa(r.Year)}}, r.Fields...)
			return f.insertItem(a, "figures", before, fields)
		}
	}
	return fmt.Errorf("area %s is in no areas file", r.Area)
}

// applyItem writes a row into the list key of the kind's files (budget
// lines, observations): into the item with the same values at match, or
// as a new item at the end of the first file's list.
func applyItem(dir string, open func(string) (*yamlFile, error), name, key string, r Record, match []string) error {
	want := map[string]string{"year": strconv.Itoa(r.Year), "area": r.Area}
	for k, v := range r.Ref {
		want[k] = v
	}
	paths := dataFiles(dir, name)
	var first *yamlFile
	for _, path := range paths {
		f, err := open(path)
		if err != nil {
			return err
		}
		list := get(f.root, key)
		if list == nil {
			continue
		}
		if first == nil {
			first = f
		}
		if list.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range list.Content {
			same := get(it, "half") == nil
			for _, k := range match {
				v := ""
				if n := get(it, k); n != nil {
					v = n.Value
				}
				same = same && v == want[k]
			}
			if same {
				if it.Style == yaml.FlowStyle {
					return fmt.Errorf("%s:%d: the item is written on one line ({…}): write it one key a line first", path, it.Line)
				}
				f.setFields(it, r.Fields)
				return nil
			}
		}
	}
	if first == nil && len(paths) == 0 {
		f, err := open(filepath.Join(dir, name+".yaml"))
		if err != nil {
			return err
		}
		first = f
	}
	if first == nil {
		return fmt.Errorf("no %s file with %s: in %s", name, key, dir)
	}
	var fields []field
	for _, k := range match {
		if v := want[k]; v != "" {
			fields = append(fields, field{k, yamlString(v)})
		}
	}
	for i := range fields {
		if fields[i].key == "year" {
			fields[i].value = strconv.Itoa(r.Year)
		}
	}
	return first.insertItem(first.root, key, -1, append(fields, r.Fields...))
}

func yearOf(n *yaml.Node) int {
	if y := get(n, "year"); y != nil {
		v, _ := strconv.Atoi(y.Value)
		return v
	}
	return 0
}
