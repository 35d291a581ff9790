package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

// runCLI runs the command line args and returns its exit code and output.
func runNewCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestNewSiteReviewProgram(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	code, out, errOut := runNewCLI(t, "new", "site", dir)
	if code != exitOK {
		t.Fatalf("new site: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "site.toml") || !strings.Contains(out, "affsite serve") {
		t.Errorf("new site output:\n%s", out)
	}

	code, _, errOut = runNewCLI(t, "new", "site", dir)
	if code != exitContent || !strings.Contains(errOut, "is not empty") || !strings.Contains(errOut, "--force") {
		t.Errorf("new site into a non-empty folder: exit %d, stderr %q", code, errOut)
	}

	// Flags after the argument work as well as before it.
	code, out, errOut = runNewCLI(t, "new", "program", "acme-2", "--name", "Acme Two", "--url", "https://acme.example/", "-s", dir)
	if code != exitOK {
		t.Fatalf("new program: exit %d\n%s", code, errOut)
	}
	src, err := os.ReadFile(filepath.Join(dir, "data", "programs", "acme-2.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := programs.Parse("acme-2.yaml", src); err != nil {
		t.Errorf("new program output does not validate: %v", err)
	}
	if !strings.Contains(out, "acme-2.yaml") {
		t.Errorf("new program output: %q", out)
	}

	code, out, errOut = runNewCLI(t, "new", "review", "-s", dir, "--title", "Acme Two, reviewed", "acme-2")
	if code != exitOK {
		t.Fatalf("new review: exit %d\n%s", code, errOut)
	}
	review := filepath.Join(dir, "content", "posts", "acme-two-reviewed.md")
	if b, err := os.ReadFile(review); err != nil || !strings.Contains(string(b), `{{< commission-table program="acme-2" >}}`) {
		t.Errorf("review %s: %v\n%s", review, err, b)
	}
	if !strings.Contains(out, "acme-two-reviewed.md") {
		t.Errorf("new review output: %q", out)
	}

	code, _, errOut = runNewCLI(t, "new", "review", "acme-2", "--title", "Acme Two, reviewed", "-s", dir)
	if code != exitContent || !strings.Contains(errOut, "already exists") {
		t.Errorf("second review: exit %d, stderr %q", code, errOut)
	}

	code, _, errOut = runNewCLI(t, "new", "review", "acme", "-s", dir)
	if code != exitContent || !strings.Contains(errOut, "known programs: acme-2, example") {
		t.Errorf("unknown program: exit %d, stderr %q", code, errOut)
	}

	// Until the referral ids are set, every review's links warn.
	code, _, errOut = runNewCLI(t, "build", "-s", dir, "--quiet", "-d", filepath.Join(t.TempDir(), "public"))
	if code != exitOK || strings.Count(errOut, `referral id "YOUR-AFFILIATE-ID" (its ref_id) is a placeholder`) != 2 {
		t.Errorf("build with placeholder ids: exit %d, stderr %q", code, errOut)
	}
	setRefIDs(t, dir)
	code, out, errOut = runNewCLI(t, "build", "-s", dir, "--quiet", "-d", filepath.Join(t.TempDir(), "public"))
	if code != exitOK || errOut != "" {
		t.Errorf("build of the new site: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestNewUsage(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{name: "no kind", args: []string{"new"}, code: exitUsage, stderr: "affsite new site DIR"},
		{name: "unknown kind", args: []string{"new", "post"}, code: exitUsage, stderr: `unknown kind "post"`},
		{name: "page without title", args: []string{"new", "page", "-s", site}, code: exitUsage, stderr: "missing the page's title"},
		{name: "page with bad section", args: []string{"new", "page", "X", "--section", "../up", "-s", site}, code: exitContent, stderr: "want a folder name below content/"},
		{name: "site without dir", args: []string{"new", "site"}, code: exitUsage, stderr: "missing the folder"},
		{name: "site with two dirs", args: []string{"new", "site", "a", "b"}, code: exitUsage, stderr: `unexpected argument "b"`},
		{name: "unknown flag", args: []string{"new", "site", "--nope", "a"}, code: exitUsage, stderr: "unknown flag --nope"},
		{name: "review without program", args: []string{"new", "review", "-s", site}, code: exitUsage, stderr: "missing the program"},
		{name: "review in a site without programs", args: []string{"new", "review", "x", "-s", site}, code: exitContent, stderr: "holds no program files"},
		{name: "program without name", args: []string{"new", "program", "x", "--url", "https://x.example/", "-s", site}, code: exitUsage, stderr: "--name and --url are required"},
		{name: "program with bad id", args: []string{"new", "program", "X_1", "--name", "X", "--url", "https://x.example/", "-s", site}, code: exitUsage, stderr: `such as "x-1"`},
		{name: "program with bad url", args: []string{"new", "program", "x", "--name", "X", "--url", "x.example", "-s", site}, code: exitContent, stderr: "not an absolute http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := runNewCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.stderr)
			}
		})
	}
	code, out, _ := runNewCLI(t, "help", "new")
	if code != exitOK || !strings.Contains(out, "affsite new review PROGRAM") {
		t.Errorf("help new: exit %d, %q", code, out)
	}
}

// setRefIDs replaces the referral-id placeholder that new site and new
// program write with a real-looking id, as their user does before the
// links can earn anything (until then the build warns and check fails).
func setRefIDs(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "data", "programs", "*"))
	for _, f := range append(files, filepath.Join(dir, "site.toml")) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(strings.ReplaceAll(string(b), "YOUR-AFFILIATE-ID", "ann-reviews-42")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
