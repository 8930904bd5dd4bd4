// Package lock gives one process at a time an output folder to write.
// A build or a preview takes the folder's lock before it writes anything
// there and holds it until it ends, so that two builds into one folder
// never mix: the second is refused, naming the first.
//
// The lock is the operating system's, held on an open file: flock on
// Linux, macOS and the BSDs, a file opened without write sharing on
// Windows. The kernel releases it when the process ends, however it ends
// (a panic, SIGKILL, a crash of the machine), so a lock is never stale:
// there is nothing to detect or remove. The file, .generator.lock in the
// folder, stays; what it holds (the holder's process id, command and start
// time) only serves the message that refuses a second writer, and a record
// left by a process that is gone is overwritten by the next holder. On
// other systems Take records the holder but does not lock.
package lock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// File is the lock's file in the folder.
const File = ".generator.lock"

// A Lock is a held lock.
type Lock struct{ f *os.File }

// A Held is the error Take returns when another process holds the lock.
// PID and Command are zero when the holder had not yet recorded itself.
type Held struct {
	Dir     string
	PID     int
	Command string // what the holder runs: build or serve
	Started time.Time
}

func (h *Held) Error() string {
	if h.PID == 0 {
		return h.Dir + " is locked by another process"
	}
	return fmt.Sprintf("%s is locked by generator %s (process %d, started %s)", h.Dir, h.Command, h.PID, h.When())
}

// When is the holder's start time as the refusal prints it, in local time.
func (h *Held) When() string { return h.Started.Local().Format("2006-01-02 15:04:05") }

// errHeld is what the system's lock says when another process holds it.
var errHeld = errors.New("held")

// Take takes the lock of dir, which it creates if need be, for command (a
// word: build, serve) and records the process in it. It does not wait:
// when another process holds the lock it returns a *Held.
func Take(dir, command string) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, File)
	f, err := open(path)
	if errors.Is(err, errHeld) {
		return nil, holder(dir, path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	rec := fmt.Sprintf("%d %s %s\n", os.Getpid(), command, time.Now().Format(time.RFC3339))
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.WriteAt([]byte(rec), 0); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f}, nil
}

// Release gives the lock up. It is safe on a nil Lock and more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.f.Truncate(0) // the record is the holder's only while it holds
	err := l.f.Close()
	l.f = nil
	return err
}

// holder reads who holds the lock at path.
func holder(dir, path string) *Held {
	h := &Held{Dir: dir}
	b, err := os.ReadFile(path)
	if err != nil {
		return h
	}
	f := strings.Fields(string(b))
	if len(f) != 3 {
		return h
	}
	pid, err1 := strconv.Atoi(f[0])
	t, err2 := time.Parse(time.RFC3339, f[2])
	if err1 != nil || err2 != nil {
		return h
	}
	h.PID, h.Command, h.Started = pid, f[1], t
	return h
}
