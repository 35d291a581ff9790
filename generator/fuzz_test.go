package generator

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/frontmatter"
)

// FuzzFrontMatter feeds content files through frontmatter.Parse and
// decodeMeta: neither may panic, an error must read "file:line: …", and
// the body must be a suffix of the input.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2026-01-02\ntags: [a, b]\n---\nbody\n",
		"+++\ntitle = \"A\"\nlastmod = 2026-01-02T10:00:00Z\ndraft = true\n+++\nbody\n",
		"{\n\"title\": \"A\",\n\"weight\": 3\n}\nbody\n",
		"\xef\xbb\xbf---\ntitle: BOM\n---\n",
		"---\ntitle: [unclosed\n---\n",
		"---\ntitle: A\n",
		"---\n\ttitle: tab\n---\n",
		"---\na: &x [*x]\n---\n",
		"---\nweight: 1.5\ndraft: yes\naliases: {a: 1}\n---\n",
		"+++\n[a\n+++\n",
		"{\"title\": }",
		"no front matter at all\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fm, err := frontmatter.Parse("content/x.md", []byte(src))
		body, lines := fm.Body, fm.Lines
		if err != nil {
			if !strings.HasPrefix(err.Error(), "content/x.md:") {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		if !strings.HasSuffix(src, string(body)) {
			t.Fatalf("body %q is not a suffix of the input", body)
		}
		if lines < 0 || lines > strings.Count(src, "\n") {
			t.Fatalf("%d lines before the body of a %d-line file", lines, strings.Count(src, "\n"))
		}
		if _, err := decodeMeta("content/x.md", fm.Keys, nil); err != nil && !strings.HasPrefix(err.Error(), "content/x.md:") {
			t.Fatalf("error without the file: %v", err)
		}
	})
}
