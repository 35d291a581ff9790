package builtins

import (
	"strconv"

	"github.com/affsite/affsite/internal/plural"
)

// The phrases builtins writes around a number and a unit, in one place
// so that each reads right for 1 and for more: "a 60-day cookie", never
// "60 days cookie"; "for the first month", never "the first 1 month";
// "/year", never "/1 year". Counts ("1 day", "30 days") are plural.N's.

// adjective returns n and unit as they stand before a noun, hyphenated
// and singular: "60-day" (a 60-day cookie), "1-day", "24-hour".
func adjective(n int, unit string) string {
	return strconv.Itoa(n) + "-" + unit
}

// theN returns "the month" for 1, "the 12 months" otherwise.
func theN(n int, unit string) string {
	if n == 1 {
		return "the " + unit
	}
	return "the " + plural.N(n, unit)
}

// theFirst returns "the first month" for 1, "the first 12 months"
// otherwise.
func theFirst(n int, unit string) string {
	if n == 1 {
		return "the first " + unit
	}
	return "the first " + plural.N(n, unit)
}

// perPeriod returns what a price is for: "/month" for 1 month, "/year"
// for 12, "/2 years", "/18 months".
func perPeriod(months int) string {
	switch {
	case months == 1:
		return "/month"
	case months == 12:
		return "/year"
	case months%12 == 0:
		return "/" + plural.N(months/12, "year")
	}
	return "/" + plural.N(months, "month")
}
