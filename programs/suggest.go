package programs

// suggest returns the known key closest to key by edit distance, if it is
// at most 2 edits away and closer than the key is long (so that "x" does not
// suggest "id"). Ties go to the earlier known key.
func suggest(key string, known []string) (string, bool) {
	best, bestDist := "", 3
	for _, k := range known {
		if d := levenshtein(key, k); d < bestDist && d < len([]rune(key)) {
			best, bestDist = k, d
		}
	}
	return best, best != ""
}

// levenshtein returns the number of single-rune insertions, deletions and
// substitutions that turn a into b.
func levenshtein(a, b string) int {
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
