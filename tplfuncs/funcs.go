// Package tplfuncs holds the template functions themes call that read
// only their arguments — Hugo's collections (first, after, where, sort,
// in, isset, dict, seq), strings (plainify, truncate, title, humanize,
// urlize), math, safe, transform and time functions as affsite offers
// them — and the text helpers the build shares with them (PlainWords,
// ToTime, FirstUpper). Funcs gives them by name; the functions that read
// a build stay with the build.
package tplfuncs

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/affsite/affsite/internal/slugs"
)

// Funcs returns the functions by the names templates call them.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"urlize":     URLize,
		"plainify":   Plainify,
		"truncate":   Truncate,
		"safeHTML":   func(s any) template.HTML { return template.HTML(fmt.Sprint(s)) },
		"safeURL":    func(s any) template.URL { return template.URL(fmt.Sprint(s)) },
		"safeCSS":    func(s any) template.CSS { return template.CSS(fmt.Sprint(s)) },
		"safeJS":     func(s any) template.JS { return template.JS(fmt.Sprint(s)) },
		"jsonify":    jsonify,
		"default":    defaultValue,
		"lower":      func(s any) string { return strings.ToLower(fmt.Sprint(s)) },
		"upper":      func(s any) string { return strings.ToUpper(fmt.Sprint(s)) },
		"title":      titleCase,
		"first":      first,
		"after":      after,
		"where":      where,
		"sort":       sortList,
		"dict":       dict,
		"slice":      func(v ...any) []any { return v },
		"seq":        seq,
		"add":        arith('+'),
		"sub":        arith('-'),
		"mul":        arith('*'),
		"div":        arith('/'),
		"in":         in,
		"isset":      Isset,
		"dateFormat": dateFormat,
		"replace": func(s, old, new any) string {
			return strings.ReplaceAll(fmt.Sprint(s), fmt.Sprint(old), fmt.Sprint(new))
		},
		"hasPrefix":  func(s, p any) bool { return strings.HasPrefix(fmt.Sprint(s), fmt.Sprint(p)) },
		"humanize":   Humanize,
		"countwords": func(s any) int { return PlainWords(fmt.Sprint(s), nil) }, // plainify's text, counted
	}
}

// URLize is the urlize template function: slugs.URLize of s as text.
func URLize(s any) string { return slugs.URLize(fmt.Sprint(s)) }

// Plainify strips HTML tags and unescapes entities.
func Plainify(s any) string {
	var str string
	switch t := s.(type) {
	case template.HTML:
		str = string(t)
	case string:
		str = t
	default:
		str = fmt.Sprint(s)
	}
	if strings.IndexByte(str, '<') >= 0 {
		str = string(appendText(make([]byte, 0, len(str)), str))
	}
	if strings.IndexByte(str, '&') >= 0 {
		str = html.UnescapeString(str)
	}
	return strings.TrimSpace(str)
}

