package hosting

import (
	"fmt"
	"strings"
)

// Cloudflare Pages limits, from its documentation of _redirects and
// _headers. Netlify's limits are far higher, so these are the ones a site
// meant to deploy on either host must keep.
const (
	MaxStaticRedirects  = 2000
	MaxDynamicRedirects = 100
	MaxLineLength       = 1000 // characters in one _redirects line
	MaxHeaderRules      = 100
)

// StatusWarning is the warning for a redirect status a host documents no
// support for, "" for the others: 307, which Netlify's _redirects
// documentation leaves out (hosttest saw netlify dev apply it all the
// same). CheckLimits and the build's warnings about a program's or a
// link's status all say it so.
func StatusWarning(status int) string {
	if status != 307 {
		return ""
	}
	return "status 307 is not supported by Netlify's _redirects (use 302 there)"
}

// CheckLimits returns warnings, one sentence each, for rules that Netlify
// or Cloudflare Pages would reject, ignore or read differently: too many
// rules, over-long lines, static rules after dynamic ones, unsupported or
// missing statuses, and values that cannot be written in the files'
// syntax. It returns nil when both hosts accept the rules as meant.
func CheckLimits(redirects []Redirect, headers []HeaderRule) []string {
	var l limits
	for i, r := range redirects {
		l.redirect(i+1, r)
	}
	l.redirectTotals()
	if len(headers) > MaxHeaderRules {
		l.warn("_headers: %d rules; Cloudflare Pages allows %d", len(headers), MaxHeaderRules)
	}
	for i, h := range headers {
		l.header(i+1, h)
	}
	return l.warns
}

// limits gathers CheckLimits' warnings in the order of the rules, and
// counts the redirect rules.
type limits struct {
	warns           []string
	static, dynamic int
	firstDynamic    int // 1-based rule number of the first dynamic rule
	lateStatic      int // static rules after it
}

func (l *limits) warn(format string, args ...any) {
	l.warns = append(l.warns, fmt.Sprintf(format, args...))
}

// redirect checks redirect rule n: its place, its syntax, its length
// and its status.
func (l *limits) redirect(n int, r Redirect) {
	l.place(n, r)
	if strings.ContainsAny(r.From+r.To, " \t\r\n") {
		l.warn("_redirects: rule %d (%q) contains white space, which splits a rule into fields; percent-encode it as %%20", n, r.From)
	}
	if c := len([]rune(r.line())); c > MaxLineLength {
		l.warn("_redirects: rule %d (%s) is %d characters long; Cloudflare Pages allows %d a line", n, r.From, c, MaxLineLength)
	}
	l.status(n, r)
}

// place counts rule n as static or dynamic, and warns at the first
// static rule that follows a dynamic one.
func (l *limits) place(n int, r Redirect) {
	if r.Dynamic() {
		l.dynamic++
		if l.firstDynamic == 0 {
			l.firstDynamic = n
		}
		return
	}
	l.static++
	if l.firstDynamic == 0 {
		return
	}
	if l.lateStatic++; l.lateStatic == 1 {
		l.warn("_redirects: rule %d (%s) is static but follows dynamic rule %d; Cloudflare Pages wants static rules before dynamic ones", n, r.From, l.firstDynamic)
	}
}

// status warns when rule n has no status, or one a host does not take.
func (l *limits) status(n int, r Redirect) {
	switch r.Status {
	case 0:
		l.warn("_redirects: rule %d (%s) has no status: Netlify defaults to 301 and Cloudflare Pages to 302; write the one you mean", n, r.From)
	case 301, 302, 303, 308, 200, 404:
	case 307:
		l.warn("_redirects: rule %d (%s): %s", n, r.From, StatusWarning(r.Status))
	default:
		l.warn("_redirects: rule %d (%s) uses status %d; hosts accept 301, 302, 303, 307, 308, 200 and 404", n, r.From, r.Status)
	}
}

// redirectTotals warns about the counts over all redirect rules.
func (l *limits) redirectTotals() {
	if l.lateStatic > 1 {
		l.warn("_redirects: %d static rules in all follow a dynamic one", l.lateStatic)
	}
	if l.static > MaxStaticRedirects {
		l.warn("_redirects: %d static rules; Cloudflare Pages allows %d", l.static, MaxStaticRedirects)
	}
	if l.dynamic > MaxDynamicRedirects {
		l.warn("_redirects: %d dynamic rules (with * or :placeholder); Cloudflare Pages allows %d", l.dynamic, MaxDynamicRedirects)
	}
}

// header checks headers rule n: its path, and each header's name and value.
func (l *limits) header(n int, h HeaderRule) {
	if !isPathOrURL(h.Path) || strings.ContainsAny(h.Path, "\r\n") {
		l.warn("_headers: rule %d: path %q must start with / (or be an http(s) URL) and fit on one line", n, h.Path)
	}
	for _, kv := range h.Headers {
		if !isToken(kv[0]) {
			l.warn("_headers: rule %d (%s): %q is not a valid header name", n, h.Path, kv[0])
		}
		if strings.ContainsAny(kv[1], "\r\n") {
			l.warn("_headers: rule %d (%s): the value of %s spans lines", n, h.Path, kv[0])
		}
	}
}
