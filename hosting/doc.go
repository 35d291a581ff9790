// Package hosting validates and writes the files static hosts read: _redirects, _headers, and Cloudflare Pages' worker.
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
//
// They also apply the rules differently, so a cloaked affiliate link
// ([CloakedLink]) keeps its sub-id only through each host's own files:
// [NetlifyRedirects] are forced rules with query matching, and
// [CloudflareWorker] and [CloudflareRoutes] are a Cloudflare Pages worker
// that only the cloaked folders reach. [TargetJS] is where both, and
// affsite's redirect pages, send a visitor.
package hosting
