package generator

import (
	"io/fs"
	"path"
	"testing"
	"testing/fstest"

	"github.com/affsite/affsite/themes"
)

// BenchmarkLoadTemplates compiles the templates of the default theme,
// and of a theme ten times its size, as a full build does; "bound" binds
// compiled ones to another build (forBuild), as each of a Session's
// rebuilds does instead.
func BenchmarkLoadTemplates(b *testing.B) {
	def, err := fs.Sub(themes.Default(), "layouts")
	if err != nil {
		b.Fatal(err)
	}
	big := fstest.MapFS{}
	err = fs.WalkDir(def, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(def, p)
		for i := range 10 {
			big[path.Join(path.Dir(p), string(rune('a'+i))+path.Base(p))] = &fstest.MapFile{Data: data}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		layers []layer
	}{
		{"default", []layer{{fsys: def, name: "layouts"}}},
		{"tenfold", []layer{{fsys: big, name: "themes/big/layouts"}, {fsys: def, name: "layouts"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			bl := &builder{}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadTemplates(c.layers, bl.templateFuncs()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/bound", func(b *testing.B) {
			ts, err := loadTemplates(c.layers, (&builder{}).templateFuncs())
			if err != nil {
				b.Fatal(err)
			}
			bl := &builder{}
			b.ReportAllocs()
			for b.Loop() {
				ts.forBuild(bl.buildFuncs())
			}
		})
	}
}
