package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"plansite/generator/internal/sitefiles"
)

// segmentsCommand is "bench segments": the whole build of the synthetic
// dataset, then the same build split into n segments (generator build
// -segment K/N), each in a fresh folder as on a CI runner of its own. It
// reports each build's wall and CPU time, peak memory and pages, and
// whether the union of the segments' sites is byte-identical to the whole
// build, which docs/scale.md relies on. Builds run one at a time: the
// times are those of one runner each.
func segmentsCommand(args []string, w io.Writer) error {
	fset := flag.NewFlagSet("segments", flag.ContinueOnError)
	var s subcommand
	s.flags(fset)
	n := fset.Int("n", 2, "segments")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *n < 2 {
		return errors.New("-n must be at least 2")
	}
	opts, dir, err := s.start("segments")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	data := filepath.Join(dir, "data")
	if _, err := command(s.generator, synthArgs(opts, data)...).run(); err != nil {
		return err
	}
	build := func(name string, more ...string) (*measured, map[string][]byte, error) {
		progressf("segments: build %s", name)
		out := filepath.Join(dir, name)
		m, err := command(s.generator, append([]string{"build", "-data", data, "-out", out, "-hugo", s.hugo, "-quiet"}, more...)...).run()
		if err != nil {
			return nil, nil, err
		}
		files, err := readTree(filepath.Join(out, "public"))
		os.RemoveAll(out) // tmpfs: keep only what is compared
		return m, files, err
	}
	whole, wholeFiles, err := build("whole")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "segments (%s scale, %d HTML pages):\n", s.scale, countHTML(wholeFiles))
	fmt.Fprintf(w, "  whole build: %s wall, %s CPU, peak %s\n", secs(whole.wall), secs(whole.cpu), mib(whole.maxRSS))
	union := map[string][]byte{}
	twice := 0
	var slowest time.Duration
	for k := 1; k <= *n; k++ {
		m, files, err := build("segment-"+strconv.Itoa(k), "-segment", fmt.Sprintf("%d/%d", k, *n))
		if err != nil {
			return err
		}
		for f, b := range files {
			if prev, ok := union[f]; ok && (filepath.Ext(f) == ".html" || !bytes.Equal(prev, b)) {
				twice++
			}
			union[f] = b
		}
		slowest = max(slowest, m.wall)
		fmt.Fprintf(w, "  segment %d/%d: %d pages, %s wall, %s CPU, peak %s\n", k, *n, countHTML(files), secs(m.wall), secs(m.cpu), mib(m.maxRSS))
	}
	same := len(union) == len(wholeFiles) && twice == 0
	for f, b := range wholeFiles {
		if !bytes.Equal(union[f], b) {
			same = false
		}
	}
	fmt.Fprintf(w, "  slowest segment / whole build (wall): %.2f\n", slowest.Seconds()/whole.wall.Seconds())
	fmt.Fprintf(w, "  union of the segments byte-identical to the whole build: %t\n", same)
	if !same {
		return errors.New("the segments' union differs from the whole build")
	}
	return nil
}

// readTree reads every file under dir, by its slash path from dir.
func readTree(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := sitefiles.Each(dir, "", func(rel string, b []byte) error {
		files[rel] = b
		return nil
	})
	return files, err
}

func countHTML(files map[string][]byte) int {
	n := 0
	for f := range files {
		if filepath.Ext(f) == ".html" {
			n++
		}
	}
	return n
}
