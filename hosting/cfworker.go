package hosting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Cloudflare Pages limits of _routes.json, from its documentation of
// Functions' invocation routes.
const (
	MaxRoutesRules = 100 // include and exclude rules together
	MaxRouteLength = 100 // characters in one rule
)

// TargetJS is a JavaScript function, affsiteTarget(to, slot, param,
// search, mark), that returns where a cloaked link sends a visitor whose
// query string is search: slot with mark replaced by the value of param
// when search holds it and slot is not "", else to; the other parameters
// of search follow the destination's own query ("?" once, "&" between),
// before any fragment, as AppendQuery does. Both the Cloudflare Pages
// worker and the redirect pages run it, so every host sends the same
// visitor to the same address.
const TargetJS = `function affsiteTarget(to, slot, param, search, mark) {
  var out = to, rest = [], used = false;
  function dec(s) { try { return decodeURIComponent(s.replace(/\+/g, " ")); } catch (e) { return s; } }
  search.replace(/^\?/, "").split("&").forEach(function (kv) {
    if (!kv) return;
    var i = kv.indexOf("="), k = i < 0 ? kv : kv.slice(0, i);
    if (!used && slot && dec(k) === param) {
      used = true;
      out = slot.split(mark).join(encodeURIComponent(dec(i < 0 ? "" : kv.slice(i + 1))));
    } else {
      rest.push(kv);
    }
  });
  if (!rest.length) return out;
  var h = out.indexOf("#"), frag = h < 0 ? "" : out.slice(h);
  if (h >= 0) out = out.slice(0, h);
  var sep = out.indexOf("?") < 0 ? "?" : /[?&]$/.test(out) ? "" : "&";
  return out + sep + rest.join("&") + frag;
}
`

// CloudflareWorker returns the _worker.js of Cloudflare Pages' advanced
// mode that answers each link's From with its status, a Location that
// keeps the visitor's query (see TargetJS) and headers, which Cloudflare
// does not take from _headers for a worker's responses. Any other path
// is served from the site's files, with _headers and _redirects applied
// as without a worker. Only paths that _routes.json includes reach it
// (see CloudflareRoutes).
func CloudflareWorker(links []CloakedLink, headers [][2]string) []byte {
	table := make(map[string][4]any, len(links))
	for _, l := range links {
		table[l.From] = [4]any{l.Status, l.To, l.Param, l.ToSubID}
	}
	hs := map[string]string{}
	for _, h := range headers {
		hs[h[0]] = h[1]
	}
	// Map keys are sorted: the file is the same from build to build.
	rules, hj, mark := jsJSON(table), jsJSON(hs), jsJSON(SubIDMark)
	var b strings.Builder
	b.WriteString("// Cloaked affiliate links, written by affsite for Cloudflare Pages: each\n" +
		"// path answers with its status and a Location that keeps the visitor's\n" +
		"// query string (the sub-id), which a _redirects rule would drop. Other\n" +
		"// paths are the site's files.\n")
	fmt.Fprintf(&b, "const links = %s;\nconst headers = %s;\n\n", rules, hj)
	b.WriteString(TargetJS)
	fmt.Fprintf(&b, `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const l = Object.prototype.hasOwnProperty.call(links, url.pathname) ? links[url.pathname] : null;
    if (!l) return env.ASSETS.fetch(request);
    const h = new Headers(headers);
    h.set("Location", affsiteTarget(l[1], l[3], l[2], url.search, %s));
    return new Response(null, { status: l[0], headers: h });
  },
};
`, mark)
	return []byte(b.String())
}

// jsJSON is v as JSON, with & and < as they are: a script file, not HTML.
func jsJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // strings, numbers and maps of them
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// CloudflareRoutes returns the _routes.json that sends the paths below
// each prefix ("/go/") to the worker and every other request straight to
// the site's files.
func CloudflareRoutes(prefixes []string) []byte {
	include := make([]string, len(prefixes))
	for i, p := range prefixes {
		include[i] = strings.TrimSuffix(p, "/") + "/*"
	}
	b, _ := json.MarshalIndent(struct {
		Version int      `json:"version"`
		Include []string `json:"include"`
		Exclude []string `json:"exclude"`
	}{1, include, []string{}}, "", "  ")
	return append(b, '\n')
}

// CheckRoutes returns warnings for a _routes.json of prefixes that
// Cloudflare Pages would refuse: more than MaxRoutesRules rules, or a
// rule longer than MaxRouteLength.
func CheckRoutes(prefixes []string) []string {
	var warns []string
	if len(prefixes) > MaxRoutesRules {
		warns = append(warns, fmt.Sprintf("_routes.json: %d cloaked-link folders; Cloudflare Pages allows %d rules", len(prefixes), MaxRoutesRules))
	}
	for _, p := range prefixes {
		if r := strings.TrimSuffix(p, "/") + "/*"; len(r) > MaxRouteLength {
			warns = append(warns, fmt.Sprintf("_routes.json: rule %s is %d characters long; Cloudflare Pages allows %d", r, len(r), MaxRouteLength))
		}
	}
	return warns
}
