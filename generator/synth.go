package main

import (
	"fmt"
	"io"
	"os"

	"plansite/generator/synth"
)

// synthesize runs "generator synth": it writes a synthetic dataset of the
// scale o into out, which must not hold a dataset already.
func synthesize(o synth.Options, out string, stdout io.Writer) error {
	switch {
	case out == "":
		return usageError("-out is required: the folder to write the dataset into")
	case o.Provinces < 1 || o.Communes < 1 || o.Years < 2 || o.Districts < 0 || o.Targets < 0:
		return usageError("-provinces and -communes must be at least 1, -years at least 2 and -targets not negative")
	}
	if _, err := os.Stat(out + "/site.yaml"); err == nil {
		return usageError(fmt.Sprintf("%s holds a dataset already: remove it or choose another -out", out))
	}
	if err := synth.Write(out, o); err != nil {
		return err
	}
	o = o.Normalize()
	fmt.Fprintf(stdout, "wrote %s: synthetic, %d provinces, %d districts, %d communes, %d years, %d targets, seed %d\n",
		out, o.Provinces, o.Districts, o.Communes, o.Years, synth.TargetCount(o), o.Seed)
	return nil
}
