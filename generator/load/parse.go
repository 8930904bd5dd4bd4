package load

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parse builds the yaml.Node tree that yaml.v3 builds for src, the text of
// a data file, when src is written in the YAML the data files use: block
// mappings of plain keys, block lists, scalars plain or quoted on one
// line, block scalars (| and >, clipped or stripped), flow mappings and
// lists on one line, comments. It is about thirty times faster than
// yaml.v3 on such a file and allocates next to nothing (BenchmarkParse):
// the nodes come from slabs and the values are substrings of src. Anything else — and anything it is
// not sure yaml.v3 reads the same — makes it give up (ok is false), and
// yaml.v3 parses the file instead: so its errors, and the tree of any file
// parse does not take, are yaml.v3's own. The nodes carry no comments
// (the decoder reads none), and each plain scalar's tag is the one yaml.v3
// resolves. TestParseMatchesYAML and FuzzParse hold it to yaml.v3.
//
// p keeps its memory from the file before: that file's tree must no longer
// be in use.
func (p *parser) parse(src string) (doc *yaml.Node, ok bool) {
	p.src, p.li, p.off, p.depth, p.multi = src, 0, 0, 0, false
	p.nodes.reset()
	p.refs.reset()
	clear(p.kids)
	p.kids = p.kids[:0]
	if len(p.tags) > maxTags {
		p.tags = nil
	}
	if !p.split() {
		return nil, false
	}
	defer func() {
		if r := recover(); r != nil {
			if _, give := r.(giveUp); !give {
				panic(r)
			}
			doc, ok = nil, false
		}
	}()
	li := p.nextContent(0)
	if li == len(p.lines) || p.lines[li].indent != 0 {
		return nil, false
	}
	var root *yaml.Node
	if c := src[p.lines[li].start]; c == '{' || c == '[' {
		// JSON, as GeoJSON is: its lines may break between values
		p.multi = true
		root = p.flow(li, p.lines[li].start)
		p.rest(p.li)
	} else {
		root = p.block(li, 0)
	}
	if p.nextContent(p.li) != len(p.lines) {
		return nil, false
	}
	doc = &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
	return doc, true
}

// giveUp is what parse panics with, deep in a tree, when the text is not
// one it takes; parse recovers it and returns ok false.
type giveUp struct{}

func (p *parser) giveUp() { panic(giveUp{}) }

// A parser holds one file's text cut into lines, and the slabs its nodes
// are made from, which it keeps for the next file: a worker of decodeAll
// parses file after file with one parser, and most of a tree's memory is
// the last tree's.
type parser struct {
	src   string
	lines []line
	li    int // the line after the last one the node just parsed took
	off   int // in a line, the byte after the scalar or flow collection just parsed
	depth int
	multi bool // a flow collection may span lines: the file is one, as JSON
	nodes slab[yaml.Node]
	refs  slab[*yaml.Node] // the nodes' Content
	kids  []*yaml.Node     // the children of the collections being parsed, a stack
	tags  map[string]string
}

// maxTags bounds the tags of values a parser remembers (plainTag).
const maxTags = 10_000

// A slab hands out values of T from chunks it keeps until reset, and
// after: reset hands them out again, as they were left. A new chunk's
// values are zero.
type slab[T any] struct {
	chunks [][]T
	ci, n  int // the chunk in use, and how much of it is
}

func (s *slab[T]) reset() { s.ci, s.n = 0, 0 }

// take is k values, side by side.
func (s *slab[T]) take(k int) []T {
	const size = 4096
	if s.ci < len(s.chunks) && s.n+k > len(s.chunks[s.ci]) {
		s.ci, s.n = s.ci+1, 0
	}
	switch {
	case s.ci == len(s.chunks):
		s.chunks = append(s.chunks, make([]T, max(size, k)))
	case len(s.chunks[s.ci]) < k:
		s.chunks[s.ci] = make([]T, k)
	}
	c := s.chunks[s.ci][s.n : s.n+k : s.n+k]
	s.n += k
	return c
}

