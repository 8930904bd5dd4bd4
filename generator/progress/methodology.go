package progress

import (
	_ "embed"
	"regexp"

	"plansite/generator/plan"
)

var (
	//go:embed methodology.vi.md
	methodologyVI string
	//go:embed methodology.en.md
	methodologyEN string
)

// reCodeSpan is a code span of the methodology's markdown: a formula or a
// symbol, which the page shows in words.
var reCodeSpan = regexp.MustCompile("`[^`\n]+`")

// Methodology is the markdown of the site's methodology page in lang:
// the statuses, both methods with their formulas, and a worked example.
// It is Vietnamese unless lang is plan.EN. Its formulas, written with
// their symbols in methodology.*.md, are shown in words (InWords), in
// italics.
func Methodology(lang plan.Lang) string {
	md := methodologyVI
	if lang == plan.EN {
		md, lang = methodologyEN, plan.EN
	} else {
		lang = plan.VI
	}
	return reCodeSpan.ReplaceAllStringFunc(md, func(code string) string {
		return "*" + InWords(lang, code[1:len(code)-1]) + "*"
	})
}
