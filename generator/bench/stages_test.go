package main

import (
	"bytes"
	"path/filepath"
	"strings"
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

// bench stages -check times load, check and compute alone, with no
// output folder, so that a profile (-cpuprofile) is of them alone.
func TestStagesCheckOnly(t *testing.T) {
	var out bytes.Buffer
	if err := stagesCommand([]string{"-check", "-data", filepath.Join("..", "..", "examples", "demo")}, &out); err != nil {
		t.Fatal(err)
	}
	var stages []string
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(line); len(f) == 5 && f[0] == "stage" {
			stages = append(stages, f[1])
		}
	}
	if got := strings.Join(stages, " "); got != "load check compute" {
		t.Errorf("bench stages -check timed %q, want load check compute:\n%s", got, out.String())
	}
}
