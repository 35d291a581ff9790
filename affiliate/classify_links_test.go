package affiliate

import (
	"testing"

	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
)

func TestClassifierLinks(t *testing.T) {
	t.Parallel()
	reg := links.NewSet(
		&links.Link{ID: "kartra-home", Program: "kartra", Destination: "https://kartra.com/?a=1", Cloaked: "/recommends/kartra/"},
		&links.Link{ID: "book", Destination: "https://books.example/p/1", Cloaked: "/go/book/"},
	)
	progs := programs.NewSet(&programs.Program{ID: "tool", URL: "https://tool.example/"})
	tests := []struct {
		base, href, want string
		ok               bool
	}{
		{"/", "/recommends/kartra/", "kartra", true},
		{"/", "/recommends/kartra?subid=x", "kartra", true},
		{"/", "/recommends/other/", "", false},
		{"/blog/", "/blog/recommends/kartra/", "kartra", true},
		{"/blog/", "/recommends/kartra/", "", false},
		{"/", "/go/book/", "link:book", true},
		{"/", "https://www.books.example/else", "link:book", true},
		{"/", "https://tool.example/x", "tool", true},
		{"/", "/go/tool/", "tool", true},
		{"/", "https://plain.example/", "", false},
	}
	for _, tt := range tests {
		c := Classifier{GoPath: tt.base + "go/", Programs: progs, Links: reg, BasePath: tt.base}
		got, ok := c.Program(tt.href)
		if got != tt.want || ok != tt.ok {
			t.Errorf("base %s, Program(%q) = %q, %v; want %q, %v", tt.base, tt.href, got, ok, tt.want, tt.ok)
		}
	}
}

func TestConfigLinksPrefix(t *testing.T) {
	t.Parallel()
	c := Config{LinksPrefix: "recommends"}
	if err := c.Normalize(); err == nil {
		t.Errorf("a prefix without a leading slash was accepted")
	}
	c = Config{LinksPrefix: "/out"}
	if err := c.Normalize(); err != nil || c.LinksPrefix != "/out/" {
		t.Errorf("got %q, %v", c.LinksPrefix, err)
	}
	c = Config{}
	if err := c.Normalize(); err != nil || c.LinksPrefix != "/go/" {
		t.Errorf("default %q, %v", c.LinksPrefix, err)
	}
}