// A line is a line of the file: its bytes in src, without the line
// break, and the spaces before its content.
type line struct {
	start, end int
	indent     int
	blank      bool // spaces only, or a comment
	ascii      bool // a column is a byte offset
}

// maxDepth bounds the nesting parse takes; the data files nest a few
// levels.
const maxDepth = 64

// split cuts src into lines, and reports false for a text parse does not
// take whole: a carriage return, a tab, a character YAML does not allow or
// reads as a line break or a space, a document marker or a directive.
func (p *parser) split() bool {
	src := p.src
	p.lines = p.lines[:0]
	for start := 0; start <= len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		l := line{start: start, end: end, ascii: true}
		for i := start; i < end; i++ {
			c := src[i]
			switch {
			case c >= 0x20 && c < 0x7f:
				continue
			case c < 0x80:
				return false // tabs, carriage returns, control characters
			}
			l.ascii = false
			r, size := utf8.DecodeRuneInString(src[i:end])
			if r == utf8.RuneError && size <= 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 ||
				r == 0xfeff || r == 0xfffe || r == 0xffff || r == 0x200b || r == 0x2060 || unicode.Is(unicode.Zs, r) {
				return false
			}
			i += size - 1
		}
		for start+l.indent < end && src[start+l.indent] == ' ' {
			l.indent++
		}
		rest := src[start+l.indent : end]
		l.blank = rest == "" || rest[0] == '#'
		if l.indent == 0 && (strings.HasPrefix(rest, "---") || strings.HasPrefix(rest, "...") || strings.HasPrefix(rest, "%")) {
			return false
		}
		p.lines = append(p.lines, l)
		start = end + 1
	}
	// A file ending in a line break has no last, empty line.
	if n := len(p.lines); n > 1 && p.lines[n-1].start == len(src) {
		p.lines = p.lines[:n-1]
	}
	return true
}

// nextContent is the first line from li on that is not blank.
func (p *parser) nextContent(li int) int {
	for li < len(p.lines) && p.lines[li].blank {
		li++
	}
	return li
}

// node is a node from the slab, placed at byte offset off of line li. The
// slab's nodes are not cleared between files (clearing them is most of
// what they cost while the garbage collector runs): node sets every field
// parse uses, and parse never sets the others (anchors, aliases,
// comments), which stay zero.
func (p *parser) node(li, off int, kind yaml.Kind, style yaml.Style, tag, value string) *yaml.Node {
	n := &p.nodes.take(1)[0]
	n.Kind, n.Style, n.Tag, n.Value = kind, style, tag, value
	if n.Content != nil {
		n.Content = nil
	}
	l := p.lines[li]
	n.Line = li + 1
	if l.ascii {
		n.Column = off - l.start + 1
	} else {
		n.Column = utf8.RuneCountInString(p.src[l.start:off]) + 1
	}
	return n
}

// content gives n the children pushed on p.kids from base on.
func (p *parser) content(n *yaml.Node, base int) {
	kids := p.kids[base:]
	n.Content = p.refs.take(len(kids))
	copy(n.Content, kids)
	clear(kids)
	p.kids = p.kids[:base]
}

func (p *parser) enter() {
	if p.depth++; p.depth > maxDepth {
		p.giveUp()
	}
}

// block parses the block collection whose first line is li, at indent.
func (p *parser) block(li, indent int) *yaml.Node {
	l := p.lines[li]
	if dash(p.src, l.start+indent, l.end) {
		return p.sequence(li, indent)
	}
	if p.key(l.start+indent, l.end) < 0 {
		p.giveUp()
	}
	return p.mapping(li, l.start+indent)
}

// dash reports whether src[i:end] starts a list item: "-" alone or "- ".
func dash(src string, i, end int) bool {
	return i < end && src[i] == '-' && (i+1 == end || src[i+1] == ' ')
}

// isKeyByte are the bytes of the plain keys parse takes.
var isKeyByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
	}
	return t
}()

