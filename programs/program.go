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

	Commission money.Rate // direct commission, 0–1
	Tier2      money.Rate // second-tier commission; see HasTier2
	HasTier2   bool
	Recurring  bool // the commission is paid on every renewal

	CookieDays int
	Trial      *Trial  // nil when not given
	Payout     *Payout // nil when not given

	RefParam string         // query parameter for the referral id; "ref" by default
	RefID    string         // the site owner's referral id
	Currency money.Currency // as written; see CurrencyOrDefault

	Plans     []*Plan
	Features  []string // feature names to compare, in order
	Scenarios []*Scenario

	PricesChecked time.Time // zero when not given

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
	HoldDays   int // days a commission is held before it is payable
	MinSales   int // sales needed before the first payout
}

// Plan is one price plan of a program.
type Plan struct {
	ID        string // given, or the name lowercased with spaces as "-"
	Name      string
	SignupURL string
	Monthly   money.Cents
	Annual    money.Cents // price billed yearly; see HasAnnual
	HasAnnual bool
	Featured  bool
	Features  []Feature // in written order
	Line      int
}

// Feature is one feature of a plan. A feature listed by name is included
// with an empty Value; in the map form, a bool sets Included and a text
// (such as "3 sites") sets Value with Included true.
type Feature struct {
	Name     string
	Value    string
	Included bool
}

// Scenario is an earnings example: how many customers of each plan.
type Scenario struct {
	ID   string // given, or the name made URL-safe
	Name string
	Mix  []PlanCount // in written order
	Line int
}

// PlanCount is a number of customers on one plan.
type PlanCount struct {
	PlanID string // the ID of a plan of the program
	Count  int64
}

// Plan returns the plan whose ID, or else whose name, equals id ignoring
// case.
func (p *Program) Plan(id string) (*Plan, bool) {
	for _, pl := range p.Plans {
		if strings.EqualFold(pl.ID, id) {
			return pl, true
		}
	}
	for _, pl := range p.Plans {
		if strings.EqualFold(pl.Name, id) {
			return pl, true
		}
	}
	return nil, false
}

// PlanIDs returns the IDs of the plans in written order.
func (p *Program) PlanIDs() []string {
	ids := make([]string, len(p.Plans))
	for i, pl := range p.Plans {
		ids[i] = pl.ID
	}
	return ids
}

// Scenario returns the scenario whose ID, or else whose name, equals id
// ignoring case.
func (p *Program) Scenario(id string) (*Scenario, bool) {
	for _, s := range p.Scenarios {
		if strings.EqualFold(s.ID, id) {
			return s, true
		}
	}
	for _, s := range p.Scenarios {
		if strings.EqualFold(s.Name, id) {
			return s, true
		}
	}
	return nil, false
}

// CurrencyOrDefault returns the program's currency, US dollars when none
// was given.
func (p *Program) CurrencyOrDefault() money.Currency {
	return p.Currency.OrDefault()
}
