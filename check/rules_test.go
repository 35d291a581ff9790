package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestRules covers the rules beyond disclosures and rel="sponsored":
// noopener on new-tab links, noindex on /go/ pages, Amazon's sentence
// and its ban on cloaking.
func TestRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		edit  func(files map[string]string)
		want  []string // substrings of the findings, in order
		clean bool
	}{
		{
			name: "new tab without noopener",
			edit: func(f map[string]string) {
				f["content/posts/tab.md"] = "---\ntitle: Tab\ndescription: d\n---\nSee <a href=\"https://other.test/\" target=\"_blank\">this</a>.\n"
			},
			want: []string{`content/posts/tab.md:5: warning: link https://other.test/ opens a new tab without rel="noopener"`},
		},
		{
			name: "new tab with noopener",
			edit: func(f map[string]string) {
				f["content/posts/tab.md"] = "---\ntitle: Tab\ndescription: d\n---\nSee <a href=\"https://other.test/\" target=\"_blank\" rel=\"noopener\">this</a>.\n"
			},
			clean: true,
		},
		{
			name: "a page under /go/ that is not a redirect",
			edit: func(f map[string]string) {
				f["content/fake.md"] = "---\ntitle: Fake\ndescription: d\nurl: /go/fake/\n---\nText.\n"
			},
			want: []string{`public/go/fake/index.html:1: error: affiliate redirect page is not noindex`},
		},
		{
			name: "cloaked links are clean",
			edit: func(f map[string]string) {
				f["site.toml"] = strings.Replace(f["site.toml"], "[affiliate]", "[affiliate]\nlink_mode = \"cloaked\"", 1)
			},
			clean: true,
		},
		{
			name: "Amazon link without the Associates sentence",
			edit: func(f map[string]string) {
				f["content/posts/amz.md"] = "---\ntitle: Amz\ndescription: d\n---\n{{< disclosure >}}\n\nBuy [the book](https://www.amazon.com/dp/B0X?tag=me-20).\n"
			},
			want: []string{`content/posts/amz.md:7: error: page links to Amazon with an affiliate tag but does not say "As an Amazon Associate I earn from qualifying purchases."`},
		},
		{
			name: "Amazon link with the sentence",
			edit: func(f map[string]string) {
				f["content/posts/amz.md"] = "---\ntitle: Amz\ndescription: d\n---\n{{< disclosure >}}\n\nAs an Amazon Associate I earn from qualifying purchases.\n\nBuy [the book](https://www.amazon.com/dp/B0X?tag=me-20).\n"
			},
			clean: true,
		},
		{
			name: "cloaked Amazon program",
			edit: func(f map[string]string) {
				f["site.toml"] = strings.Replace(f["site.toml"], "[affiliate]", "[affiliate]\nlink_mode = \"cloaked\"", 1)
				f["data/programs/amzn.yaml"] = program("https://www.amazon.com/", "2027-05-01")
				f["content/posts/amz.md"] = "---\ntitle: Amz\ndescription: d\nprogram: amzn\n---\n{{< disclosure >}}\n\nAs an Amazon Associate I earn from qualifying purchases. {{< afflink >}}\n"
			},
			// The build links Amazon directly even in cloaked mode.
			clean: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files := baseSite("auto")
			tc.edit(files)
			res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
			got := strings.Join(lines(res), "\n")
			if tc.clean {
				if len(res.Findings) > 0 {
					t.Errorf("want no findings, got\n%s", got)
				}
				return
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("findings lack %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestDisallows(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		robots, dir string
		want        bool
	}{
		{"User-agent: *\nDisallow: /go/\n", "/go/", true},
		{"User-agent: *\ndisallow:/\n", "/go/", true},
		{"User-agent: *\nDisallow: /blog/go/\n", "/go/", false},
		{"User-agent: *\nDisallow:\n", "/go/", false},
		{"User-agent: *\nAllow: /go/\n", "/go/", false},
	} {
		if got := disallows(tc.robots, tc.dir); got != tc.want {
			t.Errorf("disallows(%q, %q) = %v, want %v", tc.robots, tc.dir, got, tc.want)
		}
	}
}
