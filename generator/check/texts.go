package check

import (
	"reflect"

	"plansite/generator/plan"
)

// texts checks every plan.Text of p (see text): Vietnamese present when
// English is, no raw HTML, no link that could run a script.
func (c *checker) texts(p *plan.Plan) {
	w := &textWalker{c: c, types: map[reflect.Type]*structInfo{}, holds: map[reflect.Type]bool{}}
	w.walk(reflect.ValueOf(p).Elem(), "", plan.Node{}, "")
}

// A textWalker finds the Texts of a plan by reflection. It learns each
// struct type once — which of its fields can hold a Text, where its Node
// and its id are — so that fields of numbers and ids, most of a plan, are
// not visited.
type textWalker struct {
	c     *checker
	types map[reflect.Type]*structInfo
	holds map[reflect.Type]bool // whether a value of the type can hold a Text
}

// structInfo is what the walker knows of a struct type.
type structInfo struct {
	node, id int // indexes of the plan.Node field and of the ID field, or -1
	fields   []textField
}

// A textField is a field that can hold a Text, and the key it is under:
// its YAML name, or "" for a container such as Plan that has none.
type textField struct {
	index int
	key   string
}

var (
	textType = reflect.TypeFor[plan.Text]()
	nodeType = reflect.TypeFor[plan.Node]()
)

// walk checks the Texts in v. key is the field that holds v, node the
// record it is in, id that record's (or its nearest parent's) id.
func (w *textWalker) walk(v reflect.Value, key string, node plan.Node, id string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), key, node, id)
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.walk(v.Index(i), key, node, id)
		}
	case reflect.Struct:
		// The plan is walked through pointers, so values are addressable:
		// taking their address spares a copy on the heap of each.
		if v.Type() == textType {
			w.c.text(*v.Addr().Interface().(*plan.Text), key, node, id)
			return
		}
		si := w.info(v.Type())
		if si.node >= 0 {
			node = *v.Field(si.node).Addr().Interface().(*plan.Node)
		}
		if si.id >= 0 {
			if s := v.Field(si.id).String(); s != "" {
				id = s
			}
		}
		for _, f := range si.fields {
			k := f.key
			if k == "" {
				k = key
			}
			w.walk(v.Field(f.index), k, node, id)
		}
	}
}

func (w *textWalker) info(t reflect.Type) *structInfo {
	if si, ok := w.types[t]; ok {
		return si
	}
	si := &structInfo{node: -1, id: -1}
	w.types[t] = si
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Type == nodeType:
			si.node = i
			continue
		case f.Name == "ID" && f.Type.Kind() == reflect.String:
			si.id = i
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" || !f.IsExported() || !w.canHold(f.Type) {
			continue
		}
		si.fields = append(si.fields, textField{index: i, key: tag})
	}
	return si
}

// canHold reports whether a value of type t can hold a Text.
func (w *textWalker) canHold(t reflect.Type) bool {
	if h, ok := w.holds[t]; ok {
		return h
	}
	w.holds[t] = false // until found otherwise: a type may contain itself
	h := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		h = w.canHold(t.Elem())
	case reflect.Struct:
		if t == textType {
			h = true
			break
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Type != nodeType && f.IsExported() && f.Tag.Get("yaml") != "-" && w.canHold(f.Type) {
				h = true
				break
			}
		}
	}
	w.holds[t] = h
	return h
}
