package builtins

import (
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/programs"
)

// NoPriceText is what a built-in prints where it would print a price of a
// program whose prices a page may not show (pricesShown): a plans card's
// headline, a compare cell of a lowest price.
const NoPriceText = "Check the price on Amazon"

// pricesShown tells whether a page may print p's prices as its program
// data has them. Not for a program on Amazon: Amazon's Associates terms
// let a site show a product's price only for 24 hours after it fetched
// it, with an "as of" time and Amazon's note (the product box's price=
// and checked=), so a hard-coded price is never shown. Every built-in
// that prints a price asks it: picks, the review markup's offers,
// commission tables, earnings tables, plans cards, compare cells, the
// calculator's billing labels, price facts (priceFact) and the program
// template function's plan amounts; the commission on a sale is not a
// price, and is shown. The product box is the exception Amazon allows:
// it prints the price with its "as of" date and AmazonPriceNote, and
// check dates it.
func pricesShown(p *programs.Program) bool { return !affiliate.IsAmazonURL(p.URL) }

// priceFact tells whether the fact at full path key (aliases resolved,
// in lower case) is a price of what a reader buys: lowest_price,
// lowest_price.per_month, or a plan's monthly, annual or one-off price.
// A commission on a price is not one.
func priceFact(key string) bool {
	switch key {
	case "lowest_price", "lowest_price.per_month":
		return true
	}
	parts := strings.SplitN(key, ".", 3)
	if len(parts) < 3 || parts[0] != "plans" {
		return false
	}
	switch parts[2] {
	case "monthly", "annual", "price":
		return true
	}
	return false
}

// hiddenPrice is the error of a fact shortcode that asks for a price
// (priceFact) of a program whose prices a page may not show.
func hiddenPrice(inv factCtx, p *programs.Program, path string) error {
	return inv.Errorf("shortcode %q: %q is a price of program %q, which is on Amazon: Amazon's terms allow a price only with the time it was fetched and a note that it may change, for at most 24 hours; show it in a product box (price= and checked=) or leave it out", inv.Name, path, p.ID)
}
