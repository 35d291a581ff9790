package buildcache

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// TestValueRoundTrip: what the front-matter decoders make decodes back
// with the same types and bits; a truncation is an error, never a panic.
func TestValueRoundTrip(t *testing.T) {
	t.Parallel()
	var fromYAML, fromTOML map[string]any
	if err := yaml.Unmarshal([]byte("title: A\nn: 3\nbig: 99999999999999999999\nf: 1.5\nb: true\nd: 2024-03-05T10:20:30+02:00\nu: 2024-03-05\nl: [1, x, {k: v}]\nm: {a: {b: null}}\n"), &fromYAML); err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal([]byte("n = 3\nd = 2024-03-05T10:20:30Z\nld = 2024-03-05\nlt = 10:20:30\nldt = 2024-03-05T10:20:30\n[[t]]\na = 1.0\n"), &fromTOML); err != nil {
		t.Fatal(err)
	}
	values := []any{
		fromYAML, fromTOML,
		map[string]any{"negzero": math.Copysign(0, -1), "nan": math.NaN(), "u": uint64(math.MaxUint64), "i64": int64(math.MinInt64), "empty": []any{}},
		time.Date(2024, 1, 2, 3, 4, 5, 6, time.Local),
		time.Date(2024, 1, 2, 3, 4, 5, 6, time.FixedZone("CET", 3600)),
		"", nil,
	}
	for _, v := range values {
		var e Encoder
		if !e.Value(v) {
			t.Fatalf("%#v not encoded", v)
		}
		d := NewDecoder(e.Bytes())
		got := d.Value()
		if err := d.Err(); err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		var again Encoder
		again.Value(got)
		if string(again.Bytes()) != string(e.Bytes()) || !sameValue(got, v) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", got, v)
		}
		for i := range len(e.Bytes()) {
			d := NewDecoder(e.Bytes()[:i])
			d.Value()
			if d.Err() == nil {
				t.Fatalf("%#v: %d of %d bytes decoded without an error", v, i, len(e.Bytes()))
			}
		}
	}
}

// sameValue is reflect.DeepEqual, NaN equal to itself.
func sameValue(a, b any) bool {
	if fa, ok := a.(float64); ok {
		fb, ok := b.(float64)
		return ok && math.Float64bits(fa) == math.Float64bits(fb)
	}
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if w, ok := b[k]; !ok || !sameValue(v, w) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// TestValueRefused: a value that would not decode back exactly is not
// encoded: an unknown type, a named zone, a nil map, nesting too deep.
func TestValueRefused(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	deep := map[string]any{}
	for range maxDepth + 2 {
		deep = map[string]any{"x": deep}
	}
	for _, v := range []any{
		int32(1), []string{"a"}, map[any]any{"a": 1}, time.Now(),
		time.Date(2024, 7, 1, 0, 0, 0, 0, paris), map[string]any{"m": map[string]any(nil)}, deep,
	} {
		var e Encoder
		if e.Value(v) {
			t.Errorf("%T %v encoded", v, v)
		}
	}
}

// TestValueCorrupt: an unknown tag, an int beyond int's range or
// nanoseconds beyond a second are errors.
func TestValueCorrupt(t *testing.T) {
	t.Parallel()
	for name, enc := range map[string]func(e *Encoder){
		"tag":  func(e *Encoder) { e.Uint(99) },
		"nsec": func(e *Encoder) { e.Uint(tagTime); e.Int(0); e.Uint(1e9); e.Uint(locUTC) },
		"loc":  func(e *Encoder) { e.Uint(tagTime); e.Int(0); e.Uint(0); e.Uint(7) },
	} {
		var e Encoder
		enc(&e)
		d := NewDecoder(e.Bytes())
		d.Value()
		if d.Err() == nil {
			t.Errorf("%s: decoded without an error", name)
		}
	}
}
