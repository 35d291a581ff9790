package values

import (
	"fmt"
	"strconv"
	"strings"
)

// The scalars of decoded configuration and front matter come as the
// decoder typed them: TOML's int64, YAML's int, JSON's float64, or a
// string ("true", " 4 ") where a writer quoted one. These read each
// kind of value from any of them, with an error that says what was
// wanted and what was given.

// Text returns v as a string when it is one (or bytes).
func Text(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case []byte:
		return string(t), true
	}
	return "", false
}

// ToString returns v when it is a string.
func ToString(v any) (string, error) {
	if s, ok := Text(v); ok {
		return s, nil
	}
	return "", fmt.Errorf("must be a string, not %v", v)
}

// ToBool returns v as a boolean: a bool, a number (non-zero is true) or
// a string strconv.ParseBool reads.
func ToBool(v any) (bool, error) {
	switch t := v.(type) {
	case bool:
		return t, nil
	case int64:
		return t != 0, nil
	case float64:
		return t != 0, nil
	}
	if s, ok := Text(v); ok {
		if b, err := strconv.ParseBool(s); err == nil {
			return b, nil
		}
	}
	return false, fmt.Errorf("must be true or false, not %v", v)
}

// ToInt returns v as a whole number: an integer, a float without a
// fraction, or a string of digits (spaces around them allowed).
func ToInt(v any) (int, error) {
	switch t := v.(type) {
	case int:
		return t, nil
	case int64:
		return int(t), nil
	case float64:
		if t == float64(int(t)) {
			return int(t), nil
		}
	}
	if s, ok := Text(v); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("must be a whole number, not %v", v)
}
