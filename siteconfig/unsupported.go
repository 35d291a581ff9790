package siteconfig

import (
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// This file lists the configuration's settings of Hugo features affsite
// does not support yet, each reported where it is set, so that no
// difference from Hugo is silent (generator/hugounsupported.go has the
// front-matter ones).

// unsupportedSettings reports the configuration's settings of Hugo
// features affsite does not have.
func (c *Config) unsupportedSettings() (warnings diag.List, err error) {
	v := c.tree.values
	at := func(key string) Origin { return c.tree.origin(key) }
	warn := func(key, format string, args ...any) {
		o := at(key)
		warnings = append(warnings, o.Warningf(format, args...))
	}
	if u, ok := values.LookupKey(v, "uglyURLs"); ok && u == true {
		o := at("uglyURLs")
		return nil, o.Errorf("uglyURLs = true is not supported: affsite writes every page as a folder (/posts/x/), not /posts/x.html")
	}
	if d, ok := values.LookupKey(v, "disablePathToLower"); ok && d == true {
		o := at("disablePathToLower")
		return nil, o.Errorf("disablePathToLower = true is not supported: affsite writes URLs in lower case, as Hugo does by default")
	}
	if _, ok := values.LookupKey(v, "disableKinds"); ok {
		var other []string
		for _, k := range c.DisableKinds {
			switch strings.ToLower(k) {
			case "taxonomy", "term", "taxonomyterm", "home", "section", "rss", "sitemap", "robotstxt", "404":
			default:
				other = append(other, k)
			}
		}
		if len(other) > 0 {
			warn("disableKinds", "disableKinds: %s is no kind affsite writes (home, section, taxonomy, term, RSS, sitemap, robotsTXT, 404); ignored", strings.Join(other, ", "))
		}
	}
	return warnings, nil
}
