package emit

import (
	"bufio"
	"bytes"
	"io/fs"
	"plansite/generator/plan"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/themes"
)

var (
	// reAction is a template action; comments are left out below.
	reAction = regexp.MustCompile(`(?s)\{\{-?\s*(.*?)\s*-?\}\}`)
	// reTranslate is a call of Hugo's translation function, T, i18n or
	// lang.Translate (not a field such as .T); the key follows it.
	reTranslate = regexp.MustCompile(`(?:^|[\s(|])(?:T|i18n|lang\.Translate)\s+`)
	reLiteral   = regexp.MustCompile(`^"([A-Za-z0-9_-]+)"`)
	// rePrefix is a key made of a fixed prefix and a value from the data:
	// (printf "area_kind_%s" .Kind).
	rePrefix  = regexp.MustCompile(`^\(printf\s+"([A-Za-z0-9_-]+)%s"`)
	reTOMLKey = regexp.MustCompile(`^([A-Za-z0-9_-]+)\s*=`)
)

// templateKeys reads every template of the theme for the i18n keys it
// uses: literal keys, with the files that use them, and the prefixes of
// keys built from data. A key written any other way is a problem: no test
// could tell which keys it needs.
func templateKeys(theme fs.FS) (used, prefixes map[string][]string, problems []string, err error) {
	used, prefixes = map[string][]string{}, map[string][]string{}
	err = fs.WalkDir(theme, "layouts", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, path)
		if err != nil {
			return err
		}
		for _, m := range reAction.FindAllSubmatch(b, -1) {
			action := string(m[1])
			if strings.HasPrefix(action, "/*") {
				continue
			}
			for _, c := range reTranslate.FindAllStringIndex(action, -1) {
				arg := action[c[1]:]
				if l := reLiteral.FindStringSubmatch(arg); l != nil {
					used[l[1]] = append(used[l[1]], path)
				} else if p := rePrefix.FindStringSubmatch(arg); p != nil {
					prefixes[p[1]] = append(prefixes[p[1]], path)
				} else {
					problems = append(problems, path+": {{ "+action+" }}: write the i18n key as a literal, or as (printf \"prefix_%s\" …), so that its translations can be checked")
				}
			}
		}
		return nil
	})
	return used, prefixes, problems, err
}

// fileKeys reads the keys of an i18n file: one `key = value` a line, with
// blank lines and comments between.
func fileKeys(t *testing.T, theme fs.FS, path string) map[string]bool {
	t.Helper()
	b, err := fs.ReadFile(theme, path)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := reTOMLKey.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%s:%d: not a `key = value` line: %s", path, n, line)
			continue
		}
		if keys[m[1]] {
			t.Errorf("%s:%d: %s is defined twice", path, n, m[1])
		}
		keys[m[1]] = true
	}
	return keys
}

// Every i18n key a template uses is in both translation files, and every
// key of the files is used, literally or through the prefix of a key built
// from data: a renamed key cannot leave a page without its words, nor the
// files with words no page shows.
func TestI18nKeysMatchTemplates(t *testing.T) {
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		t.Fatal(err)
	}
	used, prefixes, problems, err := templateKeys(theme)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if len(used) == 0 {
		t.Fatal("no i18n keys found in the templates")
	}
	for _, lang := range plan.Langs {
		path := "i18n/" + string(lang) + ".toml"
		keys := fileKeys(t, theme, path)
		for _, k := range sorted(used) {
			if !keys[k] {
				t.Errorf("%s: no key %s, which %s use", path, k, strings.Join(slices.Compact(used[k]), ", "))
			}
		}
		for _, p := range sorted(prefixes) {
			found := false
			for k := range keys {
				found = found || strings.HasPrefix(k, p)
			}
			if !found {
				t.Errorf("%s: no key starts with %s, which %s build keys from", path, p, strings.Join(slices.Compact(prefixes[p]), ", "))
			}
		}
		for _, k := range sorted(keys) {
			if _, ok := used[k]; ok {
				continue
			}
			prefixed := false
			for p := range prefixes {
				prefixed = prefixed || strings.HasPrefix(k, p)
			}
			if !prefixed {
				t.Errorf("%s: key %s is used by no template", path, k)
			}
		}
	}
}

// The reading of templates finds literal keys and prefixes, and refuses a
// key it cannot read, so that the test above cannot pass by missing keys.
func TestTemplateKeysReading(t *testing.T) {
	for _, tc := range []struct {
		name, template string
		used, prefixes []string
		refused        bool
	}{
		{name: "literal", template: `<p>{{ T "areas_intro" }}</p>`, used: []string{"areas_intro"}},
		{name: "with arguments and trim markers", template: `{{- T "rank_text" (dict "Of" 3) -}}`, used: []string{"rank_text"}},
		{name: "in a pipeline", template: `{{ with T (printf "whole_%s" .Kind) }}{{ . }}{{ end }}`, prefixes: []string{"whole_"}},
		{name: "i18n and lang.Translate", template: `{{ i18n "a" }}{{ lang.Translate "b" }}`, used: []string{"a", "b"}},
		{name: "several in one action", template: `{{ cond $g (T "x") (T "y") }}`, used: []string{"x", "y"}},
		{name: "a field named T is no call", template: `{{ .T }}{{ $p.T "z" }}`},
		{name: "comments are skipped", template: `{{- /* T "not_a_key" */ -}}`},
		{name: "key from a variable", template: `{{ T .stage }}`, refused: true},
		{name: "key from lower", template: `{{ T (lower .) }}`, refused: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			theme := fstest.MapFS{"layouts/x.html": {Data: []byte(tc.template)}}
			used, prefixes, problems, err := templateKeys(theme)
			if err != nil {
				t.Fatal(err)
			}
			if refused := len(problems) > 0; refused != tc.refused {
				t.Errorf("templateKeys(%q) problems = %q, want refused %v", tc.template, problems, tc.refused)
			}
			if tc.refused {
				return
			}
			if got := sorted(used); !slices.Equal(got, orEmpty(tc.used)) {
				t.Errorf("templateKeys(%q) used = %q, want %q", tc.template, got, tc.used)
			}
			if got := sorted(prefixes); !slices.Equal(got, orEmpty(tc.prefixes)) {
				t.Errorf("templateKeys(%q) prefixes = %q, want %q", tc.template, got, tc.prefixes)
			}
		})
	}
}

func sorted[V any](m map[string]V) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
