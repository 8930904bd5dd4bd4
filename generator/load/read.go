package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"plansite/generator/plan"
)

// The loader reads and decodes at most so much, so that no input — a
// paste gone wrong, a sparse file, a link to /dev/zero, a file of commas —
// can exhaust memory. Bytes bound what is read, but not what it takes:
// 16 MB of "1," is 8 million values, which took 14 GB to parse and decode.
// So items (lines and values) bound what parsing holds, and the decoded
// data is counted as it is made. The national-scale synthetic dataset
// (generator synth) is the measure: 18 MB and 1.8 million items over 74
// files, none over 0.5 MB or 46 000 items.
const (
	// MaxFileSize bounds one data file. A kind that grows long is split
	// over the files of its folder (areas/*.yaml).
	MaxFileSize = 16 << 20
	// MaxTotalSize bounds the data files together.
	MaxTotalSize = 64 << 20
	// MaxFileItems bounds the items of one file: its lines and the values
	// it may hold, counted as line breaks and the marks that may start a
	// value (, [ { : - ?).
	MaxFileItems = 500_000
	// MaxDecoded bounds the memory the decoded data takes, as the decoder
	// counts it: the national-scale dataset takes about 100 MB.
	MaxDecoded = 256 << 20

	// The national-scale dataset's size and items, which messages give
	// for comparison.
	nationalSize    = 18 << 20
	nationalDecoded = 100 << 20
)

// limits are the bounds a read applies: the constants above, or smaller
// ones in tests.
type limits struct {
	fileSize, totalSize int64
	fileItems           int
	decoded             int64
}

// A folder is the data folder being read: an fs.FS and, for Dir, the OS
// folder it is, whose files are checked before they are opened: links must
// stay inside the folder and lead somewhere, and a data file must be an
// ordinary file, never a named pipe (which would block) or a device (which
// would never end).
type folder struct {
	fsys fs.FS
	dir  string // the OS folder for Dir; "" for FS
	real string // dir, absolute, with its links resolved
	name func(rel string) string
	lim  limits
	// yamlOnly has every file parsed by yaml.v3, as before parse: for the
	// tests that compare the two.
	yamlOnly bool
}

func newFolder(fsys fs.FS, dir, prefix string) *folder {
	f := &folder{fsys: fsys, dir: dir, lim: limits{MaxFileSize, MaxTotalSize, MaxFileItems, MaxDecoded}, name: func(rel string) string {
		if prefix == "" || prefix == "." {
			return rel
		}
		return path.Join(filepathToSlash(prefix), rel)
	}}
	if dir != "" {
		f.real = dir
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			f.real = r
		}
		if a, err := filepath.Abs(f.real); err == nil {
			f.real = a
		}
	}
	return f
}

// A file is a data file found fit to read: an ordinary file inside the
// folder, of the size given.
type file struct {
	rel  string // slash-separated path inside the folder
	open string // for Dir, the OS path to open, links resolved
	size int64
	k    kind
}

// A lookResult says what look found at a path.
type lookResult int

const (
	absent   lookResult = iota
	fit                 // the file or folder looked for, ready to read
	refused             // something that cannot be read: the problem says why
	mismatch            // an ordinary file where a folder was looked for
)

