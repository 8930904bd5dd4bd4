// Command generator publishes a plan and its results as a website.
//
//	generator check [-data DIR] [-lang vi|en] [-format text|json|github]
//	generator build [-data DIR] [-out DIR] [-hugo PATH] [-lang vi|en] [-format text|json|github]
//	generator serve [-data DIR] [-out DIR] [-hugo PATH] [-port N]
//	generator new report -date YYYY-MM-DD [-period half-year|year] [-data DIR]
//	generator new year YYYY [-data DIR]
//	generator synth [-provinces P] [-communes N] [-years Y] [-seed S] -out DIR
//
// check reads and checks the data folder and prints every problem, one a
// line as path:line:col: id: problem (-format json: a JSON array; -format
// github: annotations for a pull request). build does the same, then emits
// the Hugo project into -out and builds it into -out/public, which it
// replaces only when everything succeeded. One build or preview at a time
// writes to an -out folder: another is refused, saying which holds it.
// SIGINT or SIGTERM stops a build, and Hugo with it, leaving -out/public
// as it was. serve previews the site with Hugo's server and re-emits it
// when a data file changes. new writes the skeleton of a report, or empty
// observations for a new year (scaffold.go).
// Exit status: 0 on success, 1 on bad data or a failed build, 2 on bad
// usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"plansite/generator/plan"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// A usageError is a mistake in the command line, which exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

const usage = `usage:
  generator check [-data DIR] [-lang vi|en] [-format text|json|github]
  generator build [-data DIR] [-out DIR] [-hugo PATH] [-lang vi|en] [-format text|json|github]
  generator serve [-data DIR] [-out DIR] [-hugo PATH] [-port N]
  generator new report -date YYYY-MM-DD [-period half-year|year] [-data DIR]
  generator new year YYYY [-data DIR]
  generator synth [-provinces P] [-communes N] [-years Y] [-seed S] -out DIR
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	if cmd == "new" {
		return runNew(args, stdout, stderr)
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	var cfg config
	fs.StringVar(&cfg.data, "data", "data", "data folder to read")
	fs.StringVar(&cfg.lang, "lang", "", "language of messages: vi or en (default: both)")
	fs.StringVar(&cfg.format, "format", plan.FormatText, "how problems are printed: text, json or github")
	switch cmd {
	case "check":
	case "build", "serve":
		fs.StringVar(&cfg.out, "out", "site", "folder of the emitted Hugo project; the site is built into its public/")
		fs.StringVar(&cfg.hugo, "hugo", "", "Hugo executable (default: go tool -modfile=tools/hugo.mod hugo)")
		fs.StringVar(&cfg.port, "port", "1313", "port of the preview server (serve)")
	case "synth": // a synthetic dataset for make bench (synth.go)
		return synthCommand(args, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "generator: unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "generator %s: unexpected argument %q\n%s", cmd, fs.Arg(0), usage)
		return 2
	}
	if cfg.lang != "" && cfg.lang != "vi" && cfg.lang != "en" {
		fmt.Fprintf(stderr, "generator %s: -lang must be vi or en (got %q)\n", cmd, cfg.lang)
		return 2
	}
	if err := checkFormat(cfg.format); err != nil {
		fmt.Fprintf(stderr, "generator %s: %v\n", cmd, err)
		return 2
	}
	var err error
	switch cmd {
	case "check":
		err = checkData(cfg, stderr)
	case "build":
		err = build(cfg, stdout, stderr)
	case "serve":
		err = serve(cfg, stdout, stderr)
	}
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "generator %s: %v\n", cmd, err)
		return 2
	case errors.Is(err, errBadData):
		return 1 // the problems are printed already
	default:
		fmt.Fprintf(stderr, "generator %s: %v\n", cmd, err)
		return 1
	}
}
