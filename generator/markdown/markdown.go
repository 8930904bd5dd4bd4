// Package markdown reads the markdown held in data fields with goldmark:
// it finds what the site refuses to publish (raw HTML, links to scripts,
// Hugo shortcodes) and extracts plain text for summaries and descriptions.
package markdown

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Flaw is something in a markdown text that the site does not publish.
type Flaw struct {
	Offset int    // byte offset in the text
	Kind   string // RawHTML, UnsafeLink or Shortcode
	Detail string // the offending text, shortened
}

// Flaw kinds.
const (
	RawHTML    = "raw_html"
	UnsafeLink = "unsafe_link"
	Shortcode  = "shortcode"
)

func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
}

// Flaws lists raw HTML, links whose scheme is not http, https or mailto,
// and Hugo shortcodes, in the order they appear.
func Flaws(src string) []Flaw {
	sc := shortcodes(src)
	if !strings.ContainsAny(src, "<[") {
		return sc // no HTML, link, image or autolink starts without one of these
	}
	flaws := parseFlaws(src)
	if len(sc) == 0 {
		return flaws
	}
	flaws = append(flaws, sc...)
	sort.SliceStable(flaws, func(i, j int) bool { return flaws[i].Offset < flaws[j].Offset })
	return flaws
}

// shortcodes lists each shortcode opening delimiter in src. Hugo runs a
// shortcode wherever "{{<" or "{{%" appears in a page's text, even in a
// code span, with or without the /* */ that it reads as "show as it is".
// Text from data never reaches Hugo as one: the checker refuses the
// delimiters, and Inert breaks them in whatever reaches Hugo unchecked.
func shortcodes(src string) []Flaw {
	var flaws []Flaw
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return flaws
		}
		i += j
		if rest := src[i+2:]; strings.HasPrefix(rest, "<") || strings.HasPrefix(rest, "%") {
			closer := ">}}"
			if rest[0] == '%' {
				closer = "%}}"
			}
			detail := src[i:]
			if end := strings.Index(detail, closer); end >= 0 {
				detail = detail[:end+3]
			}
			flaws = append(flaws, Flaw{Offset: i, Kind: Shortcode, Detail: short(detail)})
			i += 3
			continue
		}
		i++
	}
}

// inert breaks every shortcode delimiter with a backslash, which markdown
// reads as an escape: outside code the reader sees the same characters.
var inert = strings.NewReplacer("{{<", `{{\<`, "{{%", `{{\%`)

// Inert returns src with no shortcode delimiter left for Hugo to run: the
// emitted project's last line of defence behind the checker, which refuses
// them in every text.
func Inert(src string) string {
	if !strings.Contains(src, "{{") {
		return src
	}
	return inert.Replace(src)
}

// parseFlaws is Flaws by way of goldmark.
func parseFlaws(src string) []Flaw {
	b := []byte(src)
	doc := newParser().Parse(text.NewReader(b))
	var flaws []Flaw
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				flaws = append(flaws, Flaw{Offset: seg.Start, Kind: RawHTML, Detail: short(string(seg.Value(b)))})
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				flaws = append(flaws, Flaw{Offset: seg.Start, Kind: RawHTML, Detail: short(string(seg.Value(b)))})
			}
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				flaws = append(flaws, Flaw{Offset: offset(n, b), Kind: UnsafeLink, Detail: short(string(n.Destination))})
			}
		case *ast.Image:
			if !SafeURL(string(n.Destination)) {
				flaws = append(flaws, Flaw{Offset: offset(n, b), Kind: UnsafeLink, Detail: short(string(n.Destination))})
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(b))) {
				flaws = append(flaws, Flaw{Offset: offset(n, b), Kind: UnsafeLink, Detail: short(string(n.URL(b)))})
			}
		}
		return ast.WalkContinue, nil
	})
	return flaws
}

