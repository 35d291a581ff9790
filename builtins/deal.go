package builtins

import (
	"cmp"
	"html/template"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// DealScript is the theme's copy-button script, below the base path.
const DealScript = "js/deal.js"

// DealData is the data of the deal template.
type DealData struct {
	Program string        // the program's name
	Code    string        // the coupon code; empty for a deal without one
	Gives   template.HTML // what the deal gives: gives=, else the inner HTML
	// Expires is the expires= value as written ("" for none), for the
	// data-deal-expires attribute that affsite check reads; ExpiresText
	// is what readers see: "Valid through December 31, 2026".
	Expires, ExpiresText string
	// Expired is true when the build's time is past the deal's end. The
	// box then shows Fallback (and FallbackLink) instead of the code;
	// HasFallback is false when the author gave no fallback=.
	Expired     bool
	HasFallback bool
	Fallback    template.HTML
	// Button is the tracked link: to the deal, or, once expired, the
	// fallback's link when fallback_url= is not given. Its Href is empty
	// for an expired deal without a fallback.
	Button LinkData
	// FallbackURL is fallback_url=, a link of the author's (not
	// tracked), and FallbackText the text of the fallback's link.
	FallbackURL, FallbackText string
	// Script is the site path of the copy button's script.
	Script string
}

// AddDeal registers the deal shortcode of the page st in r, judged at now
// (the build's time, so that a build is the same for a given now). It
// needs the template shortcodes/deal.html, whose .Data is a DealData.
//
//	{{< deal program="kartra" code="SAVE20" gives="20% off your first 3 months"
//	    expires="2026-12-31" fallback="The coupon has ended; Kartra's trial is still $1." >}}
//
// expires= is the last day the code works (a date, or an RFC 3339 time).
// From then on the box shows fallback= with a link: fallback_url= when
// given, else the program's tracked link. The button text is text=
// (default "Get the deal"), the placement placement= (default "deal").
// It is registered apart from Registry because it needs the build's now.
func AddDeal(r *shortcodes.Registry, st *PageState, now time.Time) {
	r.Add("deal", func(inv *shortcodes.Invocation) error { return st.deal(inv, now) },
		named("program", "plan", "code", "gives", "expires", "fallback", "fallback_url", "fallback_text", "text", "placement"))
}

func (st *PageState) deal(inv *shortcodes.Invocation, now time.Time) error {
	p, plan, err := st.programPlan(inv)
	if err != nil {
		return err
	}
	d := &DealData{Program: p.Name, Script: st.ScriptURL(DealScript)}
	d.Code, _ = inv.Arg("code")
	d.Code = strings.TrimSpace(d.Code)
	if d.Gives, err = dealGives(inv); err != nil {
		return err
	}
	if err := d.readExpiry(inv, now); err != nil {
		return err
	}
	if err := d.readFallback(inv); err != nil {
		return err
	}
	st.dealButton(inv, d, p, plan)
	inv.Data = d
	return nil
}

// dealGives is what the deal gives: gives=, else the inner content.
func dealGives(inv *shortcodes.Invocation) (template.HTML, error) {
	if g, _ := inv.Arg("gives"); strings.TrimSpace(g) != "" {
		return escapeHTML(g), nil
	}
	if strings.TrimSpace(string(inv.Inner)) != "" {
		return inv.Inner, nil
	}
	return "", inv.Errorf("shortcode %q: missing argument gives= (what the deal gives, such as gives=\"20%% off the first month\"), or inner content", inv.Name)
}

// readExpiry reads expires= and whether the deal has expired by now; a
// deal without one never expires.
func (d *DealData) readExpiry(inv *shortcodes.Invocation, now time.Time) error {
	var end time.Time
	if e, ok := inv.Arg("expires"); ok {
		d.Expires = strings.TrimSpace(e)
		var err error
		if end, err = affiliate.DealEnd(d.Expires); err != nil {
			return inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
		d.ExpiresText = expiresText(d.Expires, end)
	}
	d.Expired = affiliate.DealExpired(end, now)
	return nil
}

// readFallback reads what an expired deal shows: fallback=, with
// fallback_url= and fallback_text= for its link.
func (d *DealData) readFallback(inv *shortcodes.Invocation) error {
	fallback, _ := inv.Arg("fallback")
	d.FallbackURL, _ = inv.Arg("fallback_url")
	d.FallbackURL = strings.TrimSpace(d.FallbackURL)
	d.HasFallback = strings.TrimSpace(fallback) != ""
	d.Fallback = escapeHTML(fallback)
	if d.FallbackURL != "" && !d.HasFallback {
		return inv.Errorf("shortcode %q: fallback_url= needs fallback=, the text shown with it once the deal has expired", inv.Name)
	}
	d.FallbackText, _ = inv.Arg("fallback_text")
	return nil
}

// dealButton sets the deal's tracked link: to the deal, or once it has
// expired to the program, when the fallback links nowhere else.
func (st *PageState) dealButton(inv *shortcodes.Invocation, d *DealData, p *programs.Program, plan *programs.Plan) {
	placement, _ := inv.Arg("placement")
	text, _ := inv.Arg("text")
	placement, text = cmp.Or(placement, "deal"), cmp.Or(text, "Get the deal")
	switch {
	case !d.Expired:
		d.Button = st.link(inv, p, plan, placement, escapeHTML(text))
	case d.HasFallback && d.FallbackURL == "":
		// The fallback still sends readers to the program: tracked.
		if d.FallbackText == "" {
			d.FallbackText = "Visit " + p.Name
		}
		d.Button = st.link(inv, p, plan, placement, escapeHTML(d.FallbackText))
	case d.HasFallback && d.FallbackText == "":
		d.FallbackText = "See the current offer"
	}
}

// expiresText is what a deal's box says about its end: "Valid through
// December 31, 2026" for a date, "Ends December 31, 2026, 18:00 UTC"
// for a time.
func expiresText(expires string, end time.Time) string {
	if _, err := time.Parse("2006-01-02", expires); err == nil {
		return "Valid through " + end.AddDate(0, 0, -1).Format("January 2, 2006")
	}
	return "Ends " + end.Format("January 2, 2006, 15:04 MST")
}
