package affiliate

// OwnDisclosureKey is the front-matter key by which an author says that
// a page carries a disclosure of their own, in words Scan may not
// recognise (own_disclosure: true): the page then counts as disclosed
// wherever its disclosure stands, and no box is added.
const OwnDisclosureKey = "own_disclosure"

// Placement is what the disclosure rule makes of a page: a page with an
// affiliate link shows a disclosure — the disclosure box, or the
// author's own statement — before its first one.
type Placement int

// Placements, from fine to wrong.
const (
	NoAffiliateLinks  Placement = iota // nothing to disclose
	DisclosedFirst                     // a disclosure comes before the first affiliate link
	DisclosedByAuthor                  // the front matter sets own_disclosure
	DisclosedLate                      // disclosures only after the first affiliate link
	Undisclosed                        // no disclosure at all
)

// Disclosed tells whether the page satisfies the rule.
func (p Placement) Disclosed() bool { return p <= DisclosedByAuthor }

// Place applies the disclosure rule to what Scan found; own tells
// whether the page's front matter sets OwnDisclosureKey. The build and
// affsite check both judge a page by it.
func (f Found) Place(own bool) Placement {
	switch {
	case len(f.Anchors) == 0:
		return NoAffiliateLinks
	case before(f.Disclosure, f.Anchors[0].Offset) || before(f.Statement.Offset, f.Anchors[0].Offset):
		return DisclosedFirst
	case own:
		return DisclosedByAuthor
	case f.Disclosure >= 0 || f.Statement.Offset >= 0:
		return DisclosedLate
	}
	return Undisclosed
}

// before tells whether a found offset (-1: none) comes before limit.
func before(off, limit int) bool { return off >= 0 && off < limit }

// StatementFirst tells whether the author's statement comes before any
// disclosure box (and there is one): what a message about a page's
// first disclosure names.
func (f Found) StatementFirst() bool {
	return f.Statement.Offset >= 0 && (f.Disclosure < 0 || f.Statement.Offset < f.Disclosure)
}
