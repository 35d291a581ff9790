package generator

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/tplfuncs"
)

// pageMeta holds the front-matter keys affsite interprets, decoded from
// the free-form map with their types checked.
type pageMeta struct {
	title, description, summary, slug, url, program, layout string
	date, lastmod, publishDate, expiryDate                  time.Time
	draft                                                   bool
	weight                                                  int
	aliases, tags, categories, images                       []string
}

// decodeMeta reads the known keys of fm. Keys are matched without regard
// to case, as Hugo does ("publishdate" and "publishDate" are one key).
// An error is reported at its value's line and column, which at gives
// (line 1 when at is nil).
func decodeMeta(file string, fm map[string]any, at *fmPlaces) (pageMeta, error) {
	d := &metaDecoder{file: file, fm: fm, at: at}
	var m pageMeta
	// In a fixed order, so that several errors always come in one order.
	for _, f := range []struct {
		key string
		dst *string
	}{{"title", &m.title}, {"description", &m.description}, {"summary", &m.summary}, {"slug", &m.slug},
		{"url", &m.url}, {"program", &m.program}, {"layout", &m.layout}} {
		d.str(f.key, f.dst)
	}
	for _, f := range []struct {
		key string
		dst *time.Time
	}{{"date", &m.date}, {"lastmod", &m.lastmod}, {"publishDate", &m.publishDate}, {"expiryDate", &m.expiryDate}} {
		d.date(f.key, f.dst)
	}
	for _, f := range []struct {
		key string
		dst *[]string
	}{{"aliases", &m.aliases}, {"tags", &m.tags}, {"categories", &m.categories}, {"images", &m.images}} {
		d.list(f.key, f.dst)
	}
	d.draft(&m.draft)
	d.weight(&m.weight)
	if err := diag.Join(d.errs); err != nil {
		return m, err
	}
	m.defaultDates()
	return m, nil
}

// defaultDates fills the dates front matter left out from the others:
// publishDate and date from each other, lastmod from date.
func (m *pageMeta) defaultDates() {
	if m.publishDate.IsZero() {
		m.publishDate = m.date
	}
	if m.date.IsZero() {
		m.date = m.publishDate
	}
	if m.lastmod.IsZero() {
		m.lastmod = m.date
	}
}

// metaDecoder reads the known keys of one page's front matter, keeping
// an error for each key of the wrong type, at its value.
type metaDecoder struct {
	file string
	fm   map[string]any
	at   *fmPlaces
	errs []error
}

// fail keeps an error at the value at path (a key, a list item's index).
func (d *metaDecoder) fail(path []string, format string, args ...any) {
	line, col := d.at.value(path...)
	d.errs = append(d.errs, diag.Errorf(d.file, line, col, diag.FrontMatter, "front matter: %s", fmt.Sprintf(format, args...)))
}

// fmPlaces finds where a page's front matter writes its items, for its
// errors and warnings: it reads the front matter as written (head) again
// the first time one asks, since only they need it.
type fmPlaces struct {
	head []byte
	ps   *frontmatter.Places
}

// place is the place of the item at path, or of the nearest item that
// holds it; ok is false when the front matter does not write it (a
// value from a cascade) or f is nil.
func (f *fmPlaces) place(path []string) (p frontmatter.Place, ok bool) {
	if f == nil {
		return p, false
	}
	if f.ps == nil {
		ps := frontmatter.PlacesOf(f.head)
		f.ps = &ps
	}
	return f.ps.At(path...)
}

// value is the line and column of the value at path (a key, the keys
// within it, a list item's index), or of the nearest item that holds
// it; line 1 and column 0 when the front matter does not write it.
func (f *fmPlaces) value(path ...string) (line, col int) {
	if p, ok := f.place(path); ok {
		return p.Value.Line, p.Value.Col
	}
	return 1, 0
}

// key is the line and column of the key at path, as value is of its
// value.
func (f *fmPlaces) key(path ...string) (line, col int) {
	if p, ok := f.place(path); ok {
		return p.Key.Line, p.Key.Col
	}
	return 1, 0
}

// keyLine is the line of the key at path, or line 1 when the front
// matter does not write it.
func (f *fmPlaces) keyLine(path ...string) int {
	line, _ := f.key(path...)
	return line
}

// str reads a string; a number or boolean is taken as written.
func (d *metaDecoder) str(key string, dst *string) {
	v, found := values.LookupKey(d.fm, key)
	s, ok := scalarString(v)
	switch {
	case ok:
		*dst = s
	case found:
		d.fail([]string{key}, "%s must be a string", key)
	}
}

// scalarString is v as front matter text: a string, or a number or
// boolean as written; ok is false for anything else.
func scalarString(v any) (s string, ok bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case int, int64, float64, bool:
		return fmt.Sprint(t), true
	}
	return "", false
}

func (d *metaDecoder) date(key string, dst *time.Time) {
	if v, ok := values.LookupKey(d.fm, key); ok {
		t, err := tplfuncs.ToTime(v)
		if err != nil {
			d.fail([]string{key}, "%s: %v", key, err)
		}
		*dst = t
	}
}

func (d *metaDecoder) list(key string, dst *[]string) {
	if v, ok := values.LookupKey(d.fm, key); ok {
		l, err := toStrings(v)
		if err != nil {
			path := []string{key}
			var ie *itemError
			if errors.As(err, &ie) {
				path = append(path, strconv.Itoa(ie.index))
			}
			d.fail(path, "%s: %v", key, err)
		}
		*dst = l
	}
}

func (d *metaDecoder) draft(dst *bool) {
	if v, ok := values.LookupKey(d.fm, "draft"); ok {
		b, isBool := v.(bool)
		if !isBool {
			d.fail([]string{"draft"}, "draft must be true or false")
		}
		*dst = b
	}
}

func (d *metaDecoder) weight(dst *int) {
	if v, ok := values.LookupKey(d.fm, "weight"); ok {
		n, err := values.ToInt(v)
		if err != nil {
			d.fail([]string{"weight"}, "weight must be a whole number")
		}
		*dst = n
	}
}

func toStrings(v any) ([]string, error) {
	switch t := v.(type) {
	case string:
		return []string{t}, nil
	case []string:
		return t, nil
	case []any:
		return listStrings(t)
	}
	return nil, fmt.Errorf("want a list of strings")
}

// listStrings is a front matter list as strings (scalarString); an
// item that is not one is an *itemError.
func listStrings(list []any) ([]string, error) {
	out := make([]string, len(list))
	for i, e := range list {
		s, ok := scalarString(e)
		if !ok {
			return nil, &itemError{index: i}
		}
		out[i] = s
	}
	return out, nil
}

// itemError is a list item that is not a string, number or boolean.
type itemError struct{ index int }

func (e *itemError) Error() string { return "want a list of strings" }
