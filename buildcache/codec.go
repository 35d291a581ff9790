package buildcache

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
)

// The state file's body, and the generator's Meta, are in a small
// binary encoding of their own: varints, and strings and byte slices
// prefixed by their length. Decoding ten or twenty thousand entries
// this way costs a few milliseconds, where gob spent a tenth of a warm
// build compiling and walking types.

// Encoder appends values to a byte slice.
type Encoder struct{ buf []byte }

// Bytes returns what was encoded.
func (e *Encoder) Bytes() []byte { return e.buf }

// Uint appends u.
func (e *Encoder) Uint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }

// Int appends i.
func (e *Encoder) Int(i int64) { e.buf = binary.AppendVarint(e.buf, i) }

// Bool appends b.
func (e *Encoder) Bool(b bool) {
	if b {
		e.Uint(1)
	} else {
		e.Uint(0)
	}
}

// String appends s, after its length.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// Blob appends b, after its length.
func (e *Encoder) Blob(b []byte) {
	e.Uint(uint64(len(b)))
	e.buf = append(e.buf, b...)
}

// Strings appends ss, after their count.
func (e *Encoder) Strings(ss []string) {
	e.Uint(uint64(len(ss)))
	for _, s := range ss {
		e.String(s)
	}
}

// Sum appends s.
func (e *Encoder) Sum(s Sum) { e.buf = append(e.buf, s[:]...) }

// errCorrupt is what a Decoder of bytes no Encoder wrote reports.
var errCorrupt = errors.New("corrupted cache data")

// Decoder reads what an Encoder wrote. A read past the end, or a length
// beyond what is left, makes every later read zero and Err an error:
// the caller checks Err once, at the end.
type Decoder struct {
	buf []byte
	bad bool
}

// NewDecoder reads b.
func NewDecoder(b []byte) *Decoder { return &Decoder{buf: b} }

// Err tells whether every read was whole and nothing is left over.
func (d *Decoder) Err() error {
	if d.bad || len(d.buf) > 0 {
		return errCorrupt
	}
	return nil
}

// Uint reads a Uint.
func (d *Decoder) Uint() uint64 {
	u, n := binary.Uvarint(d.buf)
	return advance(d, n, u)
}

// Int reads an Int.
func (d *Decoder) Int() int64 {
	i, n := binary.Varint(d.buf)
	return advance(d, n, i)
}

// advance moves past a varint of n bytes (n ≤ 0: none was there) and
// returns its value v, or zero.
func advance[T uint64 | int64](d *Decoder, n int, v T) T {
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Bool reads a Bool.
func (d *Decoder) Bool() bool { return d.Uint() == 1 }

// Len reads a count of items of at least min bytes each, refusing one
// the bytes left cannot hold (so corrupted data never makes a huge
// allocation).
func (d *Decoder) Len(min int) int {
	n := d.Uint()
	if n > uint64(len(d.buf)/max(min, 1)) {
		d.fail()
		return 0
	}
	return int(n)
}

// String reads a String.
func (d *Decoder) String() string { return string(d.take(d.Len(1))) }

// Blob reads a Blob; the result shares the decoder's bytes.
func (d *Decoder) Blob() []byte { return d.take(d.Len(1)) }

// Strings reads Strings; none reads as nil.
func (d *Decoder) Strings() []string {
	n := d.Len(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.String()
	}
	return ss
}

// Sum reads a Sum.
func (d *Decoder) Sum() Sum {
	var s Sum
	copy(s[:], d.take(len(s)))
	return s
}

func (d *Decoder) take(n int) []byte {
	if d.bad || n > len(d.buf) {
		d.fail()
		return nil
	}
	b := d.buf[:n:n]
	d.buf = d.buf[n:]
	return b
}

func (d *Decoder) fail() {
	d.bad = true
	d.buf = nil
}

// encodeState is the state file's body: its entries in the order of
// their ids.
func encodeState(entries map[string]Entry) []byte {
	// The size of the whole, give or take the varints: the body is tens
	// of megabytes at 10,000 pages, and growing it by doubling copied
	// it several times over.
	size := 10
	for id, en := range entries {
		size += len(id) + len(en.Meta) + len(Sum{}) + 12 + len(en.Files)*(len(Sum{})+50)
		for _, f := range en.Files {
			size += len(f.Name)
		}
	}
	e := Encoder{buf: make([]byte, 0, size)}
	e.Uint(uint64(len(entries)))
	for _, id := range slices.Sorted(maps.Keys(entries)) {
		en := entries[id]
		e.String(id)
		e.Sum(en.Key)
		e.Uint(uint64(len(en.Files)))
		for _, f := range en.Files {
			e.String(f.Name)
			e.Int(f.Size)
			e.Int(f.ModTime)
			e.Sum(f.Sum)
			e.Uint(f.Dev)
			e.Uint(f.Inode)
		}
		e.Blob(en.Meta)
	}
	return e.Bytes()
}

// decodeState reads encodeState's body; the entries' Meta share body.
func decodeState(body []byte) (map[string]Entry, error) {
	d := NewDecoder(body)
	n := d.Len(1 + len(Sum{}) + 2)
	entries := make(map[string]Entry, n)
	for range n {
		id := d.String()
		en := Entry{Key: d.Sum()}
		if nf := d.Len(5 + len(Sum{})); nf > 0 {
			en.Files = make([]File, nf)
			for i := range en.Files {
				en.Files[i] = File{Name: d.String(), Size: d.Int(), ModTime: d.Int(), Sum: d.Sum(), Dev: d.Uint(), Inode: d.Uint()}
			}
		}
		if meta := d.Blob(); len(meta) > 0 {
			en.Meta = meta
		}
		entries[id] = en
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return entries, nil
}
