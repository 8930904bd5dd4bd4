package load_test

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"plansite/generator/load"
	"plansite/generator/plan"
)

// only returns the one problem of probs, failing the test if there are
// more or fewer.
func only(t *testing.T, probs plan.Problems) plan.Problem {
	t.Helper()
	if len(probs) != 1 {
		t.Fatalf("%d problems, want 1:\n%v", len(probs), probs)
	}
	return probs[0]
}

// TestNotOrdinary checks that what is not an ordinary file is refused
// where a data file belongs, from its mode, before it is opened.
func TestNotOrdinary(t *testing.T) {
	tests := []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeNamedPipe, "this is a named pipe (FIFO), not an ordinary file: remove it and put the data file reports.yaml in its place"},
		{fs.ModeDevice | fs.ModeCharDevice, "this is a device, not an ordinary file: remove it and put the data file reports.yaml in its place"},
		{fs.ModeSocket, "this is a socket, not an ordinary file: remove it and put the data file reports.yaml in its place"},
		{fs.ModeIrregular, "this is a special file, not an ordinary file: remove it and put the data file reports.yaml in its place"},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			fsys := unopenable{baseFS(t, nil)}
			fsys.MapFS["reports.yaml"] = &fstest.MapFile{Mode: tt.mode}
			_, probs := load.FS(fsys, "data")
			got := only(t, probs)
			if got.Pos.String() != "data/reports.yaml:1:1" || got.EN != tt.want || got.Severity != plan.Fatal {
				t.Errorf("FS(%v reports.yaml) = %s: %s, want data/reports.yaml:1:1: %s", tt.mode, got.Pos, got.EN, tt.want)
			}
		})
	}
}

// unopenable is a MapFS whose files that are not ordinary ones cannot be
// opened: a test fails, rather than hangs, when one is.
type unopenable struct{ fstest.MapFS }

func (u unopenable) Open(name string) (fs.File, error) {
	if f, ok := u.MapFS[name]; ok && f.Mode&(fs.ModeType&^fs.ModeDir) != 0 {
		return nil, errors.New("opened " + name + ", which is not an ordinary file")
	}
	return u.MapFS.Open(name)
}

// TestSizeLimits checks that files over the limits are refused from
// their sizes, with the numbers in the message, and never read.
func TestSizeLimits(t *testing.T) {
	big := func(n int) *fstest.MapFile { return &fstest.MapFile{Data: make([]byte, n)} }
	t.Run("one file", func(t *testing.T) {
		fsys := baseFS(t, nil)
		fsys["reports.yaml"] = big(load.MaxFileSize + 1)
		_, probs := load.FS(fsys, "data")
		want := "file too large (16.0 MB, at most 16 MB): split it into several files in the folder reports/ (see docs/data-format.md)"
		if got := only(t, probs); got.Pos.String() != "data/reports.yaml:1:1" || got.EN != want {
			t.Errorf("FS(reports.yaml of %d bytes) = %s: %s\nwant data/reports.yaml:1:1: %s", load.MaxFileSize+1, got.Pos, got.EN, want)
		}
	})
	t.Run("all files", func(t *testing.T) {
		fsys := baseFS(t, nil)
		for _, n := range []string{"a", "b", "c", "d", "e"} {
			fsys["reports/"+n+".yaml"] = big(13 << 20)
		}
		fsys["reports/c.yaml"] = big(14 << 20)
		_, probs := load.FS(fsys, "data")
		got := only(t, probs)
		if got.Pos.String() != "data/reports/c.yaml:1:1" || !strings.HasPrefix(got.EN, "the data files add up to too much (66.0 MB, at most 64 MB;") ||
			!strings.Contains(got.EN, "this is the largest (14 MB)") {
			t.Errorf("FS(66 MB of reports) = %s: %s\nwant data/reports/c.yaml:1:1: the data files add up to too much (66.0 MB, at most 64 MB; …), and this is the largest (14 MB): …", got.Pos, got.EN)
		}
	})
	t.Run("too long", func(t *testing.T) {
		// Half a million values in 1 MB would take 100 MB once parsed.
		src := "reports: [" + strings.Repeat("1,", load.MaxFileItems) + "1]\n"
		_, probs := load.FS(baseFS(t, map[string]string{"reports.yaml": src}), "data")
		want := "file too long (about 500004 lines and values, at most 500000): split it into several files in the folder reports/ (see docs/data-format.md)"
		if got := only(t, probs); got.Pos.String() != "data/reports.yaml:1:1" || got.EN != want {
			t.Errorf("FS(reports.yaml of %d values) = %s: %s\nwant data/reports.yaml:1:1: %s", load.MaxFileItems+1, got.Pos, got.EN, want)
		}
	})
}

