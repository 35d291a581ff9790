package builtins

import "github.com/affsite/affsite/shortcodes"

// Registry returns a new Registry holding affsite's built-in affiliate
// shortcodes for the page whose state is st, each needing its template
// shortcodes/NAME.html: afflink, commission-table, plans, earnings,
// calculator, program-facts, disclosure, pros-cons, verdict, cta, fact,
// compare, best-of and top-pick. Each declares its arguments, so a
// misspelt one is an error. The caller may Add more, or replace one. The
// shortcodes that need the generator's data are added apart: link
// (AddLink), deal (AddDeal) and product (AddProduct).
func Registry(st *PageState) *shortcodes.Registry {
	r := shortcodes.NewRegistry()
	r.Add("afflink", st.AffLink, named("program", "plan", "placement"))
	r.Add("commission-table", st.CommissionTable, named("program"))
	r.Add("plans", st.Plans, named("program", "features"))
	r.Add("earnings", st.Earnings, shortcodes.WithArgs(shortcodes.Args{
		Named:      earningsOptions(),
		Example:    `program="id" Starter=6`,
		OtherNamed: st.earningsPlanArg,
	}))
	r.Add("calculator", st.Calculator, shortcodes.WithArgs(shortcodes.Args{
		Named: calculatorOptions(), Example: `program="id" Starter=6`, OtherNamed: st.earningsPlanArg,
	}))
	r.Add("program-facts", st.ProgramFacts, named("program"))
	r.Add("disclosure", st.Disclosure, named("text"))
	r.Add("pros-cons", st.ProsCons, named("program"))
	r.Add("verdict", st.Verdict, named("program", "rating", "best"))
	r.Add("cta", st.CTA, named("program", "plan", "placement", "text"))
	r.Add("fact", st.Fact, shortcodes.WithArgs(shortcodes.Args{
		Named: []string{"program", "name"}, Positional: []string{"program", "fact"},
	}))
	r.Add("compare", st.Compare, named("programs", "facts", "best", "placement"))
	r.Add("best-of", st.BestOf, named("programs", "pros", "title", "text", "placement"))
	r.Add("top-pick", st.TopPick, named("program", "label", "best_for", "text", "placement"))
	return r
}

// named declares a built-in that takes the named arguments names only.
func named(names ...string) shortcodes.Option {
	return shortcodes.WithArgs(shortcodes.Args{Named: names})
}

// earningsPlanArg accepts, as an earnings argument beyond its options, a
// plan of the program (by id or name, ignoring case): the plan's count.
func (st *PageState) earningsPlanArg(inv *shortcodes.Invocation, name string) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	_, err = findPlan(inv, p, name, "plan")
	return err
}