// key is the offset of the colon ending the plain key that starts at i, or
// -1 when no such key starts there.
func (p *parser) key(i, end int) int {
	j := i
	for j < end && j-i < 128 && isKeyByte[p.src[j]] {
		j++
	}
	if j == i || p.src[i] == '-' || p.src[i] == '.' || j == end || p.src[j] != ':' || j+1 < end && p.src[j+1] != ' ' {
		return -1
	}
	return j
}

// mapping parses the block mapping whose first key starts at byte i of
// line li; its keys are at the column of that one.
func (p *parser) mapping(li, i int) *yaml.Node {
	p.enter()
	defer func() { p.depth-- }()
	n := p.node(li, i, yaml.MappingNode, 0, "!!map", "")
	indent := i - p.lines[li].start
	base := len(p.kids)
	for {
		l := p.lines[li]
		colon := p.key(i, l.end)
		if colon < 0 {
			p.giveUp()
		}
		key := p.src[i:colon]
		k := p.node(li, i, yaml.ScalarNode, 0, p.plainTag(key), key)
		p.kids = append(p.kids, k, p.value(li, colon+1, indent, true))
		li = p.nextContent(p.li)
		if li == len(p.lines) || p.lines[li].indent < indent {
			break
		}
		l = p.lines[li]
		if l.indent > indent || dash(p.src, l.start+indent, l.end) {
			p.giveUp()
		}
		i = l.start + indent
	}
	p.content(n, base)
	p.li = li
	return n
}

// sequence parses the block list whose first item is on line li, at
// indent.
func (p *parser) sequence(li, indent int) *yaml.Node {
	p.enter()
	defer func() { p.depth-- }()
	n := p.node(li, p.lines[li].start+indent, yaml.SequenceNode, 0, "!!seq", "")
	base := len(p.kids)
	for {
		l := p.lines[li]
		after := l.start + indent + 1 // just after the dash
		s := after
		for s < l.end && p.src[s] == ' ' {
			s++
		}
		var item *yaml.Node
		if s < l.end && p.src[s] != '#' && p.key(s, l.end) >= 0 {
			item = p.mapping(li, s)
		} else {
			item = p.value(li, after, indent, false)
		}
		p.kids = append(p.kids, item)
		li = p.nextContent(p.li)
		if li == len(p.lines) || p.lines[li].indent < indent {
			break
		}
		l = p.lines[li]
		if l.indent > indent {
			p.giveUp()
		}
		if !dash(p.src, l.start+indent, l.end) {
			break // the key after a list at the indent of its own key
		}
	}
	p.content(n, base)
	p.li = li
	return n
}

// value parses the value that follows a key's colon or a list's dash, at
// byte c of line li; indent is the key's or the dash's. inMap says it is
// a key's, whose list may start at the key's own indent.
func (p *parser) value(li, c, indent int, inMap bool) *yaml.Node {
	l := p.lines[li]
	s := c
	for s < l.end && p.src[s] == ' ' {
		s++
	}
	if s == l.end || p.src[s] == '#' && s > c {
		// Nothing on the line: a block below, or an empty value.
		next := p.nextContent(li + 1)
		if next < len(p.lines) {
			nl := p.lines[next]
			switch {
			case nl.indent > indent:
				return p.block(next, nl.indent)
			case nl.indent == indent && inMap && dash(p.src, nl.start+indent, nl.end):
				return p.sequence(next, indent)
			}
		}
		n := p.node(li, c, yaml.ScalarNode, 0, "!!null", "")
		p.li = li + 1
		return n
	}
	if s == c && s < l.end {
		p.giveUp() // "key:x" is not a key, "-x" not an item
	}
	var n *yaml.Node
	switch p.src[s] {
	case '|', '>':
		return p.blockScalar(li, s, indent)
	case '"', '\'':
		n = p.quoted(li, s)
	case '[', '{':
		n = p.flow(li, s)
	default:
		n = p.plain(li, s)
	}
	p.rest(li)
	return n
}

