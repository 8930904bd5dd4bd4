package load

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"plansite/generator/internal/editdist"
	"plansite/generator/plan"
)

// A decoder fills Go values from YAML nodes of one file, strictly: an
// unknown key, a duplicate key, a value of the wrong type or written in a
// local number habit is a problem at its position, and decoding goes on so
// that every problem of the file is reported at once.
type decoder struct {
	file   string
	src    string   // the file's text
	lines  []string // its lines, for columns yaml does not give, once asked for
	probs  plan.Problems
	known  map[reflect.Type]structFields // fields of the struct types met, by type
	more   int                           // problems past maxFileProblems, not kept
	from   plan.Pos                      // where the first of them is
	room   *atomic.Int64                 // memory the decoded data may still take, shared by the files
	held   int64                         // room taken from room and not used yet
	ints   []int                         // the rest of a chunk of numbers (take)
	floats []float64
	full   bool // this file ran out of room
}

// nodeCost is about the memory a decoded value takes besides its text:
// its place in a record's Keys, a string header, a pointer.
const nodeCost = 64

// charge counts n bytes of decoded data against the room the files
// share, and reports whether they fit; once they do not, the file's
// decoding stops, so that the plan never takes much more than the room.
// The room is taken from the shared count a chunk at a time, so that
// files decoded at once do not contend for it at every value; release
// gives back what the file did not use.
func (d *decoder) charge(n int) bool {
	if d.full {
		return false
	}
	if int64(n) <= d.held {
		d.held -= int64(n)
		return true
	}
	take := max(int64(n), roomChunk)
	if d.room.Add(-take) < 0 {
		d.full = true
		return false
	}
	d.held += take - int64(n)
	return true
}

// roomChunk is how much room a decoder takes at a time.
const roomChunk = 64 << 10

// release gives back the room the file took and did not use.
func (d *decoder) release() {
	d.room.Add(d.held)
	d.held = 0
}

// maxFileProblems bounds the problems kept for one file: a file of a
// million wrong values gets a hundred messages and a count, not a
// million messages.
const maxFileProblems = 100

// structFields are a struct type's YAML keys: the field index of each, and
// the keys in field order.
type structFields struct {
	idx   map[string]int
	names []string
	node  int // the index of the embedded plan.Node, or -1
}

var (
	nodeType = reflect.TypeFor[plan.Node]()
	textType = reflect.TypeFor[plan.Text]()
	intPtr   = reflect.TypeFor[*int]()
	floatPtr = reflect.TypeFor[*float64]()
)

// take is a new value from the chunk *c, which it renews when it is used
// up: the counts and rates of a national dataset are a million optional
// numbers, each behind a pointer, which take a few thousand allocations
// this way rather than a million.
func take[T any](c *[]T) *T {
	if len(*c) == 0 {
		*c = make([]T, 1024)
	}
	v := &(*c)[0]
	*c = (*c)[1:]
	return v
}

func (d *decoder) pos(n *yaml.Node) plan.Pos {
	return plan.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) add(n *yaml.Node, id, vi, en string) {
	if len(d.probs) == maxFileProblems {
		if d.more == 0 {
			d.from = d.pos(n)
		}
		d.more++
		return
	}
	d.probs = append(d.probs, plan.Problem{Pos: d.pos(n), ID: id, VI: vi, EN: en})
}

// problems are the file's problems, with a count of those not kept.
func (d *decoder) problems() plan.Problems {
	if d.more == 0 {
		return d.probs
	}
	return append(d.probs, plan.Problem{Pos: d.from,
		VI: fmt.Sprintf("còn %d vấn đề nữa từ chỗ này trở đi không được in ra: sửa các vấn đề phía trên rồi kiểm tra lại", d.more),
		EN: fmt.Sprintf("%d more problems from here on are not shown: fix the ones above, then check again", d.more)})
}

// refuseAlias reports anchors, aliases and merge keys, which the data does
// not use: they make a file hard to read for an editor and can blow up in
// size when expanded.
func (d *decoder) refuseAlias(n *yaml.Node, id string) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		d.add(n, id,
			fmt.Sprintf("không dùng bí danh YAML (*%s): viết đầy đủ giá trị", n.Value),
			fmt.Sprintf("YAML aliases (*%s) are not allowed: write the value out", n.Value))
		return true
	case n.Anchor != "":
		d.add(n, id,
			fmt.Sprintf("không dùng neo YAML (&%s): viết đầy đủ giá trị ở mỗi chỗ", n.Anchor),
			fmt.Sprintf("YAML anchors (&%s) are not allowed: write the value out where it is used", n.Anchor))
		return true
	}
	return false
}

