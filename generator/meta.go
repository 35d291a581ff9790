package generator

import (
	"fmt"
	"strings"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
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
// An error is reported at the line lineOf gives for its key (line 1 when
// lineOf is nil).
func decodeMeta(file string, fm map[string]any, lineOf func(key string) int) (pageMeta, error) {
	var m pageMeta
	var errs []error
	fail := func(key, format string, args ...any) {
		line := 1
		if lineOf != nil {
			line = lineOf(key)
		}
		errs = append(errs, diag.Errorf(file, line, 0, diag.FrontMatter, "front matter: %s", fmt.Sprintf(format, args...)))
	}
	str := func(key string, dst *string) {
		if v, ok := lookupKey(fm, key); ok {
			switch t := v.(type) {
			case string:
				*dst = t
			case int, int64, float64, bool:
				*dst = fmt.Sprint(t)
			default:
				fail(key, "%s must be a string", key)
			}
		}
	}
	date := func(key string, dst *time.Time) {
		if v, ok := lookupKey(fm, key); ok {
			t, err := toTime(v)
			if err != nil {
				fail(key, "%s: %v", key, err)
			}
			*dst = t
		}
	}
	list := func(key string, dst *[]string) {
		if v, ok := lookupKey(fm, key); ok {
			l, err := toStrings(v)
			if err != nil {
				fail(key, "%s: %v", key, err)
			}
			*dst = l
		}
	}
	str("title", &m.title)
	str("description", &m.description)
	str("summary", &m.summary)
	str("slug", &m.slug)
	str("url", &m.url)
	str("program", &m.program)
	str("layout", &m.layout)
	date("date", &m.date)
	date("lastmod", &m.lastmod)
	date("publishDate", &m.publishDate)
	date("expiryDate", &m.expiryDate)
	list("aliases", &m.aliases)
	list("tags", &m.tags)
	list("categories", &m.categories)
	list("images", &m.images)
	if v, ok := lookupKey(fm, "draft"); ok {
		b, isBool := v.(bool)
		if !isBool {
			fail("draft", "draft must be true or false")
		}
		m.draft = b
	}
	if v, ok := lookupKey(fm, "weight"); ok {
		n, err := toInt(v)
		if err != nil {
			fail("weight", "weight must be a whole number")
		}
		m.weight = n
	}
	if err := errorList(errs); err != nil {
		return m, err
	}
	if m.publishDate.IsZero() {
		m.publishDate = m.date
	}
	if m.date.IsZero() {
		m.date = m.publishDate
	}
	if m.lastmod.IsZero() {
		m.lastmod = m.date
	}
	return m, nil
}

// lookupKey is values.LookupKey: key in m in any case, a key set to
// nothing being no key.
func lookupKey(m map[string]any, key string) (any, bool) { return values.LookupKey(m, key) }

// dateLayouts are the date forms front matter may use.
var dateLayouts = [...]string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
}

func toTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		s := strings.TrimSpace(t)
		for _, layout := range dateLayouts {
			if tm, err := time.Parse(layout, s); err == nil {
				return tm, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", t)
	}
	return time.Time{}, fmt.Errorf("%v is not a date", v)
}

func toStrings(v any) ([]string, error) {
	switch t := v.(type) {
	case string:
		return []string{t}, nil
	case []string:
		return t, nil
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			switch s := e.(type) {
			case string:
				out = append(out, s)
			case int, int64, float64, bool:
				out = append(out, fmt.Sprint(s))
			default:
				return nil, fmt.Errorf("want a list of strings")
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of strings")
}

// toInt is values.ToInt: a whole number however the decoder typed it.
func toInt(v any) (int, error) { return values.ToInt(v) }
