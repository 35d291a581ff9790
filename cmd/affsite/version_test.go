package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/version"
)

// pinRE finds the affsite version a command installs or runs.
var pinRE = regexp.MustCompile("cmd/affsite@([^\\s\"'`)]+)")

// A new site's recipes run the release that created the site, and every
// install or run command of the README and docs pins that same release:
// none says @latest, which the module proxy refuses for a module with no
// published version and which would change under a site without notice.
func TestVersionPinnedEverywhere(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("new", "site", dir); code != exitOK {
		t.Fatalf("new site: exit %d, %s", code, errs)
	}
	var netlify struct {
		Build   struct{ Command string }            `toml:"build"`
		Context map[string]struct{ Command string } `toml:"context"`
	}
	if _, err := toml.DecodeFile(filepath.Join(dir, "netlify.toml"), &netlify); err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct{ Run string }
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(src, &workflow); err != nil {
		t.Fatal(err)
	}
	recipes := map[string]string{"netlify.toml": netlify.Build.Command}
	for ctx, c := range netlify.Context {
		recipes["netlify.toml [context."+ctx+"]"] = c.Command
	}
	for _, s := range workflow.Jobs["build"].Steps {
		if strings.Contains(s.Run, "affsite") {
			recipes["deploy.yml"] = s.Run
		}
	}
	for name, cmd := range recipes {
		m := pinRE.FindStringSubmatch(cmd)
		if m == nil || m[1] != version.Tag {
			t.Errorf("%s runs %q; want it to pin cmd/affsite@%s", name, cmd, version.Tag)
		}
	}
	if len(recipes) != 4 {
		t.Errorf("found the affsite command of %d recipes, want 4 (netlify.toml's build, deploy previews and branch deploys, deploy.yml): %v", len(recipes), recipes)
	}

	docs, _ := filepath.Glob("../../docs/*.md")
	pins := 0
	for _, name := range append([]string{"../../README.md"}, docs...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range pinRE.FindAllStringSubmatch(string(b), -1) {
			pins++
			if m[1] != version.Tag && m[1] != "…" {
				t.Errorf("%s pins cmd/affsite@%s; want @%s (internal/version.Release)", name, m[1], version.Tag)
			}
		}
		for _, m := range regexp.MustCompile("affsite (\\d+\\.\\d+\\.\\d+[^\\s`,)]*)").FindAllStringSubmatch(string(b), -1) {
			if m[1] != version.Release {
				t.Errorf("%s shows affsite %s; want %s", name, m[1], version.Release)
			}
		}
	}
	if pins < 5 {
		t.Errorf("found %d pinned affsite commands in README.md and docs/; want the install, CI and deploy ones", pins)
	}
}

// The release workflow builds the six targets, stamps the version where
// main reads it, publishes checksums, and refuses a tag that is not the
// source's Release (its check reads a line that must exist as written).
func TestReleaseWorkflow(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../.github/workflows/release.yml")
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		On struct {
			Push struct{ Tags []string }
		}
		Jobs map[string]struct {
			Needs    any
			Strategy struct {
				Matrix map[string][]string
			}
			Steps []struct {
				Uses string
				Run  string
			}
		}
	}
	if err := yaml.Unmarshal(src, &w); err != nil {
		t.Fatal(err)
	}
	if len(w.On.Push.Tags) != 1 || w.On.Push.Tags[0] != "v*.*.*" {
		t.Errorf("on.push.tags = %v, want [v*.*.*]", w.On.Push.Tags)
	}
	m := w.Jobs["build"].Strategy.Matrix
	if strings.Join(m["goos"], ",") != "linux,darwin,windows" || strings.Join(m["goarch"], ",") != "amd64,arm64" {
		t.Errorf("build matrix = %v, want linux, darwin, windows × amd64, arm64", m)
	}
	runs := func(job string) string {
		var all []string
		for _, s := range w.Jobs[job].Steps {
			all = append(all, s.Run)
		}
		return strings.Join(all, "\n")
	}
	if !strings.Contains(runs("build"), "-X main.stampedVersion=${version}") {
		t.Error("the build does not stamp main.stampedVersion")
	}
	if !strings.Contains(runs("release"), "sha256sum affsite_* > checksums.txt") || !strings.Contains(runs("release"), "gh release create") {
		t.Errorf("the release job does not publish checksums:\n%s", runs("release"))
	}
	if w.Jobs["build"].Needs != "verify" || w.Jobs["release"].Needs != "build" {
		t.Errorf("jobs run in the wrong order: build needs %v, release needs %v", w.Jobs["build"].Needs, w.Jobs["release"].Needs)
	}
	verify := runs("verify")
	if !strings.Contains(verify, `grep -qx "const Release = \"${GITHUB_REF_NAME#v}\"" internal/version/version.go`) {
		t.Errorf("verify does not compare the tag with Release:\n%s", verify)
	}
	vsrc, err := os.ReadFile("../../internal/version/version.go")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^const Release = "` + regexp.QuoteMeta(version.Release) + `"$`).Match(vsrc) {
		t.Error(`internal/version/version.go has no line 'const Release = "…"' for the release workflow's check to find`)
	}
}

// -ldflags -X main.stampedVersion sets the version a binary prints.
func TestStampedVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds affsite")
	}
	t.Parallel()
	exe := filepath.Join(t.TempDir(), "affsite")
	build := exec.Command("go", "build", "-o", exe, "-ldflags", "-X main.stampedVersion=9.8.7", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "version").Output()
	if err != nil || string(out) != "affsite 9.8.7\n" {
		t.Errorf("version = %q, %v; want \"affsite 9.8.7\\n\"", out, err)
	}
}

// A build from a checkout prints Release and says it is one.
func TestVersionCommand(t *testing.T) {
	t.Parallel()
	code, out, _ := runCmd("version")
	if code != exitOK || !strings.HasPrefix(out, "affsite "+version.Release+" (built from source") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
