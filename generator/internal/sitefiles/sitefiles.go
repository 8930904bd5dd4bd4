// Package sitefiles reads the files of a built site (Hugo's public/), for
// the tests, the gates and the bench that look into it.
package sitefiles

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Each calls f with every file under root whose name ends in ext (".html"),
// in lexical order: its path relative to root, slash-separated, and its
// bytes. It stops at the first error, of reading or of f, and returns it.
func Each(root, ext string, f func(rel string, b []byte) error) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ext) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		return f(filepath.ToSlash(rel), b)
	})
}
