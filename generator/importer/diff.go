package importer

import (
	"fmt"
	"io"
	"strings"
)

// Diff writes what the change does to its file, as the lines removed (-)
// and added (+), each group under the number of its first line.
func Diff(w io.Writer, name string, c Change) {
	a := strings.SplitAfter(string(c.Old), "\n")
	b := strings.SplitAfter(string(c.New), "\n")
	// Common start and end, then the lines between by longest common
	// subsequence: edits are few and local.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	type op struct {
		del  bool
		text string
		line int // in the old file, 1-based
	}
	var ops []op
	if len(a)*len(b) > 4_000_000 {
		for i, s := range a {
			ops = append(ops, op{true, s, pre + i + 1})
		}
		for _, s := range b {
			ops = append(ops, op{false, s, pre + len(a) + 1})
		}
	} else {
		lcs := make([][]int, len(a)+1)
		for i := range lcs {
			lcs[i] = make([]int, len(b)+1)
		}
		for i := len(a) - 1; i >= 0; i-- {
			for j := len(b) - 1; j >= 0; j-- {
				if a[i] == b[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(a) || j < len(b) {
			switch {
			case i < len(a) && j < len(b) && a[i] == b[j]:
				i, j = i+1, j+1
			case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
				ops = append(ops, op{true, a[i], pre + i + 1})
				i++
			default:
				ops = append(ops, op{false, b[j], pre + i + 1})
				j++
			}
		}
	}
	next := -1 // the old line an op continuing the group would be at
	for _, o := range ops {
		if o.line != next {
			fmt.Fprintf(w, "%s:%d:\n", name, o.line)
		}
		next = o.line
		sign := "+"
		if o.del {
			sign, next = "-", o.line+1
		}
		fmt.Fprintf(w, "%s %s\n", sign, strings.TrimRight(o.text, "\r\n"))
	}
}
