package generator

import (
	"strings"

	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/siteconfig"
)

// This file is Hugo's taxonomies: the [taxonomies] table (singular =
// plural) replaces the default tags and categories, as in Hugo, and
// disableKinds can turn the taxonomy and term pages off. A page's values
// of a taxonomy are its front matter under the plural name.

// Taxonomy is one taxonomy of the site: "tag" and "tags".
type Taxonomy = siteconfig.Taxonomy

// assembleTaxonomies groups the pages by every taxonomy's values.
func (b *builder) assembleTaxonomies() map[string][]*Term {
	out := map[string][]*Term{}
	for _, tax := range b.cfg.SiteTaxonomies() {
		switch tax.Plural {
		case "tags":
			out["tags"] = b.terms("tags", func(p *Page) []string { return p.Tags },
				func(p *Page, t *Term) { p.TagTerms = append(p.TagTerms, t) })
		case "categories":
			out["categories"] = b.terms("categories", func(p *Page) []string { return p.Categories },
				func(p *Page, t *Term) { p.CategoryTerms = append(p.CategoryTerms, t) })
		default:
			out[tax.Plural] = b.terms(tax.Plural, func(p *Page) []string {
				v, ok := values.LookupKey(p.Params, tax.Plural)
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
