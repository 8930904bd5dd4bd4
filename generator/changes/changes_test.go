package changes

import (
	"bytes"
	"strings"
	"testing"
)

const (
	obs2014 = `{"target":"3a","area":"bg","year":2014,"half":null,"value":80,"status":"final","source":"s1"}`
	obs2015 = `{"target":"3a","area":"bg","year":2015,"half":null,"value":85.2,"status":"provisional","source":"s2"}`
	obsHalf = `{"target":"3a","area":"bg","year":2015,"half":1,"value":83,"status":"estimate","source":"s2"}`
	ind3a   = `{"id":"3a","latest_value":80,"status":"on_track"}`
	ind3aUp = `{"id":"3a","latest_value":85.2,"status":"achieved"}`
	ind3b   = `{"id":"3b","latest_value":null,"status":"no_data"}`
)

func files(obs, ind string, changes string) map[string][]byte {
	m := map[string][]byte{ObservationsFile: []byte("[" + obs + "]"), IndicatorsFile: []byte("[" + ind + "]")}
	if changes != "" {
		m[File] = []byte(changes)
	}
	return m
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name       string
		prev, next map[string][]byte
		line       string
		added      int
		changed    []string // observation columns that changed
		removed    int
		targets    []string // changed targets
	}{
		{"first build", nil, files(obs2014, ind3a, ""),
			"changes: no previous build to compare with", 0, nil, 0, nil},
		{"same data", files(obs2014, ind3a+","+ind3b, ""), files(obs2014, ind3a+","+ind3b, ""),
			"changes: the data is as in the previous build", 0, nil, 0, nil},
		{"a new year", files(obs2014, ind3a+","+ind3b, `{"updated":"2014-12-31"}`), files(obs2014+","+obs2015, ind3aUp+","+ind3b, ""),
			"changes: since the previous build: 1 new observations, 0 changed, 0 removed; 0 new targets, 1 changed, 0 removed (3a) (data of 2014-12-31 → 2015-12-31)",
			1, nil, 0, []string{"3a"}},
		{"a corrected value and a half-year figure", files(obs2015, ind3a, ""),
			files(strings.Replace(obs2015, "85.2", "85.3", 1)+","+obsHalf, ind3a, ""),
			"changes: since the previous build: 1 new observations, 1 changed, 0 removed; 0 new targets, 0 changed, 0 removed",
			1, []string{"value"}, 0, nil},
		{"a removed observation and a new target", files(obs2014+","+obs2015, ind3a, ""), files(obs2014, ind3a+","+ind3b, ""),
			"changes: since the previous build: 0 new observations, 0 changed, 1 removed; 1 new targets, 0 changed, 0 removed (3b)",
			0, nil, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Compare(tt.prev, tt.next, "2015-12-31")
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Line(); got != tt.line {
				t.Errorf("Line() = %q, want %q", got, tt.line)
			}
			o := s.Observations
			if len(o.Added) != tt.added || len(o.Removed) != tt.removed || len(o.Changed) != len(tt.changed) {
				t.Fatalf("observations = %d added, %d changed, %d removed; want %d, %d, %d",
					len(o.Added), len(o.Changed), len(o.Removed), tt.added, len(tt.changed), tt.removed)
			}
			for i, c := range o.Changed {
				if strings.Join(c.Columns, ",") != tt.changed[i] {
					t.Errorf("changed columns = %v, want %s", c.Columns, tt.changed[i])
				}
			}
			var ids []string
			for _, c := range s.Targets.Changed {
				ids = append(ids, c.Key["id"].(string))
			}
			if strings.Join(ids, ",") != strings.Join(tt.targets, ",") {
				t.Errorf("changed targets = %v, want %v", ids, tt.targets)
			}
		})
	}
}

// The summary holds no clock time: the same inputs give the same bytes.
func TestJSONIsDeterministic(t *testing.T) {
	prev, next := files(obs2014+","+obs2015, ind3a, ""), files(obs2015+","+obsHalf, ind3aUp+","+ind3b, "")
	a, _ := Compare(prev, next, "2015-12-31")
	for range 5 {
		b, _ := Compare(prev, next, "2015-12-31")
		if !bytes.Equal(a.JSON(), b.JSON()) {
			t.Fatalf("two summaries differ:\n%s\n%s", a.JSON(), b.JSON())
		}
	}
	if _, err := Compare(map[string][]byte{ObservationsFile: []byte("{")}, next, ""); err == nil {
		t.Errorf("Compare with a broken previous file: no error")
	}
}
