package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/internal/htmlesc"
)

// tableColumn is one of a commission table's price columns: its
// heading, the start of its price cells, the ends of its commission and
// second-tier headings and of their cells' data-label ("… of
// monthly"), whether the table shows it and its cells of a row.
type tableColumn struct {
	head, priceCell      string
	comHead, tier2Head   string
	comLabel, tier2Label string
	on                   func(*CommissionTableData) bool
	cells                func(*CommissionRow) (price, commission, tier2 string)
}

// column makes a price column headed head whose commission headings end
// in word ("monthly").
func column(head, word string, on func(*CommissionTableData) bool, cells func(*CommissionRow) (string, string, string)) tableColumn {
	return tableColumn{
		head: `<th scope="col" class="num">` + head + "</th>", priceCell: `<td class="num" data-label="` + head + `">`,
		comHead: " " + word + "</th>", tier2Head: " of " + word + "</th>",
		comLabel: " " + word + `">`, tier2Label: " of " + word + `">`,
		on: on, cells: cells,
	}
}

// tableColumns are the price columns in the order the table shows them.
var tableColumns = [...]tableColumn{
	column("Monthly price", "monthly", func(d *CommissionTableData) bool { return d.HasMonthly },
		func(r *CommissionRow) (string, string, string) { return r.Monthly, r.CommissionMonthly, r.Tier2Monthly }),
	column("Annual price", "annual", func(d *CommissionTableData) bool { return d.HasAnnual },
		func(r *CommissionRow) (string, string, string) { return r.Annual, r.CommissionAnnual, r.Tier2Annual }),
	column("Price", "price", func(d *CommissionTableData) bool { return d.HasOnce },
		func(r *CommissionRow) (string, string, string) { return r.Once, r.CommissionOnce, r.Tier2Once }),
}

// HTML is the table as the default theme's commission-table.html
// writes it (see markup.go): a figure with the caption, the volume
// tiers, one row a plan and the date the prices were checked.
func (d *CommissionTableData) HTML() template.HTML {
	if d.html != "" {
		return d.html
	}
	return d.render()
}

// render writes the markup HTML returns.
func (d *CommissionTableData) render() template.HTML {
	var b strings.Builder
	b.Grow(1024 + 512*len(d.Rows))
	b.WriteString("<figure class=\"aff-table\">\n<figcaption>")
	htmlesc.Write(&b, d.Caption)
	b.WriteString("</figcaption>\n")
	if len(d.Tiers) > 0 {
		b.WriteString("<ul class=\"aff-tiers\">\n")
		for _, t := range d.Tiers {
			element(&b, "<li>", t, "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("<div class=\"table-wrap\">\n<table class=\"commission-table\">\n<caption class=\"visually-hidden\">")
	htmlesc.Write(&b, d.Program)
	b.WriteString(" plans with ")
	if !d.NoPrices {
		b.WriteString("their prices and ")
	}
	b.WriteString("the commission on each</caption>\n<thead>\n")
	of := d.commissionOf()
	d.writeHead(&b, of)
	b.WriteString("</thead>\n<tbody>\n")
	for i := range d.Rows {
		d.writeRow(&b, &d.Rows[i], of)
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
	if d.Checked != "" {
		element(&b, `<p class="aff-checked">`, d.Checked, "")
		if d.SourceText != "" {
			element(&b, "; source: ", d.SourceText, "")
		}
		b.WriteString(".</p>\n")
	}
	b.WriteString("</figure>")
	return template.HTML(b.String())
}

// commissionOf is the start of the commission headings and labels:
// "40% of" when every plan earns one rate, else "Commission on".
func (d *CommissionTableData) commissionOf() string {
	if d.Rate != "" {
		return d.Rate + " of"
	}
	return "Commission on"
}

// writeHead writes the heading row; of is commissionOf's.
func (d *CommissionTableData) writeHead(b *strings.Builder, of string) {
	b.WriteString(`<tr><th scope="col">Plan</th>`)
	if d.PerPlan {
		b.WriteString(`<th scope="col">Terms</th>`)
	}
	if !d.NoPrices {
		d.eachColumn(func(c *tableColumn) { b.WriteString(c.head) })
	}
	d.eachColumn(func(c *tableColumn) { element(b, `<th scope="col" class="num">`, of, c.comHead) })
	if d.HasTier2 {
		d.eachColumn(func(c *tableColumn) { element(b, `<th scope="col" class="num">Tier 2: `, d.Tier2Rate, c.tier2Head) })
	}
	b.WriteString("</tr>\n")
}

// writeRow writes one plan's row; of is commissionOf's.
func (d *CommissionTableData) writeRow(b *strings.Builder, r *CommissionRow, of string) {
	element(b, `<tr><th scope="row">`, r.Plan, "</th>")
	if d.PerPlan {
		element(b, `<td data-label="Terms">`, r.Terms, "</td>")
	}
	if !d.NoPrices {
		d.eachColumn(func(c *tableColumn) {
			price, _, _ := c.cells(r)
			element(b, c.priceCell, price, "</td>")
		})
	}
	d.eachColumn(func(c *tableColumn) {
		_, com, _ := c.cells(r)
		element(b, `<td class="num" data-label="`, of, c.comLabel)
		element(b, "", com, "</td>")
	})
	if d.HasTier2 {
		d.eachColumn(func(c *tableColumn) {
			_, _, t2 := c.cells(r)
			element(b, `<td class="num" data-label="Tier 2: `, d.Tier2Rate, c.tier2Label)
			element(b, "", t2, "</td>")
		})
	}
	b.WriteString("</tr>\n")
}

// eachColumn calls f with each price column the table shows.
func (d *CommissionTableData) eachColumn(f func(*tableColumn)) {
	for i := range tableColumns {
		if tableColumns[i].on(d) {
			f(&tableColumns[i])
		}
	}
}

// element writes before, s escaped as html/template escapes text and
// attribute values, then after.
func element(b *strings.Builder, before, s, after string) {
	b.WriteString(before)
	htmlesc.Write(b, s)
	b.WriteString(after)
}
