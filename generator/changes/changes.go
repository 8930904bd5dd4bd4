// Package changes says what changed in the open data since the previous
// published build: observations added, changed or removed, and targets
// whose row of indicators.json changed, with the columns that did. The
// site publishes the summary at /data/changes.json and the build prints it
// as one line.
//
// It compares the open data files, not the YAML, so that it reports what a
// reader of the site sees change, and it needs nothing from the previous
// build but its published /data/ folder. The summary holds no clock time:
// its dates are the data's own (site.yaml updated), so the same two
// inputs give the same bytes.
package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"plansite/generator/plan"
	"reflect"
	"sort"
	"strings"
)

// Files are the open data files Compare reads, as named under /data/.
const (
	ObservationsFile = "observations.json"
	IndicatorsFile   = "indicators.json"
	// File is the summary itself; Compare reads the previous one for its date.
	File = "changes.json"
)

// A Summary is what changed between two builds.
type Summary struct {
	// Updated is the data's date of this build (site.yaml updated).
	Updated string `json:"updated,omitempty"`
	// Previous is the build compared with; nil when there was none.
	Previous     *Build       `json:"previous"`
	Observations Observations `json:"observations"`
	Targets      Targets      `json:"targets"`
	// Text is the summary in words, as Line prints it.
	Text plan.Text `json:"text"`
}

// A Build is the previous build, as its own changes.json described it.
type Build struct {
	Updated string `json:"updated,omitempty"`
}

// Observations are the rows of observations.json that changed, each row
// as the file has it.
type Observations struct {
	Added   []Row    `json:"added"`
	Changed []Change `json:"changed"`
	Removed []Row    `json:"removed"`
}

// Targets are the targets added, removed, or whose row changed.
type Targets struct {
	Added   []string `json:"added"`
	Changed []Change `json:"changed"`
	Removed []string `json:"removed"`
}

// A Row is one row of an open data file.
type Row map[string]any

// A Change is a row present in both builds with different values: its key
// columns, and the columns that changed with their values before and after.
type Change struct {
	Key     Row      `json:"key"`
	Columns []string `json:"columns"`
	Before  Row      `json:"before"`
	After   Row      `json:"after"`
}

// observationKey identifies an observation across builds.
var observationKey = []string{"target", "area", "year", "half"}

// Compare says what changed from prev to next, which map the names of
// Files to their bytes; prev is nil when there is no previous build, and
// its changes.json may be missing. updated is this build's data date.
func Compare(prev, next map[string][]byte, updated string) (Summary, error) {
	s := Summary{Updated: updated,
		Observations: Observations{Added: []Row{}, Changed: []Change{}, Removed: []Row{}},
		Targets:      Targets{Added: []string{}, Changed: []Change{}, Removed: []string{}}}
	if prev == nil {
		s.Text = s.words()
		return s, nil
	}
	s.Previous = &Build{}
	if b, ok := prev[File]; ok {
		_ = json.Unmarshal(b, s.Previous) // an unreadable old summary only loses its date
	}
	var err error
	var added, removed []Row
	if added, s.Observations.Changed, removed, err = diff(prev, next, ObservationsFile, observationKey); err != nil {
		return Summary{}, err
	}
	s.Observations.Added = append(s.Observations.Added, added...)
	s.Observations.Removed = append(s.Observations.Removed, removed...)
	if added, s.Targets.Changed, removed, err = diff(prev, next, IndicatorsFile, []string{"id"}); err != nil {
		return Summary{}, err
	}
	for _, r := range added {
		s.Targets.Added = append(s.Targets.Added, fmt.Sprint(r["id"]))
	}
	for _, r := range removed {
		s.Targets.Removed = append(s.Targets.Removed, fmt.Sprint(r["id"]))
	}
	s.Text = s.words()
	return s, nil
}

