package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// cliSite is a small site that builds and checks clean.
var cliSite = map[string]string{
	"site.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n[affiliate]\nref_id = \"me\"\n",
	"data/programs/acme.yaml": "name: Acme\nurl: https://acme.test/\nprices_checked: 2099-01-01\n" +
		"plans:\n  - name: Basic\n    monthly: 10\n",
	"content/posts/a.md": "---\ntitle: A\ndescription: d\nlastmod: 2099-02-01\n---\n{{< disclosure >}}\n\nTry {{< afflink program=\"acme\" >}}.\n",
}

// newTestSite writes cliSite plus extra (path → text; "" deletes) into a
// new folder.
func newTestSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	files := map[string]string{}
	for k, v := range cliSite {
		files[k] = v
	}
	for k, v := range extra {
		if v == "" {
			delete(files, k)
			continue
		}
		files[k] = v
	}
	return sitetest.WriteFiles(t, files)
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckClean(t *testing.T) {
	t.Parallel()
	dir := newTestSite(t, nil)
	code, out, errs := runCLI("check", "-s", dir)
	if code != exitOK || out != "0 errors, 0 warnings\n" || errs != "" {
		t.Errorf("code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestCheckFindings(t *testing.T) {
	t.Parallel()
	dir := newTestSite(t, map[string]string{
		"content/posts/b.md": "---\ntitle: B\n---\n[gone](/posts/gone/) and [anchor](/posts/a/#nope)\n",
	})
	code, out, _ := runCLI("check", "-s", dir)
	want := "content/posts/b.md:1: warning: page has no description (set description in the front matter)\n" +
		"content/posts/b.md:4: error: link /posts/gone/ points to a page that does not exist (column 8)\n" +
		"content/posts/b.md:4: error: link /posts/a/#nope: no element of /posts/a/ has id \"nope\" (column 35)\n" +
		"2 errors, 1 warning\n"
	if code != exitContent || out != want {
		t.Errorf("code %d, stdout\n%s\nwant\n%s", code, out, want)
	}
	code, out, _ = runCLI("check", "--format", "json", "-s", dir)
	var fs []struct {
		File, Level, Message string
		Line, Col            int
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil || code != exitContent || len(fs) != 3 || fs[1].Line != 4 || fs[1].Col != 8 || fs[1].Level != "error" || fs[2].Col != 35 || fs[0].Col != 0 {
		t.Errorf("json: code %d, %v, %s", code, err, out)
	}
}

func TestCheckWarningsOnlyExitZero(t *testing.T) {
	t.Parallel()
	dir := newTestSite(t, map[string]string{"data/programs/old.yaml": "name: Old\nurl: https://old.test/\nprices_checked: 2001-01-01\nplans:\n  - name: X\n    monthly: 1\n"})
	code, out, _ := runCLI("check", "-s", dir)
	if code != exitOK || !strings.Contains(out, "data/programs/old.yaml:3: warning: program old: prices_checked 2001-01-01") {
		t.Errorf("code %d, stdout\n%s", code, out)
	}
	code, out, _ = runCLI("check", "--strict", "-s", dir)
	if code != exitContent || !strings.Contains(out, "data/programs/old.yaml:3: error: program old: prices_checked") {
		t.Errorf("--strict: code %d, stdout\n%s", code, out)
	}
}

func TestCheckBuildError(t *testing.T) {
	t.Parallel()
	dir := newTestSite(t, map[string]string{"content/posts/b.md": "---\ntitle: B\n---\n{{< afflink program=\"nope\" >}}\n"})
	code, out, _ := runCLI("check", "-s", dir)
	if code != exitContent || !strings.HasPrefix(out, "content/posts/b.md:4: error: ") || !strings.Contains(out, `unknown program "nope"`) {
		t.Errorf("code %d, stdout\n%s", code, out)
	}
}

func TestCheckUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"check", "--format", "xml"},
		{"check", "--nope"},
		{"check", "extra"},
	} {
		if code, _, errs := runCLI(args...); code != exitUsage || errs == "" {
			t.Errorf("%v: code %d, stderr %q", args, code, errs)
		}
	}
	if code, out, _ := runCLI("help"); code != exitOK || !strings.Contains(out, "affsite check") {
		t.Errorf("usage does not list check: %s", out)
	}
	if code, _, errs := runCLI("check", "-h"); code != exitOK || !strings.Contains(errs, "-external") || !strings.Contains(errs, "-strict") {
		t.Errorf("check -h: %d %s", code, errs)
	}
}

