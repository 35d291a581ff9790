package affiliate

import (
	"fmt"
	"time"
)

// DefaultDealWarnDays is how many days before a deal ends affsite check
// starts warning about it, when site.toml's deal_warn_days gives none.
const DefaultDealWarnDays = 14

// DealEnd reads a deal's expires value, the last day its code works
// ("2026-12-31", read in UTC) or the instant it stops working (RFC 3339),
// and returns the first instant the deal no longer applies: the start of
// the next day for a date. The build and affsite check both judge a deal
// by this instant, so they agree for a given now.
func DealEnd(expires string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", expires); err == nil {
		return t.AddDate(0, 0, 1), nil
	}
	if t, err := time.Parse(time.RFC3339, expires); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("expires=%q is not a date such as \"2026-12-31\" (the last day the deal works) or an RFC 3339 time", expires)
}

// DealExpired tells whether a deal that ends at end (from DealEnd; zero
// for a deal without an end) has expired at now.
func DealExpired(end, now time.Time) bool {
	return !end.IsZero() && !now.Before(end)
}

// DealEndsSoon tells whether a deal that has not expired at now ends
// within days days of it.
func DealEndsSoon(end, now time.Time, days int) bool {
	return !end.IsZero() && !DealExpired(end, now) && end.Sub(now) <= time.Duration(days)*24*time.Hour
}
