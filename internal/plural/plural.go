// Package plural writes counts of things in English: "1 page", "2 pages".
package plural

import "strconv"

// N returns n and the noun, in the plural (noun + "s") unless n is 1. The
// nouns affsite counts (page, file, affiliate link, warning, error) are
// all regular.
func N(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
