package builtins

import (
	"strings"
	"testing"
)

// FuzzExpandFacts: facts in a data file's text never panic; a text
// without "{{<" comes back unchanged, and an expanded one keeps no
// shortcode.
func FuzzExpandFacts(f *testing.F) {
	for _, tt := range expandFactsCases {
		f.Add(tt.in)
	}
	f.Add(`{{< fact kartra "scenarios.one-referral-a-week.total" >}} and {{< fact "plans.gold.tier2.annual" >}}`)
	set := modelPrograms(f)
	k, _ := set.Get("kartra")
	f.Fuzz(func(t *testing.T, s string) {
		st := testState(set)
		got, err := st.ExpandFacts(k, s)
		if err != nil {
			return
		}
		if !strings.Contains(s, "{{<") && got != s {
			t.Errorf("%q changed to %q", s, got)
		}
		if strings.Contains(got, "{{<") {
			t.Errorf("%q expanded to %q, which still has a shortcode", s, got)
		}
	})
}
