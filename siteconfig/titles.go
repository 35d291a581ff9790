package siteconfig

// ListTitlesPlural tells whether a section titled after its folder (one
// without an _index.md title) has the folder's name in the plural, as
// Hugo's pluralizeListTitles: the setting when the configuration has
// it; else true for a Hugo configuration (Hugo's default) and false for
// site.toml, where a section is titled after its folder as it is.
func (c *Config) ListTitlesPlural() bool {
	if c.PluralizeListTitles != nil {
		return *c.PluralizeListTitles
	}
	return c.HugoConfigured() // false for site.toml or none, as affsite's own defaults
}
