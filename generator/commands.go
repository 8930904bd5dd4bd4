package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"plansite/generator/emit"
	"plansite/generator/plan"
	"plansite/generator/synth"
)

// A command is one of the generator's commands, as cmd/go's base.Command:
// its name, its usage line, its own flags, and what it runs once they are
// parsed.
type command struct {
	name  string // what follows "generator": check, new report
	args  string // the rest of its usage line: its flags and arguments
	flags *flag.FlagSet
	// run runs the command with the arguments left after the flags.
	run func(args []string, stdout, stderr io.Writer) error
}

// usage is the command's usage line.
func (c *command) usage() string { return "generator " + c.name + " " + c.args }

// commands is the CLI: every command, in the order the usage lists them.
// Each call makes new flag sets, so that runs never share a flag.
func commands() []*command {
	return []*command{checkCmd(), buildCmd(), serveCmd(), newReportCmd(), newYearCmd(), importCmd(), synthCmd()}
}

func newCommand(name, args string) (*command, *flag.FlagSet) {
	c := &command{name: name, args: args, flags: flag.NewFlagSet(name, flag.ContinueOnError)}
	return c, c.flags
}

func checkCmd() *command {
	return checkingCmd("check", "[-data DIR] [-content DIR] [-lang vi|en] [-format text|json|github]",
		func(cfg config, _, stderr io.Writer) error { return checkData(cfg, stderr) })
}

func buildCmd() *command {
	return checkingCmd("build", "[-data DIR] [-content DIR] [-drafts] [-out DIR] [-hugo PATH] [-base-url URL] [-segment K/N] [-quiet] [-lang vi|en] [-format text|json|github]",
		build, func(cfg *config, fs *flag.FlagSet) {
			fs.BoolVar(&cfg.drafts, "drafts", false, "publish drafts too, under a \"Bản nháp / Draft\" banner, for review")
		}, (*config).siteFlags, (*config).baseURLFlag, func(cfg *config, fs *flag.FlagSet) {
			fs.StringVar(&cfg.segment, "segment", "", "render only part K of N of the pages, for a build split across machines (docs/scale.md)")
			fs.BoolVar(&cfg.quiet, "quiet", false, "print only the problems and the last line, not each stage as it runs")
		})
}

// checkingCmd is a command that checks the data folder and prints its
// problems, as check and build do: it takes -data, the flags of more,
// -lang and -format, and no argument, then runs do.
func checkingCmd(name, args string, do func(cfg config, stdout, stderr io.Writer) error, more ...func(*config, *flag.FlagSet)) *command {
	c, fs := newCommand(name, args)
	var cfg config
	cfg.dataFlag(fs, "data folder to read")
	cfg.contentFlag(fs)
	for _, f := range more {
		f(&cfg, fs)
	}
	cfg.messageFlags(fs)
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if err := firstErr(noArgs(args), cfg.checkMessages(), cfg.checkBaseURL(), cfg.checkSegment()); err != nil {
			return err
		}
		return do(cfg, stdout, stderr)
	}
	return c
}

func serveCmd() *command {
	c, fs := newCommand("serve", "[-data DIR] [-content DIR] [-out DIR] [-hugo PATH] [-port N]")
	cfg := config{drafts: true} // a preview shows drafts, under their banner
	cfg.dataFlag(fs, "data folder to read")
	cfg.contentFlag(fs)
	cfg.siteFlags(fs)
	fs.StringVar(&cfg.port, "port", "1313", "port of the preview server")
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		return serve(cfg, stdout, stderr)
	}
	return c
}

func newReportCmd() *command {
	c, fs := newCommand("new report", "-date YYYY-MM-DD [-period half-year|year] [-data DIR]")
	cfg := config{format: plan.FormatText}
	cfg.dataFlag(fs, "data folder to add the file to")
	date := fs.String("date", "", "date of the report, YYYY-MM-DD")
	period := fs.String("period", "", "half-year or year (default: from the date: April to September is half-year)")
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usageError(fmt.Sprintf("unexpected argument %q: give the date as -date YYYY-MM-DD", args[0]))
		}
		return fixFirst(newReport(cfg, *date, *period, stdout, stderr))
	}
	return c
}

func newYearCmd() *command {
	c, fs := newCommand("new year", "YYYY [-data DIR]")
	cfg := config{format: plan.FormatText}
	cfg.dataFlag(fs, "data folder to add the file to")
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if len(args) != 1 {
			return usageError("give one year: generator new year 2016")
		}
		return fixFirst(newYear(cfg, args[0], stdout, stderr))
	}
	return c
}