// value decodes n into v. id names the item being decoded, for messages.
func (d *decoder) value(n *yaml.Node, v reflect.Value, key, id string) {
	if !d.charge(nodeCost+len(n.Value)) || d.refuseAlias(n, id) {
		return
	}
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		var p reflect.Value
		switch v.Type() {
		case intPtr:
			p = reflect.ValueOf(take(&d.ints))
		case floatPtr:
			p = reflect.ValueOf(take(&d.floats))
		default:
			p = reflect.New(v.Type().Elem())
		}
		d.value(n, p.Elem(), key, id)
		v.Set(p)
		return
	}
	if isNull(n) {
		if v.Kind() == reflect.Struct && v.Type() != textType {
			// An empty item ("-" alone) or an empty record ("goal:").
			d.add(n, id, fmt.Sprintf("%q trống: viết các khóa của nó, hoặc xóa dòng này", key),
				fmt.Sprintf("%q is empty: write its keys, or delete the line", key))
		}
		return // an empty value is an absent value
	}
	switch {
	case v.Type() == textType:
		d.text(n, v.Addr().Interface().(*plan.Text), key, id)
	case v.Kind() == reflect.Struct:
		d.record(n, v, id)
	case v.Kind() == reflect.Slice:
		d.list(n, v, key, id)
	case v.Kind() == reflect.Map:
		d.mapping(n, v, key, id)
	case v.Kind() == reflect.String:
		if s, ok := d.str(n, key, id); ok {
			v.SetString(s)
		}
	case v.Kind() == reflect.Bool:
		if b, ok := d.boolean(n, key, id); ok {
			v.SetBool(b)
		}
	case v.Kind() == reflect.Int:
		if f, ok := d.number(n, key, id, true); ok {
			v.SetInt(int64(f))
		}
	case v.Kind() == reflect.Float64:
		if f, ok := d.number(n, key, id, false); ok {
			v.SetFloat(f)
		}
	default:
		panic(fmt.Sprintf("load: no decoder for %s", v.Type()))
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0
}

// fields maps a struct type's yaml keys to field indexes.
func fields(t reflect.Type) (map[string]int, []string) {
	idx := map[string]int{}
	var names []string
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		idx[tag] = i
		names = append(names, tag)
	}
	return idx, names
}

// record decodes a mapping into a struct, filling its embedded plan.Node.
func (d *decoder) record(n *yaml.Node, v reflect.Value, id string) {
	if n.Kind != yaml.MappingNode {
		d.kindMismatch(n, id, "một nhóm khóa: giá trị", "a mapping of key: value")
		return
	}
	sf, ok := d.known[v.Type()]
	if !ok {
		sf.idx, sf.names = fields(v.Type())
		sf.node = -1
		for i := range v.NumField() {
			if v.Type().Field(i).Type == nodeType {
				sf.node = i
			}
		}
		if d.known == nil {
			d.known = map[reflect.Type]structFields{}
		}
		d.known[v.Type()] = sf
	}
	idx, names := sf.idx, sf.names
	// The item's id, when it has one, names it in every message about it.
	if i, ok := idx["id"]; ok && v.Field(i).Kind() == reflect.String {
		for j := 0; j+1 < len(n.Content); j += 2 {
			if k, val := n.Content[j], n.Content[j+1]; k.Value == "id" && val.Kind == yaml.ScalarNode {
				id = val.Value
			}
		}
	}
	keys := len(n.Content) / 2
	for j := 1; j < len(n.Content); j += 2 {
		if val := n.Content[j]; val.Kind == yaml.SequenceNode {
			keys += len(val.Content)
		}
	}
	node := plan.Node{Pos: d.pos(n), Keys: make([]plan.KeyAt, 0, keys)}
	var seen map[string]*yaml.Node // for a long mapping; a record's few keys are scanned
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, val := n.Content[j], n.Content[j+1]
		if d.refuseAlias(k, id) {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.add(k, id, "khóa phải là một từ", "a key must be a plain word")
			continue
		}
		if k.Value == "<<" {
			d.add(k, id, "không dùng khóa gộp YAML (<<): viết đầy đủ các khóa",
				"YAML merge keys (<<) are not allowed: write the keys out")
			continue
		}
		// The keys above are refused before they count as met.
		met := func(k, _ *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Anchor == "" && k.Value != "<<" }
		if first := d.before(n, j, &seen, met); first != nil {
			d.add(k, id,
				fmt.Sprintf("khóa %q bị lặp (đã có ở dòng %d): xóa một trong hai", k.Value, first.Line),
				fmt.Sprintf("duplicate key %q (first at line %d): remove one of them", k.Value, first.Line))
			continue
		}
		i, ok := idx[k.Value]
		if !ok {
			d.unknownKey(k, id, names)
			continue
		}
		at := plan.KeyAt{Key: k.Value, Line: int32(val.Line), Col: int32(val.Column)}
		if val.Kind == yaml.SequenceNode {
			at.Items = int32(len(val.Content))
		}
		node.Keys = append(node.Keys, at)
		if val.Kind == yaml.SequenceNode {
			for _, item := range val.Content {
				node.Keys = append(node.Keys, plan.KeyAt{Line: int32(item.Line), Col: int32(item.Column)})
			}
		}
		d.value(val, v.Field(i), k.Value, id)
	}
	if sf.node >= 0 {
		*v.Field(sf.node).Addr().Interface().(*plan.Node) = node
	}
}

