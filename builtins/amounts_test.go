package builtins

import (
	"errors"
	"strings"
	"testing"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// TestEarningsOverflow: counts whose commission does not fit are a
// positioned error, never a wrapped figure ($86,183,744,520,994,160.64 and
// -$10.00 before).
func TestEarningsOverflow(t *testing.T) {
	t.Parallel()
	set := programs.NewSet(kartra(t))
	for _, params := range []map[string]string{
		{"program": "kartra", "Starter": "100000000000000000"},
		{"program": "kartra", "Starter": "9223372036854775807"},
		{"program": "kartra", "Starter": "2329119200215853", "Silver": "7538190000000"}, // each row fits, the total does not
		{"program": "kartra", "Starter": "9223372036854775807", "tier2": "true"},
	} {
		inv := &shortcodes.Invocation{Name: "earnings", Params: params, Line: 3, Col: 5}
		err := testState(set).Earnings(inv)
		var pe *shortcodes.PosError
		if !errors.As(err, &pe) || pe.Line != 3 || pe.Col != 5 || !errors.Is(err, money.ErrOverflow) {
			t.Errorf("%v: err = %v, want a positioned overflow error; data %+v", params, err, inv.Data)
		}
	}
	// A count near the limit is shown exactly.
	inv := &shortcodes.Invocation{Name: "earnings", Params: map[string]string{"program": "kartra", "Starter": "2329119200215852"}}
	if err := testState(set).Earnings(inv); err != nil {
		t.Fatal(err)
	}
	if got := inv.Data.(*EarningsData).Total; got != "$92,233,120,328,547,739.20" {
		t.Errorf("total = %s", got)
	}
}

// program parses one program file for a test.
func program(t *testing.T, file, src string) *programs.Program {
	t.Helper()
	p, err := programs.Parse(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCommissionTableOverflow(t *testing.T) {
	t.Parallel()
	p := program(t, "big.yaml", "name: Big\nurl: https://big.example/\ncommission: 0.5\nplans:\n  - name: A\n    monthly: 92,233,720,368,547,758.07\n")
	// 50 % of the largest amount fits (rounded half up once).
	st := testState(programs.NewSet(p))
	inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": "big"}}
	if err := st.CommissionTable(inv); err != nil {
		t.Fatal(err)
	}
	if got := inv.Data.(*CommissionTableData).Rows[0].CommissionMonthly; got != "$46,116,860,184,273,879.04" {
		t.Errorf("50%% of max = %s", got)
	}
}

// TestCurrencyDecimals: each currency is shown with its own minor units, in
// the tables and in the review markup.
func TestCurrencyDecimals(t *testing.T) {
	t.Parallel()
	jpy := program(t, "jp.yaml", "name: JP\nurl: https://jp.example/\ncommission: 0.3\ncurrency: {code: jpy, symbol: \"¥\"}\nplans:\n  - name: A\n    monthly: 1,001\n    annual: 10010\n")
	bhd := program(t, "bh.toml", "name = \"BH\"\nurl = \"https://bh.example/\"\ncommission = \"10%\"\ncurrency = { code = \"BHD\" }\n[[plans]]\nname = \"A\"\nmonthly = 12.345\n")
	set := programs.NewSet(jpy, bhd)
	tests := []struct {
		program            string
		monthly, comission string
	}{
		{"jp", "¥1,001", "¥300"}, // 300.3 rounds to 300
		{"bh", "BHD 12.345", "BHD 1.235"},
	}
	for _, tt := range tests {
		inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": tt.program}}
		if err := testState(set).CommissionTable(inv); err != nil {
			t.Fatal(err)
		}
		r := inv.Data.(*CommissionTableData).Rows[0]
		if r.Monthly != tt.monthly || r.CommissionMonthly != tt.comission {
			t.Errorf("%s: %s, commission %s; want %s, %s", tt.program, r.Monthly, r.CommissionMonthly, tt.monthly, tt.comission)
		}
	}
	st := testState(set)
	inv := &shortcodes.Invocation{Name: "verdict", Params: map[string]string{"program": "jp", "rating": "4"}}
	if err := st.Verdict(inv); err != nil {
		t.Fatal(err)
	}
	if ld := string(st.JSONLD[0]); !strings.Contains(ld, `"priceCurrency":"JPY","lowPrice":"1001","highPrice":"1001"`) {
		t.Errorf("JSON-LD offers: %s", ld)
	}
}

// TestSiteCurrencyRescales: a program without a currency is shown in the
// site's; its two-decimal amounts are converted exactly, or refused.
func TestSiteCurrencyRescales(t *testing.T) {
	t.Parallel()
	whole := program(t, "whole.yaml", "name: W\nurl: https://w.example/\ncommission: 0.5\nplans:\n  - name: A\n    monthly: 1001\n")
	cents := program(t, "cents.yaml", "name: C\nurl: https://c.example/\ncommission: 0.5\nplans:\n  - name: A\n    monthly: 99.50\n")
	set := programs.NewSet(whole, cents)
	run := func(id, code string) (*CommissionTableData, error) {
		st := testState(set)
		st.Config.Currency = money.Currency{Code: code}
		inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": id}}
		err := st.CommissionTable(inv)
		d, _ := inv.Data.(*CommissionTableData)
		return d, err
	}
	if d, err := run("whole", "JPY"); err != nil || d.Rows[0].Monthly != "JPY 1,001" || d.Rows[0].CommissionMonthly != "JPY 501" {
		t.Errorf("whole in JPY: %+v, %v", d, err)
	}
	if d, err := run("cents", "BHD"); err != nil || d.Rows[0].Monthly != "BHD 99.500" {
		t.Errorf("cents in BHD: %+v, %v", d, err)
	}
	if _, err := run("cents", "JPY"); err == nil || !strings.Contains(err.Error(), "cents.yaml:5: plan A: monthly 99.50 is not a whole amount of JPY") {
		t.Errorf("cents in JPY: err = %v", err)
	}
	if whole.Plans[0].Monthly != 100100 {
		t.Errorf("the shared program was changed: %d", whole.Plans[0].Monthly)
	}
}