// Truncate shortens s to at most n runes, at a word boundary, adding "…".
func Truncate(n int, s any) string {
	str := Plainify(s)
	r := []rune(str)
	if len(r) <= n {
		return str
	}
	cut := string(r[:n])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

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

func titleCase(s any) string {
	words := strings.Fields(fmt.Sprint(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func first(n int, list any) (any, error) {
	rv, n, err := listAndCount("first", n, list)
	if err != nil {
		return nil, err
	}
	return rv.Slice(0, n).Interface(), nil
}

func after(n int, list any) (any, error) {
	rv, n, err := listAndCount("after", n, list)
	if err != nil {
		return nil, err
	}
	return rv.Slice(n, rv.Len()).Interface(), nil
}

// listAndCount is the list argument of first and after (named fn in the
// error) as a reflect value, with n brought into 0..its length.
func listAndCount(fn string, n int, list any) (reflect.Value, int, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return rv, 0, fmt.Errorf("%s: %T is not a list", fn, list)
	}
	return rv, min(max(n, 0), rv.Len()), nil
}

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

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key-value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m, nil
}

func seq(n int) []int {
	out := make([]int, min(max(n, 0), 10000))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// arith does integer arithmetic when both operands are whole numbers and
// float arithmetic otherwise. It is for layout (counts, widths), never
// for money: money is formatted by the affiliate shortcodes.
func arith(op byte) func(a, b any) (any, error) {
	return func(a, b any) (any, error) {
		ia, okA := asInt(a)
		ib, okB := asInt(b)
		if okA && okB {
			switch op {
			case '+':
				return ia + ib, nil
			case '-':
				return ia - ib, nil
			case '*':
				return ia * ib, nil
			default:
				if ib == 0 {
					return nil, fmt.Errorf("division by zero")
				}
				return ia / ib, nil
			}
		}
		fa, err1 := strconv.ParseFloat(fmt.Sprint(a), 64)
		fb, err2 := strconv.ParseFloat(fmt.Sprint(b), 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("cannot do arithmetic on %v and %v", a, b)
		}
		var r float64
		switch op {
		case '+':
			r = fa + fb
		case '-':
			r = fa - fb
		case '*':
			r = fa * fb
		default:
			r = fa / fb
		}
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return nil, fmt.Errorf("arithmetic result is not a number")
		}
		return r, nil
	}
}

func asInt(v any) (int64, bool) {
	switch t := v.(type) {
	case int:
		return int64(t), true
	case int64:
		return t, true
	case int32:
		return int64(t), true
	}
	return 0, false
}

// in tells whether list (a slice, or a string) contains v.
func in(list, v any) bool {
	rv := reflect.ValueOf(list)
	switch rv.Kind() {
	case reflect.String:
		return strings.Contains(rv.String(), fmt.Sprint(v))
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len(); i++ {
			if fmt.Sprint(rv.Index(i).Interface()) == fmt.Sprint(v) {
				return true
			}
		}
	}
	return false
}

// Isset is the isset template function: whether map m has key (its keys
// compared as text, ignoring case) or slice m has index key.
func Isset(m any, key any) bool {
	if sm, ok := m.(map[string]any); ok {
		if k, ok := key.(string); ok {
			if _, ok := sm[k]; ok {
				return true // the common case, without a walk of the keys
			}
		}
	}
	rv := reflect.ValueOf(m)
	switch rv.Kind() {
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if strings.EqualFold(fmt.Sprint(k.Interface()), fmt.Sprint(key)) {
				return true
			}
		}
	case reflect.Slice:
		i, ok := asInt(key)
		return ok && i >= 0 && int(i) < rv.Len()
	}
	return false
}

func dateFormat(layout string, v any) (string, error) {
	t, err := ToTime(v)
	if err != nil {
		return "", err
	}
	return t.Format(layout), nil
}

// Humanize is Hugo's humanize: s with "-" and "_" as spaces, its first
// letter upper case.
func Humanize(s any) string {
	return FirstUpper(wordBreaks.Replace(fmt.Sprint(s)))
}

// wordBreaks turns Humanize's "-" and "_" into spaces. It is made once
// and never changed (a Replacer is safe for concurrent use).
var wordBreaks = strings.NewReplacer("-", " ", "_", " ")

// PlainWords counts the words of s's text, as
// len(strings.Fields(Plainify(s))) does, without the slice of words:
// the text between tags goes into scratch (no allocation when its
// capacity is len(s)), and only text with an entity is copied to be unescaped.
func PlainWords(s string, scratch []byte) int {
	text := appendText(scratch[:0], s)
	if strings.IndexByte(string(text), '&') >= 0 {
		return countFields(html.UnescapeString(string(text)))
	}
	return countFields(string(text))
}

// appendText appends s without its tags (each "<" up to the next ">";
// a "<" with no ">" after it is text) to dst.
func appendText(dst []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return append(dst, s[i:]...)
		}
		s = s[i+j+1:]
	}
}

// countFields is len(strings.Fields(s)) without the slice: the runs of
// characters that are not white space (unicode.IsSpace). ASCII, nearly
// all of a page's text, is counted without a branch on each byte.
func countFields(s string) int {
	n, prev := 0, uint8(1) // prev: the character before was white space
	for i := 0; i < len(s); {
		var space uint8
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = 1
			}
			i += size
		}
		n += int(prev &^ space)
		prev = space
	}
	return n
}

// asciiSpace marks the ASCII white space of unicode.IsSpace with 1.
var asciiSpace = [utf8.RuneSelf]uint8{' ': 1, '\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1}

// dateLayouts are the date forms front matter may use.
var dateLayouts = [...]string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
}

func ToTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		return parseDate(t)
	}
	return time.Time{}, fmt.Errorf("%v is not a date", v)
}

// parseDate reads t in the first of dateLayouts that fits it.
func parseDate(t string) (time.Time, error) {
	s := strings.TrimSpace(t)
	for _, layout := range dateLayouts {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", t)
}

// FirstUpper is s with its first letter upper-case, as Hugo's
// helpers.FirstUpper.
func FirstUpper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
