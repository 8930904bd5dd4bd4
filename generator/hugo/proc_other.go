//go:build !unix

package hugo

import (
	"os"
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr { return nil }

// terminate stops Hugo; this system has no SIGTERM to ask with.
func terminate(p *os.Process) error { return p.Kill() }
