package tmplwalk

import (
	"slices"
	"testing"
	"text/template"
)

func tree(t *testing.T, text string) *template.Template {
	t.Helper()
	funcs := template.FuncMap{"partial": func(string, any) string { return "" }, "now": func() int { return 0 }}
	tt, err := template.New("t").Funcs(funcs).Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return tt
}

// TestIdents: every field chain (a chain's fields before the value they
// follow), function and partial call, comments and strings left out.
func TestIdents(t *testing.T) {
	t.Parallel()
	var got, partials []string
	tt := tree(t, `{{/* .Hidden */}}{{ ".NotAField" }}{{ .A.B }}{{ $x := .C }}{{ $x.D }}{{ (now).E }}{{ partial "p" . }}{{ partial (print "q") . }}{{ range .F }}{{ else }}{{ .G }}{{ end }}`)
	Idents(tt.Tree.Root, func(id, prev string, fn bool) {
		if fn {
			id = "fn:" + id
		}
		got = append(got, prev+">"+id)
	}, func(name string) { partials = append(partials, name) })
	want := []string{">A", "A>B", ">C", ">D", ">E", ">fn:now", ">fn:partial", ">fn:partial", ">fn:print", ">F", ">G"}
	if !slices.Equal(got, want) {
		t.Errorf("idents = %v, want %v", got, want)
	}
	if !slices.Equal(partials, []string{"p", ""}) {
		t.Errorf("partials = %q, want [p \"\"]", partials)
	}
}

// TestReaches: a chain counts on another value than the template's own
// dot: in a range's or with's body, on a variable but $, on a
// parenthesized value, or anywhere when the dot may be one.
func TestReaches(t *testing.T) {
	t.Parallel()
	link := func(ids []string) bool { return len(ids) > 0 && ids[0] == "L" }
	tests := []struct {
		text        string
		own, others bool // on the template's own dot; on a dot that may be another
	}{
		{`{{ .L }}{{ $.L }}{{ .M.L }}`, false, true},
		{`{{ range .M }}{{ .L }}{{ end }}`, true, true},
		{`{{ range .M }}{{ else }}{{ .L }}{{ end }}`, false, true},
		{`{{ with .M }}{{ $.L }}{{ end }}`, false, true},
		{`{{ if .M }}{{ .L }}{{ end }}`, false, true},
		{`{{ $x := .M }}{{ $x.L }}`, true, true},
		{`{{ (.M).L }}`, true, true},
		{`{{ range .M }}{{ .N }}{{ end }}`, false, false},
	}
	for _, tt := range tests {
		root := tree(t, tt.text).Tree.Root
		if got := Reaches(root, false, link); got != tt.own {
			t.Errorf("Reaches(%s, own dot) = %v, want %v", tt.text, got, tt.own)
		}
		if got := Reaches(root, true, link); got != tt.others {
			t.Errorf("Reaches(%s, another dot) = %v, want %v", tt.text, got, tt.others)
		}
	}
}

func TestPartialCalls(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text        string
		own, others bool // whether a call gives another value, on the template's own dot; on a dot that may be another
	}{
		{`{{ partial "p" . }}`, false, true},
		{`{{ partial "p" $ }}`, false, true},
		{`{{ range .M }}{{ partial "p" . }}{{ end }}`, true, true},
		{`{{ range .M }}{{ partial "p" $ }}{{ end }}`, false, true},
		{`{{ with .M }}{{ partial "p" . }}{{ end }}`, true, true},
		{`{{ partial "p" .M }}`, true, true},
		{`{{ partial "p" (printf "%v" .) }}`, true, true},
		{`{{ . | partial "p" }}`, true, true},
	}
	for _, tt := range tests {
		root := tree(t, tt.text).Tree.Root
		for _, c := range []struct {
			other, want bool
		}{{false, tt.own}, {true, tt.others}} {
			got := false
			PartialCalls(root, c.other, func(name string, o bool) {
				if name != "p" {
					t.Errorf("%s: partial %q, want p", tt.text, name)
				}
				got = got || o
			})
			if got != c.want {
				t.Errorf("PartialCalls(%s, other %v) gives another value: %v, want %v", tt.text, c.other, got, c.want)
			}
		}
	}
}
