package markdown

import (
	"strings"
	"testing"
)

// Every form of shortcode Hugo knows is a flaw at the offset of its
// opening delimiter, wherever it stands: text, code span, code block, link.
func TestShortcodeFlaws(t *testing.T) {
	for _, c := range []struct {
		in      string
		offsets []int
		detail  string
	}{
		{`{{< youtube id="x" >}}`, []int{0}, `{{< youtube id="x" >}}`},
		{`a {{% param "title" %}} b`, []int{2}, `{{% param "title" %}}`},
		{`{{</* qr */>}}`, []int{0}, `{{</* qr */>}}`},
		{`{{%/* x */%}}`, []int{0}, `{{%/* x */%}}`},
		{"Báo cáo {{< qr >}}x{{< /qr >}}", []int{10, 21}, `{{< qr >}}`},
		{"`{{< code >}}`", []int{1}, `{{< code >}}`},
		{"    {{% block %}}\n", []int{4}, `{{% block %}}`},
		{"[x](https://a.example/{{%25)", []int{22}, `{{%25)`},
		{"{{{< x >}}", []int{1}, `{{< x >}}`},
		{"{{< unclosed", []int{0}, `{{< unclosed`},
		{"{{ < not one }} {{x}} {{", nil, ""},
	} {
		flaws := Flaws(c.in)
		var offsets []int
		for _, f := range flaws {
			if f.Kind == Shortcode {
				offsets = append(offsets, f.Offset)
			}
		}
		if len(offsets) != len(c.offsets) {
			t.Errorf("Flaws(%q) shortcodes at %v, want %v", c.in, offsets, c.offsets)
			continue
		}
		for i := range offsets {
			if offsets[i] != c.offsets[i] {
				t.Errorf("Flaws(%q) shortcodes at %v, want %v", c.in, offsets, c.offsets)
			}
		}
		if len(flaws) > 0 && flaws[0].Detail != c.detail {
			t.Errorf("Flaws(%q)[0].Detail = %q, want %q", c.in, flaws[0].Detail, c.detail)
		}
	}
}

// Flaws come in the order of the text, shortcodes among the others.
func TestFlawsInOrder(t *testing.T) {
	flaws := Flaws("{{< a >}} <b>x</b> {{% c %}}")
	var kinds []string
	for _, f := range flaws {
		kinds = append(kinds, f.Kind)
	}
	want := []string{Shortcode, RawHTML, RawHTML, Shortcode}
	if strings.Join(kinds, " ") != strings.Join(want, " ") {
		t.Errorf("Flaws kinds = %v, want %v", kinds, want)
	}
}

// Inert leaves no delimiter Hugo would run, and outside code the reader
// sees the very characters of the text.
func TestInert(t *testing.T) {
	for _, in := range []string{
		`{{< youtube id="x" >}}`,
		`a {{% param "title" %}} b {{</* qr */>}} {{%/* x */%}}`,
		"{{{< x >}}}} and {{<{{%",
		"# Tiêu đề {{< x >}}\n\n- mục {{% y %}}\n",
		"[link {{< x >}}](https://a.example/ \"t {{% y %}}\")",
		"nothing to do {{ }}",
	} {
		out := Inert(in)
		if len(shortcodes(out)) > 0 {
			t.Errorf("Inert(%q) = %q, which still opens a shortcode", in, out)
		}
		if got, want := Plain(out), Plain(in); got != want {
			t.Errorf("Plain(Inert(%q)) = %q, want %q", in, got, want)
		}
	}
	if s := "no braces"; Inert(s) != s {
		t.Errorf("Inert(%q) changed it", s)
	}
}
