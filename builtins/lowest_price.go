package builtins

import (
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// lowestPriceFact is the lowest_price fact: the program's lowest price
// (programs.Program.LowestPrice, compared per month) with its own
// period, "$47.88/year", "$99.00/month", "$83.76/2 years" or "$19.99"
// for a one-off price; missing for a program with no paid plan.
func lowestPriceFact(p *programs.Program, cur money.Currency) (text, missing string) {
	pr, ok := p.LowestPrice()
	if !ok {
		return "", "paid plan"
	}
	return cur.Format(pr.Amount) + periodText(pr.Plan, pr.Billing), ""
}

// lowestPerMonthFact is the lowest_price.per_month fact: what the lowest
// price costs a month, rounded half-up once ("$3.99/month" for
// $47.88/year, "$24.92/month" for $299.00/year); missing when the lowest
// price is a one-off one.
func lowestPerMonthFact(p *programs.Program, cur money.Currency) (text, missing string) {
	pr, ok := p.LowestPrice()
	if !ok {
		return "", "paid plan"
	}
	m, ok := pr.PerMonth()
	if !ok {
		return "", "recurring price (its lowest is a one-off price)"
	}
	// A price divided by its months fits in Cents, as the price does.
	c, _ := m.Round()
	return cur.Format(c) + "/month", ""
}
