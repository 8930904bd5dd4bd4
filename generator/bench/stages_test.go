package main

import (
	"bytes"
	"path/filepath"
	"testing"
)

// bench stages times every stage of the generator's own pipeline and its
// peak memory, in the form parseStages reads.
func TestStagesCommand(t *testing.T) {
	var out bytes.Buffer
	if err := stagesCommand([]string{"-data", filepath.Join("..", "..", "examples", "demo"), "-out", t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	sr, err := parseStages(out.String())
	if err != nil {
		t.Fatal(err)
	}
	if sr.peakKB <= 0 {
		t.Errorf("peak memory %d kB:\n%s", sr.peakKB, out.String())
	}
}
