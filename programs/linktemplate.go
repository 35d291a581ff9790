package programs

import (
	"fmt"
	"net/url"
	"strings"
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
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("unclosed placeholder at %q (placeholders: {%s})", s[i:], strings.Join(LinkPlaceholders(), "}, {"))
		}
		name := s[i+1 : i+j]
		if !isLinkPlaceholder(name) {
			return "", fmt.Errorf("unknown placeholder {%s} (placeholders: {%s})", name, strings.Join(LinkPlaceholders(), "}, {"))
		}
		b.WriteString(url.QueryEscape(value(name)))
		s = s[i+j+1:]
	}
}

func isLinkPlaceholder(name string) bool {
	for _, p := range LinkPlaceholders() {
		if p == name {
			return true
		}
	}
	return false
}
