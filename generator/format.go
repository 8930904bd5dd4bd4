package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"plansite/generator/plan"
)

// printProblems writes the problems to w in the format -format names:
// text, one a line as path:line:col: id: problem (nothing when there are
// none); json, an array of records ([] when there are none); github,
// workflow commands that annotate a pull request.
func printProblems(w io.Writer, probs plan.Problems, cfg config) {
	switch cfg.format {
	case plan.FormatJSON:
		w.Write(probs.JSON())
	case plan.FormatGitHub:
		fmt.Fprint(w, probs.GitHub(plan.Lang(cfg.lang)))
	default:
		fmt.Fprint(w, probs.Format(plan.Lang(cfg.lang)))
	}
}

// checkFormat refuses a -format that is not one of plan.Formats.
func checkFormat(format string) error {
	if format == "" || slices.Contains(plan.Formats, format) {
		return nil
	}
	return usageError(fmt.Sprintf("-format must be %s (got %q)", strings.Join(plan.Formats, ", "), format))
}
