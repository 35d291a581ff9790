package links

import (
	"net/url"
	"path"
	"sort"
	"strings"
	"time"
)

// Link is one entry of the registry.
type Link struct {
	ID          string
	Destination string // absolute http(s) URL, the tracked one
	Program     string // id of a program in data/programs, or ""
	// Cloaked is the site path (below the base path) that redirects to
	// the destination, "/recommends/kartra/": as given, else the
	// registry's prefix and the id.
	Cloaked    string
	Status     int // of the redirect: 301, 302 (the default) or 307
	Categories []string
	// Expires, when not zero, is the first day the link is no longer
	// used: from then on it goes to Fallback (the program's home page,
	// say).
	Expires  time.Time
	Fallback string
	Notes    string

	File string // data/links/NAME.yaml
	Line int    // of the entry
}

// DefaultStatus is the redirect status of a link that names none:
// temporary, so that browsers do not cache an affiliate redirect.
const DefaultStatus = 302

// ValidStatus tells whether n is a redirect status a cloaked link may
// have: 301, 302 or 307 (a program's too, in site.toml).
func ValidStatus(n int) bool { return n == 301 || n == 302 || n == 307 }

// DefaultPrefix is the folder of cloaked paths when site.toml names none.
const DefaultPrefix = "/go/"

// SubIDParam is the query parameter of a cloaked registry link that
// carries its sub-id (/go/book/?subid=…), added to the destination's.
const SubIDParam = "subid"

// Expired tells whether the link has expired at now.
func (l *Link) Expired(now time.Time) bool {
	return !l.Expires.IsZero() && !now.Before(l.Expires)
}

// Target is where the link goes at now: its destination, or its
// fallback once expired (the destination when it has no fallback).
func (l *Link) Target(now time.Time) string {
	if l.Expired(now) && l.Fallback != "" {
		return l.Fallback
	}
	return l.Destination
}

// Key is the program id the link counts for in the manifest and in
// checks: its program, else "link:" and its id.
func (l *Link) Key() string {
	if l.Program != "" {
		return l.Program
	}
	return "link:" + l.ID
}

// Set is the registry: links by id, cloaked path and destination host.
type Set struct {
	byID   map[string]*Link
	byPath map[string]*Link
	byHost map[string]*Link
	ids    []string
}

// NewSet returns a set of ls. A later link with the id or path of an
// earlier one is left out; Load reports those as errors.
func NewSet(ls ...*Link) *Set {
	s := &Set{byID: map[string]*Link{}, byPath: map[string]*Link{}, byHost: map[string]*Link{}}
	for _, l := range ls {
		if _, dup := s.byID[l.ID]; dup {
			continue
		}
		if _, dup := s.byPath[l.Cloaked]; dup {
			continue
		}
		s.byID[l.ID] = l
		s.byPath[l.Cloaked] = l
		s.ids = append(s.ids, l.ID)
		if h := hostOf(l.Destination); h != "" {
			if _, taken := s.byHost[h]; !taken {
				s.byHost[h] = l
			}
		}
	}
	sort.Strings(s.ids)
	return s
}

// Len is the number of links.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.ids)
}

// Get returns the link with id.
func (s *Set) Get(id string) (*Link, bool) {
	if s == nil {
		return nil, false
	}
	l, ok := s.byID[id]
	return l, ok
}

// IDs returns the ids, sorted.
func (s *Set) IDs() []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s.ids...)
}

// All returns the links sorted by id.
func (s *Set) All() []*Link {
	out := make([]*Link, 0, s.Len())
	for _, id := range s.IDs() {
		out = append(out, s.byID[id])
	}
	return out
}

// ByPath returns the link whose cloaked path is p (below the base path,
// with or without its final slash, any query or fragment ignored).
func (s *Set) ByPath(p string) (*Link, bool) {
	if s == nil || p == "" {
		return nil, false
	}
	p, _, _ = strings.Cut(p, "?")
	p, _, _ = strings.Cut(p, "#")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	l, ok := s.byPath[p]
	return l, ok
}

// ByHost returns a link whose destination is on host (a "www." prefix
// and the case ignored), the first by id.
func (s *Set) ByHost(host string) (*Link, bool) {
	if s == nil {
		return nil, false
	}
	l, ok := s.byHost[normalizeHost(host)]
	return l, ok
}

// Prefixes returns the distinct first folders of the cloaked paths,
// "/go/", "/recommends/", sorted: robots.txt disallows them and the
// hosting headers mark them noindex.
func (s *Set) Prefixes() []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range s.All() {
		first, _, _ := strings.Cut(strings.TrimPrefix(l.Cloaked, "/"), "/")
		p := "/" + first + "/"
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return normalizeHost(u.Hostname())
}

func normalizeHost(h string) string {
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

// CleanPath returns p as a cloaked path: rooted, cleaned, with a final
// slash; ok is false when p is not a plain path (a query, a fragment,
// "..", a backslash or a control character) or is the root.
func CleanPath(p string) (string, bool) {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "..") || strings.ContainsAny(p, "?#\\ \t\r\n") {
		return "", false
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f {
			return "", false
		}
	}
	c := path.Clean(p)
	if c == "/" {
		return "", false
	}
	return c + "/", true
}
