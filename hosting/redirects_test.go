package hosting

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input string
		want  []Redirect
		err   string
	}{
		{name: "empty", input: "", want: nil},
		{name: "comments and blanks", input: "# affiliate links\n\n   # indented comment\n", want: nil},
		{
			name:  "no status",
			input: "/old /new\n",
			want:  []Redirect{{From: "/old", To: "/new"}},
		},
		{
			name:  "status and force",
			input: "/go/kartra/  https://kartra.com/?ref=me  302\n/app/*\t/index.html 200!\n",
			want: []Redirect{
				{From: "/go/kartra/", To: "https://kartra.com/?ref=me", Status: 302},
				{From: "/app/*", To: "/index.html", Status: 200, Force: true},
			},
		},
		{
			name:  "placeholders and CRLF",
			input: "/blog/:year/:slug /posts/:slug 301\r\nhttps://old.example/* https://new.example/:splat 301!\r\n",
			want: []Redirect{
				{From: "/blog/:year/:slug", To: "/posts/:slug", Status: 301},
				{From: "https://old.example/*", To: "https://new.example/:splat", Status: 301, Force: true},
			},
		},
		{
			name:  "query matching",
			input: "/go/a/ subid=:subid tag=x https://a.example/?ref=me&subid=:subid 302!\n",
			want: []Redirect{
				{From: "/go/a/", To: "https://a.example/?ref=me&subid=:subid", Status: 302, Force: true, Query: [][2]string{{"subid", ":subid"}, {"tag", "x"}}},
			},
		},
		{name: "query matching, no destination", input: "/a subid=:subid\n", err: "_redirects:1: destination \"subid=:subid\""},
		{name: "missing destination", input: "# x\n/only\n", err: "_redirects:2: rule \"/only\" has no destination"},
		{name: "bad status", input: "/a /b permanent\n", err: "_redirects:1: status \"permanent\""},
		{name: "status out of range", input: "/a /b 42\n", err: "_redirects:1: status \"42\""},
		{name: "condition", input: "/a /b 302 Country=us\n", err: "_redirects:1: unexpected field \"Country=us\""},
		{name: "relative source", input: "old /new 301\n", err: "_redirects:1: source \"old\""},
		{name: "relative destination", input: "/old new 301\n", err: "_redirects:1: destination \"new\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseRedirects([]byte(tt.input))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestFormatRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rules []Redirect
		want  string
	}{
		{name: "none", rules: nil, want: ""},
		{
			name: "statuses",
			rules: []Redirect{
				{From: "/go/kartra/", To: "https://kartra.com/?ref=me", Status: 302},
				{From: "/old", To: "/new"},
				{From: "/app/*", To: "/index.html", Status: 200, Force: true},
				{From: "/x", To: "/y", Force: true},
			},
			want: "/go/kartra/ https://kartra.com/?ref=me 302\n/old /new\n/app/* /index.html 200!\n/x /y 301!\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := string(FormatRedirects(tt.rules)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestRedirectsRoundTrip(t *testing.T) {
	t.Parallel()
	rules := []Redirect{
		{From: "/go/a/", To: "https://a.example/?ref=x&utm_source=y", Status: 302},
		{From: "/blog/:slug", To: "/posts/:slug", Status: 301, Force: true},
		{From: "/*", To: "/404.html", Status: 404},
	}
	got, err := ParseRedirects(FormatRedirects(rules))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rules) {
		t.Errorf("round trip: got %+v, want %+v", got, rules)
	}
}

func TestDynamic(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from string
		want bool
	}{
		{"/go/kartra/", false},
		{"/a/*", true},
		{"/blog/:slug", true},
		{"/time/10:30", false},
		{"https://example.org:8443/x", false},
		{"/:", false},
	}
	for _, tt := range tests {
		if got := (Redirect{From: tt.from}).Dynamic(); got != tt.want {
			t.Errorf("Dynamic(%q) = %v, want %v", tt.from, got, tt.want)
		}
	}
}

func FuzzParseRedirects(f *testing.F) {
	f.Add("/a /b 302\n# c\n/x/* /y/:splat 200!\n")
	f.Add("/a\n")
	f.Fuzz(func(t *testing.T, s string) {
		rules, err := ParseRedirects([]byte(s))
		if err != nil {
			return
		}
		again, err := ParseRedirects(FormatRedirects(rules))
		if err != nil {
			t.Fatalf("formatted rules do not parse: %v", err)
		}
		if !reflect.DeepEqual(again, rules) && len(rules) > 0 {
			t.Fatalf("round trip changed %+v into %+v", rules, again)
		}
	})
}
