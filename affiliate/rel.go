package affiliate

import "strings"

// Rel is the rel value of every affiliate anchor affsite writes or
// completes: Google asks for "sponsored" (and accepts "nofollow"), and
// "noopener" guards target="_blank".
const Rel = "sponsored nofollow noopener"

// DisclosureClass is the class of the element that holds an affiliate
// disclosure; a page's first affiliate link must come after one.
const DisclosureClass = "aff-disclosure"

// IsSponsored reports whether a rel value marks a link as paid.
func IsSponsored(rel string) bool { return HasWord(rel, "sponsored") }

// HasWord reports whether the space-separated list holds want, in any
// case (as rel and class values are compared).
func HasWord(list, want string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, want) {
			return true
		}
	}
	return false
}

// MergeRel adds the words of add to the rel value have, keeping the
// order of both and each word once.
func MergeRel(have, add string) string {
	words := strings.Fields(have)
	for _, w := range strings.Fields(add) {
		if !HasWord(have, w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}
