package main

import "plansite/generator/internal/memory"

// The generator keeps a whole site in memory before writing it: see
// package memory. Every command but serve also collects only near the
// limit (memory.Batch, called by main, so that tests, which run the
// commands in one process, keep the default).
func init() { memory.Limit() }
