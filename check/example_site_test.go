package check_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/check"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/programs"
)

// exampleEdits change every rate, price and term of the example site's
// program files, as a vendor changing its terms would.
var exampleEdits = map[string][][2]string{
	"data/programs/kartra.yaml": {
		{"commission: 0.40", "commission: 0.35"}, {"tier2: 0.10", "tier2: 0.15"},
		{"days: 14", "days: 21"}, {"price: 1.00", "price: 2.00"},
		{"minimum: 100.00", "minimum: 150.00"}, {"hold_days: 30", "hold_days: 45"},
		{"min_sales: 2", "min_sales: 3"},
		{"monthly: 99\n", "monthly: 97\n"}, {"monthly: 199\n", "monthly: 189\n"},
		{"monthly: 299\n", "monthly: 289\n"}, {"monthly: 499\n", "monthly: 489\n"},
		{"annual: 948\n", "annual: 936\n"}, {"annual: 1,788\n", "annual: 1,776\n"},
		{"annual: 2,748\n", "annual: 2,736\n"}, {"annual: 4,548\n", "annual: 4,536\n"},
	},
	"data/programs/funnelforge.toml": {
		{`commission = "30%"`, `commission = "25%"`}, {"cookie_days = 60", "cookie_days = 90"},
		{"minimum = 50.00", "minimum = 75.00"}, {"hold_days = 30", "hold_days = 45"},
		{"monthly = 29.00", "monthly = 27.00"}, {"annual = 290.00", "annual = 270.00"},
		{"monthly = 79.00", "monthly = 77.00"}, {"annual = 790.00", "annual = 770.00"},
		{"monthly = 199.00", "monthly = 189.00"}, {"annual = 1990.00", "annual = 1890.00"},
	},
	"data/programs/hostharbor.yaml": {
		{`commission: "$65"`, `commission: "$70"`}, {`commission: "$120"`, `commission: "$110"`},
		{"cookie_days: 90", "cookie_days: 75"}, {"minimum: 50.00", "minimum: 60.00"},
		{"hold_days: 45", "hold_days: 40"},
		{"annual: 47.88", "annual: 49.88"}, {"annual: 95.88", "annual: 99.88"},
		{"monthly: 29.00", "monthly: 31.00"}, {"annual: 299.00", "annual: 319.00"},
	},
	"data/programs/pagepilot.yaml": {
		{"rate: 30%", "rate: 25%"}, {"{from: 11, rate: 40%}", "{from: 16, rate: 35%}"},
		{"cookie_days: 30", "cookie_days: 45"}, {"minimum: 25.00", "minimum: 20.00"},
		{"hold_days: 30", "hold_days: 21"},
		{"monthly: 16.00, annual: 144.00", "monthly: 17.00, annual: 156.00"},
		{"monthly: 32.00, annual: 288.00", "monthly: 33.00, annual: 300.00"},
		{"monthly: 59.00, annual: 540.00", "monthly: 61.00, annual: 552.00"},
	},
	"data/programs/inboxloop.yaml": {
		{"rate: 50%", "rate: 45%"}, {"months: 12", "months: 6"},
		{"cookie_days: 60", "cookie_days: 50"}, {"days: 14", "days: 21"},
		{"minimum: 30.00", "minimum: 35.00"}, {"hold_days: 30", "hold_days: 28"},
		{"monthly: 15.00, annual: 150.00", "monthly: 16.00, annual: 160.00"},
		{"monthly: 39.00, annual: 390.00", "monthly: 41.00, annual: 410.00"},
		{"monthly: 79.00, annual: 790.00", "monthly: 83.00, annual: 830.00"},
	},
	"data/programs/shieldwave.yaml": {
		{"commission: 0.40", "commission: 0.35"}, {"tier2: 0.10", "tier2: 0.15"},
		{"monthly: 12.50", "monthly: 13.50"}, {"annual: 125.00", "annual: 135.00"},
		{"monthly: 17.50", "monthly: 18.50"}, {"annual: 175.00", "annual: 185.00"},
		{"monthly: 24.99", "monthly: 25.99"},
	},
	"data/programs/amazon-scale.yaml": {
		{"Kitchen: 4.5%", "Kitchen: 5%"}, {"other: 4%", "other: 3.5%"},
		{"price: 24.99", "price: 22.99"}, {"minimum: 10.00", "minimum: 15.00"},
		{"cookie_hours: 24", "cookie_hours: 12"},
	},
}

