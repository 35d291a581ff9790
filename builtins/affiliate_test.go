package builtins

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/shortcodes"
)

// Every link on a page gets its own sub-id, even when placements repeat.
func TestSubIDsUnique(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(testPrograms(t))
	src := `{{< afflink program="kartra" >}} {{< afflink program="kartra" placement="x" >}}
{{< afflink program="kartra" placement="x" >}} {{< cta program="kartra" placement="x" >}}
{{< afflink program="kartra" placement="2" >}} {{< afflink program="kartra" >}}
{{< plans program="kartra" >}}
{{< plans program="kartra" >}}
{{< verdict program="kartra" rating="4" >}}`
	if _, err := expandPage(t, ts, st, src); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"kartra-review-1", "kartra-review-x", "kartra-review-x-2", "kartra-review-x-3",
		"kartra-review-2", "kartra-review-6",
		"kartra-review-plans-starter", "kartra-review-plans-silver", "kartra-review-plans-gold", "kartra-review-plans-platinum",
		"kartra-review-plans-starter-2", "kartra-review-plans-silver-2", "kartra-review-plans-gold-2", "kartra-review-plans-platinum-2",
		"kartra-review-verdict",
	}
	var got []string
	for _, l := range st.Links {
		got = append(got, l.SubID)
		if !strings.Contains(l.URL, "subid="+l.SubID+"&") {
			t.Errorf("link %s: URL %s lacks its sub-id", l.SubID, l.URL)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sub-ids\n got %v\nwant %v", got, want)
	}
	if !st.Used["kartra"] || len(st.Used) != 1 {
		t.Errorf("Used = %v", st.Used)
	}
}

func TestCloakedHrefs(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(testPrograms(t))
	st.Config.LinkMode, st.Config.BasePath = affiliate.LinkCloaked, "/"
	out, err := expandPage(t, ts, st, `{{< afflink program="kartra" >}} {{< cta program="kartra" plan="gold" >}} {{< plans program="kartra" >}}`)
	if err != nil {
		t.Fatal(err)
	}
	for _, href := range []string{
		`href="/go/kartra/?subid=kartra-review-1"`,
		`href="/go/kartra/gold/?subid=kartra-review-cta"`,
		`href="/go/kartra/starter/?subid=kartra-review-plans-starter"`,
		`href="/go/kartra/platinum/?subid=kartra-review-plans-platinum"`,
	} {
		if !strings.Contains(out, href) {
			t.Errorf("no %s in\n%s", href, out)
		}
	}
	if strings.Contains(out, "https://kartra.com") {
		t.Errorf("cloaked output names the vendor:\n%s", out)
	}
	for _, l := range st.Links {
		if !strings.HasPrefix(l.URL, "https://kartra.com/affiliates?ref=") {
			t.Errorf("Link.URL = %s, want the tracking URL", l.URL)
		}
	}
}

func TestAffiliateLinksRecorded(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(testPrograms(t))
	doc, err := shortcodes.Parse([]byte(`{{< disclosure >}}{{< plans program="kartra" >}}{{< afflink program="kartra" >}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shortcodes.Expand([]byte(`{{< disclosure >}}{{< plans program="kartra" >}}{{< afflink program="kartra" >}}`), doc,
		&shortcodes.Env{Registry: Registry(st), Templates: ts}); err != nil {
		t.Fatal(err)
	}
	// plans makes a link per plan (four), afflink one; disclosure none.
	var got []string
	for _, l := range st.Links {
		got = append(got, l.Plan)
	}
	if strings.Join(got, ",") != "starter,silver,gold,platinum," {
		t.Errorf("links recorded for plans %q, want the four plans then the program", got)
	}
}