// offset finds where an inline node starts: goldmark keeps segments for
// text, so take the first text segment below it, less the bracket.
func offset(n ast.Node, b []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			if s := t.Segment.Start; s > 0 && (b[s-1] == '[' || b[s-1] == '<') {
				return s - 1
			}
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil && p.Lines().Len() > 0 {
		return p.Lines().At(0).Start
	}
	return 0
}

// SafeURL reports whether a link may be published: a web or mail address,
// or a path on the site itself.
func SafeURL(u string) bool {
	s := strings.ToLower(strings.TrimSpace(u))
	// Browsers ignore control characters and spaces inside a scheme.
	s = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, s)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true // no scheme: relative
	}
	switch s[:i] {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func short(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// Plain is the text of a markdown string without its markup, on one line,
// for meta descriptions and summaries.
func Plain(src string) string {
	if isPlain(src) {
		return strings.Join(strings.Fields(src), " ")
	}
	return parsePlain(src)
}

// parsePlain is Plain by way of goldmark.
func parsePlain(src string) string {
	b := []byte(src)
	doc := newParser().Parse(text.NewReader(b))
	var out bytes.Buffer
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && out.Len() > 0 {
				out.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			// As the HTML renderer writes text: backslash escapes and
			// entity references resolved (`\<` is "<", `&amp;` is "&").
			out.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(n.Segment.Value(b)))))
			if n.SoftLineBreak() || n.HardLineBreak() {
				out.WriteByte(' ')
			}
		case *ast.String:
			out.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					out.Write(t.Segment.Value(b))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(out.String()), " ")
}

// isPlain reports whether markdown would read s as one paragraph of text
// and nothing else: one line, no character that can start markup, and no
// digit or hyphen first (a list item). Names and short labels are; Plain
// returns them without parsing.
func isPlain(s string) bool {
	t := strings.TrimLeft(s, " ")
	if t == "" || t[0] == '-' || t[0] >= '0' && t[0] <= '9' || len(s)-len(t) > 3 {
		return false
	}
	return !strings.ContainsAny(s, "\n\r\t\\`*_[]<>!#&|~=+")
}

// A Link is a link or image in a markdown text: where it starts and
// where it points.
type Link struct {
	Offset int // byte offset in the text
	Dest   string
}

// Links lists the links and images of src in the order they appear,
// autolinks included, so that a page's links to the site can be checked.
func Links(src string) []Link {
	if !strings.ContainsAny(src, "<[") {
		return nil
	}
	b := []byte(src)
	doc := newParser().Parse(text.NewReader(b))
	var links []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, Link{Offset: offset(n, b), Dest: string(n.Destination)})
		case *ast.Image:
			links = append(links, Link{Offset: offset(n, b), Dest: string(n.Destination)})
		case *ast.AutoLink:
			links = append(links, Link{Offset: offset(n, b), Dest: string(n.URL(b))})
		}
		return ast.WalkContinue, nil
	})
	return links
}

// Placeholder is what the scaffolds (generator new report) write where
// text is to come: a line or a table cell that holds only it has not been
// written yet.
const Placeholder = "…"

// Placeholders lists the offsets in s of the placeholders left from a
// scaffold: a line, or a cell of a table row, that holds only "…". An
// ellipsis inside a sentence is text.
func Placeholders(s string) []int {
	if !strings.Contains(s, Placeholder) {
		return nil
	}
	var offs []int
	start := 0
	for _, line := range strings.SplitAfter(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == Placeholder:
			offs = append(offs, start+strings.Index(line, Placeholder))
		case strings.HasPrefix(t, "|"):
			at := start + strings.Index(line, "|")
			for _, cell := range strings.Split(strings.TrimPrefix(t, "|"), "|") {
				at++ // the bar before it
				if strings.TrimSpace(cell) == Placeholder {
					offs = append(offs, at+strings.Index(cell, Placeholder))
				}
				at += len(cell)
			}
		}
		start += len(line)
	}
	return offs
}
