// Command generator publishes a plan and its results as a website.
//
//	generator check [-data DIR] [-content DIR] [-lang vi|en] [-format text|json|github]
//	generator build [-data DIR] [-content DIR] [-drafts] [-out DIR] [-hugo PATH] [-base-url URL] [-segment K/N] [-quiet] [-lang vi|en] [-format text|json|github]
//	generator serve [-data DIR] [-content DIR] [-out DIR] [-hugo PATH] [-port N]
//	generator new report -date YYYY-MM-DD [-period half-year|year] [-data DIR]
//	generator new year YYYY [-data DIR]
//	generator import [-data DIR] [-kind households|budget|results] [-source ID] [-dry-run] [-lang vi|en] FILE  |  -template KIND [-o FILE]
//	generator synth [-provinces P] [-districts D] [-communes N] [-years Y] [-targets T] [-seed S] -out DIR
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
// observations for a new year (scaffold.go). import reads a spreadsheet
// (.xlsx, .csv) into the data files, writing nothing while a problem
// remains, or writes the empty template of a kind of table (import.go).
// Exit status: 0 on success, 1 on bad data or a failed build, 2 on bad
// usage. The usage lines above are those of the command table
// (commands.go), which a test keeps them equal to.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"plansite/generator/internal/memory"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "serve" {
		memory.Batch() // see memory.go
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// A usageError is a mistake in the command line, which exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// run runs the command that args name (commands) and returns the exit
// status: 0 on success, 1 on bad data or a failed build, 2 on bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText(cmds))
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usageText(cmds))
		return 0
	case "new": // new report, new year
		var scaffolds []*command
		for _, c := range cmds {
			if strings.HasPrefix(c.name, "new ") {
				scaffolds = append(scaffolds, c)
			}
		}
		switch {
		case len(args) == 1:
			fmt.Fprintf(stderr, "generator new\n%s", usageText(scaffolds))
			return 2
		case !slices.ContainsFunc(scaffolds, func(c *command) bool { return c.name == "new "+args[1] }):
			fmt.Fprintf(stderr, "generator new: unknown scaffold %q\n%s", args[1], usageText(scaffolds))
			return 2
		}
		name, args = "new "+args[1], args[1:]
	}
	i := slices.IndexFunc(cmds, func(c *command) bool { return c.name == name })
	if i < 0 {
		fmt.Fprintf(stderr, "generator: unknown command %q\n%s", name, usageText(cmds))
		return 2
	}
	c := cmds[i]
	c.flags.SetOutput(stderr)
	c.flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n", c.usage())
		c.flags.PrintDefaults()
	}
	rest, err := c.parse(args[1:])
	if err != nil {
		return 2 // the flag package has said what and printed the usage
	}
	err = c.run(rest, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.As(err, new(argsError)):
		fmt.Fprintf(stderr, "generator %s: %v\nusage: %s\n", name, err, c.usage())
		return 2
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "generator %s: %v\n", name, err)
		return 2
	case errors.Is(err, errBadData):
		return 1 // the problems are printed already
	default:
		fmt.Fprintf(stderr, "generator %s: %v\n", name, err)
		return 1
	}
}
