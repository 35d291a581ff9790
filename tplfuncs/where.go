package tplfuncs

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// field reads a struct field, a method without arguments, or a map key
// named by a dotted path ("Params.program").
func field(v reflect.Value, path string) (any, bool) {
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return nil, false
			}
			if m := v.MethodByName(name); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
				v = m.Call(nil)[0]
				goto next
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Struct:
			f := v.FieldByName(name)
			if !f.IsValid() {
				return nil, false
			}
			v = f
		case reflect.Map:
			var found reflect.Value
			for _, k := range v.MapKeys() {
				if strings.EqualFold(fmt.Sprint(k.Interface()), name) {
					found = v.MapIndex(k)
					break
				}
			}
			if !found.IsValid() {
				return nil, false
			}
			v = found
		default:
			return nil, false
		}
	next:
	}
	if !v.IsValid() || !v.CanInterface() {
		return nil, false
	}
	return v.Interface(), true
}

// where keeps the items of list whose field equals value; with four
// arguments the third is an operator (=, !=, in, not in, >, <, >=, <=).
func where(list any, key string, args ...any) (any, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice {
		return nil, fmt.Errorf("where: %T is not a list", list)
	}
	op, want := "=", any(nil)
	switch len(args) {
	case 1:
		want = args[0]
	case 2:
		op, _ = args[0].(string)
		want = args[1]
	default:
		return nil, fmt.Errorf("where: want 3 or 4 arguments")
	}
	out := reflect.MakeSlice(rv.Type(), 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		got, _ := field(rv.Index(i), key)
		ok, err := compare(op, got, want)
		if err != nil {
			return nil, err
		}
		if ok {
			out = reflect.Append(out, rv.Index(i))
		}
	}
	return out.Interface(), nil
}

func compare(op string, got, want any) (bool, error) {
	switch op {
	case "=", "==", "eq":
		return fmt.Sprint(got) == fmt.Sprint(want), nil
	case "!=", "<>", "ne":
		return fmt.Sprint(got) != fmt.Sprint(want), nil
	case "in":
		return in(want, got), nil
	case "not in":
		return !in(want, got), nil
	case ">", "<", ">=", "<=":
		c := cmpAny(got, want)
		switch op {
		case ">":
			return c > 0, nil
		case "<":
			return c < 0, nil
		case ">=":
			return c >= 0, nil
		default:
			return c <= 0, nil
		}
	}
	return false, fmt.Errorf("where: unknown operator %q", op)
}

// cmpAny orders numbers numerically, times by time and anything else as text.
func cmpAny(a, b any) int {
	if ta, ok := a.(time.Time); ok {
		if tb, ok := b.(time.Time); ok {
			return ta.Compare(tb)
		}
	}
	fa, errA := strconv.ParseFloat(fmt.Sprint(a), 64)
	fb, errB := strconv.ParseFloat(fmt.Sprint(b), 64)
	if errA == nil && errB == nil {
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}
