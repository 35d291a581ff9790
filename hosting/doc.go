// Package hosting validates and writes the files static hosts read: _redirects, _headers.
//
// Both Netlify and Cloudflare Pages read the same two files at the root of
// the published folder:
//
//	# _redirects: from to [status][!], one rule a line, first match wins
//	/go/kartra/  https://kartra.com/?ref=me  302
//
//	# _headers: a path line, then indented "Name: value" lines
//	/*
//	  X-Content-Type-Options: nosniff
//
// The hosts differ in their defaults and limits; [CheckLimits] reports a
// rule set that one of them would reject or read differently.
package hosting
