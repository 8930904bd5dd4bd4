package plan

import "testing"

// TestNodeAt finds keys and list items in a Node as the loader fills it:
// a key with a list is followed by its items' places.
func TestNodeAt(t *testing.T) {
	n := Node{Pos: Pos{File: "areas.yaml", Line: 3, Col: 5}, Keys: []KeyAt{
		{Key: "id", Line: 3, Col: 9},
		{Key: "members", Line: 5, Col: 7, Items: 2},
		{Line: 5, Col: 9}, {Line: 6, Col: 9},
		{Key: "flags", Line: 7, Col: 12, Items: 0},
		{Key: "name", Line: 8, Col: 11},
	}}
	tests := []struct {
		key  string
		item int // -1: At(key)
		want string
		has  bool
	}{
		{"id", -1, "areas.yaml:3:9", true},
		{"members", -1, "areas.yaml:5:7", true},
		{"members", 0, "areas.yaml:5:9", true},
		{"members", 1, "areas.yaml:6:9", true},
		{"members", 2, "areas.yaml:5:7", true}, // no such item: the list
		{"flags", 0, "areas.yaml:7:12", true},
		{"name", -1, "areas.yaml:8:11", true},
		{"kind", -1, "areas.yaml:3:5", false}, // not written: the record
		{"kind", 0, "areas.yaml:3:5", false},
		{"", -1, "areas.yaml:3:5", false}, // an item's place is no key
	}
	for _, tt := range tests {
		got := n.At(tt.key)
		if tt.item >= 0 {
			got = n.AtItem(tt.key, tt.item)
		}
		if got.String() != tt.want {
			t.Errorf("At(%q, %d) = %s, want %s", tt.key, tt.item, got, tt.want)
		}
		if n.Has(tt.key) != tt.has {
			t.Errorf("Has(%q) = %v, want %v", tt.key, n.Has(tt.key), tt.has)
		}
	}
}