// rest checks that what a value leaves of line li, from p.off on, is
// spaces and a comment at most, and moves to the next line.
func (p *parser) rest(li int) {
	l := p.lines[li]
	e := p.off
	for e < l.end && p.src[e] == ' ' {
		e++
	}
	if e < l.end && (p.src[e] != '#' || e == p.off) {
		p.giveUp()
	}
	p.li = li + 1
}

// plainStart reports whether a plain scalar may start with the byte at
// src[i] without parse having to know more YAML than it does.
func plainStart(src string, i, end int) bool {
	switch src[i] {
	case '&', '*', '!', '|', '>', '%', '@', '`', ',', '[', ']', '{', '}', '?', ':', '#', '"', '\'':
		return false
	case '-':
		// -1, -x; not "-" alone, "- " or "---"
		return i+1 < end && (isKeyByte[src[i+1]] && src[i+1] != '-' || src[i+1] >= 0x80)
	case '.':
		return !strings.HasPrefix(src[i:end], "...")
	}
	return true
}

// plain parses the plain scalar that starts at byte s of line li, in a
// block. p.off is set to where it ends.
func (p *parser) plain(li, s int) *yaml.Node {
	l := p.lines[li]
	if !plainStart(p.src, s, l.end) {
		p.giveUp()
	}
	e := s
	for e < l.end && !(p.src[e] == '#' && p.src[e-1] == ' ') {
		if p.src[e] == ':' && (e+1 == l.end || p.src[e+1] == ' ') {
			p.giveUp() // a mapping where a scalar was expected
		}
		e++
	}
	v := strings.TrimRight(p.src[s:e], " ")
	n := p.node(li, s, yaml.ScalarNode, 0, p.plainTag(v), v)
	p.off = s + len(v)
	return n
}

// quoted parses the quoted scalar that starts at byte s of line li; it
// ends on the same line. p.off is set to just after its closing quote.
func (p *parser) quoted(li, s int) *yaml.Node {
	l := p.lines[li]
	q := p.src[s]
	var b strings.Builder
	plain := true // no escape yet: the value is a substring
	i := s + 1
	for {
		if i >= l.end {
			p.giveUp() // a quoted scalar over several lines
		}
		c := p.src[i]
		switch {
		case c == q && q == '\'' && i+1 < l.end && p.src[i+1] == '\'':
			if plain {
				b.WriteString(p.src[s+1 : i])
				plain = false
			}
			b.WriteByte('\'')
			i += 2
			continue
		case c == q:
			v := b.String()
			if plain {
				v = p.src[s+1 : i]
			}
			style := yaml.SingleQuotedStyle
			if q == '"' {
				style = yaml.DoubleQuotedStyle
			}
			p.off = i + 1
			return p.node(li, s, yaml.ScalarNode, style, "!!str", v)
		case c == '\\' && q == '"':
			if plain {
				b.WriteString(p.src[s+1 : i])
				plain = false
			}
			i = p.escape(&b, i+1, l.end)
			continue
		}
		if !plain {
			b.WriteByte(c)
		}
		i++
	}
}

// escape writes the character escaped at src[i] (just after a backslash)
// and returns the offset after the escape.
func (p *parser) escape(b *strings.Builder, i, end int) int {
	if i >= end {
		p.giveUp()
	}
	digits := 0
	switch c := p.src[i]; c {
	case '0':
		b.WriteByte(0)
	case 'a':
		b.WriteByte('\a')
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'v':
		b.WriteByte('\v')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'e':
		b.WriteByte(0x1b)
	case ' ', '"', '\'', '\\':
		b.WriteByte(c)
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		p.giveUp() // \N, \_, \L, \P, a line break: left to yaml.v3
	}
	if digits == 0 {
		return i + 1
	}
	if i+1+digits > end {
		p.giveUp()
	}
	v, err := strconv.ParseUint(p.src[i+1:i+1+digits], 16, 32)
	if err != nil || v >= 0xd800 && v <= 0xdfff || v > unicode.MaxRune {
		p.giveUp()
	}
	b.WriteRune(rune(v))
	return i + 1 + digits
}

