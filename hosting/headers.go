package hosting

import (
	"bufio"
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
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' {
			continue
		}
		if raw[0] != ' ' && raw[0] != '\t' {
			if !isPathOrURL(line) {
				return nil, fmt.Errorf("_headers:%d: path %q must start with / (or be an http(s) URL); header lines must be indented", n, line)
			}
			rules = append(rules, HeaderRule{Path: line})
			continue
		}
		if len(rules) == 0 {
			return nil, fmt.Errorf("_headers:%d: header %q comes before any path line", n, line)
		}
		name, value, ok := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !ok || !isToken(name) {
			return nil, fmt.Errorf("_headers:%d: %q is not a \"Name: value\" header", n, line)
		}
		r := &rules[len(rules)-1]
		r.Headers = append(r.Headers, [2]string{name, strings.TrimSpace(value)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("_headers:%d: %v", n+1, err)
	}
	return rules, nil
}

// isToken reports whether s is a valid HTTP header name (RFC 9110 token).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isLetter(c) || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return true
}
