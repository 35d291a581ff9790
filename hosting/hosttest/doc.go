// Package hosttest serves affsite's _redirects and _headers with the
// hosts' own local servers: Cloudflare's wrangler pages dev (workerd)
// and Netlify's netlify dev. It holds tests only; see hosts_test.go for
// how the tools are found and what the hosts were seen to do.
package hosttest
