//go:build unix && !linux && !freebsd

package hugo

import "syscall"

// setPdeathsig does nothing: this system has no parent-death signal.
func setPdeathsig(*syscall.SysProcAttr) {}