// shortMapping is the most pairs a mapping may have for its keys to be
// looked for by a scan rather than in a map.
const shortMapping = 16

// before is the key of the mapping n, before pair j, with the text of
// pair j's key, among the pairs met counts; nil when there is none. A
// mapping of more than shortMapping pairs keeps the keys met in *seen,
// so that a hostile file of many keys takes linear time.
func (d *decoder) before(n *yaml.Node, j int, seen *map[string]*yaml.Node, met func(k, val *yaml.Node) bool) *yaml.Node {
	k := n.Content[j]
	if len(n.Content) <= 2*shortMapping {
		for i := 0; i < j; i += 2 {
			if prev := n.Content[i]; prev.Value == k.Value && met(prev, n.Content[i+1]) {
				return prev
			}
		}
		return nil
	}
	if *seen == nil {
		*seen = map[string]*yaml.Node{}
	}
	if first, ok := (*seen)[k.Value]; ok {
		return first
	}
	(*seen)[k.Value] = k
	return nil
}

func (d *decoder) unknownKey(k *yaml.Node, id string, names []string) {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	allowed := strings.Join(sorted, ", ")
	if s := suggest(k.Value, names); s != "" {
		d.add(k, id,
			fmt.Sprintf("khóa không hợp lệ %q: có phải ý bạn là %q? (các khóa được dùng: %s)", k.Value, s, allowed),
			fmt.Sprintf("unknown key %q: did you mean %q? (allowed keys: %s)", k.Value, s, allowed))
		return
	}
	d.add(k, id,
		fmt.Sprintf("khóa không hợp lệ %q (các khóa được dùng: %s)", k.Value, allowed),
		fmt.Sprintf("unknown key %q (allowed keys: %s)", k.Value, allowed))
}

// suggest is the allowed name closest to a misspelled key, if any is close.
func suggest(key string, names []string) string {
	best, bestD := "", 3
	k := strings.ToLower(key)
	for _, n := range names {
		if dist := editdist.Distance(k, n); dist < bestD || (dist == bestD && n < best) {
			best, bestD = n, dist
		}
	}
	if bestD > len([]rune(key))/2 {
		return ""
	}
	return best
}

