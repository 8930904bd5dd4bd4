package load

import (
	"reflect"

	"plansite/generator/plan"
)

// A File describes one kind of data file as the loader reads it, for tools
// that describe the files to editors (the JSON Schemas).
type File struct {
	// Name is the file name without .yaml, and the folder name for a kind
	// that may be split over several files.
	Name     string
	Required bool
	// Keys are the top-level keys of a list file and Types the slice type
	// each fills ([]plan.Target); a record file (site, plan) has no keys
	// and one type, the record's.
	Keys  []string
	Types []reflect.Type
}

// Files lists the data files in the order the loader reads them.
func Files() []File {
	var out []File
	for _, k := range kinds {
		f := File{Name: k.name, Required: k.required, Keys: k.keys}
		for _, ptr := range k.target(&plan.Plan{}) {
			f.Types = append(f.Types, reflect.TypeOf(ptr).Elem())
		}
		out = append(out, f)
	}
	return out
}
