package sitefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestWalkMissing: a missing folder walks as an empty one; a file in a
// folder that exists is walked, and fn's own errors are returned.
func TestWalkMissing(t *testing.T) {
	t.Parallel()
	none := func(p string, _ fs.DirEntry, err error) error {
		return errors.New("called for " + p)
	}
	if err := WalkDir(filepath.Join(t.TempDir(), "absent"), none); err != nil {
		t.Errorf("WalkDir of a missing folder: %v", err)
	}
	if err := WalkFS(os.DirFS(filepath.Join(t.TempDir(), "absent")), none); err != nil {
		t.Errorf("WalkFS of a missing folder: %v", err)
	}
	var seen []string
	err := WalkFS(fstest.MapFS{"a/b.txt": {}}, func(p string, _ fs.DirEntry, err error) error {
		seen = append(seen, p)
		return err
	})
	if err != nil || len(seen) != 3 {
		t.Errorf("WalkFS = %v, visited %q, want ., a, a/b.txt", err, seen)
	}
	if err := WalkFS(fstest.MapFS{"a": {}}, none); err == nil || err.Error() != "called for ." {
		t.Errorf("WalkFS with a failing fn = %v", err)
	}
}
