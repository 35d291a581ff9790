package shortcodes

// Builtins returns a new Registry holding affsite's built-in affiliate
// shortcodes, each needing its template shortcodes/NAME.html: afflink,
// commission-table, plans, earnings, program-facts, disclosure, pros-cons,
// verdict and cta. Each declares its arguments, so a misspelt one is an
// error. The caller may Add more, or replace one.
func Builtins() *Registry {
	r := NewRegistry()
	r.Add("afflink", AffLink, named("program", "plan", "placement"))
	r.Add("commission-table", CommissionTable, named("program"))
	r.Add("plans", Plans, named("program", "features"))
	r.Add("earnings", Earnings, WithArgs(Args{
		Named:      []string{"program", "scenario", "tier2"},
		Example:    `program="id" Starter=6`,
		OtherNamed: earningsPlanArg,
	}))
	r.Add("program-facts", ProgramFacts, named("program"))
	r.Add("disclosure", Disclosure, named("text"))
	r.Add("pros-cons", ProsCons, named("program"))
	r.Add("verdict", Verdict, named("program", "rating", "best"))
	r.Add("cta", CTA, named("program", "plan", "placement", "text"))
	return r
}

// named declares a built-in that takes the named arguments names only.
func named(names ...string) Option { return WithArgs(Args{Named: names}) }

// earningsPlanArg accepts, as an earnings argument beyond its options, a
// plan of the program (by id or name, ignoring case): the plan's count.
func earningsPlanArg(inv *Invocation, name string) error {
	_, p, err := stateAndProgram(inv)
	if err != nil {
		return err
	}
	_, err = findPlan(inv, p, name, "plan")
	return err
}
