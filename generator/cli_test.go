package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the cmp files of testdata/script from the actual output")

// TestMain makes the test binary double as the generator command, so that
// scripts run it as a real process with its own exit status.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"generator": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestCLI runs the scripts of testdata/script. Each script starts from the
// valid dataset of testdata/base, copied into $WORK/data under the files
// the script writes there itself: a script holds only the file it breaks.
func TestCLI(t *testing.T) {
	base, err := filepath.Abs(filepath.Join("testdata", "base"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		// The archive is extracted before Setup runs, so Setup fills in
		// only the base files the script did not write.
		Setup: func(env *testscript.Env) error {
			return copyMissing(base, filepath.Join(env.WorkDir, "data"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":  cmdExits,
			"mkxlsx": cmdMkxlsx,
		},
	})
}

// copyMissing copies the files of the folder from into the folder to,
// leaving alone those that to has already.
func copyMissing(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o777); err != nil {
		return err
	}
	for _, e := range entries {
		dst := filepath.Join(to, e.Name())
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o666); err != nil {
			return err
		}
	}
	return nil
}

// cmdExits runs a program and checks its exit status, which testscript's
// "! exec" does not tell apart (1 for bad data, 2 for bad usage):
//
//	exits 1 generator check -data data
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits status program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdMkxlsx writes a workbook from a text file, for the import scripts
// (an .xlsx is binary, which a txtar archive cannot hold):
//
//	mkxlsx table.txt ket-qua.xlsx
//
// Each line is a row and "|" separates its cells. A cell that reads as a
// number is stored as one, as a spreadsheet stores what is typed into a
// number cell; a cell starting with ' is stored as the text after it, as
// a spreadsheet stores what is typed into a text cell ('8,5). The sheet
// is Sheet1, and the same text gives the same bytes.
func cmdMkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkxlsx table.txt out.xlsx")
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, line := range strings.Split(strings.TrimRight(ts.ReadFile(args[0]), "\n"), "\n") {
		if line == "" {
			continue
		}
		for c, cell := range strings.Split(line, "|") {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			if n, perr := strconv.ParseFloat(cell, 64); perr == nil {
				err = f.SetCellFloat("Sheet1", ref, n, -1, 64)
			} else {
				err = f.SetCellStr("Sheet1", ref, strings.TrimPrefix(cell, "'"))
			}
			ts.Check(err)
		}
	}
	epoch := "2026-01-01T00:00:00Z"
	ts.Check(f.SetDocProps(&excelize.DocProperties{Created: epoch, Modified: epoch}))
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}
