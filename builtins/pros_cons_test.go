package builtins

import (
	"reflect"
	"testing"
)

func TestMarkdownLists(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want [][]string
	}{
		{"", nil},
		{"- a\n- b\n\n- c", [][]string{{"a", "b"}, {"c"}}},
		{"Pros:\n* a\n  + b\nCons:\n- c\n-\n- d\n", [][]string{{"a", "b"}, {"c", "d"}}},
		{"-not an item\n- x", [][]string{{"x"}}},
	}
	for _, tt := range tests {
		if got := markdownLists(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("markdownLists(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
