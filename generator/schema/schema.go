// Package schema writes a JSON Schema for each data file, from the Go types
// the loader fills, so that editors that read schemas (VS Code and
// github.dev with the YAML extension, IntelliJ, …) complete keys and
// underline mistakes while an editor types. Each data file names its
// schema in its first line:
//
//	# yaml-language-server: $schema=../schemas/targets.schema.json
//
// The schemas are written to schemas/ at the repository root; a test
// regenerates them and fails when they differ from the types (go test
// ./generator/schema -update rewrites them). Descriptions, in Vietnamese
// then English, come from the table in docs.go, keyed by type and field.
//
// A schema accepts what the loader accepts and a little less: it asks for
// the keys the checker requires, the values it allows and ids in the form
// it allows, but it cannot see across files (a reference to an id that
// does not exist is left to the checker). Like the loader it takes an
// empty value for an absent one.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"plansite/generator/load"
	"plansite/generator/plan"
)

// Draft is the JSON Schema version written: draft-07, the newest that every
// common editor extension reads completely.
const Draft = "http://json-schema.org/draft-07/schema#"

// Dir is the folder of the schemas, relative to the repository root.
const Dir = "schemas"

// Kinds lists the data files that have a schema, by name without .yaml,
// in the loader's order.
func Kinds() []string {
	var ks []string
	for _, f := range load.Files() {
		ks = append(ks, f.Name)
	}
	return ks
}

// File is the schema's file name for kind: targets.schema.json.
func File(kind string) string { return kind + ".schema.json" }

// Comment is the first line of a data file of kind at depth folders below
// the repository root (1 for data/targets.yaml), naming its schema.
func Comment(kind string, depth int) string {
	return "# yaml-language-server: $schema=" + strings.Repeat("../", depth) + Dir + "/" + File(kind)
}

// For is the JSON Schema of the data file kind ("targets"), indented, with
// a final newline.
func For(kind string) ([]byte, error) {
	for _, f := range load.Files() {
		if f.Name == kind {
			return (&writer{defs: map[string]bool{}}).file(f)
		}
	}
	return nil, fmt.Errorf("schema: no data file %q (known: %s)", kind, strings.Join(Kinds(), ", "))
}

// writer builds one file's schema; defs are the definitions already
// added, which are written in the order they were first met.
type writer struct {
	defs  map[string]bool
	order obj
}

var textType = reflect.TypeFor[plan.Text]()

