package builtins

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// TrackedLink makes an affiliate link to program (and plan, when not
// empty) that no shortcode wrote — a keyword auto-link of the page's
// Markdown at line of its file — and records it as the shortcodes record
// theirs: a unique sub-id, the tracking URL, the cloaked path in cloaked
// mode, the manifest and the disclosure rule.
func (st *PageState) TrackedLink(program, plan, placement string, line int) (LinkData, error) {
	p, ok := st.Programs.Get(program)
	if !ok {
		return LinkData{}, unknownID("program", program, st.Programs.IDs(), "data/programs")
	}
	var pl *programs.Plan
	if plan != "" {
		found, ok := p.Plan(plan)
		if !ok {
			return LinkData{}, fmt.Errorf("unknown plan %q of program %q (plans: %s)", plan, p.ID, idList(p.PlanIDs()))
		}
		pl = found
	}
	st.markUsed(p.ID)
	// link needs only the position of an invocation.
	return st.link(&shortcodes.Invocation{Line: line}, p, pl, placement, ""), nil
}

// TrackedRegistryLink is TrackedLink for an entry of the links registry
// reg, judged at now as the link shortcode judges it.
func (st *PageState) TrackedRegistryLink(reg *links.Set, id, placement string, line int, now time.Time) (LinkData, error) {
	l, ok := reg.Get(id)
	if !ok {
		return LinkData{}, unknownID("link", id, reg.IDs(), "data/links")
	}
	return st.registryLinkData(l, placement, line, 0, now), nil
}

// registryLinkData makes the link to registry entry l, judged at now, at
// line and col of the page's file, and records it in st as link does:
// the page's next sub-id, the cloaked path in cloaked mode, the manifest
// and the disclosure rule. Its Text is empty.
func (st *PageState) registryLinkData(l *links.Link, placement string, line, col int, now time.Time) LinkData {
	subID := st.nextSubID(placement)
	target := l.Target(now)
	href := target
	if st.Config.Cloaks(target) {
		href = strings.TrimSuffix(st.Config.BasePath, "/") + l.Cloaked + "?" + links.SubIDParam + "=" + url.QueryEscape(subID)
	}
	st.Links = append(st.Links, Link{Program: l.Key(), Placement: placement, SubID: subID, URL: target, Line: line, Col: col})
	if l.Program != "" {
		st.markUsed(l.Program)
	}
	return LinkData{Href: href, Rel: affiliate.Rel, Target: st.Config.Target, SubID: subID, Program: l.Program, Name: l.ID}
}

// unknownID is the error for an id that is not among ids, with a
// did-you-mean.
func unknownID(what, id string, ids []string, dir string) error {
	msg := fmt.Sprintf("unknown %s %q", what, id)
	if s, ok := suggest.Closest(id, ids); ok {
		return fmt.Errorf("%s; did you mean %q?", msg, s)
	}
	return fmt.Errorf("%s (%s has %s)", msg, dir, idList(ids))
}
