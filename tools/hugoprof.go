//go:build ignore

// Command hugoprof is the pinned Hugo that writes a CPU profile, for
// finding what the theme's templates cost (Hugo's --templateMetrics
// times templates, not what inside them is slow):
//
//	make bin/hugoprof
//	HUGO_CPUPROFILE=/tmp/hugo.prof bin/hugoprof build --source site --destination /tmp/out --minify
//	go tool pprof -top -cum bin/hugoprof /tmp/hugo.prof
package main

import (
	"log"
	"os"
	"runtime/pprof"

	"github.com/gohugoio/hugo/commands"
)

func main() {
	if path := os.Getenv("HUGO_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		err = commands.Execute(os.Args[1:])
		pprof.StopCPUProfile()
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := commands.Execute(os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}
