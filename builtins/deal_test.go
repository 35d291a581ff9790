package builtins

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/shortcodes"
)

// dealNow is the build time of the deal tests: the deals below end on
// December 31, 2026 (so they are still on) or ended on October 31.
var dealNow = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

// expandDeal is expandPage with the deal shortcode registered at now.
func expandDeal(t testing.TB, ts *themeTemplates, st *PageState, src string, now time.Time) (string, error) {
	t.Helper()
	doc, err := shortcodes.Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	r := Registry(st)
	AddDeal(r, st, now)
	env := &shortcodes.Env{File: testFile, LineOffset: 5, Registry: r, Templates: ts}
	res, err := shortcodes.Expand([]byte(src), doc, env)
	if err != nil {
		return "", err
	}
	return string(res.Replace(res.Markdown)), nil
}

func TestDealGolden(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	tests := []struct{ name, src string }{
		{"deal", `{{< deal program="kartra" code="SAVE20" gives="20% off your first 3 months" expires="2026-12-31" fallback="The coupon has ended; the $1 trial still runs." >}}` + "\n"},
		{"deal_expired", `{{< deal program="kartra" plan="gold" code="OLD10" gives="10% off" expires="2026-10-31" fallback="The coupon has ended; the $1 trial still runs." fallback_text="Start the $1 trial" >}}` + "\n" +
			`{{< deal program="kartra" code="OLD5" gives="5% off" expires="2026-10-31T18:00:00Z" fallback="See this month's offers." fallback_url="/deals/" >}}` + "\n" +
			`{{< deal program="kartra" code="GONE" gives="Half off" expires="2026-11-01" >}}` + "\n"},
		{"deal_inner", "{{< deal program=\"kartra\" text=\"Claim it\" placement=\"sidebar\" >}}Two months <b>free</b> on annual plans{{< /deal >}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Config.BasePath = "/"
			out, err := expandDeal(t, ts, st, tt.src, dealNow)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			b.WriteString(out)
			for _, l := range st.Links {
				fmt.Fprintf(&b, "-- link: %+v\n", l)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, got)
			}
		})
	}
}

// Test that a deal is judged at the build's time, to the second: the
// last day of a date still shows the code, the next day the fallback.
func TestDealExpiry(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	const src = `{{< deal program="kartra" code="SAVE20" gives="20% off" expires="2026-12-31" fallback="Over." >}}`
	for _, tc := range []struct {
		now     time.Time
		expired bool
	}{
		{time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), true},
	} {
		out, err := expandDeal(t, ts, testState(set), src, tc.now)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out, "deal-expired"); got != tc.expired {
			t.Errorf("at %s: expired = %v, want %v:\n%s", tc.now, got, tc.expired, out)
		}
		if again, _ := expandDeal(t, ts, testState(set), src, tc.now); again != out {
			t.Errorf("at %s: two expansions differ", tc.now)
		}
	}
}

func TestDealErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	const at = testFile + ":6:1: "
	tests := []struct{ src, want string }{
		{`{{< deal program="kartra" code="X" >}}`, `shortcode "deal": missing argument gives= (what the deal gives, such as gives="20% off the first month"), or inner content`},
		{`{{< deal program="kartra" gives="X" expires="31/12/2026" >}}`, `shortcode "deal": expires="31/12/2026" is not a date such as "2026-12-31" (the last day the deal works) or an RFC 3339 time`},
		{`{{< deal program="kartra" gives="X" fallback_url="/deals/" >}}`, `shortcode "deal": fallback_url= needs fallback=, the text shown with it once the deal has expired`},
		{`{{< deal program="kartr" gives="X" >}}`, `shortcode "deal": unknown program "kartr" (did you mean "kartra"?)`},
		{`{{< deal program="kartra" gives="X" expire="2026-12-31" >}}`, `unknown argument "expire" of deal; did you mean "expires"?`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandDeal(t, ts, testState(set), tt.src, dealNow)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); !strings.HasPrefix(got, testFile+":6:") || !strings.Contains(got, tt.want) {
				t.Errorf("error\n got %s\nwant %s%s", got, at, tt.want)
			}
		})
	}
}
