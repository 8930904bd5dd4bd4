package plan

import (
	"fmt"
	"sort"
	"strings"
)

// A Pos is a place in a data file. Line and Col count from 1; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		// A problem with a whole file (missing, unreadable) points at its start.
		return p.File + ":1:1"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// A Node records where a record was written and where each of its keys'
// values starts. Every record type embeds one; the loader fills it.
type Node struct {
	Pos  Pos
	Keys []KeyAt // in the order written
}

// A KeyAt is where the value of one of a record's keys starts, in the
// record's file. A key whose value is a list is followed by the places of
// its items, as many as Items, which have no Key. A slice rather than a
// map: a record has a few keys, and the national data a million records.
type KeyAt struct {
	Key       string
	Line, Col int32
	Items     int32
}

// key is the index in n.Keys of key, or -1.
func (n Node) key(key string) int {
	for j := 0; j < len(n.Keys); j += 1 + int(n.Keys[j].Items) {
		if n.Keys[j].Key == key {
			return j
		}
	}
	return -1
}

func (n Node) pos(k KeyAt) Pos { return Pos{File: n.Pos.File, Line: int(k.Line), Col: int(k.Col)} }

// At is the position of key's value, or of the record itself when the key
// was not written.
func (n Node) At(key string) Pos {
	if j := n.key(key); j >= 0 {
		return n.pos(n.Keys[j])
	}
	return n.Pos
}

// AtItem is the position of item i of the list at key, or of the list.
func (n Node) AtItem(key string, i int) Pos {
	j := n.key(key)
	switch {
	case j < 0:
		return n.Pos
	case i >= 0 && i < int(n.Keys[j].Items):
		return n.pos(n.Keys[j+1+i])
	}
	return n.pos(n.Keys[j])
}

// Has reports whether key was written in the record.
func (n Node) Has(key string) bool { return n.key(key) >= 0 }

// Severity says whether a problem stops the build.
type Severity int

const (
	// Fatal problems stop the build; nothing is published.
	Fatal Severity = iota
	// Warning problems are printed; the build goes on.
	Warning
)

// A Problem is something a data editor can fix at Pos, worded in Vietnamese
// (VI) and English (EN). ID names the item it concerns, when there is one.
type Problem struct {
	Pos      Pos
	ID       string
	VI, EN   string
	Severity Severity
}

// A Lang is one of the site's languages, by its code: the language of a
// page, a chart, a text, or of printed problems.
type Lang string

const (
	// Both prints Vietnamese, then English (problems only).
	Both Lang = ""
	VI   Lang = "vi"
	EN   Lang = "en"
)

// Langs are the site's languages: Vietnamese, the source of truth, first.
var Langs = []Lang{VI, EN}

// Message is the problem's text in lang, without position.
func (p Problem) Message(lang Lang) string {
	vi, en := p.VI, p.EN
	if p.Severity == Warning {
		vi, en = "cảnh báo: "+vi, "warning: "+en
	}
	switch {
	case lang == EN && p.EN != "":
		return en
	case lang == VI || p.EN == "":
		return vi
	}
	return vi + " — " + en
}

// Format is the problem on one line: path:line:col: id: message.
func (p Problem) Format(lang Lang) string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.ID != "" {
		b.WriteString(p.ID)
		b.WriteString(": ")
	}
	b.WriteString(p.Message(lang))
	return b.String()
}

func (p Problem) Error() string { return p.Format(Both) }

// Problems is a list of problems; as an error it is fatal when any member is.
type Problems []Problem

// Sort orders problems by file, line, column and message, so that output
// does not depend on the order checks ran in.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ps[i].VI < ps[j].VI
	})
}

// Fatal reports whether any problem stops the build.
func (ps Problems) Fatal() bool {
	for _, p := range ps {
		if p.Severity == Fatal {
			return true
		}
	}
	return false
}

// Format is the problems one a line in lang.
func (ps Problems) Format(lang Lang) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Format(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

func (ps Problems) Error() string { return strings.TrimSuffix(ps.Format(Both), "\n") }

// Locate is the position of the byte at offset in text s, which sp
// locates. For a block scalar, line k of the text starts at column Indent
// of line Pos.Line+k; a flow scalar is taken to sit on one line.
func (sp Span) Locate(s string, offset int) Pos {
	if sp.File == "" {
		return Pos{}
	}
	if offset > len(s) {
		offset = len(s)
	}
	before := s[:offset]
	line := strings.Count(before, "\n")
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:]))
	switch {
	case sp.Block:
		return Pos{File: sp.File, Line: sp.Line + line, Col: sp.Indent + col}
	case line > 0:
		return Pos{File: sp.File, Line: sp.Line + line, Col: 1 + col}
	case sp.Quoted:
		return Pos{File: sp.File, Line: sp.Line, Col: sp.Col + 1 + col}
	}
	return Pos{File: sp.File, Line: sp.Line, Col: sp.Col + col}
}
