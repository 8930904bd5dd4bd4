package main

import (
	"context"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"plansite/generator/hugo"
	"plansite/generator/load"
	"plansite/generator/pipeline"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// shortcodeAttack is every form of shortcode Hugo knows: one that frames
// another site, one that reads the site's configuration, one that draws an
// image, Hugo's "show as it is" comment form (which Hugo would show
// without its comment marks), and one left unclosed, which would fail the
// build if Hugo read it. (Two comment forms would pair their asterisks as
// markdown emphasis.)
const shortcodeAttack = ` {{< youtube id="sc0de" >}} {{% param "title" %}} {{< qr text="sc0de" />}} {{< unclosed {{</* x */>}}`

// poisonTexts appends the attack to every Text of v, in both languages.
func poisonTexts(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			poisonTexts(v.Elem())
		}
	case reflect.Struct:
		if t, ok := v.Addr().Interface().(*plan.Text); ok {
			if t.VI != "" {
				t.VI += shortcodeAttack
			}
			if t.EN != "" {
				t.EN += shortcodeAttack
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				poisonTexts(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			poisonTexts(v.Index(i))
		}
	}
}

// Should a shortcode get past the checker, Hugo still runs none: the demo
// data with the attack in every text, emitted without the check, builds
// (the unclosed one would stop Hugo), and no page frames a video, reads
// the configuration or draws a QR code; the pages show the characters.
func TestShortcodesNeverRunUnchecked(t *testing.T) {
	p, probs := load.Dir("../examples/demo")
	if probs.Fatal() {
		t.Fatal(probs)
	}
	poisonTexts(reflect.ValueOf(p))
	if len(p.Reports) == 0 || !strings.Contains(p.Reports[0].Body.VI, "{{<") {
		t.Fatal("the attack did not reach the reports' bodies")
	}
	// Emitted as a build does, less the check that would refuse it.
	dir := t.TempDir()
	if err := pipeline.Emit(&pipeline.Checked{Plan: p, Report: progress.Compute(p, 0)}, dir, nil); err != nil {
		t.Fatal(err)
	}
	if err := hugo.Build(context.Background(), strings.Fields(hugoCmd(t)), dir); err != nil {
		t.Fatalf("the emitted site does not build: %v", err)
	}
	public := filepath.Join(dir, "public")
	// Hugo's typographer curls the quotes of rendered text.
	straight := strings.NewReplacer("“", `"`, "”", `"`)
	attack := strings.TrimSpace(shortcodeAttack)
	shown := 0
	err := filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, path)
		if strings.Contains(rel, "qr") {
			t.Errorf("%s: the qr shortcode ran", rel)
		}
		if !strings.HasSuffix(path, ".html") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		page := straight.Replace(html.UnescapeString(string(b)))
		if i := strings.Index(page, "<iframe"); i >= 0 {
			t.Errorf("%s: the youtube shortcode ran: %q", rel, page[i:min(len(page), i+120)])
		}
		// Wherever the attack is, it is whole, as the editor typed it:
		// no part of it was run, dropped or rewritten.
		for i := 0; ; {
			j := strings.Index(page[i:], "{{< youtube")
			if j < 0 {
				break
			}
			i += j
			if !strings.HasPrefix(page[i:], attack) && !clipped(page[i:], attack) {
				t.Errorf("%s: the attack is not shown as typed: %q", rel, page[i:min(len(page), i+len(attack)+20)])
			}
			shown++
			i++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if shown == 0 {
		t.Error("no page shows the attack as text: was it dropped rather than made inert?")
	}
}

// clipped reports whether s starts with a prefix of attack cut short by a
// description's "…", as long texts are in meta descriptions.
func clipped(s, attack string) bool {
	i := strings.Index(s, "…")
	return i > 0 && strings.HasPrefix(attack, s[:i])
}