// TestReadBounded checks that a file is read no further than the size it
// had when it was looked at: a file that grows meanwhile, or one that
// never ends as /dev/zero does, is refused. The endless file stops with an
// error after 64 MB, so that a regression fails instead of eating memory.
func TestReadBounded(t *testing.T) {
	for _, name := range []string{"grown", "endless"} {
		t.Run(name, func(t *testing.T) {
			fsys := lying{baseFS(t, nil), name == "endless"}
			_, probs := load.FS(fsys, "data")
			want := "the file changed while it was read: run again once it is saved"
			if got := only(t, probs); got.Pos.String() != "data/reports.yaml:1:1" || got.EN != want {
				t.Errorf("FS(%s reports.yaml) = %s: %s\nwant data/reports.yaml:1:1: %s", name, got.Pos, got.EN, want)
			}
		})
	}
}

// lying is a MapFS with a reports.yaml of 10 bytes by Stat that holds
// more when read: a few kilobytes, or, endless, zeros without end.
type lying struct {
	fstest.MapFS
	endless bool
}

func (l lying) Stat(name string) (fs.FileInfo, error) {
	if name == "reports.yaml" {
		return fileInfo{name, 10}, nil
	}
	return fs.Stat(l.MapFS, name)
}

func (l lying) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := l.MapFS.ReadDir(name)
	if name == "." {
		entries = append(entries, fs.FileInfoToDirEntry(fileInfo{"reports.yaml", 10}))
	}
	return entries, err
}

func (l lying) Open(name string) (fs.File, error) {
	if name != "reports.yaml" {
		return l.MapFS.Open(name)
	}
	var r io.Reader = strings.NewReader("reports:\n" + strings.Repeat("  - id: x\n", 1000))
	if l.endless {
		r = &zeros{left: 64 << 20}
	}
	return &file{fileInfo{name, 10}, r}, nil
}

