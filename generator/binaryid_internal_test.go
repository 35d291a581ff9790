package generator

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoBuildID reads the test binary's build ID as the go command
// prints it, and refuses a file that is not an executable.
func TestGoBuildID(t *testing.T) {
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	got := goBuildID(exe)
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); got != want {
		t.Errorf("goBuildID = %q, want %q", got, want)
	}
	if id := goBuildID("binaryid.go"); id != "" {
		t.Errorf("goBuildID of a source file = %q, want none", id)
	}
	id, err := binaryID()
	if err != nil || !strings.Contains(id, got) {
		t.Errorf("binaryID = %q, %v; want it to hold %q", id, err, got)
	}
}