// TestExampleSiteFollowsData changes every figure of the example site's
// program data, in a copy of the site, rebuilds it and asserts that no
// page still shows an old figure and that check is clean: the reviews
// and the comparison type none by hand.
func TestExampleSiteFollowsData(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("../content/posts/kartra-affiliate-program-review.md"); err != nil {
		t.Skipf("no example site: %v", err)
	}
	dir := sitetest.CopyExample(t, "..")
	before := exampleFacts(t, dir)
	for file, edits := range exampleEdits {
		full := filepath.Join(dir, filepath.FromSlash(file))
		src, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		for _, e := range edits {
			if !strings.Contains(s, e[0]) {
				t.Fatalf("%s has no %q to change", file, e[0])
			}
			s = strings.ReplaceAll(s, e[0], e[1])
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := exampleFacts(t, dir)

	// The figures that changed: every money amount, percentage and
	// duration of the old data that the new data no longer has, and the
	// forms prose writes the old whole-number terms in.
	current := map[string]bool{}
	for _, v := range after {
		current[v] = true
	}
	var gone []string
	for path, v := range before {
		if current[v] || after[path] == v {
			continue
		}
		switch {
		case strings.ContainsAny(v, "$%") || strings.Contains(v, " day"):
			gone = append(gone, v)
		case strings.HasSuffix(path, "hold_days") || strings.HasSuffix(path, "trial.days") || strings.HasSuffix(path, "cookie.days"):
			gone = append(gone, v+"-day", v+" days")
		case strings.HasSuffix(path, "min_sales"):
			gone = append(gone, v+" sales")
		}
	}
	gone = append(gone, "40 %", "10 %", "30 %", "two sales", "two-week", "half a year",
		"24 hours", "sales 1–10", "11th")
	if len(gone) < 40 {
		t.Fatalf("only %d old figures to look for: %q", len(gone), gone)
	}

	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: dir, Output: out, Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	for _, name := range out.Names() {
		if ext := filepath.Ext(name); ext != ".html" && ext != ".xml" && ext != ".json" {
			continue
		}
		data, _ := out.File(name)
		for _, old := range gone {
			re := regexp.MustCompile(`(^|[^0-9.,$])` + regexp.QuoteMeta(old) + `($|[^0-9])`)
			if strings.HasPrefix(old, "$") {
				re = regexp.MustCompile(regexp.QuoteMeta(old) + `($|[^0-9])`)
			}
			if loc := re.FindIndex(data); loc != nil {
				lo, hi := max(loc[0]-60, 0), min(loc[1]+60, len(data))
				t.Errorf("%s still shows the old %q: …%s…", name, old, data[lo:hi])
			}
		}
	}

	res, err := check.Run(check.Options{Source: dir, Now: exampleNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity == check.Error || strings.HasPrefix(f.File, "content/") {
			t.Errorf("check: %s", f)
		}
	}
}

// TestExampleSiteChecksClean: check finds nothing on the example site
// weeks after its prices were checked, since it shows no Amazon price
// (Amazon allows one for 24 hours) and every program is used.
func TestExampleSiteChecksClean(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("../content/posts/brightline-kitchen-scale-review.md"); err != nil {
		t.Skipf("no example site: %v", err)
	}
	dir := sitetest.CopyExample(t, "..")
	res, err := check.Run(check.Options{Source: dir, Now: exampleNow.AddDate(0, 0, 20)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("check: %s", f)
	}
}

var exampleNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// exampleFacts returns every fact of the site's programs, keyed
// "program:path".
func exampleFacts(t *testing.T, dir string) map[string]string {
	t.Helper()
	set, err := programs.Load(os.DirFS(dir), "data/programs")
	if err != nil {
		t.Fatal(err)
	}
	st := builtins.NewPageState(set, affiliate.Config{})
	out := map[string]string{}
	for _, p := range set.All() {
		for path, v := range st.Facts(p) {
			out[p.ID+":"+path] = v
		}
	}
	return out
}
