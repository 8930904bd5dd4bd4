package plan

import (
	"encoding/json"
	"testing"
)

func TestGitHub(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		lang Lang
		want string
	}{
		{"error", Problem{Pos: Pos{File: "data/targets.yaml", Line: 3, Col: 14}, ID: "2b", VI: "sai", EN: "wrong"}, EN,
			"::error file=data/targets.yaml,line=3,col=14::2b: wrong\n"},
		{"both languages", Problem{Pos: Pos{File: "data/a.yaml", Line: 1, Col: 2}, VI: "sai", EN: "wrong"}, Both,
			"::error file=data/a.yaml,line=1,col=2::sai — wrong\n"},
		{"warning has no prefix", Problem{Pos: Pos{File: "d/a.yaml", Line: 5, Col: 1}, VI: "lệch", EN: "off", Severity: Warning}, EN,
			"::warning file=d/a.yaml,line=5,col=1::off\n"},
		{"whole file", Problem{Pos: Pos{File: "d/targtes.yaml"}, VI: "x", EN: "y"}, EN,
			"::error file=d/targtes.yaml,line=1,col=1::y\n"},
		{"no file", Problem{VI: "x", EN: "y"}, EN, "::error::y\n"},
		{"escaped", Problem{Pos: Pos{File: "d/a,b:c%.yaml", Line: 2, Col: 3}, VI: "x", EN: "50% of\r\nit, a: b"}, EN,
			"::error file=d/a%2Cb%3Ac%25.yaml,line=2,col=3::50%25 of%0D%0Ait, a: b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Problems{tt.p}).GitHub(tt.lang); got != tt.want {
				t.Errorf("GitHub() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	if got := string(Problems{}.JSON()); got != "[]\n" {
		t.Errorf("JSON of no problems = %q, want []", got)
	}
	ps := Problems{
		{Pos: Pos{File: "d/t.yaml", Line: 3, Col: 14}, ID: "2b", VI: "sai <b>", EN: "wrong"},
		{Pos: Pos{File: "d/x.yaml"}, VI: "tệp", EN: "file", Severity: Warning},
	}
	var got []Record
	if err := json.Unmarshal(ps.JSON(), &got); err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{File: "d/t.yaml", Line: 3, Col: 14, ID: "2b", Severity: "error", MessageVI: "sai <b>", MessageEN: "wrong"},
		{File: "d/x.yaml", Line: 1, Col: 1, Severity: "warning", MessageVI: "tệp", MessageEN: "file"},
	}
	if len(got) != len(want) {
		t.Fatalf("JSON() = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
