package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"plansite/generator/changes"
	"plansite/generator/emit"
	"plansite/generator/opendata"
)

// changesPath is where the summary of what changed is emitted: beside the
// open data, so that it is published at /data/changes.json.
const changesPath = "static/" + opendata.Dir + "/" + changes.File

// addChanges compares the open data in files with the previous build's,
// which is the published site in cfg.out/public when there is one, and
// adds the summary to files. A previous build whose files cannot be read
// counts as none: it must not stop a new one.
func addChanges(cfg config, files emit.Files, updated string) {
	names := []string{changes.ObservationsFile, changes.IndicatorsFile}
	next := map[string][]byte{}
	for _, n := range names {
		next[n] = files[path.Join("static", opendata.Dir, n)]
	}
	var prev map[string][]byte
	dir := filepath.Join(cfg.out, "public", opendata.Dir)
	for _, n := range append(names, changes.File) {
		if b, err := os.ReadFile(filepath.Join(dir, n)); err == nil {
			if prev == nil {
				prev = map[string][]byte{}
			}
			prev[n] = b
		}
	}
	s, err := changes.Compare(prev, next, updated)
	if err != nil {
		s, _ = changes.Compare(nil, next, updated)
	}
	files[changesPath] = s.JSON()
}

// printChanges prints the one-line summary of the emitted project in
// cfg.out.
func printChanges(cfg config, w io.Writer) {
	b, err := os.ReadFile(filepath.Join(cfg.out, filepath.FromSlash(changesPath)))
	if err != nil {
		return
	}
	var s changes.Summary
	if json.Unmarshal(b, &s) == nil {
		fmt.Fprintln(w, s.Line())
	}
}
