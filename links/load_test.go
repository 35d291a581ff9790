package links

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/affsite/affsite/programs"
)

func TestLoad(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"data/links/a.yaml": {Data: []byte(`links:
  - id: kartra-home
    destination: https://kartra.com/?aff=me
    program: kartra
    cloaked: /recommends/kartra
    status: 301
    categories: [email, funnels]
    expires: 2026-01-01
    fallback: https://kartra.com/
    notes: imported
  - id: tool
    destination: https://tool.example/deal
`)},
		"data/links/b.toml": {Data: []byte(`[[links]]
id = "book"
destination = "https://books.example/p/1"
status = 307
`)},
		"data/links/c.json":     {Data: []byte(`{"links": [{"id": "json-one", "destination": "https://j.example/"}]}`)},
		"data/links/readme.txt": {Data: []byte("not a links file")},
	}
	set, err := Load(fsys, "data/links", "/out/")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.IDs(), ","); got != "book,json-one,kartra-home,tool" {
		t.Fatalf("ids %s", got)
	}
	k, _ := set.Get("kartra-home")
	if k.Cloaked != "/recommends/kartra/" || k.Status != 301 || k.Line != 2 || len(k.Categories) != 2 {
		t.Errorf("kartra-home = %+v", k)
	}
	if k.Target(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)) != k.Destination || k.Target(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) != k.Fallback {
		t.Errorf("expiry not applied")
	}
	if b, _ := set.Get("book"); b.Cloaked != "/out/book/" || b.Status != 307 {
		t.Errorf("book = %+v", b)
	}
	if l, ok := set.ByPath("/recommends/kartra"); !ok || l.ID != "kartra-home" {
		t.Errorf("ByPath without slash: %v %v", l, ok)
	}
	if l, ok := set.ByHost("WWW.Kartra.com"); !ok || l.ID != "kartra-home" {
		t.Errorf("ByHost: %v %v", l, ok)
	}
	if got := strings.Join(set.Prefixes(), ","); got != "/out/,/recommends/" {
		t.Errorf("prefixes %s", got)
	}
	err = set.CheckPrograms(programs.NewSet(&programs.Program{ID: "kartro"}))
	if err == nil || err.Error() != `data/links/a.yaml:2: link "kartra-home": unknown program "kartra" (did you mean "kartro"?)` {
		t.Errorf("CheckPrograms: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, file, src, want string }{
		{"unknown key", "x.yaml", "links:\n  - id: a\n    destinaton: https://a.example/\n",
			"data/links/x.yaml:3: unknown key \"destinaton\" (did you mean \"destination\"?)"},
		{"bad status", "x.yaml", "links:\n  - id: a\n    destination: https://a.example/\n    status: 308\n",
			`data/links/x.yaml:4: status: "308" is not 301, 302 or 307`},
		{"bad url", "x.yaml", "links:\n  - id: a\n    destination: javascript:alert(1)\n",
			`data/links/x.yaml:3: destination: "javascript:alert(1)" is not an absolute http(s) URL`},
		{"bad path", "x.yaml", "links:\n  - id: a\n    destination: https://a.example/\n    cloaked: /a/../b?x\n",
			`data/links/x.yaml:4: cloaked: "/a/../b?x" is not a plain site path such as /recommends/name/`},
		{"no id", "x.yaml", "links:\n  - destination: https://a.example/\n", "data/links/x.yaml:2: link without an id"},
		{"bad date", "x.toml", "[[links]]\nid = \"a\"\ndestination = \"https://a.example/\"\nexpires = \"soon\"\n",
			`data/links/x.toml:4: expires: "soon" is not a date (want YYYY-MM-DD)`},
		{"syntax", "x.yaml", "links:\n  - id: [\n", "data/links/x.yaml:2: invalid YAML: did not find expected node content"},
		{"duplicate id", "x.yaml", "links:\n  - id: a\n    destination: https://a.example/\n  - id: a\n    destination: https://b.example/\n",
			"data/links/x.yaml:4: link id \"a\" is already defined at data/links/x.yaml:2"},
		{"duplicate path", "x.yaml", "links:\n  - id: a\n    destination: https://a.example/\n  - id: b\n    cloaked: /go/a/\n    destination: https://b.example/\n",
			"data/links/x.yaml:4: cloaked path /go/a/ of link \"b\" is already the path of link \"a\" (data/links/x.yaml:2)"},
		{"not a list", "x.yaml", "links: 3\n", "data/links/x.yaml:1: links: expected a list of links (in TOML, [[links]] tables)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(fstest.MapFS{"data/links/" + tt.file: {Data: []byte(tt.src)}}, "data/links", "")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("links:\n  - id: a\n    destination: https://a.example/\n")
	f.Add("[[links]]\nid = \"a\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"f.yaml", "f.toml"} {
			ls, _ := Parse(name, []byte(src), "")
			for _, l := range ls {
				if _, ok := CleanPath(l.Cloaked); !ok || l.ID == "" {
					t.Fatalf("accepted a bad link %+v", l)
				}
			}
		}
	})
}