// TestErrorPaths runs every error a user can reach through the CLI and
// checks its message and exit code.
func TestErrorPaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		site  map[string]string
		setup func(t *testing.T, dir string) []string // returns the arguments
		code  int
		want  string // in stderr
		exact bool   // stderr is want and a newline
	}{
		{name: "missing site folder", setup: func(t *testing.T, dir string) []string {
			return []string{"build", "-s", filepath.Join(dir, "nope")}
		}, code: exitContent, want: "nope: site folder not found"},
		{name: "check: missing site folder", setup: func(t *testing.T, dir string) []string {
			return []string{"check", "-s", filepath.Join(dir, "nope")}
		}, code: exitContent, want: "affsite check: "},
		{name: "not UTF-8", site: map[string]string{"content/posts/b.md": "---\ntitle: B\n---\nok\nab\xffc\n"},
			code: exitContent, want: "content/posts/b.md:5:3: file is not UTF-8 text"},
		{name: "tab in front matter", site: map[string]string{"content/posts/b.md": "---\ntitle: B\n\tdescription: x\n---\n"},
			code: exitContent, want: "content/posts/b.md:3: front matter:"},
		{name: "duplicate keys in YAML data", site: map[string]string{"data/team.yaml": "a: 1\nb: 2\na: 3\n"},
			code: exitContent, want: "data/team.yaml:3: "},
		{name: "duplicate keys in TOML data", site: map[string]string{"data/team.toml": "a = 1\na = 3\n"},
			code: exitContent, want: "data/team.toml:2:1: Key 'a' has already been defined."},
		{name: "duplicate keys in JSON data", site: map[string]string{"data/team.json": "{\"a\": 1,\n \"a\": 3}\n"},
			code: exitContent, want: "data/team.json:2:2: duplicate key \"a\""},
		{name: "two posts with one slug", site: map[string]string{"content/posts/b.md": "---\ntitle: B\nslug: a\n---\n"},
			code: exitContent, want: "content/posts/a.md and content/posts/b.md both have the URL /posts/a/"},
		{name: "output is the source", setup: func(t *testing.T, dir string) []string {
			return []string{"build", "-s", dir, "-d", dir}
		}, code: exitUsage, want: "it is the site's source folder"},
		{name: "output is content/", setup: func(t *testing.T, dir string) []string {
			return []string{"build", "-s", dir, "-d", filepath.Join(dir, "content")}
		}, code: exitUsage, want: "it is the site's content/ folder"},
		{name: "output holds the source", setup: func(t *testing.T, dir string) []string {
			return []string{"build", "-s", dir, "-d", filepath.Dir(dir)}
		}, code: exitUsage, want: "it holds the site's source"},
		{name: "output is /", setup: func(t *testing.T, dir string) []string {
			return []string{"build", "-s", dir, "-d", "/"}
		}, code: exitUsage, want: "refusing to use / as the output folder: it is a file system root"},
		{name: "symlink loop", setup: func(t *testing.T, dir string) []string {
			if err := os.Symlink("loop.md", filepath.Join(dir, "content", "loop.md")); err != nil {
				t.Fatal(err)
			}
			return []string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")}
		}, code: exitContent, want: "content/loop.md: too many levels of symbolic links", exact: true},
		{name: "too large", setup: func(t *testing.T, dir string) []string {
			f, err := os.Create(filepath.Join(dir, "content", "huge.md"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(65 << 20); err != nil { // sparse: no 65 MB written
				t.Fatal(err)
			}
			return []string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")}
		}, code: exitContent, want: "content/huge.md: file is 65 MB, larger than the 64 MB a content file may be"},
		{name: "unreadable file", setup: func(t *testing.T, dir string) []string {
			if os.Geteuid() == 0 {
				t.Skip("root reads files whatever their mode")
			}
			p := filepath.Join(dir, "content", "posts", "a.md")
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o644) })
			return []string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")}
		}, code: exitContent, want: "content/posts/a.md: permission denied", exact: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := newTestSite(t, tt.site)
			args := []string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")}
			if tt.setup != nil {
				args = tt.setup(t, dir)
			}
			code, _, errs := runCLI(args...)
			if code != tt.code || !strings.Contains(errs, tt.want) || tt.exact && errs != tt.want+"\n" {
				t.Errorf("code %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestRefusesHomeFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	dir := newTestSite(t, nil)
	code, _, errs := runCLI("build", "-s", dir, "-d", home)
	if code != exitUsage || !strings.Contains(errs, "it is the home folder") {
		t.Errorf("code %d, stderr %q", code, errs)
	}
}

func TestBOMFrontMatterBuilds(t *testing.T) {
	t.Parallel()
	dir := newTestSite(t, map[string]string{"content/posts/b.md": "\xef\xbb\xbf---\ntitle: BOM\ndescription: d\n---\nText.\n"})
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errs := runCLI("build", "-s", dir, "-d", out, "--quiet"); code != exitOK {
		t.Fatalf("code %d: %s", code, errs)
	}
	b, err := os.ReadFile(filepath.Join(out, "posts", "b", "index.html"))
	if err != nil || !bytes.Contains(b, []byte("<title>BOM")) {
		t.Errorf("the BOM page did not build with its title: %v", err)
	}
}

// TestLargePost builds a 50 MB post: under the 64 MB limit, so it must
// build, in bounded time and without running out of memory.
func TestLargePost(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	t.Parallel()
	var sb strings.Builder
	sb.WriteString("---\ntitle: Big\ndescription: d\n---\n")
	para := strings.Repeat("lorem ipsum dolor sit amet ", 30) + "\n\n"
	for sb.Len() < 50<<20 {
		sb.WriteString(para)
	}
	dir := newTestSite(t, map[string]string{"content/posts/big.md": sb.String()})
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errs := runCLI("build", "-s", dir, "-d", out, "--quiet"); code != exitOK {
		t.Fatalf("code %d: %s", code, errs)
	}
	st, err := os.Stat(filepath.Join(out, "posts", "big", "index.html"))
	if err != nil || st.Size() < 50<<20 {
		t.Errorf("big page: %v", err)
	}
}
