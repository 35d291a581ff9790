//go:build !linux

package outdir

// exchange reports that this system has no atomic exchange of folders;
// Commit swaps by two renames instead.
func exchange(a, b string) error { return errNoExchange }
