package programs

import "net/url"

// IsHTTPURL reports whether s is an absolute http or https URL with a
// host: what program files, links and templates accept as a link
// (never "javascript:" or a path).
func IsHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
