package siteconfig

import (
	"path"
	"path/filepath"
	"slices"
)

// NamedFolders are the site's folders that its configuration names,
// relative to the site as slash paths: the string files' folder
// (StringsDir) and each language's contentDir, sorted, each once. A
// preview watches them besides the folders every site has.
func (c *Config) NamedFolders() []string {
	dirs := []string{c.StringsDir()}
	for _, l := range c.Languages {
		if l.ContentDir != "" {
			dirs = append(dirs, path.Clean(filepath.ToSlash(l.ContentDir)))
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}
