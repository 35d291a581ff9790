// Package share keeps one copy of the strings many records of a build
// hold alike (the keys of every page's params, the tags and categories
// of its lists), so that a site of 100,000 pages holds each once, not
// once a page: fewer objects for the collector to mark while the pages
// wait for their lists (bench/README.md, sixth session).
package share

import (
	"strconv"
	"strings"
	"sync"
)

// Set hands out one copy of each string, boxed as an any once for all
// of its users. It is safe for concurrent use; the zero Set is empty
// and ready, and a nil *Set shares nothing.
type Set struct {
	m     sync.Map // string → the string boxed as an any
	lists sync.Map // listKey of a list → the list
}

// Value returns the Set's copy of v when v is a string, adding v if it
// has none; any other value is returned as it is.
func (s *Set) Value(v any) any {
	str, ok := v.(string)
	if !ok || s == nil {
		return v
	}
	if got, ok := s.m.Load(str); ok {
		return got
	}
	got, _ := s.m.LoadOrStore(str, v)
	return got
}

// String returns the Set's copy of str, adding str if it has none.
func (s *Set) String(str string) string {
	return s.Value(str).(string)
}

// Strings replaces each string of ss by the Set's copy.
func (s *Set) Strings(ss []string) {
	for i, str := range ss {
		ss[i] = s.String(str)
	}
}

// List returns the Set's copy of the list ss, of its strings' copies,
// adding ss if the Set has none: pages that use the same few programs
// or shortcodes hold one list for all. Its users must not change the
// list's items (an append makes a copy: the list has no room to spare);
// nil and empty lists are returned as they are.
func (s *Set) List(ss []string) []string {
	if len(ss) == 0 || s == nil {
		return ss
	}
	key := listKey(ss)
	if got, ok := s.lists.Load(key); ok {
		return got.([]string)
	}
	s.Strings(ss)
	got, _ := s.lists.LoadOrStore(key, ss[:len(ss):len(ss)])
	return got.([]string)
}

// listKey is ss's strings, each after its length, so that no two lists
// have one key.
func listKey(ss []string) string {
	var sb strings.Builder
	for _, str := range ss {
		sb.WriteString(strconv.Itoa(len(str)))
		sb.WriteByte(':')
		sb.WriteString(str)
	}
	return sb.String()
}
