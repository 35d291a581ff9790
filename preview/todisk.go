package preview

import (
	"fmt"
	"path"
	"path/filepath"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/outdir"
)

// Site is a built site whose files can be listed, as generator.MemOutput.
type Site interface {
	Files
	Names() []string
}

// diskTarget returns the folder --renderToDisk writes to, or "" when it
// is off. It is refused, before the first build, by the rules of a
// build's output folder (outdir): a folder affsite did not write, the
// site, or a place inside one of its source folders, where each write
// would also trigger a rebuild.
func diskTarget(cfg Config) (string, error) {
	if !cfg.RenderToDisk {
		return "", nil
	}
	dest := cfg.Dest
	if dest == "" {
		dest = filepath.Join(cfg.Site.Source, "public")
	}
	if err := outdir.Check(dest, diskOptions(cfg.Site.Source)); err != nil {
		return "", fmt.Errorf("render to disk: %w", err)
	}
	return dest, nil
}

func diskOptions(source string) outdir.Options {
	return outdir.Options{Site: source, Protect: generator.SourceDirs()}
}

// WriteDir writes the build of the site at source to dest as a whole, as
// `affsite build` does: into a temporary folder beside it, then swapped
// in, so that dest never holds half a build.
func WriteDir(dest, source string, site Site) error {
	d, err := outdir.Open(dest, diskOptions(source))
	if err != nil {
		return err
	}
	for _, name := range site.Names() {
		if clean := path.Clean("/" + name)[1:]; clean != name || clean == "" {
			d.Abort()
			return fmt.Errorf("output path %q is not clean", name)
		}
		data, ok := site.File(name)
		if !ok {
			continue
		}
		if err := d.WriteFile(name, data); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}
