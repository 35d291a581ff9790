package values

import "testing"

func TestJSONProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"valid", `{"a": 1, "b": [1, 2, {"a": 2}], "c": {"a": 3}}`, 0, 0, ""},
		{"empty", ``, 0, 0, ""},
		{"same key in sibling objects", "[{\"a\": 1}, {\"a\": 2}]", 0, 0, ""},
		{"duplicate key", "{\n\"a\": 1,\n\"a\": 2\n}", 3, 1, `duplicate key "a"`},
		{"duplicate after a nested value", "{\"a\": {\"x\": 1},\n \"b\": [1],\n \"a\": 2}", 3, 2, `duplicate key "a"`},
		{"duplicate in a nested object", "{\"o\": {\n\"k\": true,\n\n\"k\": false}}", 4, 1, `duplicate key "k"`},
		{"duplicate in an array's object", "[1, {\"k\": 1, \"k\": 2}]", 1, 14, `duplicate key "k"`},
		{"value equal to a key", `{"a": "a", "b": "a"}`, 0, 0, ""},
		{"syntax error", "{\n\"a\": 1,\n}", 3, 1, "invalid character '}' looking for beginning of object key string"},
		{"bad literal", "{\"a\": tru}", 1, 10, "invalid character '}' in literal true (expecting 'e')"},
		{"bad value after a key", "{\"é\": 1 2}", 1, 9, "invalid character '2' after object key:value pair"},
		{"a second value", "{}\n x", 2, 2, "invalid character 'x' after top-level value"},
		{"truncated array", "{\"a\": [1,\n", 1, 10, "unexpected end of JSON input"},
		{"truncated object", "{\n\"a\": {\"b\": 1}\n\n", 2, 14, "unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			line, col, msg := JSONProblem([]byte(tt.src))
			if line != tt.line || col != tt.col || msg != tt.msg {
				t.Errorf("JSONProblem(%q) = %d:%d, %q; want %d:%d, %q", tt.src, line, col, msg, tt.line, tt.col, tt.msg)
			}
		})
	}
}
