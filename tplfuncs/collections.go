package tplfuncs

import (
	"fmt"
	"reflect"
	"strings"
)

func first(n int, list any) (any, error) {
	rv, n, err := listAndCount("first", n, list)
	if err != nil {
		return nil, err
	}
	return rv.Slice(0, n).Interface(), nil
}

func after(n int, list any) (any, error) {
	rv, n, err := listAndCount("after", n, list)
	if err != nil {
		return nil, err
	}
	return rv.Slice(n, rv.Len()).Interface(), nil
}

// listAndCount is the list argument of first and after (named fn in the
// error) as a reflect value, with n brought into 0..its length.
func listAndCount(fn string, n int, list any) (reflect.Value, int, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return rv, 0, fmt.Errorf("%s: %T is not a list", fn, list)
	}
	return rv, min(max(n, 0), rv.Len()), nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key-value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m, nil
}

func seq(n int) []int {
	out := make([]int, min(max(n, 0), 10000))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// in tells whether list (a slice, or a string) contains v.
func in(list, v any) bool {
	rv := reflect.ValueOf(list)
	switch rv.Kind() {
	case reflect.String:
		return strings.Contains(rv.String(), fmt.Sprint(v))
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len(); i++ {
			if fmt.Sprint(rv.Index(i).Interface()) == fmt.Sprint(v) {
				return true
			}
		}
	}
	return false
}

// Isset is the isset template function: whether map m has key (its keys
// compared as text, ignoring case) or slice m has index key.
func Isset(m any, key any) bool {
	if sm, ok := m.(map[string]any); ok {
		if k, ok := key.(string); ok {
			if _, ok := sm[k]; ok {
				return true // the common case, without a walk of the keys
			}
		}
	}
	rv := reflect.ValueOf(m)
	switch rv.Kind() {
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if strings.EqualFold(fmt.Sprint(k.Interface()), fmt.Sprint(key)) {
				return true
			}
		}
	case reflect.Slice:
		i, ok := asInt(key)
		return ok && i >= 0 && int(i) < rv.Len()
	}
	return false
}
