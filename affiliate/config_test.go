package affiliate

import "testing"

func TestConfigNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
		check   func(Config) bool
	}{
		{"defaults", Config{}, "", func(c Config) bool {
			return c.Disclosure == DisclosureAuto && c.LinkMode == LinkDirect && c.DisclosureText == DefaultDisclosureText && c.StaleAfterDays == 180 && c.GoPath() == "/go/" && c.Currency.Code == ""
		}},
		{"currency in any case", Config{CurrencyCode: "eur", CurrencySymbol: "€"}, "", func(c Config) bool {
			return c.Currency.Code == "EUR" && c.Currency.Symbol == "€"
		}},
		{"base path", Config{BasePath: "/blog/"}, "", func(c Config) bool { return c.GoPath() == "/blog/go/" }},
		{"unknown currency", Config{CurrencyCode: "EUO"}, `[affiliate] currency "EUO" is not an ISO 4217 currency code; did you mean "EUR"?`, nil},
		{"not a code", Config{CurrencyCode: "not a code"}, `[affiliate] currency "not a code" is not an ISO 4217 currency code`, nil},
		{"symbol alone", Config{CurrencySymbol: "€"}, `[affiliate] currency_symbol "€" needs a currency code too (currency = "EUR", say)`, nil},
		{"bad link mode", Config{LinkMode: "cloacked"}, `[affiliate] link_mode must be "direct" or "cloaked", not "cloacked"`, nil},
		{"bad disclosure", Config{Disclosure: "on"}, `[affiliate] disclosure must be "auto", "require" or "off", not "on"`, nil},
	}
	for _, tt := range tests {
		c := tt.cfg
		err := c.Normalize()
		switch {
		case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.check != nil && !tt.check(c):
			t.Errorf("%s: normalized to %+v", tt.name, c)
		}
	}
}
