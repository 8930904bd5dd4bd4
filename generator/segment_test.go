package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"plansite/generator/synth"
)

// A build split into segments (build -segment K/N, docs/scale.md) renders
// each page in exactly one segment, and the union of the segments' sites
// is byte for byte the whole build's.
func TestSegmentsUnionIsWholeBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic site four times with Hugo")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := synth.Write(data, synth.Options{Provinces: 3, Districts: 7, Communes: 40, Years: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	build := func(out string, args ...string) map[string]string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"build", "-data", data, "-out", out, "-hugo", hugoCmd(t), "-quiet"}, args...)
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("generator %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		return tree(t, filepath.Join(out, "public"))
	}
	whole := build(filepath.Join(dir, "whole"))
	for _, n := range []int{2, 5} {
		union := map[string]string{}
		for k := 1; k <= n; k++ {
			part := build(filepath.Join(dir, fmt.Sprintf("seg-%d-%d", k, n)), // a runner of its own
				"-segment", fmt.Sprintf("%d/%d", k, n))
			pages := 0
			for f, h := range part {
				if strings.HasSuffix(f, ".html") {
					pages++
					if _, twice := union[f]; twice {
						t.Errorf("%d segments: %s is rendered by two of them", n, f)
					}
				}
				union[f] = h
			}
			if k <= 3 && pages == 0 {
				t.Errorf("segment %d/%d rendered no page", k, n)
			}
		}
		if d := diffTrees(whole, union); len(d) > 0 {
			t.Errorf("%d segments: the union differs from the whole build:\n%s", n, strings.Join(d, "\n"))
		}
	}
}
