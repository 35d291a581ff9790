package generator_test

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// hardSite writes files (path → text) into a new folder.
func hardSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const xss = `<script>alert(1)</script>`

// TestTemplatesEscapeFrontMatterAndData puts script tags and javascript:
// URLs in every field that reaches a template and checks that none comes
// out live in an HTML or XML file. (JSON files are data, not markup, and
// the Markdown body is the author's own: it may hold raw HTML.)
func TestTemplatesEscapeFrontMatterAndData(t *testing.T) {
	t.Parallel()
	dir := hardSite(t, map[string]string{
		"site.toml": "title = \"" + xss + "\"\nbaseURL = \"https://example.org/\"\n[params]\ndescription = \"" + xss + "\"\n",
		"data/programs/evil.yaml": "name: \"" + xss + "\"\nurl: https://evil.test/\ndescription: \"" + xss + "\"\n" +
			"pros: [\"" + xss + "\"]\ncons: [\"javascript:alert(1)\"]\nfeatures: [\"" + xss + "\"]\n" +
			"plans:\n  - name: \"" + xss + "Pro\"\n    monthly: 10\n    features: [\"" + xss + "\"]\n" +
			"scenarios:\n  - name: \"" + xss + "\"\n    mix: {\"" + xss + "pro\": 2}\n",
		"data/team.yaml": "lead: \"" + xss + "\"\n",
		"content/posts/evil.md": "---\n" +
			"title: \"" + xss + "\"\n" +
			"description: \"" + xss + "\"\n" +
			"summary: \"" + xss + " [x](javascript:alert(1))\"\n" +
			"tags: [\"" + xss + "\", \"javascript:alert(1)\"]\n" +
			"categories: [\"" + xss + "\"]\n" +
			"images: [\"javascript:alert(1)\"]\n" +
			"program: evil\n" +
			"---\n" +
			"{{< disclosure >}}\n\n" +
			"{{< afflink program=\"evil\" >}}\n\n" +
			"{{< plans program=\"evil\" >}}\n\n" +
			"{{< pros-cons program=\"evil\" >}}\n\n" +
			"{{< program-facts program=\"evil\" >}}\n\n" +
			"{{< commission-table program=\"evil\" >}}\n",
	})
	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: dir, Output: out}); err != nil {
		t.Fatal(err)
	}
	live := regexp.MustCompile(`(?i)<script>alert|(href|src|action|formaction)\s*=\s*["']?\s*javascript:|url=javascript:`)
	seen := false
	for _, name := range out.Names() {
		b, _ := out.File(name)
		if ext := filepath.Ext(name); ext != ".html" && ext != ".xml" {
			continue
		}
		if m := live.Find(b); m != nil {
			i := bytes.Index(b, m)
			t.Errorf("%s: live %q in …%s…", name, m, b[max(0, i-80):min(len(b), i+80)])
		}
		seen = seen || bytes.Contains(b, []byte("&lt;script&gt;alert(1)"))
	}
	if !seen {
		t.Error("the escaped text appears nowhere: did the fields reach the templates?")
	}
}

func TestProgramURLMustBeHTTP(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"javascript:alert(1)", "data:text/html,x", "ftp://evil.test/", "//evil.test/"} {
		dir := hardSite(t, map[string]string{
			"site.toml":               "title = \"T\"\n", // a site: else "no site here"
			"data/programs/evil.yaml": "name: Evil\nurl: \"" + u + "\"\nplans:\n  - name: A\n    monthly: 1\n",
		})
		_, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()})
		if err == nil || !strings.Contains(err.Error(), "data/programs/evil.yaml:2: url: ") || !strings.Contains(err.Error(), "is not an absolute http(s) URL") {
			t.Errorf("url %q: got %v", u, err)
		}
	}
}

