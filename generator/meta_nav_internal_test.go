package generator

import (
	"html/template"
	"strings"
	"testing"

	"github.com/affsite/affsite/siteconfig"
)

// navTemplate is the default theme's nav-item template before navItem:
// the function must write the same bytes.
const navTemplate = `{{ define "nav-item" -}}
<a href="{{ .URL | relURL }}"{{ with .Current }} aria-current="{{ . }}"{{ end }}{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Pre }}{{ .Name }}{{ .Post }}</a>
{{- with .Children }}
<ul>
  {{- range . }}
  <li>{{ template "nav-item" . }}</li>
  {{- end }}
</ul>
{{- end }}
{{- end -}}
{{ template "nav-item" . }}`

// TestNavItemMatchesTemplate runs navItem and the template it replaced
// on menu entries with hostile text, nested two levels.
func TestNavItemMatchesTemplate(t *testing.T) {
	b := &builder{siteEnv: &siteEnv{cfg: &siteconfig.Config{BaseURL: "https://example.org/blog/"}, basePath: "/blog/"}}
	tmpl := template.Must(template.New("nav").Funcs(b.templateFuncs()).Parse(navTemplate))
	leaf := MenuItem{Name: "Leaf " + hostile, URL: "/blog/x y/?q=" + hostile, Title: "T " + hostile}
	for name, m := range map[string]MenuItem{
		"plain":            {Name: "Posts", URL: "/posts/"},
		"current":          {Name: "Home", URL: "/", Current: "page"},
		"hostile":          {Name: hostile, URL: hostile, Current: "true", Title: hostile, Pre: "<i>pre</i>", Post: template.HTML("<b>" + hostile + "</b>")},
		"unsafe URL":       {Name: "x", URL: "javascript:alert(1)"},
		"full URL":         {Name: "x", URL: "https://other.example/a b"},
		"nested, children": {Name: "Reviews", URL: "/reviews/", Children: []MenuItem{leaf, {Name: "Sub", URL: "/sub/", Current: "page", Children: []MenuItem{leaf}}}},
	} {
		t.Run(name, func(t *testing.T) {
			sameAsFormer(t, "navItem", tmpl, m, func() (template.HTML, error) { return b.navItem(m) })
		})
	}
	if _, err := b.navItem("x"); err == nil || !strings.Contains(err.Error(), "want a menu entry") {
		t.Errorf("navItem(string): err = %v", err)
	}
}
