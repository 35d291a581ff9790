package outdir

import (
	"fmt"
	"maps"
	"path/filepath"
	"sync"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestPlaceMakesFolders writes files whose folders and the folders above
// them are new, from several goroutines at once and in no order (a
// pager's folder before its list's), and wants every file in place.
func TestPlaceMakesFolders(t *testing.T) {
	t.Parallel()
	site := sitetest.WriteFiles(t, map[string]string{"site.toml": ""})
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "home"}
	for i := range 20 {
		for pg := 2; pg < 5; pg++ {
			files[fmt.Sprintf("tags/t%d/page/%d/index.html", i, pg)] = fmt.Sprint(i, pg)
		}
		files[fmt.Sprintf("tags/t%d/index.html", i)] = fmt.Sprint(i)
		files[fmt.Sprintf("posts/p%d/index.html", i)] = fmt.Sprint("p", i)
	}
	d, err := Open(dest, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	names := make(chan string)
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	for range 4 {
		wg.Go(func() {
			for n := range names {
				errs <- d.WriteFile(n, []byte(files[n]))
			}
		})
	}
	for n := range files { // a map's order: any
		names <- n
	}
	close(names)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, files) {
		t.Errorf("output holds %s,\nwant %s", treeString(got), treeString(files))
	}
}

// TestPlaceFileInTheWay: a file of the build where a later name wants a
// folder fails that name's write, and the next name below it too (the
// folder is not taken as made), the files already written staying.
func TestPlaceFileInTheWay(t *testing.T) {
	t.Parallel()
	site := sitetest.WriteFiles(t, map[string]string{"site.toml": ""})
	d, err := Open(filepath.Join(t.TempDir(), "public"), Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.WriteFile("a/b", []byte("file")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a/b/c.html", "a/b/c.html", "a/b/d/e.html"} {
		if err := d.WriteFile(name, nil); err == nil {
			t.Errorf("%s written below the file a/b", name)
		}
	}
	if len(d.names) != 1 || d.names[0] != "a/b" {
		t.Errorf("the build's files: %v, want [a/b]", d.names)
	}
}
