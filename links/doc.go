// Package links is the links registry: affiliate links that are not a
// program with plans (a single product, a network deep link, a cloaked
// link kept from WordPress), read from data/links/*.yaml|yml|toml|json.
// Each has an id, a destination, an optional program, a cloaked path
// that redirects to it (/recommends/kartra/), the redirect's status, and
// optionally an expiry date after which a fallback URL is used.
//
// The package holds data only. What makes a link an affiliate link is
// package affiliate's rule; the link shortcode is in builtins; the
// redirect pages and _redirects rules are written by the generator.
package links
