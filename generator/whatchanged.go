package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"plansite/generator/changes"
	"plansite/generator/pipeline"
)

// printChanges prints the one-line summary of the emitted project in
// cfg.out.
func printChanges(cfg config, w io.Writer) {
	b, err := os.ReadFile(filepath.Join(cfg.out, filepath.FromSlash(pipeline.ChangesPath)))
	if err != nil {
		return
	}
	var s changes.Summary
	if json.Unmarshal(b, &s) == nil {
		fmt.Fprintln(w, s.Line())
	}
}
