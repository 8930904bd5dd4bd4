package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"plansite/generator/check"
	"plansite/generator/emit"
	"plansite/generator/hugo"
	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/themes"
)

type config struct {
	data string // data folder
	out  string // emitted Hugo project
	hugo string // Hugo executable
	lang string // language of messages
}

// errBadData is returned when the data has fatal problems, already printed.
var errBadData = errors.New("bad data")

// checked loads and checks the data folder, printing every problem to w.
func checked(cfg config, w io.Writer) (*plan.Plan, error) {
	if st, err := os.Stat(cfg.data); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: data folder %q not found", errUsage, cfg.data)
	}
	p, probs := load.Dir(cfg.data)
	if !probs.Fatal() {
		// Checks need a fully decoded plan; decoding problems come first.
		probs = append(probs, check.Plan(p)...)
		probs.Sort()
	}
	fmt.Fprint(w, probs.Format(plan.Lang(cfg.lang)))
	if probs.Fatal() {
		return nil, errBadData
	}
	return p, nil
}

func checkData(cfg config, stderr io.Writer) error {
	_, err := checked(cfg, stderr)
	return err
}

// build is the whole pipeline: load, check, emit, Hugo, publish.
func build(cfg config, stdout, stderr io.Writer) error {
	p, err := checked(cfg, stderr)
	if err != nil {
		return err
	}
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		return err
	}
	files, err := emit.Build(p, theme)
	if err != nil {
		return err
	}
	if _, err := emit.Write(cfg.out, files); err != nil {
		return fmt.Errorf("writing %s: %w", cfg.out, err)
	}
	var cmd []string
	if cfg.hugo != "" {
		cmd = strings.Fields(cfg.hugo)
	}
	if err := hugo.Build(cmd, cfg.out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %s\n", cfg.out+"/public")
	return nil
}
