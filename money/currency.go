package money

// Currency names the currency amounts are shown in. The zero value means US
// dollars, Code "USD" with Symbol "$".
type Currency struct {
	Code   string // ISO 4217 code, such as "USD" or "EUR"
	Symbol string // printed before the amount, such as "$" or "€"
}

// USD is the currency used when none is given.
func USD() Currency {
	return Currency{Code: "USD", Symbol: "$"}
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

// Format formats c with the currency's symbol in front and the sign before
// the symbol: "$1,099.20", "-$3.10", "€1,099.20". A currency with a code but
// no symbol is written with the code and a space: "CHF 12.00".
func (cur Currency) Format(c Cents) string {
	cur = cur.OrDefault()
	prefix := cur.Symbol
	if prefix == "" {
		prefix = cur.Code + " "
	}
	s := c.String()
	if c < 0 {
		return "-" + prefix + s[1:]
	}
	return prefix + s
}
