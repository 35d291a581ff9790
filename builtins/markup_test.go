package builtins

import (
	"bytes"
	"html/template"
	"os"
	"testing"

	"github.com/affsite/affsite/shortcodes"
)

// hostile holds every byte html/template treats specially in text,
// attributes and URLs, invalid UTF-8, and runes it leaves alone.
const hostile = "a<b>&amp;\"q\" 'x' +1 \x00 \xff\xfe é – \u2028 %zz %2F % #f?a=b&c=[d] `"

// sameMarkup executes testdata/former/NAME.html, the theme's template
// before its markup was written from Go, and the theme's file of each
// of files on data as a shortcode's .Data, and fails unless they write
// the same bytes.
func sameMarkup(t *testing.T, name string, data any, files ...string) {
	t.Helper()
	run := func(file string) string {
		t.Helper()
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		tmpl := template.Must(template.New(name).Parse(string(src)))
		if err := tmpl.Execute(&out, &shortcodes.Invocation{Data: data}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	want := run("testdata/former/" + name + ".html")
	for _, f := range files {
		if got := run("../themes/default/layouts/shortcodes/" + f); got != want {
			t.Errorf("%s:\n got %s\nwant %s", f, got, want)
		}
	}
}

// TestLinkMarkupMatchesTemplate: LinkData.HTML writes what afflink.html
// (and link.html, the same markup) wrote, hostile text in every field.
func TestLinkMarkupMatchesTemplate(t *testing.T) {
	t.Parallel()
	for _, href := range []string{"https://x.example/?ref=a&subid=b-c", "javascript:alert(1)", "/go/x " + hostile, hostile} {
		for _, target := range []string{"", "_blank", hostile} {
			d := LinkData{Href: href, Rel: "sponsored " + hostile, Target: target, Text: template.HTML("<b>" + hostile + "</b>")}
			sameMarkup(t, "afflink", d, "afflink.html", "link.html")
			sameMarkup(t, "afflink", &d, "afflink.html")
		}
	}
}

// TestDisclosureMarkupMatchesTemplate: DisclosureData.HTML writes what
// disclosure.html wrote.
func TestDisclosureMarkupMatchesTemplate(t *testing.T) {
	t.Parallel()
	sameMarkup(t, "disclosure", &DisclosureData{Label: "L " + hostile, Text: template.HTML("<p>" + hostile + "</p>")}, "disclosure.html")
	sameMarkup(t, "disclosure", &DisclosureData{}, "disclosure.html")
}

// TestCommissionTableMarkupMatchesTemplate: CommissionTableData.HTML
// writes what commission-table.html wrote, for every combination of the
// table's columns and optional parts, hostile text in every field, and
// for the table of every fixture program.
func TestCommissionTableMarkupMatchesTemplate(t *testing.T) {
	t.Parallel()
	h := func(s string) string { return s + " " + hostile }
	row := CommissionRow{Plan: h("Plan"), Terms: h("Terms"), Monthly: h("M"), Annual: h("A"), Once: h("O"),
		CommissionMonthly: h("CM"), CommissionAnnual: h("CA"), CommissionOnce: h("CO"),
		Tier2Monthly: h("TM"), Tier2Annual: h("TA"), Tier2Once: h("TO")}
	for bits := range 1 << 10 {
		on := func(i int) bool { return bits&(1<<i) != 0 }
		d := &CommissionTableData{Program: h("P"), Caption: h("Caption"), Tier2Rate: h("10%"),
			PerPlan: on(0), HasMonthly: on(1), HasAnnual: on(2), HasOnce: on(3), HasTier2: on(4), NoPrices: on(9),
			Rows: []CommissionRow{row, {Plan: "Second", Featured: true}}}
		if on(5) {
			d.Rate = h("40%")
		}
		if on(6) {
			d.Tiers = []string{h("$75 for 6–10"), "$90 above"}
		}
		if on(7) {
			d.Checked = h("Prices checked")
		}
		if on(8) {
			d.SourceText, d.SourceURL = h("source"), "https://x.example/"
		}
		sameMarkup(t, "commission-table", d, "commission-table.html")
	}
	st := testState(modelPrograms(t))
	for _, p := range st.Programs.All() {
		if len(p.Plans) == 0 {
			continue // no table: an error
		}
		inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": p.ID}}
		if err := st.CommissionTable(inv); err != nil {
			t.Fatal(err)
		}
		sameMarkup(t, "commission-table", inv.Data, "commission-table.html")
	}
}
