package generator

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestWriteFactsAsFmt: writeFacts' fast paths print every field as fmt's
// %v does, so the facts stay what they were when fmt printed them all.
func TestWriteFactsAsFmt(t *testing.T) {
	t.Parallel()
	p := &Page{
		Kind: KindPage, Title: "A \"quoted\" title", Description: "D", Summary: template.HTML("<p>Sum</p>"),
		Date: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Draft: true, Slug: "a", Aliases: []string{"/x/"},
		Tags: []string{"x", "y"}, Weight: -3, Params: map[string]any{"rating": 4, "b": []any{"s1"}, "a": "z"},
		Section: "posts", RelPermalink: "/posts/a/", WordCount: 120, ReadingTime: 1,
	}
	var ref strings.Builder
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; pageFieldRole(name) != notAFact {
			fmt.Fprintf(&ref, "\x00%s=%v", name, v.Field(i))
		}
	}
	var got strings.Builder
	writeFacts(&got, p, func(r factRole) bool { return r != notAFact })
	if got.String() != ref.String() {
		t.Errorf("writeFacts:\n%q\nfmt:\n%q", got.String(), ref.String())
	}
}
