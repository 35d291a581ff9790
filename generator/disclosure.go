package generator

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/affsite/affsite/shortcodes"
	"html"
)

// disclosureClass marks the element that holds an affiliate disclosure.
const disclosureClass = "aff-disclosure"

// affScan is what scanning a page's HTML found.
type affScan struct {
	firstLink       int      // byte offset of the first affiliate <a>, or -1
	firstDisclosure int      // byte offset of the first disclosure element, or -1
	links           int      // affiliate anchors
	noSponsored     []string // hrefs of affiliate anchors without rel="sponsored"
}

// scanAffiliate finds the affiliate anchors and disclosures of rendered
// HTML, in document order. It looks only at start tags ("<a …>" and any
// tag whose text mentions the disclosure class), which is much cheaper
// than tokenizing the whole page; attribute values are decoded by the
// HTML tokenizer, one tag at a time. Text in comments is not skipped:
// a commented-out affiliate link counts as one, erring on the side of
// asking for a disclosure.
func scanAffiliate(b []byte, c linkClassifier) affScan {
	res := affScan{firstLink: -1, firstDisclosure: -1}
	for off := 0; off < len(b); {
		i := bytes.IndexByte(b[off:], '<')
		if i < 0 {
			break
		}
		start := off + i
		end := tagEnd(b, start)
		if end < 0 {
			break
		}
		off = end
		tag := b[start:end]
		isAnchor := len(tag) > 3 && (tag[1] == 'a' || tag[1] == 'A') && isHTMLSpace(tag[2])
		mentionsDisclosure := res.firstDisclosure < 0 && bytes.Contains(tag, []byte(disclosureClass))
		if !isAnchor && !mentionsDisclosure {
			continue
		}
		href, rel, class := tagAttrs(tag)
		if mentionsDisclosure && hasWord(class, disclosureClass) {
			res.firstDisclosure = start
		}
		if !isAnchor || c == nil {
			continue
		}
		if _, ok := c.classify(href); !ok {
			continue
		}
		res.links++
		if res.firstLink < 0 {
			res.firstLink = start
		}
		if !hasWord(rel, "sponsored") {
			res.noSponsored = append(res.noSponsored, href)
		}
	}
	return res
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagEnd returns the offset just after the '>' that closes the tag
// starting at b[start], skipping quoted attribute values, or -1.
func tagEnd(b []byte, start int) int {
	var quote byte
	for i := start + 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// tagAttrs decodes the href, rel and class attributes of one start tag
// ("<a href=… rel=…>"), as an HTML tokenizer would: names without case,
// values quoted or not, character references decoded.
func tagAttrs(tag []byte) (href, rel, class string) {
	i := 1
	for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // the tag name
	}
	for i < len(tag) {
		for i < len(tag) && (isHTMLSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		if i >= len(tag) || tag[i] == '>' {
			break
		}
		start := i
		for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		name := tag[start:i]
		for i < len(tag) && isHTMLSpace(tag[i]) {
			i++
		}
		var value []byte
		if i < len(tag) && tag[i] == '=' {
			i++
			for i < len(tag) && isHTMLSpace(tag[i]) {
				i++
			}
			if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
				q := tag[i]
				i++
				start := i
				for i < len(tag) && tag[i] != q {
					i++
				}
				value = tag[start:i]
				i++
			} else {
				start := i
				for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '>' {
					i++
				}
				value = tag[start:i]
			}
		}
		var dst *string
		switch {
		case bytes.EqualFold(name, []byte("href")):
			dst = &href
		case bytes.EqualFold(name, []byte("rel")):
			dst = &rel
		case bytes.EqualFold(name, []byte("class")):
			dst = &class
		default:
			continue
		}
		if *dst != "" {
			continue // the first of repeated attributes wins, as in HTML
		}
		if bytes.IndexByte(value, '&') >= 0 {
			*dst = html.UnescapeString(string(value))
		} else {
			*dst = string(value)
		}
	}
	return href, rel, class
}

func hasWord(list, want string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, want) {
			return true
		}
	}
	return false
}

// enforceDisclosure applies the [affiliate] disclosure rule to a page's
// rendered content: a page with an affiliate link must show a disclosure
// before its first one. "auto" puts the default disclosure at the top
// when the author did not place one in time; "require" fails the build.
func (b *builder) enforceDisclosure(s *source, body, out []byte, state *shortcodes.PageState, env *shortcodes.Env) ([]byte, error) {
	scan := scanAffiliate(out, b.links)
	s.page.HasAffiliateLinks = scan.links > 0
	mode := b.cfg.Affiliate.Disclosure
	for _, href := range scan.noSponsored {
		msg := fmt.Sprintf("%s:%d: affiliate link %s has no rel=\"sponsored\" (it comes from a template; add rel=\"sponsored nofollow\" there)", s.file, lineOfText(body, href, s.lineOffset), href)
		if mode == DisclosureRequire {
			return nil, fmt.Errorf("%s", msg)
		}
		b.warnf("%s", msg)
	}
	if mode == DisclosureOff || scan.firstLink < 0 {
		return out, nil
	}
	if scan.firstDisclosure >= 0 && scan.firstDisclosure < scan.firstLink {
		return out, nil
	}
	if mode == DisclosureRequire {
		return nil, fmt.Errorf("%s:%d: affiliate link before any disclosure (add {{< disclosure >}} above it, or set [affiliate] disclosure = \"auto\")", s.file, firstLinkLine(state, s.lineOffset))
	}
	box, err := b.defaultDisclosure(env)
	if err != nil {
		return nil, err
	}
	return append(box, out...), nil
}

// firstLinkLine is the line of the page's first affiliate link.
func firstLinkLine(state *shortcodes.PageState, lineOffset int) int {
	line := 0
	for _, l := range state.Links {
		if l.Line > 0 && (line == 0 || l.Line < line) {
			line = l.Line
		}
	}
	if line == 0 {
		return lineOffset + 1
	}
	return line
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
		return nil, fmt.Errorf("%s: inserting the default disclosure: %v", env.File, err)
	}
	return append(res.Replace(bytes.TrimSpace(res.Markdown)), '\n'), nil
}
