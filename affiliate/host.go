package affiliate

import (
	"fmt"

	"github.com/affsite/affsite/internal/suggest"
)

// Host is the host that serves the site, which decides how the build
// writes its cloaked links (see the hosting package): each host applies
// _redirects differently.
type Host string

// Hosts.
const (
	// HostAny writes _redirects rules both Netlify and Cloudflare Pages
	// read, and redirect pages for every other host.
	HostAny Host = "any"
	// HostNetlify writes forced rules that carry the sub-id.
	HostNetlify Host = "netlify"
	// HostCloudflare writes a Pages worker (_worker.js, _routes.json)
	// that keeps the visitor's query.
	HostCloudflare Host = "cloudflare"
)

// Hosts lists the host names ParseHost accepts.
func Hosts() []string { return []string{string(HostAny), string(HostNetlify), string(HostCloudflare)} }

// ParseHost reads a host name; "" is "", no host named.
func ParseHost(s string) (Host, error) {
	switch h := Host(s); h {
	case "", HostAny, HostNetlify, HostCloudflare:
		return h, nil
	}
	msg := fmt.Sprintf("host must be %q, %q or %q, not %q", HostNetlify, HostCloudflare, HostAny, s)
	if c, ok := suggest.Closest(s, Hosts()); ok {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	return "", fmt.Errorf("%s", msg)
}
