package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
)

// TestCacheIgnoredWarned: a build whose cache folder cannot be opened
// builds without it and says so, on a site of one language and on a
// multilingual one (whose report joins the languages' and the site's).
func TestCacheIgnoredWarned(t *testing.T) {
	t.Parallel()
	for name, site := range map[string]string{"one language": randomSite, "multilingual": randomMultiSite} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := sitetest.Write(t, site)
			work := t.TempDir()
			notDir := filepath.Join(work, "cache")
			if err := os.WriteFile(notDir, []byte("a file, not a folder"), 0o644); err != nil {
				t.Fatal(err)
			}
			rep, err := generator.Build(generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: notDir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, w := range rep.Warnings {
				found = found || strings.Contains(w.Message, "build cache ignored")
			}
			if !found {
				t.Fatalf("warnings %v lack the cache's", rep.Warnings)
			}
		})
	}
}
