package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

func TestDeterministicAcrossWorkers(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "fixture")
	one, err := buildDir(src, func(o *generator.Options) { o.Workers = 1 })
	if err != nil {
		t.Fatal(err)
	}
	eight, err := buildDir(src, func(o *generator.Options) { o.Workers = 8 })
	if err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(memTree(one.out), memTree(eight.out)); d != "" {
		t.Errorf("Workers 1 and 8 differ:\n%s", d)
	}
	// The same holds for builds written to a folder.
	dirs := [2]string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	for i, w := range []int{1, 8} {
		if _, err := generator.Build(generator.Options{Source: src, Dest: dirs[i], Now: testNow, Workers: w}); err != nil {
			t.Fatal(err)
		}
	}
	if d := diffTrees(readTree(t, dirs[0]), readTree(t, dirs[1])); d != "" {
		t.Errorf("folder builds differ:\n%s", d)
	}
}

func TestFailedBuildKeepsOldOutput(t *testing.T) {
	t.Parallel()
	src := writeSite(t, `
-- site.toml --
title = "Keep"
-- content/posts/a.md --
---
title: A
---
Fine.
-- content/posts/b.md --
---
title: B
---
Also fine.
`)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	opts := generator.Options{Source: src, Dest: dest, Now: testNow}
	if _, err := generator.Build(opts); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	if len(before) == 0 {
		t.Fatal("first build wrote nothing")
	}
	if err := os.WriteFile(filepath.Join(src, "content", "posts", "b.md"), []byte("---\ntitle: B\n---\n{{< nosuch >}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := generator.Build(opts)
	if err == nil || !strings.HasPrefix(err.Error(), "content/posts/b.md:4:1: unknown shortcode") {
		t.Fatalf("second build: error %v, want the unknown shortcode", err)
	}
	if d := diffTrees(before, readTree(t, dest)); d != "" {
		t.Errorf("failed build changed the output:\n%s", d)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}
