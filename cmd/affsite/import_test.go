package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wpFixture is the importer's own fixture, shared rather than copied.
const wpFixture = "../../wpimport/testdata/"

// affsite import wordpress, as typed: the summary on stdout, exit 0, a
// site that builds; a second import into the same folder is refused
// (exit 1, as new site refuses a non-empty folder: the folder's state,
// not a wrong command line) and leaves what is there alone.
func TestImportWordPressCommand(t *testing.T) {
	t.Parallel()
	site := filepath.Join(t.TempDir(), "site")
	args := []string{"import", "wordpress", wpFixture + "export.xml", "-o", site,
		"--links", wpFixture + "thirstyaffiliates.csv", "--links", wpFixture + "prettylinks.csv",
		"--uploads", wpFixture + "uploads"}
	code, out, errs := runCmd(args...)
	if code != exitOK || errs != "" {
		t.Fatalf("import: exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"imported 5 posts and 2 pages (2 drafts), ",
		" content links became link shortcodes, ",
		"not imported: 2 comments, ",
		"findings to review in import-report.md\n",
		"Wrote " + site + "; review " + site + "/import-report.md, then run: affsite serve -s ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	report, err := os.ReadFile(filepath.Join(site, "import-report.md"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(out, "\n")
	if !strings.Contains(string(report), "- "+first+"\n") {
		t.Errorf("import-report.md lacks the printed summary %q", first)
	}
	if code, _, errs := runCmd("build", "--quiet", "-s", site, "-d", filepath.Join(t.TempDir(), "public")); code != exitOK {
		t.Errorf("build of the imported site: exit %d, %s", code, errs)
	}

	before, err := os.ReadFile(filepath.Join(site, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCmd("import", "wordpress", wpFixture+"export.xml", "-o", site)
	if code != exitContent || out != "" || !strings.Contains(errs, "affsite import wordpress: "+site+" is not empty") {
		t.Errorf("import into a non-empty folder: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if after, _ := os.ReadFile(filepath.Join(site, "site.toml")); string(after) != string(before) {
		t.Error("a refused import changed the folder")
	}
}

// A wrong command line (flags, arguments, an --uploads or --links-prefix
// that cannot work) is exit 2 and writes nothing; an export that is not
// WXR is the input's error, exit 1, with its file and line.
func TestImportWordPressErrors(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	notWXR := filepath.Join(tmp, "page.xml")
	if err := os.WriteFile(notWXR, []byte("<?xml version=\"1.0\"?>\n<html/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "site")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no source", []string{"import"}, exitUsage, "Usage: affsite import wordpress EXPORT.xml -o DIR"},
		{"unknown source", []string{"import", "blogger", "x.xml"}, exitUsage, `affsite import: unknown source "blogger" (want wordpress)`},
		{"no export", []string{"import", "wordpress", "-o", out}, exitUsage, "affsite import wordpress: missing EXPORT.xml"},
		{"no -o", []string{"import", "wordpress", wpFixture + "export.xml"}, exitUsage, "missing -o DIR"},
		{"two exports", []string{"import", "wordpress", "a.xml", "b.xml", "-o", out}, exitUsage, `unexpected argument "b.xml"`},
		{"misspelt flag", []string{"import", "wordpress", "a.xml", "--upload", "u"}, exitUsage, "unknown flag --upload; did you mean --uploads?"},
		{"not WXR", []string{"import", "wordpress", notWXR, "-o", out}, exitContent, notWXR + ":2: not a WordPress export"},
		{"missing export", []string{"import", "wordpress", filepath.Join(tmp, "none.xml"), "-o", out}, exitContent, "none.xml"},
		{"uploads not a folder", []string{"import", "wordpress", wpFixture + "export.xml", "-o", out, "--uploads", notWXR}, exitUsage, "--uploads " + notWXR + ": not a folder"},
		{"bad links prefix", []string{"import", "wordpress", wpFixture + "export.xml", "-o", out, "--links-prefix", "../x"}, exitUsage, `link prefix "../x" is not a plain site folder`},
	} {
		code, stdout, stderr := runCmd(tc.args...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.name, code, stdout, stderr, tc.code, tc.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: wrote %s", tc.name, out)
		}
	}
	if code, stdout, _ := runCmd("help", "import"); code != exitOK || !strings.Contains(stdout, "affsite help import wordpress") {
		t.Errorf("help import: exit %d, %q", code, stdout)
	}
}
