package scaffold

import (
	"io/fs"
	"strings"
	"testing"
)

// Every placeholder check looks for is one the templates write.
func TestPlaceholdersAreInTheTemplates(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	err := fs.WalkDir(templates, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templates.ReadFile(p)
		all.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Placeholders() {
		if !strings.Contains(all.String(), p.Text) {
			t.Errorf("no template writes the placeholder %q", p.Text)
		}
	}
}
