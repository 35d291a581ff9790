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
	var warns []string
	warn := func(format string, args ...any) { warns = append(warns, fmt.Sprintf(format, args...)) }

	var static, dynamic int
	firstDynamic := 0 // 1-based rule number of the first dynamic rule
	lateStatic := 0
	for i, r := range redirects {
		n := i + 1
		if r.Dynamic() {
			dynamic++
			if firstDynamic == 0 {
				firstDynamic = n
			}
		} else {
			static++
			if firstDynamic != 0 {
				lateStatic++
				if lateStatic == 1 {
					warn("_redirects: rule %d (%s) is static but follows dynamic rule %d; Cloudflare Pages wants static rules before dynamic ones", n, r.From, firstDynamic)
				}
			}
		}
		if strings.ContainsAny(r.From+r.To, " \t\r\n") {
			warn("_redirects: rule %d (%q) contains white space, which splits a rule into fields; percent-encode it as %%20", n, r.From)
		}
		if l := len([]rune(r.line())); l > MaxLineLength {
			warn("_redirects: rule %d (%s) is %d characters long; Cloudflare Pages allows %d a line", n, r.From, l, MaxLineLength)
		}
		switch r.Status {
		case 0:
			warn("_redirects: rule %d (%s) has no status: Netlify defaults to 301 and Cloudflare Pages to 302; write the one you mean", n, r.From)
		case 301, 302, 303, 308, 200, 404:
		case 307:
			warn("_redirects: rule %d (%s): %s", n, r.From, StatusWarning(r.Status))
		default:
			warn("_redirects: rule %d (%s) uses status %d; hosts accept 301, 302, 303, 307, 308, 200 and 404", n, r.From, r.Status)
		}
	}
	if lateStatic > 1 {
		warn("_redirects: %d static rules in all follow a dynamic one", lateStatic)
	}
	if static > MaxStaticRedirects {
		warn("_redirects: %d static rules; Cloudflare Pages allows %d", static, MaxStaticRedirects)
	}
	if dynamic > MaxDynamicRedirects {
		warn("_redirects: %d dynamic rules (with * or :placeholder); Cloudflare Pages allows %d", dynamic, MaxDynamicRedirects)
	}

	if len(headers) > MaxHeaderRules {
		warn("_headers: %d rules; Cloudflare Pages allows %d", len(headers), MaxHeaderRules)
	}
	for i, h := range headers {
		if !isPathOrURL(h.Path) || strings.ContainsAny(h.Path, "\r\n") {
			warn("_headers: rule %d: path %q must start with / (or be an http(s) URL) and fit on one line", i+1, h.Path)
		}
		for _, kv := range h.Headers {
			if !isToken(kv[0]) {
				warn("_headers: rule %d (%s): %q is not a valid header name", i+1, h.Path, kv[0])
			}
			if strings.ContainsAny(kv[1], "\r\n") {
				warn("_headers: rule %d (%s): the value of %s spans lines", i+1, h.Path, kv[0])
			}
		}
	}
	return warns
}
