package siteconfig

import (
	"sort"
	"strings"
)

// This file is the configuration's taxonomies (Hugo's [taxonomies],
// singular = plural, which replaces tags and categories) and its
// disableKinds.

// Taxonomy is one taxonomy of the site: "tag" and "tags".
type Taxonomy struct {
	Singular, Plural string
}

// SiteTaxonomies are the configuration's taxonomies: categories and
// tags unless [taxonomies] is set, then exactly those it lists,
// categories and tags first (in that order, as the navigation has
// them), then the others by plural.
func (c *Config) SiteTaxonomies() []Taxonomy {
	if c.Taxonomies == nil {
		return defaultTaxonomies()
	}
	var out []Taxonomy
	for singular, plural := range c.Taxonomies {
		if plural == "" {
			continue // a taxonomy set to "" is off
		}
		out = append(out, Taxonomy{Singular: singular, Plural: strings.ToLower(plural)})
	}
	rank := func(p string) int {
		switch p {
		case "categories":
			return 0
		case "tags":
			return 1
		}
		return 2
	}
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Plural), rank(out[j].Plural); ri != rj {
			return ri < rj
		}
		return out[i].Plural < out[j].Plural
	})
	return out
}

func defaultTaxonomies() []Taxonomy {
	return []Taxonomy{{"category", "categories"}, {"tag", "tags"}}
}

// TaxonomyPlurals are the plural names of SiteTaxonomies.
func (c *Config) TaxonomyPlurals() []string {
	var out []string
	for _, t := range c.SiteTaxonomies() {
		out = append(out, t.Plural)
	}
	return out
}

// KindDisabled tells whether disableKinds lists the kind (any case;
// Hugo's older taxonomyTerm is today's taxonomy).
func (c *Config) KindDisabled(kind string) bool {
	for _, k := range c.DisableKinds {
		k = strings.ToLower(k)
		if k == "taxonomyterm" {
			k = "taxonomy"
		}
		if k == kind {
			return true
		}
	}
	return false
}
