package generator_test

import (
	"strings"
	"testing"
)

func TestRedirectStatus(t *testing.T) {
	t.Parallel()
	site := func(affiliateTOML string) string {
		return "-- site.toml --\nbaseURL = \"https://example.org/\"\n[affiliate]\nlink_mode = \"cloaked\"\n" + affiliateTOML +
			"-- content/x.md --\n---\ntitle: X\n---\n{{< afflink program=\"acme\" >}}\n" + acmeProgram +
			"-- data/programs/other.yaml --\nname: Other\nurl: https://other.example/\nplans:\n  - name: One\n    monthly: 5\n"
	}
	b := buildSite(t, site("[affiliate.redirect_statuses]\nacme = 301\n"))
	assertFile(t, b, "_redirects",
		"/go/acme/ https://acme.example/ 301\n", "/go/acme/pro/ https://acme.example/ 301\n",
		"/go/other/ https://other.example/ 302\n")
	b = buildSite(t, site("redirect_status = 307\n"))
	assertFile(t, b, "_redirects", "/go/acme/ https://acme.example/ 307\n", "/go/other/one/ https://other.example/ 307\n")
	if got := b.report.Warnings.Error(); !strings.Contains(got, "program acme: redirect status 307 is not supported by Netlify's _redirects (use 302 there)") {
		t.Errorf("no 307 warning in:\n%s", got)
	}
	for _, tc := range []struct{ toml, want string }{
		{"redirect_status = 303\n", "[affiliate] redirect_status must be 301, 302 or 307, not 303"},
		{"[affiliate.redirect_statuses]\nacme = 200\n", "[affiliate.redirect_statuses] acme must be 301, 302 or 307, not 200"},
		{"[affiliate.redirect_statuses]\nacmee = 301\n", `site.toml: [affiliate.redirect_statuses] acmee: no such program; did you mean "acme"?`},
	} {
		if _, err := tryBuild(t, site(tc.toml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}
