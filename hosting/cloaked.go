package hosting

import (
	"strings"
)

// SubIDMark stands for the visitor's sub-id in CloakedLink.ToSubID. It is
// letters only, so that query escaping and link templates leave it as it
// is.
const SubIDMark = "AFFSITESUBID"

// CloakedLink is a cloaked affiliate link as a host should serve it: a
// visitor at From whose query holds Param (the link's sub-id) goes to
// ToSubID with SubIDMark replaced by that sub-id; without it, to To. Any
// other parameter of the visitor's query is added after the
// destination's own ("?" once, "&" between).
type CloakedLink struct {
	From string
	// To is the destination without a sub-id.
	To string
	// Param is the query parameter the link carries its sub-id in, the
	// program's sub-id parameter ("subid" by default).
	Param string
	// ToSubID is the destination with SubIDMark where the sub-id goes: in
	// the program's sub-id parameter, or in a link template's {subid}. ""
	// when the destination has no place for it: the visitor's Param is
	// then added as sent, like any other parameter.
	ToSubID string
	// Status is the redirect's HTTP status (301, 302 or 307).
	Status int
}

// Redirect is l as a plain _redirects rule, read by both hosts: without
// the sub-id, which Cloudflare Pages drops when To has a query of its
// own, and which Netlify applies only when no file exists at From.
func (l CloakedLink) Redirect() Redirect {
	return Redirect{From: l.From, To: l.To, Status: l.Status}
}

// AppendQuery returns u with the raw query query added: after its own
// query with "&", else after "?", before any fragment.
func AppendQuery(u, query string) string {
	if query == "" {
		return u
	}
	rest, frag, hasFrag := strings.Cut(u, "#")
	switch {
	case !strings.Contains(rest, "?"):
		rest += "?"
	case !strings.HasSuffix(rest, "?") && !strings.HasSuffix(rest, "&"):
		rest += "&"
	}
	rest += query
	if hasFrag {
		rest += "#" + frag
	}
	return rest
}

// NetlifyRedirects are the _redirects rules that make Netlify serve links
// as meant: forced ("302!"), since affsite's redirect page is a file at
// each From and Netlify applies an unforced rule only where no file is,
// and, for a link with a place for its sub-id, a first rule that matches
// the sub-id parameter (Netlify's query matching, "subid=:subid") and
// puts it there; the second rule sends a visitor without one to To.
// Netlify passes the visitor's other parameters on only to a destination
// without a query of its own.
func NetlifyRedirects(links []CloakedLink) []Redirect {
	out := make([]Redirect, 0, 2*len(links))
	for _, l := range links {
		if l.ToSubID != "" {
			out = append(out, Redirect{
				From: l.From, To: strings.ReplaceAll(l.ToSubID, SubIDMark, ":subid"),
				Status: l.Status, Force: true, Query: [][2]string{{l.Param, ":subid"}},
			})
		}
		r := l.Redirect()
		r.Force = true
		out = append(out, r)
	}
	return out
}