// look finds rel, a file or, with wantDir, a folder, and says whether it
// can be read: for Dir, without opening it and without following links
// out of the folder.
func (f *folder) look(rel string, wantDir bool) (file, lookResult, *plan.Problem) {
	at := func(vi, en string) (file, lookResult, *plan.Problem) {
		return file{}, refused, &plan.Problem{Pos: plan.Pos{File: f.name(rel)}, VI: vi, EN: en}
	}
	cannot := func(err error) (file, lookResult, *plan.Problem) {
		return at("không đọc được tệp: "+err.Error(), "cannot read the file: "+err.Error())
	}
	fl := file{rel: rel}
	var info fs.FileInfo
	if f.dir == "" {
		var err error
		if info, err = fs.Stat(f.fsys, rel); errors.Is(err, fs.ErrNotExist) {
			return file{}, absent, nil
		} else if err != nil {
			return cannot(err)
		}
	} else {
		p := filepath.Join(f.dir, filepath.FromSlash(rel))
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return file{}, absent, nil
		} else if err != nil {
			return cannot(err)
		}
		if link, target, out := f.badLink(rel); link != "" {
			vi, en := "đây", "this"
			if link != f.name(rel) {
				vi, en = link, link // a folder on the way
			}
			if out {
				return at(fmt.Sprintf("%s là liên kết tới %q, nằm ngoài thư mục dữ liệu: liên kết ra ngoài không được đọc; chép thứ nó trỏ tới vào thư mục dữ liệu thay cho liên kết", vi, target),
					fmt.Sprintf("%s is a link to %q, outside the data folder: links out of it are not read; copy what it points at into the data folder instead", en, target))
			}
			return at(fmt.Sprintf("%s là liên kết tới %q, không tồn tại: sửa liên kết cho trỏ tới một tệp trong thư mục dữ liệu, hoặc xóa nó", vi, target),
				fmt.Sprintf("%s is a link to %q, which does not exist: point it at a file in the data folder, or delete it", en, target))
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			return cannot(err)
		}
		if info, err = os.Stat(real); err != nil {
			return cannot(err)
		}
		fl.open = real
	}
	m := info.Mode()
	switch {
	case wantDir && m.IsDir():
		return fl, fit, nil
	case wantDir && m.IsRegular():
		return file{}, mismatch, nil
	case wantDir:
		vi, en := modeName(m)
		return at(fmt.Sprintf("đây là %s, không phải thư mục: xóa nó; các tệp %s.yaml chia nhỏ nằm trong thư mục %s/", vi, rel, rel),
			fmt.Sprintf("this is %s, not a folder: remove it; the split files of %s.yaml go in a folder named %s/", en, rel, rel))
	case !m.IsRegular():
		vi, en := modeName(m)
		return at(fmt.Sprintf("đây là %s, không phải tệp thường: xóa nó và đặt tệp dữ liệu %s vào chỗ đó", vi, path.Base(rel)),
			fmt.Sprintf("this is %s, not an ordinary file: remove it and put the data file %s in its place", en, path.Base(rel)))
	}
	fl.size = info.Size()
	return fl, fit, nil
}

// badLink finds the first link on the way to rel that leads out of the
// folder or nowhere, and names it as positions do, with what it points at.
func (f *folder) badLink(rel string) (link, target string, out bool) {
	parts := strings.Split(rel, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		p := filepath.Join(f.dir, filepath.FromSlash(sub))
		li, err := os.Lstat(p)
		if err != nil || li.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, _ = os.Readlink(p)
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			return f.name(sub), target, false
		}
		if !f.inside(real) {
			return f.name(sub), target, true
		}
	}
	return "", "", false
}