// flow parses the flow mapping or list that starts at byte s of line li.
// It ends on the same line, or, when p.multi, on a line after: p.li is
// set to the line it ends on and p.off to just after it.
func (p *parser) flow(li, s int) *yaml.Node {
	p.enter()
	defer func() { p.depth-- }()
	var n *yaml.Node
	closing := byte(']')
	if p.src[s] == '{' {
		n, closing = p.node(li, s, yaml.MappingNode, yaml.FlowStyle, "!!map", ""), '}'
	} else {
		n = p.node(li, s, yaml.SequenceNode, yaml.FlowStyle, "!!seq", "")
	}
	base := len(p.kids)
	// skip passes spaces, and with p.multi line breaks and empty lines:
	// it leaves li and i at the next character, or at the end of the text.
	i := s + 1
	skip := func() {
		for {
			l := p.lines[li]
			for i < l.end && p.src[i] == ' ' {
				i++
			}
			if i < l.end || !p.multi || li+1 == len(p.lines) {
				return
			}
			li++
			i = p.lines[li].start
		}
	}
	at := func() byte { // the character at i, or 0 at the end of the line
		if i < p.lines[li].end {
			return p.src[i]
		}
		return 0
	}
	skip()
	if at() == closing {
		p.content(n, base)
		p.li, p.off = li, i+1
		return n
	}
	for {
		if n.Kind == yaml.MappingNode {
			l := p.lines[li]
			var k *yaml.Node
			if at() == '"' {
				k = p.quoted(li, i)
				if p.off-i > 128 {
					p.giveUp() // yaml.v3 takes a key of at most 1024 characters
				}
				i = p.off
			} else {
				j := i
				for j < l.end && isKeyByte[p.src[j]] {
					j++
				}
				if j == i || p.src[i] == '-' || p.src[i] == '.' {
					p.giveUp()
				}
				key := p.src[i:j]
				k = p.node(li, i, yaml.ScalarNode, 0, p.plainTag(key), key)
				i = j
			}
			if i+1 >= l.end || p.src[i] != ':' || p.src[i+1] != ' ' {
				p.giveUp()
			}
			p.kids = append(p.kids, k)
			i++
			skip()
		}
		p.kids = append(p.kids, p.flowValue(li, i))
		li, i = p.li, p.off
		skip()
		switch at() {
		case ',':
			i++
			skip()
			if c := at(); c == 0 || c == closing {
				p.giveUp() // a trailing comma
			}
			continue
		case closing:
			p.content(n, base)
			p.li, p.off = li, i+1
			return n
		}
		p.giveUp()
	}
}

// flowValue parses the value at byte i of line li, inside a flow
// collection; p.li and p.off are set to where it ends.
func (p *parser) flowValue(li, i int) *yaml.Node {
	l := p.lines[li]
	if i >= l.end {
		p.giveUp()
	}
	p.li = li // where the value ends, but for a flow collection over lines
	switch p.src[i] {
	case '"', '\'':
		return p.quoted(li, i)
	case '[', '{':
		return p.flow(li, i)
	}
	if !plainStart(p.src, i, l.end) {
		p.giveUp()
	}
	e := i
	// yaml.v3 ends a plain scalar in a flow at any of ,?[]{} and at ": ";
	// parse gives up at any colon, at a #, and at a ?.
	for e < l.end && !strings.ContainsRune(",?[]{}:#", rune(p.src[e])) {
		e++
	}
	if e < l.end && (p.src[e] == ':' || p.src[e] == '#' || p.src[e] == '?') {
		p.giveUp()
	}
	v := strings.TrimRight(p.src[i:e], " ")
	n := p.node(li, i, yaml.ScalarNode, 0, p.plainTag(v), v)
	p.off = i + len(v)
	return n
}

