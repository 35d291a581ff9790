package scaffold

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// SiteOptions says how NewSite creates a site.
type SiteOptions struct {
	// Force writes into a folder that is not empty. Files of the new site
	// that exist already are still never replaced.
	Force bool
	// Now is the date of the example review and of its program's
	// prices_checked; default time.Now().
	Now time.Time
}

// ExampleProgram is the id of the program file a new site starts with.
const ExampleProgram = "example"

// NewSite creates a site in dir that builds at once: site.toml, an
// example program and review, the home page's content, .gitignore, and
// deploy recipes for GitHub Pages and Netlify. dir may not exist yet; an
// existing one must be empty unless opts.Force is set. It returns the
// files written, relative to dir, with "/" separators.
func NewSite(dir string, opts SiteOptions) ([]string, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if !opts.Force {
		if err := checkEmpty(dir); err != nil {
			return nil, err
		}
	}
	files, err := siteFiles(opts.Now)
	if err != nil {
		return nil, err
	}
	if err := files.writeAll(dir); err != nil {
		return nil, err
	}
	return files.order, nil
}

// checkEmpty refuses a folder that holds anything.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if len(entries) > 0 {
		return existsError(fmt.Sprintf("%s is not empty (it holds %s); choose a new folder, or use --force to add the site's files to it", dir, entries[0].Name()))
	}
	return nil
}

// newFiles are the files of a new site by their slash paths, in the
// order they are written.
type newFiles struct {
	order []string
	data  map[string][]byte
}

func (f *newFiles) add(name string, data []byte) {
	f.data[name] = data
	f.order = append(f.order, name)
}

// siteFiles are a new site's files: the site template's, then the
// example program and its review, dated now.
func siteFiles(now time.Time) (*newFiles, error) {
	files := &newFiles{data: map[string][]byte{}}
	if err := files.addTemplates(); err != nil {
		return nil, err
	}
	prog, err := renderProgram(ExampleProgram, "Example App", "https://example.com/", now)
	if err != nil {
		return nil, err
	}
	files.add("data/programs/"+ExampleProgram+".yaml", prog)
	rev, slug, err := renderReview(prog, "data/programs/"+ExampleProgram+".yaml", "", defaultArchetype(), now)
	if err != nil {
		return nil, err
	}
	files.add("content/posts/"+slug+".md", rev)
	return files, nil
}

// addTemplates adds the files of templates/site, placeholders filled in.
func (f *newFiles) addTemplates() error {
	root, _ := fs.Sub(templates, "templates/site")
	return fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		f.add(sitePath(p), expand(data))
		return nil
	})
}

// writeAll writes the files into dir. It checks every file before
// writing any, so that a refusal leaves the folder as it was.
func (f *newFiles) writeAll(dir string) error {
	for _, name := range f.order {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			return fmt.Errorf("%s: %w; delete it first, or create the site in another folder", filepath.Join(dir, filepath.FromSlash(name)), ErrExists)
		}
	}
	for _, name := range f.order {
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(name)), f.data[name]); err != nil {
			return err
		}
	}
	return nil
}

// sitePath turns a template path into the new site's: "dot_github/x"
// becomes ".github/x".
func sitePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if rest, ok := strings.CutPrefix(s, "dot_"); ok {
			parts[i] = "." + rest
		}
	}
	return path.Join(parts...)
}
