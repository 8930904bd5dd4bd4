package load

import (
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"plansite/generator/plan"
)

// TestDecodedBounded checks that decoding stops once the decoded data
// would take more than its room, and says so once, at the longest file,
// whichever file ran out first. The room is 1 MB here, where 256 MB would
// take seconds to fill; targets of one key fill it fastest.
func TestDecodedBounded(t *testing.T) {
	targets := func(n int) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("targets: [" + strings.Repeat("{id: a}, ", n) + "{id: a}]\n")}
	}
	fsys := fstest.MapFS{"targets/a.yaml": targets(1000), "targets/b.yaml": targets(1500), "targets/c.yaml": targets(1000)}
	f := newFolder(fsys, "", "data")
	f.lim.decoded = 1 << 20
	p, probs := read(f)
	var got []plan.Problem
	for _, pr := range probs {
		if strings.HasPrefix(pr.EN, "the data is too large") {
			got = append(got, pr)
		}
	}
	want := "the data is too large: held in memory it would take more than 1 MB (the national-scale dataset of generator synth takes about 100 MB), and this is the longest file (about 4506 lines and values): look for a file pasted by mistake or one that is not data"
	if len(got) != 1 || got[0].Pos.String() != "data/targets/b.yaml:1:1" || got[0].EN != want {
		t.Fatalf("read(3500 targets, 1 MB of room) = %v\nwant one problem: data/targets/b.yaml:1:1: %s", got, want)
	}
	if size := len(p.Targets) * int(unsafe.Sizeof(plan.Target{})); size > 2<<20 {
		t.Errorf("read(3500 targets, 1 MB of room) decoded %d targets, about %d bytes: decoding did not stop", len(p.Targets), size)
	}
}
