package plan

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Formats in which problems can be printed: Format's one line each, a JSON
// array for programs, or GitHub Actions workflow commands, which put each
// problem on its line of a pull request.
const (
	FormatText   = "text"
	FormatJSON   = "json"
	FormatGitHub = "github"
)

// Formats lists the formats, for messages.
var Formats = []string{FormatText, FormatJSON, FormatGitHub}

// A Record is a problem as the JSON format writes it.
type Record struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	ID        string `json:"id"`
	Severity  string `json:"severity"` // error or warning
	MessageVI string `json:"message_vi"`
	MessageEN string `json:"message_en"`
}

// Record is the problem as the JSON format writes it. A problem with a
// whole file points at its first line, as Pos.String does.
func (p Problem) Record() Record {
	line, col := p.Pos.Line, p.Pos.Col
	if p.Pos.File != "" && line == 0 {
		line, col = 1, 1
	}
	sev := "error"
	if p.Severity == Warning {
		sev = "warning"
	}
	return Record{File: p.Pos.File, Line: line, Col: col, ID: p.ID, Severity: sev, MessageVI: p.VI, MessageEN: p.EN}
}

// JSON is the problems as an indented JSON array, [] when there are none,
// with a final newline.
func (ps Problems) JSON() []byte {
	recs := make([]Record, 0, len(ps))
	for _, p := range ps {
		recs = append(recs, p.Record())
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(recs) // strings and ints only: cannot fail
	return b.Bytes()
}

// GitHub is the problems as GitHub Actions workflow commands, one a line:
//
//	::error file=data/targets.yaml,line=3,col=14::2b: message
//
// A warning is a ::warning. The message is in lang, without the
// "warning:" prefix, which the command already says.
func (ps Problems) GitHub(lang Lang) string {
	var b strings.Builder
	for _, p := range ps {
		cmd := "error"
		if p.Severity == Warning {
			cmd = "warning"
		}
		b.WriteString("::" + cmd)
		if p.Pos.File != "" {
			r := p.Record()
			b.WriteString(" file=" + escapeProperty(r.File) +
				",line=" + strconv.Itoa(r.Line) + ",col=" + strconv.Itoa(max(r.Col, 1)))
		}
		b.WriteString("::")
		msg := Problem{VI: p.VI, EN: p.EN}.Message(lang) // no "warning:" prefix
		if p.ID != "" {
			msg = p.ID + ": " + msg
		}
		b.WriteString(escapeData(msg))
		b.WriteByte('\n')
	}
	return b.String()
}

// escapeData escapes a workflow command's message as the Actions toolkit
// does: % first, then carriage return and line feed.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data, and
// also : and , which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
