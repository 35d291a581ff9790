package generator

import (
	"reflect"
	"testing"
)

// TestPackedLinks packs a page's links and unpacks them as links of the
// page, sharing the repeated values; a cut or extended encoding is not
// valid.
func TestPackedLinks(t *testing.T) {
	t.Parallel()
	links := []ManifestLink{
		{Page: "/a/", File: "content/a.md", Line: 3, Program: "acme", Placement: "hero", SubID: "a-1", URL: "https://acme.example/?s=a-1", Source: "shortcode"},
		{Page: "/a/", File: "content/a.md", Line: 9, Program: "acme", Plan: "pro", URL: "https://acme.example/pro", Source: "markdown"},
	}
	p := packLinks(links)
	if got := p.len(); got != 2 {
		t.Errorf("len = %d, want 2", got)
	}
	if !p.valid() {
		t.Fatal("packLinks' encoding is not valid")
	}
	seen := map[string]string{}
	got := p.unpack(nil, "/a/", "content/a.md", seen)
	if !reflect.DeepEqual(got, links) {
		t.Errorf("unpack:\n got %+v\nwant %+v", got, links)
	}
	if len(seen) != 6 { // acme, hero, pro, shortcode, markdown and ""
		t.Errorf("seen holds %d values, want 6: %v", len(seen), seen)
	}
	if packLinks(nil) != nil || packedLinks(nil).len() != 0 || !packedLinks(nil).valid() || packedLinks(nil).unpack(nil, "", "", seen) != nil {
		t.Error("no links should pack to nil, and nil unpack to none")
	}
	for i := 1; i < len(p); i++ {
		if p[:i].valid() {
			t.Errorf("%d of %d bytes are valid", i, len(p))
		}
	}
	if append(p[:len(p):len(p)], 0).valid() {
		t.Error("a byte left over is valid")
	}
}
