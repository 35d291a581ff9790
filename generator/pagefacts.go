package generator

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// This file is what other pages show of a page, which decides what an
// edit of it changes: Session re-sorts the lists when a page's order
// facts change and re-renders the lists that show it when its list facts
// do; the build cache keys pagers and feeds by them. The facts are the
// fields of Page itself, compared field by field, so a field a list
// template starts to print (a front-matter key in .Params, a new field of
// Page) can never go unnoticed: a field is a fact unless pageFieldRole
// says it is made by assembling or rendering the site.

// factRole is what a field of Page is to the pages that list it.
type factRole int

const (
	// orderFact: from the page's front matter or path; it can decide
	// which lists hold the page, and where (the taxonomies a site
	// defines, sorting by any parameter). Every field not named in
	// pageFieldRole is one.
	orderFact factRole = iota
	// bodyFact: read from the body; lists show it, it places nothing.
	bodyFact
	// wordCountFact: a bodyFact that changes with every edit, a fact
	// only when some template shows it.
	wordCountFact
	// notAFact: set by assembling the site (its lists, terms and
	// links) or by rendering the page; those are compared where they
	// are made.
	notAFact
)

// pageFieldRole gives each field of Page its role.
func pageFieldRole(name string) factRole {
	switch name {
	case "Summary", "ReadingTime":
		return bodyFact
	case "WordCount":
		return wordCountFact
	case "Content", "TableOfContents", "JSONLD", "HasAffiliateLinks",
		"Pages", "Paginator", "Terms", "TagTerms", "CategoryTerms", "Term", "Site",
		"tree", "translations":
		return notAFact
	}
	return orderFact
}

// pageFacts is what other pages show of a page, from one reading of its
// fields: the order facts of Page (fields) and of where the page is
// written and shown (place), the body facts, and the word count.
// A build reads them once before rendering (the page's key) and once
// after (what lists show); a page reused from the cache takes its
// after-rendering sums from there (cache.go).
type pageFacts struct {
	fields, place, body, wordCount string
}

// factsOf reads the facts of s's page as they stand now.
func factsOf(s *source) pageFacts {
	var fields, body, wordCount strings.Builder
	v := reflect.ValueOf(s.page).Elem()
	t := v.Type()
	for i := range t.NumField() {
		var sb *strings.Builder
		switch pageFieldRole(t.Field(i).Name) {
		case orderFact:
			sb = &fields
		case bodyFact:
			sb = &body
		case wordCountFact:
			sb = &wordCount
		default:
			continue
		}
		writeField(sb, t.Field(i), v.Field(i))
	}
	// Where the page is written and how it is built and shown in menus.
	place := fmt.Sprintf("%q %q %v %v", s.outPath, s.layout, s.build, s.menus)
	return pageFacts{fields: fields.String(), place: place, body: body.String(), wordCount: wordCount.String()}
}

// order is what decides which lists hold the page and where.
func (f pageFacts) order() string { return f.fields + f.place }

// list is everything the page shows in lists, feeds and the sitemap,
// the word count when wordCount is set.
func (f pageFacts) list(wordCount bool) string {
	if wordCount {
		return f.order() + f.body + f.wordCount
	}
	return f.order() + f.body
}

// orderFacts is what decides which lists hold a page and where: a page
// whose order facts stay the same keeps its place in every list.
func orderFacts(s *source) string { return factsOf(s).order() }

// listFacts is everything a page shows in lists, feeds and the sitemap;
// a page whose list facts stay the same re-renders alone. WordCount
// counts when wordCount is set (a template shows it).
func listFacts(s *source, wordCount bool) string { return factsOf(s).list(wordCount) }

// writeField writes one field's name and value, as %v prints it but
// without fmt's reflection where the kind allows.
func writeField(sb *strings.Builder, f reflect.StructField, fv reflect.Value) {
	sb.WriteString("\x00" + f.Name + "=")
	switch {
	case f.Type.NumMethod() > 0:
		fmt.Fprintf(sb, "%v", fv)
	case fv.Kind() == reflect.String:
		sb.WriteString(fv.String())
	case fv.CanInt():
		sb.WriteString(strconv.FormatInt(fv.Int(), 10))
	case fv.Kind() == reflect.Bool:
		sb.WriteString(strconv.FormatBool(fv.Bool()))
	default:
		fmt.Fprintf(sb, "%v", fv)
	}
}
