package tplfuncs

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// sortList sorts a copy of list by a field, ascending unless "desc".
func sortList(list any, args ...string) (any, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice {
		return nil, fmt.Errorf("sort: %T is not a list", list)
	}
	out := reflect.MakeSlice(rv.Type(), rv.Len(), rv.Len())
	reflect.Copy(out, rv)
	key, desc := "", false
	if len(args) > 0 {
		key = args[0]
	}
	if len(args) > 1 {
		desc = strings.EqualFold(args[1], "desc")
	}
	keyOf := func(i int) any {
		if key == "" || key == "value" {
			return out.Index(i).Interface()
		}
		v, _ := field(out.Index(i), key)
		return v
	}
	keys := make([]any, out.Len())
	for i := range keys {
		keys[i] = keyOf(i)
	}
	idx := make([]int, out.Len())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		c := cmpAny(keys[idx[i]], keys[idx[j]])
		if desc {
			return c > 0
		}
		return c < 0
	})
	sorted := reflect.MakeSlice(rv.Type(), rv.Len(), rv.Len())
	for i, j := range idx {
		sorted.Index(i).Set(out.Index(j))
	}
	return sorted.Interface(), nil
}
