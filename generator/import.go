package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"plansite/generator/importer"
	"plansite/generator/pipeline"
	"plansite/generator/plan"
)

// importCmd reads a spreadsheet into the data files (package importer),
// or writes the empty template of a kind of table.
func importCmd() *command {
	c, fs := newCommand("import", "[-data DIR] [-kind "+strings.ReplaceAll(importer.KindNames(), ", ", "|")+"] [-source ID] [-dry-run] [-lang vi|en] FILE  |  -template KIND [-o FILE]")
	cfg := config{format: plan.FormatText}
	cfg.dataFlag(fs, "data folder to write into")
	kind := fs.String("kind", "", "the kind of table (default: from its column names)")
	source := fs.String("source", "", "source id (sources.yaml) of the rows that have none")
	dry := fs.Bool("dry-run", false, "show what would change, and write nothing")
	fs.StringVar(&cfg.lang, "lang", "", "language of messages: vi or en (default: both)")
	tmpl := fs.String("template", "", "write the empty workbook of a kind of table ("+importer.KindNames()+") instead")
	out := fs.String("o", "", "with -template: the file to write (default: KIND.xlsx)")
	c.run = func(args []string, stdout, stderr io.Writer) error {
		if err := cfg.checkMessages(); err != nil {
			return err
		}
		var k *importer.Kind
		for _, name := range []string{*kind, *tmpl} {
			if name != "" && importer.KindNamed(name) == nil {
				return usageError(fmt.Sprintf("no kind of table %q: the kinds are %s", name, importer.KindNames()))
			}
		}
		if *tmpl != "" {
			if len(args) > 0 {
				return argsError{usageError(fmt.Sprintf("unexpected argument %q: -template writes a workbook, it reads none", args[0]))}
			}
			return writeTemplate(importer.KindNamed(*tmpl), *out, stdout)
		}
		if *kind != "" {
			k = importer.KindNamed(*kind)
		}
		if len(args) != 1 {
			return argsError{usageError("give one spreadsheet to import: generator import ket-qua-2014.xlsx")}
		}
		return importFile(cfg, args[0], k, *source, *dry, stdout, stderr)
	}
	return c
}

func writeTemplate(k *importer.Kind, out string, stdout io.Writer) error {
	if out == "" {
		out = k.Name + ".xlsx"
	}
	b, err := importer.Template(k)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: fill in one row a figure, then run generator import %s\n", out, out)
	return nil
}

// importFile reads the spreadsheet at path into cfg.data. It writes
// nothing while a problem remains: in the table, in the data as it is, or
// in the data as the import would leave it.
func importFile(cfg config, path string, k *importer.Kind, source string, dry bool, stdout, stderr io.Writer) error {
	lang := plan.Lang(cfg.lang)
	p, err := checkedQuietly(cfg, stderr)
	if err != nil {
		return fixFirst(err)
	}
	name := filepath.ToSlash(path)
	t, probs := importer.Read(path, name)
	var recs []importer.Record
	if t != nil {
		var more importer.Problems
		recs, more = importer.Rows(t, k, p, source)
		probs = append(probs, more...)
	}
	if !probs.Fatal() {
		changes, more := importer.Apply(cfg.data, recs)
		probs = append(probs, more...)
		if !probs.Fatal() {
			for _, pr := range probs {
				fmt.Fprintln(stderr, pr.Format(lang))
			}
			return writeChanges(cfg, changes, len(recs), name, dry, stdout, stderr)
		}
	}
	for _, pr := range probs {
		fmt.Fprintln(stderr, pr.Format(lang))
	}
	fmt.Fprintf(stderr, "nothing written: fix the table, then run generator import %s again\n", name)
	return errBadData
}

// writeChanges checks the data as the changes leave it, in a copy, then
// shows them (dry) or writes them.
func writeChanges(cfg config, changes []importer.Change, rows int, name string, dry bool, stdout, stderr io.Writer) error {
	if len(changes) == 0 {
		fmt.Fprintf(stdout, "%s: the data has these %d rows already; nothing to change\n", name, rows)
		return nil
	}
	tmp, err := os.MkdirTemp("", "plansite-import-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	copyDir := filepath.Join(tmp, filepath.Base(filepath.Clean(cfg.data)))
	if err := os.CopyFS(copyDir, os.DirFS(cfg.data)); err != nil {
		return err
	}
	for _, c := range changes {
		rel, _ := filepath.Rel(cfg.data, c.Path)
		if err := os.WriteFile(filepath.Join(copyDir, rel), c.New, 0o644); err != nil {
			return err
		}
	}
	_, probs, err := pipeline.CheckSite(pipeline.Input{Data: copyDir, Drafts: true}, nil)
	if err != nil && !errors.Is(err, pipeline.ErrBadData) {
		return err
	}
	if probs.Fatal() {
		for _, pr := range probs {
			if pr.Severity == plan.Fatal {
				if rel, err := filepath.Rel(copyDir, pr.Pos.File); err == nil {
					pr.Pos.File = filepath.ToSlash(filepath.Join(cfg.data, rel))
				}
				fmt.Fprintln(stderr, pr.Format(plan.Lang(cfg.lang)))
			}
		}
		fmt.Fprintf(stderr, "nothing written: the data would have these problems after importing %s\n", name)
		return errBadData
	}
	for _, c := range changes {
		shown := filepath.ToSlash(c.Path)
		if dry {
			importer.Diff(stdout, shown, c)
			continue
		}
		if err := replaceFile(c.Path, c.New); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", shown)
	}
	if dry {
		fmt.Fprintf(stdout, "dry run: %d rows of %s would change %d files; nothing written\n", rows, name, len(changes))
	} else {
		fmt.Fprintf(stdout, "imported %d rows of %s; run make check, or make serve to see them\n", rows, name)
	}
	return nil
}

// replaceFile writes b to path through a temporary file renamed over it,
// so that a stopped import leaves the old file or the new one.
func replaceFile(path string, b []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp := path + ".import~"
	if err := os.WriteFile(tmp, b, mode); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
