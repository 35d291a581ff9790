package i18n

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Translator looks strings up for the pages of one language, as Hugo's
// i18n and T template functions do. It is safe for concurrent use.
type Translator struct {
	// loc is nil when neither the language nor the default language has
	// strings: every string is then "".
	loc          *goi18n.Localizer
	tag          language.Tag // the language loc looks up first
	lang         string       // the pages' language key, for Missing
	placeholders bool
	missing      *Missing
	// pluralMissing is Tables.pluralMissing.
	pluralMissing reflect.Type
	memo          sync.Map // memoKey → the text (Translate)
}

// Translator returns the lookup for the pages of language lang (a key
// of the site's [languages], any case). As in Hugo, a language without
// a string file of its own uses the default language's strings as its
// own; a string the language's files lack is the default language's,
// or with placeholders (enableMissingTranslationPlaceholders) the text
// "[i18n] id". Strings not found are recorded in missing.
func (t *Tables) Translator(lang string, placeholders bool, missing *Missing) *Translator {
	lang = strings.ToLower(lang)
	tr := &Translator{lang: lang, placeholders: placeholders, missing: missing, pluralMissing: t.pluralMissing}
	tag, ok := t.tags[lang]
	if !ok {
		tag, ok = t.tags[t.def]
	}
	if ok {
		tr.tag = tag
		tr.loc = goi18n.NewLocalizer(t.bundle, tag.String())
	}
	return tr
}

// T is the i18n and T template functions: {{ T "id" }}, {{ T "id" 3 }}
// (a count, .Count in the text), {{ T "id" (dict "Count" 2 "Name" "x") }}
// or {{ T "id" . }} (the text reads the value's fields). An id that is
// not text gives "", as in Hugo.
func (tr *Translator) T(id any, args ...any) (string, error) {
	if len(args) > 1 {
		return "", fmt.Errorf("wrong number of arguments, expecting at most 2, got %d", len(args)+1)
	}
	var data any
	if len(args) == 1 {
		data = args[0]
	}
	sid, ok := idText(id)
	if !ok {
		return "", nil
	}
	return tr.Translate(sid, data), nil
}

// idText is a template's id argument as text.
func idText(id any) (string, bool) {
	switch v := id.(type) {
	case string:
		return v, true
	case template.HTML:
		return string(v), true
	case fmt.Stringer:
		return v.String(), true
	case int, int64, int32, float64, bool:
		return fmt.Sprint(v), true
	}
	return "", false
}

// Translate returns the text of id in the translator's language, data
// being what its template reads and where its count comes from. The
// text of an id with no data or a number is made once (themes ask for
// "Read more" on every card of every list).
func (tr *Translator) Translate(id string, data any) string {
	key, memo := memoKeyOf(id, data)
	if memo {
		if text, ok := tr.memo.Load(key); ok {
			return text.(string)
		}
	}
	text := tr.translate(id, data)
	if memo {
		tr.memo.Store(key, text)
	}
	return text
}

// memoKey is a call whose text depends on nothing but its id and count.
type memoKey struct {
	id       string
	count    int64
	hasCount bool
}

// memoKeyOf is the call's memoKey, when its text can be kept.
func memoKeyOf(id string, data any) (memoKey, bool) {
	if data == nil {
		return memoKey{id: id}, true
	}
	if rv := reflect.ValueOf(data); isInt(rv.Kind()) {
		return memoKey{id: id, count: rv.Int(), hasCount: true}, true
	}
	return memoKey{}, false
}

// translate is Translate without the memo.
func (tr *Translator) translate(id string, data any) string {
	if tr.loc == nil {
		tr.missing.add(Miss{Lang: tr.lang, ID: id})
		return ""
	}
	count := pluralCount(data)
	if data != nil && isInt(reflect.TypeOf(data).Kind()) {
		// How go-i18n v1 read a bare number, which Hugo keeps.
		data = intCount(reflect.ValueOf(data).Int())
	}
	text, tag, err := tr.loc.LocalizeWithTag(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	same := tag == tr.tag
	switch {
	case err == nil && same:
		return text
	case err != nil && same && text != "" && reflect.TypeOf(err) == tr.pluralMissing:
		return text // the "other" form stood in for a form the text lacks
	}
	var notFound *goi18n.MessageNotFoundErr
	if errors.As(err, &notFound) {
		tr.missing.add(Miss{Lang: tr.lang, ID: id, Fallback: text != ""})
	} else {
		tr.missing.add(Miss{Lang: tr.lang, ID: id, Failure: err.Error()})
	}
	if tr.placeholders {
		return "[i18n] " + id
	}
	return text
}

// pluralMissingType returns the type of the error go-i18n returns for a
// message that lacks the plural form a count picks. go-i18n (2.7, the
// latest) does not export it, so rather than tell it by its name, as Hugo
// does, this asks go-i18n for one: English's "one" of a message that has
// only "other". Nil if go-i18n one day returns no error there.
func pluralMissingType() reflect.Type {
	b := goi18n.NewBundle(language.English)
	if err := b.AddMessages(language.English, &goi18n.Message{ID: "m", Other: "m"}); err != nil {
		return nil
	}
	_, err := goi18n.NewLocalizer(b, "en").Localize(&goi18n.LocalizeConfig{MessageID: "m", PluralCount: 1})
	return reflect.TypeOf(err)
}

// intCount is a bare number given as the template data: its text reads
// it as .Count.
type intCount int

// Count is the number.
func (c intCount) Count() int { return int(c) }

// pluralCount is the count that picks the plural form, as Hugo finds it
// in the data: the data itself when it is a number, its Count key
// (any case) or Count field or method; nil for none.
func pluralCount(v any) any {
	if v == nil {
		return nil
	}
	if m, ok := v.(map[string]any); ok {
		for k, e := range m {
			if strings.EqualFold(k, "Count") {
				return countValue(e)
			}
		}
		return nil
	}
	rv := reflect.ValueOf(v)
	if m := rv.MethodByName("Count"); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() == 1 {
		return countValue(m.Call(nil)[0].Interface())
	}
	if iv := reflect.Indirect(rv); iv.Kind() == reflect.Struct {
		if f := iv.FieldByName("Count"); f.IsValid() && f.CanInterface() {
			return countValue(f.Interface())
		}
		return nil
	}
	return countValue(v)
}

// countValue is a count as go-i18n takes it: an integer, or a number's
// text (which keeps "1.0" apart from "1"); nil for anything else.
func countValue(v any) any {
	rv := reflect.ValueOf(v)
	switch k := rv.Kind(); {
	case isInt(k):
		return int(rv.Int())
	case k >= reflect.Uint && k <= reflect.Uint64:
		return int(rv.Uint())
	case k == reflect.Float32 || k == reflect.Float64:
		bits := 64
		if k == reflect.Float32 {
			bits = 32
		}
		s := strconv.FormatFloat(rv.Float(), 'f', -1, bits)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	case k == reflect.String:
		if _, err := strconv.ParseFloat(rv.String(), 64); err == nil {
			return rv.String()
		}
	case k == reflect.Bool:
		if rv.Bool() {
			return 1
		}
		return 0
	}
	return nil
}

// isInt tells whether k is a signed integer kind.
func isInt(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Int64 }
