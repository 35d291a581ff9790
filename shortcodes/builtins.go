package shortcodes

// Builtins returns a new Registry holding affsite's built-in affiliate
// shortcodes, each needing its template shortcodes/NAME.html: afflink,
// commission-table, plans, earnings, program-facts, disclosure, pros-cons,
// verdict and cta. The caller may Add more, or replace one.
func Builtins() *Registry {
	r := NewRegistry()
	r.Add("afflink", AffLink)
	r.Add("commission-table", CommissionTable)
	r.Add("plans", Plans)
	r.Add("earnings", Earnings)
	r.Add("program-facts", ProgramFacts)
	r.Add("disclosure", Disclosure)
	r.Add("pros-cons", ProsCons)
	r.Add("verdict", Verdict)
	r.Add("cta", CTA)
	return r
}
