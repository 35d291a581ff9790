package generator_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// Two pages with the same slug in different sections give different
// sub-ids, the same in every build; a page whose slug is its own keeps
// the short form.
func TestSubIDsUniqueAcrossSite(t *testing.T) {
	t.Parallel()
	site := `
-- content/posts/dup.md --
---
title: Dup post
program: acme
---
{{< disclosure >}} {{< afflink placement="intro" >}}
-- content/reviews/dup.md --
---
title: Dup review
program: acme
---
{{< disclosure >}} {{< afflink placement="intro" >}}
-- content/posts/solo.md --
---
title: Solo
program: acme
---
{{< disclosure >}} {{< afflink placement="intro" >}}
` + acmeProgram
	subIDs := func() map[string]string {
		b := buildSite(t, site)
		var got []struct{ Page, SubID string }
		if err := json.Unmarshal([]byte(b.file(t, "affiliate-links.json")), &got); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, l := range got {
			out[l.Page] = l.SubID
		}
		assertFile(t, b, "posts/dup/index.html", `href="https://acme.example/?subid=posts-dup-intro"`)
		assertFile(t, b, "reviews/dup/index.html", `href="https://acme.example/?subid=reviews-dup-intro"`)
		return out
	}
	first := subIDs()
	want := map[string]string{"/posts/dup/": "posts-dup-intro", "/reviews/dup/": "reviews-dup-intro", "/posts/solo/": "solo-intro"}
	for page, id := range want {
		if first[page] != id {
			t.Errorf("%s: sub-id %q, want %q (all: %v)", page, first[page], id, first)
		}
	}
	if again := subIDs(); strings.Join(mapLines(again), "\n") != strings.Join(mapLines(first), "\n") {
		t.Errorf("second build's sub-ids %v differ from the first's %v", again, first)
	}
}

func mapLines(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// An Amazon product is linked directly even on a cloaked site, with its
// tag and its own sub-id parameter, and gets no redirect page; a
// network program's link template builds its deep link; a hand-written
// amzn.to link is an affiliate link (rel, manifest).
func TestAmazonAndNetworkLinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
[affiliate]
link_mode = "cloaked"
-- content/posts/x.md --
---
title: X
---
{{< disclosure >}} As an Amazon Associate I earn from qualifying purchases.
{{< afflink program="scale" placement="top" >}} {{< afflink program="host" placement="top" >}}
A short link: [scale](https://amzn.to/3demo00).
-- data/programs/scale.yaml --
name: Demo Scale
url: https://www.amazon.com/dp/B0DEMO0000
ref_param: tag
ref_id: fieldnotes-demo-20
subid_param: ascsubtag
commission: 4.5%
plans:
  - {name: Scale, price: 39.99}
-- data/programs/host.yaml --
name: Demo Host
url: https://host.example/plans
ref_id: "424242"
link_template: "https://www.shareasale.com/r.cfm?b=1&u={ref}&m=4242&afftrack={subid}&urllink={url}"
commission: "$65"
plans:
  - {name: Shared, monthly: 2.99}
`)
	assertFile(t, b, "posts/x/index.html",
		`href="https://www.amazon.com/dp/B0DEMO0000?tag=fieldnotes-demo-20&amp;ascsubtag=x-top"`,
		`href="/go/host/?subid=x-top-2"`,
		`href="https://amzn.to/3demo00"`)
	assertNoFile(t, b, "go/scale/index.html")
	assertFile(t, b, "go/host/index.html", "https://www.shareasale.com/r.cfm?b=1&amp;u=424242&amp;m=4242&amp;afftrack=&amp;urllink=https%3A%2F%2Fhost.example%2Fplans")
	var links []struct{ Program, URL, SubID string }
	if err := json.Unmarshal([]byte(b.file(t, "affiliate-links.json")), &links); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		got = append(got, l.Program+" "+l.URL)
	}
	want := []string{
		"scale https://www.amazon.com/dp/B0DEMO0000?tag=fieldnotes-demo-20&ascsubtag=x-top",
		"host https://www.shareasale.com/r.cfm?b=1&u=424242&m=4242&afftrack=x-top-2&urllink=https%3A%2F%2Fhost.example%2Fplans",
		"amazon https://amzn.to/3demo00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("manifest\n got %q\nwant %q", got, want)
	}
	html := b.file(t, "posts/x/index.html")
	i := strings.Index(html, `href="https://amzn.to/3demo00"`)
	if i < 0 || !strings.Contains(html[i:i+200], "sponsored") {
		t.Errorf("amzn.to link without rel=sponsored: %s", html[max(i, 0):max(i, 0)+200])
	}
}
