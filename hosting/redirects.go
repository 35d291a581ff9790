package hosting

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Redirect is one rule of a _redirects file.
type Redirect struct {
	// From is the path (or, on Netlify, full URL) the rule matches. It
	// may hold a splat (*) or placeholders (:name).
	From string
	// To is the path or URL the visitor is sent to.
	To string
	// Status is the HTTP status: 301, 302, 303, 307 or 308 for a redirect,
	// 200 for a rewrite, 404 for a custom not-found page. Zero writes no
	// status, leaving the host's default, which differs: Netlify uses
	// 301, Cloudflare Pages 302.
	Status int
	// Force is Netlify's "!": apply the rule even when a file exists at
	// From. Cloudflare Pages refuses a rule with it.
	Force bool
	// Query is Netlify's query matching: name and value pairs, written
	// between From and To ("subid=:subid"), that the visitor's query must
	// hold for the rule to apply; a value ":name" is a placeholder that
	// To may use. Cloudflare Pages refuses a rule with it.
	Query [][2]string
}

// Dynamic reports whether the rule matches more than one path: its From
// holds a splat (*) or a placeholder (:name). Cloudflare Pages limits these
// separately from static rules.
func (r Redirect) Dynamic() bool {
	if strings.Contains(r.From, "*") {
		return true
	}
	for _, seg := range strings.Split(r.From, "/") {
		if len(seg) > 1 && seg[0] == ':' && isLetter(seg[1]) {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// line returns the rule as written in a _redirects file.
func (r Redirect) line() string {
	s := r.From
	for _, q := range r.Query {
		s += " " + q[0] + "=" + q[1]
	}
	s += " " + r.To
	if r.Status != 0 {
		s += " " + strconv.Itoa(r.Status)
	}
	if r.Force {
		if r.Status == 0 {
			s += " 301" // "!" needs a status to attach to; 301 is Netlify's default
		}
		s += "!"
	}
	return s
}

// FormatRedirects returns the _redirects file of rules, one a line, in the
// order given: hosts apply the first rule that matches.
func FormatRedirects(rules []Redirect) []byte {
	var b bytes.Buffer
	for _, r := range rules {
		b.WriteString(r.line())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// ParseRedirects parses a _redirects file: one "from [name=value…] to
// [status][!]" rule a line (the name=value fields are Netlify's query
// matching); blank lines and lines starting with # are skipped.
// Condition matching (Netlify's "Country=us" after the status) is not
// supported and is reported as an error, as are malformed statuses and
// paths. Errors read "_redirects:LINE: message".
func ParseRedirects(b []byte) ([]Redirect, error) {
	var rules []Redirect
	err := eachLine(b, "_redirects", func(n int, _, line string) error {
		r, err := parseRedirect(n, line)
		rules = append(rules, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rules, nil
}

// parseRedirect reads rule line n: from, [name=value…], to, [status[!]].
func parseRedirect(n int, line string) (Redirect, error) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return Redirect{}, fmt.Errorf("_redirects:%d: rule %q has no destination (want \"from to [status]\")", n, line)
	}
	r := Redirect{From: f[0]}
	r.Query, f = queryMatches(f)
	r.To = f[1]
	if err := checkEnds(n, r); err != nil {
		return r, err
	}
	if len(f) > 2 {
		var err error
		if r.Status, r.Force, err = parseStatus(n, f[2]); err != nil {
			return r, err
		}
	}
	if len(f) > 3 {
		return r, fmt.Errorf("_redirects:%d: unexpected field %q after the status (query and condition matching are not supported)", n, f[3])
	}
	return r, nil
}

// queryMatches takes the name=value fields that follow a rule's source
// out of its fields f, and returns them and the fields left.
func queryMatches(f []string) ([][2]string, []string) {
	var q [][2]string
	for len(f) > 2 && !isPathOrURL(f[1]) && strings.Contains(f[1], "=") {
		name, value, _ := strings.Cut(f[1], "=")
		q = append(q, [2]string{name, value})
		f = append(f[:1], f[2:]...)
	}
	return q, f
}

// checkEnds checks that rule n's source and destination are paths or URLs.
func checkEnds(n int, r Redirect) error {
	if !isPathOrURL(r.From) {
		return fmt.Errorf("_redirects:%d: source %q is neither a path starting with / nor an http(s) URL", n, r.From)
	}
	if !isPathOrURL(r.To) {
		return fmt.Errorf("_redirects:%d: destination %q is neither a path starting with / nor an http(s) URL", n, r.To)
	}
	return nil
}

// parseStatus reads rule n's status field: an HTTP status, forced when
// it ends in "!".
func parseStatus(n int, field string) (code int, force bool, err error) {
	st, force := strings.CutSuffix(field, "!")
	code, err = strconv.Atoi(st)
	if err != nil || code < 100 || code > 599 {
		return 0, false, fmt.Errorf("_redirects:%d: status %q is not an HTTP status such as 301 or 302", n, field)
	}
	return code, force, nil
}

// isPathOrURL reports whether s is a site path or an absolute http(s) URL.
func isPathOrURL(s string) bool {
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