func TestDataFileDuplicateKeys(t *testing.T) {
	t.Parallel()
	for file, tc := range map[string]struct{ src, want string }{
		"data/a.json": {"{\n  \"x\": {\"k\": 1},\n  \"y\": [1, {\"k\": 1, \"j\": 2}],\n  \"x\": 3\n}\n", `data/a.json:4:3: duplicate key "x"`},
		"data/b.json": {"{\"o\": {\"k\": 1,\n\"k\": 2}}", `data/b.json:2:1: duplicate key "k"`},
		"data/c.json": {"{\"o\": 1,\n}", `data/c.json:2:1: invalid character '}'`},
		"data/d.yaml": {"a: 1\nb:\n  c: 1\n  c: 2\n", `data/d.yaml:4: mapping key "c" already defined at line 3`},
		"data/e.yaml": {"a: 1\n b: 2\n", `data/e.yaml:2: mapping values are not allowed in this context`},
		// yaml.v3 counts a parser error's line from 0 (frontmatter.YAMLErrorLine).
		"data/f.yaml": {"a: [1, 2\nb: 3\n", `data/f.yaml:2: did not find expected ',' or ']'`},
	} {
		dir := hardSite(t, map[string]string{file: tc.src, "site.toml": "title = \"T\"\n"})
		_, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()})
		if err == nil || err.Error() != tc.want && !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s", file, err, tc.want)
		}
	}
	dir := hardSite(t, map[string]string{"site.toml": "title = \"T\"\n", "data/ok.json": `{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}`})
	if _, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()}); err != nil {
		t.Errorf("equal keys in different objects: %v", err)
	}
}

// TestKilledBuildLeavesOutputIntact builds the CLI, builds a large site
// into D, then kills a second build into D half-way: D must be exactly
// the first build, and the next build must clean up what the killed one
// left beside D.
func TestKilledBuildLeavesOutputIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds the CLI and a 3,000-post site")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "affsite")
	goCmd := func(args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = ".." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	goCmd("build", "-o", bin, "./cmd/affsite")
	site := filepath.Join(tmp, "site")
	goCmd("run", "./bench/gencorpus", "-n", "3000", "-o", site)
	parent := filepath.Join(tmp, "out")
	dest := filepath.Join(parent, "public")
	build := func() *exec.Cmd {
		return exec.Command(bin, "build", "-s", site, "-d", dest, "--quiet")
	}
	start := time.Now()
	if out, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	full := time.Since(start)
	before := hashTree(t, dest)

	cmd := build()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once the build is writing its temporary folder (or after
	// 200 ms), so that the kill lands mid-build.
	deadline := time.Now().Add(200 * time.Millisecond)
	for time.Now().Before(deadline) && !hasTmpFiles(parent) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if err == nil {
		t.Skipf("the build finished before the kill (a full build takes %v)", full)
	}
	if after := hashTree(t, dest); !equalTrees(before, after) {
		t.Fatalf("the killed build changed %s", dest)
	}
	if out, err := build().CombinedOutput(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".affsite-tmp-") || strings.HasPrefix(e.Name(), ".affsite-old-") {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
	if after := hashTree(t, dest); !equalTrees(before, after) {
		t.Errorf("the rebuild differs from the first build")
	}
}

// hasTmpFiles reports whether a build's temporary folder in parent has
// files in it yet.
func hasTmpFiles(parent string) bool {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".affsite-tmp-") {
			sub, _ := os.ReadDir(filepath.Join(parent, e.Name()))
			return len(sub) > 0
		}
	}
	return false
}

// hashTree maps each file below dir to its SHA-256.
func hashTree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestTopLevelBundleIsNoSection: content/about/index.md is the page
// /about/, not a section whose list would also write about/index.html.
func TestTopLevelBundleIsNoSection(t *testing.T) {
	t.Parallel()
	dir := hardSite(t, map[string]string{
		"content/about/index.md":   "---\ntitle: About us\n---\nHello.\n",
		"content/posts/x/index.md": "---\ntitle: X\n---\nX.\n",
	})
	out := generator.NewMemOutput()
	rep, err := generator.Build(generator.Options{Source: dir, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := out.File("about/index.html"); !bytes.Contains(b, []byte("About us")) {
		t.Errorf("about/index.html is not the bundle's page:\n%s", b)
	}
	if _, ok := out.File("posts/index.html"); !ok {
		t.Error("posts/ lost its section list")
	}
	if len(rep.Sources) != 2 {
		t.Errorf("%d pages, want 2", len(rep.Sources))
	}
}
