package hosting

import (
	"bytes"
	"fmt"
	"strings"
)

// HeaderRule is one rule of a _headers file: the headers sent with every
// response whose path matches Path (which may end in a splat, "/css/*").
type HeaderRule struct {
	Path string
	// Headers are name and value pairs, in order; a name may repeat.
	Headers [][2]string
}

// FormatHeaders returns the _headers file of rules: each path on its own
// line, then its headers indented by two spaces.
func FormatHeaders(rules []HeaderRule) []byte {
	var b bytes.Buffer
	for _, r := range rules {
		b.WriteString(r.Path)
		b.WriteByte('\n')
		for _, h := range r.Headers {
			b.WriteString("  " + h[0] + ": " + h[1] + "\n")
		}
	}
	return b.Bytes()
}

// ParseHeaders parses a _headers file: a path line starting in the first
// column, then indented "Name: value" lines; blank lines and lines whose
// first non-space character is # are skipped. Errors read
// "_headers:LINE: message".
func ParseHeaders(b []byte) ([]HeaderRule, error) {
	var rules []HeaderRule
	err := eachLine(b, "_headers", func(n int, raw, line string) error {
		if raw[0] != ' ' && raw[0] != '\t' {
			if !isPathOrURL(line) {
				return fmt.Errorf("_headers:%d: path %q must start with / (or be an http(s) URL); header lines must be indented", n, line)
			}
			rules = append(rules, HeaderRule{Path: line})
			return nil
		}
		if len(rules) == 0 {
			return fmt.Errorf("_headers:%d: header %q comes before any path line", n, line)
		}
		h, err := parseHeader(n, line)
		r := &rules[len(rules)-1]
		r.Headers = append(r.Headers, h)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rules, nil
}

// parseHeader reads the indented header line n, "Name: value".
func parseHeader(n int, line string) ([2]string, error) {
	name, value, ok := strings.Cut(line, ":")
	name = strings.TrimSpace(name)
	if !ok || !isToken(name) {
		return [2]string{}, fmt.Errorf("_headers:%d: %q is not a \"Name: value\" header", n, line)
	}
	return [2]string{name, strings.TrimSpace(value)}, nil
}

// isToken reports whether s is a valid HTTP header name (RFC 9110 token).
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && (c < '0' || c > '9') && strings.IndexByte("!#$%&'*+-.^_`|~", c) < 0 {
			return false
		}
	}
	return s != ""
}
