package generator

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendJSONString holds the hand-written manifest encoder to
// encoding/json's output, with HTML escaping off.
func TestAppendJSONString(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "plain", `q"uote`, `back\\slash`, "nl\n cr\r tab\t", "\b\f\x00\x1f",
		"<script>&amp;", "ünïcödé €", "\u2028\u2029", "bad \xff utf8", "https://x.example/?a=1&b=2",
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(appendJSONString(nil, s)) + "\n"
		if got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

// FuzzAppendJSONString checks the encoder against encoding/json on any
// input.
func FuzzAppendJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	})
}
