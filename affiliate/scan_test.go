package affiliate

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

// testClassify treats hosts ending in ".aff" and paths under /go/ as
// affiliate links.
func testClassify(href string) (string, bool) {
	if rest, ok := strings.CutPrefix(href, "/go/"); ok {
		return strings.TrimSuffix(rest, "/"), true
	}
	if strings.Contains(href, ".aff/") {
		return "x", true
	}
	return "", false
}

func TestScan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		html       string
		hrefs      []string // affiliate anchors, in order
		rels       []string
		disclosure int // offset, or -1
		first      bool
	}{
		{"none", `<p>plain <a href="/about/">about</a></p>`, nil, nil, -1, true},
		{"decoded attributes", `<a href="https://x.aff/?a=1&amp;b=2" rel="sponsored nofollow">x</a>`,
			[]string{"https://x.aff/?a=1&b=2"}, []string{"sponsored nofollow"}, -1, false},
		{"names in any case, values unquoted", `<A HREF=/go/k/ REL=sponsored class="btn aff">k</A>`,
			[]string{"/go/k/"}, []string{"sponsored"}, -1, false},
		{"first of repeated attributes wins", `<a  href = "/go/a/"  href="/go/b/" >`, []string{"/go/a/"}, []string{""}, -1, false},
		{"> inside a quoted value", `<a data-x="1 > 2" href="/go/h/">`, []string{"/go/h/"}, []string{""}, -1, false},
		{"area counts", `<map><area href="/go/m/" rel="sponsored"></map>`, []string{"/go/m/"}, []string{"sponsored"}, -1, false},
		{"disclosure first", `<div class="note aff-disclosure">d</div><a href="/go/k/" rel="sponsored">k</a>`,
			[]string{"/go/k/"}, []string{"sponsored"}, 0, true},
		{"disclosure after", `<p>x</p><a href="/go/k/">k</a><aside class="aff-disclosure">d</aside>`,
			[]string{"/go/k/"}, []string{""}, 30, false},
		{"class word, not substring", `<div class="aff-disclosures">d</div><a href="/go/k/">k</a>`, []string{"/go/k/"}, []string{""}, -1, false},
		{"commented-out link", `<!-- <a href="/go/k/">k</a> --><p>x</p>`, nil, nil, -1, true},
		{"link text in a script", `<script>var s = '<a href="/go/k/">';</script>`, nil, nil, -1, true},
		{"anchor without href", `<a name="top">t</a>`, nil, nil, -1, true},
		{"unterminated tag", `<p>x</p><a href="/go/k/"`, nil, nil, -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := Scan([]byte(tt.html), testClassify, Phrases{})
			var hrefs, rels []string
			for _, a := range f.Anchors {
				hrefs = append(hrefs, a.Href)
				rels = append(rels, a.Rel)
				if !strings.HasPrefix(tt.html[a.Offset:], "<") {
					t.Errorf("anchor offset %d is not at a tag: %q", a.Offset, tt.html[a.Offset:])
				}
			}
			if strings.Join(hrefs, " ") != strings.Join(tt.hrefs, " ") || strings.Join(rels, "|") != strings.Join(tt.rels, "|") {
				t.Errorf("anchors %q rels %q; want %q %q", hrefs, rels, tt.hrefs, tt.rels)
			}
			if first := f.Place(false).Disclosed(); f.Disclosure != tt.disclosure || first != tt.first {
				t.Errorf("disclosure at %d (first %v); want %d (%v)", f.Disclosure, first, tt.disclosure, tt.first)
			}
		})
	}
}

func TestRewriteAnchors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`<a href="/go/k/">k</a>`, `<a href="/go/k/" rel="sponsored nofollow noopener">k</a>`},
		{`<a href="/go/k/" rel="nofollow external">k</a>`, `<a href="/go/k/" rel="nofollow external sponsored noopener">k</a>`},
		{`<a href="/about/">a</a>`, `<a href="/about/">a</a>`},
		{`<p><area href="https://x.aff/"></p>`, `<p><area href="https://x.aff/" rel="sponsored nofollow noopener"></p>`},
		// The first of repeated hrefs counts, as in Scan (and browsers).
		{`<a href="/go/k/" href="/about/">k</a>`, `<a href="/go/k/" rel="sponsored nofollow noopener">k</a>`},
		{`<a href="/about/" href="/go/k/">k</a>`, `<a href="/about/" href="/go/k/">k</a>`},
	}
	for _, tt := range tests {
		var found []string
		got := string(RewriteAnchors([]byte(tt.in), testClassify, func(p, h string) { found = append(found, p) }))
		if got != tt.want {
			t.Errorf("RewriteAnchors(%s) = %s, want %s", tt.in, got, tt.want)
		}
		if (tt.in != tt.want) != (len(found) == 1) {
			t.Errorf("RewriteAnchors(%s) reported %v", tt.in, found)
		}
	}
}

