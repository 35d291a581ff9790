package generator

import (
	"bytes"
	"cmp"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/shortcodes"
)

// enforceDisclosure applies the [affiliate] disclosure rule to a page's
// rendered content: a page with an affiliate link must show a disclosure
// before its first one. "auto" puts the default disclosure at the top
// when the author did not place one in time; "require" fails the build.
func (b *builder) enforceDisclosure(s *source, body, out []byte, state *builtins.PageState, env *shortcodes.Env) ([]byte, error) {
	b.warnRefIDs(s, state)
	found := affiliate.Scan(out, b.links.classify)
	s.page.HasAffiliateLinks = len(found.Anchors) > 0
	mode := b.cfg.Affiliate.Disclosure
	for _, a := range found.Anchors {
		if affiliate.IsSponsored(a.Rel) {
			continue
		}
		d := diag.Errorf(s.file, lineOfText(body, a.Href, s.lineOffset), 0, diag.Sponsored,
			"affiliate link %s has no rel=\"sponsored\" (it comes from a template; add rel=\"sponsored nofollow\" there)", a.Href)
		if mode == affiliate.DisclosureRequire {
			return nil, d
		}
		b.warn(*d)
	}
	if mode == affiliate.DisclosureOff || found.DisclosedFirst() {
		return out, nil
	}
	if mode == affiliate.DisclosureRequire {
		return nil, diag.Errorf(s.file, firstLinkLine(state, s.lineOffset), 0, diag.Disclosure, "affiliate link before any disclosure (add {{< disclosure >}} above it, or set [affiliate] disclosure = \"auto\")")
	}
	box, err := b.defaultDisclosure(env)
	if err != nil {
		return nil, err
	}
	return append(box, out...), nil
}

// firstLinkLine is the line of the page's first affiliate link.
func firstLinkLine(state *builtins.PageState, lineOffset int) int {
	line := 0
	for _, l := range state.Links {
		if l.Line > 0 && (line == 0 || l.Line < line) {
			line = l.Line
		}
	}
	return cmp.Or(line, lineOffset+1)
}

// defaultDisclosure renders the disclosure shortcode with its default
// text, through the theme's template, as "auto" mode inserts it.
func (b *builder) defaultDisclosure(env *shortcodes.Env) ([]byte, error) {
	src := []byte("{{< disclosure >}}")
	doc, err := shortcodes.Parse(src)
	if err != nil {
		return nil, err
	}
	e := *env
	e.LineOffset = 0
	res, err := shortcodes.Expand(src, doc, &e)
	if err != nil {
		return nil, diag.Errorf(env.File, 0, 0, diag.Disclosure, "inserting the default disclosure: %v", err)
	}
	return append(res.Replace(bytes.TrimSpace(res.Markdown)), '\n'), nil
}
