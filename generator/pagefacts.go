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
		"tree", "programView", "translations":
		return notAFact
	}
	return orderFact
}

// orderFacts is what decides which lists hold a page and where: a page
// whose order facts stay the same keeps its place in every list.
func orderFacts(s *source) string {
	var sb strings.Builder
	writeFacts(&sb, s.page, func(r factRole) bool { return r == orderFact })
	// Where the page is written and how it is built and shown in menus.
	fmt.Fprintf(&sb, "%q %q %v %v", s.outPath, s.layout, s.build, s.menus)
	return sb.String()
}

// listFacts is everything a page shows in lists, feeds and the sitemap;
// a page whose list facts stay the same re-renders alone. WordCount
// counts when wordCount is set (a template shows it).
func listFacts(s *source, wordCount bool) string {
	var sb strings.Builder
	sb.WriteString(orderFacts(s))
	writeFacts(&sb, s.page, func(r factRole) bool { return r == bodyFact || wordCount && r == wordCountFact })
	return sb.String()
}

// writeFacts writes the name and value of every field of p whose role
// keep accepts.
func writeFacts(sb *strings.Builder, p *Page, keep func(factRole) bool) {
	v := reflect.ValueOf(p).Elem()
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !keep(pageFieldRole(f.Name)) {
			continue
		}
		sb.WriteString("\x00" + f.Name + "=")
		// As %v prints them, without fmt's reflection: a build takes
		// the facts of every page several times.
		switch fv := v.Field(i); {
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
}
