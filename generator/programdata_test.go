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
