//go:build unix

package hugo

import (
	"os"
	"syscall"
)

// sysProcAttr puts Hugo in a process group of its own, so that terminate
// reaches whatever it starts too (a -hugo that is a script, go tool).
func sysProcAttr() *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true}
	setPdeathsig(a)
	return a
}

// terminate asks Hugo's process group to stop.
func terminate(p *os.Process) error {
	return syscall.Kill(-p.Pid, syscall.SIGTERM)
}
