package generator_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// autoLinkSite has two phrases: "Acme" (first mention on a page) and
// "Acme Pro" (a plan, first two mentions). Before the mentions that count,
// the page mentions Acme everywhere a link must never go.
const autoLinkSite = `-- site.toml --
baseURL = "https://example.org/"
[affiliate]
[[affiliate.auto_links]]
phrase = "Acme"
program = "acme"
[[affiliate.auto_links]]
phrase = "Acme Pro"
program = "acme"
plan = "pro"
max = 2
-- content/posts/x.md --
---
title: X
---
## Why Acme

Code: ` + "`Acme`" + `, a link: [Acme](https://other.example/), raw:
<a href="/about/">Acme</a>, an image: ![Acme logo](/a.png), a shortcode:
{{< afflink program="acme" placement="inline" >}}Acme{{< /afflink >}}, and
Acmes or SuperAcme are other words.

` + "```\nAcme in code\n```" + `

Then acme for real, Acme again, and ACME PRO twice: Acme Pro.

A third Acme Pro stays text.
-- content/posts/off.md --
---
title: Off
autolink: false
---
Acme is not linked here.
` + acmeProgram

func TestAutoLinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, autoLinkSite)
	page := b.file(t, "posts/x/index.html")
	m := regexp.MustCompile(`(?s)<h2.*A third Acme Pro stays text.</p>`).FindString(page)
	if m == "" {
		t.Fatalf("no article body in:\n%s", page)
	}
	golden := filepath.Join("testdata", "autolink.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(m+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil || string(want) != m+"\n" {
		t.Errorf("body differs from %s (%v):\n%s", golden, err, m)
	}
	// The page has affiliate links, so the disclosure comes first.
	assertOrder(t, b, "posts/x/index.html", `class="aff-disclosure"`, `>acme</a>`)
	assertFileNot(t, b, "posts/off/index.html", "subid=off-auto")

	var manifest []struct {
		Page, Program, Plan, Placement, SubID, Source string
		Line                                          int
	}
	if err := json.Unmarshal([]byte(b.file(t, "affiliate-links.json")), &manifest); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range manifest {
		if l.Source == "auto" {
			got = append(got, strings.Join([]string{l.Program, l.Plan, l.Placement, l.SubID}, " ")+" line "+itoa(l.Line))
		}
	}
	want := []string{
		"acme  auto x-auto line 15",
		"acme pro auto x-auto-2 line 15",
		"acme pro auto x-auto-3 line 15",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("manifest auto links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Test that a phrase with a non-ASCII edge still matches.
func TestAutoLinkNonASCII(t *testing.T) {
	t.Parallel()
	b := buildSite(t, "-- site.toml --\n[affiliate]\n[[affiliate.auto_links]]\nphrase = \"Acme Café\"\nprogram = \"acme\"\n"+
		"-- content/x.md --\n---\ntitle: X\n---\nAt the acme café, today.\n"+acmeProgram)
	assertFile(t, b, "x/index.html", `data-aff-placement="auto" data-aff-subid="x-auto">acme café</a>, today.`)
}

func TestAutoLinkErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ toml, want string }{
		{"[[affiliate.auto_links]]\nphrase = \"Acme\"\nprogram = \"acmee\"\n", `site.toml: [[affiliate.auto_links]] 1 ("Acme"): unknown program "acmee"; did you mean "acme"?`},
		{"[[affiliate.auto_links]]\nphrase = \"Acme\"\nprogram = \"acme\"\nplan = \"gold\"\n", `site.toml: [[affiliate.auto_links]] 1 ("Acme"): unknown plan "gold" of program "acme" (plans: basic, pro)`},
		{"[[affiliate.auto_links]]\nphrase = \"Acme\"\n", `[[affiliate.auto_links]] 1 ("Acme"): give program = "id" or link = "id" (of data/links)`},
		{"[[affiliate.auto_links]]\nphrase = \" \"\nprogram = \"acme\"\n", `[[affiliate.auto_links]] 1: phrase is empty`},
		{"[[affiliate.auto_links]]\nphrase = \"Acme\"\nprogram = \"acme\"\n[[affiliate.auto_links]]\nphrase = \"acme\"\nprogram = \"acme\"\n", `[[affiliate.auto_links]] 2: phrase "acme" is also entry 1`},
	} {
		_, err := tryBuild(t, "-- site.toml --\n[affiliate]\n"+tc.toml+"-- content/x.md --\n---\ntitle: X\n---\nAcme.\n"+acmeProgram)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
