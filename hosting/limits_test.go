package hosting

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheckLimits(t *testing.T) {
	t.Parallel()
	many := func(n int, dynamic bool) []Redirect {
		rs := make([]Redirect, n)
		for i := range rs {
			rs[i] = Redirect{From: fmt.Sprintf("/r%d/", i), To: "/x", Status: 301}
			if dynamic {
				rs[i].From += "*"
			}
		}
		return rs
	}
	headerRules := func(n int) []HeaderRule {
		hs := make([]HeaderRule, n)
		for i := range hs {
			hs[i] = HeaderRule{Path: fmt.Sprintf("/h%d", i), Headers: [][2]string{{"X-A", "b"}}}
		}
		return hs
	}
	tests := []struct {
		name      string
		redirects []Redirect
		headers   []HeaderRule
		want      []string // substrings, one a warning, in order
	}{
		{name: "nothing", want: nil},
		{
			name: "fine",
			redirects: []Redirect{
				{From: "/go/a/", To: "https://a.example/", Status: 302},
				{From: "/blog/:slug", To: "/posts/:slug", Status: 301},
				{From: "/*", To: "/404.html", Status: 404},
			},
			headers: []HeaderRule{{Path: "/*", Headers: [][2]string{{"X-Frame-Options", "DENY"}}}},
			want:    nil,
		},
		{name: "2000 static", redirects: many(2000, false), want: nil},
		{name: "2001 static", redirects: many(2001, false), want: []string{"2001 static rules; Cloudflare Pages allows 2000"}},
		{name: "100 dynamic", redirects: many(100, true), want: nil},
		{name: "101 dynamic", redirects: many(101, true), want: []string{"101 dynamic rules"}},
		{
			name:      "long line",
			redirects: []Redirect{{From: "/a", To: "https://a.example/?q=" + strings.Repeat("x", 1000), Status: 302}},
			want:      []string{"rule 1 (/a) is 1028 characters long; Cloudflare Pages allows 1000"},
		},
		{
			name:      "line of exactly 1000",
			redirects: []Redirect{{From: "/a", To: "/" + strings.Repeat("x", 1000-len("/a / 302")), Status: 302}},
			want:      nil,
		},
		{
			name: "static after dynamic",
			redirects: []Redirect{
				{From: "/blog/*", To: "/posts/:splat", Status: 301},
				{From: "/a", To: "/b", Status: 301},
				{From: "/c", To: "/d", Status: 301},
			},
			want: []string{"rule 2 (/a) is static but follows dynamic rule 1", "2 static rules in all follow a dynamic one"},
		},
		{
			name: "statuses",
			redirects: []Redirect{
				{From: "/a", To: "/b"},
				{From: "/c", To: "/d", Status: 307},
				{From: "/e", To: "/f", Status: 410},
				{From: "/g", To: "/h", Status: 303},
				{From: "/i", To: "/j", Status: 308},
				{From: "/k", To: "/l", Status: 200},
			},
			want: []string{
				"rule 1 (/a) has no status: Netlify defaults to 301 and Cloudflare Pages to 302",
				"rule 2 (/c): status 307 is not supported by Netlify's _redirects (use 302 there)",
				"rule 3 (/e) uses status 410",
			},
		},
		{
			name:      "white space",
			redirects: []Redirect{{From: "/a b", To: "/c", Status: 301}},
			want:      []string{"contains white space"},
		},
		{name: "100 header rules", headers: headerRules(100), want: nil},
		{name: "101 header rules", headers: headerRules(101), want: []string{"_headers: 101 rules; Cloudflare Pages allows 100"}},
		{
			name: "bad headers",
			headers: []HeaderRule{
				{Path: "css/*", Headers: [][2]string{{"Bad Name", "x"}, {"X-A", "a\nb"}}},
			},
			want: []string{"path \"css/*\" must start with /", "\"Bad Name\" is not a valid header name", "the value of X-A spans lines"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := CheckLimits(tt.redirects, tt.headers)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