func (w *writer) file(f load.File) ([]byte, error) {
	d, ok := docs[f.Name+".yaml"]
	if !ok {
		return nil, fmt.Errorf("schema: no description of %s.yaml in docs", f.Name)
	}
	root := obj{
		{"$schema", Draft},
		{"title", f.Name + ".yaml"},
		{"description", d.text()},
	}
	if f.Keys == nil {
		s, err := w.record(f.Types[0])
		if err != nil {
			return nil, err
		}
		root = append(root, s...)
	} else {
		props := obj{}
		for i, key := range f.Keys {
			items, err := w.value(f.Types[i].Elem(), f.Name+"."+key)
			if err != nil {
				return nil, err
			}
			kd, ok := docs[f.Name+"."+key]
			if !ok {
				return nil, fmt.Errorf("schema: no description of %s.%s in docs", f.Name, key)
			}
			props = append(props, kv{key, obj{
				{"description", kd.text()},
				{"type", []string{"array", "null"}},
				{"items", items},
			}})
		}
		root = append(root, kv{"type", "object"}, kv{"properties", props}, kv{"additionalProperties", false})
	}
	if len(w.order) > 0 {
		root = append(root, kv{"definitions", w.order})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// record is the schema of a struct: its yaml keys, described, and no
// others.
func (w *writer) record(t reflect.Type) (obj, error) {
	td, ok := docs[t.Name()]
	if !ok {
		return nil, fmt.Errorf("schema: no description of type %s in docs", t.Name())
	}
	props := obj{}
	for _, key := range Keys(t) {
		name := t.Name() + "." + key
		f, _ := fieldByKey(t, key)
		s, err := w.value(f.Type, name)
		if err != nil {
			return nil, err
		}
		d, ok := docs[name]
		if !ok {
			return nil, fmt.Errorf("schema: no description of %s in docs", name)
		}
		s = append(obj{{"description", d.text()}}, s...)
		props = append(props, kv{key, s})
	}
	s := obj{{"description", td.text()}, {"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if req := required[t.Name()]; len(req) > 0 {
		s = append(s, kv{"required", req})
	}
	if n := minProperties[t.Name()]; n > 0 {
		s = append(s, kv{"minProperties", n})
	}
	return s, nil
}

// ref adds the definition of struct t, once, and refers to it.
func (w *writer) ref(t reflect.Type) (obj, error) {
	name := t.Name()
	if !w.defs[name] {
		w.defs[name] = true
		i := len(w.order)
		w.order = append(w.order, kv{name, nil}) // keep its place while its fields are walked
		var s obj
		var err error
		if t == textType {
			s, err = textSchema()
		} else {
			s, err = w.record(t)
		}
		if err != nil {
			return nil, err
		}
		w.order[i].v = s
	}
	return obj{{"$ref", "#/definitions/" + name}}, nil
}

// value is the schema of a field of Go type t; name is Type.key, for the
// rules of rules.go. Like the loader, it takes null (an empty value) for an
// absent one, except where a record is expected.
func (w *writer) value(t reflect.Type, name string) (obj, error) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	r := rules[name]
	switch {
	case t == textType:
		return w.ref(t)
	case t.Kind() == reflect.Struct:
		return w.ref(t)
	case t.Kind() == reflect.Slice:
		items, err := w.value(t.Elem(), name+"[]")
		if err != nil {
			return nil, err
		}
		s := obj{{"type", []string{"array", "null"}}, {"items", items}}
		return append(s, r.list()...), nil
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		elem, err := w.value(t.Elem(), name+"{}")
		if err != nil {
			return nil, err
		}
		s := obj{{"type", []string{"object", "null"}}}
		if len(r.keys) > 0 {
			s = append(s, kv{"propertyNames", obj{{"enum", r.keys}}})
		}
		return append(s, kv{"additionalProperties", elem}), nil
	case t.Kind() == reflect.String:
		if len(r.enum) > 0 {
			return obj{{"enum", r.enum}}, nil
		}
		// The loader reads any scalar as text except true/false words:
		// 1.1 is the text "1.1".
		return append(obj{{"type", []string{"string", "number", "null"}}}, r.scalar()...), nil
	case t.Kind() == reflect.Int:
		if len(r.enum) > 0 {
			return obj{{"enum", r.enum}}, nil
		}
		return append(obj{{"type", []string{"integer", "null"}}}, r.scalar()...), nil
	case t.Kind() == reflect.Float64:
		return append(obj{{"type", []string{"number", "null"}}}, r.scalar()...), nil
	case t.Kind() == reflect.Bool:
		return obj{{"type", []string{"boolean", "null"}}}, nil
	}
	return nil, fmt.Errorf("schema: no schema for %s (%s)", t, name)
}

// textSchema is a plan.Text: a string, which is the Vietnamese, or a
// mapping of vi and en.
func textSchema() (obj, error) {
	d := docs["Text"]
	str := obj{{"type", []string{"string", "number", "null"}}}
	return obj{
		{"description", d.text()},
		{"anyOf", []obj{
			str,
			{
				{"type", "object"},
				{"properties", obj{
					{"vi", append(obj{{"description", docs["Text.vi"].text()}}, str...)},
					{"en", append(obj{{"description", docs["Text.en"].text()}}, str...)},
				}},
				{"additionalProperties", false},
			},
		}},
	}, nil
}

// Keys lists the yaml keys of struct t in field order, as the loader reads
// them.
func Keys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("yaml"); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// Types lists every struct type a data file can hold, reached from the
// files' types, each once, in the order they are met.
func Types() []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		out = append(out, t)
		if t == textType {
			return
		}
		for i := range t.NumField() {
			if tag := t.Field(i).Tag.Get("yaml"); tag != "" && tag != "-" {
				walk(t.Field(i).Type)
			}
		}
	}
	for _, f := range load.Files() {
		for _, t := range f.Types {
			walk(t)
		}
	}
	return out
}

// obj is a JSON object whose keys keep their order, so that a schema reads
// in the order of the Go fields.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(e.k)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e.v); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
