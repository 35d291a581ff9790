// Package suggest finds the known name closest to a misspelt one, for
// "did you mean" messages.
package suggest

// Closest returns the name in known nearest to name by edit distance,
// when it is at most 2 edits away and fewer edits than name has runes
// (so that "x" suggests nothing). Ties go to the earlier known name.
func Closest(name string, known []string) (string, bool) {
	best, bestDist := "", 3
	for _, k := range known {
		if d := Distance(name, k); d < bestDist && d < len([]rune(name)) {
			best, bestDist = k, d
		}
	}
	return best, best != ""
}

// Distance returns the number of single-rune insertions, deletions and
// substitutions that turn a into b (the Levenshtein distance).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
