package programs

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/affsite/affsite/internal/spans"
)

// LinkPlaceholders are the placeholders a program's link_template may
// hold, in documentation order. Each is replaced by its value
// query-escaped (url.QueryEscape), so {url} fits a deep-link parameter
// such as ShareASale's urllink= or Impact's u=.
func LinkPlaceholders() []string {
	return []string{"url", "ref", "subid", "utm_source", "utm_medium", "utm_campaign"}
}

// ParseLinkTemplate checks a link template: an absolute http(s) URL once
// its placeholders are filled in, with only the placeholders of
// LinkPlaceholders, each closed. It returns the error to report, nil for
// a good template.
func ParseLinkTemplate(s string) error {
	probe, err := ExpandLinkTemplate(s, func(string) string { return "x" })
	if err != nil {
		return err
	}
	if !IsHTTPURL(probe) {
		return fmt.Errorf("%q is not an absolute http(s) URL template (such as \"https://www.shareasale.com/r.cfm?u={ref}&m=12345&afftrack={subid}&urllink={url}\")", s)
	}
	return nil
}

// ExpandLinkTemplate replaces each {name} of s by value(name)
// query-escaped. An unknown or unclosed placeholder is an error naming
// the known ones.
func ExpandLinkTemplate(s string, value func(name string) string) (string, error) {
	known := func() string { return strings.Join(LinkPlaceholders(), "}, {") }
	return spans.Replace(s, "{", "}", func(name string) (string, error) {
		if !slices.Contains(LinkPlaceholders(), name) {
			return "", fmt.Errorf("unknown placeholder {%s} (placeholders: {%s})", name, known())
		}
		return url.QueryEscape(value(name)), nil
	}, func(rest string) error {
		return fmt.Errorf("unclosed placeholder at %q (placeholders: {%s})", rest[strings.Index(rest, "{"):], known())
	})
}
