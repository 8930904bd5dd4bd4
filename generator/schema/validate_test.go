package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// validate checks a YAML document against a schema, as an editor's YAML
// extension does, for the keywords For writes: type, properties,
// additionalProperties, required, minProperties, propertyNames, items,
// minItems, maxItems, enum, not enum, pattern, maxLength, minimum, maximum,
// anyOf and $ref to
// #/definitions/. It returns one line per violation, "line:col: message".
func validate(schemaJSON []byte, src []byte) ([]string, error) {
	var root map[string]any
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("empty document")
	}
	v := &validator{root: root}
	v.node(root, doc.Content[0], "")
	return v.errs, nil
}

type validator struct {
	root map[string]any
	errs []string
}

func (v *validator) fail(n *yaml.Node, path, format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf("%d:%d: %s: %s", n.Line, n.Column, path, fmt.Sprintf(format, args...)))
}

// kind is the JSON type of a scalar as a YAML 1.2 editor reads it.
func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "boolean"
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	}
	return "string"
}

func (v *validator) node(s map[string]any, n *yaml.Node, path string) bool {
	before := len(v.errs)
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		def, ok := v.root["definitions"].(map[string]any)[name].(map[string]any)
		if !ok {
			v.fail(n, path, "unresolved $ref %s", ref)
			return false
		}
		return v.node(def, n, path)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		for _, alt := range alts {
			sub := &validator{root: v.root}
			if sub.node(alt.(map[string]any), n, path) {
				return true
			}
		}
		v.fail(n, path, "matches no alternative")
		return false
	}
	k := kind(n)
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		if !slices.Contains(types, k) && !(k == "integer" && slices.Contains(types, "number")) {
			v.fail(n, path, "type %s, want %s", k, strings.Join(types, " or "))
			return false
		}
	}
	if enum, ok := s["enum"].([]any); ok && !inEnum(enum, n) {
		v.fail(n, path, "%q is not one of %v", n.Value, enum)
	}
	if p, ok := s["pattern"].(string); ok && k == "string" && !regexp.MustCompile(p).MatchString(n.Value) {
		v.fail(n, path, "%q does not match %s", n.Value, p)
	}
	if m, ok := s["maxLength"].(float64); ok && k == "string" && float64(len([]rune(n.Value))) > m {
		v.fail(n, path, "%d characters, want at most %v", len([]rune(n.Value)), m)
	}
	if not, ok := s["not"].(map[string]any); ok {
		if enum, ok := not["enum"].([]any); ok && inEnum(enum, n) {
			v.fail(n, path, "%q is reserved", n.Value)
		}
	}
	if k == "integer" || k == "number" {
		x, _ := strconv.ParseFloat(n.Value, 64)
		if m, ok := s["minimum"].(float64); ok && x < m {
			v.fail(n, path, "%s is less than %v", n.Value, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			v.fail(n, path, "%s is more than %v", n.Value, m)
		}
	}
	switch k {
	case "object":
		v.object(s, n, path)
	case "array":
		if m, ok := s["minItems"].(float64); ok && float64(len(n.Content)) < m {
			v.fail(n, path, "%d items, want at least %v", len(n.Content), m)
		}
		if m, ok := s["maxItems"].(float64); ok && float64(len(n.Content)) > m {
			v.fail(n, path, "%d items, want at most %v", len(n.Content), m)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, c := range n.Content {
				v.node(items, c, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return len(v.errs) == before
}

func (v *validator) object(s map[string]any, n *yaml.Node, path string) {
	props, _ := s["properties"].(map[string]any)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		seen[key.Value] = true
		p := path + "." + key.Value
		if names, ok := s["propertyNames"].(map[string]any); ok {
			v.node(names, key, p)
		}
		if ps, ok := props[key.Value].(map[string]any); ok {
			v.node(ps, val, p)
			continue
		}
		switch ap := s["additionalProperties"].(type) {
		case bool:
			if !ap {
				v.fail(key, p, "property not allowed")
			}
		case map[string]any:
			v.node(ap, val, p)
		}
	}
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			if !seen[r.(string)] {
				v.fail(n, path, "missing property %s", r)
			}
		}
	}
	if m, ok := s["minProperties"].(float64); ok && float64(len(n.Content)/2) < m {
		v.fail(n, path, "%d properties, want at least %v", len(n.Content)/2, m)
	}
}

func inEnum(enum []any, n *yaml.Node) bool {
	for _, e := range enum {
		switch e := e.(type) {
		case string:
			if kind(n) == "string" && n.Value == e {
				return true
			}
		case float64:
			x, err := strconv.ParseFloat(n.Value, 64)
			if kind(n) == "integer" && err == nil && math.Abs(x-e) < 1e-9 {
				return true
			}
		case nil:
			if kind(n) == "null" {
				return true
			}
		}
	}
	return false
}
