package generator_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
)

// update rewrites the golden files under testdata/ instead of comparing.
var update = flag.Bool("update", false, "rewrite testdata/golden* files")

// testNow is the fixed "now" of every test build, so that future and
// expired pages and dates in the output never depend on the clock.
var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// writeSite writes the archive's files below a new temporary folder and
// returns it (sitetest.Write).
func writeSite(t testing.TB, archive string) string {
	t.Helper()
	return sitetest.Write(t, archive)
}

// built is the result of a test build held in memory.
type built struct {
	dir    string
	out    *generator.MemOutput
	report *generator.Report
}

// buildSite writes the archive to a temporary folder and builds it in
// memory with testNow; the test fails on a build error.
func buildSite(t testing.TB, archive string, opts ...func(*generator.Options)) *built {
	t.Helper()
	b, err := tryBuild(t, archive, opts...)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return b
}

// tryBuild is buildSite returning the build error instead of failing.
func tryBuild(t testing.TB, archive string, opts ...func(*generator.Options)) (*built, error) {
	t.Helper()
	dir := writeSite(t, archive)
	return buildDir(dir, opts...)
}

// buildDir builds an existing site folder in memory.
func buildDir(dir string, opts ...func(*generator.Options)) (*built, error) {
	out := generator.NewMemOutput()
	o := generator.Options{Source: dir, Output: out, Now: testNow, Workers: 4}
	for _, f := range opts {
		f(&o)
	}
	rep, err := generator.Build(o)
	return &built{dir: dir, out: out, report: rep}, err
}

// file returns an output file's contents, failing the test when it is
// missing.
func (b *built) file(t testing.TB, name string) string {
	t.Helper()
	data, ok := b.out.File(name)
	if !ok {
		t.Fatalf("output has no %s; it has:\n%s", name, strings.Join(b.out.Names(), "\n"))
	}
	return string(data)
}

// assertFile fails unless the output file name exists and contains every
// one of the substrings.
func assertFile(t testing.TB, b *built, name string, substrings ...string) {
	t.Helper()
	got := b.file(t, name)
	for _, s := range substrings {
		if !strings.Contains(got, s) {
			t.Errorf("%s does not contain %q; it is:\n%s", name, s, got)
		}
	}
}

// assertFileNot fails when the output file contains any of the substrings.
func assertFileNot(t testing.TB, b *built, name string, substrings ...string) {
	t.Helper()
	got := b.file(t, name)
	for _, s := range substrings {
		if strings.Contains(got, s) {
			t.Errorf("%s contains %q, and should not", name, s)
		}
	}
}

// assertNoFile fails when the build wrote name.
func assertNoFile(t testing.TB, b *built, name string) {
	t.Helper()
	if _, ok := b.out.File(name); ok {
		t.Errorf("output has %s, and should not", name)
	}
}

// assertOrder fails unless the substrings occur in file name in the given
// order.
func assertOrder(t testing.TB, b *built, name string, substrings ...string) {
	t.Helper()
	got := b.file(t, name)
	at := 0
	for _, s := range substrings {
		i := strings.Index(got[at:], s)
		if i < 0 {
			t.Errorf("%s: %q not found after offset %d", name, s, at)
			return
		}
		at += i + len(s)
	}
}

// readTree reads every file below dir into a map by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// memTree copies a MemOutput into a map.
func memTree(out *generator.MemOutput) map[string][]byte {
	m := map[string][]byte{}
	for _, n := range out.Names() {
		b, _ := out.File(n)
		m[n] = b
	}
	return m
}

// diffTrees describes how two file trees differ, "" when they are equal.
func diffTrees(a, b map[string][]byte) string {
	var names []string
	for n := range a {
		names = append(names, n)
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var sb strings.Builder
	for _, n := range names {
		x, inA := a[n]
		y, inB := b[n]
		switch {
		case !inA:
			sb.WriteString("only in second: " + n + "\n")
		case !inB:
			sb.WriteString("only in first: " + n + "\n")
		case !bytes.Equal(x, y):
			sb.WriteString("differs: " + n + "\n")
		}
	}
	return sb.String()
}