func (d *decoder) list(n *yaml.Node, v reflect.Value, key, id string) {
	if n.Kind != yaml.SequenceNode {
		d.kindMismatch(n, id, fmt.Sprintf("một danh sách cho %q (mỗi mục bắt đầu bằng \"- \" hoặc viết [a, b])", key),
			fmt.Sprintf("a list for %q (items starting with \"- \", or [a, b])", key))
		return
	}
	elem := v.Type().Elem()
	// A bad item takes no room in the list, so that a list of a million
	// wrong values holds no memory for them: the plan is not used once
	// decoding has found a problem.
	record := elem.Kind() == reflect.Struct && elem != textType
	fit := 0 // items that may decode
	for _, item := range n.Content {
		if !record || item.Kind == yaml.MappingNode {
			fit++
		}
	}
	if !d.charge(fit * int(elem.Size())) {
		return
	}
	s := reflect.MakeSlice(v.Type(), fit, fit)
	used := 0
	for _, item := range n.Content {
		if isNull(item) && record {
			d.add(item, id, fmt.Sprintf("mục trống trong %q (dấu - không có nội dung): viết nội dung hoặc xóa dòng này", key),
				fmt.Sprintf("an empty item in %q (a - with nothing after it): write the item or delete the line", key))
			continue
		}
		before := len(d.probs) + d.more
		var e reflect.Value
		if used < fit {
			e = s.Index(used)
		} else {
			// Room was made for the mappings only: an item that is none is
			// a problem, decoded aside to report it.
			e = reflect.New(elem).Elem()
		}
		d.value(item, e, key, id)
		switch {
		case len(d.probs)+d.more > before:
			e.SetZero() // a bad item takes no place: the next takes its
		case used < fit:
			used++
		}
	}
	v.Set(s.Slice(0, used))
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, key, id string) {
	if n.Kind != yaml.MappingNode {
		d.kindMismatch(n, id, fmt.Sprintf("một nhóm khóa: giá trị cho %q", key),
			fmt.Sprintf("a mapping of key: value for %q", key))
		return
	}
	m := reflect.MakeMap(v.Type())
	d.pairs(n, id, func(k, val *yaml.Node) {
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(val, e, k.Value, id)
		m.SetMapIndex(reflect.ValueOf(k.Value), e)
	})
	v.Set(m)
}

// pairs calls f with each key and value of the mapping n, in order, but
// for an alias or an anchor, and for a key met before: those are problems.
func (d *decoder) pairs(n *yaml.Node, id string, f func(k, val *yaml.Node)) {
	var seen map[string]*yaml.Node
	// A pair with an alias or an anchor is refused before its key counts as met.
	met := func(k, val *yaml.Node) bool {
		return k.Kind != yaml.AliasNode && k.Anchor == "" && val.Kind != yaml.AliasNode && val.Anchor == ""
	}
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, val := n.Content[j], n.Content[j+1]
		if d.refuseAlias(k, id) || d.refuseAlias(val, id) {
			continue
		}
		if d.before(n, j, &seen, met) != nil {
			d.add(k, id, fmt.Sprintf("khóa %q bị lặp: xóa một trong hai", k.Value),
				fmt.Sprintf("duplicate key %q: remove one of them", k.Value))
			continue
		}
		f(k, val)
	}
}

func (d *decoder) kindMismatch(n *yaml.Node, id, wantVI, wantEN string) {
	var gotVI, gotEN string
	switch n.Kind {
	case yaml.MappingNode:
		gotVI, gotEN = "một nhóm khóa", "a mapping"
	case yaml.SequenceNode:
		gotVI, gotEN = "một danh sách", "a list"
	default:
		gotVI, gotEN = fmt.Sprintf("%q", n.Value), fmt.Sprintf("%q", n.Value)
	}
	d.add(n, id, fmt.Sprintf("cần %s (tìm thấy %s)", wantVI, gotVI),
		fmt.Sprintf("expected %s (found %s)", wantEN, gotEN))
}

// yesNo are words YAML 1.1 read as true or false; an editor who writes one
// where text or a number was meant gets a message instead of a surprise.
var yesNo = map[string]bool{"yes": true, "no": true, "y": true, "n": true, "on": true, "off": true, "true": true, "false": true}

func plainYesNo(n *yaml.Node) bool {
	return n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 &&
		len(n.Value) <= len("false") && yesNo[strings.ToLower(n.Value)]
}

func (d *decoder) scalar(n *yaml.Node, key, id string) bool {
	if n.Kind == yaml.ScalarNode {
		return true
	}
	d.kindMismatch(n, id, fmt.Sprintf("một giá trị đơn cho %q", key), fmt.Sprintf("a single value for %q", key))
	return false
}

