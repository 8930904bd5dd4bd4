package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

var (
	reTable       = regexp.MustCompile(`(?s)<table.*?</table>`)
	reExplainRef  = regexp.MustCompile(`<a class="?explain-ref[^>]*? href=#([^\s>]+)`)
	reExplainList = regexp.MustCompile(`(?s)<details class="explain explain-table"[^>]*><summary>[^<]*</summary>(?:<p>.*?</p>)?<ol class=explain-list>.*?</ol>`)
	reItemID      = regexp.MustCompile(`<li id=([^\s>]+)`)
	reTableFold   = regexp.MustCompile(`(?s)<details class=table-fold><summary>[^<]+</summary><div class=table-scroll[^>]*><table class="data-table lines-table"`)
)

// A table's computed figures are explained once, below the table, rather
// than under every cell (issue 15, item 5): no table holds a "how it was
// computed" of its own, each figure links to its explanation, and each
// explanation below a table is one figure's. The budget's long list of
// lines is folded under its summary.
func TestTablesExplainOnceBelow(t *testing.T) {
	public := siteOf(t, "../examples/demo")
	for _, tc := range []struct {
		page  string
		refs  int // at least: the figures of the page's tables that are computed
		folds bool
	}{
		{"ngan-sach", 32, true},
		{"en/budget", 32, true},
		// The planned pace's four figures; the figures table's changes are
		// one formula over its own rows, explained once below it with a
		// worked year (TestAreaViewExplanationsIndependentOfYears).
		{"dia-phuong/son-dong", 4, false},
		{"en/districts/son-dong", 4, false},
	} {
		t.Run(tc.page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(tc.page), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			for _, table := range reTable.FindAllString(page, -1) {
				if regexp.MustCompile(`<details`).MatchString(table) {
					t.Errorf("a table holds a <details> in a cell: %.120s…", table)
				}
			}
			var items []string
			for _, list := range reExplainList.FindAllString(page, -1) {
				for _, m := range reItemID.FindAllStringSubmatch(list, -1) {
					items = append(items, m[1])
				}
			}
			var refs []string
			for _, m := range reExplainRef.FindAllStringSubmatch(page, -1) {
				refs = append(refs, m[1])
				if !slices.Contains(items, m[1]) {
					t.Errorf("figure linked to #%s, which is no explanation below a table", m[1])
				}
			}
			if len(refs) < tc.refs || len(refs) != len(items) {
				t.Errorf("%d figures linked to %d explanations below their tables, want as many, at least %d", len(refs), len(items), tc.refs)
			}
			if got := reTableFold.MatchString(page); got != tc.folds {
				t.Errorf("lines table folded under a summary: %t, want %t", got, tc.folds)
			}
		})
	}
}
