package generator

import (
	"fmt"
	"testing"
)

// BenchmarkWriteManifest writes affiliate-links.json of 20,000 pages
// with five links each.
func BenchmarkWriteManifest(b *testing.B) {
	sv := &siteValue{}
	for i := range 20000 {
		s := &source{page: &Page{RelPermalink: fmt.Sprintf("/posts/post-%d/", i)}, file: fmt.Sprintf("content/posts/post-%d.md", i)}
		var links []ManifestLink
		for j := range 5 {
			links = append(links, ManifestLink{
				Page: s.page.RelPermalink, File: s.file, Line: 10 + j,
				Program: "acme", Placement: "body", SubID: fmt.Sprintf("post-%d-%d", i, j),
				URL: fmt.Sprintf("https://acme.example/?ref=site&sub=post-%d-%d", i, j), Source: "shortcode",
			})
		}
		s.result.links = packLinks(links)
		sv.srcs = append(sv.srcs, s)
	}
	b.ReportAllocs()
	for b.Loop() {
		bl := newBuild(&siteEnv{}, sv, NewMemOutput())
		if err := bl.writeManifest(); err != nil {
			b.Fatal(err)
		}
	}
}