// inside reports whether the OS path p, links resolved, is in the folder.
func (f *folder) inside(p string) bool {
	a, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	r, err := filepath.Rel(f.real, a)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// modeName names a kind of file that is not an ordinary one.
func modeName(m fs.FileMode) (vi, en string) {
	switch {
	case m.IsDir():
		return "một thư mục", "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "một ống dẫn có tên (FIFO)", "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "một socket", "a socket"
	case m&fs.ModeDevice != 0:
		return "một thiết bị", "a device"
	}
	return "một tệp đặc biệt", "a special file"
}

// errChanged is a file that grew between look and read: it is being
// written, and reading on would read past the size that was checked.
var errChanged = errors.New("changed while read")

// read reads fl, at most the size look found: a file that has grown since
// is refused with errChanged, never read on, so that the sizes checked
// bound the memory read into. The text is read into the string the
// decoded values are substrings of, with no copy between.
func (f *folder) read(fl file) (string, error) {
	var r io.ReadCloser
	if f.dir == "" {
		var err error
		if r, err = f.fsys.Open(fl.rel); err != nil {
			return "", err
		}
	} else {
		// O_NONBLOCK: should a named pipe have taken the file's place since
		// look, opening it does not wait for a writer; Stat then refuses it.
		osf, err := os.OpenFile(fl.open, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return "", err
		}
		r = osf
		if info, err := osf.Stat(); err != nil || !info.Mode().IsRegular() {
			osf.Close()
			return "", errChanged
		}
	}
	defer r.Close()
	var b strings.Builder
	b.Grow(int(fl.size) + 1)
	if _, err := io.Copy(&b, io.LimitReader(r, fl.size+1)); err != nil {
		return "", err
	}
	if int64(b.Len()) > fl.size {
		return "", errChanged
	}
	return b.String(), nil
}

// mb writes a size in megabytes, as the messages about size do.
func mb(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// splitHint says how to make a file of kind k smaller.
func splitHint(k kind) (vi, en string) {
	if k.keys != nil {
		return fmt.Sprintf("chia nội dung thành nhiều tệp trong thư mục %s/ (xem docs/data-format.md)", k.name),
			fmt.Sprintf("split it into several files in the folder %s/ (see docs/data-format.md)", k.name)
	}
	return "tệp này chỉ cần vài chục dòng: tìm đoạn văn bản bị dán nhầm",
		"this file needs a few dozen lines: look for text pasted by mistake"
}

// tooLarge is the problem of a file over the size limit.
func (f *folder) tooLarge(fl file) plan.Problem {
	vi, en := splitHint(fl.k)
	return plan.Problem{Pos: plan.Pos{File: f.name(fl.rel)},
		VI: fmt.Sprintf("tệp quá lớn (%s, tối đa %s): %s", mb(fl.size), mb(f.lim.fileSize), vi),
		EN: fmt.Sprintf("file too large (%s, at most %s): %s", mb(fl.size), mb(f.lim.fileSize), en)}
}

// tooMuch is the problem of data files that add up to more than the
// total limit, at the largest of them.
func (f *folder) tooMuch(largest file, total int64) plan.Problem {
	return plan.Problem{Pos: plan.Pos{File: f.name(largest.rel)},
		VI: fmt.Sprintf("các tệp dữ liệu cộng lại quá lớn (%s, tối đa %s; bộ dữ liệu toàn quốc của generator synth khoảng %s) và đây là tệp lớn nhất (%s): tìm tệp bị dán nhầm hoặc không phải dữ liệu",
			mb(total), mb(f.lim.totalSize), mb(nationalSize), mb(largest.size)),
		EN: fmt.Sprintf("the data files add up to too much (%s, at most %s; the national-scale dataset of generator synth is about %s), and this is the largest (%s): look for a file pasted by mistake or one that is not data",
			mb(total), mb(f.lim.totalSize), mb(nationalSize), mb(largest.size))}
}

// itemMark marks the bytes that start a line or may start a value: a
// YAML node needs one, a mapping's key and value share one.
var itemMark = [256]bool{'\n': true, ',': true, '[': true, '{': true, ':': true, '-': true, '?': true}

// items counts a file's items, at least the values decoding it makes.
func items(src string) int {
	n := 1
	for i := 0; i < len(src); i++ {
		if itemMark[src[i]] {
			n++
		}
	}
	return n
}

// tooLong is the problem of a file of more items than the limit.
func (l limits) tooLong(j *decodeJob) plan.Problem {
	vi, en := splitHint(j.k)
	return plan.Problem{Pos: plan.Pos{File: j.file},
		VI: fmt.Sprintf("tệp quá dài (khoảng %d dòng và giá trị, tối đa %d): %s", j.items, l.fileItems, vi),
		EN: fmt.Sprintf("file too long (about %d lines and values, at most %d): %s", j.items, l.fileItems, en)}
}

// tooDense is the problem of data that would take more memory than the
// limit, at the file with the most items, the likeliest culprit.
func (l limits) tooDense(longest *decodeJob) plan.Problem {
	return plan.Problem{Pos: plan.Pos{File: longest.file},
		VI: fmt.Sprintf("dữ liệu quá lớn: đọc vào bộ nhớ sẽ cần hơn %s (bộ dữ liệu toàn quốc của generator synth cần khoảng %s), và đây là tệp dài nhất (khoảng %d dòng và giá trị): tìm tệp bị dán nhầm hoặc không phải dữ liệu",
			mb(l.decoded), mb(nationalDecoded), longest.items),
		EN: fmt.Sprintf("the data is too large: held in memory it would take more than %s (the national-scale dataset of generator synth takes about %s), and this is the longest file (about %d lines and values): look for a file pasted by mistake or one that is not data",
			mb(l.decoded), mb(nationalDecoded), longest.items)}
}
