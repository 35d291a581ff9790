package programs

// The known keys at each level of a program file, in documentation order.
// They drive the "unknown key" check and its did-you-mean suggestion.
// Functions rather than package variables keep the lists immutable.

// programKeys are the keys of the top-level mapping.
func programKeys() []string {
	return []string{
		"name", "url", "description", "commission", "tier2", "recurring",
		"cookie_days", "cookie_hours", "trial", "payout", "signup_url", "ref_param", "ref_id",
		"subid_param", "link_template",
		"currency", "domains", "prices_checked", "source", "promo_materials",
		"pros", "cons", "plans", "features", "scenarios", "rating", "image",
	}
}

// planKeys are the keys of one entry of plans.
func planKeys() []string {
	return []string{
		"id", "name", "monthly", "annual", "price", "period_months", "free",
		"commission", "tier2", "category", "featured", "signup_url", "features",
	}
}

// trialKeys are the keys of trial.
func trialKeys() []string {
	return []string{"days", "price"}
}

// payoutKeys are the keys of payout.
func payoutKeys() []string {
	return []string{"schedule", "methods", "minimum", "hold_days", "min_sales"}
}

// currencyKeys are the keys of currency.
func currencyKeys() []string {
	return []string{"code", "symbol"}
}

// scenarioKeys are the keys of one entry of scenarios.
func scenarioKeys() []string {
	return []string{"name", "id", "billing", "ramp", "mix"}
}

// rampKeys are the keys of a scenario's ramp.
func rampKeys() []string {
	return []string{"months", "churn"}
}

// commissionKeys are the keys of a commission mapping.
func commissionKeys() []string {
	return []string{
		"rate", "amount", "custom", "per", "recurring", "months", "renewals",
		"basis", "fee", "floor", "min", "max", "upfront", "tiers", "tier_period",
		"retroactive", "then", "categories", "note",
	}
}
