package generator

import (
	"reflect"
	"strconv"
	"testing"
)

// TestCachedPageRoundTrip fills every field of a cachedPage, and of the
// structs it holds, with a value of its own, and checks that decoding
// the encoding gives it back: a field added to cachedPage and left out
// of the encoding fails here. Truncated encodings are errors.
func TestCachedPageRoundTrip(t *testing.T) {
	t.Parallel()
	var m cachedPage
	n := 0
	fill(reflect.ValueOf(&m).Elem(), &n, map[string]bool{"Err": true})
	// Links are bytes of packLinks' encoding, which decoding checks.
	m.Links = packLinks([]ManifestLink{{Line: 1, Program: "p", Plan: "q", Placement: "r", SubID: "s", URL: "u", Source: "v"}})
	data := encodeCachedPage(&m)
	got, err := decodeCachedPage(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, m)
	}
	for i := range len(data) {
		if _, err := decodeCachedPage(data[:i]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", i, len(data))
		}
	}
	if _, err := decodeCachedPage(append(data, 0)); err == nil {
		t.Fatal("a byte left over decoded without an error")
	}
}

// fill sets every settable field below v to a value of its own (two
// elements in each slice), counting in n; fields named in skip stay
// zero.
func fill(v reflect.Value, n *int, skip map[string]bool) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + strconv.Itoa(*n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Uint8:
		v.SetUint(uint64(*n % 256))
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), n, skip)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n, skip)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if !skip[v.Type().Field(i).Name] {
				fill(v.Field(i), n, skip)
			}
		}
	default:
		panic("fill: no value for a " + v.Kind().String())
	}
}
