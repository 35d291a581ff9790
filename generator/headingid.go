package generator

import (
	"cmp"
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading ids the way Hugo's default ("github") style
// does: "## Gold Plan" gets id="gold-plan", a second one "gold-plan-1".
// One value serves one page.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := cmp.Or(anchorize(string(value)), "section")
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// anchorize lowercases s, turns spaces into hyphens and drops every rune
// that is not a letter, a digit, a hyphen or an underscore.
func anchorize(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, unicode.ToLower(r))
		case r == '-' || r == '_':
			out = append(out, r)
		case unicode.IsSpace(r):
			out = append(out, '-')
		}
	}
	return string(out)
}
