package check

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/keypos"
	"github.com/affsite/affsite/programs"
)

// checkPrograms reports programs that pages name but the data does not
// have, programs no page uses, stale prices_checked dates and pages last
// changed before their program's prices were.
func (a *auditor) checkPrograms() {
	a.checkFigures()
	a.checkRefIDs()
	a.checkUnknownPrograms()
	used := a.usedPrograms()
	for _, p := range a.progs.All() {
		if !used[p.ID] {
			a.add(p.File, max(p.Line, 1), 0, Warning, fmt.Sprintf("program %s is not used by any page", p.ID))
		}
		a.checkPricesAge(p)
	}
	for _, r := range a.rep.Sources {
		a.checkPageAge(r)
	}
}

// checkUnknownPrograms reports each page whose program the data does
// not have.
func (a *auditor) checkUnknownPrograms() {
	for _, r := range a.rep.Sources {
		if _, ok := a.progs.Get(r.Program); r.Program != "" && !ok {
			line, col := keyPlace(a.source(r.File), "program")
			a.add(r.File, line, col, Error,
				fmt.Sprintf("unknown program %q (data/programs has %s)", r.Program, listOrNone(a.progs.IDs())))
		}
	}
}

// usedPrograms are the programs that pages name or link to.
func (a *auditor) usedPrograms() map[string]bool {
	used := map[string]bool{}
	for _, r := range a.rep.Sources {
		for _, id := range pagePrograms(r) {
			used[id] = true
		}
	}
	for _, l := range a.rep.Links {
		used[l.Program] = true
	}
	return used
}

// checkPricesAge reports a program whose prices_checked is older than
// stale_after_days: a warning, an error with --strict.
func (a *auditor) checkPricesAge(p *programs.Program) {
	staleAfter := a.cfg.Affiliate.StaleAfterDays
	age := int(a.opts.Now.Sub(p.PricesChecked) / (24 * time.Hour))
	if p.PricesChecked.IsZero() || age <= staleAfter {
		return
	}
	level := a.strictLevel()
	line, col := keyPlace(a.source(p.File), "prices_checked")
	a.add(p.File, line, col, level,
		fmt.Sprintf("program %s: prices_checked %s is %d days old, more than stale_after_days (%d): check the prices and commission again",
			p.ID, p.PricesChecked.Format("2006-01-02"), age, staleAfter))
}

// checkPageAge reports, once for each program, that page r was last
// changed before the program's prices were checked.
func (a *auditor) checkPageAge(r generator.PageRecord) {
	if r.Lastmod.IsZero() {
		return
	}
	ids := pagePrograms(r)
	sort.Strings(ids)
	seen := map[string]bool{}
	for _, id := range ids {
		p, ok := a.progs.Get(id)
		if !ok || seen[id] || p.PricesChecked.IsZero() || !r.Lastmod.Before(p.PricesChecked) {
			continue
		}
		seen[id] = true
		line, col := a.datePlace(r.File)
		a.add(r.File, line, col, Warning, fmt.Sprintf("page last changed %s, before %s's prices were checked (%s): review it against the new figures and update lastmod",
			r.Lastmod.Format("2006-01-02"), id, p.PricesChecked.Format("2006-01-02")))
	}
}

// datePlace is the line and column of a page's lastmod, else of its date.
func (a *auditor) datePlace(file string) (line, col int) {
	src := a.source(file)
	if line, col, ok := keypos.Find(src, "lastmod"); ok {
		return line, col
	}
	return keyPlace(src, "date")
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
