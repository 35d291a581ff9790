package generator

import (
	"bytes"
	stdhtml "html"
	"net/url"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
)

// addClickData gives every affiliate anchor of a page's content its
// data-aff-* attributes (program, plan, placement, sub-id: from the link
// the page recorded with the anchor's sub-id, else the program and the
// placement "markdown"), and, when site.toml names click_events, adds the
// click script to a page that has affiliate links. Nothing else is added:
// no script without click_events, none on pages without affiliate links.
// found is what enforceDisclosure's scan found in out, so that only the
// anchors' tags are read again; nil when out must be read whole (links
// classifies its links then). The result may be written to w, an empty
// pooled buffer.
func (b *builder) addClickData(w *bytes.Buffer, s *source, out []byte, found *affiliate.Found, state *builtins.PageState, links linkClassifier) []byte {
	if !s.page.HasAffiliateLinks {
		return out // enforceDisclosure's scan found no affiliate anchor
	}
	// A link is found by its sub-id, else (a registry link in direct
	// mode has none in its href) by its URL.
	bySubID := make(map[string]builtins.Link, len(state.Links))
	byURL := make(map[string]builtins.Link, len(state.Links))
	for _, l := range state.Links {
		if l.SubID != "" {
			bySubID[l.SubID] = l
			if _, seen := byURL[l.URL]; !seen {
				byURL[l.URL] = l
			}
		}
	}
	data := func(program, href string) affiliate.ClickData {
		l, ok := byURL[href]
		if u, err := url.Parse(href); err == nil {
			if bl, found := bySubID[u.Query().Get("subid")]; found {
				l, ok = bl, true
			}
		}
		if ok {
			return affiliate.ClickData{Program: l.Program, Plan: l.Plan, Placement: l.Placement, SubID: l.SubID}
		}
		return affiliate.ClickData{Program: program, Placement: "markdown"}
	}
	if found != nil {
		out = affiliate.WriteClickDataAt(w, out, *found, data)
	} else {
		out = affiliate.AddClickData(out, links.classify, data)
	}
	cfg := b.cfg.Affiliate
	if cfg.ClickEvents == "" {
		return out
	}
	src := b.assetURL(affiliate.ClickScript)
	tag := `<script src="` + stdhtml.EscapeString(src) + `" data-tool="` + stdhtml.EscapeString(cfg.ClickEvents) +
		`" data-event="` + stdhtml.EscapeString(cfg.ClickEventName) + `" defer></script>` + "\n"
	return append(out, tag...)
}
