package builtins

import (
	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/programs"
)

// pricesShown tells whether a page may print p's prices as its program
// data has them. Not for a program on Amazon: Amazon's Associates terms
// let a site show a product's price only for 24 hours after it fetched
// it, with an "as of" time and Amazon's note (the product box's price=
// and checked=), so a hard-coded price is never shown. Picks, the review
// markup's offers, commission tables and earnings tables ask it; the
// commission on a sale is not a price, and is shown.
func pricesShown(p *programs.Program) bool { return !affiliate.IsAmazonURL(p.URL) }
