package money

import (
	"fmt"
	"sort"
	"strings"
)

// Currency names the currency amounts are shown in. The zero value means US
// dollars, Code "USD" with Symbol "$". Code should be an active ISO 4217 code
// ([LookupCurrency] checks one); it decides how many decimals amounts have.
type Currency struct {
	Code   string // ISO 4217 code, such as "USD", "EUR" or "JPY"
	Symbol string // printed before the amount, such as "$" or "€"
}

// USD is the currency used when none is given.
func USD() Currency {
	return Currency{Code: "USD", Symbol: "$"}
}

// LookupCurrency returns the currency of an ISO 4217 code, given in any case
// ("eur" is EUR), with an empty Symbol. A code that is not in the table of
// active codes with minor units ([CurrencyCodes]) is an error.
func LookupCurrency(code string) (Currency, error) {
	up := strings.ToUpper(strings.TrimSpace(code))
	if _, ok := minorUnits(up); !ok {
		return Currency{}, fmt.Errorf("money: %q is not an ISO 4217 currency code", code)
	}
	return Currency{Code: up}, nil
}

// CurrencyCodes returns the active ISO 4217 codes affsite knows, sorted, for
// suggestions.
func CurrencyCodes() []string {
	codes := make([]string, 0, len(iso4217)/iso4217Width)
	for i := 0; i+3 <= len(iso4217); i += iso4217Width {
		codes = append(codes, iso4217[i:i+3])
	}
	return codes
}

// OrDefault returns cur, with the zero value replaced by [USD] and an empty
// Symbol filled in for "USD".
func (cur Currency) OrDefault() Currency {
	if cur.Code == "" && cur.Symbol == "" {
		return USD()
	}
	if cur.Symbol == "" && cur.Code == "USD" {
		cur.Symbol = "$"
	}
	return cur
}

// MinorUnits returns the number of decimals of the currency's amounts: 2 for
// USD and EUR, 0 for JPY, 3 for BHD. A currency without a code is US dollars;
// an unknown code, which [LookupCurrency] would have refused, counts as 2.
func (cur Currency) MinorUnits() int {
	if cur.Code == "" {
		return 2
	}
	if n, ok := minorUnits(cur.Code); ok {
		return n
	}
	return 2
}

// ParseAmount parses an amount of the currency written as a decimal, such as
// "24.99", "1,099.20" or "-3.10", into its minor units. It allows at most
// [Currency.MinorUnits] decimals: "1,001" is a JPY amount, "1,001.00" is
// refused with a [*DecimalsError] rather than rounded. A "$" in front is
// accepted and ignored, as it always was in data files. The text is read
// digit by digit, never through float64.
func (cur Currency) ParseAmount(s string) (Cents, error) {
	return parseAmount(s, cur.OrDefault().MinorUnits())
}

// Format formats c with the currency's symbol in front, the sign before the
// symbol and the currency's own decimals: "$1,099.20", "-$3.10", "€1,099.20",
// "¥1,001", "BD 1.250" for a symbol "BD ". A currency with a code but no
// symbol is written with the code and a space: "CHF 12.00".
func (cur Currency) Format(c Cents) string {
	cur = cur.OrDefault()
	prefix := cur.Symbol
	if prefix == "" {
		prefix = cur.Code + " "
	}
	s := string(c.appendDecimal(nil, cur.MinorUnits(), true))
	if c < 0 {
		return "-" + prefix + s[1:]
	}
	return prefix + s
}

// Plain formats c with the currency's own decimals and nothing else: no
// symbol and no thousands separator ("1099.20", "1001", "-3.10"), as
// schema.org's prices want.
func (cur Currency) Plain(c Cents) string {
	return string(c.appendDecimal(nil, cur.OrDefault().MinorUnits(), false))
}

// minorUnits looks code (upper case) up in the ISO 4217 table.
func minorUnits(code string) (int, bool) {
	n := len(iso4217) / iso4217Width
	i := sort.Search(n, func(i int) bool { return isoCode(i) >= code })
	if i == n || isoCode(i) != code {
		return 0, false
	}
	return int(iso4217[i*iso4217Width+3] - '0'), true
}

// isoCode is the code of entry i of iso4217.
func isoCode(i int) string {
	return iso4217[i*iso4217Width : i*iso4217Width+3]
}
