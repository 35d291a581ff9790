package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// cloakedSite has a program with plans, one with a link template and a
// registry link, in cloaked mode; hostLine goes into [affiliate].
func cloakedSite(hostLine string) string {
	return `
-- site.toml --
baseURL = "https://x.example/"
[affiliate]
link_mode = "cloaked"
ref_id = "me"
` + hostLine + `
-- data/programs/net.yaml --
name: "Net"
url: "https://net.example/"
commission: 0.30
link_template: "https://track.example/c?aff={ref}&sub={subid}&dest={url}"
plans:
  - name: "Solo"
    monthly: 5.00
-- data/links/l.yaml --
links:
  - id: book
    destination: https://books.example/p/1
    cloaked: /recommends/book/
-- content/a.md --
---
title: A
---
` + acmeProgram
}

func withHost(h string) func(*generator.Options) {
	return func(o *generator.Options) { o.Host = h }
}

// TestHostFiles: what each host gets for the same cloaked links.
func TestHostFiles(t *testing.T) {
	t.Parallel()
	// No host named: both hosts' plain rules, the redirect pages.
	b := buildSite(t, cloakedSite(""))
	assertFile(t, b, "_redirects", "for Netlify and Cloudflare Pages", "/go/acme/ https://acme.example/?ref=me 302\n",
		"/go/net/ https://track.example/c?aff=me&sub=&dest=https%3A%2F%2Fnet.example%2F 302\n", "/recommends/book/ https://books.example/p/1 302\n")
	assertNoFile(t, b, "_worker.js")
	assertNoFile(t, b, "_routes.json")
	// The redirect page fills the template's {subid}.
	assertFile(t, b, "go/net/index.html", `affsiteTarget(a[0],a[1],a[2],location.search,a[3])`,
		`["https://track.example/c?aff=me\u0026sub=\u0026dest=https%3A%2F%2Fnet.example%2F","https://track.example/c?aff=me\u0026sub=AFFSITESUBID\u0026dest=https%3A%2F%2Fnet.example%2F","subid","AFFSITESUBID"]`)

	// Netlify: forced rules, the sub-id matched and put in its place.
	b = buildSite(t, cloakedSite(`host = "netlify"`))
	assertFile(t, b, "_redirects", "for Netlify (forced rules",
		"/go/acme/ subid=:subid https://acme.example/?ref=me&subid=:subid 302!\n/go/acme/ https://acme.example/?ref=me 302!\n",
		"/go/acme/pro/ subid=:subid https://acme.example/?ref=me&subid=:subid 302!\n",
		"/go/net/ subid=:subid https://track.example/c?aff=me&sub=:subid&dest=https%3A%2F%2Fnet.example%2F 302!\n",
		"/recommends/book/ subid=:subid https://books.example/p/1?subid=:subid 302!\n/recommends/book/ https://books.example/p/1 302!\n")
	assertNoFile(t, b, "_worker.js")

	// Cloudflare: the worker and its routes; no generated _redirects.
	b = buildSite(t, cloakedSite(`host = "cloudflare"`))
	assertNoFile(t, b, "_redirects")
	assertFile(t, b, "_routes.json", `"/go/*"`, `"/recommends/*"`)
	assertFile(t, b, "_worker.js",
		`"/go/acme/pro/":[302,"https://acme.example/?ref=me","subid","https://acme.example/?ref=me&subid=AFFSITESUBID"]`,
		`"/recommends/book/":[302,"https://books.example/p/1","subid","https://books.example/p/1?subid=AFFSITESUBID"]`,
		`"X-Robots-Tag":"noindex, nofollow"`, `"Cache-Control":"no-store"`, "return env.ASSETS.fetch(request);")
	assertFile(t, b, "_headers", "/go/*\n  X-Robots-Tag: noindex, nofollow\n")

	// --host wins over site.toml.
	b = buildSite(t, cloakedSite(`host = "cloudflare"`), withHost("netlify"))
	assertNoFile(t, b, "_worker.js")
	assertFile(t, b, "_redirects", "302!\n")
	// The build's environment counts only when neither names a host.
	b = buildSite(t, cloakedSite(""), func(o *generator.Options) { o.HostDefault = "cloudflare" })
	assertFile(t, b, "_worker.js", "/go/acme/")
	b = buildSite(t, cloakedSite(`host = "any"`), func(o *generator.Options) { o.HostDefault = "cloudflare" })
	assertNoFile(t, b, "_worker.js")
}

// TestHostFilesOwnWorker: a site's own _worker.js is published as it is,
// and the cloaked links fall back to _redirects, with a warning.
func TestHostFilesOwnWorker(t *testing.T) {
	t.Parallel()
	b := buildSite(t, cloakedSite(`host = "cloudflare"`)+"-- static/_worker.js --\nexport default {};\n")
	if got := b.file(t, "_worker.js"); got != "export default {};\n" {
		t.Errorf("_worker.js = %q, want the site's", got)
	}
	assertFile(t, b, "_redirects", "/go/acme/ https://acme.example/?ref=me 302\n")
	if w := strings.Join(warningStrings(b), "\n"); !strings.Contains(w, "static/_worker.js: the site has its own Cloudflare Pages _worker.js") {
		t.Errorf("no warning about the site's worker:\n%s", w)
	}
}

// TestHostErrors: a host that is none of affsite's stops the build,
// with a suggestion.
func TestHostErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		site string
		opt  func(*generator.Options)
		want string
	}{
		{cloakedSite(`host = "netlfy"`), nil, `site.toml: [affiliate] host must be "netlify", "cloudflare" or "any", not "netlfy"; did you mean "netlify"?`},
		{cloakedSite(""), withHost("cloudflair"), `--host must be "netlify", "cloudflare" or "any", not "cloudflair"; did you mean "cloudflare"?`},
	} {
		var opts []func(*generator.Options)
		if tc.opt != nil {
			opts = append(opts, tc.opt)
		}
		_, err := tryBuild(t, tc.site, opts...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want one containing %q", err, tc.want)
		}
	}
}

func warningStrings(b *built) []string {
	var out []string
	for _, w := range b.report.Warnings {
		out = append(out, w.Error())
	}
	return out
}

// TestHostFiles307WarnedOnce: a 307 is warned once, at the program or
// registry link that has it, not again for each _redirects rule it makes.
func TestHostFiles307WarnedOnce(t *testing.T) {
	t.Parallel()
	site := strings.Replace(cloakedSite("[affiliate.redirect_statuses]\nnet = 307\n"),
		"    cloaked: /recommends/book/\n", "    cloaked: /recommends/book/\n    status: 307\n", 1)
	const w307 = "status 307 is not supported by Netlify's _redirects (use 302 there)"
	want := []string{
		"data/links/l.yaml:2: link book: " + w307,
		"site.toml: program net: redirect " + w307,
	}
	for _, host := range []string{`host = "any"`, `host = "cloudflare"`} {
		s := site
		if host == `host = "cloudflare"` {
			// its own worker: the links are _redirects rules again
			s = strings.Replace(s, "[affiliate]\n", "[affiliate]\n"+host+"\n", 1) + "-- static/_worker.js --\nexport default {};\n"
		}
		b := buildSite(t, s)
		assertFile(t, b, "_redirects", "/go/net/solo/ https://track.example/", " 307\n", "/recommends/book/ https://books.example/p/1 307\n")
		var got []string
		for _, w := range warningStrings(b) {
			if strings.Contains(w, "307") {
				got = append(got, w)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: 307 warnings:\n%s\nwant:\n%s", host, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
