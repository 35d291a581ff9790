package generator

import (
	"sort"
	"strings"
)

// This file is Hugo's taxonomies: the [taxonomies] table (singular =
// plural) replaces the default tags and categories, as in Hugo, and
// disableKinds can turn the taxonomy and term pages off. A page's values
// of a taxonomy are its front matter under the plural name.

// Taxonomy is one taxonomy of the site: "tag" and "tags".
type Taxonomy struct {
	Singular, Plural string
}

// siteTaxonomies are the configuration's taxonomies: categories and
// tags unless [taxonomies] is set, then exactly those it lists,
// categories and tags first (in that order, as the navigation has
// them), then the others by plural.
func (c *Config) siteTaxonomies() []Taxonomy {
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

// taxonomyPlurals are the plural names of siteTaxonomies.
func (c *Config) taxonomyPlurals() []string {
	var out []string
	for _, t := range c.siteTaxonomies() {
		out = append(out, t.Plural)
	}
	return out
}

// kindDisabled tells whether disableKinds lists the kind (any case;
// Hugo's older taxonomyTerm is today's taxonomy).
func (c *Config) kindDisabled(kind string) bool {
	for _, k := range c.DisableKinds {
		k = strings.ToLower(k)
		if k == "taxonomyterm" {
			k = KindTaxonomy
		}
		if k == kind {
			return true
		}
	}
	return false
}

// assembleTaxonomies groups the pages by every taxonomy's values.
func (b *builder) assembleTaxonomies() map[string][]*Term {
	out := map[string][]*Term{}
	for _, tax := range b.cfg.siteTaxonomies() {
		switch tax.Plural {
		case "tags":
			out["tags"] = b.terms("tags", func(p *Page) []string { return p.Tags },
				func(p *Page, t *Term) { p.TagTerms = append(p.TagTerms, t) })
		case "categories":
			out["categories"] = b.terms("categories", func(p *Page) []string { return p.Categories },
				func(p *Page, t *Term) { p.CategoryTerms = append(p.CategoryTerms, t) })
		default:
			out[tax.Plural] = b.terms(tax.Plural, func(p *Page) []string {
				v, ok := lookupKey(p.Params, tax.Plural)
				if !ok {
					return nil
				}
				if s, ok := v.(string); ok {
					return []string{s}
				}
				list, _ := toStrings(v)
				return list
			}, func(*Page, *Term) {})
		}
	}
	return out
}

// GetTerms is the page's terms of a taxonomy ("series"), in the order
// of the taxonomy's terms.
func (p *Page) GetTerms(taxonomy string) []*Term {
	if p.Site == nil {
		return nil
	}
	var out []*Term
	for _, t := range p.Site.Taxonomies[strings.ToLower(taxonomy)] {
		for _, q := range t.Pages {
			if q == p {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
