package load_test

import (
	"testing"
	"testing/fstest"

	"plansite/generator/check"
	"plansite/generator/load"
	"plansite/generator/plan"
)

// FuzzLoad reads arbitrary bytes as targets.yaml, areas.yaml and plan.yaml
// in turn, the other files being the valid base, and checks the plan when
// it decodes, as the generator does. Whatever the bytes, loading and
// checking must not panic, and every problem must name its file and say
// what is wrong. The seeds in testdata/fuzz/FuzzLoad cover the classes of
// bad input the CLI scripts test.
func FuzzLoad(f *testing.F) {
	base := baseFS(f, nil)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"targets.yaml", "areas.yaml", "plan.yaml"} {
			fsys := fstest.MapFS{name: {Data: src}}
			for k, v := range base {
				if k != name {
					fsys[k] = v
				}
			}
			p, probs := load.FS(fsys, "data")
			if !probs.Fatal() {
				// Checks need a fully decoded plan, as in the generator.
				probs = append(probs, check.Plan(p)...)
			}
			for _, pr := range probs {
				if pr.Pos.File == "" || pr.VI == "" || pr.Message(plan.Both) == "" {
					t.Errorf("%s: problem without a file or a message: %#v\nformatted: %s", name, pr, pr.Format(plan.Both))
				}
			}
		}
	})
}
