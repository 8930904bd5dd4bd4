package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A yamlFile is a data file as text and as a yaml.Node tree. The tree
// says where each value, mapping and list is; the edits change the text
// at those places only, so that every other line — comments, key order,
// quoting, blank lines — stays byte for byte as it was. (Marshalling the
// tree again would rewrite the whole file in yaml.v3's own style.)
type yamlFile struct {
	Path  string
	lines []string // each with its line break, which the last may lack
	root  *yaml.Node
	edits []edit
}

// An edit replaces del lines from line at (0-based) with ins.
type edit struct {
	at, del int
	ins     []string
	seq     int // order of recording, for inserts at one place
}

// A field is a key and its value as the data file writes it.
type field struct{ key, value string }

func parseYAML(path string, b []byte) (*yamlFile, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a data file with top-level keys", path)
	}
	return &yamlFile{Path: path, lines: strings.SplitAfter(string(b), "\n"), root: doc.Content[0]}, nil
}

// Bytes is the file with the edits made.
func (f *yamlFile) Bytes() []byte {
	es := append([]edit(nil), f.edits...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].at != es[j].at {
			return es[i].at > es[j].at
		}
		return es[i].seq > es[j].seq
	})
	lines := append([]string(nil), f.lines...)
	for _, e := range es {
		tail := append(append([]string(nil), e.ins...), lines[e.at+e.del:]...)
		lines = append(lines[:e.at], tail...)
	}
	return []byte(strings.Join(lines, ""))
}

func (f *yamlFile) add(e edit) {
	e.seq = len(f.edits)
	// A file without a final line break gets one before text is added after it.
	if last := len(f.lines) - 1; e.at > last && last >= 0 && !strings.HasSuffix(f.lines[last], "\n") {
		f.lines[last] += "\n"
	}
	f.edits = append(f.edits, e)
}

// get is the value of key in the mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// setScalar replaces the text of the one-line scalar v with value.
func (f *yamlFile) setScalar(v *yaml.Node, value string) {
	i := v.Line - 1
	line := []rune(f.lines[i])
	start := v.Column - 1
	end := start
	switch v.Style {
	case yaml.DoubleQuotedStyle:
		for end = start + 1; end < len(line) && line[end] != '"'; end++ {
			if line[end] == '\\' {
				end++
			}
		}
		end++
	case yaml.SingleQuotedStyle:
		for end = start + 1; end < len(line) && !(line[end] == '\'' && (end+1 >= len(line) || line[end+1] != '\'')); end++ {
			if line[end] == '\'' {
				end++
			}
		}
		end++
	default:
		flow := inFlow(line, start)
		for ; end < len(line); end++ {
			r := line[end]
			if r == '\n' || r == '\r' || r == '#' && end > 0 && line[end-1] == ' ' || flow && (r == ',' || r == '}' || r == ']') {
				break
			}
		}
		for end > start && line[end-1] == ' ' {
			end--
		}
	}
	end = min(end, len(line))
	f.add(edit{at: i, del: 1, ins: []string{string(line[:start]) + value + string(line[end:])}})
}

// inFlow reports whether position i of line is inside a flow mapping or
// list ({…} or […]) opened earlier on the line.
func inFlow(line []rune, i int) bool {
	depth := 0
	for _, r := range line[:i] {
		switch r {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
	}
	return depth > 0
}

// end is the index of the last line with text of the block that starts at
// line first and whose lines are indented by indent spaces or more:
// blank lines and comments after it are not its.
func (f *yamlFile) end(first, indent int) int {
	last := first
	for i := first + 1; i < len(f.lines); i++ {
		t := strings.TrimRight(f.lines[i], "\r\n")
		trim := strings.TrimLeft(t, " ")
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		if len(t)-len(trim) < indent {
			break
		}
		last = i
	}
	return last
}

// setFields sets the fields in the block mapping m: a value that is there
// is replaced when it differs, a key that is not is added after its last
// line. It reports whether anything changed.
func (f *yamlFile) setFields(m *yaml.Node, fields []field) bool {
	changed := false
	var added []string
	indent := strings.Repeat(" ", m.Column-1)
	for _, fl := range fields {
		v := get(m, fl.key)
		switch {
		case v == nil:
			added = append(added, indent+fl.key+": "+fl.value+"\n")
		case v.Kind == yaml.ScalarNode && rendered(v) != fl.value:
			f.setScalar(v, fl.value)
			changed = true
		}
	}
	if len(added) > 0 {
		f.add(edit{at: f.end(m.Line-1, m.Column-1) + 1, ins: added})
		changed = true
	}
	return changed
}

// rendered is a scalar's value as this package would write it, to compare.
func rendered(v *yaml.Node) string {
	if f, err := strconv.ParseFloat(v.Value, 64); err == nil && v.Tag != "!!str" {
		return yamlNumber(f)
	}
	return yamlString(v.Value)
}

// item is a new list item with the fields, its dash indented by indent.
func item(indent int, fields []field) []string {
	pad := strings.Repeat(" ", indent)
	var lines []string
	for i, fl := range fields {
		lead := pad + "  "
		if i == 0 {
			lead = pad + "- "
		}
		lines = append(lines, lead+fl.key+": "+fl.value+"\n")
	}
	return lines
}

// insertItem adds an item with the fields to the list at key in mapping
// m, before item before (or at the end when before is -1), making the
// list when m has none or an empty [] one.
func (f *yamlFile) insertItem(m *yaml.Node, key string, before int, fields []field) error {
	seq := get(m, key)
	switch {
	case seq != nil && seq.Kind == yaml.SequenceNode && len(seq.Content) > 0:
		if seq.Style == yaml.FlowStyle {
			return fmt.Errorf("the list %s is written on one line ([…]): write it one item a line first", key)
		}
		first := seq.Content[0]
		indent := first.Column - 3
		if before >= 0 {
			f.add(edit{at: seq.Content[before].Line - 1, ins: item(indent, fields)})
			return nil
		}
		last := seq.Content[len(seq.Content)-1]
		f.add(edit{at: f.end(last.Line-1, last.Column-1) + 1, ins: item(indent, fields)})
		return nil
	case seq != nil && (seq.Kind == yaml.SequenceNode || seq.Tag == "!!null"):
		// key: [] or key: with nothing: the list starts on the next line.
		k := keyNode(m, key)
		line := []rune(f.lines[k.Line-1])
		cut := k.Column - 1 + len([]rune(key)) + 1 // after "key:"
		rest := strings.TrimSpace(string(line[min(cut, len(line)):]))
		comment := ""
		if i := strings.Index(rest, "#"); i >= 0 {
			comment = " " + rest[i:]
		}
		f.add(edit{at: k.Line - 1, del: 1, ins: append([]string{string(line[:cut]) + comment + "\n"}, item(k.Column-1+2, fields)...)})
		return nil
	case seq != nil:
		return fmt.Errorf("%s is not a list", key)
	}
	lines := append([]string{strings.Repeat(" ", m.Column-1) + key + ":\n"}, item(m.Column-1+2, fields)...)
	f.add(edit{at: f.end(m.Line-1, m.Column-1) + 1, ins: lines})
	return nil
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

var plainString = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// yamlString writes s plain when it is an id or a word, quoted otherwise.
func yamlString(s string) string {
	if plainString.MatchString(s) {
		if _, err := strconv.ParseFloat(s, 64); err != nil && s != "true" && s != "false" && s != "null" {
			return s
		}
	}
	return strconv.Quote(s)
}
