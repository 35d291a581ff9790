package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestOutputFolderRefusals: `affsite build -d` never replaces a folder
// affsite did not write: exit 2, a message naming the folder and what to
// do, and every file as it was.
func TestOutputFolderRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, site string) []string // the command line
		want  string
	}{
		{"the program data", func(t *testing.T, site string) []string {
			return []string{"build", "-s", site, "-d", filepath.Join(site, "data", "programs")}
		}, "it is inside the site's data/ folder; choose another folder with -d"},
		{"the repository", func(t *testing.T, site string) []string {
			writeFile(t, filepath.Join(site, ".git", "HEAD"), "ref: refs/heads/main\n")
			return []string{"build", "-s", site, "-d", filepath.Join(site, ".git")}
		}, "it is the site's .git/ folder"},
		{"the images", func(t *testing.T, site string) []string {
			writeFile(t, filepath.Join(site, "static", "img", "logo.svg"), "<svg/>")
			return []string{"build", "-s", site, "-d", filepath.Join(site, "static", "img")}
		}, "it is inside the site's static/ folder"},
		{"a folder of documents", func(t *testing.T, site string) []string {
			docs := filepath.Join(t.TempDir(), "Documents")
			writeFile(t, filepath.Join(docs, "tax-2026.pdf"), "%PDF")
			return []string{"build", "-s", site, "-d", docs}
		}, "it is not empty and affsite did not write it; choose a new or empty folder, or delete it yourself"},
		{"a file named public", func(t *testing.T, site string) []string {
			writeFile(t, filepath.Join(site, "public"), "hi\n")
			return []string{"build", "-s", site}
		}, "refusing to use " + "SITE/public as the output folder: it is a file, not a folder"},
		{"the site through a symlink", func(t *testing.T, site string) []string {
			link := filepath.Join(t.TempDir(), "sitelink")
			if err := os.Symlink(site, link); err != nil {
				t.Fatal(err)
			}
			return []string{"build", "-s", link, "-d", site}
		}, "it is the site's source folder"},
		{"a file added to its own output", func(t *testing.T, site string) []string {
			if code, _, errs := runCLI("build", "-s", site); code != exitOK {
				t.Fatalf("first build: %d %s", code, errs)
			}
			writeFile(t, filepath.Join(site, "public", "google1234.html"), "google-site-verification")
			return []string{"build", "-s", site}
		}, "it holds 1 file affsite did not write (google1234.html)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			site := newTestSite(t, nil)
			args := tt.setup(t, site)
			before := snapshot(t, filepath.Dir(site))
			code, _, errs := runCLI(args...)
			want := strings.ReplaceAll(tt.want, "SITE", site)
			if code != exitUsage || !strings.Contains(errs, want) {
				t.Errorf("code %d, stderr %q; want 2 and %q", code, errs, want)
			}
			if after := snapshot(t, filepath.Dir(site)); after != before {
				t.Errorf("a refused build changed files:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestRebuildIntoOwnOutput: ordinary rebuilds into public/ keep working
// and leave nothing beside it.
func TestRebuildIntoOwnOutput(t *testing.T) {
	t.Parallel()
	site := newTestSite(t, nil)
	for i := range 3 {
		if code, _, errs := runCLI("build", "-s", site, "--quiet"); code != exitOK || errs != "" {
			t.Fatalf("build %d: code %d, stderr %q", i, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Fatal(err)
	}
	checkNothingBeside(t, site)
}

// TestHugoPublicMovedAside: a Hugo user's public/ is moved aside with a
// note, not deleted.
func TestHugoPublicMovedAside(t *testing.T) {
	t.Parallel()
	site := newTestSite(t, nil)
	writeFile(t, filepath.Join(site, "public", "index.html"), `<meta name="generator" content="Hugo 0.111.3">`)
	writeFile(t, filepath.Join(site, "public", "posts", "old", "index.html"), "old post")
	code, _, errs := runCLI("build", "-s", site)
	if code != exitOK || !strings.Contains(errs, "note: the output folder held Hugo's build; moved it to "+filepath.Join(site, "public.hugo")) {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	if b, err := os.ReadFile(filepath.Join(site, "public.hugo", "posts", "old", "index.html")); err != nil || string(b) != "old post" {
		t.Errorf("Hugo's output not kept: %v", err)
	}
}

// TestOverlappingBuilds: builds of one site into one folder at once all
// succeed, and the folder ends with one complete build.
func TestOverlappingBuilds(t *testing.T) {
	t.Parallel()
	extra := map[string]string{}
	for i := range 300 {
		extra[fmt.Sprintf("content/posts/p%03d.md", i)] = fmt.Sprintf("---\ntitle: Post %d\ndescription: d\n---\nText %d.\n", i, i)
	}
	site := newTestSite(t, extra)
	var wg sync.WaitGroup
	codes := make([]int, 4)
	outs := make([]string, 4)
	for i := range codes {
		wg.Go(func() {
			var errs string
			codes[i], outs[i], errs = runCLI("build", "-s", site)
			outs[i] += errs
		})
	}
	wg.Wait()
	for i, c := range codes {
		if c != exitOK {
			t.Fatalf("build %d: code %d: %s", i, c, outs[i])
		}
	}
	manifest, err := os.ReadFile(filepath.Join(site, "public", ".affsite-manifest"))
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Count(string(manifest), "\n") - 1
	var onDisk int
	filepath.Walk(filepath.Join(site, "public"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && info.Name() != ".affsite-manifest" {
			onDisk++
		}
		return nil
	})
	if onDisk != listed || !strings.Contains(outs[0], fmt.Sprintf("%d files", listed)) {
		t.Errorf("%d files on disk, %d in the manifest; build said %q", onDisk, listed, outs[0])
	}
	checkNothingBeside(t, site)
}

// checkNothingBeside fails when a build left its temporary folders or
// lock (.affsite-…) beside the output in site, or anything but the build
// cache in .affsite/.
func checkNothingBeside(t *testing.T, site string) {
	t.Helper()
	for _, e := range mustReadDir(t, site) {
		if e == ".affsite" {
			if got := mustReadDir(t, filepath.Join(site, e)); len(got) != 1 || got[0] != "cache" {
				t.Errorf("left in .affsite/: %v, want only the build cache", got)
			}
			continue
		}
		if strings.HasPrefix(e, ".affsite") {
			t.Errorf("left beside the output: %s", e)
		}
	}
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// snapshot lists every file under dir with its size and contents'
// first bytes, to see that nothing changed.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v %d\n", rel, info.Mode(), info.Size())
		return nil
	})
	return b.String()
}
