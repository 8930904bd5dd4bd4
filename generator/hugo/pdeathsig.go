//go:build linux || freebsd

package hugo

import "syscall"

// setPdeathsig has the kernel kill Hugo when the generator's thread that
// started it ends, which it does with the generator, even on SIGKILL.
func setPdeathsig(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
