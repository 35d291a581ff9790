package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/shortcodes"
)

// enforceDisclosure applies the [affiliate] disclosure rule to a page's
// rendered content: a page with an affiliate link must show a disclosure
// — the disclosure box, or the author's own words in one of the
// disclosure phrases — before its first one, unless its front matter
// says own_disclosure (affiliate.Found.Place). "auto" puts the default
// disclosure at the top when the author did not place one in time (and
// warns when theirs comes too late); "require" fails the build. It gives
// its warnings to warn. Beside the content it returns what its scan
// found in it, for addClickData, or nil when it put the box above what
// it found. links classifies the page's links.
func (b *builder) enforceDisclosure(s *source, body, out []byte, state *builtins.PageState, env *shortcodes.Env, links linkClassifier, warn func(diag.Diagnostic)) ([]byte, *affiliate.Found, error) {
	b.warnRefIDs(s, state, warn)
	found := affiliate.Scan(out, links.classify, b.cfg.Affiliate.Phrases)
	s.page.HasAffiliateLinks = len(found.Anchors) > 0
	mode := b.cfg.Affiliate.Disclosure
	for _, a := range found.Anchors {
		if affiliate.IsSponsored(a.Rel) {
			continue
		}
		d := diag.Errorf(s.file, lineOfText(body, a.Href, s.lineOffset), 0, diag.Sponsored,
			"affiliate link %s has no rel=\"sponsored\" (it comes from a template; add rel=\"sponsored nofollow\" there)", a.Href)
		if mode == affiliate.DisclosureRequire {
			return nil, nil, d
		}
		warn(*d)
	}
	place := found.Place(s.ownDisclosure)
	if mode == affiliate.DisclosureOff || place.Disclosed() {
		return out, &found, nil
	}
	linkLine := firstLinkLine(state, s.lineOffset)
	late, lateLine := lateDisclosure(found, body, s.lineOffset)
	if mode == affiliate.DisclosureRequire {
		msg := "affiliate link before any disclosure (add {{< disclosure >}} above it, or set [affiliate] disclosure = \"auto\")"
		if place == affiliate.DisclosedLate {
			msg += "; " + late + atLine(lateLine) + " comes after it, too late to count"
		}
		return nil, nil, diag.Errorf(s.file, linkLine, 0, diag.Disclosure, "%s", msg)
	}
	if place == affiliate.DisclosedLate {
		warn(diag.Warningf(s.file, cmp.Or(lateLine, linkLine), 0, diag.Disclosure,
			"%s comes after the first affiliate link (line %d), too late to count: the disclosure box was added at the top (move it above the link)", late, linkLine))
	}
	box, err := b.defaultDisclosure(env)
	if err != nil {
		return nil, nil, err
	}
	return append(box, out...), nil, nil
}

// lateDisclosure describes the first disclosure of a page that has one
// only after its first affiliate link, for messages, with its line in
// the file (0 when the source does not show where it is).
func lateDisclosure(found affiliate.Found, body []byte, lineOffset int) (string, int) {
	if found.StatementFirst() {
		return fmt.Sprintf("the author's disclosure %q", found.Statement.Text), lineOfWords(body, found.Statement.Text, lineOffset)
	}
	return "the disclosure box", lineOfRE(body, disclosureBoxRE, lineOffset)
}

// disclosureBoxRE finds the source of a disclosure box: the shortcode,
// or markup with its class.
var disclosureBoxRE = regexp.MustCompile(`\{\{[<%]\s*disclosure\b|` + affiliate.DisclosureClass)

// lineOfWords is the line of the file where the words of text first
// appear in body, in any case and whatever separates them (spaces, line
// breaks, Markdown's * and _); 0 when they do not.
func lineOfWords(body []byte, text string, lineOffset int) int {
	var words []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, regexp.QuoteMeta(w))
	}
	if len(words) == 0 {
		return 0
	}
	return lineOfRE(body, regexp.MustCompile(`(?i)`+strings.Join(words, `[^\pL\pN]+`)), lineOffset)
}

// lineOfRE is the line of the file of re's first match in body, or 0.
func lineOfRE(body []byte, re *regexp.Regexp, lineOffset int) int {
	loc := re.FindIndex(body)
	if loc == nil {
		return 0
	}
	return lineOffset + 1 + bytes.Count(body[:loc[0]], []byte("\n"))
}

// atLine is " (line N)", or "" for line 0 (not known).
func atLine(line int) string {
	if line == 0 {
		return ""
	}
	return fmt.Sprintf(" (line %d)", line)
}

// ownDisclosureOf reads the page's own_disclosure front matter (false
// when it is not set); any value but true or false is an error at its
// line.
func ownDisclosureOf(file string, fm map[string]any, at *fmPlaces) (bool, error) {
	v, ok := values.LookupKey(fm, affiliate.OwnDisclosureKey)
	if !ok {
		return false, nil
	}
	own, isBool := v.(bool)
	if !isBool {
		line, col := at.value(affiliate.OwnDisclosureKey)
		return false, diag.Errorf(file, line, col, diag.FrontMatter,
			"front matter: %s must be true or false", affiliate.OwnDisclosureKey)
	}
	return own, nil
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