func (d *decoder) str(n *yaml.Node, key, id string) (string, bool) {
	if !d.scalar(n, key, id) {
		return "", false
	}
	if plainYesNo(n) {
		d.add(n, id,
			fmt.Sprintf("%q cho %q là giá trị đúng/sai, không phải chữ: nếu muốn viết chữ, đặt trong ngoặc kép (\"%s\")", n.Value, key, n.Value),
			fmt.Sprintf("%q for %q reads as true/false, not text: if you mean the word, put it in quotes (\"%s\")", n.Value, key, n.Value))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) boolean(n *yaml.Node, key, id string) (bool, bool) {
	if !d.scalar(n, key, id) {
		return false, false
	}
	switch n.Value {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	d.add(n, id,
		fmt.Sprintf("%q cần true hoặc false (tìm thấy %q)", key, n.Value),
		fmt.Sprintf("%q must be true or false (found %q)", key, n.Value))
	return false, false
}

var (
	reDecimalComma  = regexp.MustCompile(`^[+-]?\d+,\d+$`)
	reCommaThousand = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+$`)
	reDotThousands  = regexp.MustCompile(`^[+-]?\d{1,3}(\.\d{3})+$`)
	reLeadingZero   = regexp.MustCompile(`^[+-]?0\d`)
	reNumber        = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)
)

// number reads a number written the way the data files ask: digits with a
// decimal point, no separators, no leading zero. The local habits that
// YAML would misread get a message that says what to write.
func (d *decoder) number(n *yaml.Node, key, id string, whole bool) (float64, bool) {
	if !d.scalar(n, key, id) {
		return 0, false
	}
	s := strings.TrimSpace(n.Value)
	bad := func(vi, en string) (float64, bool) {
		d.add(n, id, fmt.Sprintf("%q: %s", key, vi), fmt.Sprintf("%q: %s", key, en))
		return 0, false
	}
	if plainNumber(s, whole) {
		return d.parseNumber(n, key, id, s, whole)
	}
	digits := strings.NewReplacer(",", "", ".", "").Replace(s)
	switch {
	case plainYesNo(n):
		return bad(fmt.Sprintf("cần một số, không phải %q", s),
			fmt.Sprintf("expected a number, not %q", s))
	case whole && reCommaThousand.MatchString(s):
		return bad(fmt.Sprintf("viết số không có dấu phân cách hàng nghìn: %s (tìm thấy %s)", digits, s),
			fmt.Sprintf("write the number without thousands separators: %s (found %s)", digits, s))
	case reDecimalComma.MatchString(s):
		if !whole && reCommaThousand.MatchString(s) {
			// 44,541 in a decimal field is ambiguous: say both readings.
			return bad(fmt.Sprintf("dấu phẩy không dùng trong số: viết %s nếu là số thập phân, hoặc %s nếu là số nguyên (tìm thấy %s)", strings.Replace(s, ",", ".", 1), digits, s),
				fmt.Sprintf("no commas in numbers: write %s for a decimal or %s for a whole number (found %s)", strings.Replace(s, ",", ".", 1), digits, s))
		}
		return bad(fmt.Sprintf("dùng dấu chấm thập phân: viết %s (tìm thấy %s)", strings.Replace(s, ",", ".", 1), s),
			fmt.Sprintf("use a decimal point: write %s (found %s)", strings.Replace(s, ",", ".", 1), s))
	case whole && reDotThousands.MatchString(s):
		return bad(fmt.Sprintf("số đếm không có dấu chấm hàng nghìn: viết %s (tìm thấy %s; trong tệp dữ liệu dấu chấm là dấu thập phân)", digits, s),
			fmt.Sprintf("a count has no thousands dots: write %s (found %s; in the data files a dot is a decimal point)", digits, s))
	case !whole && strings.Count(s, ".") > 1 && reDotThousands.MatchString(s):
		return bad(fmt.Sprintf("không dùng dấu chấm hàng nghìn: viết %s (tìm thấy %s)", digits, s),
			fmt.Sprintf("no thousands dots: write %s (found %s)", digits, s))
	case strings.HasSuffix(s, "%"):
		return bad(fmt.Sprintf("viết số không kèm %%: %s (tìm thấy %s)", strings.TrimSpace(strings.TrimSuffix(s, "%")), s),
			fmt.Sprintf("write the number without %%: %s (found %s)", strings.TrimSpace(strings.TrimSuffix(s, "%")), s))
	case reLeadingZero.MatchString(s):
		sign := ""
		if s[0] == '-' {
			sign = "-"
		}
		trimmed := strings.TrimLeft(strings.TrimLeft(s, "+-"), "0")
		if trimmed == "" || trimmed[0] == '.' {
			trimmed = "0" + trimmed
		}
		trimmed = sign + trimmed
		return bad(fmt.Sprintf("bỏ số 0 ở đầu: viết %s (tìm thấy %s)", trimmed, s),
			fmt.Sprintf("drop the leading zero: write %s (found %s)", trimmed, s))
	case !reNumber.MatchString(s):
		return bad(fmt.Sprintf("cần một số (tìm thấy %q)", s),
			fmt.Sprintf("expected a number (found %q)", s))
	}
	return d.parseNumber(n, key, id, s, whole)
}

// plainNumber reports whether s is written as the data files ask — digits,
// a decimal point only where a fraction is allowed, no leading zero — so
// that none of the local habits number looks for can be in it. Most
// numbers are; the check spares them the regular expressions.
func plainNumber(s string, whole bool) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, dot := strings.Cut(s, ".")
	if !allDigits(intPart) || len(intPart) > 1 && intPart[0] == '0' {
		return false
	}
	return !dot || !whole && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseNumber reads s, which has the form of a number, as one.
func (d *decoder) parseNumber(n *yaml.Node, key, id, s string, whole bool) (float64, bool) {
	bad := func(vi, en string) (float64, bool) {
		d.add(n, id, fmt.Sprintf("%q: %s", key, vi), fmt.Sprintf("%q: %s", key, en))
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return bad(fmt.Sprintf("số không đọc được (tìm thấy %q)", s), fmt.Sprintf("unreadable number (found %q)", s))
	}
	if whole && f != math.Trunc(f) {
		return bad(fmt.Sprintf("cần một số nguyên (tìm thấy %s)", s),
			fmt.Sprintf("expected a whole number (found %s)", s))
	}
	if whole && math.Abs(f) > 1e15 {
		return bad(fmt.Sprintf("số quá lớn (tìm thấy %s)", s), fmt.Sprintf("number too large (found %s)", s))
	}
	if f == 0 {
		f = 0 // -0 is 0: the site would show "-0,00"
	}
	return f, true
}

// text decodes a Text: a plain string (Vietnamese) or {vi: …, en: …}.
func (d *decoder) text(n *yaml.Node, t *plan.Text, key, id string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if s, ok := d.str(n, key, id); ok {
			t.VI = s
			t.At.VI = d.span(n)
		}
	case yaml.MappingNode:
		d.pairs(n, id, func(k, val *yaml.Node) {
			var dst *string
			var sp *plan.Span
			switch k.Value {
			case "vi":
				dst, sp = &t.VI, &t.At.VI
			case "en":
				dst, sp = &t.EN, &t.At.EN
			default:
				d.add(k, id,
					fmt.Sprintf("khóa ngôn ngữ không hợp lệ %q trong %q: dùng vi hoặc en", k.Value, key),
					fmt.Sprintf("unknown language key %q in %q: use vi or en", k.Value, key))
				return
			}
			if isNull(val) {
				return
			}
			if s, ok := d.str(val, key+"."+k.Value, id); ok {
				*dst = s
				*sp = d.span(val)
			}
		})
	default:
		d.kindMismatch(n, id, fmt.Sprintf("văn bản cho %q (một chuỗi, hoặc {vi: …, en: …})", key),
			fmt.Sprintf("text for %q (a string, or {vi: …, en: …})", key))
	}
}

// textLines are the file's lines, split the first time they are asked
// for: most files need none.
func (d *decoder) textLines() []string {
	if d.lines == nil {
		d.lines = strings.Split(strings.ReplaceAll(d.src, "\r\n", "\n"), "\n")
	}
	return d.lines
}

// span locates a scalar's text. yaml gives the position of a block
// scalar's indicator; its text starts on the next line, at the column of
// the first non-blank character.
func (d *decoder) span(n *yaml.Node) plan.Span {
	sp := plan.Span{Pos: d.pos(n), Quoted: n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0}
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return sp
	}
	sp.Block = true
	sp.Line = n.Line + 1 // the text's first line, even when blank
	lines := d.textLines()
	for l := n.Line; l < len(lines); l++ { // lines[l] is line l+1
		line := lines[l]
		if strings.TrimSpace(line) == "" {
			continue
		}
		sp.Indent = len(line) - len(strings.TrimLeft(line, " ")) + 1
		sp.Col = sp.Indent
		break
	}
	return sp
}
