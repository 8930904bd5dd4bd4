//go:build gates

package gates

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The hostile datasets are copies of examples/demo whose every text
// carries an attack, written by `go test -tags gates ./generator/gates -update`:
//
//	testdata/hostile       raw HTML, a javascript: link, a Hugo shortcode
//	                       and a formula in every text: the checker must
//	                       refuse it
//	testdata/hostile-text  the same attacks written so that they pass the
//	                       checker, as text: the site must publish it inert
//
// A text is a {vi, en} pair (markdown); the free-text strings (abbr,
// publisher, quote, number) are plain and carry the raw attack in both.
// Ids, references, dates and enumerations stay as they are.

// The attacks.
const (
	closeScript = `</script><script>alert(1)</script>`
	imgOnError  = `"><img src=x onerror=alert(2)>`
	jsLink      = `[x](javascript:alert(3))`
	jsURL       = `javascript:alert(3)`
	shortcode   = `{{< youtube id="x" >}}`
)

// formulas start a text, in turn, so that every kind reaches the CSV files.
var formulas = []string{`=HYPERLINK("http://evil.example")`, `@SUM(1+1)`, `+1`, `-1`}

// plainKeys are the free-text fields that are not markdown.
var plainKeys = map[string]bool{"abbr": true, "publisher": true, "quote": true, "number": true}

// A poisoner rewrites the texts of a YAML tree.
type poisoner struct {
	text  func(s string, n int) string // a vi or en text, the nth so far
	plain func(s string, n int) string // a plain free-text field
	url   func(s string) string        // a source's url
	n     int
}

// refused is what the checker must reject, at the position of each text.
var refused = poisoner{
	text: func(s string, n int) string {
		return withPayload(formulas[0]+" "+s, closeScript+" "+imgOnError+" "+jsLink+" "+shortcode)
	},
	plain: func(s string, n int) string { return formulas[0] + " " + s + " " + closeScript + " " + imgOnError },
	url:   func(string) string { return jsURL },
}

// inert passes the checker: the markup is escaped with backslashes or held
// in a code span, and the script address is not a link. Once the markdown
// is read, the text holds the attack as it is.
var inert = poisoner{
	text: func(s string, n int) string {
		esc := `\</script>\<script>alert(1)\</script> "\>\<img src=x onerror=alert(2)>`
		return withPayload(formulas[n%len(formulas)]+" "+s, esc+" `"+closeScript+"` "+jsURL)
	},
	plain: func(s string, n int) string {
		return formulas[n%len(formulas)] + " " + s + " " + closeScript + " " + imgOnError
	},
	url: func(s string) string { return s },
}

// withPayload adds p to the text s: on its line when s is one line, else
// as a paragraph of its own at the end.
func withPayload(s, p string) string {
	if !strings.Contains(strings.TrimRight(s, "\n"), "\n") {
		return strings.TrimRight(s, "\n") + " " + p
	}
	return strings.TrimRight(s, "\n") + "\n\n" + p + "\n"
}

func (p *poisoner) node(n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			p.node(c)
		}
	case yaml.MappingNode:
		if isText(n) {
			for i := 1; i < len(n.Content); i += 2 {
				p.set(n.Content[i], p.text(n.Content[i].Value, p.n))
				p.n++
			}
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			switch {
			case v.Kind == yaml.ScalarNode && plainKeys[k]:
				p.set(v, p.plain(v.Value, p.n))
				p.n++
			case v.Kind == yaml.ScalarNode && k == "url":
				p.set(v, p.url(v.Value))
			default:
				p.node(v)
			}
		}
	}
}

// isText reports whether n is a {vi, en} text.
func isText(n *yaml.Node) bool {
	if len(n.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; (k != "vi" && k != "en") || n.Content[i+1].Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

func (p *poisoner) set(n *yaml.Node, s string) {
	if n.Value == s {
		return
	}
	n.Value, n.Tag = s, "!!str"
	if n.Style != yaml.LiteralStyle && n.Style != yaml.FoldedStyle {
		n.Style = yaml.DoubleQuotedStyle
	}
}

// writeHostile writes dst as a copy of src with p's attacks in every text.
func writeHostile(src, dst string, p poisoner, readme string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: %v", e.Name(), err)
		}
		p.node(&doc)
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return fmt.Errorf("%s: %v", e.Name(), err)
		}
		// The editors' schema comment points at schemas/ from examples/demo.
		b = bytes.ReplaceAll(out.Bytes(), []byte("$schema=../../schemas/"), []byte("$schema=../../../../schemas/"))
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dst, "README.md"), []byte(readme), 0o644)
}

// writeFixtures rewrites both hostile datasets from examples/demo; TestMain
// calls it under -update.
func writeFixtures() error {
	src := filepath.Join(root, "examples", "demo")
	note := "Written by `go test -tags gates ./generator/gates -update` from examples/demo; do not edit by hand.\n\n"
	err := writeHostile(src, filepath.Join("testdata", "hostile"), refused,
		"# Hostile data the checker refuses\n\n"+note+fmt.Sprintf(
			"Every text carries %s, %s, %s and %s, and starts with %s; every source's url is %s. "+
				"The build must exit 1 and name the position of each.\n",
			"`"+closeScript+"`", "`"+imgOnError+"`", "`"+jsLink+"`", "`` "+shortcode+" ``", "`"+formulas[0]+"`", "`"+jsURL+"`"))
	if err != nil {
		return err
	}
	return writeHostile(src, filepath.Join("testdata", "hostile-text"), inert,
		"# Hostile text the site publishes inert\n\n"+note+
			"Every text carries the attacks of ../hostile written as text that the checker accepts "+
			"(escaped with backslashes, or in a code span; the script address is not a link), and "+
			"starts with a spreadsheet formula (=HYPERLINK(…), @SUM(…), +1 or -1, in turn). The "+
			"free-text fields abbr, publisher, quote and number carry them raw. The site must build, "+
			"run no script, inject no element, and neutralise every formula in its CSV files.\n")
}
