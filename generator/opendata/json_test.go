package opendata

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"plansite/generator/progress"
)

// checkJSON requires the table's JSON to be indented exactly as
// json.Indent indents it with one space, and to decode to its rows: each
// an object of the columns' values, a missing one null.
func checkJSON(t *testing.T, tb *table) {
	t.Helper()
	b, err := tb.json()
	if err != nil {
		t.Fatal(err)
	}
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, b); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", " "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(b, indented.Bytes()) {
		t.Fatalf("not indented as json.Indent indents:\n%.600s\nwant\n%.600s", b, indented.Bytes())
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(tb.rows) {
		t.Fatalf("%d objects for %d rows", len(got), len(tb.rows))
	}
	for i, row := range tb.rows {
		want := map[string]any{}
		for j, c := range tb.columns {
			v, _ := json.Marshal(row[j])
			if row[j] == nil && c.list {
				v = []byte("null")
			}
			var x any
			json.Unmarshal(v, &x)
			want[c.name] = x
		}
		if len(got[i]) != len(tb.columns) || !reflect.DeepEqual(got[i], want) {
			t.Errorf("row %d: %v, want %v", i, got[i], want)
		}
	}
}

func TestJSONHostile(t *testing.T) {
	checkJSON(t, hostileTable())
}

func TestJSONEdges(t *testing.T) {
	checkJSON(t, &table{tableInfo: tableInfo{name: "empty"}, columns: []column{{name: "a", typ: typeString}}})
	checkJSON(t, &table{tableInfo: tableInfo{name: "lists"}, columns: []column{{name: "l", typ: typeString, list: true}},
		rows: [][]any{{[]string{}}, {[]string{"one"}}, {[]string{"a", "<b>"}}}})
}

func TestJSONDatasets(t *testing.T) {
	for _, dir := range []string{"../../data", "../../examples/demo"} {
		p, _ := loadDir(t, dir)
		r := progress.Compute(p, 0)
		for _, tb := range []*table{indicators(p, r), observations(p, r), districts(p, r), budgets(p, r)} {
			t.Run(filepath.Base(dir)+"/"+tb.name, func(t *testing.T) { checkJSON(t, tb) })
		}
	}
}
