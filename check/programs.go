package check

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// checkPrograms reports programs that pages name but the data does not
// have, programs no page uses, stale prices_checked dates and pages last
// changed before their program's prices were.
func (a *auditor) checkPrograms() {
	a.checkFigures()
	a.checkRefIDs()
	used := map[string]bool{}
	for _, r := range a.rep.Sources {
		ids := append([]string(nil), r.Programs...)
		if r.Program != "" {
			ids = append(ids, r.Program)
		}
		for _, id := range ids {
			used[id] = true
		}
		if r.Program != "" {
			if _, ok := a.progs.Get(r.Program); !ok {
				a.add(r.File, lineOfKey(a.source(r.File), "program"), Error,
					fmt.Sprintf("unknown program %q (data/programs has %s)", r.Program, listOrNone(a.progs.IDs())))
			}
		}
	}
	for _, l := range a.rep.Links {
		used[l.Program] = true
	}
	staleAfter := a.cfg.Affiliate.StaleAfterDays
	for _, p := range a.progs.All() {
		if !used[p.ID] {
			a.add(p.File, max(p.Line, 1), Warning, fmt.Sprintf("program %s is not used by any page", p.ID))
		}
		if p.PricesChecked.IsZero() {
			continue
		}
		age := int(a.opts.Now.Sub(p.PricesChecked) / (24 * time.Hour))
		if age > staleAfter {
			level := Warning
			if a.opts.Strict {
				level = Error
			}
			a.add(p.File, lineOfKey(a.source(p.File), "prices_checked"), level,
				fmt.Sprintf("program %s: prices_checked %s is %d days old, more than stale_after_days (%d): check the prices and commission again",
					p.ID, p.PricesChecked.Format("2006-01-02"), age, staleAfter))
		}
	}
	for _, r := range a.rep.Sources {
		if r.Lastmod.IsZero() {
			continue
		}
		ids := append([]string(nil), r.Programs...)
		if r.Program != "" {
			ids = append(ids, r.Program)
		}
		sort.Strings(ids)
		seen := map[string]bool{}
		for _, id := range ids {
			p, ok := a.progs.Get(id)
			if !ok || seen[id] || p.PricesChecked.IsZero() || !r.Lastmod.Before(p.PricesChecked) {
				continue
			}
			seen[id] = true
			src := a.source(r.File)
			line := lineOfKey(src, "lastmod")
			if line == 1 {
				line = lineOfKey(src, "date")
			}
			a.add(r.File, line, Warning, fmt.Sprintf("page last changed %s, before %s's prices were checked (%s): review it against the new figures and update lastmod",
				r.Lastmod.Format("2006-01-02"), id, p.PricesChecked.Format("2006-01-02")))
		}
	}
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
