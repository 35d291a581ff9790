// Package tplfuncs holds the template functions themes call that read
// only their arguments — Hugo's collections (first, after, where, sort,
// in, isset, dict, seq), strings (plainify, truncate, title, humanize,
// urlize), math, safe, transform and time functions as affsite offers
// them — and the text helpers the build shares with them (PlainWords,
// ToTime, FirstUpper). Funcs gives them by name; the functions that read
// a build stay with the build.
package tplfuncs

import (
	"fmt"
	"html/template"
	"strings"
)

// Funcs returns the functions by the names templates call them.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"urlize":     URLize,
		"plainify":   Plainify,
		"truncate":   Truncate,
		"safeHTML":   func(s any) template.HTML { return template.HTML(fmt.Sprint(s)) },
		"safeURL":    func(s any) template.URL { return template.URL(fmt.Sprint(s)) },
		"safeCSS":    func(s any) template.CSS { return template.CSS(fmt.Sprint(s)) },
		"safeJS":     func(s any) template.JS { return template.JS(fmt.Sprint(s)) },
		"jsonify":    jsonify,
		"default":    defaultValue,
		"lower":      func(s any) string { return strings.ToLower(fmt.Sprint(s)) },
		"upper":      func(s any) string { return strings.ToUpper(fmt.Sprint(s)) },
		"title":      titleCase,
		"first":      first,
		"after":      after,
		"where":      where,
		"sort":       sortList,
		"dict":       dict,
		"slice":      func(v ...any) []any { return v },
		"seq":        seq,
		"add":        arith('+'),
		"sub":        arith('-'),
		"mul":        arith('*'),
		"div":        arith('/'),
		"in":         in,
		"isset":      Isset,
		"dateFormat": dateFormat,
		"replace": func(s, old, new any) string {
			return strings.ReplaceAll(fmt.Sprint(s), fmt.Sprint(old), fmt.Sprint(new))
		},
		"hasPrefix":  func(s, p any) bool { return strings.HasPrefix(fmt.Sprint(s), fmt.Sprint(p)) },
		"humanize":   Humanize,
		"countwords": func(s any) int { return PlainWords(fmt.Sprint(s), nil) }, // plainify's text, counted
	}
}
