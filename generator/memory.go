package main

import "plansite/generator/internal/memory"

// The generator keeps a whole site in memory before writing it: see
// package memory.
func init() { memory.Limit() }
