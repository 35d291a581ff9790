package builtins

import (
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// themeTemplates is a TemplateSet over the default theme's shortcode
// templates, as the generator's would be.
type themeTemplates struct {
	tmpl *template.Template
	text map[string]string
}

func loadThemeTemplates(t testing.TB) *themeTemplates {
	t.Helper()
	files, err := filepath.Glob("../themes/default/layouts/shortcodes/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no shortcode templates: %v", err)
	}
	ts := &themeTemplates{tmpl: template.New(""), text: make(map[string]string)}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "shortcodes/" + filepath.Base(f)
		ts.text[name] = string(b)
		if _, err := ts.tmpl.New(name).Parse(string(b)); err != nil {
			t.Fatal(err)
		}
	}
	return ts
}

func (ts *themeTemplates) Has(name string) bool { return ts.tmpl.Lookup(name) != nil }
func (ts *themeTemplates) UsesInner(name string) bool {
	return strings.Contains(ts.text[name], ".Inner")
}
func (ts *themeTemplates) Execute(w io.Writer, name string, data any) error {
	return ts.tmpl.ExecuteTemplate(w, name, data)
}

// testPrograms loads the built-ins' own fixtures, testdata/programs:
// funnelforge, kartra and shieldwave as the example site had them, so
// that editing the example site's data never changes these tests.
func testPrograms(t testing.TB) *programs.Set {
	t.Helper()
	set, err := programs.Load(os.DirFS("testdata/programs"), ".")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// modelPrograms is testPrograms with the real programs of
// programs/testdata/real, one per commission model.
func modelPrograms(t testing.TB) *programs.Set {
	t.Helper()
	real, err := programs.Load(os.DirFS("../programs/testdata/real"), ".")
	if err != nil {
		t.Fatal(err)
	}
	return programs.NewSet(append(testPrograms(t).All(), real.All()...)...)
}

func kartra(t testing.TB) *programs.Program {
	t.Helper()
	src, err := os.ReadFile("testdata/programs/kartra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := programs.Parse("kartra.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const testFile = "content/posts/kartra-review.md"

// testState is the state of a page "kartra-review" whose body starts on
// line 6 of its file.
func testState(set *programs.Set) *PageState {
	st := NewPageState(set, affiliate.Config{
		LinkMode: affiliate.LinkDirect, UTMSource: "affsite", UTMMedium: "review",
		DisclosureText: "I earn a commission if you buy through my links.",
	})
	st.Slug, st.Title, st.Author, st.File = "kartra-review", "Kartra review", "Ann Example", testFile
	st.Date = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	return st
}

// expandPage runs src through shortcodes.Parse and shortcodes.Expand with the built-ins and the
// theme's templates, and returns the Markdown with every placeholder
// replaced by its HTML.
func expandPage(t testing.TB, ts *themeTemplates, st *PageState, src string) (string, error) {
	t.Helper()
	return expandOn(t, ts, st, src, nil)
}

// goldenTests are small posts, one or more per shortcode; each output is
// compared with testdata/NAME.golden.
var goldenTests = []struct {
	name, src string
	cfg       func(*affiliate.Config)
	program   string // the page's front-matter program
}{
	{name: "afflink", src: "{{< disclosure >}}\n\nTry {{< afflink program=\"kartra\" >}} or {{< afflink program=\"kartra\" plan=\"gold\" placement=\"intro\" >}}the <b>Gold</b> plan{{< /afflink >}}.\n"},
	{name: "afflink_default_program", program: "kartra", src: "See {{< afflink plan=\"silver\" />}}.\n"},
	{name: "afflink_cloaked", src: "{{< afflink program=\"kartra\" plan=\"gold\" >}}\n",
		cfg: func(c *affiliate.Config) {
			c.LinkMode, c.BasePath, c.Target = affiliate.LinkCloaked, "/blog/", "_blank"
		}},
	{name: "commission_table", src: "{{< commission-table program=\"kartra\" >}}\n"},
	{name: "plans", src: "{{< plans program=\"kartra\" >}}\n"},
	{name: "plans_features", src: "{{< plans program=\"kartra\" features=\"agency management, custom domains\" >}}\n"},
	{name: "earnings", src: "{{< earnings program=\"kartra\" starter=6 Silver=\"6\" >}}\n"},
	{name: "earnings_tier2", src: "{{< earnings program=\"kartra\" scenario=\"one-referral-a-week\" tier2=\"true\" >}}\n"},
	{name: "program_facts", src: "{{< program-facts program=\"kartra\" >}}\n"},
	{name: "disclosure", src: "{{< disclosure >}}\n\n{{< disclosure text=\"Links <here> pay me.\" >}}\n\n{{% disclosure %}}I earn a **commission**.{{% /disclosure %}}\n"},
	{name: "pros_cons", src: "{{< pros-cons program=\"kartra\" >}}\n"},
	{name: "pros_cons_inner", src: "{{% pros-cons %}}\n**Pros**\n- Generous <commission>\n- Long cookie\n\n**Cons**\n* Manual approval\n{{% /pros-cons %}}\n"},
	{name: "verdict", program: "kartra", src: "{{< verdict rating=\"4.5\" >}}Worth it for creators who sell courses.{{< /verdict >}}\n"},
	{name: "cta", src: "{{< cta program=\"kartra\" >}}\n{{< cta program=\"kartra\" plan=\"starter\" text=\"Start your $1 trial\" placement=\"hero\" >}}\n"},
	// One post per commission model (programs/testdata/real).
	{name: "model_tiered_flat", src: "{{< commission-table program=\"siteground\" >}}\n{{< program-facts program=\"siteground\" >}}\n{{< earnings program=\"siteground\" startup=4 growbig=6 >}}\n"},
	{name: "model_floor_per_plan", src: "{{< commission-table program=\"wpengine\" >}}\n{{< plans program=\"wpengine\" >}}\n{{< earnings program=\"wpengine\" lite=1 startup=2 scale=1 tier2=\"true\" >}}\n"},
	// On Amazon, whose prices a page may not show, the earnings table has
	// no price column (and the commission table above none either).
	{name: "earnings_amazon", src: "{{< earnings program=\"amazon\" chefs-knife=3 desk-lamp=2 >}}\n"},
	{name: "model_one_off_categories", src: "{{< commission-table program=\"amazon\" >}}\n{{< plans program=\"amazon\" >}}\n{{< program-facts program=\"amazon\" >}}\n"},
	{name: "model_months_status", src: "{{< commission-table program=\"kit\" >}}\n{{< program-facts program=\"kit\" >}}\n"},
	{name: "model_net_of_fee", src: "{{< commission-table program=\"clickbank\" >}}\n{{< plans program=\"clickbank\" >}}\n"},
	{name: "model_lifetime_free", src: "{{< commission-table program=\"systemeio\" >}}\n{{< plans program=\"systemeio\" >}}\n{{< program-facts program=\"systemeio\" >}}\n"},
	{name: "model_first_and_renewals", src: "{{< commission-table program=\"nordvpn\" >}}\n{{< plans program=\"nordvpn\" >}}\n"},
}

func TestGolden(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Program = tt.program
			if tt.cfg != nil {
				tt.cfg(&st.Config)
			}
			out, err := expandPage(t, ts, st, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			b.WriteString(out)
			for _, l := range st.Links {
				fmt.Fprintf(&b, "-- link: %+v\n", l)
			}
			for _, js := range st.JSONLD {
				fmt.Fprintf(&b, "-- json-ld: %s\n", js)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, got)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	const at = testFile + ":6:1: "
	tests := []struct{ src, want string }{
		{`{{< afflink program="kartr" >}}`, `shortcode "afflink": unknown program "kartr" (did you mean "kartra"?)`},
		{`{{< afflink >}}`, `shortcode "afflink": missing argument program= (the page has no "program" in its front matter; programs: funnelforge, kartra, shieldwave)`},
		{`{{< afflink program="kartra" plan="diamond" >}}`, `shortcode "afflink": unknown plan "diamond" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< cta program="kartra" plan="x" >}}`, `shortcode "cta": unknown plan "x" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< commission-table program="nope" >}}`, `shortcode "commission-table": unknown program "nope" (programs: funnelforge, kartra, shieldwave)`},
		{`{{< plans program="kartra" features="Landing pages,Teleport" >}}`, `shortcode "plans": unknown feature "Teleport" of program "kartra" (features: Landing pages, Email marketing, Membership sites, Products, Custom domains, Emails a month, Agency management)`},
		{`{{< earnings program="kartra" >}}`, `shortcode "earnings": missing plan counts, such as starter=6, or scenario= (plans: starter, silver, gold, platinum)`},
		{`{{< earnings program="kartra" starter="six" >}}`, `shortcode "earnings": starter="six" is not a count (a whole number, 0 or more)`},
		{`{{< earnings program="kartra" starter="-1" >}}`, `shortcode "earnings": starter="-1" is not a count (a whole number, 0 or more)`},
		{`{{< earnings program="kartra" diamond=2 >}}`, `shortcode "earnings": unknown plan "diamond" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< earnings program="kartra" starter=1 Starter=2 >}}`, `shortcode "earnings": plan "starter" is counted twice`},
		{`{{< earnings program="kartra" scenario="lottery" >}}`, `shortcode "earnings": unknown scenario "lottery" of program "kartra" (scenarios: one-referral-a-month, one-referral-a-week, paid-advertising)`},
		{`{{< earnings program="kartra" scenario="paid-advertising" gold=1 >}}`, `shortcode "earnings": give either scenario= or plan counts (gold), not both`},
		{`{{< earnings program="kartra" starter=1 tier2="yes" >}}`, `shortcode "earnings": tier2="yes" is not true or false`},
		{`{{< earnings kartra >}}`, `shortcode "earnings" takes named arguments, such as program="id" Starter=6`},
		{`{{< program-facts program="" >}}`, `shortcode "program-facts": missing argument program= (the page has no "program" in its front matter; programs: funnelforge, kartra, shieldwave)`},
		{"{{% pros-cons %}}\n- only pros\n{{% /pros-cons %}}", `shortcode "pros-cons": its inner content needs two lists, pros then cons; found 1`},
		{`{{< verdict program="kartra" >}}`, `shortcode "verdict": missing argument rating=, such as rating="4.5"`},
		{`{{< verdict program="kartra" rating="great" >}}`, `shortcode "verdict": rating="great" is not a number from 0 to 5`},
		{`{{< verdict program="kartra" rating="6" >}}`, `shortcode "verdict": rating="6" is not a number from 0 to 5`},
		{`{{< verdict program="kartra" rating="-1" >}}`, `shortcode "verdict": rating="-1" is not a number from 0 to 5`},
		{`{{< verdict program="kartra" rating="4" best="ten" >}}`, `shortcode "verdict": best="ten" is not a whole number from 1 to 100`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandPage(t, ts, testState(set), tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), at+tt.want; got != want {
				t.Errorf("error\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestBuiltinsHaveTemplates(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	for _, name := range Registry(testState(testPrograms(t))).Names() {
		if !ts.Has(shortcodes.TemplateName(name)) {
			t.Errorf("no template for %s", name)
		}
		if ts.UsesInner(shortcodes.TemplateName(name)) {
			t.Errorf("%s's template uses .Inner, so a standalone use would be an error", name)
		}
	}
}

// Test that the currency of the configuration wins over the program's.
func TestConfigCurrency(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	// site.toml's currency is the default for programs that name none; a
	// program's own currency wins, since its prices are in it.
	for _, tc := range []struct {
		program, want, notWant string
	}{
		{"shieldwave", "€", "$"},  // no currency in its data file
		{"kartra", "$39.60", "€"}, // currency: USD in its data file
	} {
		st := testState(testPrograms(t))
		st.Config.Currency = money.Currency{Code: "EUR", Symbol: "€"}
		out, err := expandPage(t, ts, st, `{{< commission-table program="`+tc.program+`" >}}`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.notWant) {
			t.Errorf("%s: want amounts with %q and none with %q:\n%s", tc.program, tc.want, tc.notWant, out)
		}
	}
}
