package values

import "testing"

func TestJSONProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"valid", `{"a": 1, "b": [1, 2, {"a": 2}], "c": {"a": 3}}`, 0, ""},
		{"empty", ``, 0, ""},
		{"same key in sibling objects", "[{\"a\": 1}, {\"a\": 2}]", 0, ""},
		{"duplicate key", "{\n\"a\": 1,\n\"a\": 2\n}", 3, `duplicate key "a"`},
		{"duplicate after a nested value", "{\"a\": {\"x\": 1},\n \"b\": [1],\n \"a\": 2}", 3, `duplicate key "a"`},
		{"duplicate in a nested object", "{\"o\": {\n\"k\": true,\n\n\"k\": false}}", 4, `duplicate key "k"`},
		{"duplicate in an array's object", "[1, {\"k\": 1, \"k\": 2}]", 1, `duplicate key "k"`},
		{"value equal to a key", `{"a": "a", "b": "a"}`, 0, ""},
		{"syntax error", "{\n\"a\": 1,\n}", 3, "invalid character '}' looking for beginning of object key string"},
		{"truncated array", "{\"a\": [1,\n", 1, "unexpected end of JSON input"},
		{"truncated object", "{\n\"a\": {\"b\": 1}\n\n", 2, "unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			line, msg := JSONProblem([]byte(tt.src))
			if line != tt.line || msg != tt.msg {
				t.Errorf("JSONProblem(%q) = %d, %q; want %d, %q", tt.src, line, msg, tt.line, tt.msg)
			}
		})
	}
}
