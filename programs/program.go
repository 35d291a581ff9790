package programs

import (
	"strings"
	"time"

	"github.com/affsite/affsite/money"
)

// Program is one affiliate program, as read from its data file.
type Program struct {
	ID          string // the file name without extension
	Name        string
	URL         string // the vendor's home page
	SignupURL   string // where readers sign up; empty when not given
	Description string
	Source      string // where the facts were checked

	// Commission is the program's first-tier terms; a plan may have its
	// own (see CommissionFor). Tier2 is nil without a second tier.
	Commission Commission
	Tier2      *Tier2

	// CookieDays is how long a click is credited; CookieLifetime is set
	// for attribution that never expires, CookieHours for a session
	// shorter than a day (Amazon's 24 hours).
	CookieDays     int
	CookieLifetime bool
	CookieHours    int

	Trial  *Trial  // nil when not given
	Payout *Payout // nil when not given

	RefParam string // query parameter for the referral id; "ref" by default
	RefID    string // the site owner's referral id
	// SubIDParam is the query parameter of the sub-id, such as
	// "ascsubtag" for Amazon or "afftrack" for ShareASale; empty means
	// "subid".
	SubIDParam string
	// LinkTemplate builds the tracking link when set: a URL with
	// placeholders (see LinkPlaceholders), for networks' deep links.
	LinkTemplate string
	Currency     money.Currency // as written; see CurrencyOrDefault

	Plans     []*Plan
	Features  []string // feature names to compare, in order
	Scenarios []*Scenario

	PricesChecked time.Time // zero when not given

	// Rating is the site's score of the program out of 5, as written
	// ("4.5"); empty when not given. Image is the site path of its logo
	// or product picture ("/images/kartra.png"), or a file of the page
	// bundle; empty when not given.
	Rating string
	Image  string

	PromoMaterials []string
	Pros           []string
	Cons           []string
	Domains        []string // extra host names whose links belong to this program

	File string // the data file, as given to Load or Parse
	Line int    // line of the program's mapping in File
}

// Trial is a program's trial offer.
type Trial struct {
	Days  int
	Price money.Cents
}

// Payout describes when and how the vendor pays affiliates.
type Payout struct {
	Schedule   string // such as "monthly"
	Methods    []string
	Minimum    money.Cents // see HasMinimum
	HasMinimum bool
	// MinimumChosen is set when each affiliate chooses the threshold
	// (minimum: chosen).
	MinimumChosen bool
	HoldDays      int // days a commission is held before it is payable
	MinSales      int // sales needed before the first payout
}

// Plan is one price plan, or one product, of a program. It has at least
// one price: monthly, annual (billed yearly), or a one-off price (for
// PeriodMonths months when that is set, such as a 2-year plan), unless it
// is Free.
type Plan struct {
	ID         string // given, or the name lowercased with spaces as "-"
	Name       string
	SignupURL  string
	Monthly    money.Cents // see HasMonthly
	HasMonthly bool
	Annual     money.Cents // price billed yearly; see HasAnnual
	HasAnnual  bool
	Price      money.Cents // a one-off price; see HasPrice
	HasPrice   bool
	// PeriodMonths is how many months Price pays for; 0 for a one-off
	// purchase that does not renew.
	PeriodMonths int
	Free         bool // costs nothing; earns nothing unless a Flat per signup

	// Commission and Tier2 override the program's when not nil; Category
	// picks a rate of the program's categories.
	Commission *Commission
	Tier2      *Tier2
	Category   string

	Featured bool
	Features []Feature // in written order
	Line     int
}

// Feature is one feature of a plan. A feature listed by name is included
// with an empty Value; in the map form, a bool sets Included and a text
// (such as "3 sites") sets Value with Included true.
type Feature struct {
	Name     string
	Value    string
	Included bool
}

// Scenario is an earnings example: how many customers of each plan (for a
// Ramp, how many new ones each month), paying at Billing when HasBilling
// is set, else at each plan's first price.
type Scenario struct {
	ID         string // given, or the name made URL-safe
	Name       string
	Mix        []PlanCount // in written order
	Billing    Billing
	HasBilling bool
	Ramp       *Ramp // nil for customers who all join at once
	Line       int
}

// PlanCount is a number of customers on one plan.
type PlanCount struct {
	PlanID string // the ID of a plan of the program
	Count  int64
}

// SalesOf is count customers as a number of sales for volume tiers,
// capped at 2^30 so that sums of such numbers fit an int (no tier starts
// that high).
func SalesOf(count int64) int { return int(min(count, 1<<30)) }

// Plan returns the plan whose ID, or else whose name, equals id ignoring
// case.
func (p *Program) Plan(id string) (*Plan, bool) {
	return byIDOrName(p.Plans, id, func(pl *Plan) (string, string) { return pl.ID, pl.Name })
}

// PlanIDs returns the IDs of the plans in written order.
func (p *Program) PlanIDs() []string {
	ids := make([]string, len(p.Plans))
	for i, pl := range p.Plans {
		ids[i] = pl.ID
	}
	return ids
}

// ScenarioIDs returns the IDs of the scenarios in written order.
func (p *Program) ScenarioIDs() []string {
	ids := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		ids[i] = s.ID
	}
	return ids
}

// Scenario returns the scenario whose ID, or else whose name, equals id
// ignoring case.
func (p *Program) Scenario(id string) (*Scenario, bool) {
	return byIDOrName(p.Scenarios, id, func(s *Scenario) (string, string) { return s.ID, s.Name })
}

// byIDOrName returns the element of list whose ID, or else whose name
// (idName gives both), equals id ignoring case.
func byIDOrName[T any](list []T, id string, idName func(T) (string, string)) (T, bool) {
	for _, e := range list {
		if i, _ := idName(e); strings.EqualFold(i, id) {
			return e, true
		}
	}
	for _, e := range list {
		if _, n := idName(e); strings.EqualFold(n, id) {
			return e, true
		}
	}
	var zero T
	return zero, false
}

// CurrencyOrDefault returns the program's currency, US dollars when none
// was given.
func (p *Program) CurrencyOrDefault() money.Currency {
	return p.Currency.OrDefault()
}
