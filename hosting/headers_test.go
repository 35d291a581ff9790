package hosting

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input string
		want  []HeaderRule
		err   string
	}{
		{name: "empty", input: "", want: nil},
		{
			name:  "two rules",
			input: "# security\n/*\n  X-Frame-Options: SAMEORIGIN\n  Referrer-Policy: strict-origin-when-cross-origin\n\n/go/*\n\tX-Robots-Tag: noindex, nofollow\n  Cache-Control:no-store\n",
			want: []HeaderRule{
				{Path: "/*", Headers: [][2]string{{"X-Frame-Options", "SAMEORIGIN"}, {"Referrer-Policy", "strict-origin-when-cross-origin"}}},
				{Path: "/go/*", Headers: [][2]string{{"X-Robots-Tag", "noindex, nofollow"}, {"Cache-Control", "no-store"}}},
			},
		},
		{
			name:  "value with colon, CRLF",
			input: "/a\r\n  Link: <https://example.org/>; rel=preconnect\r\n",
			want:  []HeaderRule{{Path: "/a", Headers: [][2]string{{"Link", "<https://example.org/>; rel=preconnect"}}}},
		},
		{name: "path without headers", input: "/a\n", want: []HeaderRule{{Path: "/a"}}},
		{name: "header before path", input: "  X-A: b\n", err: "_headers:1: header \"X-A: b\" comes before any path line"},
		{name: "unindented header", input: "/a\nX-A: b\n", err: "_headers:2: path \"X-A: b\""},
		{name: "no colon", input: "/a\n  nosniff\n", err: "_headers:2: \"nosniff\" is not"},
		{name: "bad name", input: "/a\n  Bad Name: x\n", err: "_headers:2: \"Bad Name: x\" is not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseHeaders([]byte(tt.input))
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

func TestFormatHeaders(t *testing.T) {
	t.Parallel()
	rules := []HeaderRule{
		{Path: "/*", Headers: [][2]string{{"X-Content-Type-Options", "nosniff"}}},
		{Path: "/css/*", Headers: [][2]string{{"Cache-Control", "public, max-age=604800"}}},
		{Path: "/empty"},
	}
	want := "/*\n  X-Content-Type-Options: nosniff\n/css/*\n  Cache-Control: public, max-age=604800\n/empty\n"
	got := FormatHeaders(rules)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	back, err := ParseHeaders(got)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, rules) {
		t.Errorf("round trip: got %+v, want %+v", back, rules)
	}
}

func FuzzParseHeaders(f *testing.F) {
	f.Add("/*\n  X-A: b\n/c\n  D: e\n")
	f.Fuzz(func(t *testing.T, s string) {
		rules, err := ParseHeaders([]byte(s))
		if err != nil {
			return
		}
		again, err := ParseHeaders(FormatHeaders(rules))
		if err != nil {
			t.Fatalf("formatted rules do not parse: %v", err)
		}
		if !reflect.DeepEqual(again, rules) {
			t.Fatalf("round trip changed %+v into %+v", rules, again)
		}
	})
}
