package builtins

import (
	"testing"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// Test the phrases of a number and a unit for 1 and for more.
func TestPhrases(t *testing.T) {
	t.Parallel()
	tests := []struct{ got, want string }{
		{adjective(1, "day"), "1-day"},
		{adjective(60, "day"), "60-day"},
		{adjective(24, "hour"), "24-hour"},
		{theN(1, "month"), "the month"},
		{theN(12, "month"), "the 12 months"},
		{theFirst(1, "month"), "the first month"},
		{theFirst(12, "month"), "the first 12 months"},
		{perPeriod(1), "/month"},
		{perPeriod(3), "/3 months"},
		{perPeriod(12), "/year"},
		{perPeriod(18), "/18 months"},
		{perPeriod(24), "/2 years"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: %q, want %q", i, tc.got, tc.want)
		}
	}
}

// Test the generated phrases of program data that hold a number and a
// unit, at 1 and more: the cookie and hold before a noun, a commission
// of the first months, the program facts' hold.
func TestGeneratedPhrases(t *testing.T) {
	t.Parallel()
	share := money.MustParseRate("50%")
	months := func(n int) *programs.Commission {
		return &programs.Commission{Figure: programs.Figure{Kind: programs.Share, Rate: share}, Recurs: programs.ForMonths, Months: n}
	}
	tests := []struct{ got, want string }{
		{commissionText(months(1), money.USD()), "50% for the first month"},
		{commissionText(months(12), money.USD()), "50% for the first 12 months"},
		{recurringText(months(1)), "for the first month"},
		{recurringText(months(6)), "for the first 6 months"},
		{cookieAdjective(&programs.Program{CookieDays: 1}), "1-day"},
		{cookieAdjective(&programs.Program{CookieDays: 90}), "90-day"},
		{cookieAdjective(&programs.Program{CookieHours: 1}), "1-hour"},
		{cookieText(&programs.Program{CookieDays: 1}), "1 day"},
		{cookieText(&programs.Program{CookieHours: 24}), "24 hours"},
		{periodText(&programs.Plan{PeriodMonths: 1}, programs.Once), "/month"},
		{periodText(&programs.Plan{PeriodMonths: 12}, programs.Once), "/year"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: %q, want %q", i, tc.got, tc.want)
		}
	}
}