// blockScalar parses the block scalar whose indicator (| or >) is at byte
// s of line li, under a key or dash at indent. parse takes the clipped and
// the stripped (|-, >-) ones, their indentation found from their first
// line; a folded one with lines indented deeper than the first it leaves
// to yaml.v3.
func (p *parser) blockScalar(li, s, indent int) *yaml.Node {
	l := p.lines[li]
	folded := p.src[s] == '>'
	i := s + 1
	strip := i < l.end && p.src[i] == '-'
	if strip {
		i++
	}
	j := i
	for j < l.end && p.src[j] == ' ' {
		j++
	}
	if j < l.end && (p.src[j] != '#' || j == i) {
		p.giveUp() // a keep or indentation indicator, or text after the header
	}
	// The text's indentation is its first line's.
	first := li + 1
	for first < len(p.lines) && p.spaces(first) {
		first++
	}
	if first == len(p.lines) || p.lines[first].indent <= indent || folded && first > li+1 {
		p.giveUp() // an empty block scalar, or a folded one starting with empty lines
	}
	m := p.lines[first].indent
	var text []string // the lines, without the indentation; "" for an empty one
	end := li + 1
	for ; end < len(p.lines); end++ {
		ln := p.lines[end]
		if p.spaces(end) {
			if ln.end-ln.start > m {
				p.giveUp() // spaces that would be text
			}
			text = append(text, "")
			continue
		}
		if ln.indent < m {
			break
		}
		if folded && ln.indent > m {
			p.giveUp()
		}
		text = append(text, p.src[ln.start+m:ln.end])
	}
	if end == len(p.lines) && !strings.HasSuffix(p.src, "\n") {
		p.giveUp() // the text's last line break is missing: clipping differs
	}
	for len(text) > 0 && text[len(text)-1] == "" {
		text = text[:len(text)-1]
	}
	var b strings.Builder
	for k, t := range text {
		switch {
		case k == 0:
		case !folded:
			b.WriteByte('\n')
		case t != "" && text[k-1] != "":
			b.WriteByte(' ') // a line break folded into a space
		case t != "":
			// the empty lines before t wrote a line break each
		default:
			b.WriteByte('\n')
		}
		b.WriteString(t)
	}
	if !strip {
		b.WriteByte('\n')
	}
	style := yaml.LiteralStyle
	if folded {
		style = yaml.FoldedStyle
	}
	p.li = end
	return p.node(li, s, yaml.ScalarNode, style, "!!str", b.String())
}

// spaces reports whether line li is empty or spaces only.
func (p *parser) spaces(li int) bool {
	l := p.lines[li]
	return l.start+l.indent == l.end
}

// plainTag is the tag yaml.v3 resolves a plain scalar to. The common
// cases are decided here; the rest (a leading zero, an exponent, a date,
// an id starting with a digit) are asked of yaml.v3, once a value a file.
func (p *parser) plainTag(v string) string {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "<<":
		p.giveUp() // a merge key: the decoder's message needs yaml.v3's tree
	}
	if c := v[0]; !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return "!!str"
	}
	if t := decimalTag(v); t != "" {
		return t
	}
	if t, ok := p.tags[v]; ok {
		return t
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(v), &doc); err != nil || len(doc.Content) != 1 {
		p.giveUp()
	}
	s := doc.Content[0]
	if s.Kind != yaml.ScalarNode || s.Value != v || s.Style != 0 {
		p.giveUp()
	}
	if p.tags == nil {
		p.tags = map[string]string{}
	}
	p.tags[v] = s.Tag
	return s.Tag
}

// decimalTag is !!int for digits with an optional sign, no leading zero
// and at most 18 of them, !!float for digits, a point and digits, and ""
// for anything else.
func decimalTag(v string) string {
	if v[0] == '-' || v[0] == '+' {
		v = v[1:]
	}
	intPart, frac, dot := strings.Cut(v, ".")
	if !allDigits(intPart) {
		return ""
	}
	switch {
	case !dot && len(intPart) <= 18 && (intPart[0] != '0' || len(intPart) == 1):
		return "!!int"
	case dot && allDigits(frac):
		return "!!float"
	}
	return ""
}
