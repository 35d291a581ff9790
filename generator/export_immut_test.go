package generator

import (
	"fmt"
	"reflect"
	"slices"
)

// FreezeSession takes a shallow snapshot of what the session's last good
// build left (its site values, their Sites, sources, pages and terms)
// and returns a check that none of them changed since: every field as it
// was, a pointer, list or map field holding the same things. A rebuild
// edits copies (sessionown.go), so the check holds whether it succeeded
// or failed.
func FreezeSession(s *Session) func() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var objs []reflect.Value
	add := func(ptr any) {
		if v := reflect.ValueOf(ptr); !v.IsNil() {
			objs = append(objs, v)
		}
	}
	vals := []*siteValue{s.last.root.value}
	for _, l := range s.last.langs {
		vals = append(vals, l.value)
	}
	for _, sv := range vals {
		add(sv)
		if sv.site == nil {
			continue
		}
		add(sv.site)
		add(sv.home)
		for _, src := range sv.srcs {
			add(src)
			add(src.page)
		}
		for _, src := range sv.sectionSources {
			add(src)
			add(src.page)
		}
		for _, p := range sv.site.Sections {
			add(p)
		}
		for _, ts := range sv.site.Taxonomies {
			for _, t := range ts {
				add(t)
			}
		}
	}
	copies := make([]reflect.Value, len(objs))
	for i, o := range objs {
		copies[i] = reflect.New(o.Elem().Type()).Elem()
		copies[i].Set(o.Elem())
	}
	return func() error {
		for i, o := range objs {
			if path := shallowDiff(copies[i], o.Elem(), o.Elem().Type().Name()); path != "" {
				return fmt.Errorf("%s changed", path)
			}
		}
		return nil
	}
}

// shallowDiff names the first field where b differs from a, or is "":
// values compare equal, pointers, functions and channels by address,
// lists by address, length and (for lists and maps of pointers) the
// address of each element, structs field by field.
func shallowDiff(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if d := shallowDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.Pointer() != b.Pointer() || a.Len() != b.Len() {
			return path
		}
		if a.Type().Elem().Kind() == reflect.Pointer {
			for i := range a.Len() {
				if a.Index(i).Pointer() != b.Index(i).Pointer() {
					return fmt.Sprintf("%s[%d]", path, i)
				}
			}
		}
	case reflect.Map:
		if a.Pointer() != b.Pointer() || a.Len() != b.Len() {
			return path
		}
		if a.Type().Elem().Kind() == reflect.Pointer {
			for it := a.MapRange(); it.Next(); {
				if e := b.MapIndex(it.Key()); !e.IsValid() || e.Pointer() != it.Value().Pointer() {
					return fmt.Sprintf("%s[%v]", path, it.Key())
				}
			}
		}
	case reflect.Pointer, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		if a.Pointer() != b.Pointer() {
			return path
		}
	case reflect.Interface:
		if a.IsNil() != b.IsNil() || !a.IsNil() && shallowDiff(a.Elem(), b.Elem(), path) != "" {
			return path
		}
	case reflect.String:
		if a.String() != b.String() {
			return path
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return path
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return path
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return path
		}
	case reflect.Float32, reflect.Float64:
		if a.Float() != b.Float() {
			return path
		}
	case reflect.Array:
		for i := range a.Len() {
			if d := shallowDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	}
	return ""
}

// SessionLinks checks that the pages of the session's last good build
// link to the pages of that build, not to those of an earlier one: each
// page's translations (which hold the page) and each Site's regular
// pages. A rebuild that copies a page must link to the copy the pages
// that list it (sessionown.go).
func SessionLinks(s *Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vals := []*siteValue{s.last.root.value}
	for _, l := range s.last.langs {
		vals = append(vals, l.value)
	}
	current := map[*Page]bool{}
	var pages []*Page
	for _, sv := range vals {
		if sv.site == nil {
			continue
		}
		if sv.home != nil {
			pages = append(pages, sv.home)
		}
		for _, src := range sv.srcs {
			pages = append(pages, src.page)
		}
		for _, name := range sortedKeys(sv.site.Sections) {
			pages = append(pages, sv.site.Sections[name])
		}
	}
	for _, p := range pages {
		current[p] = true
	}
	for _, p := range pages {
		if len(p.translations) > 0 && !slices.Contains(p.translations, p) {
			return fmt.Errorf("%s is not among its translations", p.RelPermalink)
		}
		for _, t := range p.translations {
			if !current[t] {
				return fmt.Errorf("%s: its translation %s is not of the last build", p.RelPermalink, t.RelPermalink)
			}
		}
	}
	for _, sv := range vals {
		if sv.site == nil {
			continue
		}
		for _, p := range sv.site.RegularPages {
			if !current[p] {
				return fmt.Errorf("%s: a regular page of the Site is not of the last build", p.RelPermalink)
			}
		}
	}
	return nil
}
