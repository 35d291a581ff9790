package programs

import (
	"net"
	"net/url"
	"slices"
	"strings"
)

// Set is a collection of programs by id. It is read-only once built, so it
// may be shared between goroutines.
type Set struct {
	byID  map[string]*Program
	ids   []string
	hosts []hostEntry
}

// hostEntry says that links to host (and its subdomains) belong to p.
type hostEntry struct {
	host string
	p    *Program
}

// NewSet returns a set of the given programs; nil entries are skipped and a
// later program with the same ID replaces an earlier one. The programs must
// not be changed afterwards.
func NewSet(ps ...*Program) *Set {
	s := &Set{byID: make(map[string]*Program, len(ps))}
	for _, p := range ps {
		if p != nil {
			s.byID[p.ID] = p
		}
	}
	for id := range s.byID {
		s.ids = append(s.ids, id)
	}
	slices.Sort(s.ids)
	for _, id := range s.ids {
		for _, h := range hostsOf(s.byID[id]) {
			s.hosts = append(s.hosts, hostEntry{host: h, p: s.byID[id]})
		}
	}
	return s
}

// Get returns the program with the given id.
func (s *Set) Get(id string) (*Program, bool) {
	p, ok := s.byID[id]
	return p, ok
}

// IDs returns the program ids, sorted.
func (s *Set) IDs() []string {
	return slices.Clone(s.ids)
}

// All returns the programs sorted by id.
func (s *Set) All() []*Program {
	ps := make([]*Program, len(s.ids))
	for i, id := range s.ids {
		ps[i] = s.byID[id]
	}
	return ps
}

// ByHost returns the program a link to host belongs to: one whose url,
// signup_url or domains name host or a parent domain of it, ignoring case, a
// port and a leading "www.". So "www.kartra.com", "kartra.com" and
// "app.kartra.com" all find a program with url https://kartra.com/. When
// several programs match, the most specific host name wins, then the
// smallest id.
func (s *Set) ByHost(host string) (*Program, bool) {
	host = normalizeHost(host)
	if host == "" {
		return nil, false
	}
	var best *Program
	bestLen := 0
	for _, e := range s.hosts {
		if (host == e.host || strings.HasSuffix(host, "."+e.host)) && len(e.host) > bestLen {
			best, bestLen = e.p, len(e.host)
		}
	}
	return best, best != nil
}

// hostsOf returns the normalized host names of p's links.
func hostsOf(p *Program) []string {
	var hosts []string
	for _, raw := range []string{p.URL, p.SignupURL} {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			hosts = append(hosts, normalizeHost(u.Host))
		}
	}
	for _, d := range p.Domains {
		hosts = append(hosts, normalizeHost(d))
	}
	return slices.DeleteFunc(hosts, func(h string) bool { return h == "" })
}

// normalizeHost lowercases host and drops a port, a trailing dot and a
// leading "www.".
func normalizeHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(host, ".")
	return strings.TrimPrefix(host, "www.")
}
