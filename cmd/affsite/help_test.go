package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A misspelt flag or command gets one line naming it, the one meant when
// it is close, and where the help is: not a dump of every flag.
func TestUnknownFlagAndCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--minfy"}, "affsite build: unknown flag --minfy; did you mean --minify?\nRun \"affsite help build\" for its flags.\n"},
		{[]string{"build", "-minfy"}, "affsite build: unknown flag --minfy; did you mean --minify?\n"},
		{[]string{"build", "--baseurl", "https://x.example/"}, "affsite build: unknown flag --baseurl; did you mean --baseURL?\n"},
		{[]string{"serve", "--prot", "8080"}, "affsite serve: unknown flag --prot; did you mean --port?\n"},
		{[]string{"check", "--stritc"}, "affsite check: unknown flag --stritc; did you mean --strict?\n"},
		{[]string{"new", "site", "x", "--forse"}, "affsite new site: unknown flag --forse; did you mean --force?\nRun \"affsite help new site\" for its flags.\n"},
		{[]string{"new", "review", "x", "--titel", "T"}, "affsite new review: unknown flag --titel; did you mean --title?\n"},
		{[]string{"build", "--zzzzzz"}, "affsite build: unknown flag --zzzzzz\nRun \"affsite help build\" for its flags.\n"},
		{[]string{"build", "-s"}, "affsite build: flag needs an argument: -s\n"},
		{[]string{"serve", "--port", "x"}, "affsite serve: invalid value \"x\" for flag --port: parse error\n"},
		{[]string{"bild"}, "affsite: unknown command \"bild\"; did you mean \"build\"?\nRun \"affsite help\" for the commands.\n"},
		{[]string{"serv"}, "did you mean \"serve\"?"},
		{[]string{"chek"}, "did you mean \"check\"?"},
		{[]string{"new", "revew"}, "affsite new: unknown kind \"revew\" (want site, review, program or page); did you mean \"review\"?\n"},
		{[]string{"zzzzzz"}, "affsite: unknown command \"zzzzzz\"\nRun \"affsite help\" for the commands.\n"},
	} {
		code, out, errs := runCmd(tc.args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, errs, tc.want)
		}
		if n := strings.Count(errs, "\n"); n > 2 {
			t.Errorf("%v: %d lines on stderr, want at most 2:\n%s", tc.args, n, errs)
		}
	}
}

