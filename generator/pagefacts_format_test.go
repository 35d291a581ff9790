package generator

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestFactsAsFmt: writeField's fast paths print every field as fmt's %v
// does, so the facts stay what they were when fmt printed them all.
func TestFactsAsFmt(t *testing.T) {
	t.Parallel()
	p := &Page{
		Kind: KindPage, Title: "A \"quoted\" title", Description: "D", Summary: template.HTML("<p>Sum</p>"),
		Date: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Draft: true, Slug: "a", Aliases: []string{"/x/"},
		Tags: []string{"x", "y"}, Weight: -3, Params: map[string]any{"rating": 4, "b": []any{"s1"}, "a": "z"},
		Section: "posts", RelPermalink: "/posts/a/", WordCount: 120, ReadingTime: 1,
	}
	ref := map[factRole]*strings.Builder{orderFact: {}, bodyFact: {}, wordCountFact: {}}
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		if sb := ref[pageFieldRole(v.Type().Field(i).Name)]; sb != nil {
			fmt.Fprintf(sb, "\x00%s=%v", v.Type().Field(i).Name, v.Field(i))
		}
	}
	got := factsOf(&source{page: p})
	for _, c := range []struct {
		role factRole
		got  string
	}{{orderFact, got.fields}, {bodyFact, got.body}, {wordCountFact, got.wordCount}} {
		if c.got != ref[c.role].String() {
			t.Errorf("facts of role %d:\n%q\nfmt:\n%q", c.role, c.got, ref[c.role].String())
		}
	}
}
