package generator_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/affsite/affsite/themes"
)

func TestClickEvents(t *testing.T) {
	t.Parallel()
	site := func(affiliateTOML string) string {
		return "-- site.toml --\n[affiliate]\n" + affiliateTOML +
			"-- content/posts/x.md --\n---\ntitle: X\nprogram: acme\n---\n{{< disclosure >}}\n\n{{< afflink plan=\"pro\" placement=\"intro\" >}} and [Acme](https://acme.example/m).\n" +
			"-- content/posts/plain.md --\n---\ntitle: Plain\n---\nNo affiliate links.\n" + acmeProgram
	}
	t.Run("data attributes on every affiliate link", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site(""))
		assertFile(t, b, "posts/x/index.html",
			`data-aff-program="acme" data-aff-plan="pro" data-aff-placement="intro" data-aff-subid="x-intro">`,
			`<a href="https://acme.example/m" rel="sponsored nofollow noopener" data-aff-program="acme" data-aff-placement="markdown">Acme</a>`)
		// Nothing is added unless configured.
		for _, name := range b.out.Names() {
			if strings.HasSuffix(name, ".html") && strings.Contains(b.file(t, name), "aff-clicks.js") {
				t.Errorf("%s has the click script without click_events", name)
			}
		}
	})
	for _, tc := range []struct{ tool, event string }{
		{"plausible", "Affiliate Click"}, {"umami", "Affiliate Click"}, {"ga4", "affiliate_click"},
	} {
		t.Run(tc.tool, func(t *testing.T) {
			t.Parallel()
			b := buildSite(t, site(`click_events = "`+tc.tool+"\"\n"))
			script, err := fs.ReadFile(themes.Default(), "static/js/aff-clicks.js")
			if err != nil {
				t.Fatal(err)
			}
			assertFile(t, b, "posts/x/index.html", `<script src="/`+hashedName("js/aff-clicks.js", string(script))+`" data-tool="`+tc.tool+`" data-event="`+tc.event+`" defer></script>`)
			assertFileNot(t, b, "posts/plain/index.html", "aff-clicks.js")
		})
	}
	t.Run("own event name", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("click_events = \"umami\"\nclick_event_name = \"outbound-aff\"\n"))
		assertFile(t, b, "posts/x/index.html", `data-tool="umami" data-event="outbound-aff"`)
	})
	for _, tc := range []struct{ toml, want string }{
		{"click_events = \"matomo\"\n", `[affiliate] click_events must be "plausible", "umami" or "ga4", not "matomo"`},
		{"click_event_name = \"x\"\n", `[affiliate] click_event_name needs click_events = "plausible", "umami" or "ga4"`},
	} {
		if _, err := tryBuild(t, site(tc.toml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}
