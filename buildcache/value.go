package buildcache

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"time"
)

// Values of the types front matter decodes to (YAML, TOML and JSON
// through map[string]any) are encoded with a tag byte before each. A
// value is encoded only when it decodes back exactly — the same Go
// types, the same bits, a time in the same location — so a generator
// that reuses a decoded value sees what decoding the source again would
// have given it.

// Tags of the encoded values.
const (
	tagNil = iota
	tagString
	tagInt
	tagInt64
	tagUint64
	tagFloat64
	tagBool
	tagTime
	tagList
	tagMap
	tagMapList
)

// Time locations.
const (
	locUTC = iota
	locLocal
	locFixed
)

// maxDepth is how deeply lists and maps may nest in an encoded value:
// deeper data is not encoded, and corrupted data that claims it is an
// error rather than a deep recursion.
const maxDepth = 64

// Value appends v and reports whether it could: false (with what was
// appended of it left in place, so the caller drops the encoding) for a
// type it does not know or a time whose location it cannot recreate.
func (e *Encoder) Value(v any) bool { return e.value(v, 0) }

func (e *Encoder) value(v any, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch v := v.(type) {
	case nil:
		e.Uint(tagNil)
	case string:
		e.Uint(tagString)
		e.String(v)
	case int:
		e.Uint(tagInt)
		e.Int(int64(v))
	case int64:
		e.Uint(tagInt64)
		e.Int(v)
	case uint64:
		e.Uint(tagUint64)
		e.Uint(v)
	case float64:
		e.Uint(tagFloat64)
		e.Uint(math.Float64bits(v))
	case bool:
		e.Uint(tagBool)
		e.Bool(v)
	case time.Time:
		return e.time(v)
	case []any:
		e.Uint(tagList)
		e.Uint(uint64(len(v)))
		for _, x := range v {
			if !e.value(x, depth+1) {
				return false
			}
		}
	case map[string]any:
		e.Uint(tagMap)
		return e.valueMap(v, depth)
	case []map[string]any:
		e.Uint(tagMapList)
		e.Uint(uint64(len(v)))
		for _, m := range v {
			if !e.valueMap(m, depth+1) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// valueMap appends m's entries in the order of their keys, so that the
// same map always encodes to the same bytes. A nil map encodes as an
// empty one, which decodes as non-nil: refused.
func (e *Encoder) valueMap(m map[string]any, depth int) bool {
	if m == nil {
		return false
	}
	e.Uint(uint64(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.String(k)
		if !e.value(m[k], depth+1) {
			return false
		}
	}
	return true
}

// time appends t as seconds, nanoseconds and its location: UTC, Local,
// or a fixed zone of a name and offset, which is what the front-matter
// decoders make. t is refused when the time decoded is not identical to
// it (another named zone, a monotonic reading).
func (e *Encoder) time(t time.Time) bool {
	e.Uint(tagTime)
	e.Int(t.Unix())
	e.Uint(uint64(t.Nanosecond()))
	loc := t.Location()
	switch loc {
	case time.UTC:
		e.Uint(locUTC)
	case time.Local:
		e.Uint(locLocal)
	default:
		name, off := t.Zone()
		e.Uint(locFixed)
		e.String(name)
		e.Int(int64(off))
	}
	return reflect.DeepEqual(t, timeAt(t.Unix(), int64(t.Nanosecond()), loc))
}

// timeAt is the time at sec and nsec in loc, as Decoder.Value makes it.
func timeAt(sec, nsec int64, loc *time.Location) time.Time {
	if loc != time.UTC && loc != time.Local {
		name, off := time.Unix(sec, nsec).In(loc).Zone()
		loc = time.FixedZone(name, off)
	}
	return time.Unix(sec, nsec).In(loc)
}

// Value reads a Value.
func (d *Decoder) Value() any { return d.value(0) }

func (d *Decoder) value(depth int) any {
	if depth > maxDepth {
		d.fail()
		return nil
	}
	switch d.Uint() {
	case tagNil:
		return nil
	case tagString:
		return d.String()
	case tagInt:
		i := d.Int()
		if int64(int(i)) != i {
			d.fail()
		}
		return int(i)
	case tagInt64:
		return d.Int()
	case tagUint64:
		return d.Uint()
	case tagFloat64:
		return math.Float64frombits(d.Uint())
	case tagBool:
		return d.Bool()
	case tagTime:
		return d.time()
	case tagList:
		l := make([]any, d.Len(1))
		for i := range l {
			l[i] = d.value(depth + 1)
		}
		return l
	case tagMap:
		return d.valueMap(depth)
	case tagMapList:
		l := make([]map[string]any, d.Len(1))
		for i := range l {
			l[i] = d.valueMap(depth + 1)
		}
		return l
	}
	d.fail()
	return nil
}

func (d *Decoder) valueMap(depth int) map[string]any {
	n := d.Len(2)
	m := make(map[string]any, n)
	for range n {
		k := d.String()
		m[k] = d.value(depth + 1)
	}
	return m
}

func (d *Decoder) time() time.Time {
	sec, nsec := d.Int(), d.Uint()
	if nsec >= 1e9 {
		d.fail()
		return time.Time{}
	}
	switch d.Uint() {
	case locUTC:
		return time.Unix(sec, int64(nsec)).UTC()
	case locLocal:
		return time.Unix(sec, int64(nsec)).In(time.Local)
	case locFixed:
		name, off := d.String(), d.Int()
		if int64(int(off)) != off {
			d.fail()
			return time.Time{}
		}
		return time.Unix(sec, int64(nsec)).In(time.FixedZone(name, int(off)))
	}
	d.fail()
	return time.Time{}
}
