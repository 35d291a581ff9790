package programs

import (
	"errors"
	"strings"
	"testing"
)

// errorCases are invalid sources with every message they must produce, in
// order. They also seed FuzzParse.
var errorCases = []struct {
	name string
	file string
	src  string
	want []string
}{
	{"missing required keys", "x.yaml", "description: hi\n", []string{
		`x.yaml:1: missing required key "name"`,
		`x.yaml:1: missing required key "url"`,
		`x.yaml:1: missing required key "plans"`,
	}},
	{"missing keys at mapping line", "x.yaml", "# comment\n\nname: X\n", []string{
		`x.yaml:3: missing required key "url"`,
		`x.yaml:3: missing required key "plans"`,
	}},
	{"empty file", "x.yaml", "", []string{`x.yaml:1: missing required keys name, url and plans`}},
	{"not a mapping", "x.yaml", "- a\n- b\n", []string{`x.yaml:1: program: expected a mapping of keys to values`}},
	{"empty plans", "x.yaml", "name: X\nurl: https://x.example/\nplans: []\n", []string{`x.yaml:3: plans: the list is empty`}},
	{"link template unknown placeholder", "x.yaml", base + "link_template: \"https://net.example/c?u={ref}&s={sub}\"\n", []string{
		`x.yaml:6: link_template: unknown placeholder {sub} (placeholders: {url}, {ref}, {subid}, {utm_source}, {utm_medium}, {utm_campaign})`,
	}},
	{"link template unclosed", "x.yaml", base + "link_template: \"https://net.example/c?u={ref\"\n", []string{
		`x.yaml:6: link_template: unclosed placeholder at "{ref" (placeholders: {url}, {ref}, {subid}, {utm_source}, {utm_medium}, {utm_campaign})`,
	}},
	{"link template not a URL", "x.yaml", base + "link_template: \"{url}&s={subid}\"\n", []string{
		`x.yaml:6: link_template: "{url}&s={subid}" is not an absolute http(s) URL template (such as "https://www.shareasale.com/r.cfm?u={ref}&m=12345&afftrack={subid}&urllink={url}")`,
	}},
	{"commission above 1", "x.yaml", base + "commission: 1.5\n", []string{`x.yaml:6: commission: rate 1.5 is outside 0–1 (0%–100%)`}},
	{"tier2 above 100%", "x.yaml", base + "tier2: 140%\n", []string{`x.yaml:6: tier2: rate 140% is outside 0–1 (0%–100%)`}},
	{"negative rate", "x.yaml", base + "commission: -0.1\n", []string{`x.yaml:6: commission: rate -0.1 is outside 0–1 (0%–100%)`}},
	{"not a rate", "x.yaml", base + "commission: forty\n", []string{`x.yaml:6: commission: "forty" is not a rate (want e.g. 0.40 or 40%)`}},
	{"float trap rate", "x.yaml", base + "commission: 0.1234567891\n", []string{`x.yaml:6: commission: "0.1234567891" is not a rate (want e.g. 0.40 or 40%)`}},
	{"negative price", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: -3.00\n", []string{
		`x.yaml:5: monthly: negative price "-3.00"`,
	}},
	{"negative trial price", "x.yaml", base + "trial:\n  days: 14\n  price: -1\n", []string{`x.yaml:8: price: negative price "-1"`}},
	{"not an amount", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 12.999\n    annual: abc\n", []string{
		`x.yaml:5: monthly: "12.999" has 3 decimals, but USD has 2; amounts are not rounded`,
		`x.yaml:6: annual: "abc" is not an amount of money (want e.g. 12.50)`,
	}},
	{"unknown top-level key", "x.yaml", base + "comission: 0.4\n", []string{`x.yaml:6: unknown key "comission" (did you mean "commission"?)`}},
	{"unknown plan key", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthy: 5\n", []string{
		`x.yaml:4: plan "A": no price: give monthly, annual or price (a one-off), or free: true`,
		`x.yaml:5: unknown key "monthy" (did you mean "monthly"?)`,
	}},
	{"unknown payout key", "x.yaml", base + "payout:\n  hold_day: 30\n", []string{`x.yaml:7: unknown key "hold_day" (did you mean "hold_days"?)`}},
	{"unknown key without suggestion", "x.yaml", base + "colour: blue\n", []string{`x.yaml:6: unknown key "colour" in program`}},
	{"javascript url", "x.yaml", "name: X\nurl: \"javascript:alert(1)\"\nplans: [{name: A, monthly: 1}]\n", []string{
		`x.yaml:2: url: "javascript:alert(1)" is not an absolute http(s) URL`,
	}},
	{"relative signup url", "x.yaml", base + "signup_url: /join\n", []string{`x.yaml:6: signup_url: "/join" is not an absolute http(s) URL`}},
	{"ftp plan signup url", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1\n    signup_url: ftp://x.example/\n", []string{
		`x.yaml:6: signup_url: "ftp://x.example/" is not an absolute http(s) URL`,
	}},
	{"duplicate key", "x.yaml", base + "name: Y\n", []string{`x.yaml:6: duplicate key "name" (first at line 1)`}},
	{"duplicate key in plan", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1\n    monthly: 2\n", []string{
		`x.yaml:6: duplicate key "monthly" (first at line 5)`,
	}},
	{"duplicate plan id", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: Pro Plan\n    monthly: 1\n  - name: A\n    id: pro-plan\n    monthly: 2\n", []string{
		`x.yaml:6: duplicate plan id "pro-plan" (first at line 4)`,
	}},
	{"plan without name", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - monthly: 1\n", []string{`x.yaml:4: plan 1: missing required key "name"`}},
	{"plan not a mapping", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - A\n", []string{`x.yaml:4: plan 1: expected a mapping of keys to values`}},
	{"plans not a list", "x.yaml", "name: X\nurl: https://x.example/\nplans: A\n", []string{`x.yaml:3: plans: expected a list`}},
	{"scenario unknown plan", "x.yaml", base + "scenarios:\n  - name: Big\n    mix: {a: 1, diamond: 2}\n", []string{
		`x.yaml:8: scenario "Big": unknown plan "diamond" (known plans: a)`,
	}},
	{"scenario non-integer count", "x.yaml", base + "scenarios:\n  - name: Big\n    mix:\n      a: 1.5\n", []string{
		`x.yaml:9: scenario "Big": count "1.5" for plan "a" is not a whole number of customers`,
	}},
	{"scenario negative count", "x.yaml", base + "scenarios:\n  - name: Big\n    mix: {a: -1}\n", []string{
		`x.yaml:8: scenario "Big": count "-1" for plan "a" is not a whole number of customers`,
	}},
	{"scenario plan twice", "x.yaml", base + "scenarios:\n  - name: Big\n    mix: {a: 1, A: 2}\n", []string{
		`x.yaml:8: scenario "Big": plan "a" is listed twice`,
	}},
	{"scenario without name or mix", "x.yaml", base + "scenarios:\n  - mix: {a: 1}\n  - name: Small\n", []string{
		`x.yaml:7: scenario 1: missing required key "name"`,
		`x.yaml:8: scenario "Small": missing required key "mix"`,
	}},
	{"duplicate scenario id", "x.yaml", base + "scenarios:\n  - name: Big one\n    mix: {a: 1}\n  - name: Big  One!\n    mix: {a: 2}\n", []string{
		`x.yaml:9: duplicate scenario id "big-one" (first at line 7)`,
	}},
	{"bad date", "x.yaml", base + "prices_checked: 2026-13-01\n", []string{`x.yaml:6: prices_checked: "2026-13-01" is not a date (want YYYY-MM-DD)`}},
	{"date with slashes", "x.yaml", base + "prices_checked: 11/01/2026\n", []string{`x.yaml:6: prices_checked: "11/01/2026" is not a date (want YYYY-MM-DD)`}},
	{"not a bool", "x.yaml", base + "recurring: sometimes\n", []string{`x.yaml:6: recurring: "sometimes" is not true or false`}},
	{"not a whole number", "x.yaml", base + "cookie_days: 30.5\npayout:\n  min_sales: -2\n", []string{
		`x.yaml:6: cookie_days: "30.5" is not a whole number`,
		`x.yaml:8: min_sales: -2 is negative`,
	}},
	{"payout not a mapping", "x.yaml", base + "payout: monthly\n", []string{`x.yaml:6: payout: expected a mapping of keys to values`}},
	{"pros not a list", "x.yaml", base + "pros: {a: b}\n", []string{`x.yaml:6: pros: expected a list`}},
	{"list entry not text", "x.yaml", base + "cons:\n  - [a]\n", []string{`x.yaml:7: cons: each entry must be a single text`}},
	{"name not a scalar", "x.yaml", "name: [X]\nurl: https://x.example/\nplans: [{name: A, monthly: 1}]\n", []string{
		`x.yaml:1: name: expected a single value, not a list or mapping`,
	}},
	{"bad domain", "x.yaml", base + "domains: [\"https://x.example/\"]\n", []string{`x.yaml:6: domains: "https://x.example/" is not a host name (want e.g. example.com)`}},
	{"bad feature value", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1\n    features:\n      Sites: [1]\n", []string{
		`x.yaml:7: features: "Sites": expected true, false or a short text such as "3 sites"`,
	}},
	{"features not list or map", "x.yaml", "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1\n    features: all\n", []string{
		`x.yaml:6: features: expected a list of names or a mapping of name to value`,
	}},
	{"yaml syntax", "x.yaml", "name: X\nurl: [\n", []string{`x.yaml:2: invalid YAML: did not find expected node content`}},
	{"yaml tab", "x.yml", "name: X\n\turl: y\n", []string{`x.yml:2: invalid YAML: found a tab character that violates indentation`}},
	{"json syntax", "x.json", "{\"name\": \"X\",\n\"url\": \"a\"\n\"plans\": []}\n", []string{`x.json:2: invalid YAML: did not find expected ',' or '}'`}},
	{"json duplicate key", "x.json", "{\"name\": \"X\",\n\"url\": \"https://x.example/\",\n\"plans\": [{\"name\": \"A\", \"monthly\": 1}],\n\"name\": \"Y\"}\n", []string{
		`x.json:4: duplicate key "name" (first at line 1)`,
	}},
	{"toml syntax", "x.toml", "name = \"X\"\nurl = \n", []string{`x.toml:2: invalid TOML: unexpected character U+000A at start of value`}},
	{"toml duplicate key", "x.toml", "name = \"X\"\nname = \"Y\"\n", []string{`x.toml:2: invalid TOML: key name is already defined`}},
	{"toml errors with lines", "x.toml", "name = \"X\"\ncomission = 0.4\nurl = \"https://x.example/\"\n\n[[plans]]\nname = \"A\"\nmonthly = 1\n\n[[plans]]\nname = \"B\"\nmonthly = -5.0\nmonthy = 5\n", []string{
		`x.toml:2: unknown key "comission" (did you mean "commission"?)`,
		`x.toml:11: monthly: negative price "-5.0"`,
		`x.toml:12: unknown key "monthy" (did you mean "monthly"?)`,
	}},
	{"toml key in wrong table", "x.toml", tomlBase + "cookie_days = 30\n", []string{`x.toml:7: unknown key "cookie_days" in plan 1`}},
	{"toml scenario unknown plan", "x.toml", tomlBase + "\n[[scenarios]]\nname = \"S\"\n[scenarios.mix]\na = 1\nb = 2\n", []string{
		`x.toml:12: scenario "S": unknown plan "b" (known plans: a)`,
	}},
	{"bare commission 1 is ambiguous", "x.yaml", base + "commission: 1\ntier2: \"1.00\"\n", []string{
		`x.yaml:6: commission: a bare 1 is ambiguous: write "100%" for the whole price, or "1%" (0.01)`,
		`x.yaml:7: tier2: a bare 1.00 is ambiguous: write "100%" for the whole price, or "1%" (0.01)`,
	}},
	{"toml bare commission 1", "x.toml", "commission = 1.0\n" + tomlBase, []string{
		`x.toml:1: commission: a bare 1.0 is ambiguous: write "100%" for the whole price, or "1%" (0.01)`,
	}},
	{"toml amounts keep their literal text", "x.toml", tomlBase + "annual = 1234567890123456.78\n[trial]\nprice = 12.4999999999999999999\n[payout]\nminimum = 1e2\n", []string{
		`x.toml:9: price: "12.4999999999999999999" has 19 decimals, but USD has 2; amounts are not rounded`,
		`x.toml:11: minimum: "1e2" is not an amount of money (want e.g. 12.50)`,
	}},
	{"toml exponent rate", "x.toml", "tier2 = 4e-1\n" + tomlBase, []string{`x.toml:1: tier2: "4e-1" is not a rate (want e.g. 0.40 or 40%)`}},
	{"yaml and json exponents", "x.json", "{\"name\": \"X\", \"url\": \"https://x.example/\",\n\"tier2\": 4e-1,\n\"plans\": [{\"name\": \"A\", \"monthly\": 1e2}]}\n", []string{
		`x.json:2: tier2: "4e-1" is not a rate (want e.g. 0.40 or 40%)`,
		`x.json:3: monthly: "1e2" is not an amount of money (want e.g. 12.50)`,
	}},
	{"unknown currency code", "x.yaml", base + "currency: {code: \"not a code\"}\n", []string{
		`x.yaml:6: currency: code: "not a code" is not an ISO 4217 currency code (such as USD, EUR, GBP or JPY)`,
	}},
	{"misspelt currency code", "x.yaml", base + "currency:\n  code: EUO\n", []string{
		`x.yaml:7: currency: code: "EUO" is not an ISO 4217 currency code (did you mean "EUR"?)`,
	}},
	{"symbol without code", "x.yaml", base + "currency: {symbol: €}\n", []string{
		`x.yaml:6: currency: symbol "€" without a code: add code (such as "EUR"), which decides the decimals`,
	}},
	{"yen has no decimals", "x.yaml", "currency: {code: JPY}\nname: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1001.00\n", []string{
		`x.yaml:6: monthly: "1001.00" has decimals, but JPY has no minor unit (write a whole amount, such as 1,001)`,
	}},
	{"dinar has three decimals", "x.yaml", base + "trial: {price: 1.2345}\ncurrency: {code: BHD}\n", []string{
		`x.yaml:6: price: "1.2345" has 4 decimals, but BHD has 3; amounts are not rounded`,
	}},
	{"amount too large", "x.yaml", base + "payout: {minimum: 92233720368547758.08}\n", []string{
		`x.yaml:6: minimum: "92233720368547758.08" is too large an amount`,
	}},
	{"unsupported extension", "x.txt", "name: X\n", []string{`x.txt:1: unsupported file type ".txt" (want .yaml, .yml, .toml or .json)`}},
	{"errors sorted by line", "x.yaml", "url: ftp://x\nplans: [{name: A, monthly: 1}]\ncommission: 2\n", []string{
		`x.yaml:1: url: "ftp://x" is not an absolute http(s) URL`,
		`x.yaml:1: missing required key "name"`,
		`x.yaml:3: commission: rate 2 is outside 0–1 (0%–100%)`,
	}},
}

// base is a valid program with one plan "a", five lines long.
const base = "name: X\nurl: https://x.example/\nplans:\n  - name: A\n    monthly: 1\n"

// tomlBase is base in TOML, six lines long.
const tomlBase = "name = \"X\"\nurl = \"https://x.example/\"\n\n[[plans]]\nname = \"A\"\nmonthly = 1\n"

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range errorCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse(tt.file, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; program %+v", p)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList: %v", err, err)
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	e := &Error{File: "data/programs/x.yaml", Line: 12, Msg: "boom"}
	if got := e.Error(); got != "data/programs/x.yaml:12: boom" {
		t.Errorf("Error() = %q", got)
	}
	l := ErrorList{e, {File: "a", Line: 1, Msg: "m"}}
	if got := l.Error(); got != "data/programs/x.yaml:12: boom\na:1: m" {
		t.Errorf("ErrorList.Error() = %q", got)
	}
}
