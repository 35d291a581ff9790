package generator_test

import (
	"strings"
	"testing"
)

// TestProgramTemplateFunc: a site's own shortcode shows a program's
// computed figures through the program function, without arithmetic.
func TestProgramTemplateFunc(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "T"
baseURL = "https://example.org/"
-- data/programs/acme.yaml --
name: "Acme"
url: "https://acme.test/"
ref_id: "acme-demo-7"
commission: 40%
plans:
  - {name: Silver, monthly: 199, annual: 1788}
-- layouts/shortcodes/mine.html --
{{ with program "acme" }}{{ .Name }} pays {{ .Fact "rate" }}.{{ range .Plans }} {{ .Name }}: {{ .Monthly }} ({{ .Monthly.Minor }} cents, {{ .Monthly.Plain }}), earns {{ index .Commission "annual" }} a year.{{ end }} {{ index .Facts "plans.silver.commission.monthly" }}{{ end }}
-- content/posts/a.md --
---
title: A
---
{{< mine >}}
`)
	assertFile(t, b, "posts/a/index.html", "Acme pays 40%. Silver: $199.00 (19900 cents, 199.00), earns $715.20 a year. $79.60")
	_, err := tryBuild(t, strings.Replace(`
-- site.toml --
title = "T"
-- data/programs/acme.yaml --
name: "Acme"
url: "https://acme.test/"
commission: 40%
plans:
  - {name: Silver, monthly: 199}
-- layouts/shortcodes/mine.html --
{{ (program "acm").Name }}
-- content/posts/a.md --
---
title: A
---
{{< mine >}}
`, "\n-- site", "-- site", 1))
	if err == nil || !strings.Contains(err.Error(), `did you mean "acme"`) {
		t.Errorf("unknown program: err = %v", err)
	}
}

// TestProgramDataInTemplates: .Site.Data.programs.<id> is the data file as
// written (as Hugo reads data/ folders), and a page's .ProgramView is
// its program's computed view, in a layout as in a list of pages.
func TestProgramDataInTemplates(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "T"
baseURL = "https://example.org/"
-- data/programs/acme.yaml --
name: "Acme"
url: "https://acme.test/"
ref_id: "acme-demo-7"
commission: 40%
plans:
  - {name: Silver, monthly: 199}
-- data/extra/deep/x.toml --
k = "v"
-- layouts/_default/single.html --
raw={{ .Site.Data.programs.acme.name }} {{ .Site.Data.programs.acme.commission }} {{ (index .Site.Data.programs.acme.plans 0).monthly }} deep={{ .Site.Data.extra.deep.x.k }}
{{ with .ProgramView }}view={{ .Name }} pays {{ .Fact "rate" }}, {{ (index .Plans 0).Monthly }}{{ else }}no program{{ end }}
{{ range .Site.RegularPages }}[{{ .Title }}: {{ with .ProgramView }}{{ .Fact "rate" }}{{ else }}-{{ end }}]{{ end }}
-- content/posts/a.md --
---
title: A
program: acme
---
Text.
-- content/posts/b.md --
---
title: B
---
Text.
`)
	assertFile(t, b, "posts/a/index.html", "raw=Acme 40% 199 deep=v", "view=Acme pays 40%, $199.00", "[A: 40%]", "[B: -]")
	assertFile(t, b, "posts/b/index.html", "no program")
}