func TestClassifier(t *testing.T) {
	t.Parallel()
	set := programs.NewSet(&programs.Program{ID: "kartra", Name: "Kartra", URL: "https://kartra.com/"})
	c := Classifier{GoPath: "/blog/go/", Programs: set}
	tests := []struct {
		href, want string
		ok         bool
	}{
		{"https://kartra.com/pricing", "kartra", true},
		{"https://KARTRA.com/", "kartra", true},
		{"/blog/go/kartra/gold/", "kartra", true},
		{"/go/kartra/", "", false},
		{"/blog/go/", "", false},
		{"https://www.amazon.com/dp/B0?tag=me-20", AmazonProgram, true},
		{"https://www.amazon.com/dp/B0", "", false},
		{"https://amzn.to/3xYzAbC", AmazonProgram, true},
		{"https://AMZN.eu/d/abc", AmazonProgram, true},
		{"https://a.co/d/abc", AmazonProgram, true},
		{"https://amzn.tools.example/", "", false},
		{"mailto:x@kartra.com", "", false},
		{"https://example.com/", "", false},
		{" https://kartra.com/ ", "kartra", true},
	}
	for _, tt := range tests {
		got, ok := c.Program(tt.href)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Program(%q) = %q, %v; want %q, %v", tt.href, got, ok, tt.want, tt.ok)
		}
	}
	// A program on Amazon's host claims its untagged links (its tracking
	// URL carries the program's own parameter); tagged ones stay Amazon's.
	withAmazon := Classifier{Programs: programs.NewSet(&programs.Program{ID: "amzn", Name: "Amzn", URL: "https://www.amazon.com/"})}
	for href, want := range map[string]string{"https://www.amazon.com/?ref=me": "amzn", "https://www.amazon.com/dp/B0?tag=me-20": AmazonProgram} {
		if got, ok := withAmazon.Program(href); got != want || !ok {
			t.Errorf("with an Amazon program, Program(%q) = %q, %v; want %q", href, got, ok, want)
		}
	}
}

func TestModes(t *testing.T) {
	t.Parallel()
	if m, err := ParseLinkMode(""); m != LinkDirect || err != nil {
		t.Errorf("ParseLinkMode(\"\") = %q, %v", m, err)
	}
	if _, err := ParseLinkMode("cloacked"); err == nil || err.Error() != `link_mode must be "direct" or "cloaked", not "cloacked"` {
		t.Errorf("ParseLinkMode(cloacked) error %v", err)
	}
	if m, err := ParseDisclosureMode("require"); m != DisclosureRequire || err != nil {
		t.Errorf("ParseDisclosureMode(require) = %q, %v", m, err)
	}
	if _, err := ParseDisclosureMode("on"); err == nil {
		t.Error("ParseDisclosureMode(on) accepted")
	}
	if got := MergeRel("nofollow Sponsored", Rel); got != "nofollow Sponsored noopener" {
		t.Errorf("MergeRel = %q", got)
	}
}

// FuzzScan: the scan never panics, its offsets point at tags in order,
// and a rewrite leaves no affiliate anchor without rel="sponsored".
func FuzzScan(f *testing.F) {
	fuzzPhrases, err := NewPhrases(DefaultDisclosurePhrases())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{`<a href="/go/k/">k</a>`, `<div class="aff-disclosure"></div><area href=/go/x/>`, `<a href='x.aff/'`, `<!--<a href=/go/k/>-->`,
		`<p><em>This post contains affiliate links.</em></p><a href="/go/k/">k</a>`, `<p>We <a href="/go/k/">earn</a> from qualifying purchases<div hidden>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		found := Scan([]byte(s), testClassify, fuzzPhrases)
		if off := found.Statement.Offset; off < -1 || off >= len(s) || (off >= 0) != (found.Statement.Text != "") {
			t.Fatalf("bad statement %+v in %q", found.Statement, s)
		}
		last := -1
		for _, a := range found.Anchors {
			if a.Offset <= last || a.Offset >= len(s) || s[a.Offset] != '<' {
				t.Fatalf("bad offset %d in %q", a.Offset, s)
			}
			last = a.Offset
		}
		out := RewriteAnchors([]byte(s), testClassify, func(string, string) {})
		for _, a := range Scan(out, testClassify, Phrases{}).Anchors {
			if !IsSponsored(a.Rel) {
				t.Fatalf("rewritten %q still has %q without sponsored", out, a.Href)
			}
		}
	})
}
