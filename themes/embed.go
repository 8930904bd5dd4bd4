// Package themes carries the site's Hugo theme inside the generator, so
// that `go run ./generator build` needs no path to it.
package themes

import "embed"

// Plansite is the theme's files, rooted at "plansite".
//
//go:embed all:plansite
var Plansite embed.FS
