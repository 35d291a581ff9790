package generator

import "testing"

// TestTagAttrs holds the start-tag reader to the HTML tokenizer's view.
func TestTagAttrs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ tag, href, rel, class string }{
		{`<a href="https://x.example/?a=1&amp;b=2" rel="sponsored nofollow">`, "https://x.example/?a=1&b=2", "sponsored nofollow", ""},
		{`<a HREF='/go/x/' REL=sponsored class="btn aff">`, "/go/x/", "sponsored", "btn aff"},
		{`<a href=/p/ rel=nofollow>`, "/p/", "nofollow", ""},
		{`<a  href = "a"  href="b" >`, "a", "", ""},
		{`<a data-x="1 > 2" href="h">`, "h", "", ""},
		{`<div class="aff-disclosure" role="note">`, "", "", "aff-disclosure"},
		{`<a href>`, "", "", ""},
		{`<a/href="x">`, "x", "", ""},
	} {
		tag := []byte(tc.tag)
		if end := tagEnd(tag, 0); end > 0 {
			tag = tag[:end]
		}
		href, rel, class := tagAttrs(tag)
		if href != tc.href || rel != tc.rel || class != tc.class {
			t.Errorf("tagAttrs(%s) = %q, %q, %q; want %q, %q, %q", tc.tag, href, rel, class, tc.href, tc.rel, tc.class)
		}
	}
}