// Every command's help is on standard output, writes its flags with two
// dashes (one for a one-letter alias), one line each, with the default
// where there is one.
func TestHelpForPeople(t *testing.T) {
	t.Parallel()
	for _, fs := range completionCommands() {
		for _, args := range [][]string{
			append([]string{"help"}, strings.Fields(fs.path)...),
			append(strings.Fields(fs.path), "--help"),
			append(strings.Fields(fs.path), "-h"),
		} {
			code, out, errs := runCmd(args...)
			if args[0] != "help" {
				// -h and --help write to stderr, as Go's flag package does.
				out, errs = errs, out
			}
			if code != exitOK || errs != "" || !strings.HasPrefix(out, "Usage: affsite "+fs.path+" ") {
				t.Errorf("%v: exit %d, stderr %q, stdout:\n%s", args, code, errs, out)
				continue
			}
			for _, d := range fs.flags {
				left := "--" + d.name
				if d.short != "" {
					left = "-" + d.short + ", " + left
				}
				if d.meta != "" {
					left += " " + d.meta
				}
				found := false
				for _, l := range strings.Split(out, "\n") {
					col, rest, _ := strings.Cut(strings.TrimSpace(l), "  ")
					found = found || (col == left && strings.HasPrefix(strings.TrimSpace(rest), d.usage))
				}
				if !found {
					t.Errorf("%v: no line %q with %q:\n%s", args, left, d.usage, out)
				}
			}
			if strings.Contains(out, "\n  -"+fs.flags[len(fs.flags)-1].name) {
				t.Errorf("%v: a long flag with one dash:\n%s", args, out)
			}
		}
	}
	_, out, _ := runCmd("help", "serve")
	for _, want := range []string{
		"  -p, --port N             the port to listen on; 0 picks a free one (default 1313)\n",
		"      --bind ADDR          the interface to listen on (default 127.0.0.1)\n",
		"      --drafts             include draft pages; --drafts=false leaves them out (default true)\n",
		"  -s, --source DIR         the site's folder (default .)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("help serve lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCmd("help", "check")
	if !strings.Contains(out, "      --format FORMAT    text, or json for CI annotations (default text)") {
		t.Errorf("help check:\n%s", out)
	}
	_, out, _ = runCmd("help")
	for _, c := range commands {
		if !strings.Contains(out, "\n  affsite "+c.name) {
			t.Errorf("help lacks %s:\n%s", c.name, out)
		}
	}
}

// --quiet leaves out the summary; warnings are still printed, as its help
// says.
func TestQuietPrintsWarnings(t *testing.T) {
	t.Parallel()
	site := writeCLISite(t)
	if err := os.Symlink(t.TempDir(), filepath.Join(site, "content", "linked")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	code, out, errs := runCmd("build", "--quiet", "-s", site, "-d", filepath.Join(t.TempDir(), "out"))
	if code != exitOK || out != "" || !strings.Contains(errs, "warning: content/linked: symlinked folder skipped") {
		t.Errorf("build --quiet: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	_, help, _ := runCmd("help", "build")
	if !strings.Contains(help, "--quiet            do not print the summary line (warnings and errors are still printed)") {
		t.Errorf("help build:\n%s", help)
	}
}

// The bash script completes commands, kinds, flags and flag values, as
// bash itself runs it; zsh and fish check their script's syntax where
// they are installed.
func TestCompletion(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, errs := runCmd("completion", sh)
		if code != exitOK || errs != "" {
			t.Fatalf("completion %s: exit %d, %s", sh, code, errs)
		}
		for _, fs := range completionCommands() {
			for _, d := range fs.flags {
				if !strings.Contains(out, d.name) {
					t.Errorf("completion %s lacks %s's --%s", sh, fs.path, d.name)
				}
			}
		}
		script := filepath.Join(dir, "affsite."+sh)
		if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if sh == "bash" {
			continue
		}
		if _, err := exec.LookPath(sh); err != nil {
			t.Logf("%s is not installed: its script's syntax is not checked", sh)
			continue
		}
		if b, err := exec.Command(sh, "-n", script).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, b)
		}
		if sh == "fish" {
			// fish completes a command line without a terminal.
			for line, want := range map[string]string{
				"affsite build --mi":        "--minify\tminify HTML, CSS, JS, JSON, SVG and XML",
				"affsite new page ":         "",
				"affsite new ":              "page\twrite a page that is not a review (about, contact)\nprogram\twrite a program data file\nreview\twrite a review of a program\nsite\tcreate a site",
				"affsite check --format ":   "json\ttext, or json for CI annotations\ntext\ttext, or json for CI annotations",
				"affsite server --p":        "--port\tthe port to listen on; 0 picks a free one",
				"affsite new program x --u": "--url\tthe vendor's home page, http(s) (required)",
				"affsite import ":           "wordpress\tcreate a site from a WordPress export (WXR)",
			} {
				got, err := exec.Command("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", script, line).Output()
				if err != nil || strings.TrimSpace(string(got)) != want {
					t.Errorf("fish completes %q to %q (%v), want %q", line, got, err, want)
				}
			}
		}
	}
	if code, _, errs := runCmd("completion", "tcsh"); code != exitUsage || !strings.Contains(errs, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %q", code, errs)
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	if err := os.Mkdir(filepath.Join(dir, "sitedir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		line string // the command line, completed at its end
		want string
	}{
		{"affsite b", "build"},
		{"affsite c", "check completion"},
		{"affsite build --mi", "--minify"},
		{"affsite build --c", "--cacheDir --cpuprofile"},
		{"affsite build --cp", "--cpuprofile"},
		{"affsite server --p", "--port"},
		{"affsite check --format ", "text json"},
		{"affsite check --format j", "json"},
		{"affsite new ", "site review program page"},
		{"affsite new p", "program page"},
		{"affsite new review kartra --ti", "--title"},
		{"affsite new program x --u", "--url"},
		{"affsite build -s site", "sitedir"},
		{"affsite new site site", "sitedir"},
		{"affsite help n", "new"},
		{"affsite i", "import"},
		{"affsite import ", "wordpress"},
		{"affsite import wordpress x.xml --li", "--links --links-prefix"},
		{"affsite import wordpress x.xml --uploads site", "sitedir"},
		{"affsite completion f", "fish"},
	} {
		words := strings.Fields(tc.line)
		if strings.HasSuffix(tc.line, " ") {
			words = append(words, "")
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		prog := "source affsite.bash; COMP_WORDS=(" + strings.Join(quoted, " ") + "); COMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "; _affsite; echo \"${COMPREPLY[*]}\""
		cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog)
		cmd.Dir = dir
		got, err := cmd.Output()
		if err != nil || strings.TrimSpace(string(got)) != tc.want {
			t.Errorf("%q completes to %q (%v), want %q", tc.line, strings.TrimSpace(string(got)), err, tc.want)
		}
	}
}
