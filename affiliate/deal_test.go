package affiliate

import (
	"testing"
	"time"
)

func TestDealEnd(t *testing.T) {
	t.Parallel()
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		expires string
		end     string // RFC 3339; "" for an error
	}{
		{"2026-12-31", "2027-01-01T00:00:00Z"}, // a date: the whole day works
		{"2026-12-31T18:00:00+01:00", "2026-12-31T17:00:00Z"},
		{"31/12/2026", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := DealEnd(tt.expires)
		if tt.end == "" {
			if err == nil {
				t.Errorf("DealEnd(%q) = %v, want an error", tt.expires, got)
			}
			continue
		}
		if err != nil || !got.Equal(utc(tt.end)) {
			t.Errorf("DealEnd(%q) = %v, %v; want %s", tt.expires, got, err, tt.end)
		}
	}
	end := utc("2027-01-01T00:00:00Z")
	for _, tc := range []struct {
		now           string
		expired, soon bool
	}{
		{"2026-12-01T00:00:00Z", false, false},
		{"2026-12-18T00:00:00Z", false, true}, // 14 days left
		{"2026-12-31T23:59:59Z", false, true},
		{"2027-01-01T00:00:00Z", true, false},
	} {
		now := utc(tc.now)
		if got := DealExpired(end, now); got != tc.expired {
			t.Errorf("DealExpired at %s = %v", tc.now, got)
		}
		if got := DealEndsSoon(end, now, 14); got != tc.soon {
			t.Errorf("DealEndsSoon at %s = %v", tc.now, got)
		}
	}
	if DealExpired(time.Time{}, end) || DealEndsSoon(time.Time{}, end, 14) {
		t.Error("a deal without an end expired or ends soon")
	}
}

func TestAddClickData(t *testing.T) {
	t.Parallel()
	classify := func(href string) (string, bool) { return "acme", href == "https://acme.example/?subid=p-intro" }
	data := func(program, href string) ClickData {
		return ClickData{Program: program, Placement: "intro", SubID: "p-intro"}
	}
	in := `<p>A <a href="https://acme.example/?subid=p-intro" rel="sponsored">link</a>, <a href="/other/">other</a> and <span data-x="1">text</span>.</p>`
	want := `<p>A <a href="https://acme.example/?subid=p-intro" rel="sponsored" data-aff-program="acme" data-aff-placement="intro" data-aff-subid="p-intro">link</a>, <a href="/other/">other</a> and <span data-x="1">text</span>.</p>`
	if got := string(AddClickData([]byte(in), classify, data)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	plain := []byte(`<p>No links.</p>`)
	if got := AddClickData(plain, classify, data); &got[0] != &plain[0] {
		t.Error("a document without anchors was copied")
	}
}
