package main

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestServeCache: serve keeps its build cache in SITE/.affsite/cache/serve
// (or --cacheDir's serve/), a second serve of the site starts from it
// and serves the same page, and --noCache writes none.
func TestServeCache(t *testing.T) {
	t.Parallel()
	const baseURL = "http://localhost:1313/" // the keys hold it: port 0 changes it
	dir := sitetest.WriteFiles(t, testSite)
	state := filepath.Join(dir, ".affsite", "cache", "serve", "state")
	base, _ := startServe(t, dir, "--baseURL", baseURL)
	_, _, first := get(t, base+"/posts/a/")
	if _, err := os.Stat(state); err != nil {
		t.Fatalf("no cache state after the first build: %v", err)
	}
	base, _ = startServe(t, dir, "--baseURL", baseURL)
	if code, _, again := get(t, base+"/posts/a/"); code != http.StatusOK || again != first {
		t.Errorf("second serve, from the cache: %d\n%s\nwant\n%s", code, again, first)
	}

	other := filepath.Join(t.TempDir(), "cache")
	startServe(t, dir, "--baseURL", baseURL, "--cacheDir", other)
	if _, err := os.Stat(filepath.Join(other, "serve", "state")); err != nil {
		t.Errorf("--cacheDir: %v", err)
	}

	bare := sitetest.WriteFiles(t, testSite)
	startServe(t, bare, "--noCache")
	if _, err := os.Stat(filepath.Join(bare, ".affsite")); err == nil {
		t.Errorf("--noCache wrote %s", filepath.Join(bare, ".affsite"))
	}
}
