package opendata

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// csvRows and jsonRows count what a full decode counts.
func TestRows(t *testing.T) {
	for _, s := range []string{`[]`, ` [ ] `, `[1]`, `[{"a":[1,2],"b":"x,y"}, {"c":"\"],"}]`, `[[1,2],[3]]`, `{}`, `[1,`, `"x"`} {
		var rows []json.RawMessage
		want := 0
		if json.Unmarshal([]byte(s), &rows) == nil {
			want = len(rows)
		}
		if got := jsonRows([]byte(s)); got != want {
			t.Errorf("jsonRows(%s) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"", "a,b\n", "a,b\n1,2\n", "a,b\n\"1\n2\",3\n4,5\n", "a\n\"unclosed\n"} {
		recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		want := 0
		if err == nil && len(recs) > 0 {
			want = len(recs) - 1
		}
		if got := csvRows([]byte(s)); got != want {
			t.Errorf("csvRows(%q) = %d, want %d", s, got, want)
		}
	}
}
