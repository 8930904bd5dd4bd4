package progress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plansite/generator/plan"
)

// reCodeWord is what a reader must never see: a symbol of a formula
// (v_latest, t_target, CAGR_target) or a name of a goal kind of the data
// format.
var reCodeWord = regexp.MustCompile(`\b[a-zA-Z]+_[a-zA-Z_]+\b|\bCAGR\b`)

// Every formula the package defines is in Formulas, and reads in words
// in both languages, with no symbol left.
func TestFormulasInWords(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "progress.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || !strings.HasPrefix(vs.Names[0].Name, "Formula") || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok {
			return true
		}
		s, _ := strconv.Unquote(lit.Value)
		n++
		if !slices.Contains(Formulas, s) {
			t.Errorf("%s (%q) is not in Formulas", vs.Names[0].Name, s)
		}
		return true
	})
	if n < 30 {
		t.Fatalf("read %d formulas in progress.go, want at least 30", n)
	}
	for f, w := range FormulaWords() {
		for _, s := range []string{w.VI, w.EN} {
			if code := reCodeWord.FindString(s); code != "" {
				t.Errorf("InWords(%q) = %q, which still holds %q", f, s, code)
			}
		}
	}
	if got, want := InWords(plan.VI, FormulaRequired), "(giá trị cần đạt − giá trị gốc) / (năm đích − năm gốc)"; got != want {
		t.Errorf("InWords(vi, %q) = %q, want %q", FormulaRequired, got, want)
	}
	if got, want := InWords(plan.EN, FormulaNeeded), "(value to reach − latest value) / (target year − latest year)"; got != want {
		t.Errorf("InWords(en, %q) = %q, want %q", FormulaNeeded, got, want)
	}
}
