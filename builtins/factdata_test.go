package builtins

import (
	"strings"
	"testing"
)

// expandFactsCases are texts of a data file with facts, for Kartra; they
// also seed FuzzExpandFacts.
var expandFactsCases = []struct{ in, want, err string }{
	{"Upgrades raise your commission", "Upgrades raise your commission", ""},
	{`{{< fact "rate" >}} recurring`, "40% recurring", ""},
	{`A {{< fact "trial_price" >}} {{< fact "trial_days" >}}-day trial`, "A $1.00 14-day trial", ""},
	{`{{< fact name="minimum" >}} due`, "$100.00 due", ""},
	{`more than {{< fact funnelforge "cookie" >}}`, "more than 60 days", ""},
	{`{{< fact "rat" >}}`, "", `did you mean "rate"`},
	{`{{< fact nope "rate" >}}`, "", `unknown program "nope"`},
	{`{{< afflink >}}`, "", "only the fact shortcode"},
	{`{{< fact "rate"`, "", "without its >}}"},
}

func TestExpandFacts(t *testing.T) {
	t.Parallel()
	set := modelPrograms(t)
	st := testState(set)
	k, _ := set.Get("kartra")
	tests := expandFactsCases
	for _, tt := range tests {
		got, err := st.ExpandFacts(k, tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestFactsInProsAndJSONLD: a fact in a pro renders the same in the list
// and in the Review's positiveNotes.
func TestFactsInProsAndJSONLD(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(testPrograms(t))
	out, err := expandPage(t, ts, st, "{{< pros-cons program=\"kartra\" >}}\n\n{{< verdict rating=\"4\" program=\"kartra\" >}}ok{{< /verdict >}}\n")
	if err != nil {
		t.Fatal(err)
	}
	const pro = "A $1.00 14-day trial makes the first step easy for readers"
	if !strings.Contains(out, "<li>"+pro+"</li>") || len(st.JSONLD) != 1 || !strings.Contains(string(st.JSONLD[0]), `"name":"`+pro+`"`) {
		t.Errorf("pro %q not in both:\n%s\n%s", pro, out, st.JSONLD)
	}
	if strings.Contains(out+string(st.JSONLD[0]), "{{<") {
		t.Error("a fact left unexpanded")
	}
}