type fileInfo struct {
	name string
	size int64
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

type file struct {
	info fileInfo
	r    io.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *file) Close() error               { return nil }

// zeros reads as zero bytes until left runs out, then fails.
type zeros struct{ left int }

func (z *zeros) Read(b []byte) (int, error) {
	if z.left <= 0 {
		return 0, errors.New("read 64 MB of an endless file: reading is not bounded")
	}
	n := min(len(b), z.left)
	clear(b[:n])
	z.left -= n
	return n, nil
}

// TestStrays checks what is said about files the loader does not read:
// an error where the file looks like a data file whose proper name is
// missing or ends in .yaml, a warning for other files, nothing for hidden
// files and documentation.
func TestStrays(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // added to the base; "" as content removes the file
		want  []string          // problems: position, warning or not, English
	}{
		{"renamed by Notepad", map[string]string{"observations.yaml.txt": "observations: []\n"},
			[]string{`data/observations.yaml.txt:1:1: file "observations.yaml.txt" is not read: rename it to observations.yaml`}},
		{"required renamed", map[string]string{"targets.yaml": "", "Targets.txt": "targets: []\n"},
			[]string{`data/Targets.txt:1:1: file "Targets.txt" is not read: rename it to targets.yaml`}},
		{"extension lost", map[string]string{"reports": "reports: []\n"},
			[]string{`data/reports:1:1: file "reports" is not read: rename it to reports.yaml`}},
		{"misspelled, data there", map[string]string{"targtes.yaml": "targets: []\n"},
			[]string{`data/targtes.yaml:1:1: file "targtes.yaml" is not read: did you mean "targets.yaml"?`}},
		{"misspelled, data missing", map[string]string{"reprots.yml": "reports: []\n"},
			[]string{`data/reprots.yml:1:1: file "reprots.yml" is not read: rename it to reports.yaml`}},
		{"upper case", map[string]string{"Areas.YAML": "areas: []\n"},
			[]string{`data/Areas.YAML:1:1: file "Areas.YAML" is not read: the data is read from areas.yaml only; move what is needed there, then delete this file`}},
		{"backup", map[string]string{"areas.yaml.bak": "areas: []\n"},
			[]string{`data/areas.yaml.bak:1:1: warning: file "areas.yaml.bak" is not read: the data is read from areas.yaml only; move what is needed there, then delete this file`}},
		{"copy beside a split kind", map[string]string{"areas.yaml": "", "areas/a.yaml": "areas: []\n", "areas.txt": "x"},
			[]string{`data/areas.txt:1:1: warning: file "areas.txt" is not read: the data is read from areas/*.yaml only; move what is needed there, then delete this file`}},
		{"unknown YAML", map[string]string{"ghi-chu.yaml": "a: b\n"},
			[]string{`data/ghi-chu.yaml:1:1: file "ghi-chu.yaml" is not read: name it as docs/data-format.md says`}},
		{"other files", map[string]string{"bao-cao.docx": "x", "ghi-chu.txt": "x"}, []string{
			`data/bao-cao.docx:1:1: warning: file "bao-cao.docx" is not read: data files end in .yaml; if it is not data, move it out of the data folder`,
			`data/ghi-chu.txt:1:1: warning: file "ghi-chu.txt" is not read: data files end in .yaml; if it is not data, move it out of the data folder`}},
		{"passed over", map[string]string{".DS_Store": "x", ".gitkeep": "", "README.md": "x", "readme.txt": "x",
			"LICENSE": "x", "Thumbs.db": "x", "desktop.ini": "x", ".targets.yaml": "x", "areas/._a.yaml": "\xff", "areas/.gitkeep": ""}, nil},
		{"folders", map[string]string{"cu/targets.yaml": "x", "plan/plan.yaml": "x", ".git/config": "x"}, []string{
			`data/cu:1:1: warning: folder "cu" is not read: only the folders targets, observations, policies, agencies, areas, sources, budget, reports are; move it out of the data folder`,
			`data/plan:1:1: warning: folder "plan" is not read: plan is one file, plan.yaml`}},
		{"in a kind's folder", map[string]string{"areas/a.yml": "areas: []\n", "areas/b.yaml.txt": "areas: []\n",
			"areas/c.yaml": "areas: []\n", "areas/c.yml": "areas: []\n", "areas/d.txt": "x", "areas/e.pdf": "x", "areas/f/g.yaml": "x"}, []string{
			`data/areas/a.yml:1:1: file "a.yml" is not read: rename it to a.yaml`,
			`data/areas/b.yaml.txt:1:1: file "b.yaml.txt" is not read: rename it to b.yaml`,
			`data/areas/c.yml:1:1: file "c.yml" is not read: the data is read from areas/c.yaml only; move what is needed there, then delete this file`,
			`data/areas/d.txt:1:1: warning: file "d.txt" is not read: data files end in .yaml; if it holds data, rename it to d.yaml`,
			`data/areas/e.pdf:1:1: warning: file "e.pdf" is not read: data files end in .yaml; if it is not data, move it out of the data folder`,
			`data/areas/f:1:1: warning: folder "f" is not read: put its files directly in areas/`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseFS(t, nil)
			for name, src := range tt.files {
				if src == "" && fsys[name] != nil {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(src)}
			}
			_, probs := load.FS(fsys, "data")
			var got []string
			for _, p := range probs {
				got = append(got, p.Pos.String()+": "+p.Message(plan.EN))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("FS(base + %v) problems:\n%s\nwant:\n%s", tt.files, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