// diff compares the rows of one file by their key columns. Rows keep the
// order of next (added, changed) or prev (removed).
func diff(prev, next map[string][]byte, name string, key []string) (added []Row, changed []Change, removed []Row, err error) {
	changed = []Change{}
	old, err := rows(prev, name)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("previous %s: %w", name, err)
	}
	cur, err := rows(next, name)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	keyOf := func(r Row) string {
		var parts []string
		for _, k := range key {
			b, _ := json.Marshal(r[k])
			parts = append(parts, string(b))
		}
		return strings.Join(parts, "|")
	}
	oldBy := map[string]Row{}
	for _, r := range old {
		oldBy[keyOf(r)] = r
	}
	seen := map[string]bool{}
	for _, r := range cur {
		k := keyOf(r)
		seen[k] = true
		o, ok := oldBy[k]
		if !ok {
			added = append(added, r)
			continue
		}
		if c := change(o, r, key); len(c.Columns) > 0 {
			changed = append(changed, c)
		}
	}
	for _, r := range old {
		if !seen[keyOf(r)] {
			removed = append(removed, r)
		}
	}
	return added, changed, removed, nil
}

func rows(files map[string][]byte, name string) ([]Row, error) {
	b, ok := files[name]
	if !ok {
		return nil, nil // a file the previous build did not have: every row is new
	}
	var rs []Row
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, err
	}
	return rs, nil
}

// change lists the columns whose values differ, in sorted order.
func change(old, cur Row, key []string) Change {
	c := Change{Key: Row{}, Columns: []string{}, Before: Row{}, After: Row{}}
	for _, k := range key {
		c.Key[k] = cur[k]
	}
	cols := map[string]bool{}
	for k := range old {
		cols[k] = true
	}
	for k := range cur {
		cols[k] = true
	}
	for k := range cols {
		if !reflect.DeepEqual(old[k], cur[k]) {
			c.Columns = append(c.Columns, k)
			c.Before[k], c.After[k] = old[k], cur[k]
		}
	}
	sort.Strings(c.Columns)
	return c
}

// words is the summary in one sentence per language.
func (s Summary) words() plan.Text {
	if s.Previous == nil {
		return plan.Text{VI: "chưa có bản dựng trước để so sánh", EN: "no previous build to compare with"}
	}
	o, t := s.Observations, s.Targets
	if len(o.Added)+len(o.Changed)+len(o.Removed)+len(t.Added)+len(t.Changed)+len(t.Removed) == 0 {
		return plan.Text{VI: "số liệu không đổi so với bản dựng trước", EN: "the data is as in the previous build"}
	}
	var ids []string
	for _, c := range t.Changed {
		ids = append(ids, fmt.Sprint(c.Key["id"]))
	}
	ids = append(ids, t.Added...)
	list := ""
	if len(ids) > 0 {
		list = " (" + strings.Join(ids, ", ") + ")"
	}
	return plan.Text{
		VI: fmt.Sprintf("so với bản dựng trước: %d số liệu mới, %d số liệu sửa, %d số liệu bỏ; %d chỉ tiêu mới, %d chỉ tiêu thay đổi, %d chỉ tiêu bỏ%s",
			len(o.Added), len(o.Changed), len(o.Removed), len(t.Added), len(t.Changed), len(t.Removed), list),
		EN: fmt.Sprintf("since the previous build: %d new observations, %d changed, %d removed; %d new targets, %d changed, %d removed%s",
			len(o.Added), len(o.Changed), len(o.Removed), len(t.Added), len(t.Changed), len(t.Removed), list),
	}
}

// Line is the summary on one line, for the build's output.
func (s Summary) Line() string {
	line := "changes: " + s.Text.EN
	if s.Previous != nil && s.Previous.Updated != "" && s.Previous.Updated != s.Updated {
		line += " (data of " + s.Previous.Updated + " → " + s.Updated + ")"
	}
	return line
}

// JSON is the summary as published, indented, with a final newline.
func (s Summary) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	_ = enc.Encode(s) // decoded JSON values re-encode
	return b.Bytes()
}
