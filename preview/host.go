package preview

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostCheck answers only requests whose Host names this preview: a
// loopback name (localhost, *.localhost, 127.0.0.0/8, ::1), the bind
// address (for 0.0.0.0 or ::, any address of this machine's interfaces)
// or the host of baseURL. Anything else gets 403.
//
// This is the defence against DNS rebinding: a page on evil.example can
// point its name at 127.0.0.1 and then read the preview (drafts
// included) with the browser's own requests, but those still carry
// "Host: evil.example". The port is not checked: a proxy in front of the
// preview may change it, and the name alone is what rebinding forges.
// previewURL is where the 403 page sends the reader.
func hostCheck(next http.Handler, bind, baseURL, previewURL string) http.Handler {
	allowed := allowedHosts(bind, baseURL)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostAllowed(r.Host, allowed) {
			http.Error(w, fmt.Sprintf("Forbidden: the preview answers only to localhost, 127.0.0.1, the --bind address and the --baseURL host, not to %q, so that other sites' pages cannot read it (DNS rebinding). Open %s instead.", r.Host, previewURL),
				http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHosts lists the host names, besides the loopback ones, that
// the preview answers: lower case, without brackets or a trailing dot.
func allowedHosts(bind, baseURL string) map[string]bool {
	allowed := map[string]bool{}
	if bind != "" {
		allowed[normalHost(bind)] = true
	}
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		// Listening on every interface: other machines reach the
		// preview by one of this machine's addresses.
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if ipn, ok := a.(*net.IPNet); ok {
					allowed[normalHost(ipn.IP.String())] = true
				}
			}
		}
	}
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		allowed[normalHost(u.Hostname())] = true
	}
	return allowed
}

// hostAllowed reports whether hostport, a request's Host, names a
// loopback address or one of allowed.
func hostAllowed(hostport string, allowed map[string]bool) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = normalHost(host)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true // RFC 6761: always this machine
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	return allowed[host]
}

// normalHost lower-cases a host name and drops IPv6 brackets and one
// trailing dot ("localhost." is localhost).
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	h = strings.TrimSuffix(h, ".")
	return strings.ToLower(h)
}
