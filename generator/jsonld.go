package generator

import (
	"encoding/json"
	"html/template"
)

// The schema.org JSON-LD blocks the default theme prints. They are built
// here rather than with dict and jsonify in the template because every
// page has one and reflection over maps is slow; the field order is the
// sorted key order jsonify gives, so either way the bytes are the same.

type breadcrumbList struct {
	Context string     `json:"@context"`
	Type    string     `json:"@type"`
	Items   []listItem `json:"itemListElement"`
}

type listItem struct {
	Type     string `json:"@type"`
	Item     string `json:"item"`
	Name     string `json:"name"`
	Position int    `json:"position"`
}

type webSite struct {
	Context     string `json:"@context"`
	Type        string `json:"@type"`
	Description string `json:"description,omitempty"`
	InLanguage  string `json:"inLanguage,omitempty"`
	Name        string `json:"name"`
	URL         string `json:"url"`
}

// BreadcrumbJSONLD is the page's schema.org BreadcrumbList (Home →
// Section → Page on regular pages, Home → Section on sections), or ""
// for other pages.
func (p *Page) BreadcrumbJSONLD() template.JS {
	if p.Site == nil || p.Permalink == "" {
		return ""
	}
	home := listItem{Type: "ListItem", Position: 1, Name: p.Site.Title, Item: p.Site.BaseURL}
	var items []listItem
	switch p.Kind {
	case KindPage:
		items = []listItem{home}
		if sec := p.Site.Sections[p.Section]; p.Section != "" && sec != nil {
			items = append(items, listItem{Type: "ListItem", Position: 2, Name: sec.Title, Item: sec.Permalink})
		}
		items = append(items, listItem{Type: "ListItem", Position: len(items) + 1, Name: p.Title, Item: p.Permalink})
	case KindSection:
		items = []listItem{home, {Type: "ListItem", Position: 2, Name: p.Title, Item: p.Permalink}}
	default:
		return ""
	}
	return marshalJS(breadcrumbList{Context: "https://schema.org", Type: "BreadcrumbList", Items: items})
}

// WebSiteJSONLD is the site's schema.org WebSite, for the home page.
func (s *Site) WebSiteJSONLD() template.JS {
	desc, _ := s.Params["description"].(string)
	return marshalJS(webSite{
		Context: "https://schema.org", Type: "WebSite", Name: s.Title, URL: s.BaseURL,
		Description: desc, InLanguage: s.LanguageCode,
	})
}

// marshalJS encodes v as JSON for a <script> element: json.Marshal
// escapes <, > and &, so no value can close the element.
func marshalJS(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}
