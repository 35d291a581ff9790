package shortcodes

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

func TestTrackingURL(t *testing.T) {
	t.Parallel()
	gold := &programs.Plan{ID: "gold", Name: "Gold", SignupURL: "https://x.example/gold?plan=3"}
	tests := []struct {
		name  string
		p     programs.Program
		plan  *programs.Plan
		cfg   AffiliateConfig
		subID string
		want  string
	}{
		{"program ref id", programs.Program{URL: "https://x.example/", RefParam: "aff", RefID: "me"}, nil, AffiliateConfig{RefID: "site"}, "",
			"https://x.example/?aff=me"},
		{"site ref id and default param", programs.Program{URL: "https://x.example/"}, nil, AffiliateConfig{RefID: "site"}, "s-1",
			"https://x.example/?ref=site&subid=s-1"},
		{"no ref id", programs.Program{URL: "https://x.example/", RefParam: "ref"}, nil, AffiliateConfig{}, "s-1",
			"https://x.example/?subid=s-1"},
		{"nothing to add", programs.Program{URL: "https://x.example/a?b=c"}, nil, AffiliateConfig{}, "",
			"https://x.example/a?b=c"},
		{"signup url wins", programs.Program{URL: "https://x.example/", SignupURL: "https://x.example/join"}, nil, AffiliateConfig{}, "s",
			"https://x.example/join?subid=s"},
		{"plan signup url, existing query kept", programs.Program{URL: "https://x.example/", SignupURL: "https://x.example/join", RefID: "me"}, gold, AffiliateConfig{}, "s",
			"https://x.example/gold?plan=3&ref=me&subid=s"},
		{"plan without signup url", programs.Program{URL: "https://x.example/"}, &programs.Plan{ID: "a"}, AffiliateConfig{}, "s",
			"https://x.example/?subid=s"},
		{"utm order", programs.Program{URL: "https://x.example/?z=1&a=2#top", RefID: "me"}, nil,
			AffiliateConfig{UTMCampaign: "fall", UTMSource: "blog", UTMMedium: "review"}, "s",
			"https://x.example/?z=1&a=2&ref=me&subid=s&utm_source=blog&utm_medium=review&utm_campaign=fall#top"},
		{"existing same param replaced", programs.Program{URL: "https://x.example/?ref=old&x=1", RefID: "new"}, nil, AffiliateConfig{}, "",
			"https://x.example/?x=1&ref=new"},
		{"escaped values", programs.Program{URL: "https://x.example/", RefID: "a b&c"}, nil, AffiliateConfig{}, "p/1",
			"https://x.example/?ref=a+b%26c&subid=p%2F1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := TrackingURL(&tt.p, tt.plan, tt.cfg, tt.subID); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestCloakedPath(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, program, plan, want string }{
		{"/", "kartra", "", "/go/kartra/"},
		{"", "kartra", "gold", "/go/kartra/gold/"},
		{"/blog/", "kartra", "gold", "/blog/go/kartra/gold/"},
		{"blog", "kartra", "", "/blog/go/kartra/"},
	}
	for _, tt := range tests {
		if got := CloakedPath(tt.base, tt.program, tt.plan); got != tt.want {
			t.Errorf("CloakedPath(%q, %q, %q) = %q, want %q", tt.base, tt.program, tt.plan, got, tt.want)
		}
	}
}

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
	st.Config.LinkMode, st.Config.BasePath = LinkCloaked, "/"
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

func TestAffiliateLinkCounts(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(testPrograms(t))
	doc, err := Parse([]byte(`{{< disclosure >}}{{< plans program="kartra" >}}{{< afflink program="kartra" >}}`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Expand([]byte(`{{< disclosure >}}{{< plans program="kartra" >}}{{< afflink program="kartra" >}}`), doc,
		&Env{Registry: Builtins(), Templates: ts, State: st})
	if err != nil {
		t.Fatal(err)
	}
	var links []int
	var disclosure []bool
	for _, inv := range res.Shortcodes() {
		links = append(links, inv.AffiliateLinks)
		disclosure = append(disclosure, inv.Disclosure)
	}
	if links[0] != 0 || links[1] != 4 || links[2] != 1 || !disclosure[0] || disclosure[1] {
		t.Errorf("AffiliateLinks %v, Disclosure %v", links, disclosure)
	}
}
