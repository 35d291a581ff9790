package affiliate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/money"
)

// Config is site.toml's [affiliate] table, as the build, affsite check
// and the built-in shortcodes all read it.
type Config struct {
	// RefID is the affiliate's id, used when a program has no ref_id.
	RefID string `toml:"ref_id"`
	// Disclosure is what a build does about a missing disclosure.
	Disclosure DisclosureMode `toml:"disclosure"`
	// DisclosureText is the default disclosure's text.
	DisclosureText string `toml:"disclosure_text"`
	// DisclosurePhrases are the wordings of an author's own disclosure
	// that count as one (DefaultDisclosurePhrases when unset; an empty
	// list recognises none).
	DisclosurePhrases []string `toml:"disclosure_phrases"`
	// LinkMode says where affiliate hrefs go.
	LinkMode LinkMode `toml:"link_mode"`
	// Target is the target attribute of affiliate links ("_blank" or "").
	Target string `toml:"target"`
	// UTM parameters added to every affiliate link when set.
	UTMSource   string `toml:"utm_source"`
	UTMMedium   string `toml:"utm_medium"`
	UTMCampaign string `toml:"utm_campaign"`
	// LinksPrefix is the folder of the cloaked paths of links-registry
	// entries that give none ("/go/", "/recommends/", "/out/"), below
	// the base path.
	LinksPrefix string `toml:"links_prefix"`
	// StaleAfterDays is the age in days after which a program's
	// prices_checked date is reported as stale.
	StaleAfterDays int `toml:"stale_after_days"`
	// DealWarnDays is how many days before a deal box's expires= date
	// affsite check warns about it (DefaultDealWarnDays when unset).
	DealWarnDays int `toml:"deal_warn_days"`
	// AutoLinks are the keyword auto-links; AutoLinkMax is how many
	// mentions of each phrase a page links (DefaultAutoLinkMax when unset).
	AutoLinks   []AutoLink `toml:"auto_links"`
	AutoLinkMax int        `toml:"auto_link_max"`
	// ClickEvents names the analytics the click script reports affiliate
	// clicks to ("plausible", "umami" or "ga4"; none when empty), under
	// the event name ClickEventName.
	ClickEvents    string `toml:"click_events"`
	ClickEventName string `toml:"click_event_name"`
	// RedirectStatus is the HTTP status of the cloaked-link redirects in
	// _redirects (DefaultRedirectStatus when unset); RedirectStatuses
	// sets it per program id.
	RedirectStatus   int            `toml:"redirect_status"`
	RedirectStatuses map[string]int `toml:"redirect_statuses"`
	// Host is the host that serves the cloaked links (see Host); "" when
	// site.toml names none.
	Host Host `toml:"host"`
	// CurrencyCode and CurrencySymbol override the default currency of
	// programs that name none (US dollars).
	CurrencyCode   string `toml:"currency"`
	CurrencySymbol string `toml:"currency_symbol"`

	// Phrases are DisclosurePhrases made ready for Scan, set by
	// Normalize.
	Phrases Phrases `toml:"-"`
	// Currency is CurrencyCode and CurrencySymbol checked, set by
	// Normalize; zero when site.toml names none (each program's own,
	// else US dollars).
	Currency money.Currency `toml:"-"`
	// BasePath is the site's base path, "/" or "/blog/": set by the
	// build from baseURL, never read from the table.
	BasePath string `toml:"-"`
}

// DefaultDisclosureText is the disclosure shown when site.toml gives none.
const DefaultDisclosureText = "This page contains affiliate links: if you buy through them, we may earn a commission at no extra cost to you. It does not change what we recommend."

// Normalize checks the modes and fills in the defaults.
func (c *Config) Normalize() error {
	c.fillDefaults()
	for _, step := range []func() error{c.normalizeModes, c.normalizePhrases, c.normalizeLinksPrefix, c.normalizeAutoLinks, c.normalizeClicks, c.normalizeRedirects, c.normalizeCurrency} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// fillDefaults gives the settings site.toml leaves out their defaults.
func (c *Config) fillDefaults() {
	if c.DisclosureText == "" {
		c.DisclosureText = DefaultDisclosureText
	}
	if c.LinksPrefix == "" {
		c.LinksPrefix = links.DefaultPrefix
	}
	if c.StaleAfterDays <= 0 {
		c.StaleAfterDays = 180
	}
	if c.DealWarnDays <= 0 {
		c.DealWarnDays = DefaultDealWarnDays
	}
	if c.BasePath == "" {
		c.BasePath = "/"
	}
}

// normalizeModes checks the disclosure and link modes and gives them
// their canonical spelling.
func (c *Config) normalizeModes() error {
	d, err := ParseDisclosureMode(string(c.Disclosure))
	if err != nil {
		return fmt.Errorf("[affiliate] %v", err)
	}
	l, err := ParseLinkMode(string(c.LinkMode))
	if err != nil {
		return fmt.Errorf("[affiliate] %v", err)
	}
	c.Disclosure, c.LinkMode = d, l
	return nil
}

// normalizePhrases prepares the disclosure phrases, the defaults when
// the table gives none.
func (c *Config) normalizePhrases() error {
	if c.DisclosurePhrases == nil {
		c.DisclosurePhrases = DefaultDisclosurePhrases()
	}
	p, err := NewPhrases(c.DisclosurePhrases)
	if err != nil {
		return fmt.Errorf("[affiliate] disclosure_phrases: %v", err)
	}
	c.Phrases = p
	return nil
}

// normalizeLinksPrefix cleans links_prefix into a site folder, "/go/".
func (c *Config) normalizeLinksPrefix() error {
	p, ok := links.CleanPath(c.LinksPrefix)
	if !ok {
		return fmt.Errorf("[affiliate] links_prefix %q is not a plain site folder such as \"/recommends/\"", c.LinksPrefix)
	}
	c.LinksPrefix = p
	return nil
}

// normalizeCurrency looks up the site's currency code, with the symbol
// site.toml gives it; a symbol without a code is an error.
func (c *Config) normalizeCurrency() error {
	if c.CurrencyCode == "" {
		if c.CurrencySymbol != "" {
			return fmt.Errorf("[affiliate] currency_symbol %q needs a currency code too (currency = \"EUR\", say)", c.CurrencySymbol)
		}
		return nil
	}
	cur, err := money.LookupCurrency(c.CurrencyCode)
	if err != nil {
		msg := fmt.Sprintf("[affiliate] currency %q is not an ISO 4217 currency code", c.CurrencyCode)
		if s, ok := suggest.Closest(strings.ToUpper(c.CurrencyCode), money.CurrencyCodes()); ok {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return errors.New(msg)
	}
	cur.Symbol = c.CurrencySymbol
	c.Currency = cur
	return nil
}

// GoPath is the site path of the cloaked-link folder, "/go/" under the
// base path.
func (c Config) GoPath() string { return c.BasePath + "go/" }
