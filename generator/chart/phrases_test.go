package chart

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"strconv"
	"testing"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// verb matches a verb of package fmt, or %%.
var verb = regexp.MustCompile(`%(?:%|(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z])`)

// verbs are the verbs of a format, in order, without %%.
func verbs(format string) []string {
	var out []string
	for _, v := range verb.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// Every phrase of phrases.go has the same verbs in the same order in both
// languages, since the builders give each the same arguments.
func TestPhrasesTakeTheSameArguments(t *testing.T) {
	n := 0
	for _, name := range []string{"phrases.go", "answer.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		inspectPhrases(t, f, &n)
	}
	if n < 60 {
		t.Errorf("read %d phrases in phrases.go and answer.go, want at least 60", n)
	}
}

// inspectPhrases checks every phrase of f, counting them in n.
func inspectPhrases(t *testing.T, f *ast.File, n *int) {
	ast.Inspect(f, func(node ast.Node) bool {
		lit, ok := node.(*ast.CompositeLit)
		if !ok {
			return true
		}
		format := map[string]string{}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, _ := kv.Key.(*ast.Ident)
			val, _ := kv.Value.(*ast.BasicLit)
			if key == nil || val == nil || (key.Name != "VI" && key.Name != "EN") {
				continue
			}
			s, err := strconv.Unquote(val.Value)
			if err != nil {
				t.Fatal(err)
			}
			format[key.Name] = s
		}
		vi, hasVI := format["VI"]
		en, hasEN := format["EN"]
		if !hasVI || !hasEN {
			return true
		}
		*n++
		if a, b := verbs(vi), verbs(en); !reflect.DeepEqual(a, b) {
			t.Errorf("%q takes %q, %q takes %q", vi, a, en, b)
		}
		return true
	})
}

// A phrase puts its arguments in, in the reader's language.
func TestPhraseIn(t *testing.T) {
	for lang, want := range map[plan.Lang]string{
		plan.VI: "so với mục tiêu ít nhất 90 % đến năm 2020: chậm tiến độ",
		plan.EN: "against a target of at least 90 % by 2020: off track",
	} {
		words := goalWords[plan.GoalAtLeast].in(lang, "90 %")
		if got := againstGoal.in(lang, words, 2020, progress.OffTrack.Words().In(lang)); got != want {
			t.Errorf("againstGoal in %s = %q, want %q", lang, got, want)
		}
	}
}