// synthCmd writes a synthetic dataset for make bench (synth.go).
func synthCmd() *command {
	c, fs := newCommand("synth", "[-provinces P] [-districts D] [-communes N] [-years Y] [-targets T] [-seed S] -out DIR")
	nat := synth.National()
	var o synth.Options
	fs.IntVar(&o.Provinces, "provinces", nat.Provinces, "provinces")
	fs.IntVar(&o.Districts, "districts", 0, "districts in all (default: about 11 a province)")
	fs.IntVar(&o.Communes, "communes", nat.Communes, "communes in all")
	fs.IntVar(&o.Years, "years", nat.Years, "years of figures, the first the baseline")
	fs.IntVar(&o.Targets, "targets", 0, "targets in all (default: the plan's own, 9 and 2 a province)")
	fs.Uint64Var(&o.Seed, "seed", nat.Seed, "seed of the random numbers: the same seed gives the same files")
	out := fs.String("out", "", "folder to write the dataset into (required)")
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		return synthesize(o, *out, stdout)
	}
	return c
}

func (cfg *config) dataFlag(fs *flag.FlagSet, what string) {
	fs.StringVar(&cfg.data, "data", "data", what)
}

func (cfg *config) contentFlag(fs *flag.FlagSet) {
	fs.StringVar(&cfg.content, "content", "", "folder of the pages editors write (default: content/ beside the data folder)")
}

// siteFlags are the flags of the commands that emit a site.
func (cfg *config) siteFlags(fs *flag.FlagSet) {
	fs.StringVar(&cfg.out, "out", "site", "folder of the emitted Hugo project; the site is built into its public/")
	fs.StringVar(&cfg.hugo, "hugo", "", "Hugo executable (default: go tool -modfile=tools/hugo.mod hugo)")
}

// baseURLFlag is build's -base-url: the site's absolute address, which
// canonical and alternate links, og:url and the sitemap need.
func (cfg *config) baseURLFlag(fs *flag.FlagSet) {
	fs.StringVar(&cfg.baseURL, "base-url", "", "the site's absolute address, https://… (default: base_url in site.yaml)")
}

// messageFlags are the flags of the commands that print the data's
// problems.
func (cfg *config) messageFlags(fs *flag.FlagSet) {
	fs.StringVar(&cfg.lang, "lang", "", "language of messages: vi or en (default: both)")
	fs.StringVar(&cfg.format, "format", plan.FormatText, "how problems are printed: text, json or github")
}

// checkMessages refuses a -lang or -format the commands do not know.
func (cfg *config) checkMessages() error {
	if l := plan.Lang(cfg.lang); l != plan.Both && l != plan.VI && l != plan.EN {
		return usageError(fmt.Sprintf("-lang must be vi or en (got %q)", cfg.lang))
	}
	return checkFormat(cfg.format)
}

// checkSegment refuses a -segment that is not K/N.
func (cfg *config) checkSegment() error {
	if cfg.segment == "" {
		return nil
	}
	if _, err := emit.ParseSegment(cfg.segment); err != nil {
		return usageError("-segment: " + err.Error())
	}
	return nil
}

// checkBaseURL refuses a -base-url that is not an absolute http(s) address.
func (cfg *config) checkBaseURL() error {
	if cfg.baseURL != "" && !plan.Absolute(cfg.baseURL) {
		return usageError(fmt.Sprintf("-base-url must be an absolute address, https://… (got %q)", cfg.baseURL))
	}
	return nil
}

// An argsError is an argument a command does not take: a usage error,
// printed with the command's usage line.
type argsError struct{ usageError }

func noArgs(args []string) error {
	if len(args) > 0 {
		return argsError{usageError(fmt.Sprintf("unexpected argument %q", args[0]))}
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fixFirst is the error of a scaffold on data with fatal problems, which
// it has printed: the editor fixes them first.
func fixFirst(err error) error {
	if errors.Is(err, errBadData) {
		return errors.New("the data has problems: fix them first, then run this again")
	}
	return err
}

// usageText lists the usage lines of cmds, under "usage:".
func usageText(cmds []*command) string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for _, c := range cmds {
		b.WriteString("  " + c.usage() + "\n")
	}
	return b.String()
}

// parse parses the command's flags in args, which may come before, among
// or after its other arguments (generator new year 2016 -data d), and
// returns those arguments.
func (c *command) parse(args []string) ([]string, error) {
	var rest []string
	for {
		if err := c.flags.Parse(args); err != nil {
			return nil, err
		}
		left := c.flags.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if len(left) < len(args) && args[len(args)-len(left)-1] == "--" {
			return append(rest, left...), nil // after --, no more flags
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}
