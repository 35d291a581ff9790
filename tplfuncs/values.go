package tplfuncs

import (
	"encoding/json"
	"html/template"
	"reflect"
	"time"
)

func jsonify(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}

// defaultValue returns v unless it is empty, else def (Hugo's argument order).
func defaultValue(def, v any) any {
	if IsEmpty(v) {
		return def
	}
	return v
}

// IsEmpty tells whether v is Hugo-empty: nil, zero, false, a zero time,
// or a string, slice, map or array of length 0.
func IsEmpty(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() == 0
	case reflect.Bool:
		return !rv.Bool()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return rv.Int() == 0
	case reflect.Float64:
		return rv.Float() == 0
	case reflect.Pointer, reflect.Interface:
		return rv.IsNil()
	}
	if t, ok := v.(time.Time); ok {
		return t.IsZero()
	}
	return false
}
