package main

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The usage lines of the package comment, the manual, are the command
// table's.
func TestUsageIsPackageDoc(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	var doc []string
	for line := range strings.Lines(string(src)) {
		if strings.HasPrefix(line, "//\tgenerator ") {
			doc = append(doc, strings.TrimSpace(strings.TrimPrefix(line, "//")))
		}
	}
	var table []string
	for _, c := range commands() {
		table = append(table, c.usage())
	}
	if !slices.Equal(doc, table) {
		t.Errorf("main.go's package comment lists\n%s\nthe command table\n%s", strings.Join(doc, "\n"), strings.Join(table, "\n"))
	}
}

// A command's usage line names every flag it defines, and no other.
func TestUsageListsEveryFlag(t *testing.T) {
	reFlag := regexp.MustCompile(`(?:^|[\s\[])-([a-z][a-z-]*)`)
	for _, c := range commands() {
		var defined, listed []string
		c.flags.VisitAll(func(f *flag.Flag) { defined = append(defined, f.Name) })
		for _, m := range reFlag.FindAllStringSubmatch(c.args, -1) {
			listed = append(listed, m[1])
		}
		slices.Sort(defined)
		slices.Sort(listed)
		if !slices.Equal(defined, listed) {
			t.Errorf("%s: defines %v, its usage line %q lists %v", c.name, defined, c.usage(), listed)
		}
	}
}
