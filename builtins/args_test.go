package builtins

import "testing"

// Every built-in refuses an argument it does not declare, at the
// argument, with the name it was probably meant to be.
func TestUnknownArguments(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	const at = testFile + ":6:"
	tests := []struct{ src, want string }{
		{`{{< afflink program="kartra" palcement="intro" >}}`, `30: unknown argument "palcement" of afflink; did you mean "placement"?`},
		{`{{< afflink progam="kartra" >}}`, `13: unknown argument "progam" of afflink; did you mean "program"?`},
		{`{{< afflink program="kartra" Plan="gold" />}}`, `30: unknown argument "Plan" of afflink; did you mean "plan"?`},
		{`{{< afflink program="kartra" class="big" >}}`, `30: unknown argument "class" of afflink (arguments: program, plan, placement)`},
		{`{{< afflink "kartra" >}}`, `1: shortcode "afflink" takes named arguments (program, plan, placement)`},
		{`{{< cta program="kartra" txt="Go" >}}`, `26: unknown argument "txt" of cta; did you mean "text"?`},
		{`{{< commission-table program="kartra" tier2="true" >}}`, `39: unknown argument "tier2" of commission-table (arguments: program)`},
		{`{{< plans progam="example" >}}`, `11: unknown argument "progam" of plans; did you mean "program"?`},
		{`{{< plans program="kartra" feature="Products" >}}`, `28: unknown argument "feature" of plans; did you mean "features"?`},
		{`{{< earnings program="kartra" scenaro="paid-advertising" >}}`, `31: unknown argument "scenaro" of earnings; did you mean "scenario"?`},
		{`{{< earnings program="kartra" starter=1 tier="true" >}}`, `41: unknown argument "tier" of earnings; did you mean "tier2"?`},
		{`{{< program-facts programme="kartra" >}}`, `19: unknown argument "programme" of program-facts; did you mean "program"?`},
		{`{{< disclosure txt="I earn." >}}`, `16: unknown argument "txt" of disclosure; did you mean "text"?`},
		{`{{< pros-cons program="kartra" pros="Fast" >}}`, `32: unknown argument "pros" of pros-cons (arguments: program)`},
		{`{{< verdict program="kartra" rating="4" bset="5" >}}Good.{{< /verdict >}}`, `41: unknown argument "bset" of verdict; did you mean "best"?`},
		{`{{< verdict program="kartra" raiting="4" >}}Good.{{< /verdict >}}`, `30: unknown argument "raiting" of verdict; did you mean "rating"?`},
		// A plan's name is an argument of earnings; one that is no plan is
		// reported as the plan it is not.
		{`{{< earnings program="kartra" Strter=1 >}}`, `1: shortcode "earnings": unknown plan "Strter" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< earnings program="nope" starter=1 >}}`, `1: shortcode "earnings": unknown program "nope" (programs: funnelforge, kartra, shieldwave)`},
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

// The declared arguments are the ones the built-ins use: each of them,
// spelt right, is accepted.
func TestDeclaredArgumentsAccepted(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	for _, src := range []string{
		`{{< afflink program="kartra" plan="gold" placement="intro" >}}x{{< /afflink >}}`,
		`{{< cta program="kartra" plan="gold" placement="intro" text="Go" >}}`,
		`{{< commission-table program="kartra" >}}`,
		`{{< plans program="kartra" features="Products" >}}`,
		`{{< earnings program="kartra" Starter=1 gold=2 tier2="true" >}}`,
		`{{< earnings program="kartra" scenario="paid-advertising" >}}`,
		`{{< program-facts program="kartra" >}}`,
		`{{< disclosure text="I earn." >}}`,
		`{{< pros-cons program="kartra" >}}`,
		`{{< verdict program="kartra" rating="4" best="5" >}}Good.{{< /verdict >}}`,
	} {
		if _, err := expandPage(t, ts, testState(set), src); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

// Every built-in declares its arguments: none is left permissive.
func TestBuiltinsDeclareArguments(t *testing.T) {
	t.Parallel()
	r := Registry(testState(testPrograms(t)))
	for _, name := range r.Names() {
		if args, _ := r.Args(name); args == nil {
			t.Errorf("built-in %s declares no arguments", name)
		}
	}
}
