package jsonstr

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// Append writes a string, or bytes, as json.Marshal writes the string, byte for byte:
// every ASCII character, U+2028 and U+2029, invalid UTF-8, and random
// strings of them.
func TestAppend(t *testing.T) {
	var cases []string
	for c := range 128 {
		cases = append(cases, string(rune(c)), "a"+string(rune(c))+"b")
	}
	cases = append(cases, "\u2028\u2029", "Sơn Động", "😀", "\xff", "a\xc3", "\xed\xa0\x80", "<script>&amp;</script>", "")
	rng := rand.New(rand.NewPCG(3, 4))
	pool := []string{"a", "\"", "\\", "<", "&", "\n", "\x00", "\x1f", "\x7f", "đ", "\u2028", "\xff", "\xe2\x80", "😀", " "}
	for range 5000 {
		var s strings.Builder
		for range rng.IntN(10) {
			s.WriteString(pool[rng.IntN(len(pool))])
		}
		cases = append(cases, s.String())
	}
	for _, s := range cases {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
		if got := Append(nil, []byte(s)); !bytes.Equal(got, want) {
			t.Errorf("%q as bytes: %s, want %s", s, got, want)
		}
	}
}
