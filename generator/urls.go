package generator

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
)

// absURL makes a site path absolute with the base URL; full URLs pass
// through. As in Hugo, a leading slash is relative to the base URL's
// host when the base URL has a path.
func (b *builder) absURL(v any) string {
	s := fmt.Sprint(v)
	if isFullURL(s) {
		return s
	}
	base := b.cfg.BaseURL
	if u, err := url.Parse(base); err == nil && u.Host != "" && strings.HasPrefix(s, b.basePath) && b.basePath != "/" {
		s = strings.TrimPrefix(s, b.basePath)
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(s, "/")
}

// relURL makes a site path relative to the host, under the base path.
func (b *builder) relURL(v any) string {
	s := fmt.Sprint(v)
	if isFullURL(s) {
		return s
	}
	if b.basePath != "/" && strings.HasPrefix(s, b.basePath) {
		return s
	}
	return b.basePath + strings.TrimPrefix(s, "/")
}

func isFullURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// markdownify renders a string of Markdown as inline HTML.
func (b *builder) markdownify(v any) (template.HTML, error) {
	src := fmt.Sprint(v)
	if h, ok := b.mdCache.Load(src); ok {
		return h.(template.HTML), nil
	}
	out, err := b.md.renderPlain([]byte(src))
	if err != nil {
		return "", err
	}
	s := strings.TrimSpace(string(out))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		s = s[3 : len(s)-4]
	}
	if len(src) <= 4096 {
		b.mdCache.Store(src, template.HTML(s))
	}
	return template.HTML(s), nil
}
