package progress

import (
	_ "embed"

	"plansite/generator/plan"
)

var (
	//go:embed methodology.vi.md
	methodologyVI string
	//go:embed methodology.en.md
	methodologyEN string
)

// Methodology is the markdown of the site's methodology page in lang:
// the statuses, both methods with their formulas, and a worked example.
// It is Vietnamese unless lang is plan.EN.
func Methodology(lang plan.Lang) string {
	if lang == plan.EN {
		return methodologyEN
	}
	return methodologyVI
}
