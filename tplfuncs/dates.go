package tplfuncs

import (
	"fmt"
	"strings"
	"time"
)

func dateFormat(layout string, v any) (string, error) {
	t, err := ToTime(v)
	if err != nil {
		return "", err
	}
	return t.Format(layout), nil
}

// dateLayouts are the date forms front matter may use.
var dateLayouts = [...]string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
}

// ToTime is v as a time: a time.Time as it is, a string read in the
// first of dateLayouts that fits it.
func ToTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		return parseDate(t)
	}
	return time.Time{}, fmt.Errorf("%v is not a date", v)
}

// parseDate reads t in the first of dateLayouts that fits it.
func parseDate(t string) (time.Time, error) {
	s := strings.TrimSpace(t)
	for _, layout := range dateLayouts {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", t)
}
