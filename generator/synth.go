package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"plansite/generator/synth"
)

// synthCommand runs "generator synth": it writes a synthetic dataset of
// the given scale into -out, which must not hold a dataset already.
func synthCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nat := synth.National()
	var o synth.Options
	fs.IntVar(&o.Provinces, "provinces", nat.Provinces, "provinces")
	fs.IntVar(&o.Districts, "districts", 0, "districts in all (default: about 11 a province)")
	fs.IntVar(&o.Communes, "communes", nat.Communes, "communes in all")
	fs.IntVar(&o.Years, "years", nat.Years, "years of figures, the first the baseline")
	fs.Uint64Var(&o.Seed, "seed", nat.Seed, "seed of the random numbers: the same seed gives the same files")
	out := fs.String("out", "", "folder to write the dataset into (required)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: generator synth [-provinces P] [-communes N] [-years Y] [-seed S] -out DIR\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "generator synth: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *out == "":
		fmt.Fprint(stderr, "generator synth: -out is required: the folder to write the dataset into\n")
		return 2
	case o.Provinces < 1 || o.Communes < 1 || o.Years < 2 || o.Districts < 0:
		fmt.Fprint(stderr, "generator synth: -provinces and -communes must be at least 1 and -years at least 2\n")
		return 2
	}
	if _, err := os.Stat(*out + "/site.yaml"); err == nil {
		fmt.Fprintf(stderr, "generator synth: %s holds a dataset already: remove it or choose another -out\n", *out)
		return 2
	}
	if err := synth.Write(*out, o); err != nil {
		fmt.Fprintf(stderr, "generator synth: %v\n", err)
		return 1
	}
	o = o.Normalize()
	fmt.Fprintf(stdout, "wrote %s: synthetic, %d provinces, %d districts, %d communes, %d years, seed %d\n",
		*out, o.Provinces, o.Districts, o.Communes, o.Years, o.Seed)
	return 0
}
