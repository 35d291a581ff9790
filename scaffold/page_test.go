package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewPage(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	for _, tc := range []struct {
		title, section, want string
	}{
		{"About us", "", "content/about-us.md"},
		{"Privacy policy", "legal", "content/legal/privacy-policy.md"},
		{"Contact", "/company/", "content/company/contact.md"},
	} {
		file, err := NewPage(site, tc.title, PageOptions{Section: tc.section})
		if err != nil {
			t.Fatalf("%q: %v", tc.title, err)
		}
		if want := filepath.Join(site, filepath.FromSlash(tc.want)); file != want {
			t.Errorf("%q: wrote %s, want %s", tc.title, file, want)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"title: \"" + tc.title + "\"\n", "type: page\n", "Write this page here"} {
			if !strings.Contains(string(b), s) {
				t.Errorf("%s lacks %q:\n%s", tc.want, s, b)
			}
		}
	}
	if _, err := NewPage(site, "About us", PageOptions{}); !errors.Is(err, ErrExists) {
		t.Errorf("second About us: %v, want ErrExists", err)
	}
	for _, tc := range []struct{ title, section string }{{"!!!", ""}, {"X", "../up"}, {"X", "_hidden"}} {
		if _, err := NewPage(site, tc.title, PageOptions{Section: tc.section}); err == nil {
			t.Errorf("NewPage(%q, section %q): no error", tc.title, tc.section)
		}
	}
}
