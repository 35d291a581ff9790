package programs

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	exts := []string{".yaml", ".toml", ".json"}
	for _, tt := range errorCases {
		for i, ext := range exts {
			if strings.HasSuffix(tt.file, ext) {
				f.Add(tt.src, uint8(i))
			}
		}
	}
	f.Add(fullYAML, uint8(0))
	f.Add(fullTOML, uint8(1))
	f.Add(fullJSON, uint8(2))
	f.Fuzz(func(t *testing.T, src string, ext uint8) {
		p, err := Parse("fuzz"+exts[int(ext)%len(exts)], []byte(src))
		if err == nil {
			NewSet(p).ByHost("www.example.com")
			_ = p.CurrencyOrDefault().Format(0)
		}
	})
}

// FuzzCommission decodes program files built around a fuzzed commission
// (and scenario) section, seeded from the commission models' and the
// scenarios' tests, and computes every figure of what decodes: no panic,
// and an error or a figure that is not negative, never both.
func FuzzCommission(f *testing.F) {
	for _, tt := range commissionModelCases {
		f.Add(strings.TrimPrefix(tt.src, modelHead))
	}
	for _, tt := range scenarioCases {
		f.Add(tt.src)
	}
	f.Add("commission: {rate: 55%, fee: {rate: 7.5%, amount: 1}, min: 0.25, max: 100}\nplans: [{name: A, price: 47}]\n")
	f.Add("link_template: \"https://n.example/c?u={ref}&s={subid}&d={url}\"\nplans: [{name: A, monthly: 1}]\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Parse("fuzz.yaml", []byte("name: X\nurl: https://x.example/\n"+src))
		if err != nil {
			return
		}
		for _, pl := range p.Plans {
			c := p.CommissionFor(pl)
			for _, b := range pl.Billings() {
				for _, n := range []int{1, 11, 1 << 20} {
					if v, err := c.On(pl, b, n); err == nil && v < 0 {
						t.Errorf("plan %s %s sale %d: negative commission %s", pl.ID, b, n, v)
					}
				}
				_, _ = c.OnRenewal(pl, b)
			}
		}
		for _, s := range p.Scenarios {
			if e, err := p.Earnings(s); err == nil && (e.Annual < 0 || e.Monthly < 0 || e.FinalMonth < 0 || e.Total < 0) {
				t.Errorf("scenario %s: negative earnings %+v", s.ID, e)
			}
		}
		if p.LinkTemplate != "" {
			if _, err := ExpandLinkTemplate(p.LinkTemplate, func(string) string { return "v" }); err != nil {
				t.Errorf("a loaded link_template does not expand: %v", err)
			}
		}
	})
}
