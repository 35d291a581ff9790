package siteconfig

import (
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
			dirs = append(dirs, l.ContentFolder())
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// ContentFolder is the folder of the language's content, relative to
// the site as a slash path: its contentDir (which the configuration's
// normalisation cleaned, folderInSite), else "content".
func (l LanguageConfig) ContentFolder() string {
	if l.ContentDir == "" {
		return "content"
	}
	return l.ContentDir
}
