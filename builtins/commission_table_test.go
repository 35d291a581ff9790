package builtins

import (
	"testing"

	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// The Kartra figures of the example review, exactly.
func TestCommissionTableKartra(t *testing.T) {
	t.Parallel()
	st := testState(programs.NewSet(kartra(t)))
	inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": "kartra"}}
	if err := st.CommissionTable(inv); err != nil {
		t.Fatal(err)
	}
	d := inv.Data.(*CommissionTableData)
	want := [][5]string{
		{"Starter", "$39.60", "$379.20", "$9.90", "$94.80"},
		{"Silver", "$79.60", "$715.20", "$19.90", "$178.80"},
		{"Gold", "$119.60", "$1,099.20", "$29.90", "$274.80"},
		{"Platinum", "$199.60", "$1,819.20", "$49.90", "$454.80"},
	}
	if len(d.Rows) != len(want) {
		t.Fatalf("%d rows", len(d.Rows))
	}
	for i, r := range d.Rows {
		if got := [5]string{r.Plan, r.CommissionMonthly, r.CommissionAnnual, r.Tier2Monthly, r.Tier2Annual}; got != want[i] {
			t.Errorf("row %d = %v, want %v", i, got, want[i])
		}
	}
	if want := "Kartra pays 40% recurring commission on every plan; second tier 10%."; d.Caption != want {
		t.Errorf("caption %q", d.Caption)
	}
	if d.Checked != "Prices checked on November 1, 2026" || d.SourceText != "kartra.com/affiliates" {
		t.Errorf("checked %q, source %q", d.Checked, d.SourceText)
	}
}

func TestCommissionTableNoAnnualNoTier2(t *testing.T) {
	t.Parallel()
	p := &programs.Program{ID: "x", Name: "X", URL: "https://x.example/", Commission: programs.Commission{Figure: programs.Figure{Kind: programs.Share, Rate: mustRate("0.3")}},
		Plans: []*programs.Plan{{ID: "a", Name: "A", Monthly: 1000, HasMonthly: true}}}
	st := testState(programs.NewSet(p))
	inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": "x"}}
	if err := st.CommissionTable(inv); err != nil {
		t.Fatal(err)
	}
	d := inv.Data.(*CommissionTableData)
	r := d.Rows[0]
	if r.Annual != "—" || r.CommissionAnnual != "—" || r.CommissionMonthly != "$3.00" || r.Tier2Monthly != "" || d.HasTier2 {
		t.Errorf("row %+v", r)
	}
	if d.Caption != "X pays 30% commission on every plan." || d.Checked != "" {
		t.Errorf("caption %q, checked %q", d.Caption, d.Checked)
	}
}
